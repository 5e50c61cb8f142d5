/* The OpenAPI document as served: the hand-written openapi.json (its paths,
 * their descriptions, and what is no field: links, counts, lists of
 * objects) with the schemas of every registered entity and of the other
 * shapes below generated from their field descriptors: S (an answer),
 * S + "Create" and S + "Patch" (bodies), where the hand-written document
 * names them. It is built once, on first use. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../base/log.h"
#include "../model/account.h"
#include "../model/area.h"
#include "../model/issue.h"
#include "../model/member.h"
#include "../model/registry.h"
#include "../model/signal.h"
#include "../model/user.h"
#include "common.h"

/* What a text of a kind must look like, as the validation of valid.c has
 * it (in words in the description, as a pattern for machines). */
static const char *const patterns[FK_KIND_COUNT] = {
	[FK_EMAIL] = "^[^@ <>\",;]+@[^@ <>\",;]+\\.[^@ <>\",;.]+$",
	[FK_PHONE] = "^\\+?[ ()-]*([0-9][ ()-]*){6,15}$",
	[FK_URL] = "^https?://[^/. <>\"'\\\\][^ <>\"'\\\\]*$",
};

static const char *const rules[FK_KIND_COUNT] = {
	[FK_EMAIL] = " Like name@example.nl: one @, and a dot in the part after it; no spaces or <>\",;.",
	[FK_PHONE] = " 6 to 15 digits, with spaces, hyphens and brackets between them and a plus at the start"
		     " allowed.",
	[FK_URL] = " An address starting with https:// or http://, without spaces.",
	[FK_AREA] = " The code of an existing area.",
	[FK_ROLE] = " A key from GET /roles.",
	[FK_LABEL] = " Trimmed and lower-cased.",
	[FK_DATE] = " A date, YYYY-MM-DD.",
};

enum variant { ANSWER, CREATE, PATCH };

/* One value of the kind (an item of a list, or the field itself); a body
 * says the least length it takes, an answer not (a first status change
 * has an empty reason). */
static json_t *value_schema(const struct field_desc *d, bool item, enum variant v)
{
	json_t *o = json_object();
	switch (d->kind) {
	case FK_INT:
	case FK_MONEY:
		json_object_set_new(o, "type", json_string("integer"));
		json_object_set_new(o, "minimum", json_integer(d->min));
		json_object_set_new(o, "maximum", json_integer(d->max));
		break;
	case FK_BOOL:
		json_object_set_new(o, "type", json_string("boolean"));
		break;
	case FK_ENUM: {
		json_object_set_new(o, "type", json_string("string"));
		json_t *keys = json_array();
		for (int i = 0; i < d->nkeys; i++)
			json_array_append_new(keys, json_string(d->keys[i].key));
		json_object_set_new(o, "enum", keys);
		break;
	}
	default:
		json_object_set_new(o, "type", json_string("string"));
		if (d->kind == FK_REF)
			json_object_set_new(o, "format", json_string("uuid"));
		else if (d->kind == FK_DATE)
			json_object_set_new(o, "format", json_string("date"));
		else if (d->kind == FK_TIME)
			json_object_set_new(o, "format", json_string("date-time"));
		else if (d->autocomplete && strstr(d->autocomplete, "password"))
			json_object_set_new(o, "format", json_string("password"));
		if (d->pattern || patterns[d->kind])
			json_object_set_new(o, "pattern", json_string(d->pattern ? d->pattern : patterns[d->kind]));
		if (!item && v != ANSWER && (d->flags & F_REQUIRED) && d->min > 0)
			json_object_set_new(o, "minLength", json_integer(d->min));
		if (d->max && d->kind != FK_REF && d->kind != FK_TIME && d->kind != FK_DATE)
			json_object_set_new(o, "maxLength", json_integer(d->max));
	}
	return o;
}

static json_t *field_schema(const struct field_desc *d, enum variant v)
{
	bool optional_input = v != ANSWER && !(d->flags & F_REQUIRED);
	/* an answer names the set's schema; a body lists the keys it takes,
	 * which may be fewer (an issue starts only as formulated or signalled) */
	if (d->kind == FK_ENUM && d->schema && v == ANSWER && !(d->flags & F_LIST)) {
		json_t *ref = json_object();
		json_object_set_new(ref, "$ref", json_sprintf("#/components/schemas/%s", d->schema));
		if (!(d->flags & F_NULLABLE))
			return ref;
		json_t *o = json_object();
		json_object_set_new(o, "allOf", json_pack("[o]", ref));
		json_object_set_new(o, "description", json_sprintf("%s, or null.", d->label[LANG_EN]));
		return o;
	}
	json_t *o;
	if (d->flags & F_LIST) {
		o = json_object();
		json_object_set_new(o, "type", json_string("array"));
		if (d->max_items)
			json_object_set_new(o, "maxItems", json_integer((json_int_t)d->max_items));
		json_object_set_new(o, "items", value_schema(d, true, v));
	} else {
		o = value_schema(d, false, v);
	}
	if ((d->flags & F_NULLABLE) || (optional_input && d->kind != FK_BOOL)) {
		json_object_set_new(o, "nullable", json_true());
		json_t *keys = json_object_get(o, "enum");
		if (keys)
			json_array_append_new(keys, json_null());
	}
	if (v == ANSWER && (d->flags & F_READ_ONLY))
		json_object_set_new(o, "readOnly", json_true());
	const char *doc = d->doc ? d->doc : d->label[LANG_EN];
	if (v != ANSWER && rules[d->kind])
		json_object_set_new(o, "description",
				    d->flags & F_LIST ? json_sprintf("%s Each item:%s Repeats are dropped.", doc, rules[d->kind])
						      : json_sprintf("%s%s", doc, rules[d->kind]));
	else if (v != ANSWER && d->kind == FK_ENUM && d->def)
		json_object_set_new(o, "description", json_sprintf("%s; `%s` when absent.", doc, d->def));
	else
		json_object_set_new(o, "description", json_string(doc));
	json_t *example = d->example ? json_loads(d->example, JSON_DECODE_ANY, NULL) : NULL;
	if (example)
		json_object_set_new(o, "example", example);
	return o;
}

