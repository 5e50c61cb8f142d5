#include "periodic.h"

#include <signal.h>
#include <time.h>

#include "../base/err.h"
#include "worker.h"

static void *work(void *arg)
{
	struct periodic *p = arg;
	time_t next = time(NULL) + p->first_delay_s;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		struct timespec until = { .tv_sec = next };
		while (!p->stopping && !p->woken && time(NULL) < next)
			pthread_cond_timedwait(&p->wake, &p->lock, &until);
		if (p->stopping)
			break;
		p->woken = false;
		pthread_mutex_unlock(&p->lock);
		if (!p->lease || leases_mine(p->lease))
			p->run(p->store);
		next = time(NULL) + p->every_s;
		pthread_mutex_lock(&p->lock);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

int periodic_start(struct periodic *p, struct store *s)
{
	pthread_mutex_lock(&p->lock);
	p->store = s;
	p->stopping = false;
	int rc = 0;
	if (!p->running && p->lease && leases_want(s, p->lease))
		rc = ERR_NOMEM;
	else if (!p->running) {
		/* the worker takes no signals: they belong to the server */
		sigset_t all, old;
		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old);
		rc = pthread_create(&p->thread, NULL, work, p) == 0 ? 0 : ERR_NOMEM;
		p->running = rc == 0;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		if (rc && p->lease)
			leases_drop(p->lease);
	}
	pthread_mutex_unlock(&p->lock);
	return rc;
}

void periodic_stop(struct periodic *p)
{
	pthread_mutex_lock(&p->lock);
	bool was = p->running;
	p->stopping = true;
	pthread_cond_signal(&p->wake);
	pthread_mutex_unlock(&p->lock);
	if (was)
		pthread_join(p->thread, NULL);
	if (was && p->run_at_stop && (!p->lease || leases_mine(p->lease)))
		p->run(p->store);
	if (was && p->lease)
		leases_drop(p->lease);
	pthread_mutex_lock(&p->lock);
	p->running = false;
	pthread_mutex_unlock(&p->lock);
}

void periodic_wake(struct periodic *p)
{
	pthread_mutex_lock(&p->lock);
	p->woken = true;
	pthread_cond_signal(&p->wake);
	pthread_mutex_unlock(&p->lock);
}
