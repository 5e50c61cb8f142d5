/* /api/v1/parties/{id}/verification: whether a platform admin or a
 * coordinator of one of its areas vouched for a party (issue 8). Reading it
 * is as reading the party; PUT verifies, DELETE withdraws. The rules are
 * the model's (model/verification.h). */
#include "../base/jw.h"
#include "../model/party.h"
#include "../model/verification.h"
#include "common.h"

static void send_verification(struct http_req *r, int status)
{
	struct party pa;
	if (api_failed(r, party_get(r->store, r->arena, &r->viewer, r->params[0], &pa), NULL, NULL))
		return;
	r->nocache = true;
	struct jw w;
	api_json_begin(r, status, &w);
	jw_obj(&w);
	jw_kstr(&w, "party", pa.id);
	jw_kbool(&w, "verified", pa.verified_at != NULL);
	jw_kstr(&w, "verifiedAt", pa.verified_at);
	jw_kstr(&w, "verifiedBy", pa.verified_by);
	api_links(&w, r, "party", pa.id, "verification", NULL);
	jw_klink(&w, "party", api_path(r, "party", pa.id));
	jw_end(&w);
	jw_end(&w);
}

static void api_verification_get(struct http_req *r)
{
	send_verification(r, 200);
}

static void api_verification_put(struct http_req *r)
{
	if (!api_empty_body(r))
		return;
	bool created;
	int rc = verification_grant(r->store, r->arena, &r->viewer, r->params[0], &created);
	if (!api_failed(r, rc, NULL, NULL))
		send_verification(r, created ? 201 : 200);
}

static void api_verification_delete(struct http_req *r)
{
	api_no_content(r, verification_withdraw(r->store, r->arena, &r->viewer, r->params[0]), NULL);
}

const struct http_route api_verification_routes[] = {
	{ HM_GET, "/api/v1/parties/{id}/verification", api_verification_get, 0 },
	{ HM_PUT, "/api/v1/parties/{id}/verification", api_verification_put, 0 },
	{ HM_DELETE, "/api/v1/parties/{id}/verification", api_verification_delete, 0 },
	{ 0 },
};
