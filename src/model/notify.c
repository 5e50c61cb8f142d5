/* Notifications of followers, read in kiem and in a daily digest; see
 * notify.h. */
#include "notify.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "outbox.h"
#include "registry.h"
#include "rows.h"

int notify_followers(struct store_conn *c, const struct viewer *actor, const char *issue_id,
		     const char *event, const char *object_id)
{
	/* the system (the demo, the sweep) acts as an admin without an account */
	const char *actor_id = actor && actor->authenticated && actor->user_id[0] ? actor->user_id : NULL;
	/* one row per follower, each with an id of its own; the inserts go to
	 * another table than the one being read, which SQLite allows on one
	 * connection */
	struct store_stmt *st = rows_prepare(c,
		"SELECT user_id FROM follows WHERE issue_id = ?1 AND (?2 IS NULL OR user_id <> ?2) ORDER BY user_id", 2,
		issue_id, actor_id);
	if (!st)
		return ERR_DB;
	int rc;
	while ((rc = store_step(st)) == STORE_ROW) {
		char user[UUID_STRLEN + 1];
		snprintf(user, sizeof user, "%s", store_text(st, 0));
		if ((rc = notify_person(c, actor, user, issue_id, event, object_id)))
			break;
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

int notify_initiative_followers(struct store_conn *c, const struct viewer *actor, const char *initiative_id,
				const char *event, const char *object_id)
{
	const char *actor_id = actor && actor->authenticated && actor->user_id[0] ? actor->user_id : NULL;
	/* who follows the initiative or one of its issues, once each */
	struct store_stmt *st = rows_prepare(c,
		"SELECT DISTINCT w.user_id FROM (SELECT user_id FROM initiative_follows WHERE initiative_id = ?1"
		"  UNION SELECT f.user_id FROM follows f JOIN initiative_issues x ON x.issue_id = f.issue_id"
		"  WHERE x.initiative_id = ?1) w WHERE (?2 IS NULL OR w.user_id <> ?2) ORDER BY w.user_id", 2,
		initiative_id, actor_id);
	if (!st)
		return ERR_DB;
	char now[TIME_STRLEN + 1];
	time_now(now);
	int rc;
	while ((rc = store_step(st)) == STORE_ROW) {
		char user[UUID_STRLEN + 1], id[UUID_STRLEN + 1];
		snprintf(user, sizeof user, "%s", store_text(st, 0));
		uuid7_new(id);
		if ((rc = rows_run(c,
				"INSERT INTO notifications (id, user_id, initiative_id, event, object_id, actor_id, created_at)"
				" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", 7,
				id, user, initiative_id, event, object_id, actor_id, now)))
			break;
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

int notify_person(struct store_conn *c, const struct viewer *actor, const char *user_id,
		  const char *issue_id, const char *event, const char *object_id)
{
	const char *actor_id = actor && actor->authenticated && actor->user_id[0] ? actor->user_id : NULL;
	if (!user_id || (actor_id && !strcmp(actor_id, user_id)))
		return 0;
	char id[UUID_STRLEN + 1], now[TIME_STRLEN + 1];
	uuid7_new(id);
	time_now(now);
	return rows_run(c,
		"INSERT INTO notifications (id, user_id, issue_id, event, object_id, actor_id, created_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", 7,
		id, user_id, issue_id, event, object_id, actor_id, now);
}

/* the title is the issue's, or the initiative's for a notification about
 * one (issue 11) */
#define NOTE_COLS \
	"n.id, n.issue_id, coalesce(i.title, ini.title), n.event, n.object_id, u.name, n.created_at, n.read_at," \
	" n.initiative_id"
#define NOTE_FROM \
	"notifications n LEFT JOIN issues i ON i.id = n.issue_id" \
	" LEFT JOIN initiatives ini ON ini.id = n.initiative_id"

static void read_note(struct store_stmt *st, struct arena *a, void *row)
{
	struct notification *out = row;
	memset(out, 0, sizeof *out);
	snprintf(out->id, sizeof out->id, "%s", store_text(st, 0));
	out->issue_id = rows_opt(st, a, 1);
	out->issue_title = rows_opt(st, a, 2);
	out->event = arena_strdup(a, store_text(st, 3));
	out->object_id = rows_opt(st, a, 4);
	out->actor_name = rows_opt(st, a, 5);
	out->created_at = arena_strdup(a, store_text(st, 6));
	out->read_at = rows_opt(st, a, 7);
	out->initiative_id = rows_opt(st, a, 8);
}

int notification_list(struct store *s, struct arena *a, const struct viewer *v,
		      const struct notification_filter *f, struct notification **items, size_t *n,
		      const char **next, struct problems *p)
{
	*items = NULL;
	*n = 0;
	*next = NULL;
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct perm_target t = { .owner_id = v->user_id };
	int rc = perm_check(v, OBJ_NOTIFICATION, ACT_READ, &t);
	if (rc)
		return rc;
	int limit = valid_page(p, f->limit, f->cursor, f->q);
	if (p->n)
		return ERR_INVALID;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " NOTE_COLS " FROM " NOTE_FROM
		" LEFT JOIN users u ON u.id = n.actor_id"
		" WHERE n.user_id = ?1 AND (?2 = 0 OR n.read_at IS NULL)"
		"   AND (?3 IS NULL OR n.seq < (SELECT seq FROM notifications WHERE id = ?3 AND user_id = ?1))"
		"   AND (?5 IS NULL OR coalesce(i.title, ini.title) LIKE ?5 ESCAPE '\\')"
		" ORDER BY n.seq DESC LIMIT ?4", 1, v->user_id);
	if (!st)
		return ERR_DB;
	store_bind_int(st, 2, f->unread);
	store_bind_str(st, 3, f->cursor);
	store_bind_str(st, 5, store_like_contains(a, f->q));
	struct notification *list = arena_alloc(a, sizeof *list * (size_t)(limit + 1));
	rc = rows_page(st, 4, a, read_note, list, sizeof *list, limit, n);
	if (rc < 0)
		return rc;
	*items = list;
	*next = rc ? list[*n - 1].id : NULL;
	return 0;
}

int notification_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
		     struct notification *out)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	/* another person's notification is not found, as perm.c's owner rule */
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " NOTE_COLS " FROM " NOTE_FROM
		" LEFT JOIN users u ON u.id = n.actor_id WHERE n.id = ?1 AND n.user_id = ?2", 2,
		id, v->user_id);
	return rows_one(st, a, read_note, out);
}

