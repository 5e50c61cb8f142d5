#include "overview.h"

#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../store/store.h"

/* When the last count took less than this, a request waits for the recount
 * (at most WAIT_MS) rather than show old figures. */
enum { QUICK_MS = 20, WAIT_MS = 2000 };

struct counted {
	struct overview o; /* rows and their strings live in the arena below */
	struct arena *arena;
	uint64_t generation;
	double took_ms;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static pthread_cond_t done = PTHREAD_COND_INITIALIZER;
static struct counted *latest;
static struct store *worker_store;
static pthread_t worker;
static bool running, wanted, stopping;
static uint64_t counting; /* the generation a count under way started from, or 0 */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Counts afresh, on the worker's own snapshot; NULL on failure. Public
 * parties only: the overview is the same for every visitor. */
static struct counted *count(struct store *s)
{
	struct counted *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->arena = arena_new();
	/* the generation before the snapshot: the figures are at least this new */
	c->generation = store_generation(s);
	double start = now_ms();
	struct viewer anonymous = { 0 };
	int rc = store_read_begin(s);
	if (!rc)
		rc = party_count_by_kind(s, &anonymous, c->o.by_kind);
	if (!rc)
		rc = party_counts_by_area(s, c->arena, &anonymous, &c->o.rows, &c->o.nrows);
	store_read_end(s);
	if (rc) {
		arena_free(c->arena);
		free(c);
		return NULL;
	}
	for (int k = 0; k < KIND_COUNT; k++)
		c->o.total += c->o.by_kind[k];
	time_now(c->o.computed_at);
	c->took_ms = now_ms() - start;
	return c;
}

static void release(struct counted *c)
{
	if (c) {
		arena_free(c->arena);
		free(c);
	}
}

/* Keeps c if it is newer than what there is; under the lock. */
static void keep(struct counted *c)
{
	if (!c)
		return;
	if (latest && latest->generation > c->generation) {
		release(c);
		return;
	}
	release(latest);
	latest = c;
}

static void *work(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	for (;;) {
		while (!wanted && !stopping)
			pthread_cond_wait(&wake, &lock);
		if (stopping)
			break;
		wanted = false;
		counting = store_generation(worker_store) + 1; /* + 1: 0 means none */
		pthread_mutex_unlock(&lock);
		double start = now_ms();
		struct counted *c = count(worker_store);
		if (!c)
			log_error("overview: could not count the parties");
		else if (now_ms() - start > 1000)
			log_info("overview: counted in %.0f ms", now_ms() - start);
		pthread_mutex_lock(&lock);
		counting = 0;
		keep(c);
		pthread_cond_broadcast(&done);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

int overview_start(struct store *s)
{
	pthread_mutex_lock(&lock);
	int rc = 0;
	if (!running) {
		worker_store = s;
		stopping = false;
		wanted = true;
		/* the worker takes no signals: SIGTERM is for the thread that serves */
		sigset_t all, old;
		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old);
		if (pthread_create(&worker, NULL, work, NULL) == 0)
			running = true;
		else
			rc = ERR_NOMEM;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	}
	pthread_mutex_unlock(&lock);
	return rc;
}

void overview_stop(void)
{
	pthread_mutex_lock(&lock);
	bool was = running;
	stopping = true;
	pthread_cond_signal(&wake);
	pthread_cond_broadcast(&done);
	pthread_mutex_unlock(&lock);
	if (was)
		pthread_join(worker, NULL);
	pthread_mutex_lock(&lock);
	running = false;
	release(latest);
	latest = NULL;
	pthread_mutex_unlock(&lock);
}

/* Copies the figures into the request's arena; under the lock. */
static void copy_out(const struct counted *c, struct arena *a, struct overview *out, bool stale)
{
	*out = c->o;
	out->stale = stale;
	out->rows = arena_alloc(a, sizeof *out->rows * (c->o.nrows + 1));
	for (size_t i = 0; i < c->o.nrows; i++) {
		out->rows[i] = c->o.rows[i];
		out->rows[i].code = arena_strdup(a, c->o.rows[i].code);
		out->rows[i].name = arena_strdup(a, c->o.rows[i].name);
		out->rows[i].level = arena_strdup(a, c->o.rows[i].level);
	}
}

int overview_get(struct store *s, struct arena *a, struct overview *out)
{
	uint64_t generation = store_generation(s);
	pthread_mutex_lock(&lock);
	if (!running) {
		pthread_mutex_unlock(&lock);
		return ERR_USAGE; /* overview_start() was not called */
	}
	if (!latest || latest->generation < generation) {
		/* unless the count under way already sees this generation */
		if (!counting || counting - 1 < generation) {
			wanted = true;
			pthread_cond_signal(&wake);
		}
		if (!latest || latest->took_ms < QUICK_MS) {
			struct timespec until;
			clock_gettime(CLOCK_REALTIME, &until);
			until.tv_nsec += (long)WAIT_MS % 1000 * 1000000L;
			until.tv_sec += WAIT_MS / 1000 + until.tv_nsec / 1000000000L;
			until.tv_nsec %= 1000000000L;
			while (!stopping && (!latest || latest->generation < generation))
				if (pthread_cond_timedwait(&done, &lock, &until))
					break;
		}
	}
	if (!latest) {
		pthread_mutex_unlock(&lock);
		return ERR_BUSY; /* the first count is not done yet */
	}
	copy_out(latest, a, out, latest->generation < generation);
	pthread_mutex_unlock(&lock);
	return 0;
}
