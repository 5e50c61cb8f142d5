#include "uuid.h"

#include <pthread.h>
#include <sodium.h>
#include <stdint.h>
#include <time.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t last_ms;
static unsigned counter;

void uuid7_new(char out[UUID_STRLEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[16];
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t ms = (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;

	randombytes_buf(b, sizeof b);
	pthread_mutex_lock(&lock);
	if (ms <= last_ms) {
		ms = last_ms;
		if (++counter > 0xfff) { /* counter spent: borrow the next millisecond */
			ms = ++last_ms;
			counter = 0;
		}
	} else {
		last_ms = ms;
		counter = (unsigned)(b[6] & 0x07) << 8 | b[7]; /* start low, room to count */
	}
	unsigned c = counter;
	pthread_mutex_unlock(&lock);

	for (int i = 0; i < 6; i++)
		b[i] = (unsigned char)(ms >> (40 - 8 * i));
	b[6] = (unsigned char)(0x70 | (c >> 8));
	b[7] = (unsigned char)c;
	b[8] = (unsigned char)(0x80 | (b[8] & 0x3f));

	char *p = out;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*p++ = '-';
		*p++ = hex[b[i] >> 4];
		*p++ = hex[b[i] & 15];
	}
	*p = 0;
}

bool uuid_valid(const char *s, size_t len)
{
	if (len != UUID_STRLEN)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (c != '-')
				return false;
		} else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
			return false;
		}
	}
	return true;
}