int notification_unread(struct store *s, const struct viewer *v, long long *count)
{
	*count = 0;
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT count(*) FROM notifications WHERE user_id = ?1 AND read_at IS NULL", 1, v->user_id);
	if (!st)
		return ERR_DB;
	int rc = store_step(st) == STORE_ROW ? 0 : ERR_DB;
	if (!rc)
		*count = store_int(st, 0);
	store_reset(st);
	return rc;
}

int notification_mark(struct store *s, const struct viewer *v, const char *id, bool read)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	char now[TIME_STRLEN + 1];
	time_now(now);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = ERR_DB;
	/* another person's notification is not found, as perm.c's owner rule */
	struct store_stmt *st = rows_prepare(c,
		"UPDATE notifications SET read_at = CASE WHEN ?3 = 1 THEN coalesce(read_at, ?4) END"
		" WHERE id = ?1 AND user_id = ?2", 2, id, v->user_id);
	if (st) {
		store_bind_int(st, 3, read);
		store_bind_str(st, 4, now);
		rc = store_run(st);
		if (!rc && store_changes(c) == 0)
			rc = ERR_NOTFOUND;
	}
	/* reading is personal and changes nothing others see: no log entry */
	int crc = store_write_end_aside(s, rc == 0);
	return rc ? rc : crc;
}

