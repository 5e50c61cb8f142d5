/* login: logging in with an email address and a password, held up by the
 * limits of throttle.h, and the cookie by which a browser that logged in
 * to an account before is known to it.
 *
 * That cookie (LOGIN_DEVICE_COOKIE) holds when it was given and a MAC, by
 * a key the instance keeps (settings.h), over the account's email and that
 * time; it lets no one in, it only keeps its browser out of the lock that
 * failures from elsewhere put on the account. It is given at each login
 * and works LOGIN_DEVICE_DAYS. */
#ifndef KIEM_LOGIN_H
#define KIEM_LOGIN_H

#include "user.h"

struct arena;
struct store;

#define LOGIN_DEVICE_COOKIE "kiem_device"
enum {
	LOGIN_DEVICE_DAYS = 180,
	LOGIN_DEVICE_STRLEN = 64, /* at most: seconds, '.', 43 characters of MAC */
};

struct login {
	struct user user;                       /* with 0 or ERR_UNCONFIRMED */
	long wait;                              /* with ERR_BUSY: the seconds to wait */
	char device[LOGIN_DEVICE_STRLEN + 1];   /* with 0: the browser's new cookie */
};

/* Checks an email and password from a client at address (its browser
 * showed device, the cookie above, or NULL). ERR_BUSY when too many
 * failures hold this client up (not even the right password is tried);
 * ERR_AUTH for a wrong email or password (counted as a failure);
 * ERR_UNCONFIRMED when they are right but the address waits for its
 * confirmation; 0 when they are right. The email is taken as kiem finds
 * the account (email_normal), for the limits too. */
int login_check(struct store *s, struct arena *a, const char *email, const char *password,
		const char *address, const char *device, struct login *out);

#endif
