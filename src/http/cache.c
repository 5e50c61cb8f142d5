#include "cache.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"

enum { SLOTS = 4096, STRIPES = 64, ENTRY_MAX = 512 * 1024 };

struct slot {
	char *key;
	size_t klen;
	char *body;
	size_t len;
	uint64_t generation;
	int status;
	const char *ctype;
};

static struct slot *slots;
static pthread_mutex_t stripes[STRIPES];
static size_t budget;
static atomic_size_t used;

static uint64_t hash(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ull;
	}
	return h;
}

void cache_init(size_t max_bytes)
{
	budget = max_bytes;
	if (!budget)
		return;
	slots = calloc(SLOTS, sizeof *slots);
	if (!slots) {
		budget = 0;
		return;
	}
	for (int i = 0; i < STRIPES; i++)
		pthread_mutex_init(&stripes[i], NULL);
}

static void clear(struct slot *s)
{
	atomic_fetch_sub(&used, s->klen + s->len);
	free(s->key);
	free(s->body);
	memset(s, 0, sizeof *s);
}

void cache_release(void)
{
	if (!slots)
		return;
	for (int i = 0; i < SLOTS; i++)
		if (slots[i].key)
			clear(&slots[i]);
	free(slots);
	slots = NULL;
	for (int i = 0; i < STRIPES; i++)
		pthread_mutex_destroy(&stripes[i]);
	budget = 0;
}

bool cache_get(const char *key, size_t klen, uint64_t generation, struct buf *out, int *status,
	       const char **ctype)
{
	if (!slots)
		return false;
	uint64_t h = hash(key, klen);
	struct slot *s = &slots[h % SLOTS];
	pthread_mutex_t *m = &stripes[h % STRIPES];
	bool hit = false;
	pthread_mutex_lock(m);
	if (s->key && s->generation == generation && s->klen == klen && memcmp(s->key, key, klen) == 0) {
		buf_add(out, s->body, s->len);
		*status = s->status;
		*ctype = s->ctype;
		hit = !out->err;
	}
	pthread_mutex_unlock(m);
	return hit;
}

void cache_put(const char *key, size_t klen, uint64_t generation, int status, const char *ctype,
	       const char *body, size_t len)
{
	if (!slots || len > ENTRY_MAX)
		return;
	uint64_t h = hash(key, klen);
	struct slot *s = &slots[h % SLOTS];
	pthread_mutex_t *m = &stripes[h % STRIPES];
	pthread_mutex_lock(m);
	if (s->key && s->generation > generation) {
		pthread_mutex_unlock(m); /* keep the newer */
		return;
	}
	if (s->key)
		clear(s);
	if (atomic_load(&used) + klen + len <= budget) {
		char *k = malloc(klen), *b = malloc(len ? len : 1);
		if (k && b) {
			memcpy(k, key, klen);
			memcpy(b, body, len);
			*s = (struct slot){ k, klen, b, len, generation, status, ctype };
			atomic_fetch_add(&used, klen + len);
		} else {
			free(k);
			free(b);
		}
	}
	pthread_mutex_unlock(m);
}