int notification_mark_all(struct store *s, const struct viewer *v, int *changed)
{
	if (changed)
		*changed = 0;
	if (!v || !v->authenticated)
		return ERR_AUTH;
	char now[TIME_STRLEN + 1];
	time_now(now);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = rows_run(c, "UPDATE notifications SET read_at = ?2 WHERE user_id = ?1 AND read_at IS NULL", 2,
			v->user_id, now);
	if (!rc && changed)
		*changed = store_changes(c);
	int crc = store_write_end_aside(s, rc == 0);
	return rc ? rc : crc;
}

int notification_digest_get(struct store *s, const struct viewer *v, bool *on)
{
	*on = false;
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct store_stmt *st = rows_prepare(store_reader(s), "SELECT digest FROM users WHERE id = ?1", 1,
			v->user_id);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW)
		*on = store_int(st, 0) != 0;
	store_reset(st);
	return rc == STORE_ROW ? 0 : rc == STORE_DONE ? ERR_NOTFOUND : rc;
}

int notification_digest_set(struct store *s, const struct viewer *v, bool on)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = ERR_DB;
	struct store_stmt *st = rows_prepare(c, "UPDATE users SET digest = ?2 WHERE id = ?1", 1, v->user_id);
	if (st) {
		store_bind_int(st, 2, on);
		rc = store_run(st);
	}
	if (!rc)
		rc = activity_add(c, v, "change_digest", "user", v->user_id, "digest");
	return rows_commit(s, rc);
}

/* ---- the daily digest ---- */

/* The sentence of an event, as in the pages (web/i18n.h NOTE_*): %s the
 * actor (or "Someone"), then the issue's title. */
static const char *const event_text[][LANG_COUNT] = {
	{ "%s heeft gereageerd op '%s'", "%s commented on '%s'" },
	{ "%s heeft de status van '%s' veranderd", "%s changed the status of '%s'" },
	{ "%s heeft een signaal opgenomen in '%s'", "%s took up a signal in '%s'" },
	{ "%s heeft een omgevingsfactor toegevoegd aan '%s'", "%s added an environmental factor to '%s'" },
	{ "%s heeft je signaal opgenomen in '%s'", "%s took up your signal in '%s'" },
	{ "%s heeft besloten over de fase van '%s'", "%s decided on the stage of '%s'" },
	{ "%s heeft een bijeenkomst gepland bij '%s'", "%s planned an event for '%s'" }, /* events (issue 11) */
	{ "%s heeft iets veranderd aan '%s'", "%s changed something in '%s'" },
};
static const char *const event_keys[] = { "comment", "status", "signal", "factor", "your_signal", "stage",
					   "event" };
static const char *const someone[LANG_COUNT] = { "Iemand", "Someone" };
static const char *const digest_subject[LANG_COUNT] = {
	"kiem: nieuws over de vraagstukken die je volgt",
	"kiem: news about the issues you follow",
};
static const char *const digest_intro[LANG_COUNT] = {
	"Hallo %s,\n\nDit is er gebeurd bij de vraagstukken die je volgt:\n\n",
	"Hello %s,\n\nThis happened in the issues you follow:\n\n",
};
static const char *const digest_outro[LANG_COUNT] = {
	"\nAlle meldingen lees je op %s\nWil je deze e-mail niet meer? Zet hem daar uit.\n",
	"\nRead all notifications at %s\nDon't want this email any more? Turn it off there.\n",
};

const char *notification_sentence_format(const char *event, enum lang l)
{
	size_t k = sizeof event_keys / sizeof event_keys[0];
	for (size_t i = 0; i < k; i++)
		if (strcmp(event, event_keys[i]) == 0)
			return event_text[i][l];
	return event_text[k][l];
}

struct reader {
	char id[UUID_STRLEN + 1];
	const char *email, *name;
	enum lang lang;
};

