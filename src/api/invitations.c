/* /api/v1/parties/{id}/invitations and /api/v1/invitation-acceptances: a
 * party's invitations by email (uitnodigingen), and taking one up. Whoever
 * may manage a party's members (perm.c, OBJ_MEMBERS) invites, lists and
 * withdraws; whoever has the code from the mail accepts, logged in. The
 * members resource keeps adding people who have an account at once. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/invitation.h"
#include "../model/party.h"
#include "api.h"
#include "common.h"
#include "routes.h"

/* An invitation as a member of the open object or array of w. */
static void write_invitation(struct http_req *r, struct jw *w, const struct invitation *inv)
{
	jw_obj(w);
	fields_write_json(invitation_fields, invitation_nfields, inv, w);
	jw_kobj(w, "_links");
	jw_klink(w, "self", arena_printf(r->arena, "/api/v1/parties/%s/invitations/%s", inv->party_id, inv->id));
	jw_klink(w, "party", arena_printf(r->arena, "/api/v1/parties/%s", inv->party_id));
	jw_end(w);
	jw_end(w);
}

static void send_invitation(struct http_req *r, int status, const struct invitation *inv)
{
	struct jw w;
	api_json_begin(r, status, &w);
	write_invitation(r, &w, inv);
}

static void api_invitations_list(struct http_req *r)
{
	static const char *const allowed_query[] = { NULL };
	struct problems p = { 0 };
	int limit;
	api_check_query(r, allowed_query, &limit, &p);
	struct invitation *items;
	size_t n;
	int rc = invitation_list(r->store, r->arena, &r->viewer, r->params[0], &items, &n);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	if (p.n) {
		api_invalid(r, &p);
		return;
	}
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_karr(&w, "items");
	for (size_t i = 0; i < n; i++)
		write_invitation(r, &w, &items[i]);
	jw_end(&w);
	const char *path = arena_printf(r->arena, "/api/v1/parties/%s/invitations", r->params[0]);
	api_write_list_links(&w, r, path, NULL, NULL, 0, NULL);
	jw_end(&w);
}

static void api_invitations_get(struct http_req *r)
{
	struct invitation inv;
	int rc = invitation_get(r->store, r->arena, &r->viewer, r->params[0], r->params[1], &inv);
	if (rc)
		api_fail(r, rc);
	else
		send_invitation(r, 200, &inv);
}

/* Whether the viewer may invite to the party: 401, 404 or 403 answered
 * here, so that they come before any problem with the body. */
static bool may_invite(struct http_req *r)
{
	struct party pa;
	int rc = r->viewer.authenticated ? party_get(r->store, r->arena, &r->viewer, r->params[0], &pa)
					 : ERR_AUTH;
	if (!rc && !party_can(&r->viewer, &pa, OBJ_MEMBERS, ACT_CREATE))
		rc = ERR_FORBIDDEN;
	if (rc)
		api_fail(r, rc);
	return rc == 0;
}

static void api_invitations_create(struct http_req *r)
{
	if (!may_invite(r))
		return;
	json_t *body = api_body_object(r);
	if (!body)
		return;
	struct invitation in = { 0 };
	struct problems p = { 0 };
	fields_apply_json(invitation_fields, invitation_nfields, &in, body, FIELDS_CREATE, r->arena, &p);
	json_decref(body);
	struct invitation inv;
	int rc = invitation_create(r->store, r->arena, &r->viewer, r->params[0], in.email, in.role, r->lang, &inv,
				   &p);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/parties/%s/invitations/%s", inv.party_id,
						    inv.id));
	send_invitation(r, 201, &inv);
}

static void api_invitations_delete(struct http_req *r)
{
	int rc = invitation_withdraw(r->store, r->arena, &r->viewer, r->params[0], r->params[1]);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	r->status = 204;
	r->content_type = NULL;
}

static void api_invitation_accept(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	const char *code = NULL, *key;
	struct problems p = { 0 };
	json_t *v;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(r->arena, key);
		if (!strcmp(k, "code"))
			code = api_string(r, v, k, &p);
		else
			problems_add(&p, k, R_UNKNOWN_FIELD, 0);
	}
	json_decref(body);
	if (!code || !*code)
		problems_add(&p, "code", R_REQUIRED, 0);
	if (p.n) {
		api_invalid(r, &p);
		return;
	}
	struct membership m;
	int rc = invitation_accept(r->store, r->arena, &r->viewer, code, &m);
	if (rc == ERR_NOTFOUND) {
		api_error(r, 410, "This invitation is unknown, used or expired. Ask the party for a new invitation.");
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	const char *self = arena_printf(r->arena, "/api/v1/parties/%s/members/%s", m.party_id, r->viewer.user_id);
	http_add_header(r, "Location", self);
	struct jw w;
	api_json_begin(r, 201, &w);
	jw_obj(&w);
	jw_kstr(&w, "partyId", m.party_id);
	jw_kstr(&w, "partyName", m.party_name);
	jw_kstr(&w, "userId", r->viewer.user_id);
	jw_kstr(&w, "role", member_roles[m.role].key);
	jw_kstr(&w, "since", m.since);
	jw_kobj(&w, "_links");
	jw_klink(&w, "member", self);
	jw_klink(&w, "party", arena_printf(r->arena, "/api/v1/parties/%s", m.party_id));
	jw_end(&w);
	jw_end(&w);
}

const struct http_route api_invitations_routes[] = {
	{ HM_GET, "/api/v1/parties/{id}/invitations", api_invitations_list, 0 },
	{ HM_POST, "/api/v1/parties/{id}/invitations", api_invitations_create, 0 },
	{ HM_GET, "/api/v1/parties/{id}/invitations/{invitationId}", api_invitations_get, 0 },
	{ HM_DELETE, "/api/v1/parties/{id}/invitations/{invitationId}", api_invitations_delete, 0 },
	{ HM_POST, "/api/v1/invitation-acceptances", api_invitation_accept, 0 },
	{ 0 },
};
