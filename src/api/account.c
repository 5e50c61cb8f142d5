/* /api/v1/users/me, /api/v1/tokens and /api/v1/sessions: the caller's own
 * account (account), API tokens (API-sleutels) and login sessions
 * (inlogsessies). Everything here is the caller's alone. */
#include <string.h>

#include "../base/arena.h"
#include "../base/jw.h"
#include "../model/member.h"
#include "../model/notify.h"
#include "../model/privacy.h"
#include "../model/user.h"
#include "common.h"
#include "routes.h"

/* Answers 401 for an anonymous caller, else 400 for any query parameter
 * (the lists here are short and come on one page). */
static bool own_read(struct http_req *r)
{
	return api_logged_in(r) && api_no_query(r);
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
	if (api_failed(r, rc, NULL, NULL))
		return;
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
		jw_klink(&w, "party", api_path(r, "party", items[i].party_id));
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
	if (api_failed(r, privacy_export(r->store, &r->viewer, &r->out), NULL, NULL))
		return;
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
	api_no_content(r, privacy_erase(r->store, &r->viewer),
		       "You are the last platform admin: appoint another before you erase your account.");
}

/* A token (never its secret) as a member of the open object or array of
 * w; the object is left open for the secret of a new one. */
static void open_token(struct http_req *r, struct jw *w, const struct api_token *t)
{
	jw_obj(w);
	fields_write_json(token_fields, token_nfields, t, w);
	api_links(w, r, "token", t->id, NULL, NULL);
	jw_end(w);
}

static void write_token(struct http_req *r, struct jw *w, const void *t)
{
	open_token(r, w, t);
	jw_end(w);
}

static void write_session(struct http_req *r, struct jw *w, const void *obj)
{
	const struct session_info *si = obj;
	jw_obj(w);
	fields_write_json(session_fields, session_nfields, si, w);
	api_links(w, r, "session", si->id, NULL, NULL);
	jw_end(w);
	jw_end(w);
}

static void api_tokens_list(struct http_req *r)
{
	struct api_token *items;
	size_t n;
	if (own_read(r) && !api_failed(r, token_list(r->store, r->arena, &r->viewer, &items, &n), NULL, NULL))
		api_send_list(r, "/api/v1/tokens", NULL, NULL, write_token, items, sizeof *items, n);
}

static void api_tokens_get(struct http_req *r)
{
	struct api_token t;
	if (own_read(r) && !api_failed(r, token_get(r->store, r->arena, &r->viewer, r->params[0], &t), NULL, NULL))
		api_send(r, 200, write_token, &t);
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
	if (api_failed(r, rc, &p, NULL))
		return;
	http_add_header(r, "Location", api_path(r, "token", t.id));
	struct jw w;
	api_json_begin(r, 201, &w);
	open_token(r, &w, &t);
	jw_kstr(&w, "token", secret);
	jw_end(&w);
	memset(secret, 0, sizeof secret);
}

static void api_tokens_delete(struct http_req *r)
{
	api_no_content(r, token_revoke(r->store, &r->viewer, r->params[0]), NULL);
}

static void api_sessions_list(struct http_req *r)
{
	if (!own_read(r))
		return;
	struct session_info *items;
	size_t n;
	/* API calls come with a token, so no session here is the current one */
	int rc = session_list(r->store, r->arena, &r->viewer, r->session, &items, &n);
	if (!api_failed(r, rc, NULL, NULL))
		api_send_list(r, "/api/v1/sessions", NULL, NULL, write_session, items, sizeof *items, n);
}

static void api_sessions_get(struct http_req *r)
{
	if (!own_read(r))
		return;
	struct session_info si;
	int rc = session_get(r->store, r->arena, &r->viewer, r->session, r->params[0], &si);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_session, &si);
}

static void api_sessions_delete(struct http_req *r)
{
	api_no_content(r, session_revoke(r->store, &r->viewer, r->params[0]), NULL);
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