/* Composes and queues one person's digest, and marks what it lists. */
static int digest_one(struct store *s, struct arena *a, const struct reader *rd, int *mails)
{
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct store_stmt *st = store_prepare(c,
		"SELECT " NOTE_COLS " FROM " NOTE_FROM
		" LEFT JOIN users u ON u.id = n.actor_id"
		" WHERE n.user_id = ?1 AND n.digested_at IS NULL ORDER BY n.seq DESC LIMIT 100");
	int rc = st ? 0 : ERR_DB;
	struct buf body = BUF_INIT(OUTBOX_BODY_MAX - 1000);
	buf_printf(&body, digest_intro[rd->lang], rd->name);
	int count = 0;
	if (st) {
		store_bind_str(st, 1, rd->id);
		while ((rc = store_step(st)) == STORE_ROW) {
			struct notification nt;
			read_note(st, a, &nt);
			buf_adds(&body, "- ");
			buf_printf(&body, notification_sentence_format(nt.event, rd->lang),
				   nt.actor_name ? nt.actor_name : someone[rd->lang],
				   nt.issue_title ? nt.issue_title : "?");
			buf_printf(&body, "\n  %s\n", nt.issue_id
				   ? outbox_link(a, arena_printf(a, "/vraagstukken/%s", nt.issue_id))
				   : nt.initiative_id ? outbox_link(a, arena_printf(a, "/initiatieven/%s", nt.initiative_id))
				   : outbox_link(a, "/account/meldingen"));
			count++;
		}
		store_reset(st);
		rc = rc < 0 ? rc : 0;
	}
	buf_printf(&body, digest_outro[rd->lang], outbox_link(a, "/account/meldingen"));
	if (!rc && count)
		rc = body.err ? body.err : outbox_add(c, rd->email, digest_subject[rd->lang], body.ptr);
	if (!rc && count) {
		char now[TIME_STRLEN + 1];
		time_now(now);
		rc = rows_run(c, "UPDATE notifications SET digested_at = ?2 WHERE user_id = ?1 AND digested_at IS NULL", 2,
			      rd->id, now);
	}
	if (!rc && count)
		rc = activity_add(c, NULL, "send_digest", "user", rd->id, "notifications");
	buf_release(&body);
	int crc = store_write_end(s, rc == 0 && count);
	if (!rc && !crc && count && mails)
		(*mails)++;
	return rc ? rc : count ? crc : 0;
}

int notification_digest(struct store *s, time_t now, int *mails)
{
	(void)now;
	if (mails)
		*mails = 0;
	struct arena *a = arena_new();
	if (!a)
		return ERR_NOMEM;
	/* those who chose it, whose address is confirmed, with something new;
	 * in batches by id so that a long list is not read under one lock */
	const char *after = "";
	int rc = 0;
	for (;;) {
		struct store_stmt *st = store_prepare(store_reader(s),
			"SELECT u.id, u.email, u.name, u.lang FROM users u WHERE u.digest = 1 AND u.id > ?1"
			"  AND u.email_confirmed_at IS NOT NULL"
			"  AND EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.digested_at IS NULL)"
			" ORDER BY u.id LIMIT 50");
		if (!st) {
			rc = ERR_DB;
			break;
		}
		store_bind_str(st, 1, after);
		struct reader batch[50];
		int k = 0;
		while (k < 50 && (rc = store_step(st)) == STORE_ROW) {
			struct reader *rd = &batch[k++];
			snprintf(rd->id, sizeof rd->id, "%s", store_text(st, 0));
			rd->email = arena_strdup(a, store_text(st, 1));
			rd->name = arena_strdup(a, store_text(st, 2));
			rd->lang = strcmp(store_text(st, 3), "en") == 0 ? LANG_EN : LANG_NL;
		}
		store_reset(st);
		if (rc < 0)
			break;
		rc = 0;
		for (int i = 0; i < k && !rc; i++)
			rc = digest_one(s, a, &batch[i], mails);
		if (rc || k < 50)
			break;
		after = arena_strdup(a, batch[k - 1].id);
	}
	if (rc)
		log_error("the digest pass failed: %s", err_str(rc));
	arena_free(a);
	return rc;
}

/* The fields of a notification, for the API; all of them kiem's. */
#define NOTE_FIELD(n, k, f, m, nl, en, d, ex) \
	{ .name = n, .kind = k, .flags = F_READ_ONLY | (f), FIELD_AT(struct notification, m), .label = { nl, en }, \
	  .doc = d, .example = ex }
