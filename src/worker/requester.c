/* The worker of `kiem serve` that carries out the queued requests that mail
 * an address someone typed (model/account.h): woken by each request, and
 * every few seconds for what another process or node queued or a failure
 * left. With several nodes, the one that holds the lease does them all. */
#include "../base/err.h"
#include "../base/log.h"
#include "../model/account.h"
#include "periodic.h"
#include "worker.h"

static void work(struct store *s)
{
	int done = 0;
	int rc = account_work(s, &done);
	if (rc)
		log_error("account requests: %s after %d; tried again in a few seconds", err_str(rc), done);
}

static struct periodic worker = PERIODIC_LEASED(0, 5, work, "requests", true);

static void wake(void)
{
	periodic_wake(&worker);
}

int requester_start(struct store *s)
{
	int rc = periodic_start(&worker, s);
	if (!rc)
		account_queued = wake;
	return rc;
}

void requester_stop(void)
{
	account_queued = NULL;
	/* and what the last requests queued goes now, not at the next start
	 * (run_at_stop) */
	periodic_stop(&worker);
}
