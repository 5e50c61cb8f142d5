/* kiem init: creates or migrates the database, optionally with demo data. */
#include <stdio.h>

#include "../store/store.h"
#include "cli.h"

static const char usage[] =
	"usage: kiem init [--db PATH | --pg CONNINFO] [--demo]\n"
	"\n"
	"Creates the database, or brings an existing one up to date.\n"
	"\n"
	"  --db PATH   the SQLite database file (default $KIEM_DB, else ./kiem.db)\n"
	"  --demo      also load a small demo ecosystem (Utrecht, its districts and\n"
	"              parties of every kind); only into a database without parties\n"
	CLI_HELP_PG;

int cmd_init(int argc, char **argv)
{
	const char *db = NULL;
	bool demo = false;
	const struct cli_opt opts[] = { { "db", &db, NULL }, { "demo", NULL, &demo }, { 0 } };
	int rc = cli_options(argc, argv, 1, "init", usage, opts);
	if (rc >= 0)
		return rc;
	const char *path = cli_db_path(db);
	struct store *s;
	if (cli_open(path, true, &s))
		return 1;
	rc = 0;
	char name[1024];
	if (demo && demo_load(s)) {
		cli_error("could not load the demo data into %s (it loads only into a database without parties)",
			  cli_db_name(path, name, sizeof name));
		rc = 1;
	}
	if (!rc)
		printf("kiem: database %s is ready (schema version %d)%s\n", cli_db_name(path, name, sizeof name),
		       store_schema_version(s), demo ? ", with the demo ecosystem" : "");
	store_close(s);
	return rc;
}
