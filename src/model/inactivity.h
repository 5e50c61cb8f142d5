/* inactivity: accounts nobody uses are not kept for ever (AVG article 5:
 * storage limitation).
 *
 * A person is active when they log in, or use a session or an API token
 * (user.c keeps users.last_active_at, and clears inactivity_warned_at).
 * The sweep, run by `kiem serve` every hour and by `kiem accounts sweep`:
 *  - warns, by mail in their language, whoever has not been active for
 *    `period` days and was not warned yet: log in before a date (`grace`
 *    days on), or the account is erased; the log receives "warn_inactive";
 *  - erases, exactly as the person could themselves (privacy.h), whoever was
 *    warned more than `grace` days ago and has not been active since; the
 *    log receives "erase_inactive" with the system as actor;
 *  - deletes accounts whose address was never confirmed, 7 days after they
 *    were made, if they never did anything (no log entry as actor): nothing
 *    of theirs exists but the row; the log receives "delete_unconfirmed".
 * Rows already erased are skipped. Blocked accounts follow the same rule:
 * they cannot log in, so a block ends, a period and a grace later, in
 * erasure. The last platform admin (no other unblocked admin) is neither
 * warned nor erased; the sweep logs a warning instead. A period of 0 turns
 * the whole sweep off. */
#ifndef KIEM_INACTIVITY_H
#define KIEM_INACTIVITY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../base/lang.h"
#include "../base/timefmt.h"

struct store;

enum {
	INACTIVE_DAYS_DEFAULT = 365,
	INACTIVE_GRACE_DAYS_DEFAULT = 30,
	INACTIVE_DAYS_MAX = 36500,
	UNCONFIRMED_DAYS = 7,   /* an unconfirmed account goes this long after it was made */
	INACTIVE_BATCH = 500,   /* accounts of each kind one run handles at most */
};

struct inactivity_counts {
	int warned, erased, deleted, kept; /* kept: the last admin, left alone */
};

/* Runs the sweep as of now; dry_run only reports. report, if not NULL, is
 * called once per action (or, in a dry run, per action that would be
 * taken): action is "warn", "erase", "delete" or "keep_last_admin", with
 * only the account's id, never its name or address.
 * period_days 0: nothing. A failure of one account is logged and the
 * sweep goes on; the first error is returned. */
int inactivity_sweep(struct store *s, time_t now, int period_days, int grace_days, bool dry_run,
		     void (*report)(void *ctx, const char *action, const char *user_id), void *ctx,
		     struct inactivity_counts *out);

/* The date-time `days` days before (negative: after) t, as stored. */
void inactivity_days_before(time_t t, int days, char out[TIME_STRLEN + 1]);
/* The day `days` days after t as people write it: "27 november 2026" in
 * Dutch, "27 November 2026" in English. */
void inactivity_date(time_t t, int days, enum lang l, char *out, size_t n);
/* Parses a number of days (KIEM_INACTIVE_DAYS and the like): digits only,
 * 0..INACTIVE_DAYS_MAX; false otherwise. */
bool inactivity_parse_days(const char *s, int *out);

#endif
