/* /api/v1/parties/{id}/invitations and /api/v1/invitation-acceptances: a
 * party's invitations by email (uitnodigingen), and taking one up. Whoever
 * may manage a party's members (perm.c, OBJ_MEMBERS) invites, lists and
 * withdraws; whoever has the code from the mail accepts, logged in. The
 * members resource keeps adding people who have an account at once. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/invitation.h"
#include "../model/party.h"
#include "api.h"
#include "common.h"
#include "routes.h"

static json_t *invitation_json(struct http_req *r, const struct invitation *inv)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(inv->id));
	json_object_set_new(o, "email", json_string(inv->email));
	json_object_set_new(o, "role", json_string(member_roles[inv->role].key));
	json_object_set_new(o, "invitedBy", api_str_or_null(inv->invited_by));
	json_object_set_new(o, "invitedByName", api_str_or_null(inv->invited_by_name));
	json_object_set_new(o, "createdAt", json_string(inv->created_at));
	json_object_set_new(o, "expiresAt", json_string(inv->expires_at));
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link(arena_printf(r->arena, "/api/v1/parties/%s/invitations/%s",
								 inv->party_id, inv->id)));
	json_object_set_new(links, "party", api_link(arena_printf(r->arena, "/api/v1/parties/%s", inv->party_id)));
	json_object_set_new(o, "_links", links);
	return o;
}

void api_invitations_list(struct http_req *r)
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
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, invitation_json(r, &items[i]));
	json_t *o = json_object();
	json_object_set_new(o, "items", list);
	const char *path = arena_printf(r->arena, "/api/v1/parties/%s/invitations", r->params[0]);
	json_object_set_new(o, "_links", api_list_links(r, path, NULL, NULL, 0, NULL));
	api_send(r, 200, o);
}

void api_invitations_get(struct http_req *r)
{
	struct invitation inv;
	int rc = invitation_get(r->store, r->arena, &r->viewer, r->params[0], r->params[1], &inv);
	if (rc)
		api_fail(r, rc);
	else
		api_send(r, 200, invitation_json(r, &inv));
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

void api_invitations_create(struct http_req *r)
{
	if (!may_invite(r))
		return;
	json_t *body = api_body_object(r);
	if (!body)
		return;
	const char *email = NULL, *role = NULL, *key;
	struct problems p = { 0 };
	json_t *v;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(r->arena, key);
		if (!strcmp(k, "email"))
			email = api_string(r, v, k, &p);
		else if (!strcmp(k, "role"))
			role = api_string(r, v, k, &p);
		else if (!strcmp(k, "id") || !strcmp(k, "invitedBy") || !strcmp(k, "invitedByName") ||
			 !strcmp(k, "createdAt") || !strcmp(k, "expiresAt") || !strcmp(k, "_links"))
			problems_add(&p, k, R_READ_ONLY, 0);
		else
			problems_add(&p, k, R_UNKNOWN_FIELD, 0);
	}
	json_decref(body);
	struct invitation inv;
	int rc = invitation_create(r->store, r->arena, &r->viewer, r->params[0], email, role, r->lang, &inv, &p);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/parties/%s/invitations/%s", inv.party_id,
						    inv.id));
	api_send(r, 201, invitation_json(r, &inv));
}

void api_invitations_delete(struct http_req *r)
{
	int rc = invitation_withdraw(r->store, r->arena, &r->viewer, r->params[0], r->params[1]);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	r->status = 204;
	r->content_type = NULL;
}

void api_invitation_accept(struct http_req *r)
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
	json_t *o = json_object();
	json_object_set_new(o, "partyId", json_string(m.party_id));
	json_object_set_new(o, "partyName", json_string(m.party_name));
	json_object_set_new(o, "userId", json_string(r->viewer.user_id));
	json_object_set_new(o, "role", json_string(member_roles[m.role].key));
	json_object_set_new(o, "since", json_string(m.since));
	json_t *links = json_object();
	const char *self = arena_printf(r->arena, "/api/v1/parties/%s/members/%s", m.party_id, r->viewer.user_id);
	json_object_set_new(links, "member", api_link(self));
	json_object_set_new(links, "party", api_link(arena_printf(r->arena, "/api/v1/parties/%s", m.party_id)));
	json_object_set_new(o, "_links", links);
	http_add_header(r, "Location", self);
	api_send(r, 201, o);
}

const struct http_route api_invitations_routes[] = {
	{ HM_GET, "/api/v1/parties/{id}/invitations", api_invitations_list, 0 },
	{ HM_POST, "/api/v1/parties/{id}/invitations", api_invitations_create, 0 },
	{ HM_GET, "/api/v1/parties/{id}/invitations/{invitationId}", api_invitations_get, 0 },
	{ HM_DELETE, "/api/v1/parties/{id}/invitations/{invitationId}", api_invitations_delete, 0 },
	{ HM_POST, "/api/v1/invitation-acceptances", api_invitation_accept, 0 },
	{ 0 },
};
