/* kiem: one program for the social innovation ecosystem. One table of
 * commands; each command lives in src/cli/<command>.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cli/cli.h"

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
} commands[] = {
	{ "init", cmd_init, "create or migrate the database (--demo loads a demo ecosystem)" },
	{ "serve", cmd_serve, "serve the web interface and the JSON API" },
	{ "user", cmd_user, "the accounts: kiem user add, passwd, list, block, unblock" },
	{ "token", cmd_token, "print a new API token: kiem token create --email E" },
	{ "accounts", cmd_accounts, "warn and erase inactive accounts once: kiem accounts sweep" },
	{ "notifications", cmd_notifications, "send the daily email digest once: kiem notifications digest" },
	{ "mail", cmd_mail, "queue a test mail: kiem mail test --to ADDRESS" },
	{ "migrate-to-pg", cmd_migrate_pg, "copy an instance from SQLite into PostgreSQL, and check it" },
};

static void usage(FILE *f)
{
	fputs("usage: kiem COMMAND [OPTIONS]\n\n"
	      "kiem is the infrastructure of a social innovation ecosystem: parties,\n"
	      "issues, initiatives and resources in one place.\n\n"
	      "Commands:\n", f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-13s %s\n", commands[i].name, commands[i].help);
	fputs("\nEvery command that takes --db PATH takes --pg CONNINFO instead (or $KIEM_PG):\n"
	      "a PostgreSQL database, such as 'host=db.example.nl dbname=kiem user=kiem'.\n"
	      "'kiem COMMAND --help' tells more; 'kiem --version' prints the version.\n", f);
}

/* Takes --pg CONNINFO (or --pg=CONNINFO) out of the arguments into KIEM_PG,
 * which cli_open() follows, so that every command has it. */
static int take_pg(int argc, char **argv)
{
	int out = 0;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--pg") == 0 && i + 1 < argc) {
			setenv("KIEM_PG", argv[++i], 1);
			continue;
		}
		if (strncmp(argv[i], "--pg=", 5) == 0) {
			setenv("KIEM_PG", argv[i] + 5, 1);
			continue;
		}
		argv[out++] = argv[i];
	}
	argv[out] = NULL;
	return out;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("kiem %s\n", KIEM_VERSION);
		return 0;
	}
	argc = take_pg(argc, argv);
	if (sodium_init() < 0) {
		fputs("kiem: libsodium could not start\n", stderr);
		return 1;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "kiem: unknown command '%s'; see 'kiem --help'\n", argv[1]);
	return 2;
}
