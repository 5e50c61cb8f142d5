/* /api/v1/parties: the directory of parties. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/party.h"
#include "common.h"
#include "routes.h"

/* A party as a member of the open object or array of w. */
static void write_party(struct http_req *r, struct jw *w, const struct party *pa)
{
	jw_obj(w);
	fields_write_json(party_fields, party_nfields, pa, w);
	jw_kobj(w, "_links");
	jw_klink(w, "self", arena_printf(r->arena, "/api/v1/parties/%s", pa->id));
	jw_klink(w, "verification", arena_printf(r->arena, "/api/v1/parties/%s/verification", pa->id));
	jw_end(w);
	jw_end(w);
}

static void send_party(struct http_req *r, int status, const struct party *pa)
{
	struct jw w;
	api_json_begin(r, status, &w);
	write_party(r, &w, pa);
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
	const char *sort = http_query(r, "sort");
	if (!party_sort_parse(sort, &f.sort))
		problems_add(&p, "sort", R_NOT_ONE_OF, 0);
	/* party_list adds its own problems to those found here */
	struct party *items;
	size_t n;
	const char *next;
	int rc = party_list(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
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
		write_party(r, &w, &items[i]);
	jw_end(&w);
	const char *keys[] = { "kind", "area", "role", "tag", "q", "sort", "limit" };
	const char *values[] = { f.kind, f.area, f.role, f.tag, f.q, sort, http_query(r, "limit") };
	api_write_list_links(&w, r, "/api/v1/parties", keys, values, 7, next);
	jw_end(&w);
}

static void api_parties_get(struct http_req *r)
{
	struct party pa;
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], &pa);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	send_party(r, 200, &pa);
}

/* Answers a create or a change: the problems, or the party as written. */
static void answer_saved(struct http_req *r, int rc, const struct problems *p, const struct party *pa, int status)
{
	if (rc == ERR_INVALID)
		api_invalid(r, p);
	else if (rc)
		api_fail(r, rc);
	else
		send_party(r, status, pa);
}

static void api_parties_create(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct party pa = { 0 };
	struct problems p = { 0 };
	fields_apply_json(party_fields, party_nfields, &pa, body, FIELDS_CREATE, r->arena, &p);
	json_decref(body);
	int rc = party_create(r->store, r->arena, &r->viewer, &pa, &p);
	if (!rc)
		http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/parties/%s", pa.id));
	answer_saved(r, rc, &p, &pa, 201);
}

static void api_parties_patch(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		api_fail(r, ERR_AUTH);
		return;
	}
	struct party pa;
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], &pa);
	if (!rc && !party_can_edit(&r->viewer, &pa))
		rc = ERR_FORBIDDEN;
	if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *body = api_body_object(r);
	if (!body)
		return;
	struct problems p = { 0 };
	const struct party was = pa;
	fields_apply_json(party_fields, party_nfields, &pa, body, FIELDS_PATCH, r->arena, &p);
	json_decref(body);
	rc = party_update(r->store, r->arena, &r->viewer, &was, &pa, &p);
	answer_saved(r, rc, &p, &pa, 200);
}

static void api_parties_delete(struct http_req *r)
{
	int rc = party_delete(r->store, &r->viewer, r->params[0]);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	r->status = 204;
	r->content_type = NULL;
}

const struct http_route api_parties_routes[] = {
	{ HM_GET, "/api/v1/parties", api_parties_list, RF_CACHE },
	{ HM_POST, "/api/v1/parties", api_parties_create, 0 },
	{ HM_GET, "/api/v1/parties/{id}", api_parties_get, RF_CACHE },
	{ HM_PATCH, "/api/v1/parties/{id}", api_parties_patch, 0 },
	{ HM_DELETE, "/api/v1/parties/{id}", api_parties_delete, 0 },
	{ 0 },
};
