/* The voice of residents in the API: supports (steun), comments (reacties)
 * with replies and moderation, follows (volgen) of an issue, and the
 * viewer's notifications (meldingen) and digest choice. The rules are the
 * model's (model/voice.h, model/notify.h). */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/notify.h"
#include "../model/voice.h"
#include "common.h"
#include "routes.h"

#define ALREADY_SUPPORTED "You support this issue already: one support per person. Withdraw it with DELETE .../supports/me."
#define EDIT_CLOSED "A comment can be edited for 15 minutes after it was posted, and not once it is hidden; this one can no longer be edited."
#define ALREADY_HIDDEN "This comment is hidden already."
#define NOT_HIDDEN "This comment is not hidden."

/* ---- supports ---- */

static void send_supports(struct http_req *r, int status)
{
	struct support_state st;
	int rc = support_get(r->store, r->arena, &r->viewer, r->params[0], &st);
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct jw w;
	api_json_begin(r, status, &w);
	jw_obj(&w);
	jw_kint(&w, "count", st.count);
	jw_kbool(&w, "supportedByMe", st.mine);
	api_links(&w, r, "issue", r->params[0], "supports", NULL);
	jw_klink(&w, "issue", api_path(r, "issue", r->params[0]));
	jw_end(&w);
	jw_end(&w);
}

static void api_supports_get(struct http_req *r)
{
	send_supports(r, 200);
}

static void api_supports_create(struct http_req *r)
{
	if (!api_empty_body(r))
		return;
	int rc = support_add(r->store, r->arena, &r->viewer, r->params[0]);
	if (api_failed(r, rc, NULL, ALREADY_SUPPORTED))
		return;
	http_add_header(r, "Location", arena_printf(r->arena, "%s/supports/me", api_path(r, "issue", r->params[0])));
	send_supports(r, 201);
}

static void api_supports_me_delete(struct http_req *r)
{
	api_no_content(r, support_withdraw(r->store, r->arena, &r->viewer, r->params[0]), NULL);
}

/* ---- follows ---- */

static void send_follow(struct http_req *r, int status, const char *since)
{
	struct jw w;
	api_json_begin(r, status, &w);
	jw_obj(&w);
	jw_kbool(&w, "following", true);
	jw_kstr(&w, "since", since);
	api_links(&w, r, "issue", r->params[0], "follows", "me");
	jw_klink(&w, "issue", api_path(r, "issue", r->params[0]));
	jw_end(&w);
	jw_end(&w);
}

static void api_follows_me_get(struct http_req *r)
{
	bool following;
	const char *since;
	int rc = follow_get(r->store, r->arena, &r->viewer, r->params[0], &following, &since);
	if (!rc && !following)
		rc = ERR_NOTFOUND;
	if (!api_failed(r, rc, NULL, NULL))
		send_follow(r, 200, since);
}

static void api_follows_me_put(struct http_req *r)
{
	bool created, following;
	const char *since = NULL;
	if (!api_empty_body(r))
		return;
	int rc = follow_add(r->store, r->arena, &r->viewer, r->params[0], &created);
	if (!rc)
		rc = follow_get(r->store, r->arena, &r->viewer, r->params[0], &following, &since);
	if (!api_failed(r, rc, NULL, NULL))
		send_follow(r, created ? 201 : 200, since);
}

static void api_follows_me_delete(struct http_req *r)
{
	api_no_content(r, follow_remove(r->store, r->arena, &r->viewer, r->params[0]), NULL);
}

/* ---- comments ---- */

/* A comment of the issue of the URL as the next value of w: its fields,
 * and the moderation. */
static void write_comment(struct http_req *r, struct jw *w, const void *obj)
{
	const struct comment *c = obj;
	const char *issue_id = r->params[0];
	jw_obj(w);
	fields_write_json(comment_fields, comment_nfields, c, w);
	jw_key(w, "hidden");
	if (c->hidden_at) {
		jw_obj(w);
		jw_kstr(w, "at", c->hidden_at);
		jw_kstr(w, "reason", c->hidden_reason);
		jw_end(w);
	} else {
		jw_null(w);
	}
	api_links(w, r, "issue", issue_id, "comments", c->id);
	const char *issue = api_path(r, "issue", issue_id);
	jw_klink(w, "issue", issue);
	if (c->parent_id)
		jw_klink(w, "parent", arena_printf(r->arena, "%s/comments/%s", issue, c->parent_id));
	jw_end(w);
	jw_end(w);
}

/* Applies a body to c: "hidden" is the moderators' to set. */
static void apply_comment(struct http_req *r, json_t *body, enum field_op op, struct comment *c,
			  struct problems *p)
{
	if (json_object_get(body, "hidden")) {
		problems_add(p, "hidden", R_READ_ONLY, 0);
		json_object_del(body, "hidden");
	}
	fields_apply_json(comment_fields, comment_nfields, c, body, op, r->arena, p);
}

