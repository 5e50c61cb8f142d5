/* kiem notifications digest: composes the daily email digest of
 * notifications once, as 'kiem serve' does every day (model/notify.h). */
#include <stdio.h>
#include <time.h>

#include "../base/err.h"
#include "../model/notify.h"
#include "../store/store.h"
#include "cli.h"

static const char usage[] =
	"usage: kiem notifications digest [--db PATH | --pg CONNINFO]\n"
	"\n"
	"Composes the daily email digest once, as 'kiem serve' does every day:\n"
	"everyone who chose the digest on /account/meldingen and has notifications\n"
	"that were in no digest yet receives ONE mail in their language, listing them\n"
	"(at most 100, the newest) with links; they are then marked as sent. The\n"
	"mail goes through the outbox, which 'kiem serve' delivers. The links\n"
	"point at $KIEM_BASE_URL, the address people reach kiem at, as for serve.\n"
	"Prints how many mails were queued.\n"
	"\n"
	"  --db PATH   the database (default $KIEM_DB, else ./kiem.db)\n"
	CLI_HELP_PG;

int cmd_notifications(int argc, char **argv)
{
	static const char *const subs[] = { "digest", NULL };
	int rc = cli_subcommand(argc, argv, subs, usage);
	if (rc >= 0)
		return rc;
	const char *db = NULL;
	const struct cli_opt opts[] = { { "db", &db, NULL }, { 0 } };
	if ((rc = cli_options(argc, argv, 2, "notifications digest", usage, opts)) >= 0)
		return rc;
	cli_base_url();
	struct store *s;
	if (cli_open(cli_db_path(db), false, &s))
		return 1;
	int mails = 0;
	rc = notification_digest(s, time(NULL), &mails);
	store_close(s);
	printf("digest: %d mail%s queued\n", mails, mails == 1 ? "" : "s");
	if (rc) {
		cli_error("the digest did not finish (%s); see the log above", err_str(rc));
		return 1;
	}
	return 0;
}
