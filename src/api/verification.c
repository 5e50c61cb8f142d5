/* /api/v1/parties/{id}/verification: whether a platform admin or a
 * coordinator of one of its areas vouched for a party (issue 8). Reading it
 * is as reading the party; PUT verifies, DELETE withdraws. The rules are
 * the model's (model/verification.h). */
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/party.h"
#include "../model/verification.h"
#include "common.h"
#include "routes.h"

static void send_verification(struct http_req *r, int status)
{
	struct party pa;
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], &pa);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	r->nocache = true;
	struct jw w;
	api_json_begin(r, status, &w);
	jw_obj(&w);
	jw_kstr(&w, "party", pa.id);
	jw_kbool(&w, "verified", pa.verified_at != NULL);
	jw_kstr(&w, "verifiedAt", pa.verified_at);
	jw_kstr(&w, "verifiedBy", pa.verified_by);
	jw_kobj(&w, "_links");
	jw_klink(&w, "self", arena_printf(r->arena, "/api/v1/parties/%s/verification", pa.id));
	jw_klink(&w, "party", arena_printf(r->arena, "/api/v1/parties/%s", pa.id));
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
	if (rc) {
		api_fail(r, rc);
		return;
	}
	send_verification(r, created ? 201 : 200);
}

static void api_verification_delete(struct http_req *r)
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
