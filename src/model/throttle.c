#include "throttle.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include "../base/log.h"
#include "../base/timefmt.h"

enum { SLOTS = 8192, KNOWN_SLOTS = 8192, PROBES = 4 };

/* How an attempt's source is known to the account. */
enum trust { TRUST_NONE, TRUST_ADDRESS, TRUST_BROWSER };

/* A count in a window. Its key is a hash of a kind and the text counted:
 * 'a' an account (from sources new to it), 'k' an account from one address
 * it knows, 'b' an account from its known browsers, 'i' an address, 'm' an
 * address's mail requests. 0 is free. */
struct slot {
	uint64_t key;
	time_t start;   /* when the window began */
	int failures;   /* or, for 'm', the requests */
};

/* An address the account logged in from: 'K' over the email and the address. */
struct known {
	uint64_t key;
	time_t at;      /* the last good login from it */
};

int throttle_account_limit = THROTTLE_ACCOUNT;
int throttle_address_limit = THROTTLE_ADDRESS;
int throttle_window = THROTTLE_WINDOW;
int throttle_mail_limit = THROTTLE_MAIL;

static struct slot slots[SLOTS];
static struct known known[KNOWN_SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t mix(uint64_t h, const char *s)
{
	for (const char *p = s; p && *p; p++) {
		h ^= (unsigned char)tolower((unsigned char)*p);
		h *= 1099511628211ull;
	}
	return h;
}

/* The key of a kind of count over one text, or two (email, address). */
static uint64_t key_of(char kind, const char *s, const char *t)
{
	uint64_t h = mix(1469598103934665603ull ^ (unsigned char)kind, s);
	if (t) {
		h ^= 0xff; /* a separator no text holds */
		h *= 1099511628211ull;
		h = mix(h, t);
	}
	return h ? h : 1;
}

/* The slot of a key; a new one replaces a slot whose window has passed
 * or, failing that, the one at the key's place. Under the lock. */
static struct slot *find(uint64_t key, int window, time_t now, bool make)
{
	struct slot *home = &slots[key % SLOTS];
	for (int i = 0; i < PROBES; i++) {
		struct slot *s = &slots[(key + (uint64_t)i) % SLOTS];
		if (s->key == key) {
			if (now - s->start >= window) {
				s->start = now;
				s->failures = 0;
			}
			return s;
		}
	}
	if (!make)
		return NULL;
	/* a slot is free once the longest window has passed */
	int stale = throttle_window > THROTTLE_WINDOW ? throttle_window : THROTTLE_WINDOW;
	for (int i = 0; i < PROBES; i++) {
		struct slot *s = &slots[(key + (uint64_t)i) % SLOTS];
		if (!s->key || now - s->start >= stale) {
			*s = (struct slot){ key, now, 0 };
			return s;
		}
	}
	*home = (struct slot){ key, now, 0 };
	return home;
}

static long wait_for(uint64_t key, int limit, int window, time_t now)
{
	struct slot *s = find(key, window, now, false);
	if (!s || s->failures < limit)
		return 0;
	long left = (long)(s->start + window - now);
	return left > 0 ? left : 0;
}

/* Whether the account logged in from the address within THROTTLE_KNOWN_DAYS. */
static bool is_known(uint64_t key, time_t now)
{
	for (int i = 0; i < PROBES; i++) {
		const struct known *k = &known[(key + (uint64_t)i) % KNOWN_SLOTS];
		if (k->key == key)
			return now - k->at < THROTTLE_KNOWN_DAYS * 86400L;
	}
	return false;
}

/* Remembers a good login from an address: in its own place, else a free
 * one, else the oldest of the key's places. */
static void remember(uint64_t key, time_t now)
{
	struct known *oldest = NULL;
	for (int i = 0; i < PROBES; i++) {
		struct known *k = &known[(key + (uint64_t)i) % KNOWN_SLOTS];
		if (k->key == key) {
			k->at = now;
			return;
		}
		if (!oldest || !k->key || (oldest->key && k->at < oldest->at))
			oldest = k;
	}
	*oldest = (struct known){ key, now };
}

static bool given(const char *s)
{
	return s && *s;
}

long throttle_login_check(struct login_attempt *t, time_t now)
{
	pthread_mutex_lock(&lock);
	t->trust = TRUST_NONE;
	t->account_key = 0;
	if (given(t->email)) {
		uint64_t k = given(t->address) ? key_of('K', t->email, t->address) : 0;
		if (k && is_known(k, now)) {
			t->trust = TRUST_ADDRESS;
			t->account_key = key_of('k', t->email, t->address);
		} else if (t->known_browser) {
			t->trust = TRUST_BROWSER;
			t->account_key = key_of('b', t->email, NULL);
		} else {
			t->account_key = key_of('a', t->email, NULL);
		}
	}
	long a = t->account_key ? wait_for(t->account_key, throttle_account_limit, throttle_window, now) : 0;
	long i = given(t->address)
		? wait_for(key_of('i', t->address, NULL), throttle_address_limit, throttle_window, now) : 0;
	pthread_mutex_unlock(&lock);
	return a > i ? a : i;
}

/* Text a client typed, fit for one log line: at most 100 bytes, control
 * characters and quotes as '?'. */
static void loggable(const char *s, char out[101])
{
	size_t n = 0;
	for (; s && s[n] && n < 100; n++) {
		unsigned char c = (unsigned char)s[n];
		out[n] = c < 0x20 || c == 0x7f || c == '"' ? '?' : (char)c;
	}
	out[n] = 0;
}

void throttle_login_failed(struct login_attempt *t, time_t now)
{
	char until[TIME_STRLEN + 1], who[101], where[101];
	pthread_mutex_lock(&lock);
	struct slot *s = t->account_key ? find(t->account_key, throttle_window, now, true) : NULL;
	bool account_locked = s && ++s->failures == throttle_account_limit;
	if (account_locked)
		time_format(s->start + throttle_window, until);
	struct slot *i = given(t->address) ? find(key_of('i', t->address, NULL), throttle_window, now, true) : NULL;
	bool address_locked = i && ++i->failures == throttle_address_limit;
	char address_until[TIME_STRLEN + 1];
	if (address_locked)
		time_format(i->start + throttle_window, address_until);
	pthread_mutex_unlock(&lock);

	loggable(t->email, who);
	loggable(t->address, where);
	static const char *const from[] = {
		[TRUST_NONE] = "from addresses and browsers new to it",
		[TRUST_ADDRESS] = "from the address",
		[TRUST_BROWSER] = "from the browsers that logged in to it before",
	};
	if (account_locked)
		log_warn("login: account \"%s\" locked %s%s%s until %s, after %d failed logins", who,
			 from[t->trust], t->trust == TRUST_ADDRESS ? " " : "", t->trust == TRUST_ADDRESS ? where : "",
			 until, throttle_account_limit);
	if (address_locked)
		log_warn("login: address %s locked for every account until %s, after %d failed logins", where,
			 address_until, throttle_address_limit);
}

void throttle_login_passed(struct login_attempt *t, time_t now)
{
	if (!given(t->email))
		return;
	pthread_mutex_lock(&lock);
	/* the failures that held up this source are forgotten; those of the
	 * account's other sources stay */
	struct slot *s = t->account_key ? find(t->account_key, throttle_window, now, false) : NULL;
	if (s)
		memset(s, 0, sizeof *s);
	if (given(t->address))
		remember(key_of('K', t->email, t->address), now);
	pthread_mutex_unlock(&lock);
}

long throttle_mail(const char *address, time_t now)
{
	if (!given(address))
		return 0;
	pthread_mutex_lock(&lock);
	uint64_t key = key_of('m', address, NULL);
	long wait = wait_for(key, throttle_mail_limit, THROTTLE_WINDOW, now);
	if (!wait)
		find(key, THROTTLE_WINDOW, now, true)->failures++;
	pthread_mutex_unlock(&lock);
	return wait;
}

void throttle_reset(void)
{
	pthread_mutex_lock(&lock);
	memset(slots, 0, sizeof slots);
	memset(known, 0, sizeof known);
	pthread_mutex_unlock(&lock);
}
