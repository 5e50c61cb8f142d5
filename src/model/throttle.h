/* throttle: limits on failed logins, per account and per address, so that
 * passwords cannot be guessed at speed, without handing an attacker a
 * button that locks an account's owner out. Kept in the database (the
 * table login_throttle), so that every kiem node behind a load balancer
 * counts the same failures, and a restart forgets none of them.
 *
 * An attempt comes from a source: the client's address, and whether its
 * browser showed the cookie of an earlier login to the account (login.h).
 * After throttle_account_limit failures for one account within
 * throttle_window seconds, attempts from sources new to the account are
 * refused until the window has passed, even with the right password. A
 * source the account logged in from before (its address, kept for
 * THROTTLE_KNOWN_DAYS, or its browser) is not held up by that: it has a
 * count of its own, with the same limit, so it cannot guess either. And
 * throttle_address_limit failures from one address, for any accounts,
 * hold up every login from that address.
 *
 * Accounts are counted by their email as email_normal() (user.h) gives
 * it, the key by which kiem finds the account: callers pass it so. Each
 * lockout is logged once, when it starts, by the node whose failure
 * started it: the account or the address, and until when (never a
 * password).
 *
 * A row of login_throttle is one count, or one address known to an
 * account; its id is a keyed hash (SipHash, with a key of this instance's
 * settings) of what it counts, so the table holds no email or IP address
 * that can be read back. What it costs: a login attempt reads one
 * statement; a failure writes one transaction; a good login writes only
 * when it clears failures or its address is new to the account (or was
 * last seen a day ago or more); a request that mails writes one. Each
 * write also deletes some rows whose time has passed, so the table holds
 * only what still counts. The writes leave the answer cache alone
 * (store_write_end_aside): no page shows these counts.
 *
 * The functions return 0 or ERR_DB; a login whose counts cannot be read is
 * refused (the caller answers as for any failure of the database), never
 * let through unthrottled.
 *
 * These two are kiem's only limits per client: http/access.c only logs
 * (a 429 at warn level), and the connection limit of http/server.c is
 * each node's guard of its file descriptors. A limit that counted every
 * request in the database would cost every request a write, against
 * DESIGN.md's read budget; one that comes belongs in each node's memory. */
#ifndef KIEM_THROTTLE_H
#define KIEM_THROTTLE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

struct store;

/* The defaults of the settings (KIEM_LOGIN_ACCOUNT_LIMIT,
 * KIEM_LOGIN_ADDRESS_LIMIT, KIEM_LOGIN_WINDOW_MINUTES); THROTTLE_WINDOW is
 * also the window of the mail limit below. */
enum {
	THROTTLE_ACCOUNT = 5,
	THROTTLE_ADDRESS = 20,
	THROTTLE_WINDOW = 15 * 60,
	THROTTLE_KNOWN_DAYS = 90, /* an address that logged in is known this long */
};
extern int throttle_account_limit;
extern int throttle_address_limit;
extern int throttle_window; /* seconds */

/* One login attempt: filled in by the caller, then by throttle_login_check
 * for throttle_login_failed and throttle_login_passed. */
struct login_attempt {
	const char *email;   /* normalized (email_normal) */
	const char *address; /* the client's address; "" or NULL if unknown */
	bool known_browser;  /* the browser logged in to this account before */
	/* set by throttle_login_check */
	int64_t account_key;  /* the count this attempt's failure adds to */
	int64_t known_key;    /* the account's known-address row of this address */
	int trust;            /* how the source is known to the account */
	bool counted;         /* account_key has failures in its window */
	time_t known_at;      /* the address's last good login, or 0 */
};

/* *wait is 0 if the attempt may be tried now; otherwise the seconds to
 * wait. */
int throttle_login_check(struct store *s, struct login_attempt *t, time_t now, long *wait);
/* Counts a failed login; logs a lockout that it starts. */
int throttle_login_failed(struct store *s, struct login_attempt *t, time_t now);
/* After the right password: forgets the failures of this source for the
 * account, and remembers its address as known to the account. */
int throttle_login_passed(struct store *s, struct login_attempt *t, time_t now);

/* Requests that send mail to an address someone types (registration, a new
 * confirmation link, a password reset) are limited per client address to
 * throttle_mail_limit (THROTTLE_MAIL unless KIEM_MAIL_LIMIT says otherwise)
 * within THROTTLE_WINDOW, so kiem cannot be used to flood a mailbox. */
enum { THROTTLE_MAIL = 10 };
extern int throttle_mail_limit;

/* Counts a request that sends mail from this address: *wait is 0 if it
 * may go ahead, otherwise the seconds to wait (and it is not counted). */
int throttle_mail(struct store *s, const char *address, time_t now, long *wait);
/* Deletes the rows whose time has passed at now (what every write of this
 * module does for some of them); returns how many went, or ERR_DB. */
int throttle_sweep(struct store *s, time_t now);
/* Forgets everything (for tests). */
int throttle_reset(struct store *s);

#endif
