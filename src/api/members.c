/* /api/v1/parties/{id}/members: the people of a party (leden) and their
 * place in it. Who may see and change them is perm.c's (OBJ_MEMBERS); a
 * member may always leave. Every change is in the activity log. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/member.h"
#include "../model/party.h"
#include "api.h"
#include "common.h"
#include "routes.h"

#define LAST_ADMIN "This is the party's last admin: a party keeps at least one. Make someone else admin first."

static json_t *member_json(struct http_req *r, const char *party_id, const struct member *m)
{
	json_t *o = json_object();
	json_object_set_new(o, "userId", json_string(m->user_id));
	json_object_set_new(o, "name", json_string(m->name));
	json_object_set_new(o, "role", json_string(member_roles[m->role].key));
	json_object_set_new(o, "since", json_string(m->since));
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link(arena_printf(r->arena, "/api/v1/parties/%s/members/%s",
								 party_id, m->user_id)));
	json_object_set_new(links, "party", api_link(arena_printf(r->arena, "/api/v1/parties/%s", party_id)));
	json_object_set_new(o, "_links", links);
	return o;
}

/* The member user_id of the party, read as the viewer: ERR_NOTFOUND when
 * the person is not in it. */
static int find_member(struct http_req *r, const char *party_id, const char *user_id, struct member *out)
{
	struct member *items;
	size_t n;
	int rc = member_list(r->store, r->arena, &r->viewer, party_id, &items, &n);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(items[i].user_id, user_id) == 0) {
			*out = items[i];
			return 0;
		}
	}
	return ERR_NOTFOUND;
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

/* Reads the fields of a member's JSON: role always, email for an add. */
static void apply_json(struct http_req *r, json_t *body, bool add, const char **email, const char **role,
		       struct problems *p)
{
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(r->arena, key);
		if (!strcmp(k, "role"))
			*role = api_string(r, v, k, p);
		else if (add && !strcmp(k, "email"))
			*email = api_string(r, v, k, p);
		else if (!strcmp(k, "userId") || !strcmp(k, "name") || !strcmp(k, "since") || !strcmp(k, "_links"))
			problems_add(p, k, R_READ_ONLY, 0);
		else
			problems_add(p, k, R_UNKNOWN_FIELD, 0);
	}
}

void api_members_list(struct http_req *r)
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
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, member_json(r, r->params[0], &items[i]));
	json_t *o = json_object();
	json_object_set_new(o, "items", list);
	const char *path = arena_printf(r->arena, "/api/v1/parties/%s/members", r->params[0]);
	json_object_set_new(o, "_links", api_list_links(r, path, NULL, NULL, 0, NULL));
	api_send(r, 200, o);
}

void api_members_get(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		api_fail(r, ERR_AUTH);
		return;
	}
	struct member m;
	int rc = find_member(r, r->params[0], r->params[1], &m);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	api_send(r, 200, member_json(r, r->params[0], &m));
}

void api_members_add(struct http_req *r)
{
	struct party pa;
	if (!allowed(r, ACT_CREATE, &pa))
		return;
	json_t *body = api_body_object(r);
	if (!body)
		return;
	const char *email = NULL, *role = NULL;
	struct problems p = { 0 };
	apply_json(r, body, true, &email, &role, &p);
	json_decref(body);
	struct member m;
	int rc = member_add_to(r->store, r->arena, &r->viewer, &pa, email, role, &m, &p);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/parties/%s/members/%s", r->params[0],
						    m.user_id));
	api_send(r, 201, member_json(r, r->params[0], &m));
}

void api_members_patch(struct http_req *r)
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
	const char *role = NULL;
	struct problems p = { 0 };
	apply_json(r, body, false, NULL, &role, &p);
	json_decref(body);
	/* member_set_role also lists the role's problem beside the body's */
	if (change)
		rc = member_set_role_of(r->store, &r->viewer, &pa, m.user_id, role, &p);
	else if (p.n)
		rc = ERR_INVALID;
	if (!rc && change)
		m.role = (enum member_role)enum_find(member_roles, MEMBER_ROLE_COUNT, role);
	if (rc == ERR_INVALID)
		api_invalid(r, &p);
	else if (rc == ERR_CONFLICT)
		api_error(r, 409, LAST_ADMIN);
	else if (rc)
		api_fail(r, rc);
	else
		api_send(r, 200, member_json(r, r->params[0], &m));
}

void api_members_delete(struct http_req *r)
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
