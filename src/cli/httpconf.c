/* The settings of serve's web server that come from the environment:
 * trusted proxies, connection limits, deadlines and the access log. */
#include <stdlib.h>
#include <string.h>

#include "../http/http.h"
#include "cli.h"

int cli_http_config(struct http_config *cfg, struct http_proxies **proxies)
{
	*proxies = NULL;
	long connections = 20000, per_address = 256, header = 30, body = 60;
	if (!cli_env_number("KIEM_MAX_CONNECTIONS", 1, 1000000, &connections) ||
	    !cli_env_number("KIEM_MAX_CONNECTIONS_PER_ADDRESS", 0, 1000000, &per_address) ||
	    !cli_env_number("KIEM_HEADER_TIMEOUT", 1, 3600, &header) ||
	    !cli_env_number("KIEM_BODY_TIMEOUT", 1, 3600, &body))
		return 2;
	cfg->max_connections = (unsigned)connections;
	cfg->max_per_address = (unsigned)per_address;
	cfg->header_timeout_s = (unsigned)header;
	cfg->body_timeout_s = (unsigned)body;
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
