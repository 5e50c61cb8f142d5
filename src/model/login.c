#include "login.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../base/err.h"
#include "../base/text.h"
#include "settings.h"
#include "throttle.h"

/* The cookie for email given at time issued, with the instance's key. */
static int device_make(struct store *s, const char *email, long long issued,
		       char out[LOGIN_DEVICE_STRLEN + 1])
{
	unsigned char key[32], mac[crypto_auth_hmacsha512256_BYTES];
	_Static_assert(crypto_auth_hmacsha512256_KEYBYTES == 32, "a 32-byte key");
	_Static_assert(crypto_auth_hmacsha512256_BYTES == 32, "a MAC of 43 base64url characters");
	int rc = settings_key(s, "login_device", key);
	if (rc)
		return rc;
	char when[24];
	snprintf(when, sizeof when, "%lld", issued);
	crypto_auth_hmacsha512256_state st;
	crypto_auth_hmacsha512256_init(&st, key, sizeof key);
	crypto_auth_hmacsha512256_update(&st, (const unsigned char *)"kiem login device\n", 18);
	crypto_auth_hmacsha512256_update(&st, (const unsigned char *)email, strlen(email));
	crypto_auth_hmacsha512256_update(&st, (const unsigned char *)"\n", 1);
	crypto_auth_hmacsha512256_update(&st, (const unsigned char *)when, strlen(when));
	crypto_auth_hmacsha512256_final(&st, mac);
	sodium_memzero(key, sizeof key);
	char b64[SECRET_STRLEN + 1];
	text_base64url(mac, sizeof mac, b64);
	snprintf(out, LOGIN_DEVICE_STRLEN + 1, "%.20s.%.43s", when, b64);
	return 0;
}

/* Whether a browser's cookie says it logged in to email, within the days
 * a cookie works. */
static bool device_valid(struct store *s, const char *email, const char *cookie, time_t now)
{
	if (!cookie || strlen(cookie) > LOGIN_DEVICE_STRLEN)
		return false;
	char *end;
	long long issued = strtoll(cookie, &end, 10);
	if (end == cookie || *end != '.' || issued > (long long)now + 60
	    || (long long)now - issued >= LOGIN_DEVICE_DAYS * 86400LL)
		return false;
	char want[LOGIN_DEVICE_STRLEN + 1];
	if (device_make(s, email, issued, want))
		return false;
	size_t n = strlen(want);
	return strlen(cookie) == n && sodium_memcmp(want, cookie, n) == 0;
}

int login_check(struct store *s, struct arena *a, const char *email, const char *password,
		const char *address, const char *device, struct login *out)
{
	time_t now = time(NULL);
	const char *normal = email_normal(a, email ? email : "");
	struct login_attempt t = { .email = normal, .address = address };
	t.known_browser = device && *normal && device_valid(s, normal, device, now);
	out->device[0] = 0;
	int rc = throttle_login_check(s, &t, now, &out->wait);
	if (rc)
		return rc; /* not let in without its counts */
	if (out->wait > 0)
		return ERR_BUSY;
	rc = user_authenticate(s, a, normal, password ? password : "", &out->user);
	if (rc == ERR_AUTH) {
		/* still a wrong password if it could not be counted (logged) */
		throttle_login_failed(s, &t, now);
		return rc;
	}
	if (rc && rc != ERR_UNCONFIRMED)
		return rc;
	/* the right password: no failure to count; the login stands if the
	 * bookkeeping fails (logged) */
	throttle_login_passed(s, &t, now);
	if (!rc && device_make(s, normal, (long long)now, out->device))
		out->device[0] = 0; /* no cookie: the login itself is fine */
	return rc;
}
