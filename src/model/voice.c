/* Supports, follows and comments on an issue; see voice.h. */
#include "voice.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "notify.h"
#include "registry.h"
#include "rows.h"

int voice_issue(struct store_conn *c, struct arena *a, const struct viewer *v, const char *issue_id,
		struct voice_issue *out)
{
	memset(out, 0, sizeof *out);
	if (!issue_id || !uuid_valid(issue_id, strlen(issue_id)))
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(c,
		"SELECT i.id, i.title, i.area_code, " AREA_COORDINATED_BY("i.area_code", "?2")
		" FROM issues i WHERE i.id = ?1", 2, issue_id, v && v->authenticated ? v->user_id : "");
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		snprintf(out->id, sizeof out->id, "%s", store_text(st, 0));
		out->title = arena_strdup(a, store_text(st, 1));
		out->area_code = arena_strdup(a, store_text(st, 2));
		out->coordinated = store_int(st, 3) != 0;
		rc = 0;
	} else {
		rc = rc == STORE_DONE ? ERR_NOTFOUND : rc;
	}
	store_reset(st);
	return rc;
}

/* The user ?2 follows the issue ?1 from ?3, if not already. */
static const char follow_sql[] =
	"INSERT INTO follows (issue_id, user_id, created_at) VALUES (?1, ?2, ?3)"
	" ON CONFLICT (issue_id, user_id) DO NOTHING";

/* ---- support ---- */

static void read_support(struct store_stmt *st, struct arena *a, void *row)
{
	struct support_state *out = row;
	out->count = store_int(st, 0);
	out->since = rows_opt(st, a, 1);
	out->mine = out->since != NULL;
}

int support_get(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		struct support_state *out)
{
	memset(out, 0, sizeof *out);
	if (!issue_id || !uuid_valid(issue_id, strlen(issue_id)))
		return ERR_NOTFOUND;
	return rows_one(rows_prepare(store_reader(s),
		"SELECT i.supporters, (SELECT created_at FROM supports WHERE issue_id = i.id AND user_id = ?2)"
		" FROM issues i WHERE i.id = ?1", 2, issue_id, v && v->authenticated ? v->user_id : ""),
		a, read_support, out);
}

int support_add(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id)
{
	int rc = perm_check(v, OBJ_SUPPORT, ACT_CREATE, NULL);
	if (rc)
		return rc;
	char now[TIME_STRLEN + 1];
	time_now(now);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct voice_issue is;
	rc = voice_issue(c, a, v, issue_id, &is);
	if (!rc)
		rc = rows_run(c, "INSERT INTO supports (issue_id, user_id, created_at) VALUES (?1, ?2, ?3)", 3,
			      is.id, v->user_id, now);
	if (!rc)
		rc = rows_run(c, "UPDATE issues SET supporters = supporters + 1 WHERE id = ?1", 1, is.id);
	if (!rc)
		rc = rows_run(c, follow_sql, 3, is.id, v->user_id, now);
	/* the log says an issue gained a supporter, not who: supports are personal */
	if (!rc)
		rc = activity_add(c, NULL, "support", "issue", is.id, "supporters");
	return rows_commit(s, rc);
}

/* Takes back the viewer's own support or follow (obj) of an issue: delete_sql
 * removes its row; the write stays open for what the caller adds. */
static int withdraw_own(struct store_conn *c, struct arena *a, const struct viewer *v,
			const char *issue_id, enum perm_object obj, const char *delete_sql,
			struct voice_issue *is)
{
	int rc = voice_issue(c, a, v, issue_id, is);
	if (!rc) {
		struct perm_target t = { .owner_id = v->user_id };
		rc = perm_check(v, obj, ACT_DELETE, &t);
	}
	if (!rc)
		rc = rows_change(c, delete_sql, 2, is->id, v->user_id);
	return rc;
}

int support_withdraw(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct voice_issue is;
	int rc = withdraw_own(c, a, v, issue_id, OBJ_SUPPORT,
			      "DELETE FROM supports WHERE issue_id = ?1 AND user_id = ?2", &is);
	if (!rc)
		rc = rows_run(c, "UPDATE issues SET supporters = max(supporters - 1, 0) WHERE id = ?1", 1, is.id);
	if (!rc)
		rc = activity_add(c, NULL, "withdraw_support", "issue", is.id, "supporters");
	return rows_commit(s, rc);
}