/* A shape kiem answers or takes: its schema's name and its fields, or those
 * of them named in only (NULL-terminated; NULL: all). */
struct shape {
	const char *schema;
	const struct field_desc *fields;
	size_t nfields;
	const char *const *only;
};

/* Fills the schema called name, if the document has it, with the fields of
 * the variant: each a property, and in the list of required ones as the
 * variant asks (answers have every field, null when not given). */
static bool named(const char *const *only, const char *name)
{
	for (size_t i = 0; only && only[i]; i++)
		if (strcmp(only[i], name) == 0)
			return true;
	return !only;
}

static void fill(json_t *schemas, const char *name, const struct shape *t, enum variant v)
{
	json_t *s = json_object_get(schemas, name);
	if (!s)
		return;
	json_t *props = json_object_get(s, "properties");
	if (!props) {
		props = json_object();
		json_object_set_new(s, "properties", props);
	}
	json_t *required = json_array();
	for (size_t i = 0; i < t->nfields; i++) {
		const struct field_desc *d = &t->fields[i];
		if ((d->flags & F_INTERNAL) || (v != ANSWER && (d->flags & F_READ_ONLY)) ||
		    (v == PATCH && (d->flags & F_CREATE_ONLY)) || !named(t->only, d->name))
			continue;
		json_object_set_new(props, d->name, field_schema(d, v));
		if (v == ANSWER || (v == CREATE && (d->flags & F_REQUIRED)))
			json_array_append_new(required, json_string(d->name));
	}
	/* what the hand-written schema requires besides (its _links, or a
	 * member of a body that is no field of the answer's) */
	size_t i, j;
	json_t *e, *g;
	json_array_foreach(json_object_get(s, "required"), i, e) {
		bool have = false;
		json_array_foreach(required, j, g)
			have = have || json_equal(e, g);
		if (!have)
			json_array_append(required, e);
	}
	if (json_array_size(required))
		json_object_set_new(s, "required", required);
	else
		json_decref(required);
}

/* S, SCreate and SPatch of the shape. */
static void fill_all(json_t *schemas, const struct shape *sh)
{
	if (!sh->schema || !sh->nfields)
		return;
	char name[96];
	fill(schemas, sh->schema, sh, ANSWER);
	snprintf(name, sizeof name, "%sCreate", sh->schema);
	fill(schemas, name, sh, CREATE);
	snprintf(name, sizeof name, "%sPatch", sh->schema);
	fill(schemas, name, sh, PATCH);
}

extern const char openapi_json[];
extern const char openapi_json_end[];

static char *served;
static size_t served_len;

static void build(void)
{
	json_error_t err;
	json_t *doc = json_loadb(openapi_json, (size_t)(openapi_json_end - openapi_json), 0, &err);
	if (!doc) {
		log_error("openapi.json does not parse: %s (line %d)", err.text, err.line);
		return;
	}
	json_t *schemas = json_object_get(json_object_get(doc, "components"), "schemas");
	/* the shapes that are no registered entity's own */
	static const char *const me[] = { "id", "name", "email", "role", "createdAt", NULL };
	const struct shape shapes[] = {
		{ "StatusChange", issue_transition_fields, issue_transition_nfields, NULL },
		{ "SignalDecision", decision_fields, decision_nfields, NULL },
		{ "Me", user_fields, user_nfields, me },
		{ "Membership", membership_fields, membership_nfields, NULL },
		{ "AreaListItem", area_fields, area_nfields, NULL },
		{ "Registration", registration_fields, registration_nfields, NULL },
		{ "PasswordReset", password_reset_fields, password_reset_nfields, NULL },
	};
	for (size_t i = 0; i < registry_count; i++) {
		const struct entity_type *t = registry[i];
		fill_all(schemas, &(struct shape){ t->schema, t->fields, t->nfields, NULL });
	}
	for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++)
		fill_all(schemas, &shapes[i]);
	served = json_dumps(doc, JSON_COMPACT);
	served_len = served ? strlen(served) : 0;
	json_decref(doc);
}

const char *api_openapi_document(size_t *len)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, build);
	*len = served_len;
	return served;
}
