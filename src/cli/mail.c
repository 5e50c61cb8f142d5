/* kiem mail test: queues a test mail, for an operator to check the mail
 * settings of a running `kiem serve`. */
#include <stdio.h>
#include <stdlib.h>

#include "../base/err.h"
#include "../base/mail.h"
#include "../base/uuid.h"
#include "../model/activity.h"
#include "../model/outbox.h"
#include "../store/store.h"
#include "../worker/mailer.h"
#include "cli.h"

static const char usage[] =
	"usage: kiem mail test --to ADDRESS [--db PATH | --pg CONNINFO]\n"
	"\n"
	"Queues a short test mail to ADDRESS in the database's outbox. A running\n"
	"'kiem serve' on the same database sends it within seconds, with its mail\n"
	"settings (KIEM_SMTP_URL or KIEM_SENDMAIL; without them, serve writes it\n"
	"to its log). Check that it arrives, or read the outbox:\n"
	"  sqlite3 kiem.db 'SELECT created_at, sent_at, attempts, last_error FROM outbox'\n"
	"\n"
	"  --to ADDRESS  whom to send the test mail to\n"
	"  --db PATH     the database (default $KIEM_DB, else ./kiem.db)\n"
	CLI_HELP_PG;

static const char subject[] = "kiem: testbericht / test message";
static const char body[] =
	"Dit is een testbericht van kiem. Als je dit leest, werkt het versturen\n"
	"van e-mail.\n"
	"\n"
	"This is a test message from kiem. If you read this, sending mail works.\n";

int cmd_mail(int argc, char **argv)
{
	static const char *const subs[] = { "test", NULL };
	int rc = cli_subcommand(argc, argv, subs, usage);
	if (rc >= 0)
		return rc;
	const char *to = NULL, *db = NULL;
	const struct cli_opt opts[] = { { "to", &to, NULL }, { "db", &db, NULL }, { 0 } };
	if ((rc = cli_options(argc, argv, 2, "mail test", usage, opts)) >= 0)
		return rc;
	if (!to) {
		cli_error("give --to ADDRESS; see 'kiem mail test --help'");
		return 2;
	}
	if (!mail_address_valid(to)) {
		/* not repeated: it may hold line breaks */
		cli_error("--to is not an email address; give one, such as name@example.nl");
		return 2;
	}
	/* the settings serve would read, checked here too; with KIEM_BASE_URL
	 * the mail says which kiem it is from */
	struct mailer_config cfg;
	char why[300];
	if (mailer_configure(&cfg, "127.0.0.1:8080", why, sizeof why)) {
		cli_error("%s", why);
		return 2;
	}
	char text[sizeof body + MAILER_URL_MAX + 8];
	const char *base = getenv("KIEM_BASE_URL");
	snprintf(text, sizeof text, "%s%s%s", body, base && *base ? "\n" : "", base && *base ? cfg.base_url : "");

	struct store *s;
	if (cli_open(cli_db_path(db), false, &s))
		return 1;
	struct store_conn *w = store_write_begin(s);
	rc = w ? outbox_add(w, to, subject, text) : ERR_DB;
	char id[UUID_STRLEN + 1] = "";
	if (!rc) {
		/* the log names the mail, not whom it is to */
		struct store_stmt *st = store_prepare(w, "SELECT id FROM outbox WHERE seq = last_insert_rowid()");
		rc = st && store_step(st) == STORE_ROW ? 0 : ERR_DB;
		if (!rc)
			snprintf(id, sizeof id, "%s", store_text(st, 0));
		if (st)
			store_reset(st);
	}
	if (!rc)
		rc = activity_add(w, NULL, "queue_test_mail", "outbox", id, "");
	if (w) {
		int crc = store_write_end_aside(s, rc == 0);
		if (!rc)
			rc = crc;
	}
	store_close(s);
	if (rc) {
		cli_error("could not queue the test mail: %s", err_str(rc));
		return 1;
	}
	printf("queued a test mail to %s; a running 'kiem serve' sends it within seconds\n", to);
	return 0;
}
