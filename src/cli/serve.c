/* kiem serve: the web interface and the JSON API. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analysis/overview.h"
#include "../api/api.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../http/http.h"
#include "../model/throttle.h"
#include "../store/store.h"
#include "../web/web.h"
#include "cli.h"

static const char usage[] =
	"usage: kiem serve [--db PATH | --pg CONNINFO] [--listen ADDR:PORT]\n"
	"\n"
	"Serves the web interface and the JSON API until SIGTERM or SIGINT, then\n"
	"finishes the requests in flight and exits.\n"
	"\n"
	"  --db PATH           the SQLite database (default $KIEM_DB, else ./kiem.db)\n"
	"  --pg CONNINFO       a PostgreSQL database (default $KIEM_PG; not yet available)\n"
	"  --listen ADDR:PORT  where to listen (default $KIEM_LISTEN, else 127.0.0.1:8080;\n"
	"                      port 0 picks a free port, shown in the log)\n"
	"\n"
	"Environment: KIEM_THREADS sets the number of worker threads (default: the\n"
	"number of processors, at least 2); KIEM_CACHE_MB the memory for answers to anonymous\n"
	"reads, kept until the next write (default 32; 0 turns it off); KIEM_PRIVACY_CONTACT\n"
	"who runs this kiem and how to reach them about privacy, shown on /privacy;\n"
	"KIEM_INACTIVE_DAYS the days without use after which an account is warned by\n"
	"mail (default 365; 0 turns the inactivity sweep off), and KIEM_INACTIVE_GRACE_DAYS\n"
	"the days after the warning until it is erased (default 30). The sweep runs\n"
	"shortly after the start and then every hour; see 'kiem accounts --help'.\n";

int cmd_serve(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "pg", required_argument, NULL, 'p' },
		{ "listen", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	const char *db = NULL, *pg = getenv("KIEM_PG"), *listen = getenv("KIEM_LISTEN");
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; pg = NULL; break;
		case 'p': pg = optarg; break;
		case 'l': listen = optarg; break;
		case 'h': fputs(usage, stdout); return 0;
		default: return cli_bad_option("serve", c, argv);
		}
	}
	if (optind < argc) {
		cli_error("unexpected argument '%s'; see 'kiem serve --help'", argv[optind]);
		return 2;
	}
	if (pg && *pg) {
		cli_error("PostgreSQL is not available in this build yet; use --db PATH for SQLite");
		return 2;
	}
	if (!listen || !*listen)
		listen = "127.0.0.1:8080";
	/* one worker a processor: more added throughput only at the cost of
	 * the slowest answers (docs/benchmarks.md) */
	long threads = sysconf(_SC_NPROCESSORS_ONLN);
	if (threads < 2)
		threads = 2;
	const char *t = getenv("KIEM_THREADS");
	if (t && *t)
		threads = strtol(t, NULL, 10);
	if (threads < 1 || threads > 256)
		threads = 4;
	size_t cache_mb = 32;
	const char *cm = getenv("KIEM_CACHE_MB");
	if (cm && *cm) {
		long v = strtol(cm, NULL, 10);
		cache_mb = v >= 0 && v <= 4096 ? (size_t)v : 32;
	}

	web_privacy_contact = getenv("KIEM_PRIVACY_CONTACT");
	int inactive_days, inactive_grace;
	if (cli_inactivity_config(&inactive_days, &inactive_grace))
		return 2;
	web_inactive_days = inactive_days;
	web_inactive_grace_days = inactive_grace;
	const char *ml = getenv("KIEM_MAIL_LIMIT");
	if (ml && *ml) {
		long v = strtol(ml, NULL, 10);
		throttle_mail_limit = v >= 1 && v <= 1000000 ? (int)v : THROTTLE_MAIL;
	}

	const char *path = cli_db_path(db);
	log_info("kiem %s starting; %s; database %s", KIEM_VERSION, store_engine_version(), path);
	struct store *s;
	if (cli_open(path, false, &s))
		return 1;

	const struct http_route *tables[] = { api_routes, web_routes, NULL };
	size_t sizes[] = { api_routes_count, web_routes_count, 0 };
	struct http_config cfg = {
		.listen = listen,
		.store = s,
		.tables = tables,
		.table_sizes = sizes,
		.threads = (unsigned)threads,
		.max_api_body = 256 * 1024,
		.max_form_body = 256 * 1024,
		.timeout_s = 30,
		.cache_bytes = cache_mb * 1024 * 1024,
		.api_version = API_VERSION,
		.page_error = web_error_page,
		.api_error = api_error,
	};
	if (overview_start(s)) {
		cli_error("could not start the overview's worker");
		store_close(s);
		return 1;
	}
	/* a sweep that cannot start is logged: the server runs without it */
	if (sweeper_start(s, inactive_days, inactive_grace))
		log_error("could not start the inactivity sweep's worker; inactive accounts are not swept");
	int rc = http_serve(&cfg);
	sweeper_stop();
	overview_stop();
	store_close(s);
	if (rc) {
		cli_error("could not serve on %s; see the log above", listen);
		return rc == ERR_USAGE ? 2 : 1;
	}
	return 0;
}
