/* /api/v1/users/me, /api/v1/tokens and /api/v1/sessions: the caller's own
 * account (account), API tokens (API-sleutels) and login sessions
 * (inlogsessies). Everything here is the caller's alone. */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/member.h"
#include "../model/notify.h"
#include "../model/privacy.h"
#include "api.h"
#include "../model/user.h"
#include "common.h"
#include "routes.h"

/* Answers 401 for an anonymous caller, else 400 for any query parameter
 * (the lists here are short and come on one page). */
static bool own_read(struct http_req *r)
{
	static const char *const allowed[] = { NULL };
	if (!r->viewer.authenticated) {
		api_fail(r, ERR_AUTH);
		return false;
	}
	struct problems p = { 0 };
	int limit;
	api_check_query(r, allowed, &limit, &p);
	if (p.n) {
		api_invalid(r, &p);
		return false;
	}
	return true;
}

static void no_content(struct http_req *r)
{
	r->status = 204;
	r->content_type = NULL;
}

void api_users_me(struct http_req *r)
{
	if (!own_read(r))
		return;
	struct user u;
	struct membership *items;
	size_t n;
	int rc = user_get(r->store, r->arena, r->viewer.user_id, &u);
	if (!rc)
		rc = member_of(r->store, r->arena, u.id, &items, &n);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	bool digest = false; /* the daily digest of notifications (voice.c) */
	notification_digest_get(r->store, &r->viewer, &digest);
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_kstr(&w, "id", u.id);
	jw_kstr(&w, "name", u.name);
	jw_kstr(&w, "email", u.email);
	jw_kstr(&w, "role", u.role);
	jw_kstr(&w, "createdAt", u.created_at);
	jw_karr(&w, "memberships");
	for (size_t i = 0; i < n; i++) {
		jw_obj(&w);
		fields_write_json(membership_fields, membership_nfields, &items[i], &w);
		jw_kstr(&w, "role", member_roles[items[i].role].key);
		jw_kobj(&w, "_links");
		jw_klink(&w, "party", arena_printf(r->arena, "/api/v1/parties/%s", items[i].party_id));
		jw_end(&w);
		jw_end(&w);
	}
	jw_end(&w);
	jw_kbool(&w, "digest", digest);
	jw_kobj(&w, "_links");
	jw_klink(&w, "self", "/api/v1/users/me");
	jw_klink(&w, "tokens", "/api/v1/tokens");
	jw_klink(&w, "sessions", "/api/v1/sessions");
	jw_klink(&w, "export", "/api/v1/users/me/export");
	jw_end(&w);
	jw_end(&w);
}

/* Everything kiem holds about the caller, as a file to keep (privacy.h). */
static void api_users_me_export(struct http_req *r)
{
	if (!own_read(r))
		return;
	buf_reset(&r->out);
	int rc = privacy_export(r->store, &r->viewer, &r->out);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	r->status = 200;
	r->content_type = "application/json";
	http_add_header(r, "Content-Disposition",
			arena_printf(r->arena, "attachment; filename=\"kiem-export-%s.json\"",
				     privacy_export_day(r->arena, r->out.ptr)));
}

/* Erases the caller's account (privacy.h); the token of this request stops
 * working with it. */
