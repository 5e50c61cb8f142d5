#include "inactivity.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../base/uuid.h"
#include "../store/store.h"
#include "activity.h"
#include "outbox.h"
#include "privacy.h"
#include "rows.h"

void inactivity_days_before(time_t t, int days, char out[TIME_STRLEN + 1])
{
	time_format(t - (time_t)days * 86400, out);
}

void inactivity_date(time_t t, int days, enum lang l, char *out, size_t n)
{
	time_local_date(t + (time_t)days * 86400, l, out, n); /* the day on the reader's calendar */
}

bool inactivity_parse_days(const char *s, int *out)
{
	if (!s || !*s || strlen(s) > 5 || strspn(s, "0123456789") != strlen(s))
		return false;
	int v = 0;
	for (; *s; s++)
		v = v * 10 + (*s - '0');
	if (v > INACTIVE_DAYS_MAX)
		return false;
	*out = v;
	return true;
}

/* The warning, in plain language (B1), in the person's language: %s the
 * name, %d %s the days without use ("1 dag", "30 dagen"), %s the date of
 * erasure, %s the link to log in. */
static const char *const day_words[LANG_COUNT][2] = { { "dag", "dagen" }, { "day", "days" } };
static const char *const warn_subject[LANG_COUNT] = {
	"Je account bij kiem wordt binnenkort verwijderd",
	"Your kiem account will soon be erased",
};
static const char *const warn_body[LANG_COUNT] = {
	"Hallo %s,\n"
	"\n"
	"Je hebt je account bij kiem al meer dan %d %s niet gebruikt.\n"
	"kiem bewaart geen gegevens die niet meer nodig zijn. Daarom verwijderen we\n"
	"je account op %s.\n"
	"\n"
	"Wil je je account houden? Log dan voor die datum in:\n"
	"%s\n"
	"\n"
	"Doe je niets, dan halen we je naam en e-mailadres weg. Wat je in kiem hebt\n"
	"gemaakt, blijft bestaan, maar zonder je naam.\n"
	"\n"
	"Groeten,\n"
	"kiem\n",
	"Hello %s,\n"
	"\n"
	"You have not used your kiem account for more than %d %s.\n"
	"kiem does not keep data that is no longer needed. That is why we will\n"
	"erase your account on %s.\n"
	"\n"
	"Do you want to keep your account? Then log in before that date:\n"
	"%s\n"
	"\n"
	"If you do nothing, we remove your name and email address. What you made\n"
	"in kiem stays, but without your name.\n"
	"\n"
	"Regards,\n"
	"kiem\n",
};

/* One account the sweep handles. */
struct candidate {
	char id[UUID_STRLEN + 1];
	const char *email, *name;
	enum lang lang;
	bool last_admin;
};

/* Reads up to INACTIVE_BATCH candidates: the statement selects id, then
 * (when full) email, name, lang and whether it is the last admin; ?1 and
 * ?2 are bound to a and b. */
static int collect(struct store *s, struct arena *ar, const char *sql, bool full, const char *a,
		   const char *b, struct candidate **out, size_t *n)
{
	struct store_stmt *st = rows_prepare(store_reader(s), sql, b ? 2 : 1, a, b);
	if (!st)
		return ERR_DB;
	struct candidate *list = arena_alloc(ar, sizeof *list * INACTIVE_BATCH);
	size_t count = 0;
	int rc = STORE_DONE;
	while (count < INACTIVE_BATCH && (rc = store_step(st)) == STORE_ROW) {
		struct candidate *c = &list[count++];
		memset(c, 0, sizeof *c);
		snprintf(c->id, sizeof c->id, "%s", store_text(st, 0));
		if (full) {
			c->email = arena_strdup(ar, store_text(st, 1));
			c->name = arena_strdup(ar, store_text(st, 2));
			c->lang = strcmp(store_text(st, 3), "en") == 0 ? LANG_EN : LANG_NL;
			c->last_admin = store_int(st, 4) != 0;
		}
	}
	if (count == INACTIVE_BATCH)
		rc = STORE_DONE;
	store_reset(st);
	if (rc < 0)
		return rc;
	*out = list;
	*n = count;
	return 0;
}

