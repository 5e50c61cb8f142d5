/* /api/v1/users: the accounts (accounts), for platform admins (beheerders):
 * who there is, blocking and unblocking (blokkeren), and appointing
 * coordinators of areas (coördinatoren). The rules are the model's. */
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/user.h"
#include "common.h"

/* An account as the next value of w; one account's answer has the areas
 * it coordinates (its last field), a list does not. */
static void write_user_fields(struct http_req *r, struct jw *w, const struct user *u, size_t nfields)
{
	jw_obj(w);
	fields_write_json(user_fields, nfields, u, w);
	api_links(w, r, "user", u->id, NULL, NULL);
	jw_end(w);
	jw_end(w);
}

static void write_user(struct http_req *r, struct jw *w, const void *u)
{
	write_user_fields(r, w, u, user_nfields);
}

static void write_user_in_list(struct http_req *r, struct jw *w, const void *u)
{
	write_user_fields(r, w, u, user_nfields - 1);
}

/* 401 for anonymous callers, 403 for those who are no platform admin. */
static bool admin_only(struct http_req *r)
{
	return !api_failed(r, perm_check(&r->viewer, OBJ_USERS, ACT_READ, NULL), NULL, NULL);
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
	if (!api_failed(r, rc, &p, NULL))
		api_send_list(r, "/api/v1/users", allowed, next, write_user_in_list, items, sizeof *items, n);
}

static void answer_user(struct http_req *r, int status)
{
	struct user u;
	int rc = user_get(r->store, r->arena, r->params[0], &u);
	if (!rc)
		rc = user_coordinator_areas(r->store, r->arena, u.id, &u.coordinator_areas.v, &u.coordinator_areas.n);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, status, write_user, &u);
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
	struct problems p = { 0 };
	if (api_failed(r, user_get(r->store, r->arena, r->params[0], &u), NULL, NULL))
		return;
	bool was = u.blocked;
	if (!api_read(r, user_fields, user_nfields, &u, FIELDS_PATCH, &p))
		return;
	int rc = p.n ? ERR_INVALID : 0;
	if (!rc && u.blocked != was)
		rc = user_set_blocked(r->store, &r->viewer, u.id, u.blocked);
	if (!api_failed(r, rc, &p, "You cannot block your own account."))
		answer_user(r, 200);
}

static void api_users_appoint(struct http_req *r)
{
	if (!admin_only(r))
		return;
	static const char *const keys[] = { "area" };
	const char *area = NULL;
	struct problems p = { 0 };
	if (!api_read_strings(r, keys, &area, 1, &p))
		return;
	if (!area && !problems_find(&p, "area"))
		problems_add(&p, "area", R_REQUIRED, 0);
	int rc = p.n ? ERR_INVALID : user_set_coordinator(r->store, &r->viewer, r->params[0], area, true, &p);
	if (!api_failed(r, rc, &p, NULL))
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
	api_no_content(r, rc, NULL);
}

const struct http_route api_users_routes[] = {
	{ HM_GET, "/api/v1/users", api_users_list, 0 },
	{ HM_GET, "/api/v1/users/{id}", api_users_get, 0 },
	{ HM_PATCH, "/api/v1/users/{id}", api_users_patch, 0 },
	{ HM_POST, "/api/v1/users/{id}/coordinator-areas", api_users_appoint, 0 },
	{ HM_DELETE, "/api/v1/users/{id}/coordinator-areas/{code}", api_users_dismiss, 0 },
	{ 0 },
};
