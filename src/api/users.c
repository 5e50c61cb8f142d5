/* /api/v1/users: the accounts (accounts), for platform admins (beheerders):
 * who there is, blocking and unblocking (blokkeren), and appointing
 * coordinators of areas (coördinatoren). The rules are the model's. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/user.h"
#include "api.h"
#include "common.h"
#include "routes.h"

static json_t *user_json(struct http_req *r, const struct user *u, bool with_areas)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(u->id));
	json_object_set_new(o, "name", json_string(u->name));
	json_object_set_new(o, "email", json_string(u->email));
	json_object_set_new(o, "role", json_string(platform_roles[u->role].key));
	json_object_set_new(o, "blocked", json_boolean(u->blocked));
	if (with_areas) {
		const char **codes = NULL;
		size_t n = 0;
		user_coordinator_areas(r->store, r->arena, u->id, &codes, &n);
		json_object_set_new(o, "coordinatorAreas", api_strlist(codes, n));
	}
	json_object_set_new(o, "createdAt", json_string(u->created_at));
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link(arena_printf(r->arena, "/api/v1/users/%s", u->id)));
	json_object_set_new(o, "_links", links);
	return o;
}

/* 401 for anonymous callers, 403 for those who are no platform admin. */
static bool admin_only(struct http_req *r)
{
	int rc = perm_check(&r->viewer, OBJ_USERS, ACT_READ, NULL);
	if (rc)
		api_fail(r, rc);
	return rc == 0;
}

void api_users_list(struct http_req *r)
{
	static const char *const allowed[] = { "q", "limit", "cursor", NULL };
	if (!admin_only(r))
		return;
	struct problems p = { 0 };
	int limit;
	api_check_query(r, allowed, &limit, &p);
	const char *q = http_query(r, "q");
	struct user *items = NULL;
	size_t n = 0;
	const char *next = NULL;
	int rc = user_list(r->store, r->arena, &r->viewer, q, http_query(r, "cursor"), limit, &items, &n,
			   &next, &p);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, user_json(r, &items[i], false));
	const char *keys[] = { "q", "limit" };
	const char *values[] = { q, http_query(r, "limit") };
	json_t *o = json_object();
	json_object_set_new(o, "items", list);
	json_object_set_new(o, "_links", api_list_links(r, "/api/v1/users", keys, values, 2, next));
	api_send(r, 200, o);
}

static void answer_user(struct http_req *r, int status)
{
	struct user u;
	int rc = user_get(r->store, r->arena, r->params[0], &u);
	if (rc)
		api_fail(r, rc);
	else
		api_send(r, status, user_json(r, &u, true));
}

void api_users_get(struct http_req *r)
{
	if (admin_only(r))
		answer_user(r, 200);
}

void api_users_patch(struct http_req *r)
{
	if (!admin_only(r))
		return;
	struct user u;
	int rc = user_get(r->store, r->arena, r->params[0], &u);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *body = api_body_object(r);
	if (!body)
		return;
	struct problems p = { 0 };
	const char *key;
	json_t *v;
	int blocked = -1;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(r->arena, key);
		if (!strcmp(k, "blocked")) {
			if (json_is_boolean(v))
				blocked = json_is_true(v);
			else
				problems_add(&p, k, R_WRONG_TYPE, JK_BOOLEAN);
		} else if (!strcmp(k, "id") || !strcmp(k, "name") || !strcmp(k, "email") || !strcmp(k, "role") ||
			   !strcmp(k, "createdAt") || !strcmp(k, "coordinatorAreas") || !strcmp(k, "_links")) {
			problems_add(&p, k, R_READ_ONLY, 0);
		} else {
			problems_add(&p, k, R_UNKNOWN_FIELD, 0);
		}
	}
	json_decref(body);
	if (p.n) {
		api_invalid(r, &p);
		return;
	}
	if (blocked >= 0 && blocked != u.blocked) {
		rc = user_set_blocked(r->store, &r->viewer, u.id, blocked);
		if (rc == ERR_CONFLICT) {
			api_error(r, 409, "You cannot block your own account.");
			return;
		} else if (rc) {
			api_fail(r, rc);
			return;
		}
	}
	answer_user(r, 200);
}

void api_users_appoint(struct http_req *r)
{
	if (!admin_only(r))
		return;
	json_t *body = api_body_object(r);
	if (!body)
		return;
	struct problems p = { 0 };
	const char *key, *area = NULL;
	json_t *v;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(r->arena, key);
		if (!strcmp(k, "area"))
			area = api_string(r, v, k, &p);
		else
			problems_add(&p, k, R_UNKNOWN_FIELD, 0);
	}
	json_decref(body);
	if (!area && !problems_find(&p, "area"))
		problems_add(&p, "area", R_REQUIRED, 0);
	int rc = p.n ? ERR_INVALID : user_set_coordinator(r->store, &r->viewer, r->params[0], area, true, &p);
	if (rc == ERR_INVALID)
		api_invalid(r, &p);
	else if (rc)
		api_fail(r, rc);
	else
		answer_user(r, 200);
}

void api_users_dismiss(struct http_req *r)
{
	if (!admin_only(r))
		return;
	struct problems p = { 0 };
	int rc = user_set_coordinator(r->store, &r->viewer, r->params[0], r->params[1], false, &p);
	if (rc == ERR_INVALID)
		rc = ERR_NOTFOUND; /* no such area: nothing to dismiss from */
	if (rc) {
		api_fail(r, rc);
		return;
	}
	r->status = 204;
	r->content_type = NULL;
}

const struct http_route api_users_routes[] = {
	{ HM_GET, "/api/v1/users", api_users_list, 0 },
	{ HM_GET, "/api/v1/users/{id}", api_users_get, 0 },
	{ HM_PATCH, "/api/v1/users/{id}", api_users_patch, 0 },
	{ HM_POST, "/api/v1/users/{id}/coordinator-areas", api_users_appoint, 0 },
	{ HM_DELETE, "/api/v1/users/{id}/coordinator-areas/{code}", api_users_dismiss, 0 },
	{ 0 },
};
