/* throttle: limits on failed logins, per account and per address, so that
 * passwords cannot be guessed at speed, without handing an attacker a
 * button that locks an account's owner out. Kept in memory: each kiem
 * process counts its own (behind a load balancer, the limit applies per
 * node), and a restart forgets it all.
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
 * lockout is logged once, when it starts: the account or the address,
 * and until when (never a password). */
#ifndef KIEM_THROTTLE_H
#define KIEM_THROTTLE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

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
	uint64_t account_key; /* the count this attempt's failure adds to */
	int trust;            /* how the source is known to the account */
};

/* 0 if the attempt may be tried now; otherwise the seconds to wait. */
long throttle_login_check(struct login_attempt *t, time_t now);
/* Counts a failed login; logs a lockout that it starts. */
void throttle_login_failed(struct login_attempt *t, time_t now);
/* After the right password: forgets the failures of this source for the
 * account, and remembers its address as known to the account. */
void throttle_login_passed(struct login_attempt *t, time_t now);

/* Requests that send mail to an address someone types (registration, a new
 * confirmation link, a password reset) are limited per client address to
 * throttle_mail_limit (THROTTLE_MAIL unless KIEM_MAIL_LIMIT says otherwise)
 * within THROTTLE_WINDOW, so kiem cannot be used to flood a mailbox. */
enum { THROTTLE_MAIL = 10 };
extern int throttle_mail_limit;

/* Counts a request that sends mail from this address: 0 if it may go
 * ahead, otherwise the seconds to wait (and it is not counted). */
long throttle_mail(const char *address, time_t now);
/* Forgets everything (for tests). */
void throttle_reset(void);

#endif