/* Whether an account is the platform's last unblocked admin: as in
 * privacy_erase_user. */
#define LAST_ADMIN_SQL \
	"(platform_role = 'admin' AND blocked_at IS NULL AND NOT EXISTS (SELECT 1 FROM users o" \
	" WHERE o.platform_role = 'admin' AND o.blocked_at IS NULL AND o.id <> users.id))"

static void report_to(void (*report)(void *, const char *, const char *), void *ctx,
		      const char *action, const char *id)
{
	if (report)
		report(ctx, action, id);
}

/* Deletes an account whose address was never confirmed, if it still is
 * one; 1 when it went. */
static int delete_unconfirmed(struct store *s, const char *id, const char *made_before)
{
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	/* memberships, sessions, tokens, links and coordinator areas go with it
	 * (ON DELETE CASCADE); the selection made sure there are none of the
	 * things that would stay behind */
	int rc = rows_run(c, "DELETE FROM users WHERE id = ?1 AND email_confirmed_at IS NULL AND created_at < ?2", 2,
			  id, made_before);
	int gone = !rc && store_changes(c) > 0;
	if (!rc && gone)
		rc = activity_add(c, NULL, "delete_unconfirmed", "user", id, "");
	int crc = store_write_end(s, rc == 0 && gone);
	return rc ? rc : crc ? crc : gone;
}

/* Erases an account warned long enough ago; 1 when erased, 0 when it is no
 * longer due, ERR_CONFLICT for the last admin. */
static int erase_inactive(struct store *s, const char *id, const char *warned_before)
{
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	/* still due? (they may have logged in since the selection) */
	int rc = ERR_DB, due = 0;
	struct store_stmt *st = rows_prepare(c,
		"SELECT count(*) FROM users WHERE id = ?1 AND inactivity_warned_at < ?2"
		" AND password_hash <> '" PRIVACY_ERASED_HASH "'", 2, id, warned_before);
	if (st) {
		rc = store_step(st) == STORE_ROW ? 0 : ERR_DB;
		due = !rc && store_int(st, 0) > 0;
		store_reset(st);
	}
	if (!rc && due)
		rc = privacy_erase_user(c, NULL, id, "erase_inactive");
	int crc = store_write_end(s, rc == 0 && due);
	return rc ? rc : crc ? crc : due;
}

/* Warns an account by mail and notes when; 1 when warned, 0 when it is no
 * longer due. */
static int warn(struct store *s, struct arena *ar, const struct candidate *cd, time_t now,
		int period, int grace, const char *active_before)
{
	char at[TIME_STRLEN + 1], date[64];
	time_format(now, at);
	inactivity_date(now, grace, cd->lang, date, sizeof date);
	const char *body = arena_printf(ar, warn_body[cd->lang], cd->name, period, day_words[cd->lang][period != 1],
					date, outbox_link(ar, "/inloggen"));
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = rows_run(c,
		"UPDATE users SET inactivity_warned_at = ?2 WHERE id = ?1 AND inactivity_warned_at IS NULL"
		" AND coalesce(last_active_at, created_at) < ?3"
		" AND password_hash <> '" PRIVACY_ERASED_HASH "'", 3, cd->id, at, active_before);
	int due = !rc && store_changes(c) > 0;
	if (!rc && due)
		rc = outbox_add(c, cd->email, warn_subject[cd->lang], body);
	if (!rc && due)
		rc = activity_add(c, NULL, "warn_inactive", "user", cd->id, "inactivityWarnedAt");
	int crc = store_write_end(s, rc == 0 && due);
	return rc ? rc : crc ? crc : due;
}

int inactivity_sweep(struct store *s, time_t now, int period_days, int grace_days, bool dry_run,
		     void (*report)(void *ctx, const char *action, const char *user_id), void *ctx,
		     struct inactivity_counts *out)
{
	memset(out, 0, sizeof *out);
	if (period_days <= 0)
		return 0;
	if (grace_days < 0)
		grace_days = 0;
	char made_before[TIME_STRLEN + 1], warned_before[TIME_STRLEN + 1], active_before[TIME_STRLEN + 1];
	inactivity_days_before(now, UNCONFIRMED_DAYS, made_before);
	inactivity_days_before(now, grace_days, warned_before);
	inactivity_days_before(now, period_days, active_before);
	struct arena *ar = arena_new();
	int first = 0;
	struct candidate *list;
	size_t n;

