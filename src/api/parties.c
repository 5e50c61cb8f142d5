/* /api/v1/parties: the directory of parties. */
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/party.h"
#include "common.h"

/* A party as the next value of w. */
static void write_party(struct http_req *r, struct jw *w, const void *obj)
{
	const struct party *pa = obj;
	jw_obj(w);
	fields_write_json(party_fields, party_nfields, pa, w);
	const char *self = api_links(w, r, "party", pa->id, NULL, NULL);
	jw_klink(w, "verification", arena_printf(r->arena, "%s/verification", self));
	jw_end(w);
	jw_end(w);
}

static void api_parties_list(struct http_req *r)
{
	static const char *const allowed[] = { "kind", "area", "role", "tag", "q", "sort", "limit",
					       "cursor", NULL };
	struct problems p = { 0 };
	struct party_filter f = { 0 };
	api_check_query(r, allowed, &f.limit, &p);
	f.kind = http_query(r, "kind");
	f.area = http_query(r, "area");
	f.role = http_query(r, "role");
	f.tag = http_query(r, "tag");
	f.q = http_query(r, "q");
	f.cursor = http_query(r, "cursor");
	if (!party_sort_parse(http_query(r, "sort"), &f.sort))
		problems_add(&p, "sort", R_NOT_ONE_OF, 0);
	/* party_list adds its own problems to those found here */
	struct party *items;
	size_t n;
	const char *next;
	int rc = party_list(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (!api_failed(r, rc, &p, NULL))
		api_send_list(r, "/api/v1/parties", allowed, next, write_party, items, sizeof *items, n);
}

static void api_parties_get(struct http_req *r)
{
	struct party pa;
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], &pa);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_party, &pa);
}

static void api_parties_create(struct http_req *r)
{
	struct party pa = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, party_fields, party_nfields, &pa, FIELDS_CREATE, &p))
		return;
	int rc = party_create(r->store, r->arena, &r->viewer, &pa, &p);
	if (api_failed(r, rc, &p, NULL))
		return;
	http_add_header(r, "Location", api_path(r, "party", pa.id));
	api_send(r, 201, write_party, &pa);
}

static void api_parties_patch(struct http_req *r)
{
	struct party pa;
	int rc = r->viewer.authenticated ? party_get(r->store, r->arena, &r->viewer, r->params[0], &pa) : ERR_AUTH;
	if (!rc && !party_can_edit(&r->viewer, &pa))
		rc = ERR_FORBIDDEN;
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct problems p = { 0 };
	const struct party was = pa;
	if (!api_read(r, party_fields, party_nfields, &pa, FIELDS_PATCH, &p))
		return;
	rc = party_update(r->store, r->arena, &r->viewer, &was, &pa, &p);
	if (!api_failed(r, rc, &p, NULL))
		api_send(r, 200, write_party, &pa);
}

static void api_parties_delete(struct http_req *r)
{
	api_no_content(r, party_delete(r->store, &r->viewer, r->params[0]), NULL);
}

const struct http_route api_parties_routes[] = {
	{ HM_GET, "/api/v1/parties", api_parties_list, RF_CACHE },
	{ HM_POST, "/api/v1/parties", api_parties_create, 0 },
	{ HM_GET, "/api/v1/parties/{id}", api_parties_get, RF_CACHE },
	{ HM_PATCH, "/api/v1/parties/{id}", api_parties_patch, 0 },
	{ HM_DELETE, "/api/v1/parties/{id}", api_parties_delete, 0 },
	{ 0 },
};
