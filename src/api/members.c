/* /api/v1/parties/{id}/members: the people of a party (leden) and their
 * place in it. Who may see and change them is perm.c's (OBJ_MEMBERS); a
 * member may always leave. Every change is in the activity log. */
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/member.h"
#include "../model/party.h"
#include "common.h"

#define LAST_ADMIN "This is the party's last admin: a party keeps at least one. Make someone else admin first."

/* A member of the party of the URL as the next value of w. */
static void write_member(struct http_req *r, struct jw *w, const void *obj)
{
	const struct member *m = obj;
	jw_obj(w);
	fields_write_json(member_fields, member_nfields, m, w);
	api_links(w, r, "party", r->params[0], "members", m->user_id);
	jw_klink(w, "party", api_path(r, "party", r->params[0]));
	jw_end(w);
	jw_end(w);
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
	return !api_failed(r, rc, NULL, NULL);
}

static void api_members_list(struct http_req *r)
{
	struct member *items;
	size_t n;
	int rc = r->viewer.authenticated ? member_list(r->store, r->arena, &r->viewer, r->params[0], &items, &n)
					 : ERR_AUTH;
	if (!api_failed(r, rc, NULL, NULL) && api_no_query(r))
		api_send_list(r, arena_printf(r->arena, "%s/members", api_path(r, "party", r->params[0])), NULL, NULL,
			      write_member, items, sizeof *items, n);
}

static void api_members_get(struct http_req *r)
{
	struct party pa;
	struct member m;
	int rc = r->viewer.authenticated ? party_get(r->store, r->arena, &r->viewer, r->params[0], &pa) : ERR_AUTH;
	if (!rc)
		rc = member_in(r->store, r->arena, &r->viewer, &pa, r->params[1], &m);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_member, &m);
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
	if (api_failed(r, rc, &p, NULL))
		return;
	http_add_header(r, "Location",
			arena_printf(r->arena, "%s/members/%s", api_path(r, "party", r->params[0]), m.user_id));
	api_send(r, 201, write_member, &m);
}

static void api_members_patch(struct http_req *r)
{
	struct party pa;
	if (!allowed(r, ACT_UPDATE, &pa))
		return;
	struct member m;
	int rc = member_in(r->store, r->arena, &r->viewer, &pa, r->params[1], &m);
	if (api_failed(r, rc, NULL, NULL))
		return;
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
	if (!api_failed(r, rc, &p, LAST_ADMIN))
		api_send(r, 200, write_member, &m);
}

static void api_members_delete(struct http_req *r)
{
	int rc = r->viewer.authenticated ? member_remove(r->store, r->arena, &r->viewer, r->params[0], r->params[1])
					 : ERR_AUTH;
	api_no_content(r, rc, LAST_ADMIN);
}

const struct http_route api_members_routes[] = {
	{ HM_GET, "/api/v1/parties/{id}/members", api_members_list, 0 },
	{ HM_POST, "/api/v1/parties/{id}/members", api_members_add, 0 },
	{ HM_GET, "/api/v1/parties/{id}/members/{userId}", api_members_get, 0 },
	{ HM_PATCH, "/api/v1/parties/{id}/members/{userId}", api_members_patch, 0 },
	{ HM_DELETE, "/api/v1/parties/{id}/members/{userId}", api_members_delete, 0 },
	{ 0 },
};
