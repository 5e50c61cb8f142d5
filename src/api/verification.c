/* /api/v1/parties/{id}/verification: whether a platform admin or a
 * coordinator of one of its areas vouched for a party (issue 8). Reading it
 * is as reading the party; PUT verifies, DELETE withdraws. The rules are
 * the model's (model/verification.h). */
#include "../base/arena.h"
#include "../base/err.h"
#include "../model/party.h"
#include "../model/verification.h"
#include "common.h"
#include "routes.h"

void api_verification_fields(json_t *o, const struct party *pa)
{
	json_object_set_new(o, "verified", json_boolean(pa->verified_at != NULL));
	json_object_set_new(o, "verifiedAt", api_str_or_null(pa->verified_at));
	json_object_set_new(o, "verifiedBy", api_str_or_null(pa->verified_by));
}

static void send_verification(struct http_req *r, int status)
{
	struct party pa;
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], &pa);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *o = json_object();
	json_object_set_new(o, "party", json_string(pa.id));
	api_verification_fields(o, &pa);
	json_t *links = json_object();
	json_object_set_new(links, "self",
			    api_link(arena_printf(r->arena, "/api/v1/parties/%s/verification", pa.id)));
	json_object_set_new(links, "party", api_link(arena_printf(r->arena, "/api/v1/parties/%s", pa.id)));
	json_object_set_new(o, "_links", links);
	r->nocache = true;
	api_send(r, status, o);
}

void api_verification_get(struct http_req *r)
{
	send_verification(r, 200);
}

void api_verification_put(struct http_req *r)
{
	if (!api_empty_body(r))
		return;
	bool created;
	int rc = verification_grant(r->store, r->arena, &r->viewer, r->params[0], &created);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	send_verification(r, created ? 201 : 200);
}

void api_verification_delete(struct http_req *r)
{
	int rc = verification_withdraw(r->store, r->arena, &r->viewer, r->params[0]);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	r->status = 204;
	r->content_type = NULL;
}

const struct http_route api_verification_routes[] = {
	{ HM_GET, "/api/v1/parties/{id}/verification", api_verification_get, 0 },
	{ HM_PUT, "/api/v1/parties/{id}/verification", api_verification_put, 0 },
	{ HM_DELETE, "/api/v1/parties/{id}/verification", api_verification_delete, 0 },
	{ 0 },
};
