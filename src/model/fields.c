#include "fields.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/jw.h"
#include "../base/text.h"
#include "../base/uuid.h"
#include "area.h"
#include "role.h"

const struct field_desc *fields_find(const struct field_desc *f, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i].name, name) == 0)
			return &f[i];
	return NULL;
}

/* The value's place in the struct. */
static void *at(const struct field_desc *d, const void *obj)
{
	return (char *)obj + d->offset;
}

const char *fields_str(const struct field_desc *d, const void *obj)
{
	if (d->flags & F_INLINE)
		return at(d, obj);
	return *(const char *const *)at(d, obj);
}

const struct strlist *fields_list(const struct field_desc *d, const void *obj)
{
	return at(d, obj);
}

bool fields_num(const struct field_desc *d, const void *obj, long long *out)
{
	*out = *(const long long *)at(d, obj);
	return !d->has_offset || *(const bool *)((const char *)obj + d->has_offset);
}

bool fields_bool(const struct field_desc *d, const void *obj)
{
	if (d->flags & F_IS_SET)
		return *(const char *const *)at(d, obj) != NULL;
	return *(const bool *)at(d, obj);
}

void fields_set_str(const struct field_desc *d, void *obj, const char *s)
{
	if (d->flags & F_INLINE) /* read-only: never set from outside */
		return;
	*(const char **)at(d, obj) = s;
}

void fields_set_list(const struct field_desc *d, void *obj, const char **v, size_t n)
{
	struct strlist *l = at(d, obj);
	l->v = v;
	l->n = n;
}

void fields_set_num(const struct field_desc *d, void *obj, bool given, long long v)
{
	*(long long *)at(d, obj) = given ? v : 0;
	if (d->has_offset)
		*(bool *)((char *)obj + d->has_offset) = given;
}

void fields_set_bool(const struct field_desc *d, void *obj, bool v)
{
	if (d->flags & F_IS_SET) /* read-only: follows the text it tells of */
		return;
	*(bool *)at(d, obj) = v;
}

bool strlist_has(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return true;
	return false;
}

static bool is_number(enum field_kind k)
{
	return k == FK_INT || k == FK_MONEY;
}

/* A JSON string into the arena, a NUL in it marked (text.h). */
static const char *json_text(struct arena *a, json_t *v)
{
	return text_dup_marking_nul(a, json_string_value(v), json_string_length(v));
}

static void apply_one(const struct field_desc *d, void *obj, json_t *v, struct arena *a,
		      struct problems *p)
{
	if (d->flags & F_LIST) {
		if (json_is_null(v)) {
			fields_set_list(d, obj, NULL, 0);
			return;
		}
		if (!json_is_array(v)) {
			problems_add(p, d->name, R_WRONG_TYPE, JK_ARRAY_OF_STRINGS);
			return;
		}
		size_t count = json_array_size(v);
		if (d->max_items && count > d->max_items) {
			problems_add(p, d->name, R_TOO_MANY, (long)d->max_items);
			return;
		}
		const char **list = arena_alloc(a, sizeof *list * (count + 1));
		for (size_t i = 0; i < count; i++) {
			json_t *e = json_array_get(v, i);
			if (!json_is_string(e)) {
				problems_add(p, d->name, R_WRONG_TYPE, JK_ARRAY_OF_STRINGS);
				return;
			}
			list[i] = json_text(a, e);
		}
		fields_set_list(d, obj, list, count);
	} else if (is_number(d->kind)) {
		if (json_is_null(v) && (d->flags & F_NULLABLE))
			fields_set_num(d, obj, false, 0);
		else if (json_is_integer(v))
			fields_set_num(d, obj, true, json_integer_value(v));
		else
			problems_add(p, d->name, R_WRONG_TYPE, JK_INTEGER);
	} else if (d->kind == FK_BOOL) {
		if (json_is_boolean(v))
			fields_set_bool(d, obj, json_is_true(v));
		else
			problems_add(p, d->name, R_WRONG_TYPE, JK_BOOLEAN);
	} else {
		if (json_is_null(v))
			fields_set_str(d, obj, NULL);
		else if (json_is_string(v))
			fields_set_str(d, obj, json_text(a, v));
		else
			problems_add(p, d->name, R_WRONG_TYPE, JK_STRING);
	}
}

