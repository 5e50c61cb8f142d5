/* kiem init: creates or migrates the database, optionally with demo data. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../store/store.h"
#include "cli.h"

static const char usage[] =
	"usage: kiem init [--db PATH] [--demo]\n"
	"\n"
	"Creates the database, or brings an existing one up to date.\n"
	"\n"
	"  --db PATH   the SQLite database file (default $KIEM_DB, else ./kiem.db)\n"
	"  --demo      also load a small demo ecosystem (Utrecht, its districts and\n"
	"              parties of every kind); only into a database without parties\n";

int cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "demo", no_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	const char *db = NULL;
	int demo = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'D': demo = 1; break;
		case 'h': fputs(usage, stdout); return 0;
		default: return cli_bad_option("init", c, argv);
		}
	}
	if (optind < argc) {
		cli_error("unexpected argument '%s'; see 'kiem init --help'", argv[optind]);
		return 2;
	}
	const char *path = cli_db_path(db);
	struct store *s;
	if (cli_open(path, true, &s))
		return 1;
	int rc = 0;
	if (demo && demo_load(s)) {
		cli_error("could not load the demo data into %s (it loads only into a database without parties)", path);
		rc = 1;
	}
	if (!rc)
		printf("kiem: database %s is ready (schema version %d)%s\n", path,
		       store_schema_version(s), demo ? ", with the demo ecosystem" : "");
	store_close(s);
	return rc;
}
