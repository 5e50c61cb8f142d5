/* kiem notifications digest: composes the daily email digest of
 * notifications once, as 'kiem serve' does every day (model/notify.h). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../base/err.h"
#include "../model/notify.h"
#include "../model/outbox.h"
#include "../store/store.h"
#include "cli.h"

static const char usage[] =
	"usage: kiem notifications digest [--db PATH]\n"
	"\n"
	"Composes the daily email digest once, as 'kiem serve' does every day:\n"
	"everyone who chose the digest on /account/meldingen and has notifications\n"
	"that were in no digest yet receives ONE mail in their language, listing them\n"
	"(at most 100, the newest) with links; they are then marked as sent. The\n"
	"mail goes through the outbox, which 'kiem serve' delivers. The links\n"
	"point at $KIEM_BASE_URL, the address people reach kiem at, as for serve.\n"
	"Prints how many mails were queued.\n"
	"\n"
	"  --db PATH   the database (default $KIEM_DB, else ./kiem.db)\n";

int cmd_notifications(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "digest") != 0) {
		cli_error("unknown notifications command '%s'; see 'kiem notifications --help'", argv[1]);
		return 2;
	}
	const char *db = NULL;
	int c;
	optind = 2;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'h': fputs(usage, stdout); return 0;
		default: return cli_bad_option("notifications digest", c, argv);
		}
	}
	if (optind < argc) {
		cli_error("unexpected argument '%s'; see 'kiem notifications --help'", argv[optind]);
		return 2;
	}
	static char base[512];
	const char *b = getenv("KIEM_BASE_URL");
	if (b && *b) {
		snprintf(base, sizeof base, "%s", b);
		size_t bl = strlen(base);
		while (bl && base[bl - 1] == '/')
			base[--bl] = 0;
		outbox_base_url = base;
	}
	struct store *s;
	if (cli_open(cli_db_path(db), false, &s))
		return 1;
	int mails = 0;
	int rc = notification_digest(s, time(NULL), &mails);
	store_close(s);
	printf("digest: %d mail%s queued\n", mails, mails == 1 ? "" : "s");
	if (rc) {
		cli_error("the digest did not finish (%s); see the log above", err_str(rc));
		return 1;
	}
	return 0;
}
