#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/log.h"
#include "../base/timefmt.h"
#include "../model/outbox.h"
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

/* The key that seals mail in the outbox: KIEM_KEY_FILE, else beside the
 * database. */
static int open_key(const char *db_path)
{
	char path[4096], why[4200];
	const char *env = getenv("KIEM_KEY_FILE");
	if (env && *env)
		snprintf(path, sizeof path, "%s", env);
	else if ((size_t)snprintf(path, sizeof path, "%s.key", db_path) >= sizeof path)
		path[0] = 0;
	bool made = false;
	if (!path[0] || outbox_open_key(path, &made, why, sizeof why)) {
		cli_error("%s; it seals the mail in the outbox (see KIEM_KEY_FILE in docs/operations.md)",
			  path[0] ? why : "the database's path is too long for its key file");
		return 1;
	}
	if (made)
		log_info("made the key file %s, which seals the mail in the outbox: keep it, apart from"
			 " the database's backups (docs/operations.md)", path);
	return 0;
}

int cli_open(const char *path, bool create, struct store **out)
{
	/* KIEM_PG, a PostgreSQL conninfo, instead of the file (issue 10: the
	 * flag --pg is still to come) */
	const char *pg = getenv("KIEM_PG"), *name = path;
	if (pg && *pg) {
		if (store_open(out, pg, STORE_PG)) {
			cli_error("cannot connect to PostgreSQL (KIEM_PG); see the log above");
			return 1;
		}
		name = "PostgreSQL"; /* the key file stays beside path */
	} else if (!create && access(path, F_OK) != 0) {
		cli_error("there is no database at %s; create one with 'kiem init --db %s'", path, path);
		return 1;
	} else if (store_open(out, path, create ? STORE_CREATE : 0)) {
		cli_error("cannot open the database at %s; check the path and its permissions", path);
		return 1;
	}
	int applied = 0;
	if (store_migrate(*out, &applied) || role_seed(*out)) {
		cli_error("cannot bring the database at %s up to date; see the log above", name);
		store_close(*out);
		*out = NULL;
		return 1;
	}
	if (applied)
		log_info("applied %d migration(s) to %s", applied, name);
	if (open_key(path)) {
		store_close(*out);
		*out = NULL;
		return 1;
	}
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
