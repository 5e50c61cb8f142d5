/* fields: what an entity's fields are, said once, and the code every
 * entity shares because of it.
 *
 * Each entity describes its fields in a table of struct field_desc: the
 * name (the API's lowerCamelCase, which the forms use too), the kind, where
 * the value lives in the entity's struct, its limits, and its label and hint
 * in Dutch and English. From that table, generic code applies a JSON body
 * (every problem at once), cleans and validates, writes the JSON answer,
 * lists the fields a change touched for the activity log, and (in api/ and
 * web/) reads and renders forms and writes the OpenAPI schemas.
 *
 *     static const struct field_desc party_fields[] = {
 *             FIELD_TEXT(struct party, name, 1, 200, "naam", "name", ...),
 *             ...
 *     };
 *
 * Values live in the entity's struct by kind: text, enum, reference, area,
 * role, date and time as const char * (NULL: not given); lists as struct
 * strlist; integers and money as long long, with a bool beside it when the
 * field is nullable; booleans as bool. */
#ifndef KIEM_FIELDS_H
#define KIEM_FIELDS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "../base/lang.h"
#include "valid.h"

struct arena;
struct jw;
struct store_conn;

/* A list of strings (area codes, role keys, labels, ids). */
struct strlist {
	const char **v;
	size_t n;
};

enum field_kind {
	FK_TEXT,     /* one line of text */
	FK_MARKDOWN, /* text of several lines, in Markdown */
	FK_EMAIL,    /* an email address */
	FK_PHONE,    /* a phone number */
	FK_URL,      /* an http(s) address */
	FK_ENUM,     /* one key of a closed set (keys) */
	FK_REF,      /* the id of another entity (ref: its type's key) */
	FK_AREA,     /* an area code */
	FK_ROLE,     /* a role key of the catalogue */
	FK_LABEL,    /* a short label (a tag, a target group): lower case */
	FK_INT,      /* a whole number in [min, max] */
	FK_MONEY,    /* an amount in euro cents, in [min, max] */
	FK_DATE,     /* a date, YYYY-MM-DD */
	FK_TIME,     /* a moment, RFC 3339 in UTC */
	FK_BOOL,
	FK_KIND_COUNT
};

enum field_flags {
	F_REQUIRED = 1 << 0,    /* empty or missing is a problem */
	F_NULLABLE = 1 << 1,    /* null in JSON: not given */
	F_READ_ONLY = 1 << 2,   /* set by kiem: in answers, never in bodies */
	F_CREATE_ONLY = 1 << 3, /* given at creation, read-only after */
	F_LIST = 1 << 4,        /* a list of values of the kind (struct strlist) */
	F_INTERNAL = 1 << 5,    /* in the struct, never in answers (a code, a hash) */
	F_SPLIT_SPACE = 1 << 6, /* a list typed in a form splits on spaces as on commas */
	F_INLINE = 1 << 7,      /* text kept in a char array of the struct (an id), read-only */
	F_MODEL_CHECKS = 1 << 8, /* the model checks that the values exist (it needs what it reads) */
	F_IS_SET = 1 << 9,       /* FK_BOOL, read-only: whether the text at offset is given */
};

struct field_desc {
	const char *name; /* the API's and the form's name */
	enum field_kind kind;
	unsigned flags;
	size_t offset;     /* of the value in the entity's struct */
	size_t has_offset; /* of the bool that says a nullable number is given, or 0 */
	long long min, max;  /* characters of text, values of numbers */
	size_t max_items;    /* for lists */
	const struct enum_entry *keys; /* FK_ENUM: the closed set */
	int nkeys;
	const char *def;     /* FK_ENUM: the key when none is given, or NULL */
	const char *const (*key_hints)[LANG_COUNT]; /* FK_ENUM: a hint per key, or NULL */
	const char *ref;     /* FK_REF: the registry key of the entity referred to */
	const char *label[LANG_COUNT];
	const char *hint[LANG_COUNT]; /* or NULLs */
	const char *autocomplete; /* the form's autocomplete token, or NULL */
	const char *doc;     /* for the OpenAPI document, in English */
	const char *example; /* a JSON value, for the OpenAPI document, or NULL */
	const char *schema;  /* FK_ENUM: the OpenAPI schema of the set ("PartyKind"), or NULL */
	const char *pattern; /* for the OpenAPI document: a text's form the model checks, or NULL */
};

/* Table makers: the struct type, the member, then what differs. */
#define FIELD_AT(type, member) .offset = offsetof(type, member)
#define FIELD_HAS(type, member) .has_offset = offsetof(type, member)

/* What a JSON body is applied for: a creation (every field may be given) or
 * a merge patch (create-only fields are read-only). */
enum field_op { FIELDS_CREATE, FIELDS_PATCH };

/* The descriptor of name in f[0..n), or NULL. */
const struct field_desc *fields_find(const struct field_desc *f, size_t n, const char *name);

/* Applies the members of a JSON object to obj: each one named by a
 * descriptor and of its type is stored (null clears a nullable field);
 * every other adds a problem: R_UNKNOWN_FIELD (also for internal fields),
 * R_READ_ONLY (also "_links"),
 * R_WRONG_TYPE, R_TOO_MANY. Strings are copied into the arena, a \u0000
 * marked so that validation names the field. */
void fields_apply_json(const struct field_desc *f, size_t n, void *obj, json_t *body,
		       enum field_op op, struct arena *a, struct problems *p);

/* Cleans what was given (trims text, lower-cases labels, drops
 * duplicates and empty items, sets the defaults of enums) and checks every
 * field that is not read-only against its kind and limits: required, length,
 * UTF-8, control characters, formats, keys, ranges, the number of items, and
 * (reading the store) that areas and roles exist. A reference is checked for
 * its form only: whether it exists and the viewer may use it is the model's
 * to say. Adds every problem. c is the connection to read with: the
 * writer's inside a write transaction, so that validation sees what the
 * transaction wrote; it may be NULL only when no field needs the store (no
 * area or area list without F_MODEL_CHECKS). */
void fields_validate(const struct field_desc *f, size_t n, void *obj, struct store_conn *c,
		     struct arena *a, struct problems *p);

/* Writes the fields that are not internal as members of the open JSON
 * object: null for what is not given. */
void fields_write_json(const struct field_desc *f, size_t n, const void *obj, struct jw *w);

/* The names of the fields (not read-only) whose values differ between
 * before and after, comma-separated, for the activity log; "" for none. */
const char *fields_changed(const struct field_desc *f, size_t n, const void *before,
			   const void *after, struct arena *a);

/* The value of a field in obj, by kind (the caller knows which). */
const char *fields_str(const struct field_desc *d, const void *obj);
const struct strlist *fields_list(const struct field_desc *d, const void *obj);
/* A number and whether it is given. */
bool fields_num(const struct field_desc *d, const void *obj, long long *out);
bool fields_bool(const struct field_desc *d, const void *obj);
/* Setters, for code that reads values from elsewhere (forms). */
void fields_set_str(const struct field_desc *d, void *obj, const char *s);
void fields_set_list(const struct field_desc *d, void *obj, const char **v, size_t n);
void fields_set_num(const struct field_desc *d, void *obj, bool given, long long v);
void fields_set_bool(const struct field_desc *d, void *obj, bool v);

/* Whether a string list holds s. */
bool strlist_has(const struct strlist *l, const char *s);

#endif