static void api_comments_list(struct http_req *r)
{
	static const char *const allowed[] = { "q", "limit", "cursor", NULL };
	struct problems p = { 0 };
	struct comment_filter f = { 0 };
	api_check_query(r, allowed, &f.limit, &p);
	f.q = http_query(r, "q");
	f.cursor = http_query(r, "cursor");
	struct comment *items;
	size_t n;
	const char *next;
	int rc = comment_list(r->store, r->arena, &r->viewer, r->params[0], &f, &items, &n, &next, &p);
	if (!rc && p.n)
		rc = ERR_INVALID;
	if (!api_failed(r, rc, &p, NULL))
		api_send_list(r, arena_printf(r->arena, "%s/comments", api_path(r, "issue", r->params[0])), allowed,
			      next, write_comment, items, sizeof *items, n);
}

static void api_comments_get(struct http_req *r)
{
	struct comment c;
	int rc = comment_get(r->store, r->arena, &r->viewer, r->params[0], r->params[1], &c);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_comment, &c);
}

static void api_comments_create(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct comment c = { 0 };
	struct problems p = { 0 };
	apply_comment(r, body, FIELDS_CREATE, &c, &p);
	json_decref(body);
	int rc = comment_add(r->store, r->arena, &r->viewer, r->params[0], &c, &p);
	if (api_failed(r, rc, &p, NULL))
		return;
	http_add_header(r, "Location", arena_printf(r->arena, "%s/comments/%s", api_path(r, "issue", r->params[0]), c.id));
	api_send(r, 201, write_comment, &c);
}

static void api_comments_patch(struct http_req *r)
{
	struct comment c;
	int rc = r->viewer.authenticated
			 ? comment_get(r->store, r->arena, &r->viewer, r->params[0], r->params[1], &c)
			 : ERR_AUTH;
	if (api_failed(r, rc, NULL, NULL))
		return;
	json_t *body = api_body_object(r);
	if (!body)
		return;
	bool change = json_object_get(body, "body") != NULL;
	struct problems p = { 0 };
	struct comment in = c;
	apply_comment(r, body, FIELDS_PATCH, &in, &p);
	json_decref(body);
	if (change)
		rc = comment_edit(r->store, r->arena, &r->viewer, r->params[0], &c, in.body, &p);
	else if (p.n)
		rc = ERR_INVALID;
	if (!api_failed(r, rc, &p, EDIT_CLOSED))
		api_send(r, 200, write_comment, &c);
}

static void api_comments_moderate(struct http_req *r)
{
	static const struct field_desc why[] = { { .name = "reason", .kind = FK_TEXT, .label = { "Reden", "Reason" } } };
	const char *reason = NULL;
	struct problems p = { 0 };
	if (!api_read(r, why, 1, &reason, FIELDS_CREATE, &p))
		return;
	struct comment c;
	int rc = comment_hide(r->store, r->arena, &r->viewer, r->params[0], r->params[1], reason, &p, &c);
	if (!api_failed(r, rc, &p, ALREADY_HIDDEN))
		api_send(r, 201, write_comment, &c);
}

static void api_comments_unmoderate(struct http_req *r)
{
	api_no_content(r, comment_unhide(r->store, r->arena, &r->viewer, r->params[0], r->params[1]), NOT_HIDDEN);
}

/* ---- notifications ---- */

/* A notification as the next value of w, with its sentence in English. */
static void write_notification(struct http_req *r, struct jw *w, const void *obj)
{
	const struct notification *nt = obj;
	jw_obj(w);
	fields_write_json(notification_fields, notification_nfields, nt, w);
	jw_kstr(w, "text", arena_printf(r->arena, notification_sentence_format(nt->event, LANG_EN),
					nt->actor_name ? nt->actor_name : "Someone", nt->issue_title ? nt->issue_title : "?"));
	api_links(w, r, "notification", nt->id, NULL, NULL);
	if (nt->issue_id)
		jw_klink(w, "issue", api_path(r, "issue", nt->issue_id));
	jw_end(w);
	jw_end(w);
}

static void api_notifications_list(struct http_req *r)
{
	static const char *const allowed[] = { "unread", "q", "limit", "cursor", NULL };
	if (!api_logged_in(r))
		return;
	struct problems p = { 0 };
	struct notification_filter f = { 0 };
	api_check_query(r, allowed, &f.limit, &p);
	const char *unread = http_query(r, "unread");
	if (unread && strcmp(unread, "true") && strcmp(unread, "false"))
		problems_add(&p, "unread", R_NOT_ONE_OF, 0);
	f.unread = unread && !strcmp(unread, "true");
	f.cursor = http_query(r, "cursor");
	f.q = http_query(r, "q");
	struct notification *items;
	size_t n;
	const char *next;
	long long count = 0;
	int rc = notification_list(r->store, r->arena, &r->viewer, &f, &items, &n, &next, &p);
	if (!rc && p.n)
		rc = ERR_INVALID;
	if (!rc)
		rc = notification_unread(r->store, &r->viewer, &count);
	if (api_failed(r, rc, &p, NULL))
		return;
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_kint(&w, "unreadCount", count);
	api_write_items(r, &w, write_notification, items, sizeof *items, n);
	api_write_list_links(&w, r, "/api/v1/users/me/notifications", allowed, next);
	jw_end(&w);
}