void fields_apply_json(const struct field_desc *f, size_t n, void *obj, json_t *body,
		       enum field_op op, struct arena *a, struct problems *p)
{
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(a, key);
		const struct field_desc *d = fields_find(f, n, k);
		if ((!d && strcmp(k, "_links") != 0) || (d && (d->flags & F_INTERNAL)))
			problems_add(p, k, R_UNKNOWN_FIELD, 0);
		else if (!d || (d->flags & F_READ_ONLY) ||
			 (op == FIELDS_PATCH && (d->flags & F_CREATE_ONLY)))
			problems_add(p, k, R_READ_ONLY, 0);
		else
			apply_one(d, obj, v, a, p);
	}
}

/* Labels are compared in lower case (ASCII letters). */
static void lower_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* Trimmed (a copy), NULL when empty. */
static char *clean(struct arena *a, const char *s)
{
	if (!s)
		return NULL;
	char *t = text_trim(a, s, strlen(s));
	return *t ? t : NULL;
}

/* Trims each item, drops empty ones and repeats; labels are lower-cased.
 * The order stays as given: the store keeps each list in its own order. */
static void clean_list(const struct field_desc *d, void *obj, struct arena *a)
{
	const struct strlist *l = fields_list(d, obj);
	const char **v = arena_alloc(a, sizeof *v * (l->n + 1));
	size_t o = 0;
	for (size_t i = 0; i < l->n; i++) {
		char *t = l->v[i] ? text_trim(a, l->v[i], strlen(l->v[i])) : NULL;
		if (!t || !*t)
			continue;
		if (d->kind == FK_LABEL)
			lower_ascii(t);
		if (!strlist_has(&(struct strlist){ v, o }, t))
			v[o++] = t;
	}
	fields_set_list(d, obj, v, o);
}

static bool valid_date(const char *s)
{
	long long y, m, day;
	if (strlen(s) != 10)
		return false;
	for (int i = 0; i < 10; i++) /* digits only: text_parse_int takes a sign */
		if (i != 4 && i != 7 && !(s[i] >= '0' && s[i] <= '9'))
			return false;
	if (s[4] != '-' || s[7] != '-' || !text_parse_int(s, 4, 1900, 2999, &y) ||
	    !text_parse_int(s + 5, 2, 1, 12, &m) || !text_parse_int(s + 8, 2, 1, 31, &day))
		return false;
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return day <= days[m - 1] && (m != 2 || day <= 28 || leap);
}

/* One value of a kind that is text in the struct: its format and, for
 * areas and roles, that it exists. */
static bool valid_value(const struct field_desc *d, const char *s, struct store_conn *c, struct arena *a,
			struct problems *p)
{
	size_t len = strlen(s);
	switch (d->kind) {
	case FK_EMAIL:
		if (!valid_email(s))
			return problems_add(p, d->name, R_BAD_EMAIL, 0), false;
		return true;
	case FK_PHONE:
		if (!valid_phone(s))
			return problems_add(p, d->name, R_BAD_PHONE, 0), false;
		return true;
	case FK_URL:
		if (!valid_url(s))
			return problems_add(p, d->name, R_BAD_URL, 0), false;
		return true;
	case FK_ENUM:
		if (enum_find(d->keys, d->nkeys, s) < 0)
			return problems_add(p, d->name, R_NOT_ONE_OF, 0), false;
		return true;
	case FK_REF:
		if (!uuid_valid(s, len))
			return problems_add(p, d->name, R_BAD_FORMAT, 0), false;
		return true;
	case FK_AREA: {
		struct area ar;
		if (d->flags & F_MODEL_CHECKS)
			return true;
		if (!text_utf8_valid(s, len) || area_get_on(c, a, s, &ar))
			return problems_add(p, d->name, R_UNKNOWN_AREA, 0), false;
		return true;
	}
	case FK_ROLE:
		if (!role_find(s))
			return problems_add(p, d->name, R_UNKNOWN_ROLE, 0), false;
		return true;
	case FK_DATE:
		if (!valid_date(s))
			return problems_add(p, d->name, R_BAD_FORMAT, 0), false;
		return true;
	default:
		return true;
	}
}

