#include "privacy.h"

#include <stdio.h>
#include <string.h>

#include "../base/err.h"
#include "../base/log.h"
#include "../base/timefmt.h"
#include "../base/uuid.h"
#include "../store/store.h"
#include "activity.h"
#include "signal.h"

/* Text or JSON null, for the columns that may be NULL. */
static json_t *text_or_null(struct store_stmt *st, int col)
{
	return store_is_null(st, col) ? json_null() : json_string(store_text(st, col));
}

static int export_account(struct store_conn *c, const char *id, json_t *doc)
{
	struct store_stmt *st = store_prepare(c,
		"SELECT id, name, email, platform_role, created_at, blocked_at, last_active_at,"
		" inactivity_warned_at, email_confirmed_at, lang, digest FROM users WHERE id = ?1");
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, id);
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_string(store_text(st, 0)));
		json_object_set_new(o, "name", json_string(store_text(st, 1)));
		json_object_set_new(o, "email", json_string(store_text(st, 2)));
		json_object_set_new(o, "role", json_string(store_text(st, 3)));
		json_object_set_new(o, "createdAt", json_string(store_text(st, 4)));
		json_object_set_new(o, "blocked", json_boolean(!store_is_null(st, 5)));
		json_object_set_new(o, "blockedAt", text_or_null(st, 5));
		json_object_set_new(o, "lastActiveAt", text_or_null(st, 6));
		json_object_set_new(o, "inactivityWarnedAt", text_or_null(st, 7));
		json_object_set_new(o, "emailConfirmedAt", text_or_null(st, 8));
		json_object_set_new(o, "lang", json_string(store_text(st, 9)));
		json_object_set_new(o, "digest", json_boolean(store_int(st, 10) != 0));
		json_object_set_new(doc, "account", o);
		rc = 0;
	} else if (rc == STORE_DONE) {
		rc = ERR_NOTFOUND;
	}
	store_reset(st);
	return rc;
}

/* Runs a statement bound to the user id and adds one object per row to a new
 * array under key; names are the rows' keys, in column order. */
static int export_rows(struct store_stmt *st, const char *id, json_t *doc, const char *key,
		       const char *const *names, size_t ncols)
{
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, id);
	json_t *list = json_array();
	int rc;
	while ((rc = store_step(st)) == STORE_ROW) {
		json_t *o = json_object();
		for (size_t i = 0; i < ncols; i++)
			json_object_set_new(o, names[i], text_or_null(st, (int)i));
		json_array_append_new(list, o);
	}
	store_reset(st);
	json_object_set_new(doc, key, list);
	return rc < 0 ? rc : 0;
}

/* The values of key in every object of list, "0" or "1", as booleans. */
static void to_booleans(json_t *list, const char *key)
{
	size_t i;
	json_t *e;
	json_array_foreach(list, i, e) {
		const char *v = json_string_value(json_object_get(e, key));
		json_object_set_new(e, key, json_boolean(v && strcmp(v, "0") != 0));
	}
}

/* The log's fields as a list of names, as /api/v1/activity gives them. */
static void split_fields(json_t *list)
{
	size_t i;
	json_t *e;
	json_array_foreach(list, i, e) {
		const char *f = json_string_value(json_object_get(e, "fields"));
		json_t *names = json_array();
		while (f && *f) {
			const char *comma = strchr(f, ',');
			size_t n = comma ? (size_t)(comma - f) : strlen(f);
			if (n)
				json_array_append_new(names, json_stringn(f, n));
			f = comma ? comma + 1 : NULL;
		}
		json_object_set_new(e, "fields", names);
	}
}