/* ---- follow ---- */

int follow_get(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
	       bool *following, const char **since)
{
	*following = false;
	if (since)
		*since = NULL;
	if (!v || !v->authenticated)
		return ERR_AUTH;
	if (!issue_id || !uuid_valid(issue_id, strlen(issue_id)))
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT (SELECT created_at FROM follows WHERE issue_id = i.id AND user_id = ?2)"
		" FROM issues i WHERE i.id = ?1", 2, issue_id, v->user_id);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW && !store_is_null(st, 0)) {
		*following = true;
		if (since)
			*since = arena_strdup(a, store_text(st, 0));
	}
	store_reset(st);
	return rc == STORE_ROW ? 0 : rc == STORE_DONE ? ERR_NOTFOUND : rc;
}

int follow_add(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
	       bool *created)
{
	*created = false;
	int rc = perm_check(v, OBJ_FOLLOW, ACT_CREATE, NULL);
	if (rc)
		return rc;
	char now[TIME_STRLEN + 1];
	time_now(now);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct voice_issue is;
	rc = voice_issue(c, a, v, issue_id, &is);
	if (!rc)
		rc = rows_run(c, follow_sql, 3, is.id, v->user_id, now);
	*created = !rc && store_changes(c) > 0;
	/* following is personal: the log has no entry of it */
	return rows_commit(s, rc);
}

int follow_remove(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct voice_issue is;
	int rc = withdraw_own(c, a, v, issue_id, OBJ_FOLLOW,
			      "DELETE FROM follows WHERE issue_id = ?1 AND user_id = ?2", &is);
	return rows_commit(s, rc);
}

/* ---- comments ---- */

#define COMMENT_COLS \
	"c.id, c.parent_id, c.author_id, u.name, c.body, c.created_at, c.edited_at, c.hidden_at," \
	" c.hidden_reason"

/* Whether a comment made at created_at may still be edited at now. */
static bool in_window(const char *created_at, time_t now)
{
	time_t t;
	if (!created_at || !time_parse(created_at, strlen(created_at), &t))
		return false;
	return now - t <= COMMENT_EDIT_MINUTES * 60;
}

/* What the viewer may do with the comment now. */
static void set_rights(struct comment *cm, const struct viewer *v, const struct voice_issue *is)
{
	struct perm_target t = { .owner_id = cm->author_id, .is_public = true, .coordinated = is->coordinated };
	cm->can_edit = !cm->hidden_at && perm_can(v, OBJ_COMMENT, ACT_UPDATE, &t) &&
		       in_window(cm->created_at, time(NULL));
	bool moderator = perm_can(v, OBJ_COMMENT, ACT_DELETE, &t);
	cm->can_hide = !cm->hidden_at && moderator;
	cm->can_unhide = cm->hidden_at && moderator;
}

static void read_comment(struct store_stmt *st, struct arena *a, const struct viewer *v,
			 const struct voice_issue *is, struct comment *out)
{
	memset(out, 0, sizeof *out);
	snprintf(out->id, sizeof out->id, "%s", store_text(st, 0));
	out->parent_id = rows_opt(st, a, 1);
	out->author_id = rows_opt(st, a, 2);
	out->author_name = rows_opt(st, a, 3);
	out->created_at = arena_strdup(a, store_text(st, 5));
	out->edited_at = rows_opt(st, a, 6);
	out->hidden_at = rows_opt(st, a, 7);
	out->hidden_reason = rows_opt(st, a, 8);
	bool mine = v && v->authenticated && out->author_id && strcmp(out->author_id, v->user_id) == 0;
	out->body = !out->hidden_at || mine ? arena_strdup(a, store_text(st, 4)) : NULL;
	set_rights(out, v, is);
}

