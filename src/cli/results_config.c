/* The days after which an initiative in one stage is flagged as stalled
 * (model/results.h) from the environment, for serve. */
#include "../model/results.h"
#include "cli.h"

int cli_results_config(void)
{
	long days = results_stalled_days;
	if (!cli_env_number("KIEM_STALLED_DAYS", 1, 3650, &days))
		return 2;
	results_stalled_days = days;
	return 0;
}