int privacy_export(struct store *s, const struct viewer *v, json_t **out)
{
	if (!v || !v->authenticated || !v->user_id[0])
		return ERR_AUTH;
	static const char *const membership[] = { "partyId", "partyName", "role", "since" };
	static const char *const party[] = { "id", "name", "createdAt" };
	static const char *const issue[] = { "id", "title", "createdAt" };
	static const char *const move[] = { "id", "issueId", "issueTitle", "from", "status", "reason", "at" };
	static const char *const factor[] = { "id", "issueId", "issueTitle", "kind", "effect", "description",
					      "createdAt", "updatedAt" };
	static const char *const role_taken[] = { "issueId", "issueTitle", "role", "partyId", "partyName", "note",
						  "createdAt" };
	static const char *const session[] = { "createdAt", "lastSeenAt", "expiresAt" };
	static const char *const token[] = { "id", "name", "createdAt", "lastUsedAt" };
	static const char *const area[] = { "code", "name" };
	static const char *const link[] = { "purpose", "createdAt", "expiresAt" };
	static const char *const invitation[] = { "id", "partyId", "partyName", "email", "role", "invitedBy",
						  "createdAt", "expiresAt" };
	/* signals (issue 4, signals part) */
	static const char *const signal[] = { "id", "title", "kind", "status", "createdAt", "description", "area",
					      "targetGroup", "party", "resident", "rule", "issue" };
	static const char *const decision[] = { "id", "signalId", "decision", "reason", "decidedAt" };
	static const char *const mail[] = { "recipient", "subject", "createdAt", "sentAt", "failedAt" };
	static const char *const entry[] = { "id", "at", "actorId", "action", "objectType", "objectId",
					     "fields", "subjectId", "detail" };
	/* the voice of residents (issue 4, part 3) */
	static const char *const support[] = { "issueId", "issueTitle", "createdAt" };
	static const char *const comment[] = { "id", "issueId", "issueTitle", "parentId", "body", "createdAt",
					       "editedAt", "hiddenAt", "hiddenReason" };
	static const char *const notification[] = { "id", "issueId", "issueTitle", "event", "objectId", "createdAt",
						    "readAt", "digestedAt" };
	char now[TIME_STRLEN + 1];
	time_now(now);
	json_t *doc = json_object();
	json_object_set_new(doc, "exportedAt", json_string(now));
	/* the server runs a GET in one read snapshot, so the sections agree */
	struct store_conn *c = store_reader(s);
	int rc = export_account(c, v->user_id, doc);
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT m.party_id, p.name, m.role, m.created_at FROM memberships m"
			" JOIN parties p ON p.id = m.party_id WHERE m.user_id = ?1 ORDER BY p.sort_name, p.id"),
			v->user_id, doc, "memberships", membership, 4);
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT id, name, created_at FROM parties WHERE created_by = ?1 ORDER BY created_at, id"),
			v->user_id, doc, "partiesCreated", party, 3);
	/* issue 4, issues core: the issues a person made and their status
	 * moves, contributions that stay (without the name) at erasure */
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT id, title, created_at FROM issues WHERE created_by = ?1 ORDER BY created_at, id"),
			v->user_id, doc, "issuesCreated", issue, 3);
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT t.id, t.issue_id, i.title, t.from_status, t.to_status, t.reason, t.at"
			" FROM issue_transitions t JOIN issues i ON i.id = t.issue_id WHERE t.actor_id = ?1"
			" ORDER BY t.seq"),
			v->user_id, doc, "issueStatusChanges", move, 7);
	/* issue 4, factors and the role ledger: the factors a person recorded
	 * and the roles they took for a party, contributions that stay
	 * (without the name) at erasure */
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT f.id, f.issue_id, i.title, f.kind, f.effect, f.description, f.created_at, f.updated_at"
			" FROM issue_factors f JOIN issues i ON i.id = f.issue_id WHERE f.created_by = ?1 ORDER BY f.seq"),
			v->user_id, doc, "factorsCreated", factor, 8);
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT r.issue_id, i.title, r.role_key, r.party_id, p.name, r.note, r.created_at"
			" FROM issue_roles r JOIN issues i ON i.id = r.issue_id JOIN parties p ON p.id = r.party_id"
			" WHERE r.created_by = ?1 ORDER BY r.created_at, r.issue_id, r.role_key"),
			v->user_id, doc, "rolesTaken", role_taken, 7);
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT created_at, last_seen_at, expires_at FROM sessions WHERE user_id = ?1"
			" ORDER BY created_at"),
			v->user_id, doc, "sessions", session, 3);
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = ?1 ORDER BY id"),
			v->user_id, doc, "tokens", token, 4);
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT purpose, created_at, expires_at FROM email_links WHERE user_id = ?1"
			" ORDER BY created_at"),
			v->user_id, doc, "emailLinks", link, 3);
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT ca.area_code, a.name FROM coordinator_areas ca JOIN areas a ON a.code = ca.area_code"
			" WHERE ca.user_id = ?1 ORDER BY a.path"),
			v->user_id, doc, "coordinatorAreas", area, 2);
	/* mail to their address, never its text */
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT recipient, subject, created_at, sent_at, failed_at FROM outbox"
			" WHERE recipient = (SELECT email FROM users WHERE id = ?1) COLLATE NOCASE ORDER BY seq"),
			v->user_id, doc, "mail", mail, 5);
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT id, at, actor_id, action, object_type, object_id, fields, subject_id, detail FROM activity"
			" WHERE actor_id = ?1 OR (object_type = 'user' AND object_id = ?1) OR subject_id = ?1 ORDER BY seq"),
			v->user_id, doc, "activity", entry, 9);
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT i.id, i.party_id, p.name, i.email, i.role, i.invited_by, i.created_at, i.expires_at"
			" FROM invitations i JOIN parties p ON p.id = i.party_id"
			" WHERE i.email = (SELECT email FROM users WHERE id = ?1) ORDER BY i.created_at, i.id"),
			v->user_id, doc, "invitationsReceived", invitation, 8);
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT i.id, i.party_id, p.name, i.email, i.role, i.invited_by, i.created_at, i.expires_at"
			" FROM invitations i JOIN parties p ON p.id = i.party_id"
			" WHERE i.invited_by = ?1 ORDER BY i.created_at, i.id"),
			v->user_id, doc, "invitationsSent", invitation, 8);
	/* signals (issue 4, signals part): the signals they reported and the
	 * decisions they recorded */
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT id, title, kind, status, created_at, description, area_code, target_group, party_id,"
			" resident, rule, issue_id FROM signals WHERE reporter_id = ?1 ORDER BY seq"),
			v->user_id, doc, "signals", signal, 12);
	if (!rc)
		to_booleans(json_object_get(doc, "signals"), "resident");
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT id, signal_id, decision, reason, decided_at FROM signal_decisions WHERE decided_by = ?1"
			" ORDER BY seq"),
			v->user_id, doc, "signalDecisions", decision, 5);
	/* the voice of residents (issue 4, part 3): supports, follows,
	 * comments and notifications */
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT s.issue_id, i.title, s.created_at FROM supports s JOIN issues i ON i.id = s.issue_id"
			" WHERE s.user_id = ?1 ORDER BY s.created_at, s.issue_id"),
			v->user_id, doc, "supports", support, 3);
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT f.issue_id, i.title, f.created_at FROM follows f JOIN issues i ON i.id = f.issue_id"
			" WHERE f.user_id = ?1 ORDER BY f.created_at, f.issue_id"),
			v->user_id, doc, "follows", support, 3);
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT c.id, c.issue_id, i.title, c.parent_id, c.body, c.created_at, c.edited_at, c.hidden_at,"
			" c.hidden_reason FROM comments c JOIN issues i ON i.id = c.issue_id"
			" WHERE c.author_id = ?1 ORDER BY c.seq"),
			v->user_id, doc, "comments", comment, 9);
	if (!rc)
		rc = export_rows(store_prepare(c,
			"SELECT n.id, n.issue_id, i.title, n.event, n.object_id, n.created_at, n.read_at, n.digested_at"
			" FROM notifications n LEFT JOIN issues i ON i.id = n.issue_id WHERE n.user_id = ?1 ORDER BY n.seq"),
			v->user_id, doc, "notifications", notification, 8);
	if (!rc)
		split_fields(json_object_get(doc, "activity"));
	if (rc) {
		json_decref(doc);
		return rc;
	}
	*out = doc;
	return 0;
}

