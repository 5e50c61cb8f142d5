/* /api/v1/issues/{id}/factors: the environmental factors of an issue
 * (omgevingsfactoren), grouped by kind, each enabling or hindering. */
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/factor.h"
#include "common.h"

/* A factor as the next value of w. */
static void write_factor(struct http_req *r, struct jw *w, const void *obj)
{
	const struct factor *f = obj;
	jw_obj(w);
	fields_write_json(factor_fields, factor_nfields, f, w);
	api_links(w, r, "issue", f->issue_id, "factors", f->id);
	jw_klink(w, "issue", api_path(r, "issue", f->issue_id));
	jw_end(w);
	jw_end(w);
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
	if (api_failed(r, rc, &p, NULL))
		return;
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	api_write_items(r, &w, write_factor, items, sizeof *items, n);
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
	api_write_list_links(&w, r, arena_printf(r->arena, "%s/factors", api_path(r, "issue", r->params[0])),
			     allowed, next);
	jw_end(&w);
}

static void api_factors_get(struct http_req *r)
{
	struct factor f;
	int rc = factor_get(r->store, r->arena, r->params[0], r->params[1], &f);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_factor, &f);
}

static void api_factors_create(struct http_req *r)
{
	struct factor f = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, factor_fields, factor_nfields, &f, FIELDS_CREATE, &p))
		return;
	int rc = factor_create(r->store, r->arena, &r->viewer, r->params[0], &f, &p);
	if (api_failed(r, rc, &p, NULL))
		return;
	http_add_header(r, "Location", arena_printf(r->arena, "%s/factors/%s", api_path(r, "issue", r->params[0]), f.id));
	api_send(r, 201, write_factor, &f);
}

static void api_factors_patch(struct http_req *r)
{
	struct factor f;
	int rc = r->viewer.authenticated ? factor_get(r->store, r->arena, r->params[0], r->params[1], &f) : ERR_AUTH;
	if (api_failed(r, rc, NULL, NULL))
		return;
	/* factor_update checks who may, before the fields */
	struct problems p = { 0 };
	const struct factor was = f;
	if (!api_read(r, factor_fields, factor_nfields, &f, FIELDS_PATCH, &p))
		return;
	rc = factor_update(r->store, r->arena, &r->viewer, r->params[0], &was, &f, &p);
	if (!api_failed(r, rc, &p, NULL))
		api_send(r, 200, write_factor, &f);
}

static void api_factors_delete(struct http_req *r)
{
	api_no_content(r, factor_delete(r->store, &r->viewer, r->params[0], r->params[1]), NULL);
}

const struct http_route api_factors_routes[] = {
	{ HM_GET, "/api/v1/issues/{id}/factors", api_factors_list, RF_CACHE },
	{ HM_POST, "/api/v1/issues/{id}/factors", api_factors_create, 0 },
	{ HM_GET, "/api/v1/issues/{id}/factors/{factorId}", api_factors_get, RF_CACHE },
	{ HM_PATCH, "/api/v1/issues/{id}/factors/{factorId}", api_factors_patch, 0 },
	{ HM_DELETE, "/api/v1/issues/{id}/factors/{factorId}", api_factors_delete, 0 },
	{ 0 },
};
