/* worker: the background workers of `kiem serve`, each a thread of its own
 * that takes no signals (periodic.h), started before the server and
 * stopped after it, before the store is closed. The mail worker, which has
 * settings of its own, is in mailer.h. */
#ifndef KIEM_WORKER_H
#define KIEM_WORKER_H

struct store;

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