/* Reads {"read": true|false} from a logged-in viewer; every other field is
 * a problem. */
static bool read_flag(struct http_req *r, bool *read)
{
	static const struct field_desc flag[] = { { .name = "read", .kind = FK_BOOL, .label = { "Gelezen", "Read" } } };
	json_t *body = api_write_body(r);
	if (!body)
		return false;
	struct problems p = { 0 };
	if (!json_object_get(body, "read"))
		problems_add(&p, "read", R_REQUIRED, 0);
	fields_apply_json(flag, 1, read, body, FIELDS_PATCH, r->arena, &p);
	json_decref(body);
	if (p.n)
		api_invalid(r, &p);
	return p.n == 0;
}

static void api_notifications_patch_all(struct http_req *r)
{
	bool read = true;
	if (!read_flag(r, &read))
		return;
	if (!read) {
		struct problems p = { 0 };
		problems_add(&p, "read", R_NOT_ONE_OF, 0);
		api_invalid(r, &p);
		return;
	}
	int changed = 0;
	if (api_failed(r, notification_mark_all(r->store, &r->viewer, &changed), NULL, NULL))
		return;
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_kint(&w, "marked", changed);
	jw_kint(&w, "unreadCount", 0);
	jw_kobj(&w, "_links");
	jw_klink(&w, "self", "/api/v1/users/me/notifications");
	jw_end(&w);
	jw_end(&w);
}

static void api_notifications_get(struct http_req *r)
{
	struct notification nt;
	int rc = notification_get(r->store, r->arena, &r->viewer, r->params[0], &nt);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_notification, &nt);
}

static void api_notifications_patch(struct http_req *r)
{
	bool read = true;
	if (!read_flag(r, &read))
		return;
	if (!api_failed(r, notification_mark(r->store, &r->viewer, r->params[0], read), NULL, NULL))
		api_notifications_get(r); /* the answer is the notification as it is now */
}

/* PATCH /api/v1/users/me: the person's own choices; now the digest. The
 * rest of the answer is read-only. */
static void api_users_me_patch(struct http_req *r)
{
	static const struct field_desc me[] = {
		{ .name = "digest", .kind = FK_BOOL, .label = { "Dagelijks overzicht", "Daily digest" } },
		{ .name = "id", .flags = F_READ_ONLY },
		{ .name = "email", .flags = F_READ_ONLY },
		{ .name = "role", .flags = F_READ_ONLY },
		{ .name = "createdAt", .flags = F_READ_ONLY },
		{ .name = "memberships", .flags = F_READ_ONLY },
	};
	json_t *body = api_write_body(r);
	if (!body)
		return;
	bool given = json_object_get(body, "digest") != NULL, digest = false;
	struct problems p = { 0 };
	fields_apply_json(me, sizeof me / sizeof me[0], &digest, body, FIELDS_PATCH, r->arena, &p);
	json_decref(body);
	int rc = p.n ? ERR_INVALID : given ? notification_digest_set(r->store, &r->viewer, digest) : 0;
	if (!api_failed(r, rc, &p, NULL))
		api_users_me(r);
}

const struct http_route api_voice_routes[] = {
	{ HM_PATCH, "/api/v1/users/me", api_users_me_patch, 0 },
	{ HM_GET, "/api/v1/users/me/notifications", api_notifications_list, 0 },
	{ HM_PATCH, "/api/v1/users/me/notifications", api_notifications_patch_all, 0 },
	{ HM_GET, "/api/v1/users/me/notifications/{id}", api_notifications_get, 0 },
	{ HM_PATCH, "/api/v1/users/me/notifications/{id}", api_notifications_patch, 0 },
	{ HM_GET, "/api/v1/issues/{id}/supports", api_supports_get, 0 },
	{ HM_POST, "/api/v1/issues/{id}/supports", api_supports_create, 0 },
	{ HM_DELETE, "/api/v1/issues/{id}/supports/me", api_supports_me_delete, 0 },
	{ HM_GET, "/api/v1/issues/{id}/follows/me", api_follows_me_get, 0 },
	{ HM_PUT, "/api/v1/issues/{id}/follows/me", api_follows_me_put, 0 },
	{ HM_DELETE, "/api/v1/issues/{id}/follows/me", api_follows_me_delete, 0 },
	{ HM_GET, "/api/v1/issues/{id}/comments", api_comments_list, 0 },
	{ HM_POST, "/api/v1/issues/{id}/comments", api_comments_create, 0 },
	{ HM_GET, "/api/v1/issues/{id}/comments/{commentId}", api_comments_get, 0 },
	{ HM_PATCH, "/api/v1/issues/{id}/comments/{commentId}", api_comments_patch, 0 },
	{ HM_POST, "/api/v1/issues/{id}/comments/{commentId}/moderation", api_comments_moderate, 0 },
	{ HM_DELETE, "/api/v1/issues/{id}/comments/{commentId}/moderation", api_comments_unmoderate, 0 },
	{ 0 },
};
