/* The settings of serve's web server that come from the environment:
 * trusted proxies, connection limits, deadlines and the access log. */
#include <stdlib.h>
#include <string.h>

#include "../http/http.h"
#include "cli.h"

/* A whole number in [min, max] from the environment, else the default;
 * false (after one line naming it) if it is set to anything else. */
static bool env_number(const char *name, long min, long max, unsigned def, unsigned *out)
{
	*out = def;
	const char *v = getenv(name);
	if (!v || !*v)
		return true;
	char *end;
	long n = strtol(v, &end, 10);
	if (*end || end == v || n < min || n > max) {
		cli_error("%s must be a whole number from %ld to %ld, not '%s'", name, min, max, v);
		return false;
	}
	*out = (unsigned)n;
	return true;
}

int cli_http_config(struct http_config *cfg, struct http_proxies **proxies)
{
	*proxies = NULL;
	if (!env_number("KIEM_MAX_CONNECTIONS", 1, 1000000, 20000, &cfg->max_connections) ||
	    !env_number("KIEM_MAX_CONNECTIONS_PER_ADDRESS", 0, 1000000, 256, &cfg->max_per_address) ||
	    !env_number("KIEM_HEADER_TIMEOUT", 1, 3600, 30, &cfg->header_timeout_s) ||
	    !env_number("KIEM_BODY_TIMEOUT", 1, 3600, 60, &cfg->body_timeout_s))
		return 2;
	const char *log = getenv("KIEM_ACCESS_LOG");
	cfg->access_log = true;
	if (log && *log) {
		if (strcmp(log, "off") == 0)
			cfg->access_log = false;
		else if (strcmp(log, "on") != 0) {
			cli_error("KIEM_ACCESS_LOG must be 'on' or 'off', not '%s'", log);
			return 2;
		}
	}
	char why[200];
	if (http_proxies_parse(getenv("KIEM_TRUSTED_PROXIES"), proxies, why, sizeof why)) {
		cli_error("KIEM_TRUSTED_PROXIES: %s", why);
		return 2;
	}
	cfg->proxies = *proxies;
	return 0;
}
