/* /api/v1/issues/{id}/factors: the environmental factors of an issue
 * (omgevingsfactoren), grouped by kind, each enabling or hindering. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/factor.h"
#include "common.h"
#include "routes.h"

static json_t *factor_json(struct http_req *r, const struct factor *f)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(f->id));
	json_object_set_new(o, "issue", json_string(f->issue_id));
	json_object_set_new(o, "kind", json_string(f->kind));
	json_object_set_new(o, "effect", json_string(f->effect));
	json_object_set_new(o, "description", json_string(f->description));
	json_object_set_new(o, "createdAt", json_string(f->created_at));
	json_object_set_new(o, "updatedAt", json_string(f->updated_at));
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link(arena_printf(r->arena, "/api/v1/issues/%s/factors/%s",
								  f->issue_id, f->id)));
	json_object_set_new(links, "issue", api_link(arena_printf(r->arena, "/api/v1/issues/%s", f->issue_id)));
	json_object_set_new(o, "_links", links);
	return o;
}

/* Per kind, in the dossier's order: how many enabling and hindering. */
static json_t *summary_json(const struct factor_summary *sum)
{
	json_t *kinds = json_array();
	for (int k = 0; k < FACTOR_KIND_COUNT; k++) {
		json_t *o = json_object();
		json_object_set_new(o, "kind", json_string(factor_kinds[k].key));
		json_object_set_new(o, "enabling", json_integer(sum->count[k][EFFECT_ENABLING]));
		json_object_set_new(o, "hindering", json_integer(sum->count[k][EFFECT_HINDERING]));
		json_array_append_new(kinds, o);
	}
	json_t *o = json_object();
	json_object_set_new(o, "total", json_integer(sum->total));
	json_object_set_new(o, "kinds", kinds);
	return o;
}

static void apply_json(struct http_req *r, json_t *body, struct factor *f, struct problems *p)
{
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(r->arena, key);
		if (!strcmp(k, "kind"))
			f->kind = api_string(r, v, k, p);
		else if (!strcmp(k, "effect"))
			f->effect = api_string(r, v, k, p);
		else if (!strcmp(k, "description"))
			f->description = api_string(r, v, k, p);
		else if (!strcmp(k, "id") || !strcmp(k, "issue") || !strcmp(k, "createdAt") ||
			 !strcmp(k, "updatedAt") || !strcmp(k, "_links"))
			problems_add(p, k, R_READ_ONLY, 0);
		else
			problems_add(p, k, R_UNKNOWN_FIELD, 0);
	}
}

void api_factors_list(struct http_req *r)
{
	static const char *const allowed[] = { "kind", "effect", "q", "limit", "cursor", NULL };
	struct problems p = { 0 };
	struct factor_filter f = { 0 };
	api_check_query(r, allowed, &f.limit, &p);
	f.kind = http_query(r, "kind");
	f.effect = http_query(r, "effect");
	f.q = http_query(r, "q");
	f.cursor = http_query(r, "cursor");
	struct factor *items;
	size_t n;
	const char *next;
	struct factor_summary sum;
	int rc = factor_list(r->store, r->arena, r->params[0], &f, &p, &items, &n, &next, &sum);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, factor_json(r, &items[i]));
	const char *keys[] = { "kind", "effect", "q", "limit" };
	const char *values[] = { f.kind, f.effect, f.q, http_query(r, "limit") };
	json_t *o = json_object();
	json_object_set_new(o, "items", list);
	json_object_set_new(o, "summary", summary_json(&sum));
	json_object_set_new(o, "_links", api_list_links(r, arena_printf(r->arena, "/api/v1/issues/%s/factors",
									  r->params[0]), keys, values, 4, next));
	api_send(r, 200, o);
}

void api_factors_get(struct http_req *r)
{
	struct factor f;
	int rc = factor_get(r->store, r->arena, r->params[0], r->params[1], &f);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	api_send(r, 200, factor_json(r, &f));
}

static void answer_saved(struct http_req *r, int rc, const struct problems *p, const struct factor *f, int status)
{
	if (rc == ERR_INVALID)
		api_invalid(r, p);
	else if (rc)
		api_fail(r, rc);
	else
		api_send(r, status, factor_json(r, f));
}

void api_factors_create(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct factor f = { 0 };
	struct problems p = { 0 };
	apply_json(r, body, &f, &p);
	json_decref(body);
	int rc = factor_create(r->store, r->arena, &r->viewer, r->params[0], &f, &p);
	if (!rc)
		http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/issues/%s/factors/%s",
							    r->params[0], f.id));
	answer_saved(r, rc, &p, &f, 201);
}

void api_factors_patch(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		api_fail(r, ERR_AUTH);
		return;
	}
	struct factor f;
	int rc = factor_get(r->store, r->arena, r->params[0], r->params[1], &f);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *body = api_body_object(r); /* factor_update checks who may, before the fields */
	if (!body)
		return;
	struct problems p = { 0 };
	const struct factor was = f;
	apply_json(r, body, &f, &p);
	json_decref(body);
	rc = factor_update(r->store, r->arena, &r->viewer, r->params[0], &was, &f, &p);
	answer_saved(r, rc, &p, &f, 200);
}

void api_factors_delete(struct http_req *r)
{
	int rc = factor_delete(r->store, &r->viewer, r->params[0], r->params[1]);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	r->status = 204;
	r->content_type = NULL;
}

const struct http_route api_factors_routes[] = {
	{ HM_GET, "/api/v1/issues/{id}/factors", api_factors_list, RF_CACHE },
	{ HM_POST, "/api/v1/issues/{id}/factors", api_factors_create, 0 },
	{ HM_GET, "/api/v1/issues/{id}/factors/{factorId}", api_factors_get, RF_CACHE },
	{ HM_PATCH, "/api/v1/issues/{id}/factors/{factorId}", api_factors_patch, 0 },
	{ HM_DELETE, "/api/v1/issues/{id}/factors/{factorId}", api_factors_delete, 0 },
	{ 0 },
};
