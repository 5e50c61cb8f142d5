/* /api/v1/parties/{id}/invitations and /api/v1/invitation-acceptances: a
 * party's invitations by email (uitnodigingen), and taking one up. Whoever
 * may manage a party's members (perm.c, OBJ_MEMBERS) invites, lists and
 * withdraws; whoever has the code from the mail accepts, logged in. The
 * members resource keeps adding people who have an account at once. */
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/invitation.h"
#include "../model/party.h"
#include "api.h"
#include "common.h"

/* An invitation as the next value of w. */
static void write_invitation(struct http_req *r, struct jw *w, const void *obj)
{
	const struct invitation *inv = obj;
	jw_obj(w);
	fields_write_json(invitation_fields, invitation_nfields, inv, w);
	api_links(w, r, "party", inv->party_id, "invitations", inv->id);
	jw_klink(w, "party", api_path(r, "party", inv->party_id));
	jw_end(w);
	jw_end(w);
}

static void api_invitations_list(struct http_req *r)
{
	struct invitation *items;
	size_t n;
	int rc = invitation_list(r->store, r->arena, &r->viewer, r->params[0], &items, &n);
	if (!api_failed(r, rc, NULL, NULL) && api_no_query(r))
		api_send_list(r, arena_printf(r->arena, "%s/invitations", api_path(r, "party", r->params[0])), NULL,
			      NULL, write_invitation, items, sizeof *items, n);
}

static void api_invitations_get(struct http_req *r)
{
	struct invitation inv;
	int rc = invitation_get(r->store, r->arena, &r->viewer, r->params[0], r->params[1], &inv);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_invitation, &inv);
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
	return !api_failed(r, rc, NULL, NULL);
}

static void api_invitations_create(struct http_req *r)
{
	struct invitation in = { 0 };
	struct problems p = { 0 };
	if (!may_invite(r) || !api_read(r, invitation_fields, invitation_nfields, &in, FIELDS_CREATE, &p))
		return;
	struct invitation inv;
	int rc = invitation_create(r->store, r->arena, &r->viewer, r->params[0], in.email, in.role, r->lang, &inv,
				   &p);
	if (api_failed(r, rc, &p, NULL))
		return;
	http_add_header(r, "Location",
			arena_printf(r->arena, "%s/invitations/%s", api_path(r, "party", inv.party_id), inv.id));
	api_send(r, 201, write_invitation, &inv);
}

static void api_invitations_delete(struct http_req *r)
{
	api_no_content(r, invitation_withdraw(r->store, r->arena, &r->viewer, r->params[0], r->params[1]), NULL);
}

static void api_invitation_accept(struct http_req *r)
{
	static const char *const keys[] = { "code" };
	const char *code = NULL;
	struct problems p = { 0 };
	if (!api_logged_in(r) || !api_read_strings(r, keys, &code, 1, &p))
		return;
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
	} else if (api_failed(r, rc, NULL, NULL)) {
		return;
	}
	const char *party = api_path(r, "party", m.party_id);
	const char *self = arena_printf(r->arena, "%s/members/%s", party, r->viewer.user_id);
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
	jw_klink(&w, "party", party);
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
