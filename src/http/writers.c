/* The threads that run the requests that write (writers.h). */
#include "writers.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>

#include "../base/err.h"
#include "../base/log.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work = PTHREAD_COND_INITIALIZER;
static struct writers_job *head, *tail; /* the queue, first in first out */
static pthread_t *threads;
static unsigned nthreads, cap, idle, queued; /* idle: threads waiting for a job */
static bool running, stopping;

static void *writer(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	for (;;) {
		while (!head && !stopping)
			pthread_cond_wait(&work, &lock);
		if (!head)
			break; /* stopping, with nothing left */
		struct writers_job *job = head;
		head = job->next;
		if (!head)
			tail = NULL;
		queued--;
		idle--;
		pthread_mutex_unlock(&lock);
		job->fn(job->arg);
		pthread_mutex_lock(&lock);
		idle++;
	}
	idle--;
	pthread_mutex_unlock(&lock);
	return NULL;
}

int writers_start(unsigned max)
{
	threads = calloc(max ? max : 1, sizeof *threads);
	if (!threads)
		return ERR_NOMEM;
	cap = max ? max : 1;
	nthreads = idle = queued = 0;
	head = tail = NULL;
	stopping = false;
	running = true;
	return 0;
}

/* Starts one more thread; the caller holds the lock. It takes no signal:
 * they are for the thread that waits for them (serve's). */
static bool more(void)
{
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	bool ok = pthread_create(&threads[nthreads], NULL, writer, NULL) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!ok) {
		log_error("cannot start a thread for writes (%u running)", nthreads);
		return false;
	}
	nthreads++;
	idle++;
	return true;
}

bool writers_run(struct writers_job *job)
{
	pthread_mutex_lock(&lock);
	bool ok = running && !stopping;
	/* a thread more when the idle ones have a job each already; if none can
	 * start, the job waits for a busy one, but never with no thread at all */
	if (ok && queued >= idle && nthreads < cap)
		ok = more() || nthreads > 0;
	if (ok) {
		queued++;
		job->next = NULL;
		if (tail)
			tail->next = job;
		else
			head = job;
		tail = job;
		pthread_cond_signal(&work);
	}
	pthread_mutex_unlock(&lock);
	return ok;
}

void writers_stop(void)
{
	pthread_mutex_lock(&lock);
	if (!running) {
		pthread_mutex_unlock(&lock);
		return;
	}
	stopping = true;
	pthread_cond_broadcast(&work);
	unsigned n = nthreads;
	pthread_mutex_unlock(&lock);
	for (unsigned i = 0; i < n; i++)
		pthread_join(threads[i], NULL);
	pthread_mutex_lock(&lock);
	free(threads);
	threads = NULL;
	nthreads = cap = idle = queued = 0;
	running = false;
	pthread_mutex_unlock(&lock);
}
