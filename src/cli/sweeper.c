/* The inactivity sweep's settings and the worker of `kiem serve` that runs
 * it: shortly after the start, then every hour (model/inactivity.h). */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>

#include "../base/err.h"
#include "../base/log.h"
#include "../model/inactivity.h"
#include "cli.h"

int cli_inactivity_config(int *period, int *grace)
{
	*period = INACTIVE_DAYS_DEFAULT;
	*grace = INACTIVE_GRACE_DAYS_DEFAULT;
	const char *p = getenv("KIEM_INACTIVE_DAYS"), *g = getenv("KIEM_INACTIVE_GRACE_DAYS");
	if (p && *p && !inactivity_parse_days(p, period)) {
		cli_error("KIEM_INACTIVE_DAYS must be a whole number of days from 0 (never) to %d, not '%s'",
			  INACTIVE_DAYS_MAX, p);
		return 2;
	}
	if (g && *g && !inactivity_parse_days(g, grace)) {
		cli_error("KIEM_INACTIVE_GRACE_DAYS must be a whole number of days from 0 to %d, not '%s'",
			  INACTIVE_DAYS_MAX, g);
		return 2;
	}
	return 0;
}

enum { FIRST_DELAY_S = 10, EVERY_S = 3600 };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static pthread_t worker;
static bool running, stopping;
static struct store *store;
static int period_days, grace_days;

static void *work(void *arg)
{
	(void)arg;
	time_t next = time(NULL) + FIRST_DELAY_S;
	pthread_mutex_lock(&lock);
	for (;;) {
		struct timespec until = { .tv_sec = next };
		while (!stopping && time(NULL) < next)
			pthread_cond_timedwait(&wake, &lock, &until);
		if (stopping)
			break;
		pthread_mutex_unlock(&lock);
		struct inactivity_counts n;
		int rc = inactivity_sweep(store, time(NULL), period_days, grace_days, false, NULL, NULL, &n);
		if (rc)
			log_error("the inactivity sweep failed (%s); it runs again in an hour", err_str(rc));
		if (n.warned || n.erased || n.deleted)
			log_info("inactivity sweep: %d warned, %d erased, %d unconfirmed deleted", n.warned,
				 n.erased, n.deleted);
		next = time(NULL) + EVERY_S;
		pthread_mutex_lock(&lock);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

int sweeper_start(struct store *s, int period, int grace)
{
	if (period <= 0) {
		log_info("the inactivity sweep is off (KIEM_INACTIVE_DAYS=0)");
		return 0;
	}
	pthread_mutex_lock(&lock);
	store = s;
	period_days = period;
	grace_days = grace;
	stopping = false;
	int rc = 0;
	if (!running) {
		/* the worker takes no signals: they belong to the server */
		sigset_t all, old;
		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old);
		rc = pthread_create(&worker, NULL, work, NULL) == 0 ? 0 : ERR_NOMEM;
		running = rc == 0;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	}
	pthread_mutex_unlock(&lock);
	return rc;
}

void sweeper_stop(void)
{
	pthread_mutex_lock(&lock);
	bool was = running;
	stopping = true;
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	if (was)
		pthread_join(worker, NULL);
	pthread_mutex_lock(&lock);
	running = false;
	pthread_mutex_unlock(&lock);
}
