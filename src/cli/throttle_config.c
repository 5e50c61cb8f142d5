/* The limits of model/throttle.h from the environment, for serve. */
#include <stdlib.h>

#include "../model/throttle.h"
#include "cli.h"

/* A whole number from min to max in the variable name, if it is set;
 * otherwise *out stays. Prints one line and returns 2 for a bad value. */
static int env_int(const char *name, long min, long max, int *out)
{
	const char *v = getenv(name);
	if (!v || !*v)
		return 0;
	char *end;
	long n = strtol(v, &end, 10);
	if (*end || n < min || n > max) {
		cli_error("%s must be a whole number from %ld to %ld, not '%s'", name, min, max, v);
		return 2;
	}
	*out = (int)n;
	return 0;
}

int cli_throttle_config(void)
{
	int window_minutes = THROTTLE_WINDOW / 60;
	int rc = env_int("KIEM_MAIL_LIMIT", 1, 1000000, &throttle_mail_limit);
	if (!rc)
		rc = env_int("KIEM_LOGIN_ACCOUNT_LIMIT", 1, 1000, &throttle_account_limit);
	if (!rc)
		rc = env_int("KIEM_LOGIN_ADDRESS_LIMIT", 1, 1000000, &throttle_address_limit);
	if (!rc)
		rc = env_int("KIEM_LOGIN_WINDOW_MINUTES", 1, 1440, &window_minutes);
	throttle_window = window_minutes * 60;
	return rc;
}