int comment_list(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		 const struct comment_filter *f, struct comment **items, size_t *n, const char **next,
		 struct problems *p)
{
	*items = NULL;
	*n = 0;
	*next = NULL;
	struct voice_issue is;
	int rc = voice_issue(store_reader(s), a, v, issue_id, &is);
	if (rc)
		return rc;
	return comment_list_known(s, a, v, &is, f, items, n, next, p);
}

int comment_list_known(struct store *s, struct arena *a, const struct viewer *v,
		       const struct voice_issue *is, const struct comment_filter *f, struct comment **items,
		       size_t *n, const char **next, struct problems *p)
{
	*items = NULL;
	*n = 0;
	*next = NULL;
	int rc;
	int limit = valid_page(p, f->limit, f->cursor, f->q);
	if (p->n)
		return ERR_INVALID;
	/* ?3 the cursor, ?4 the threads wanted + 1, ?5 the search (LIKE) */
	struct store_stmt *st = store_prepare(store_reader(s),
		"WITH top AS (SELECT t.seq FROM comments t WHERE t.issue_id = ?1 AND t.parent_id IS NULL"
		"   AND (?3 IS NULL OR t.seq > (SELECT seq FROM comments WHERE id = ?3))"
		"   AND (?5 IS NULL OR EXISTS (SELECT 1 FROM comments x WHERE (x.id = t.id OR x.parent_id = t.id)"
		"     AND x.hidden_at IS NULL AND x.body LIKE ?5 ESCAPE '\\'))"
		"   ORDER BY t.seq LIMIT ?4)"
		" SELECT " COMMENT_COLS ", coalesce(p.seq, c.seq) AS thread"
		" FROM comments c LEFT JOIN comments p ON p.id = c.parent_id LEFT JOIN users u ON u.id = c.author_id"
		" WHERE c.issue_id = ?1 AND coalesce(p.seq, c.seq) IN (SELECT seq FROM top)"
		" ORDER BY thread, c.seq");
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, is->id);
	store_bind_str(st, 2, v && v->authenticated ? v->user_id : "");
	store_bind_str(st, 3, f->cursor);
	store_bind_int(st, 4, limit + 1);
	store_bind_str(st, 5, store_like_contains(a, f->q));
	size_t cap = 64, count = 0;
	struct comment *list = arena_alloc(a, sizeof *list * cap);
	int threads = 0;
	long long thread = -1;
	size_t replies = 0;
	const char *last_top = NULL;
	while ((rc = store_step(st)) == STORE_ROW) {
		long long t = store_int(st, 9);
		if (t != thread) {
			if (threads == limit) {
				*next = last_top;
				break;
			}
			threads++;
			thread = t;
			replies = 0;
		} else if (++replies > COMMENT_REPLIES_MAX) {
			continue;
		}
		if (count == cap) {
			struct comment *bigger = arena_alloc(a, sizeof *list * cap * 2);
			memcpy(bigger, list, sizeof *list * cap);
			list = bigger;
			cap *= 2;
		}
		read_comment(st, a, v, is, &list[count]);
		if (!list[count].parent_id)
			last_top = arena_strdup(a, list[count].id);
		count++;
	}
	store_reset(st);
	if (rc < 0)
		return rc;
	*items = list;
	*n = count;
	return 0;
}

static int get_on(struct store_conn *c, struct arena *a, const struct viewer *v,
		  const struct voice_issue *is, const char *comment_id, struct comment *out)
{
	if (!comment_id || !uuid_valid(comment_id, strlen(comment_id)))
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(c,
		"SELECT " COMMENT_COLS " FROM comments c LEFT JOIN users u ON u.id = c.author_id"
		" WHERE c.id = ?1 AND c.issue_id = ?2", 2, comment_id, is->id);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW)
		read_comment(st, a, v, is, out);
	store_reset(st);
	return rc == STORE_ROW ? 0 : rc == STORE_DONE ? ERR_NOTFOUND : rc;
}

int comment_get(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		const char *comment_id, struct comment *out)
{
	struct voice_issue is;
	int rc = voice_issue(store_reader(s), a, v, issue_id, &is);
	return rc ? rc : get_on(store_reader(s), a, v, &is, comment_id, out);
}

