/* kiem serve: the web interface and the JSON API. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../analysis/overview.h"
#include "../api/api.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../http/http.h"
#include "../store/store.h"
#include "../model/outbox.h"
#include "../web/web.h"
#include "../worker/mailer.h"
#include "../worker/worker.h"
#include "cli.h"

static const char usage[] =
	"usage: kiem serve [--db PATH | --pg CONNINFO] [--listen ADDR:PORT]\n"
	"\n"
	"Serves the web interface and the JSON API until SIGTERM or SIGINT, then\n"
	"finishes the requests in flight and exits.\n"
	"\n"
	"  --db PATH           the SQLite database (default $KIEM_DB, else ./kiem.db)\n"
	"  --pg CONNINFO       a PostgreSQL database instead (default $KIEM_PG), such as\n"
	"                      'host=db.example.nl dbname=kiem user=kiem'; see KIEM_KEY_FILE\n"
	"  --listen ADDR:PORT  where to listen (default $KIEM_LISTEN, else 127.0.0.1:8080;\n"
	"                      port 0 picks a free port, shown in the log)\n"
	"\n"
	"Environment: KIEM_THREADS sets the number of worker threads (default: the\n"
	"number of processors, at least 2), KIEM_WRITE_THREADS those that run writes,\n"
	"which wait for their commit (default 32, started as needed); KIEM_CACHE_MB the memory for answers to anonymous\n"
	"reads, kept until the next write (default 32; 0 turns it off); KIEM_PRIVACY_CONTACT\n"
	"who runs this kiem and how to reach them about privacy, shown on /privacy;\n"
	"KIEM_INACTIVE_DAYS the days without use after which an account is warned by\n"
	"mail (default 365; 0 turns the inactivity sweep off), and KIEM_INACTIVE_GRACE_DAYS\n"
	"the days after the warning until it is erased (default 30). The sweep runs\n"
	"shortly after the start and then every hour; see 'kiem accounts --help'.\n"
	"KIEM_TIMEZONE is the zone of the times on pages and in mail, a name of the\n"
	"system's tzdata such as Europe/Amsterdam (the default) or UTC; the API keeps UTC.\n"
	"\n"
	"The web server (see docs/operations.md, \"Proxies, limits and the access log\"):\n"
	"  KIEM_TRUSTED_PROXIES  reverse proxies whose X-Forwarded-For and X-Forwarded-Proto\n"
	"                      are believed: addresses and ranges, such as 10.0.0.1, fd00::/8\n"
	"                      (default none: those headers are ignored)\n"
	"  KIEM_MAX_CONNECTIONS  connections in total (default 20000)\n"
	"  KIEM_MAX_CONNECTIONS_PER_ADDRESS  from one address, trusted proxies exempt\n"
	"                      (default 256; 0: no cap)\n"
	"  KIEM_HEADER_TIMEOUT   seconds for a request's head to arrive (default 30)\n"
	"  KIEM_BODY_TIMEOUT     seconds for its body, after the head (default 60)\n"
	"  KIEM_ACCESS_LOG       'off' writes no line per request, only for 429 and 5xx\n"
	"                      (default on, to standard error)\n"
	"\n"
	"Failed logins: KIEM_LOGIN_ACCOUNT_LIMIT failures for one account (default 5)\n"
	"hold up its logins from addresses and browsers that never logged in to it, and\n"
	"KIEM_LOGIN_ADDRESS_LIMIT failures from one address (default 20) hold up all its\n"
	"logins, for KIEM_LOGIN_WINDOW_MINUTES (default 15). KIEM_MAIL_LIMIT requests\n"
	"that send mail per address in 15 minutes (default 10). Each lockout is logged.\n"
	"\n"
	"KIEM_STALLED_DAYS: an initiative that stays in one stage (not sustained or\n"
	"stopped) longer than this many days is flagged as stalled (default 180).\n"
	"\n"
	"Mail (confirmations, password resets, invitations) is queued in the database\n"
	"and sent every few seconds, with retries; see docs/operations.md, \"Mail\":\n"
	"  KIEM_BASE_URL       where people reach kiem, for links in mail, such as\n"
	"                      https://kiem.example.nl (default http:// and the listen address)\n"
	"  KIEM_MAIL_FROM      the sender, such as \"kiem <noreply@kiem.example.nl>\"\n"
	"                      (default kiem <noreply@HOST>, HOST from KIEM_BASE_URL)\n"
	"  KIEM_SMTP_URL       send through this server: smtp://HOST[:PORT] (STARTTLS when\n"
	"                      offered, always with a password) or smtps://HOST[:PORT]\n"
	"  KIEM_SMTP_USER, KIEM_SMTP_PASSWORD  the login at that server, if it needs one\n"
	"  KIEM_SENDMAIL       or hand mail to this sendmail-compatible program\n"
	"                      (an absolute path, such as /usr/sbin/sendmail)\n"
	"  KIEM_KEY_FILE       the key that seals mail while it waits in the database\n"
	"                      (default the database's path and .key, made on first use;\n"
	"                      keep it out of the database's backups)\n"
	"With neither KIEM_SMTP_URL nor KIEM_SENDMAIL, mail is written to the log, links\n"
	"included, for development. 'kiem mail test --to ADDRESS' queues a test mail.\n";

static struct mailer_config mail_cfg;
static char bound_url[MAILER_URL_MAX + 1];

/* Without KIEM_BASE_URL, links point at the address really listened on
 * (the port picked for port 0). */
