/* kiem accounts sweep: runs the inactivity sweep once (model/inactivity.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../base/err.h"
#include "../model/inactivity.h"
#include "../store/store.h"
#include "cli.h"

static const char usage[] =
	"usage: kiem accounts sweep [--db PATH | --pg CONNINFO] [--dry-run]\n"
	"\n"
	"Runs the inactivity sweep once, as 'kiem serve' does every hour:\n"
	"  - warns by mail whoever has not used kiem for KIEM_INACTIVE_DAYS days\n"
	"    (default 365; 0 turns the sweep off): log in, or the account is erased;\n"
	"  - erases, as the person could themselves, whoever was warned more than\n"
	"    KIEM_INACTIVE_GRACE_DAYS days ago (default 30) and has not been back;\n"
	"  - deletes accounts whose email address was not confirmed within 7 days.\n"
	"The last platform admin is never warned or erased. Prints one line per\n"
	"action (with the account's id) and a summary. The link in the warning\n"
	"points at $KIEM_BASE_URL, the address people reach kiem at, and its date\n"
	"is in $KIEM_TIMEZONE (default Europe/Amsterdam), as for serve.\n"
	"\n"
	"  --db PATH   the database (default $KIEM_DB, else ./kiem.db)\n"
	"  --dry-run   only print what would be done; change nothing\n"
	CLI_HELP_PG;

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

static void print_action(void *ctx, const char *action, const char *user_id)
{
	bool dry = *(bool *)ctx;
	static const struct { const char *key, *text; } texts[] = {
		{ "warn", "warned (inactive)" },
		{ "erase", "erased (inactive after the warning)" },
		{ "delete", "deleted (email never confirmed)" },
		{ "keep_last_admin", "kept: the last platform admin" },
	};
	const char *text = action;
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (strcmp(texts[i].key, action) == 0)
			text = texts[i].text;
	printf("%s%s %s\n", dry ? "would be " : "", text, user_id);
}

int cmd_accounts(int argc, char **argv)
{
	static const char *const subs[] = { "sweep", NULL };
	int rc = cli_subcommand(argc, argv, subs, usage);
	if (rc >= 0)
		return rc;
	const char *db = NULL;
	bool dry = false;
	const struct cli_opt opts[] = { { "db", &db, NULL }, { "dry-run", NULL, &dry }, { 0 } };
	if ((rc = cli_options(argc, argv, 2, "accounts sweep", usage, opts)) >= 0)
		return rc;
	int period, grace;
	if (cli_inactivity_config(&period, &grace) || cli_timezone_config())
		return 2;
	if (period == 0) {
		printf("the inactivity sweep is off (KIEM_INACTIVE_DAYS=0): nothing done\n");
		return 0;
	}
	cli_base_url(); /* the warning's link to log in */
	struct store *s;
	if (cli_open(cli_db_path(db), false, &s))
		return 1;
	struct inactivity_counts n;
	rc = inactivity_sweep(s, time(NULL), period, grace, dry, print_action, &dry, &n);
	store_close(s);
	printf("%s%d warned, %d erased, %d unconfirmed deleted, %d kept (last admin)\n",
	       dry ? "dry run, nothing changed: " : "", n.warned, n.erased, n.deleted, n.kept);
	if (rc) {
		cli_error("the sweep did not finish (%s); see the log above", err_str(rc));
		return 1;
	}
	return 0;
}
