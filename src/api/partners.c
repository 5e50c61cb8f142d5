/* /api/v1/initiatives/{id}/partners: the parties that take part in an
 * initiative, each with a role of the catalogue, a contribution, hours a
 * week and a date since. Who may is the model's (model/partner.h). */
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/partner.h"
#include "common.h"

static const char *initiative_path(struct http_req *r, const char *id)
{
	return arena_printf(r->arena, "/api/v1/initiatives/%s", id);
}

/* A partner as the next value of w. */
static void write_partner(struct http_req *r, struct jw *w, const void *obj)
{
	const struct partner *pt = obj;
	const char *initiative = initiative_path(r, pt->initiative_id);
	jw_obj(w);
	fields_write_json(partner_fields, partner_nfields, pt, w);
	jw_kobj(w, "_links");
	jw_klink(w, "self", arena_printf(r->arena, "%s/partners/%s", initiative, pt->id));
	jw_klink(w, "initiative", initiative);
	jw_klink(w, "party", api_path(r, "party", pt->party_id));
	jw_klink(w, "role", arena_printf(r->arena, "/api/v1/roles/%s", pt->role));
	jw_end(w);
	jw_end(w);
}

static void api_partners_list(struct http_req *r)
{
	if (!api_no_query(r))
		return;
	struct partner *items;
	size_t n;
	int rc = partner_list(r->store, r->arena, &r->viewer, r->params[0], &items, &n);
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	api_write_items(r, &w, write_partner, items, sizeof *items, n);
	const char *initiative = initiative_path(r, r->params[0]);
	jw_kobj(&w, "_links");
	jw_klink(&w, "self", arena_printf(r->arena, "%s/partners", initiative));
	jw_klink(&w, "initiative", initiative);
	jw_klink(&w, "intrapreneurs", arena_printf(r->arena, "%s/intrapreneurs", initiative));
	jw_end(&w);
	jw_end(&w);
}

static void api_partners_get(struct http_req *r)
{
	struct partner pt;
	int rc = partner_get(r->store, r->arena, &r->viewer, r->params[0], r->params[1], &pt);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_partner, &pt);
}

static void api_partners_create(struct http_req *r)
{
	struct partner pt = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, partner_fields, partner_nfields, &pt, FIELDS_CREATE, &p))
		return;
	int rc = partner_create(r->store, r->arena, &r->viewer, r->params[0], &pt, &p);
	if (api_failed(r, rc, &p, "The initiative has as many partners as it can have."))
		return;
	http_add_header(r, "Location", arena_printf(r->arena, "%s/partners/%s", initiative_path(r, r->params[0]), pt.id));
	api_send(r, 201, write_partner, &pt);
}

static void api_partners_patch(struct http_req *r)
{
	struct partner pt;
	int rc = r->viewer.authenticated ? partner_get(r->store, r->arena, &r->viewer, r->params[0], r->params[1], &pt)
					 : ERR_AUTH;
	if (api_failed(r, rc, NULL, NULL))
		return;
	/* partner_update checks who may, before the fields */
	struct problems p = { 0 };
	const struct partner was = pt;
	if (!api_read(r, partner_fields, partner_nfields, &pt, FIELDS_PATCH, &p))
		return;
	rc = partner_update(r->store, r->arena, &r->viewer, r->params[0], &was, &pt, &p);
	if (!api_failed(r, rc, &p, NULL))
		api_send(r, 200, write_partner, &pt);
}

static void api_partners_delete(struct http_req *r)
{
	api_no_content(r, partner_delete(r->store, r->arena, &r->viewer, r->params[0], r->params[1]), NULL);
}

const struct http_route api_partners_routes[] = {
	{ HM_GET, "/api/v1/initiatives/{id}/partners", api_partners_list, RF_CACHE },
	{ HM_POST, "/api/v1/initiatives/{id}/partners", api_partners_create, 0 },
	{ HM_GET, "/api/v1/initiatives/{id}/partners/{partnerId}", api_partners_get, RF_CACHE },
	{ HM_PATCH, "/api/v1/initiatives/{id}/partners/{partnerId}", api_partners_patch, 0 },
	{ HM_DELETE, "/api/v1/initiatives/{id}/partners/{partnerId}", api_partners_delete, 0 },
	{ 0 },
};
