/* /api/v1/users: the accounts (accounts), for platform admins (beheerders):
 * who there is, blocking and unblocking (blokkeren), and appointing
 * coordinators of areas (coördinatoren). The rules are the model's. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/user.h"
#include "api.h"
#include "common.h"
#include "routes.h"

/* An account as a member of the open object or array of w; one account's
 * answer has the areas it coordinates, a list does not. */
static void write_user(struct http_req *r, struct jw *w, const struct user *u, bool with_areas)
{
	jw_obj(w);
	fields_write_json(user_fields, user_nfields - !with_areas, u, w);
	jw_kobj(w, "_links");
	jw_klink(w, "self", arena_printf(r->arena, "/api/v1/users/%s", u->id));
	jw_end(w);
	jw_end(w);
}

/* 401 for anonymous callers, 403 for those who are no platform admin. */
static bool admin_only(struct http_req *r)
{
	int rc = perm_check(&r->viewer, OBJ_USERS, ACT_READ, NULL);
	if (rc)
		api_fail(r, rc);
	return rc == 0;
}

static void api_users_list(struct http_req *r)
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
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_karr(&w, "items");
	for (size_t i = 0; i < n; i++)
		write_user(r, &w, &items[i], false);
	jw_end(&w);
	const char *keys[] = { "q", "limit" };
	const char *values[] = { q, http_query(r, "limit") };
	api_write_list_links(&w, r, "/api/v1/users", keys, values, 2, next);
	jw_end(&w);
}

static void answer_user(struct http_req *r, int status)
{
	struct user u;
	int rc = user_get(r->store, r->arena, r->params[0], &u);
	if (!rc)
		rc = user_coordinator_areas(r->store, r->arena, u.id, &u.coordinator_areas.v, &u.coordinator_areas.n);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	struct jw w;
	api_json_begin(r, status, &w);
	write_user(r, &w, &u, true);
}

static void api_users_get(struct http_req *r)
{
	if (admin_only(r))
		answer_user(r, 200);
}

static void api_users_patch(struct http_req *r)
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
	bool was = u.blocked;
	fields_apply_json(user_fields, user_nfields, &u, body, FIELDS_PATCH, r->arena, &p);
	json_decref(body);
	if (p.n) {
		api_invalid(r, &p);
		return;
	}
	if (u.blocked != was) {
		rc = user_set_blocked(r->store, &r->viewer, u.id, u.blocked);
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

static void api_users_appoint(struct http_req *r)
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

static void api_users_dismiss(struct http_req *r)
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
