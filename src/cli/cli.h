/* cli: the operator's commands, one file each, and what they share. */
#ifndef KIEM_CLI_H
#define KIEM_CLI_H

#include <stdbool.h>
#include <stddef.h>

struct store;

int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_accounts(int argc, char **argv);
/* kiem migrate-to-pg (migrate_pg.c): from a SQLite file into PostgreSQL. */
int cmd_migrate_pg(int argc, char **argv);

/* The inactivity sweep's settings from KIEM_INACTIVE_DAYS and
 * KIEM_INACTIVE_GRACE_DAYS (defaults 365 and 30); prints one line and
 * returns 2 for a bad value. */
int cli_inactivity_config(int *period, int *grace);
/* The web server's settings from the environment (httpconf.c): trusted
 * proxies (KIEM_TRUSTED_PROXIES, parsed into *proxies, for the caller to
 * free), connection limits, deadlines and the access log; prints one line
 * and returns 2 for a bad value. */
struct http_config;
struct http_proxies;
int cli_http_config(struct http_config *cfg, struct http_proxies **proxies);
/* The limits of failed logins and of requests that send mail
 * (model/throttle.h) from KIEM_LOGIN_ACCOUNT_LIMIT, KIEM_LOGIN_ADDRESS_LIMIT,
 * KIEM_LOGIN_WINDOW_MINUTES and KIEM_MAIL_LIMIT; prints one line and returns
 * 2 for a bad value. */
int cli_throttle_config(void);
/* The days in one stage after which an initiative is flagged as stalled
 * (model/results.h) from KIEM_STALLED_DAYS (1-3650, default 180); prints
 * one line and returns 2 for a bad value. */
int cli_results_config(void);
int cmd_mail(int argc, char **argv);
/* kiem notifications digest (notifications.c); serve's worker sends the
 * daily digest (worker/digester.c). */
int cmd_notifications(int argc, char **argv);
/* The demo's supports, comments and follows on the demo issues (demo_voice.c). */
int demo_voice(struct store *s);
/* The demo's events, registrations and attendance (demo_events.c), after
 * demo_voice's residents. */
int demo_events(struct store *s);

/* What the --help of every command that takes --db says of --pg, last
 * (main.c takes --pg out of every command's arguments into KIEM_PG). */
#define CLI_HELP_PG                                                                          \
	"\n"                                                                                 \
	"--pg CONNINFO (or $KIEM_PG) takes a PostgreSQL database instead of the file,\n"     \
	"such as 'host=db.example.nl dbname=kiem user=kiem' (a libpq connection string).\n"  \
	"The key that seals mail in the outbox is still KIEM_KEY_FILE, else --db's\n"        \
	"path and .key: set KIEM_KEY_FILE for PostgreSQL.\n"

/* The database path: the flag, else $KIEM_DB, else ./kiem.db. */
const char *cli_db_path(const char *flag);
/* What to call the database in a log line: the PostgreSQL conninfo of
 * KIEM_PG without its password, else path; written into out (n bytes). */
const char *cli_db_name(const char *path, char *out, size_t n);
/* Opens the database and brings its schema up to date, and opens the key
 * that seals mail in the outbox (KIEM_KEY_FILE, else the database's path
 * and ".key"; made on first use); prints a one-line error and returns
 * non-zero on failure. create makes a new file. */
int cli_open(const char *path, bool create, struct store **out);
/* Loads the demo ecosystem (cli/demo.c). */
int demo_load(struct store *s);
/* What the parts of the demo share (demo.c): a member of an object of
 * demo.json, as a string (or NULL) or as a list (in the arena); */
struct arena;
struct json_t;
struct problems;
struct strlist;
const char *demo_str(const struct json_t *o, const char *key);
struct strlist demo_list(struct arena *a, const struct json_t *o, const char *key);
/* the id of the party of this name, or of the issue of this title, or NULL; */
const char *demo_party(struct store *s, struct arena *a, const char *name);
const char *demo_issue(struct store *s, struct arena *a, const char *title);
/* what to log for a step that answered rc: the first problem's field, else
 * the error. */
const char *demo_why(int rc, const struct problems *p);
/* The demo's social issues (demo_issues.c), after its parties. */
struct viewer;
int demo_issues_load(struct store *s, const struct viewer *admin, const struct json_t *demo);
/* The demo's signals (demo_signals.c), after its issues. */
int demo_signals_load(struct store *s, const struct viewer *admin, const struct json_t *demo);
/* The factors and role ledgers of the demo issues (demo_factors.c). */
int demo_factors_load(struct store *s, const struct viewer *admin, const struct json_t *demo);
/* The demo's initiatives in every stage, with their decisions (demo_initiatives.c, issue 11). */
int demo_initiatives(struct store *s);
/* The partners of the demo initiatives and intrapreneurs' hours
 * (demo_partners.c), after the initiatives. */
int demo_partners_load(struct store *s, const struct viewer *admin);
/* The demo's coalitions and ties (demo_network.c), after its issues. */
int demo_network_load(struct store *s, const struct viewer *admin);
/* Their milestones (some overdue), outcomes with measurements, lessons, and
 * one initiative stalled (demo_results.c, issue 11 part E). */
int demo_results(struct store *s);
/* The zone of the times people read (pages, mail) from KIEM_TIMEZONE, an
 * IANA name of the system's tzdata (default Europe/Amsterdam); prints one
 * line naming the variable and returns 2 when it is no zone. */
int cli_timezone_config(void);
/* Before a command's subcommand (argv[0] is the command): without one,
 * prints usage on stderr and returns 2; for --help or -h, on stdout and
 * returns 0; for one not in subs (NULL-terminated), says so and returns 2;
 * else -1, to go on. */
int cli_subcommand(int argc, char **argv, const char *const *subs, const char *usage);

/* An option of a command: --NAME VALUE puts VALUE in *value; without
 * value, --NAME alone sets *flag. */
struct cli_opt {
	const char *name;
	const char **value;
	bool *flag;
};
#define CLI_OPTS_MAX 8
/* Reads the options of 'kiem COMMAND' from argv[first] on: those of opts
 * (ended by { 0 }) and --help, which prints help. Returns -1 to go on, else
 * the exit code: 0 after --help, 2 after one line saying what is wrong (an
 * unknown option, a missing value, an argument). */
int cli_options(int argc, char **argv, int first, const char *command, const char *help,
		const struct cli_opt *opts);
/* A whole number from min to max in the environment variable name, if it
 * is set (else *out stays); false after one line naming it if it is set to
 * anything else. */
bool cli_env_number(const char *name, long min, long max, long *out);
/* The links in mail point at $KIEM_BASE_URL, if set (without its trailing
 * slashes), as for serve. */
void cli_base_url(void);
/* The account of email in *u; 1 after one line if there is none. */
struct user;
int cli_user(struct store *s, struct arena *a, const char *email, struct user *u);
/* After getopt_long (with an optstring that starts with ':') returned '?'
 * or ':': prints one line that says what is wrong and returns 2. */
int cli_bad_option(const char *command, int c, char **argv);
/* Prints "kiem: MESSAGE" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