	/* 1: never confirmed, and nothing of theirs anywhere */
	int rc = collect(s, ar,
		"SELECT id FROM users WHERE email_confirmed_at IS NULL AND created_at < ?1"
		" AND password_hash <> '" PRIVACY_ERASED_HASH "'"
		" AND NOT EXISTS (SELECT 1 FROM memberships WHERE user_id = users.id)"
		" AND NOT EXISTS (SELECT 1 FROM parties WHERE created_by = users.id)"
		" AND NOT EXISTS (SELECT 1 FROM api_tokens WHERE user_id = users.id)"
		" AND NOT EXISTS (SELECT 1 FROM coordinator_areas WHERE user_id = users.id)"
		" AND NOT EXISTS (SELECT 1 FROM invitations WHERE invited_by = users.id)"
		" ORDER BY created_at, id", false, made_before, NULL, &list, &n);
	if (rc)
		first = rc;
	for (size_t i = 0; !rc && i < n; i++) {
		int r = dry_run ? 1 : delete_unconfirmed(s, list[i].id, made_before);
		if (r < 0) {
			log_error("inactivity sweep: could not delete unconfirmed account %s: %s", list[i].id,
				  err_str(r));
			first = first ? first : r;
		} else if (r) {
			out->deleted++;
			report_to(report, ctx, "delete", list[i].id);
		}
	}

	/* 2: warned more than the grace ago, and not active since */
	rc = collect(s, ar,
		"SELECT id, email, name, lang, " LAST_ADMIN_SQL " FROM users"
		" WHERE inactivity_warned_at IS NOT NULL AND inactivity_warned_at < ?1"
		" AND password_hash <> '" PRIVACY_ERASED_HASH "'"
		" ORDER BY inactivity_warned_at, id", true, warned_before, NULL, &list, &n);
	if (rc)
		first = first ? first : rc;
	for (size_t i = 0; !rc && i < n; i++) {
		int r = dry_run ? (list[i].last_admin ? ERR_CONFLICT : 1)
				: erase_inactive(s, list[i].id, warned_before);
		if (r == ERR_CONFLICT) {
			log_warn("inactivity sweep: account %s is the last platform admin and is kept;"
				 " appoint another admin", list[i].id);
			out->kept++;
			report_to(report, ctx, "keep_last_admin", list[i].id);
		} else if (r < 0) {
			log_error("inactivity sweep: could not erase account %s: %s", list[i].id, err_str(r));
			first = first ? first : r;
		} else if (r) {
			out->erased++;
			report_to(report, ctx, "erase", list[i].id);
		}
	}
	/* an unconfirmed account deleted held a name and an address too */
	if ((out->erased || out->deleted) && !dry_run)
		privacy_after_erasure(s);

	/* 3: not active for the period, not warned yet */
	rc = collect(s, ar,
		"SELECT id, email, name, lang, " LAST_ADMIN_SQL " FROM users"
		" WHERE inactivity_warned_at IS NULL AND coalesce(last_active_at, created_at) < ?1"
		" AND password_hash <> '" PRIVACY_ERASED_HASH "'"
		" ORDER BY coalesce(last_active_at, created_at), id", true, active_before, NULL, &list, &n);
	if (rc)
		first = first ? first : rc;
	for (size_t i = 0; !rc && i < n; i++) {
		/* a warning that the account goes would not be true for the last
		 * admin, who is kept */
		if (list[i].last_admin) {
			log_warn("inactivity sweep: account %s is the last platform admin and has not been"
				 " active for %d days; it is kept", list[i].id, period_days);
			out->kept++;
			report_to(report, ctx, "keep_last_admin", list[i].id);
			continue;
		}
		int r = dry_run ? 1 : warn(s, ar, &list[i], now, period_days, grace_days, active_before);
		if (r < 0) {
			log_error("inactivity sweep: could not warn account %s: %s", list[i].id, err_str(r));
			first = first ? first : r;
		} else if (r) {
			out->warned++;
			report_to(report, ctx, "warn", list[i].id);
		}
	}
	arena_free(ar);
	return first;
}
