/* /api/v1/issues/{id}/factors: the environmental factors of an issue
 * (omgevingsfactoren), grouped by kind, each enabling or hindering. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/factor.h"
#include "common.h"
#include "routes.h"

/* A factor as the next value of w. */
static void write_factor(struct http_req *r, struct jw *w, const struct factor *f)
{
	jw_obj(w);
	fields_write_json(factor_fields, factor_nfields, f, w);
	jw_kobj(w, "_links");
	jw_klink(w, "self", arena_printf(r->arena, "/api/v1/issues/%s/factors/%s", f->issue_id, f->id));
	jw_klink(w, "issue", arena_printf(r->arena, "/api/v1/issues/%s", f->issue_id));
	jw_end(w);
	jw_end(w);
}

static void send_factor(struct http_req *r, int status, const struct factor *f)
{
	struct jw w;
	api_json_begin(r, status, &w);
	write_factor(r, &w, f);
}

static void api_factors_list(struct http_req *r)
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
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_karr(&w, "items");
	for (size_t i = 0; i < n; i++)
		write_factor(r, &w, &items[i]);
	jw_end(&w);
	/* per kind, in the dossier's order: how many enabling and hindering */
	jw_kobj(&w, "summary");
	jw_kint(&w, "total", sum.total);
	jw_karr(&w, "kinds");
	for (int k = 0; k < FACTOR_KIND_COUNT; k++) {
		jw_obj(&w);
		jw_kstr(&w, "kind", factor_kinds[k].key);
		jw_kint(&w, "enabling", sum.count[k][EFFECT_ENABLING]);
		jw_kint(&w, "hindering", sum.count[k][EFFECT_HINDERING]);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
	const char *keys[] = { "kind", "effect", "q", "limit" };
	const char *values[] = { f.kind, f.effect, f.q, http_query(r, "limit") };
	api_write_list_links(&w, r, arena_printf(r->arena, "/api/v1/issues/%s/factors", r->params[0]), keys, values,
			     4, next);
	jw_end(&w);
}

static void api_factors_get(struct http_req *r)
{
	struct factor f;
	int rc = factor_get(r->store, r->arena, r->params[0], r->params[1], &f);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	send_factor(r, 200, &f);
}

static void answer_saved(struct http_req *r, int rc, const struct problems *p, const struct factor *f, int status)
{
	if (rc == ERR_INVALID)
		api_invalid(r, p);
	else if (rc)
		api_fail(r, rc);
	else
		send_factor(r, status, f);
}

static void api_factors_create(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct factor f = { 0 };
	struct problems p = { 0 };
	fields_apply_json(factor_fields, factor_nfields, &f, body, FIELDS_CREATE, r->arena, &p);
	json_decref(body);
	int rc = factor_create(r->store, r->arena, &r->viewer, r->params[0], &f, &p);
	if (!rc)
		http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/issues/%s/factors/%s",
							    r->params[0], f.id));
	answer_saved(r, rc, &p, &f, 201);
}

static void api_factors_patch(struct http_req *r)
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
	fields_apply_json(factor_fields, factor_nfields, &f, body, FIELDS_PATCH, r->arena, &p);
	json_decref(body);
	rc = factor_update(r->store, r->arena, &r->viewer, r->params[0], &was, &f, &p);
	answer_saved(r, rc, &p, &f, 200);
}

static void api_factors_delete(struct http_req *r)
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
