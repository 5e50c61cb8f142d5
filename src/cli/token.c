/* kiem token create: prints a new API token for a user. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/user.h"
#include "../store/store.h"
#include "cli.h"

static const char usage[] =
	"usage: kiem token create --email E [--name NAME] [--db PATH]\n"
	"\n"
	"Prints a new API token for the user with that email, to send as\n"
	"'Authorization: Bearer TOKEN'. kiem keeps only its hash: store it now.\n"
	"\n"
	"  --email E    whose token it is\n"
	"  --name NAME  what the token is for (default \"API\")\n"
	"  --db PATH    the database (default $KIEM_DB, else ./kiem.db)\n";

int cmd_token(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "email", required_argument, NULL, 'e' },
		{ "name", required_argument, NULL, 'n' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "create") != 0) {
		cli_error("unknown token command '%s'; see 'kiem token --help'", argv[1]);
		return 2;
	}
	const char *email = NULL, *name = "API", *db = NULL;
	int c;
	optind = 2;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'e': email = optarg; break;
		case 'n': name = optarg; break;
		case 'd': db = optarg; break;
		case 'h': fputs(usage, stdout); return 0;
		default: return cli_bad_option("token create", c, argv);
		}
	}
	if (!email) {
		cli_error("give --email; see 'kiem token create --help'");
		return 2;
	}
	struct store *s;
	if (cli_open(cli_db_path(db), false, &s))
		return 1;
	struct arena *a = arena_new();
	int rc = 1;
	struct user u;
	int err = user_by_email(s, a, email, &u);
	if (err) {
		cli_error(err == ERR_NOTFOUND ? "there is no user with email %s; add one with 'kiem user add'"
					      : "could not look up %s", email);
		goto out;
	}
	struct viewer v = { .authenticated = true, .role = user_role(&u) };
	snprintf(v.user_id, sizeof v.user_id, "%s", u.id);
	char secret[TOKEN_STRLEN + 1];
	struct api_token t;
	struct problems p = { 0 };
	err = token_create(s, a, &v, name, secret, &t, &p);
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
