/* periodic: a worker of `kiem serve` that runs a task a while after the
 * start and then at a fixed interval, in a thread of its own that takes no
 * signals, until it is stopped (waiting for a run in progress). A task
 * with a lease runs only while this node holds it (worker.h): with
 * several nodes, on one of them. */
#ifndef KIEM_WORKER_PERIODIC_H
#define KIEM_WORKER_PERIODIC_H

#include <pthread.h>
#include <stdbool.h>

struct store;

struct periodic {
	int first_delay_s; /* from the start to the first run */
	int every_s;       /* from the end of a run to the next */
	void (*run)(struct store *s);
	const char *lease; /* its name, or NULL: runs on every node */
	bool run_at_stop;  /* once more after the stop, lease permitting */
	/* the worker's own state */
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_t thread;
	bool running, stopping, woken;
	struct store *store;
};

#define PERIODIC_INIT(first, every, fn) \
	{ .first_delay_s = (first), .every_s = (every), .run = (fn), \
	  .lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER }
#define PERIODIC_LEASED(first, every, fn, name, at_stop) \
	{ .first_delay_s = (first), .every_s = (every), .run = (fn), .lease = (name), \
	  .run_at_stop = (at_stop), .lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER }

/* Starts the worker (nothing if it runs already), and wants its lease;
 * ERR_NOMEM if the thread cannot start. */
int periodic_start(struct periodic *p, struct store *s);
/* Stops the worker, waiting for a run in progress to end; then the last
 * run if run_at_stop, and gives the lease back. */
void periodic_stop(struct periodic *p);
/* Runs the task now (or right after a run in progress), not at its time. */
void periodic_wake(struct periodic *p);

#endif