static void on_listening(const char *url)
{
	snprintf(bound_url, sizeof bound_url, "%s", url);
	outbox_base_url = bound_url;
}

int cmd_serve(int argc, char **argv)
{
	const char *db = NULL, *listen = getenv("KIEM_LISTEN");
	const struct cli_opt opts[] = { { "db", &db, NULL }, { "listen", &listen, NULL }, { 0 } };
	int rc = cli_options(argc, argv, 1, "serve", usage, opts);
	if (rc >= 0)
		return rc;
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
	/* the requests that write wait for their commit on threads of their
	 * own (http/writers.h), started as needed: as many as may share a
	 * commit, within a PostgreSQL server's default of 100 connections for
	 * two nodes */
	long write_threads = 32;
	const char *wt = getenv("KIEM_WRITE_THREADS");
	if (wt && *wt)
		write_threads = strtol(wt, NULL, 10);
	if (write_threads < 1 || write_threads > 256)
		write_threads = 32;
	size_t cache_mb = 32;
	const char *cm = getenv("KIEM_CACHE_MB");
	if (cm && *cm) {
		long v = strtol(cm, NULL, 10);
		cache_mb = v >= 0 && v <= 4096 ? (size_t)v : 32;
	}

	web_privacy_contact = getenv("KIEM_PRIVACY_CONTACT");
	if (cli_timezone_config())
		return 2;
	int inactive_days, inactive_grace;
	if (cli_inactivity_config(&inactive_days, &inactive_grace))
		return 2;
	web_inactive_days = inactive_days;
	web_inactive_grace_days = inactive_grace;
	if (cli_throttle_config())
		return 2;
	if (cli_results_config())
		return 2;
	char why[300];
	if (mailer_configure(&mail_cfg, listen, why, sizeof why)) {
		cli_error("%s", why);
		return 2;
	}
	const char *base = getenv("KIEM_BASE_URL");
	struct http_config net = { 0 };
	struct http_proxies *proxies = NULL;
	if (cli_http_config(&net, &proxies))
		return 2;

	const char *path = cli_db_path(db);
	struct store *s;
	if (cli_open(path, false, &s)) {
		http_proxies_free(proxies);
		return 1;
	}
	char target[1024];
	log_info("kiem %s starting; %s; database %s", KIEM_VERSION, store_engine_version(s),
		 cli_db_name(path, target, sizeof target));

	/* the API's paths, and the pages take the rest */
	const struct http_table *tables[] = { &api_table, &web_table, NULL };
	struct http_config cfg = {
		.listen = listen,
		.store = s,
		.tables = tables,
		.threads = (unsigned)threads,
		.write_threads = (unsigned)write_threads,
		.timeout_s = 30,
		.max_connections = net.max_connections,
		.max_per_address = net.max_per_address,
		.header_timeout_s = net.header_timeout_s,
		.body_timeout_s = net.body_timeout_s,
		.access_log = net.access_log,
		.proxies = proxies,
		.cache_bytes = cache_mb * 1024 * 1024,
		.on_listening = base && *base ? NULL : on_listening,
	};
	rc = 1;
	if (overview_start(s)) {
		cli_error("could not start the overview's worker");
		goto out;
	}
	/* a sweep that cannot start is logged: the server runs without it */
	if (sweeper_start(s, inactive_days, inactive_grace))
		log_error("could not start the inactivity sweep's worker; inactive accounts are not swept");
	if (digester_start(s))
		log_error("could not start the digest's worker; no daily digests are sent");
	int served = 1; /* http_serve's answer (0 or an error), 1 until it ran */
	if (requester_start(s))
		cli_error("could not start the worker for registrations and password resets");
	else {
		bool mailing = mailer_start(s, &mail_cfg) == 0;
		if (mailing)
			served = http_serve(&cfg);
		else
			cli_error("could not start the mail worker");
		requester_stop();
		if (mailing)
			mailer_stop();
	}
	digester_stop();
	sweeper_stop();
	overview_stop();
	if (served < 0)
		cli_error("could not serve on %s; see the log above", listen);
	rc = served == ERR_USAGE ? 2 : served ? 1 : 0;
out:
	store_close(s);
	http_proxies_free(proxies);
	return rc;
}
