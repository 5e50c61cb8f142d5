/* The inactivity sweep's settings and the worker of `kiem serve` that runs
 * it: shortly after the start, then every hour (model/inactivity.h). */
#include <stdlib.h>
#include <time.h>

#include "../base/err.h"
#include "../base/log.h"
#include "../model/inactivity.h"
#include "cli.h"
#include "periodic.h"

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

static struct periodic worker = PERIODIC_INIT(10, 3600, sweep);

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