static void validate_one(const struct field_desc *d, void *obj, struct store_conn *c, struct arena *a,
			 struct problems *p)
{
	bool required = d->flags & F_REQUIRED;
	if (d->flags & F_LIST) {
		clean_list(d, obj, a);
		const struct strlist *l = fields_list(d, obj);
		if (required && !l->n)
			problems_add(p, d->name, d->kind == FK_LABEL ? R_REQUIRED : R_CHOOSE, 0);
		else if (d->max_items && l->n > d->max_items)
			problems_add(p, d->name, R_TOO_MANY, (long)d->max_items);
		else
			for (size_t i = 0; i < l->n; i++)
				if ((d->kind == FK_LABEL &&
				     !valid_text(p, d->name, l->v[i], true, d->max ? (size_t)d->max : 200, false)) ||
				    !valid_value(d, l->v[i], c, a, p))
					break;
		return;
	}
	if (is_number(d->kind)) {
		long long v;
		if (!fields_num(d, obj, &v)) {
			if (required)
				problems_add(p, d->name, R_REQUIRED, 0);
		} else if (v < d->min || v > d->max) {
			problems_add_range(p, d->name, (long)d->min, (long)d->max);
		}
		return;
	}
	if (d->kind == FK_BOOL)
		return;
	const char *s = fields_str(d, obj);
	if (d->kind == FK_MARKDOWN && !(d->flags & F_NULLABLE)) {
		s = s ? text_trim(a, s, strlen(s)) : "";
		fields_set_str(d, obj, s);
		if (required && !*s)
			problems_add(p, d->name, R_REQUIRED, 0);
		else
			valid_text(p, d->name, s, false, d->max ? (size_t)d->max : 10000, true);
		return;
	}
	char *t = clean(a, s);
	if (t && d->kind == FK_LABEL)
		lower_ascii(t);
	s = t;
	if (!s && d->kind == FK_ENUM && d->def)
		s = d->def;
	fields_set_str(d, obj, s);
	if (!s) {
		if (required)
			problems_add(p, d->name, d->kind == FK_ENUM || d->kind == FK_AREA || d->kind == FK_REF
						 ? R_CHOOSE : R_REQUIRED, 0);
		return;
	}
	size_t max = d->max ? (size_t)d->max : 200;
	if (!valid_text(p, d->name, s, required, max, d->kind == FK_MARKDOWN))
		return;
	if (d->min > 1 && text_utf8_len(s, strlen(s)) < (size_t)d->min) {
		problems_add(p, d->name, R_TOO_SHORT, (long)d->min);
		return;
	}
	valid_value(d, s, c, a, p);
}

void fields_validate(const struct field_desc *f, size_t n, void *obj, struct store_conn *c,
		     struct arena *a, struct problems *p)
{
	for (size_t i = 0; i < n; i++)
		if (!(f[i].flags & (F_READ_ONLY | F_INTERNAL)))
			validate_one(&f[i], obj, c, a, p);
}

void fields_write_json(const struct field_desc *f, size_t n, const void *obj, struct jw *w)
{
	for (size_t i = 0; i < n; i++) {
		const struct field_desc *d = &f[i];
		if (d->flags & F_INTERNAL)
			continue;
		jw_key(w, d->name);
		if (d->flags & F_LIST) {
			const struct strlist *l = fields_list(d, obj);
			jw_arr(w);
			for (size_t j = 0; j < l->n; j++)
				jw_str(w, l->v[j]);
			jw_end(w);
		} else if (is_number(d->kind)) {
			long long v;
			if (fields_num(d, obj, &v))
				jw_int(w, v);
			else
				jw_null(w);
		} else if (d->kind == FK_BOOL) {
			jw_bool(w, fields_bool(d, obj));
		} else {
			const char *s = fields_str(d, obj);
			/* a text that is not nullable is "" when empty */
			jw_str(w, s || (d->flags & F_NULLABLE) ? s : "");
		}
	}
}

/* NULL and "" are the same: not given. */
static bool same_str(const char *x, const char *y)
{
	return strcmp(x ? x : "", y ? y : "") == 0;
}

static bool same(const struct field_desc *d, const void *x, const void *y)
{
	if (d->flags & F_LIST) {
		/* as sets: the store keeps lists in its own order */
		const struct strlist *a = fields_list(d, x), *b = fields_list(d, y);
		if (a->n != b->n)
			return false;
		for (size_t i = 0; i < a->n; i++)
			if (!strlist_has(b, a->v[i]))
				return false;
		return true;
	}
	if (is_number(d->kind)) {
		long long a, b;
		bool ga = fields_num(d, x, &a), gb = fields_num(d, y, &b);
		return ga == gb && (!ga || a == b);
	}
	if (d->kind == FK_BOOL)
		return fields_bool(d, x) == fields_bool(d, y);
	return same_str(fields_str(d, x), fields_str(d, y));
}

const char *fields_changed(const struct field_desc *f, size_t n, const void *before,
			   const void *after, struct arena *a)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += strlen(f[i].name) + 1;
	char *out = arena_alloc(a, len + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		const struct field_desc *d = &f[i];
		if ((d->flags & (F_READ_ONLY | F_INTERNAL)) || same(d, before, after))
			continue;
		if (o != out)
			*o++ = ',';
		size_t l = strlen(d->name);
		memcpy(o, d->name, l);
		o += l;
	}
	*o = 0;
	return out;
}
