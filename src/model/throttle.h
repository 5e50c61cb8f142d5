/* throttle: limits on failed logins, per account and per address, so that
 * passwords cannot be guessed at speed. Kept in memory: each kiem process
 * counts its own (behind a load balancer, the limit applies per node).
 *
 * After THROTTLE_ACCOUNT failures for one account, or THROTTLE_ADDRESS from
 * one address, within THROTTLE_WINDOW seconds, further attempts are refused
 * until the window has passed, even with the right password. */
#ifndef KIEM_THROTTLE_H
#define KIEM_THROTTLE_H

#include <stdbool.h>
#include <time.h>

enum { THROTTLE_ACCOUNT = 5, THROTTLE_ADDRESS = 20, THROTTLE_WINDOW = 15 * 60 };

/* Requests that send mail to an address someone types (registration, a new
 * confirmation link, a password reset) are limited per client address to
 * throttle_mail_limit (THROTTLE_MAIL unless KIEM_MAIL_LIMIT says otherwise)
 * within THROTTLE_WINDOW, so kiem cannot be used to flood a mailbox. */
enum { THROTTLE_MAIL = 10 };
extern int throttle_mail_limit;

/* 0 if a login may be tried now; otherwise the seconds to wait. */
long throttle_wait(const char *email, const char *address, time_t now);
/* Counts a failed login. */
void throttle_failed(const char *email, const char *address, time_t now);
/* Forgets the account's failures after a good login. */
void throttle_passed(const char *email);
/* Counts a request that sends mail from this address: 0 if it may go
 * ahead, otherwise the seconds to wait (and it is not counted). */
long throttle_mail(const char *address, time_t now);
/* Forgets everything (for tests). */
void throttle_reset(void);

#endif
