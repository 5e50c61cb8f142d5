/* The worker of `kiem serve` that runs the inactivity sweep: shortly after
 * the start, then every hour (model/inactivity.h). */
#include <time.h>

#include "../base/err.h"
#include "../base/log.h"
#include "../model/inactivity.h"
#include "periodic.h"
#include "worker.h"

static int period_days, grace_days;

static void sweep(struct store *s)
{
	struct inactivity_counts n = { 0 };
	int rc = inactivity_sweep(s, time(NULL), period_days, grace_days, false, NULL, NULL, &n);
	if (rc)
		log_error("the inactivity sweep failed (%s); it runs again in an hour", err_str(rc));
	if (n.warned || n.erased || n.deleted)
		log_info("inactivity sweep: %d warned, %d erased, %d unconfirmed deleted", n.warned,
			 n.erased, n.deleted);
}

static struct periodic worker = PERIODIC_LEASED(10, 3600, sweep, "sweep", false);

int sweeper_start(struct store *s, int period, int grace)
{
	if (period <= 0) {
		log_info("the inactivity sweep is off (KIEM_INACTIVE_DAYS=0)");
		return 0;
	}
	period_days = period;
	grace_days = grace;
	return periodic_start(&worker, s);
}

void sweeper_stop(void)
{
	periodic_stop(&worker);
}
