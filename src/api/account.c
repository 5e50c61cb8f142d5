/* /api/v1/users/me, /api/v1/tokens and /api/v1/sessions: the caller's own
 * account (account), API tokens (API-sleutels) and login sessions
 * (inlogsessies). Everything here is the caller's alone. */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
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

static json_t *membership_json(struct http_req *r, const struct membership *m)
{
	json_t *o = json_object();
	json_object_set_new(o, "partyId", json_string(m->party_id));
	json_object_set_new(o, "partyName", json_string(m->party_name));
	json_object_set_new(o, "role", json_string(member_roles[m->role].key));
	json_object_set_new(o, "since", json_string(m->since));
	json_t *links = json_object();
	json_object_set_new(links, "party", api_link(arena_printf(r->arena, "/api/v1/parties/%s", m->party_id)));
	json_object_set_new(o, "_links", links);
	return o;
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
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, membership_json(r, &items[i]));
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(u.id));
	json_object_set_new(o, "name", json_string(u.name));
	json_object_set_new(o, "email", json_string(u.email));
	json_object_set_new(o, "role", json_string(platform_roles[u.role].key));
	json_object_set_new(o, "createdAt", json_string(u.created_at));
	json_object_set_new(o, "memberships", list);
	bool digest = false; /* the daily digest of notifications (voice.c) */
	notification_digest_get(r->store, &r->viewer, &digest);
	json_object_set_new(o, "digest", json_boolean(digest));
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link("/api/v1/users/me"));
	json_object_set_new(links, "tokens", api_link("/api/v1/tokens"));
	json_object_set_new(links, "sessions", api_link("/api/v1/sessions"));
	json_object_set_new(links, "export", api_link("/api/v1/users/me/export"));
	json_object_set_new(o, "_links", links);
	api_send(r, 200, o);
}

/* Everything kiem holds about the caller, as a file to keep (privacy.h). */
void api_users_me_export(struct http_req *r)
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
void api_users_me_delete(struct http_req *r)
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

static json_t *token_json(struct http_req *r, const struct api_token *t)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(t->id));
	json_object_set_new(o, "name", json_string(t->name));
	json_object_set_new(o, "createdAt", json_string(t->created_at));
	json_object_set_new(o, "lastUsedAt", api_str_or_null(t->last_used_at));
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link(arena_printf(r->arena, "/api/v1/tokens/%s", t->id)));
	json_object_set_new(o, "_links", links);
	return o;
}

void api_tokens_list(struct http_req *r)
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
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, token_json(r, &items[i]));
	json_t *o = json_object();
	json_object_set_new(o, "items", list);
	json_object_set_new(o, "_links", api_list_links(r, "/api/v1/tokens", NULL, NULL, 0, NULL));
	api_send(r, 200, o);
}

void api_tokens_get(struct http_req *r)
{
	if (!own_read(r))
		return;
	struct api_token t;
	int rc = token_get(r->store, r->arena, &r->viewer, r->params[0], &t);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	api_send(r, 200, token_json(r, &t));
}

void api_tokens_create(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	const char *name = NULL;
	struct problems p = { 0 };
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(r->arena, key);
		if (!strcmp(k, "name"))
			name = api_string(r, v, k, &p);
		else if (!strcmp(k, "id") || !strcmp(k, "createdAt") || !strcmp(k, "lastUsedAt") ||
			 !strcmp(k, "token") || !strcmp(k, "_links"))
			problems_add(&p, k, R_READ_ONLY, 0);
		else
			problems_add(&p, k, R_UNKNOWN_FIELD, 0);
	}
	json_decref(body);
	/* token_create stops only at its own problems, so it must not see a
	 * body with others: it would make the token */
	char secret[TOKEN_STRLEN + 1];
	struct api_token t;
	int rc = token_create(r->store, r->arena, &r->viewer, name, secret, &t, &p);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *o = token_json(r, &t);
	json_object_set_new(o, "token", json_string(secret));
	memset(secret, 0, sizeof secret);
	http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/tokens/%s", t.id));
	api_send(r, 201, o);
}

void api_tokens_delete(struct http_req *r)
{
	int rc = token_revoke(r->store, &r->viewer, r->params[0]);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	no_content(r);
}

static json_t *session_json(struct http_req *r, const struct session_info *s)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(s->id));
	json_object_set_new(o, "createdAt", json_string(s->created_at));
	json_object_set_new(o, "lastSeenAt", json_string(s->last_seen_at));
	json_object_set_new(o, "expiresAt", json_string(s->expires_at));
	json_object_set_new(o, "current", json_boolean(s->current));
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link(arena_printf(r->arena, "/api/v1/sessions/%s", s->id)));
	json_object_set_new(o, "_links", links);
	return o;
}

void api_sessions_list(struct http_req *r)
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
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, session_json(r, &items[i]));
	json_t *o = json_object();
	json_object_set_new(o, "items", list);
	json_object_set_new(o, "_links", api_list_links(r, "/api/v1/sessions", NULL, NULL, 0, NULL));
	api_send(r, 200, o);
}

void api_sessions_get(struct http_req *r)
{
	if (!own_read(r))
		return;
	struct session_info si;
	int rc = session_get(r->store, r->arena, &r->viewer, r->session, r->params[0], &si);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	api_send(r, 200, session_json(r, &si));
}

void api_sessions_delete(struct http_req *r)
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