int comment_add(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		struct comment *in, struct problems *p)
{
	int rc = perm_check(v, OBJ_COMMENT, ACT_CREATE, NULL);
	if (rc)
		return rc;
	struct voice_issue is;
	rc = voice_issue(store_reader(s), a, v, issue_id, &is);
	if (rc)
		return rc;
	fields_validate(comment_fields, comment_nfields, in, store_reader(s), a, p);
	if (p->n)
		return ERR_INVALID;
	const char *parent_id = in->parent_id, *body = in->body;
	char id[UUID_STRLEN + 1], now[TIME_STRLEN + 1];
	uuid7_new(id);
	time_now(now);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	const char *parent = NULL;
	if (parent_id) {
		/* a reply to a reply joins the thread of the comment at its top */
		struct comment pc;
		rc = get_on(c, a, v, &is, parent_id, &pc);
		if (rc == ERR_NOTFOUND) {
			problems_add(p, "parentId", R_NOT_ONE_OF, 0);
			rc = ERR_INVALID;
		} else if (!rc) {
			parent = arena_strdup(a, pc.parent_id ? pc.parent_id : pc.id);
		}
	}
	if (!rc)
		rc = rows_run(c,
			"INSERT INTO comments (id, issue_id, parent_id, author_id, body, created_at)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6)", 6, id, is.id, parent, v->user_id, body, now);
	if (!rc)
		rc = rows_run(c, follow_sql, 3, is.id, v->user_id, now);
	if (!rc)
		rc = activity_add(c, v, "comment", "issue", is.id, "comments");
	if (!rc)
		rc = notify_followers(c, v, is.id, "comment", id);
	if ((rc = rows_commit(s, rc)))
		return rc;
	*in = (struct comment){ .parent_id = parent, .author_id = arena_strdup(a, v->user_id),
				.author_name = arena_strdup(a, v->name),
				.body = body, .created_at = arena_strdup(a, now) };
	snprintf(in->id, sizeof in->id, "%s", id);
	set_rights(in, v, &is);
	return 0;
}

int comment_edit(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		 struct comment *cm, const char *body, struct problems *p)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct perm_target t = { .owner_id = cm->author_id, .is_public = true };
	int rc = perm_check(v, OBJ_COMMENT, ACT_UPDATE, &t);
	if (rc)
		return rc;
	if (cm->hidden_at || !in_window(cm->created_at, time(NULL)))
		return ERR_CONFLICT;
	struct comment in = { .body = body };
	fields_validate(comment_fields, comment_nfields, &in, store_reader(s), a, p);
	if (p->n)
		return ERR_INVALID;
	body = in.body;
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = ERR_DB;
	/* the window is checked again on the writer: the moment counts */
	struct store_stmt *st = rows_prepare(c,
		"UPDATE comments SET body = ?2, edited_at = ?3 WHERE id = ?1 AND hidden_at IS NULL", 3,
		cm->id, body, now);
	if (st) {
		rc = store_run(st);
		if (!rc && store_changes(c) == 0)
			rc = ERR_CONFLICT;
	}
	if (!rc)
		rc = activity_add(c, v, "edit_comment", "issue", issue_id, "comments");
	int crc = store_write_end(s, rc == 0);
	if (!rc && !crc) {
		cm->body = arena_strdup(a, body);
		cm->edited_at = now;
	}
	return rc ? rc : crc;
}

/* The comment as a moderator acts on it: 401, 404 or 403 first. */
static int moderated(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		     const char *comment_id, struct voice_issue *is, struct comment *cm)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	int rc = voice_issue(store_reader(s), a, v, issue_id, is);
	if (!rc)
		rc = get_on(store_reader(s), a, v, is, comment_id, cm);
	if (rc)
		return rc;
	struct perm_target t = { .owner_id = cm->author_id, .is_public = true, .coordinated = is->coordinated };
	return perm_check(v, OBJ_COMMENT, ACT_DELETE, &t);
}

