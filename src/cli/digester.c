/* The worker of `kiem serve` that composes the daily email digest of
 * notifications (model/notify.h): a minute after the start, then every 24
 * hours. */
#include <pthread.h>
#include <signal.h>
#include <time.h>

#include "../base/err.h"
#include "../base/log.h"
#include "../model/notify.h"
#include "cli.h"

enum { FIRST_DELAY_S = 60, EVERY_S = 24 * 3600 };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static pthread_t worker;
static bool running, stopping;
static struct store *store;

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
		int mails = 0;
		int rc = notification_digest(store, time(NULL), &mails);
		if (rc)
			log_error("the digest pass failed (%s); it runs again tomorrow", err_str(rc));
		else if (mails)
			log_info("digest: %d mails queued", mails);
		next = time(NULL) + EVERY_S;
		pthread_mutex_lock(&lock);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

int digester_start(struct store *s)
{
	pthread_mutex_lock(&lock);
	store = s;
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

void digester_stop(void)
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
