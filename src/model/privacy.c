#include "privacy.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../base/log.h"
#include "../base/timefmt.h"
#include "../base/uuid.h"
#include "../store/store.h"
#include "activity.h"
#include "registry.h"
#include "rows.h"

#define EXPORTED_AT "exportedAt"

const char *privacy_export_day(struct arena *a, const char *doc)
{
	static const char head[] = "{\"" EXPORTED_AT "\":\"";
	size_t n = sizeof head - 1;
	return strncmp(doc, head, n) == 0 && strlen(doc) >= n + 10 ? arena_strndup(a, doc + n, 10) : "export";
}

int privacy_export(struct store *s, const struct viewer *v, struct buf *out)
{
	if (!v || !v->authenticated || !v->user_id[0])
		return ERR_AUTH;
	char now[TIME_STRLEN + 1];
	time_now(now);
	struct jw w;
	jw_init(&w, out);
	jw_obj(&w);
	jw_kstr(&w, EXPORTED_AT, now);
	/* the server runs a GET in one read snapshot, so the sections agree */
	int rc = registry_export(store_reader(s), v->user_id, &w);
	jw_end(&w);
	if (!rc && out->err)
		rc = out->err;
	return rc;
}

/* Logs one "remove_member" per party the user leaves, as member_remove
 * does, before the memberships go (the inserts go to another table than the
 * one being read, which SQLite allows on one connection). */
static int log_memberships(struct store_conn *c, const struct viewer *actor, const char *user_id)
{
	struct store_stmt *st = rows_prepare(c,
		"SELECT party_id FROM memberships WHERE user_id = ?1 ORDER BY party_id", 1, user_id);
	if (!st)
		return ERR_DB;
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
	struct store_stmt *st = rows_prepare(c,
		"SELECT (SELECT platform_role FROM users WHERE id = ?1) = 'admin' AND NOT EXISTS"
		" (SELECT 1 FROM users WHERE platform_role = 'admin' AND blocked_at IS NULL AND id <> ?1)", 1,
		user_id);
	if (st) {
		rc = store_step(st);
		rc = rc == STORE_ROW ? (store_int(st, 0) ? ERR_CONFLICT : 0) : ERR_DB;
		store_reset(st);
	}
	if (!rc)
		rc = log_memberships(c, actor, user_id);
	/* every type's own erasure (registry.h): what goes, and what stays
	 * without the name */
	if (!rc)
		rc = registry_erase(c, user_id);
	if (!rc) {
		/* "!" is no argon2 hash, so no password ever verifies against it;
		 * the warning time goes too, so the sweep never sees the row again */
		rc = rows_change(c,
			"UPDATE users SET name = ?2, email = ?3, password_hash = '" PRIVACY_ERASED_HASH "',"
			" platform_role = 'user', blocked_at = ?4, inactivity_warned_at = NULL WHERE id = ?1", 4,
			user_id, PRIVACY_ERASED_NAME, placeholder, now);
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
	if ((rc = rows_commit(s, rc)))
		return rc;
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