/* Runs a statement that takes the user id as ?1. */
static int run_for(struct store_stmt *st, const char *id)
{
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, id);
	return store_run(st);
}

/* Logs one "remove_member" per party the user leaves, as member_remove
 * does, before the memberships go (the inserts go to another table than the
 * one being read, which SQLite allows on one connection). */
static int log_memberships(struct store_conn *c, const struct viewer *actor, const char *user_id)
{
	struct store_stmt *st = store_prepare(c,
		"SELECT party_id FROM memberships WHERE user_id = ?1 ORDER BY party_id");
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, user_id);
	int rc;
	while ((rc = store_step(st)) == STORE_ROW) {
		char id[UUID_STRLEN + 1];
		snprintf(id, sizeof id, "%s", store_text(st, 0));
		rc = activity_add_about(c, actor, "remove_member", "party", id, "members", user_id, NULL);
		if (rc)
			break;
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

int privacy_erase_user(struct store_conn *c, const struct viewer *actor, const char *user_id,
		       const char *action)
{
	char placeholder[UUID_STRLEN + 16], uuid[UUID_STRLEN + 1], now[TIME_STRLEN + 1];
	uuid7_new(uuid);
	snprintf(placeholder, sizeof placeholder, "erased-%s@invalid", uuid);
	time_now(now);
	int rc = ERR_DB;
	/* the platform keeps an admin: the last one cannot be erased */
	struct store_stmt *st = store_prepare(c,
		"SELECT (SELECT platform_role FROM users WHERE id = ?1) = 'admin' AND NOT EXISTS"
		" (SELECT 1 FROM users WHERE platform_role = 'admin' AND blocked_at IS NULL AND id <> ?1)");
	if (st) {
		store_bind_str(st, 1, user_id);
		rc = store_step(st);
		rc = rc == STORE_ROW ? (store_int(st, 0) ? ERR_CONFLICT : 0) : ERR_DB;
		store_reset(st);
	}
	if (!rc)
		rc = log_memberships(c, actor, user_id);
	if (!rc)
		rc = run_for(store_prepare(c, "DELETE FROM memberships WHERE user_id = ?1"), user_id);
	if (!rc)
		rc = run_for(store_prepare(c, "DELETE FROM sessions WHERE user_id = ?1"), user_id);
	if (!rc)
		rc = run_for(store_prepare(c, "DELETE FROM api_tokens WHERE user_id = ?1"), user_id);
	if (!rc)
		rc = run_for(store_prepare(c, "DELETE FROM coordinator_areas WHERE user_id = ?1"), user_id);
	if (!rc)
		rc = run_for(store_prepare(c, "DELETE FROM email_links WHERE user_id = ?1"), user_id);
	/* mail to them (sent or not: a warning of the sweep, say) and
	 * invitations to their address hold their address, and often their name */
	if (!rc)
		rc = run_for(store_prepare(c,
			"DELETE FROM outbox WHERE recipient = (SELECT email FROM users WHERE id = ?1) COLLATE NOCASE"),
			user_id);
	if (!rc)
		rc = run_for(store_prepare(c,
			"DELETE FROM invitations WHERE email = (SELECT email FROM users WHERE id = ?1) COLLATE NOCASE"),
			user_id);
	if (!rc)
		rc = run_for(store_prepare(c, "UPDATE invitations SET invited_by = NULL WHERE invited_by = ?1"),
			     user_id);
	/* the voice of residents (issue 4, part 3): supports, follows and
	 * notifications are personal and go (the supporters counts follow);
	 * comments are contributions and stay without the name */
	if (!rc)
		rc = run_for(store_prepare(c,
			"UPDATE issues SET supporters = max(supporters - 1, 0)"
			" WHERE id IN (SELECT issue_id FROM supports WHERE user_id = ?1)"), user_id);
	if (!rc)
		rc = run_for(store_prepare(c, "DELETE FROM supports WHERE user_id = ?1"), user_id);
	if (!rc)
		rc = run_for(store_prepare(c, "DELETE FROM follows WHERE user_id = ?1"), user_id);
	if (!rc)
		rc = run_for(store_prepare(c, "DELETE FROM notifications WHERE user_id = ?1"), user_id);
	if (!rc)
		rc = run_for(store_prepare(c, "UPDATE notifications SET actor_id = NULL WHERE actor_id = ?1"), user_id);
	if (!rc)
		rc = run_for(store_prepare(c, "UPDATE comments SET author_id = NULL WHERE author_id = ?1"), user_id);
	if (!rc)
		rc = run_for(store_prepare(c, "UPDATE comments SET hidden_by = NULL WHERE hidden_by = ?1"), user_id);
	if (!rc)
		rc = run_for(store_prepare(c, "UPDATE users SET digest = 0 WHERE id = ?1"), user_id);
	/* issue 8: what they reported as a resident and no one took up or
	 * decided on goes; the rest stays, without the name */
	if (!rc)
		rc = signal_erase_resident(c, user_id);
	if (!rc) {
		/* "!" is no argon2 hash, so no password ever verifies against it;
		 * the warning time goes too, so the sweep never sees the row again */
		st = store_prepare(c,
			"UPDATE users SET name = ?2, email = ?3, password_hash = '" PRIVACY_ERASED_HASH "',"
			" platform_role = 'user', blocked_at = ?4, inactivity_warned_at = NULL WHERE id = ?1");
		rc = ERR_DB;
		if (st) {
			store_bind_str(st, 1, user_id);
			store_bind_str(st, 2, PRIVACY_ERASED_NAME);
			store_bind_str(st, 3, placeholder);
			store_bind_str(st, 4, now);
			rc = store_run(st);
			if (!rc && store_changes(c) == 0)
				rc = ERR_NOTFOUND;
		}
	}
	if (!rc)
		rc = activity_add(c, actor, action, "user", user_id, "");
	return rc;
}

int privacy_erase(struct store *s, const struct viewer *v)
{
	if (!v || !v->authenticated || !v->user_id[0])
		return ERR_AUTH;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = privacy_erase_user(c, v, v->user_id, "erase");
	int crc = store_write_end(s, rc == 0);
	if (rc || crc)
		return rc ? rc : crc;
	privacy_after_erasure(s);
	return 0;
}

void privacy_after_erasure(struct store *s)
{
	/* the erasure itself is done; what it removed must not stay readable
	 * in the file's free space, the search indexes or the write-ahead log.
	 * A scrub that cannot finish now is logged; the next erasure's does it */
	if (store_scrub(s))
		log_warn("erasure done, but the database could not be scrubbed yet: old copies of"
			 " what was erased may stay in its file until the next erasure");
}