static void api_users_me_delete(struct http_req *r)
{
	int rc = privacy_erase(r->store, &r->viewer);
	if (rc == ERR_CONFLICT) {
		api_error(r, 409, "You are the last platform admin: appoint another before you erase your account.");
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	no_content(r);
}

/* A token (never its secret) or a session as a member of the open object
 * or array of w, its link the collection's path and its id (its first
 * field); the object is left open. */
static void open_item(struct http_req *r, struct jw *w, const struct field_desc *f, size_t n, const void *obj,
		      const char *path)
{
	jw_obj(w);
	fields_write_json(f, n, obj, w);
	jw_kobj(w, "_links");
	jw_klink(w, "self", arena_printf(r->arena, "%s/%s", path, fields_str(&f[0], obj)));
	jw_end(w);
}

static void send_item(struct http_req *r, const struct field_desc *f, size_t n, const void *obj,
		      const char *path)
{
	struct jw w;
	api_json_begin(r, 200, &w);
	open_item(r, &w, f, n, obj, path);
	jw_end(&w);
}

/* The caller's tokens or sessions (count items of size bytes), on one page. */
static void send_list(struct http_req *r, const struct field_desc *f, size_t n, const void *items, size_t size,
		      size_t count, const char *path)
{
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_karr(&w, "items");
	for (size_t i = 0; i < count; i++) {
		open_item(r, &w, f, n, (const char *)items + i * size, path);
		jw_end(&w);
	}
	jw_end(&w);
	api_write_list_links(&w, r, path, NULL, NULL, 0, NULL);
	jw_end(&w);
}

static void api_tokens_list(struct http_req *r)
{
	if (!own_read(r))
		return;
	struct api_token *items;
	size_t n;
	int rc = token_list(r->store, r->arena, &r->viewer, &items, &n);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	send_list(r, token_fields, token_nfields, items, sizeof *items, n, "/api/v1/tokens");
}

static void api_tokens_get(struct http_req *r)
{
	if (!own_read(r))
		return;
	struct api_token t;
	int rc = token_get(r->store, r->arena, &r->viewer, r->params[0], &t);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	send_item(r, token_fields, token_nfields, &t, "/api/v1/tokens");
}

static void api_tokens_create(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct api_token in = { 0 };
	struct problems p = { 0 };
	/* the secret is in the answer to this request only, never a field */
	if (json_object_get(body, "token")) {
		problems_add(&p, "token", R_READ_ONLY, 0);
		json_object_del(body, "token");
	}
	fields_apply_json(token_fields, token_nfields, &in, body, FIELDS_CREATE, r->arena, &p);
	json_decref(body);
	/* token_create stops only at its own problems, so it must not see a
	 * body with others: it would make the token */
	char secret[TOKEN_STRLEN + 1];
	struct api_token t;
	int rc = token_create(r->store, r->arena, &r->viewer, in.name, secret, &t, &p);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/tokens/%s", t.id));
	struct jw w;
	api_json_begin(r, 201, &w);
	open_item(r, &w, token_fields, token_nfields, &t, "/api/v1/tokens");
	jw_kstr(&w, "token", secret);
	jw_end(&w);
	memset(secret, 0, sizeof secret);
}

static void api_tokens_delete(struct http_req *r)
{
	int rc = token_revoke(r->store, &r->viewer, r->params[0]);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	no_content(r);
}

static void api_sessions_list(struct http_req *r)
{
	if (!own_read(r))
		return;
	struct session_info *items;
	size_t n;
	/* API calls come with a token, so no session here is the current one */
	int rc = session_list(r->store, r->arena, &r->viewer, r->session, &items, &n);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	send_list(r, session_fields, session_nfields, items, sizeof *items, n, "/api/v1/sessions");
}

static void api_sessions_get(struct http_req *r)
{
	if (!own_read(r))
		return;
	struct session_info si;
	int rc = session_get(r->store, r->arena, &r->viewer, r->session, r->params[0], &si);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	send_item(r, session_fields, session_nfields, &si, "/api/v1/sessions");
}

static void api_sessions_delete(struct http_req *r)
{
	int rc = session_revoke(r->store, &r->viewer, r->params[0]);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	no_content(r);
}

const struct http_route api_account_routes[] = {
	{ HM_GET, "/api/v1/users/me", api_users_me, 0 },
	{ HM_DELETE, "/api/v1/users/me", api_users_me_delete, 0 },
	{ HM_GET, "/api/v1/users/me/export", api_users_me_export, 0 },
	{ HM_GET, "/api/v1/tokens", api_tokens_list, 0 },
	{ HM_POST, "/api/v1/tokens", api_tokens_create, 0 },
	{ HM_GET, "/api/v1/tokens/{id}", api_tokens_get, 0 },
	{ HM_DELETE, "/api/v1/tokens/{id}", api_tokens_delete, 0 },
	{ HM_GET, "/api/v1/sessions", api_sessions_list, 0 },
	{ HM_GET, "/api/v1/sessions/{id}", api_sessions_get, 0 },
	{ HM_DELETE, "/api/v1/sessions/{id}", api_sessions_delete, 0 },
	{ 0 },
};
