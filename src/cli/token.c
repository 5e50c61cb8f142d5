/* kiem token create: prints a new API token for a user. */
#include <stdio.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/user.h"
#include "../store/store.h"
#include "cli.h"

static const char usage[] =
	"usage: kiem token create --email E [--name NAME] [--db PATH | --pg CONNINFO]\n"
	"\n"
	"Prints a new API token for the user with that email, to send as\n"
	"'Authorization: Bearer TOKEN'. kiem keeps only its hash: store it now.\n"
	"\n"
	"  --email E    whose token it is\n"
	"  --name NAME  what the token is for (default \"API\")\n"
	"  --db PATH    the database (default $KIEM_DB, else ./kiem.db)\n"
	CLI_HELP_PG;

int cmd_token(int argc, char **argv)
{
	static const char *const subs[] = { "create", NULL };
	int rc = cli_subcommand(argc, argv, subs, usage);
	if (rc >= 0)
		return rc;
	const char *email = NULL, *name = "API", *db = NULL;
	const struct cli_opt opts[] = {
		{ "email", &email, NULL }, { "name", &name, NULL }, { "db", &db, NULL }, { 0 },
	};
	if ((rc = cli_options(argc, argv, 2, "token create", usage, opts)) >= 0)
		return rc;
	if (!email) {
		cli_error("give --email; see 'kiem token create --help'");
		return 2;
	}
	struct store *s;
	if (cli_open(cli_db_path(db), false, &s))
		return 1;
	struct arena *a = arena_new();
	rc = 1;
	struct user u;
	if (cli_user(s, a, email, &u))
		goto out;
	struct viewer v = { .authenticated = true, .role = user_role(&u) };
	snprintf(v.user_id, sizeof v.user_id, "%s", u.id);
	char secret[TOKEN_STRLEN + 1];
	struct api_token t;
	struct problems p = { 0 };
	int err = token_create(s, a, &v, name, secret, &t, &p);
	if (err) {
		cli_error("could not create the token: %s", err == ERR_INVALID ? "the name is not valid" : err_str(err));
		goto out;
	}
	printf("%s\n", secret);
	rc = 0;
out:
	arena_free(a);
	store_close(s);
	return rc;
}
