/* worker: the background workers of `kiem serve`, each a thread of its own
 * that takes no signals (periodic.h), started before the server and
 * stopped after it, before the store is closed. The mail worker, which has
 * settings of its own, is in mailer.h.
 *
 * Several nodes on one database run each job once: a job runs only while
 * this node holds its lease (model/lease.h), and the other nodes' workers
 * of that job wait, taking it over when it is given back (at a stop) or
 * expires (a node that died): within LEASE_RENEW_S, or LEASE_S. */
#ifndef KIEM_WORKER_H
#define KIEM_WORKER_H

#include <stdbool.h>

struct store;

/* A lease lasts LEASE_S seconds and is renewed every LEASE_RENEW_S by a
 * worker of its own, while the job runs too; this node stops counting it
 * as its own LEASE_MARGIN_S seconds before it expires, so the nodes'
 * clocks may differ by that much. */
enum { LEASE_S = 60, LEASE_RENEW_S = 15, LEASE_MARGIN_S = 20 };

/* The job name (a string literal) wants its lease: taken at once if it is
 * free, and renewed (or taken when free) until leases_drop(), which gives
 * it back. ERR_USAGE for too many names, ERR_NOMEM if the worker does not
 * start. */
int leases_want(struct store *s, const char *name);
void leases_drop(const char *name);
/* Whether this node holds the lease of name now: the job may run. */
bool leases_mine(const char *name);

/* Runs the inactivity sweep shortly after the start and then every hour
 * (nothing when period is 0); a failed run is logged. sweeper_stop() waits
 * for a run in progress to end. */
int sweeper_start(struct store *s, int period, int grace);
void sweeper_stop(void);
/* Composes the daily digest of notifications a minute after the start and
 * then every 24 hours; digester_stop() waits for a pass in progress. */
int digester_start(struct store *s);
void digester_stop(void);
/* Carries out the queued requests that mail an address someone typed
 * (model/account.h); requester_stop() waits for the work in progress. */
int requester_start(struct store *s);
void requester_stop(void);

#endif
