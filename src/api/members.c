/* /api/v1/parties/{id}/members: the people of a party (leden) and their
 * place in it. Who may see and change them is perm.c's (OBJ_MEMBERS); a
 * member may always leave. Every change is in the activity log. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/member.h"
#include "../model/party.h"
#include "api.h"
#include "common.h"
#include "routes.h"

#define LAST_ADMIN "This is the party's last admin: a party keeps at least one. Make someone else admin first."

/* A member as a member of the open object or array of w. */
static void write_member(struct http_req *r, struct jw *w, const char *party_id, const struct member *m)
{
	jw_obj(w);
	fields_write_json(member_fields, member_nfields, m, w);
	jw_kobj(w, "_links");
	jw_klink(w, "self", arena_printf(r->arena, "/api/v1/parties/%s/members/%s", party_id, m->user_id));
	jw_klink(w, "party", arena_printf(r->arena, "/api/v1/parties/%s", party_id));
	jw_end(w);
	jw_end(w);
}

static void send_member(struct http_req *r, int status, const struct member *m)
{
	struct jw w;
	api_json_begin(r, status, &w);
	write_member(r, &w, r->params[0], m);
}

/* Whether the viewer may do act to the members of the party, read into
 * pa: 401, 404 or 403 answered here, so that they come before any problem
 * with the body. */
static bool allowed(struct http_req *r, enum perm_action act, struct party *pa)
{
	int rc = r->viewer.authenticated ? party_get(r->store, r->arena, &r->viewer, r->params[0], pa)
					 : ERR_AUTH;
	if (!rc && !party_can(&r->viewer, pa, OBJ_MEMBERS, act))
		rc = ERR_FORBIDDEN;
	if (rc)
		api_fail(r, rc);
	return rc == 0;
}

static void api_members_list(struct http_req *r)
{
	static const char *const allowed_query[] = { NULL };
	if (!r->viewer.authenticated) {
		api_fail(r, ERR_AUTH);
		return;
	}
	struct problems p = { 0 };
	int limit;
	api_check_query(r, allowed_query, &limit, &p);
	struct member *items;
	size_t n;
	int rc = member_list(r->store, r->arena, &r->viewer, r->params[0], &items, &n);
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
		write_member(r, &w, r->params[0], &items[i]);
	jw_end(&w);
	const char *path = arena_printf(r->arena, "/api/v1/parties/%s/members", r->params[0]);
	api_write_list_links(&w, r, path, NULL, NULL, 0, NULL);
	jw_end(&w);
}

static void api_members_get(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		api_fail(r, ERR_AUTH);
		return;
	}
	struct party pa;
	struct member m;
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], &pa);
	if (!rc)
		rc = member_in(r->store, r->arena, &r->viewer, &pa, r->params[1], &m);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	send_member(r, 200, &m);
}

static void api_members_add(struct http_req *r)
{
	struct party pa;
	if (!allowed(r, ACT_CREATE, &pa))
		return;
	json_t *body = api_body_object(r);
	if (!body)
		return;
	/* the person is named by the email of their account, which no member shows */
	const char *email = NULL;
	struct problems p = { 0 };
	json_t *e = json_object_get(body, "email");
	if (e) {
		email = api_string(r, e, "email", &p);
		json_object_del(body, "email");
	}
	struct member m = { 0 };
	fields_apply_json(member_fields, member_nfields, &m, body, FIELDS_CREATE, r->arena, &p);
	json_decref(body);
	int rc = member_add_to(r->store, r->arena, &r->viewer, &pa, email, m.role, &m, &p);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/parties/%s/members/%s", r->params[0],
						    m.user_id));
	send_member(r, 201, &m);
}

static void api_members_patch(struct http_req *r)
{
	struct party pa;
	if (!allowed(r, ACT_UPDATE, &pa))
		return;
	struct member m;
	int rc = member_in(r->store, r->arena, &r->viewer, &pa, r->params[1], &m);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *body = api_body_object(r);
	if (!body)
		return;
	/* a merge patch without "role" changes nothing; "role": null is a problem */
	bool change = json_object_get(body, "role") != NULL;
	struct problems p = { 0 };
	fields_apply_json(member_fields, member_nfields, &m, body, FIELDS_PATCH, r->arena, &p);
	json_decref(body);
	/* member_set_role also lists the role's problem beside the body's */
	if (change)
		rc = member_set_role_of(r->store, r->arena, &r->viewer, &pa, m.user_id, &m.role, &p);
	else if (p.n)
		rc = ERR_INVALID;
	if (rc == ERR_INVALID)
		api_invalid(r, &p);
	else if (rc == ERR_CONFLICT)
		api_error(r, 409, LAST_ADMIN);
	else if (rc)
		api_fail(r, rc);
	else
		send_member(r, 200, &m);
}

static void api_members_delete(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		api_fail(r, ERR_AUTH);
		return;
	}
	int rc = member_remove(r->store, r->arena, &r->viewer, r->params[0], r->params[1]);
	if (rc == ERR_CONFLICT) {
		api_error(r, 409, LAST_ADMIN);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	r->status = 204;
	r->content_type = NULL;
}

const struct http_route api_members_routes[] = {
	{ HM_GET, "/api/v1/parties/{id}/members", api_members_list, 0 },
	{ HM_POST, "/api/v1/parties/{id}/members", api_members_add, 0 },
	{ HM_GET, "/api/v1/parties/{id}/members/{userId}", api_members_get, 0 },
	{ HM_PATCH, "/api/v1/parties/{id}/members/{userId}", api_members_patch, 0 },
	{ HM_DELETE, "/api/v1/parties/{id}/members/{userId}", api_members_delete, 0 },
	{ 0 },
};
