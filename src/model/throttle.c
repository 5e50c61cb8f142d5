#include "throttle.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

enum { SLOTS = 8192 };

struct slot {
	uint64_t key;   /* a hash of "a:" email, "i:" address or "m:" address; 0 is free */
	time_t start;   /* when the window began */
	int failures;   /* or, for "m:", the requests */
};

int throttle_mail_limit = THROTTLE_MAIL;

static struct slot slots[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t key_of(char kind, const char *s)
{
	uint64_t h = 1469598103934665603ull ^ (unsigned char)kind;
	for (const char *p = s; *p; p++) {
		h ^= (unsigned char)tolower((unsigned char)*p);
		h *= 1099511628211ull;
	}
	return h ? h : 1;
}

/* The slot of a key; a new one replaces a slot whose window has passed
 * or, failing that, the one at the key's place. Under the lock. */
static struct slot *find(uint64_t key, time_t now, bool make)
{
	struct slot *home = &slots[key % SLOTS];
	for (int i = 0; i < 4; i++) {
		struct slot *s = &slots[(key + (uint64_t)i) % SLOTS];
		if (s->key == key) {
			if (now - s->start >= THROTTLE_WINDOW) {
				s->start = now;
				s->failures = 0;
			}
			return s;
		}
	}
	if (!make)
		return NULL;
	for (int i = 0; i < 4; i++) {
		struct slot *s = &slots[(key + (uint64_t)i) % SLOTS];
		if (!s->key || now - s->start >= THROTTLE_WINDOW) {
			*s = (struct slot){ key, now, 0 };
			return s;
		}
	}
	*home = (struct slot){ key, now, 0 };
	return home;
}

static long wait_for(uint64_t key, int limit, time_t now)
{
	struct slot *s = find(key, now, false);
	if (!s || s->failures < limit)
		return 0;
	long left = (long)(s->start + THROTTLE_WINDOW - now);
	return left > 0 ? left : 0;
}

long throttle_wait(const char *email, const char *address, time_t now)
{
	pthread_mutex_lock(&lock);
	long a = email && *email ? wait_for(key_of('a', email), THROTTLE_ACCOUNT, now) : 0;
	long i = address && *address ? wait_for(key_of('i', address), THROTTLE_ADDRESS, now) : 0;
	pthread_mutex_unlock(&lock);
	return a > i ? a : i;
}

void throttle_failed(const char *email, const char *address, time_t now)
{
	pthread_mutex_lock(&lock);
	if (email && *email)
		find(key_of('a', email), now, true)->failures++;
	if (address && *address)
		find(key_of('i', address), now, true)->failures++;
	pthread_mutex_unlock(&lock);
}

void throttle_passed(const char *email)
{
	if (!email || !*email)
		return;
	pthread_mutex_lock(&lock);
	struct slot *s = find(key_of('a', email), time(NULL), false);
	if (s)
		memset(s, 0, sizeof *s);
	pthread_mutex_unlock(&lock);
}

long throttle_mail(const char *address, time_t now)
{
	if (!address || !*address)
		return 0;
	pthread_mutex_lock(&lock);
	uint64_t key = key_of('m', address);
	long wait = wait_for(key, throttle_mail_limit, now);
	if (!wait)
		find(key, now, true)->failures++;
	pthread_mutex_unlock(&lock);
	return wait;
}

void throttle_reset(void)
{
	pthread_mutex_lock(&lock);
	memset(slots, 0, sizeof slots);
	pthread_mutex_unlock(&lock);
}
