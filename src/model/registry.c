#include "registry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../features.h"
#include "../store/store.h"

/* Each feature's types, in the order of features.h; a feature without
 * types is the empty list. */
#define TYPES(name) __attribute__((weak)) const struct entity_type *const name##_types[] = { NULL };
FEATURES(TYPES)
#define LIST(name) name##_types,
static const struct entity_type *const *const features[] = { FEATURES(LIST) };

/* The features' lists one after the other, made before main() runs, so
 * that every loop over the types (and every test) reads one array. */
const struct entity_type *registry[REGISTRY_MAX];
size_t registry_count;

__attribute__((constructor)) static void registry_fill(void)
{
	for (size_t i = 0; i < sizeof features / sizeof features[0]; i++)
		for (const struct entity_type *const *t = features[i]; *t; t++) {
			if (registry_count == REGISTRY_MAX) {
				fputs("kiem: more entity types than REGISTRY_MAX\n", stderr);
				abort();
			}
			registry[registry_count++] = *t;
		}
}

const struct entity_type *registry_find(const char *key)
{
	for (size_t i = 0; i < registry_count; i++)
		if (strcmp(registry[i]->key, key) == 0)
			return registry[i];
	return NULL;
}

const char *registry_field_label(const struct entity_type *t, const char *name, enum lang lang)
{
	const struct field_desc *own = t ? fields_find(t->fields, t->nfields, name) : NULL;
	if (own && own->label[lang])
		return own->label[lang];
	for (size_t i = 0; i < registry_count; i++) {
		const struct field_desc *d = fields_find(registry[i]->fields, registry[i]->nfields, name);
		if (d && d->label[lang])
			return d->label[lang];
	}
	return NULL;
}

const char *registry_name(struct store_conn *c, struct arena *a, const struct entity_type *t,
			  const char *id)
{
	if (!t->name_sql)
		return NULL;
	struct store_stmt *st = store_prepare(c, t->name_sql);
	if (!st)
		return NULL;
	store_bind_str(st, 1, id);
	const char *name = NULL;
	if (store_step(st) == STORE_ROW && !store_is_null(st, 0))
		name = arena_strdup(a, store_text(st, 0));
	store_reset(st);
	return name;
}

static void write_row(struct jw *w, struct store_stmt *st, const struct export_part *e)
{
	jw_obj(w);
	for (size_t i = 0; i < e->ncols; i++) {
		char type = e->types ? e->types[i] : 's';
		if (type == 'l') {
			jw_kcsv(w, e->cols[i], store_is_null(st, (int)i) ? "" : store_text(st, (int)i));
			continue;
		}
		jw_key(w, e->cols[i]);
		if (type == 'b')
			jw_bool(w, !store_is_null(st, (int)i) && store_int(st, (int)i) != 0);
		else if (store_is_null(st, (int)i))
			jw_null(w);
		else
			jw_str(w, store_text(st, (int)i));
	}
	jw_end(w);
}

static int export_part(struct store_conn *c, const char *user_id, const struct export_part *e,
		       struct jw *w)
{
	struct store_stmt *st = store_prepare(c, e->sql);
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, user_id);
	jw_key(w, e->key);
	if (!e->one)
		jw_arr(w);
	int rc, rows = 0;
	while ((rc = store_step(st)) == STORE_ROW) {
		write_row(w, st, e);
		rows++;
		if (e->one)
			break;
	}
	store_reset(st);
	if (e->one && !rows)
		return rc < 0 ? rc : ERR_NOTFOUND;
	if (!e->one)
		jw_end(w);
	return rc < 0 ? rc : 0;
}

int registry_export(struct store_conn *c, const char *user_id, struct jw *w)
{
	for (size_t i = 0; i < registry_count; i++)
		for (size_t j = 0; j < registry[i]->nexports; j++) {
			int rc = export_part(c, user_id, &registry[i]->exports[j], w);
			if (rc)
				return rc;
		}
	return 0;
}

int registry_erase(struct store_conn *c, const char *user_id)
{
	for (size_t i = 0; i < registry_count; i++) {
		const struct entity_type *t = registry[i];
		for (size_t j = 0; j < t->nerase; j++) {
			struct store_stmt *st = store_prepare(c, t->erase[j]);
			if (!st)
				return ERR_DB;
			store_bind_str(st, 1, user_id);
			int rc = store_run(st);
			if (rc)
				return rc;
		}
		if (t->erase_fn) {
			int rc = t->erase_fn(c, user_id);
			if (rc)
				return rc;
		}
	}
	return 0;
}
