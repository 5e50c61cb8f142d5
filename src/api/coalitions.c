/* /api/v1/coalitions: lasting collaborations of parties around social
 * issues (samenwerkingsverbanden), and their partners. */
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/coalition.h"
#include "common.h"

/* A coalition as the next value of w. */
static void write_coalition(struct http_req *r, struct jw *w, const void *obj)
{
	const struct coalition *c = obj;
	jw_obj(w);
	fields_write_json(coalition_fields, coalition_nfields, c, w);
	const char *self = api_links(w, r, "coalition", c->id, NULL, NULL);
	jw_klink(w, "partners", arena_printf(r->arena, "%s/partners", self));
	if (c->party)
		jw_klink(w, "party", api_path(r, "party", c->party));
	jw_end(w);
	jw_end(w);
}

static void write_partner(struct http_req *r, struct jw *w, const void *obj)
{
	const struct coalition_partner *pa = obj;
	jw_obj(w);
	fields_write_json(coalition_partner_fields, coalition_partner_nfields, pa, w);
	api_links(w, r, "coalition", pa->coalition_id, "partners", pa->id);
	jw_klink(w, "coalition", api_path(r, "coalition", pa->coalition_id));
	jw_klink(w, "party", api_path(r, "party", pa->party));
	jw_end(w);
	jw_end(w);
}

static void api_coalitions_list(struct http_req *r)
{
	static const char *const allowed[] = { "area", "issue", "party", "q", "sort", "limit", "cursor", NULL };
	struct problems p = { 0 };
	struct coalition_filter f = { 0 };
	api_check_query(r, allowed, &f.limit, &p);
	f.area = http_query(r, "area");
	f.issue = http_query(r, "issue");
	f.party = http_query(r, "party");
	f.q = http_query(r, "q");
	f.cursor = http_query(r, "cursor");
	if (!coalition_sort_parse(http_query(r, "sort"), &f.sort))
		problems_add(&p, "sort", R_NOT_ONE_OF, 0);
	struct coalition *items;
	size_t n;
	const char *next;
	int rc = coalition_list(r->store, r->arena, &f, &p, &items, &n, &next);
	if (!api_failed(r, rc, &p, NULL))
		api_send_list(r, "/api/v1/coalitions", allowed, next, write_coalition, items, sizeof *items, n);
}

static void api_coalitions_get(struct http_req *r)
{
	struct coalition c;
	int rc = coalition_get(r->store, r->arena, &r->viewer, r->params[0], &c);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_coalition, &c);
}

static void api_coalitions_create(struct http_req *r)
{
	struct coalition c = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, coalition_fields, coalition_nfields, &c, FIELDS_CREATE, &p))
		return;
	int rc = coalition_create(r->store, r->arena, &r->viewer, &c, &p);
	if (api_failed(r, rc, &p, NULL))
		return;
	http_add_header(r, "Location", api_path(r, "coalition", c.id));
	api_send(r, 201, write_coalition, &c);
}

static void api_coalitions_patch(struct http_req *r)
{
	struct coalition c;
	int rc = r->viewer.authenticated ? coalition_get(r->store, r->arena, &r->viewer, r->params[0], &c) : ERR_AUTH;
	if (!rc && !coalition_can(&r->viewer, &c, ACT_UPDATE))
		rc = ERR_FORBIDDEN;
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct problems p = { 0 };
	const struct coalition was = c;
	if (!api_read(r, coalition_fields, coalition_nfields, &c, FIELDS_PATCH, &p))
		return;
	rc = coalition_update(r->store, r->arena, &r->viewer, &was, &c, &p);
	if (!api_failed(r, rc, &p, NULL))
		api_send(r, 200, write_coalition, &c);
}

static void api_coalitions_delete(struct http_req *r)
{
	api_no_content(r, coalition_delete(r->store, &r->viewer, r->params[0]), NULL);
}

static void api_partners_list(struct http_req *r)
{
	if (!api_no_query(r))
		return;
	struct coalition_partner *items;
	size_t n;
	int rc = coalition_partners(r->store, r->arena, r->params[0], &items, &n);
	if (!api_failed(r, rc, NULL, NULL))
		api_send_list(r, arena_printf(r->arena, "%s/partners", api_path(r, "coalition", r->params[0])), NULL,
			      NULL, write_partner, items, sizeof *items, n);
}

static void api_partners_get(struct http_req *r)
{
	struct coalition_partner pa;
	int rc = coalition_partner_get(r->store, r->arena, r->params[0], r->params[1], &pa);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_partner, &pa);
}

static void api_partners_create(struct http_req *r)
{
	struct coalition_partner pa = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, coalition_partner_fields, coalition_partner_nfields, &pa, FIELDS_CREATE, &p))
		return;
	const char *dup = NULL;
	int rc = coalition_partner_add(r->store, r->arena, &r->viewer, r->params[0], &pa, &p, &dup);
	const char *conflict = dup
		? arena_printf(r->arena, "The party is a partner of this coalition already: %s/partners/%s.",
			       api_path(r, "coalition", r->params[0]), dup)
		: "This coalition has the most partners it can have (200); remove one first.";
	if (api_failed(r, rc, &p, conflict))
		return;
	http_add_header(r, "Location", arena_printf(r->arena, "%s/partners/%s", api_path(r, "coalition", r->params[0]),
						    pa.id));
	api_send(r, 201, write_partner, &pa);
}

static const char last_manager[] =
	"This is the coalition's last managing partner: a coalition keeps at least one. Make another partner a"
	" managing one first.";

static void api_partners_patch(struct http_req *r)
{
	struct coalition_partner pa;
	int rc = r->viewer.authenticated ? coalition_partner_get(r->store, r->arena, r->params[0], r->params[1], &pa)
					 : ERR_AUTH;
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct problems p = { 0 };
	const struct coalition_partner was = pa;
	if (!api_read(r, coalition_partner_fields, coalition_partner_nfields, &pa, FIELDS_PATCH, &p))
		return;
	rc = coalition_partner_update(r->store, r->arena, &r->viewer, &was, &pa, &p);
	if (!rc)
		rc = coalition_partner_get(r->store, r->arena, r->params[0], r->params[1], &pa);
	if (!api_failed(r, rc, &p, last_manager))
		api_send(r, 200, write_partner, &pa);
}

static void api_partners_delete(struct http_req *r)
{
	api_no_content(r, coalition_partner_remove(r->store, &r->viewer, r->params[0], r->params[1]), last_manager);
}

const struct http_route api_coalitions_routes[] = {
	{ HM_GET, "/api/v1/coalitions", api_coalitions_list, RF_CACHE },
	{ HM_POST, "/api/v1/coalitions", api_coalitions_create, 0 },
	{ HM_GET, "/api/v1/coalitions/{id}", api_coalitions_get, RF_CACHE },
	{ HM_PATCH, "/api/v1/coalitions/{id}", api_coalitions_patch, 0 },
	{ HM_DELETE, "/api/v1/coalitions/{id}", api_coalitions_delete, 0 },
	{ HM_GET, "/api/v1/coalitions/{id}/partners", api_partners_list, RF_CACHE },
	{ HM_POST, "/api/v1/coalitions/{id}/partners", api_partners_create, 0 },
	{ HM_GET, "/api/v1/coalitions/{id}/partners/{partnerId}", api_partners_get, RF_CACHE },
	{ HM_PATCH, "/api/v1/coalitions/{id}/partners/{partnerId}", api_partners_patch, 0 },
	{ HM_DELETE, "/api/v1/coalitions/{id}/partners/{partnerId}", api_partners_delete, 0 },
	{ 0 },
};