static int set_hidden(struct store *s, const struct viewer *v, const char *issue_id, const char *comment_id,
		      const char *reason, const char *now)
{
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = ERR_DB;
	struct store_stmt *st = rows_prepare(c, reason
		? "UPDATE comments SET hidden_at = ?2, hidden_by = ?3, hidden_reason = ?4 WHERE id = ?1 AND hidden_at IS NULL"
		: "UPDATE comments SET hidden_at = NULL, hidden_by = NULL, hidden_reason = NULL"
		  " WHERE id = ?1 AND hidden_at IS NOT NULL AND ?2 IS NOT NULL AND ?3 IS NOT NULL", 3,
		comment_id, now, v->user_id);
	if (st) {
		if (reason)
			store_bind_str(st, 4, reason);
		rc = store_run(st);
		if (!rc && store_changes(c) == 0)
			rc = ERR_CONFLICT;
	}
	if (!rc)
		rc = activity_add(c, v, reason ? "hide_comment" : "unhide_comment", "issue", issue_id, "comments");
	return rows_commit(s, rc);
}

int comment_hide(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		 const char *comment_id, const char *reason, struct problems *p, struct comment *out)
{
	struct voice_issue is;
	struct comment cm;
	int rc = moderated(s, a, v, issue_id, comment_id, &is, &cm);
	if (rc)
		return rc;
	if (!valid_text(p, "reason", reason, true, COMMENT_REASON_MAX, false) || p->n)
		return ERR_INVALID;
	if (cm.hidden_at)
		return ERR_CONFLICT;
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	if ((rc = set_hidden(s, v, is.id, cm.id, reason, now)))
		return rc;
	if (out) { /* as a read would give it now: its text is its author's alone */
		cm.hidden_at = now;
		cm.hidden_reason = reason;
		if (!cm.author_id || strcmp(cm.author_id, v->user_id) != 0)
			cm.body = NULL;
		set_rights(&cm, v, &is);
		*out = cm;
	}
	return 0;
}

int comment_unhide(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		   const char *comment_id)
{
	struct voice_issue is;
	struct comment cm;
	int rc = moderated(s, a, v, issue_id, comment_id, &is, &cm);
	char now[TIME_STRLEN + 1];
	time_now(now);
	return rc ? rc : set_hidden(s, v, is.id, cm.id, NULL, now);
}

/* Supports, follows and notifications are personal and go (the supporters
 * counts follow); comments are contributions and stay without the name. */
static const struct export_part support_exports[] = {
	{ "supports",
	  "SELECT s.issue_id, i.title, s.created_at FROM supports s JOIN issues i ON i.id = s.issue_id"
	  " WHERE s.user_id = ?1 ORDER BY s.created_at, s.issue_id",
	  (const char *const[]){ "issueId", "issueTitle", "createdAt" }, 3, NULL, false },
};
static const char *const support_erase[] = {
	"UPDATE issues SET supporters = max(supporters - 1, 0)"
	" WHERE id IN (SELECT issue_id FROM supports WHERE user_id = ?1)",
	"DELETE FROM supports WHERE user_id = ?1",
};
const struct entity_type support_type = {
	.key = "support", .table = "supports", .perm = OBJ_SUPPORT, .noun = { "Steun", "Support" },
	.exports = support_exports, .nexports = 1, .erase = support_erase, .nerase = 2,
	.registers = { "supports" },
};

static const struct export_part follow_exports[] = {
	{ "follows",
	  "SELECT f.issue_id, i.title, f.created_at FROM follows f JOIN issues i ON i.id = f.issue_id"
	  " WHERE f.user_id = ?1 ORDER BY f.created_at, f.issue_id",
	  (const char *const[]){ "issueId", "issueTitle", "createdAt" }, 3, NULL, false },
};
static const char *const follow_erase[] = { "DELETE FROM follows WHERE user_id = ?1" };
const struct entity_type follow_type = {
	.key = "follow", .table = "follows", .perm = OBJ_FOLLOW, .noun = { "Volgen", "Following" },
	.exports = follow_exports, .nexports = 1, .erase = follow_erase, .nerase = 1,
	.registers = { "follows_notifications" },
};

/* The fields of a comment, for the API and the forms; "hidden" (when and
 * why a moderator hid it) is an object of its own, written by the API. */
