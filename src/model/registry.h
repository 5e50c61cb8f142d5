/* registry: every type of thing kiem keeps, in one list, with what each
 * concern that cuts across them needs to know.
 *
 * Each feature defines its rows (struct entity_type) beside its model and
 * lists them at the end of its model file; features.h names the feature. The activity log, the privacy export and
 * erasure, the processing register, the OpenAPI schemas and the tests loop
 * over the list, so a new entity cannot be forgotten by one of them: a unit
 * test requires every row to say how it is named, exported, erased and
 * registered, even if only "it holds nothing about people". */
#ifndef KIEM_REGISTRY_H
#define KIEM_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/lang.h"
#include "fields.h"
#include "perm.h"

struct arena;
struct jw;
struct store_conn;

/* A section of a person's export: the rows of one statement. */
struct export_part {
	const char *key;  /* the section's key in the export: "partiesCreated" */
	const char *sql;  /* ?1: the person's user id */
	const char *const *cols; /* the members of each row, in column order */
	size_t ncols;
	/* one type letter per column, or NULL for all text: 's' text or null,
	 * 'b' a boolean (0 or 1), 'l' a comma-separated list */
	const char *types;
	bool one; /* a single object (the account), not a list of rows */
};

struct entity_type {
	const char *key;   /* its name in the activity log and the API: "party" */
	const char *table; /* its table */
	enum perm_object perm;
	const char *noun[LANG_COUNT]; /* for people: "partij", "party" */
	/* the page and API path of one, followed by its id; NULL if none */
	const char *page;
	const char *api;
	/* ?1 its id: one row with its name for people, or NULL (then it is
	 * named by its noun alone) */
	const char *name_sql;
	/* ?1 a user id: the ids of those in the areas the user coordinates
	 * (their entries in the log are theirs to read), one column; NULL:
	 * only platform admins read them. activity_list asks all types' at
	 * once, in one statement. */
	const char *scope_sql;
	/* What a person's export holds of it. */
	const struct export_part *exports;
	size_t nexports;
	/* What erasing a person does to it: statements with ?1 the user id,
	 * run in the registry's order inside the erasure's transaction. */
	const char *const *erase;
	size_t nerase;
	/* What erasure needs beyond statements, run after them, or NULL. */
	int (*erase_fn)(struct store_conn *c, const char *user_id);
	/* When it holds nothing about people, or keeps what it holds when a
	 * person is erased, why (in English, for the tests and the code's
	 * reader); NULL when exports and erase say it all. */
	const char *privacy_note;
	/* The ids of its rows in the processing register (register.h); NULL
	 * ends the list. Empty only with a privacy_note. */
	const char *registers[4];
	/* Its fields, for the API, the forms and the log's field names. */
	const struct field_desc *fields;
	size_t nfields;
	const char *schema; /* its OpenAPI schema's name: "Party", or NULL */
};

/* Every type, feature by feature in the order of ../features.h (each
 * feature's model file ends with its NULL-terminated NAME_types[]): the
 * erasure's and the export's order. Filled before main() runs; read only. */
#define REGISTRY_MAX 128
extern const struct entity_type *registry[REGISTRY_MAX];
extern size_t registry_count;

/* The type with this key, or NULL. */
const struct entity_type *registry_find(const char *key);

/* The label of a field name in the language (the log keeps only names):
 * of the type t (may be NULL) if it has the field, else of any type that
 * has it; NULL when none has. */
const char *registry_field_label(const struct entity_type *t, const char *name, enum lang lang);

/* The name of one object for people (its name_sql), in the arena; NULL
 * when it is gone or the type has no name. */
const char *registry_name(struct store_conn *c, struct arena *a, const struct entity_type *t,
			  const char *id);

/* Writes every type's export sections for the user as members of the open
 * JSON object. */
int registry_export(struct store_conn *c, const char *user_id, struct jw *w);

/* Runs every type's erasure statements for the user, in order. */
int registry_erase(struct store_conn *c, const char *user_id);

#endif
