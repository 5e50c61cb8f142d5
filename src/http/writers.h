/* writers: the threads that run the requests that write.
 *
 * A write is answered only once its batch has committed (store.h, group
 * commit), and it waits for that on the thread that runs it. On one of
 * libmicrohttpd's workers (by default one a processor) a waiting write would
 * hold up every other connection of that worker, reads too, and a batch
 * could hold no more writes than there are workers: with 2 workers, 32
 * writing clients got no more than one. So server.c suspends a write's
 * connection (MHD_suspend_connection) and hands the request to one of these
 * threads; the worker goes on with its other connections, and the thread
 * resumes the connection when the answer is ready.
 *
 * Threads are started as writes need them, up to a cap, and then kept: a
 * thread that waits for a commit costs no processor time, only its stack
 * and, once it has read something, its own read connection to the database
 * (on PostgreSQL a server connection: count them in max_connections). When
 * every thread is busy, writes queue with their connections suspended,
 * holding no thread. Private to the http layer. */
#ifndef KIEM_HTTP_WRITERS_H
#define KIEM_HTTP_WRITERS_H

#include <stdbool.h>

/* One piece of work, owned by the caller until fn has run; fn runs on one of
 * the threads and is the last to touch the job. */
struct writers_job {
	struct writers_job *next; /* the queue's */
	void (*fn)(void *arg);
	void *arg;
};

/* Lets at most max threads run jobs (at least 1). Non-zero if it cannot
 * (out of memory). No thread starts before a job needs it. */
int writers_start(unsigned max);

/* Queues job; false if it cannot be taken (not started, or stopping): then
 * the caller runs it itself. */
bool writers_run(struct writers_job *job);

/* Runs what was queued to its end, then stops and joins the threads. */
void writers_stop(void);

#endif