const struct field_desc comment_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct comment, id),
	  .label = { "Nummer", "Number" }, .doc = "The identifier (reactie-id), a UUID version 7.",
	  .example = "\"01a21af4-7a10-7b2e-9c41-2f6d8e0a7b13\"" },
	{ .name = "parentId", .kind = FK_REF, .flags = F_CREATE_ONLY | F_NULLABLE, FIELD_AT(struct comment, parent_id),
	  .ref = "comment", .label = { "Antwoord op", "Reply to" },
	  .doc = "The comment this replies to (antwoord op), of the same issue; always one at the top of a thread"
		 " (a reply to a reply joins the thread of its top comment); null for a comment at the top.",
	  .example = "\"01a21af4-7a10-7b2e-9c41-2f6d8e0a7b13\"" },
	{ .name = "authorName", .kind = FK_TEXT, .flags = F_READ_ONLY | F_NULLABLE, FIELD_AT(struct comment, author_name),
	  .max = 200, .label = { "Schrijver", "Author" },
	  .doc = "The author's name (schrijver); null once their account is erased.", .example = "\"Fatima El Amrani\"" },
	{ .name = "body", .kind = FK_MARKDOWN, .flags = F_REQUIRED | F_NULLABLE, FIELD_AT(struct comment, body),
	  .min = 1, .max = COMMENT_BODY_MAX, .label = { "Je reactie", "Your comment" },
	  .hint = { "Hoogstens 5000 tekens. Je kunt Markdown gebruiken, zoals *schuin* en **vet**. Je kunt je reactie"
		    " daarna nog 15 minuten aanpassen.",
		    "At most 5000 characters. You can use Markdown, like *italic* and **bold**. You can still change"
		    " your comment for 15 minutes after." },
	  .doc = "The text (tekst), plain or Markdown; in an answer, null when hidden, except to its author.",
	  .example = "\"Een vast **koffie-uurtje** in de flat zou helpen.\"" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct comment, created_at),
	  .label = { "Geplaatst op", "Posted" }, .doc = "When it was posted (geplaatst op), in UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
	{ .name = "editedAt", .kind = FK_TIME, .flags = F_READ_ONLY | F_NULLABLE, FIELD_AT(struct comment, edited_at),
	  .label = { "Bewerkt op", "Edited on" }, .doc = "When its author last changed it (bewerkt op), or null.",
	  .example = "\"2026-11-27T10:05:00Z\"" },
	{ .name = "editable", .kind = FK_BOOL, .flags = F_READ_ONLY, FIELD_AT(struct comment, can_edit),
	  .label = { "Nog te bewerken", "Editable" },
	  .doc = "Whether the caller may still edit it (nog te bewerken): its author, within 15 minutes, when not hidden.",
	  .example = "false" },
};
const size_t comment_nfields = sizeof comment_fields / sizeof comment_fields[0];

static const struct export_part comment_exports[] = {
	{ "comments",
	  "SELECT c.id, c.issue_id, i.title, c.parent_id, c.body, c.created_at, c.edited_at, c.hidden_at,"
	  " c.hidden_reason FROM comments c JOIN issues i ON i.id = c.issue_id WHERE c.author_id = ?1 ORDER BY c.seq",
	  (const char *const[]){ "id", "issueId", "issueTitle", "parentId", "body", "createdAt", "editedAt", "hiddenAt",
				 "hiddenReason" }, 9, NULL, false },
};
static const char *const comment_erase[] = {
	"UPDATE comments SET author_id = NULL WHERE author_id = ?1",
	"UPDATE comments SET hidden_by = NULL WHERE hidden_by = ?1",
};
const struct entity_type comment_type = {
	.key = "comment", .table = "comments", .perm = OBJ_COMMENT, .noun = { "Reactie", "Comment" },
	.exports = comment_exports, .nexports = 1, .erase = comment_erase, .nerase = 2,
	.registers = { "comments" },
	.fields = comment_fields, .nfields = sizeof comment_fields / sizeof comment_fields[0], .schema = "Comment",
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const voice_types[] = { &support_type, &follow_type, &comment_type, NULL };
