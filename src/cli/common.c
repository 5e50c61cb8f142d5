#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/log.h"
#include "../base/timefmt.h"
#include "../model/role.h"
#include "../store/store.h"
#include "cli.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("kiem: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

const char *cli_db_path(const char *flag)
{
	if (flag && *flag)
		return flag;
	const char *env = getenv("KIEM_DB");
	return env && *env ? env : "kiem.db";
}

int cli_open(const char *path, bool create, struct store **out)
{
	if (!create && access(path, F_OK) != 0) {
		cli_error("there is no database at %s; create one with 'kiem init --db %s'", path, path);
		return 1;
	}
	if (store_open(out, path, create ? STORE_CREATE : 0)) {
		cli_error("cannot open the database at %s; check the path and its permissions", path);
		return 1;
	}
	int applied = 0;
	if (store_migrate(*out, &applied) || role_seed(*out)) {
		cli_error("cannot bring the database at %s up to date; see the log above", path);
		store_close(*out);
		*out = NULL;
		return 1;
	}
	if (applied)
		log_info("applied %d migration(s) to %s", applied, path);
	return 0;
}

int cli_timezone_config(void)
{
	const char *zone = getenv("KIEM_TIMEZONE");
	if (!zone || !*zone)
		zone = "Europe/Amsterdam";
	if (time_zone_set(zone)) {
		cli_error("KIEM_TIMEZONE must name a time zone of the system's tzdata, such as Europe/Amsterdam"
			  " or UTC, not '%s' (is the package tzdata installed?)", zone);
		return 2;
	}
	return 0;
}

int cli_bad_option(const char *command, int c, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "?";
	if (c == ':')
		cli_error("option %s needs a value; see 'kiem %s --help'", arg, command);
	else
		cli_error("option %s is not known; see 'kiem %s --help'", arg, command);
	return 2;
}