const struct field_desc notification_fields[] = {
	NOTE_FIELD("id", FK_REF, F_INLINE, id, "Nummer", "Number", "The identifier (melding-id), a UUID.",
		   "\"0d9b2c41-5e10-4b2e-9c41-2f6d8e0a7b13\""),
	NOTE_FIELD("event", FK_TEXT, 0, event, "Gebeurtenis", "Event",
		   "What happened (gebeurtenis): `comment` (reactie), `status` (statuswijziging), `signal` (signaal"
		   " opgenomen), `factor` (omgevingsfactor), `your_signal` (een signaal dat jij meldde is opgenomen in"
		   " het vraagstuk), `stage` (a decision on an initiative's stage: besluit over de fase); more may come.", "\"comment\""),
	NOTE_FIELD("issueId", FK_REF, F_NULLABLE, issue_id, "Vraagstuk", "Social issue",
		   "The issue (vraagstuk); null once it is deleted.", "\"01a21af4-7a10-7b2e-9c41-2f6d8e0a7b13\""),
	NOTE_FIELD("issueTitle", FK_TEXT, F_NULLABLE, issue_title, "Titel", "Title", "The issue's title (titel).",
		   "\"Eenzaamheid onder ouderen in Overvecht\""),
	NOTE_FIELD("initiativeId", FK_REF, F_NULLABLE, initiative_id, "Initiatief", "Initiative",
		   "The initiative (initiatief) it is about, or null; its title is then issueTitle.",
		   "\"01a21af4-7a10-7b2e-9c41-2f6d8e0a7b14\""),
	NOTE_FIELD("objectId", FK_REF, F_NULLABLE, object_id, "Object", "Object",
		   "What it is about (object): the comment, status change, signal or factor.",
		   "\"01a21af4-7a10-7b2e-9c41-2f6d8e0a7b13\""),
	NOTE_FIELD("actorName", FK_TEXT, F_NULLABLE, actor_name, "Wie", "Who", "Who did it (wie), or null.",
		   "\"Henk de Boer\""),
	NOTE_FIELD("createdAt", FK_TIME, 0, created_at, "Wanneer", "When", "When (wanneer), in UTC.",
		   "\"2026-11-27T10:00:00Z\""),
	NOTE_FIELD("read", FK_BOOL, F_IS_SET, read_at, "Gelezen", "Read", "Whether it is read (gelezen).", "false"),
	NOTE_FIELD("readAt", FK_TIME, F_NULLABLE, read_at, "Gelezen op", "Read on",
		   "When it was read (gelezen op), or null.", "\"2026-11-27T10:05:00Z\""),
};
const size_t notification_nfields = sizeof notification_fields / sizeof notification_fields[0];

static const struct export_part notification_exports[] = {
	{ "notifications",
	  "SELECT n.id, n.issue_id, i.title, n.event, n.object_id, n.created_at, n.read_at, n.digested_at,"
	  " n.initiative_id FROM notifications n LEFT JOIN issues i ON i.id = n.issue_id WHERE n.user_id = ?1"
	  " ORDER BY n.seq",
	  (const char *const[]){ "id", "issueId", "issueTitle", "event", "objectId", "createdAt", "readAt",
				 "digestedAt", "initiativeId" }, 9, NULL, false },
};
static const char *const notification_erase[] = {
	"DELETE FROM notifications WHERE user_id = ?1",
	"UPDATE notifications SET actor_id = NULL WHERE actor_id = ?1",
};
const struct entity_type notification_type = {
	.key = "notification", .table = "notifications", .perm = OBJ_NOTIFICATION,
	.noun = { "Melding", "Notification" }, .api = "/api/v1/users/me/notifications/",
	.exports = notification_exports, .nexports = 1, .erase = notification_erase, .nerase = 2,
	.registers = { "follows_notifications" },
	/* NotificationPatch ({"read": ...}) is no change of these fields: the
	 * document says it by hand */
	.fields = notification_fields, .nfields = sizeof notification_fields / sizeof notification_fields[0],
	.schema = "Notification",
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const notifications_types[] = { &notification_type, NULL };
