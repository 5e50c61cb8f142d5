/* cli: the operator's commands, one file each, and what they share. */
#ifndef KIEM_CLI_H
#define KIEM_CLI_H

#include <stdbool.h>

struct store;

int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_accounts(int argc, char **argv);

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
int cmd_mail(int argc, char **argv);
/* kiem notifications digest (notifications.c); serve's worker sends the
 * daily digest (worker/digester.c). */
int cmd_notifications(int argc, char **argv);
/* The demo's supports, comments and follows on the demo issues (demo_voice.c). */
int demo_voice(struct store *s);

/* The database path: the flag, else $KIEM_DB, else ./kiem.db. */
const char *cli_db_path(const char *flag);
/* Opens the database and brings its schema up to date, and opens the key
 * that seals mail in the outbox (KIEM_KEY_FILE, else the database's path
 * and ".key"; made on first use); prints a one-line error and returns
 * non-zero on failure. create makes a new file. */
int cli_open(const char *path, bool create, struct store **out);
/* Loads the demo ecosystem (cli/demo.c). */
int demo_load(struct store *s);
/* The demo's social issues (demo_issues.c), after its parties. */
struct viewer;
int demo_issues_load(struct store *s, const struct viewer *admin);
/* The demo's signals (demo_signals.c), after its issues. */
int demo_signals_load(struct store *s, const struct viewer *admin);
/* The factors and role ledgers of the demo issues (demo_factors.c). */
int demo_factors_load(struct store *s, const struct viewer *admin);
/* The zone of the times people read (pages, mail) from KIEM_TIMEZONE, an
 * IANA name of the system's tzdata (default Europe/Amsterdam); prints one
 * line naming the variable and returns 2 when it is no zone. */
int cli_timezone_config(void);
/* After getopt_long (with an optstring that starts with ':') returned '?'
 * or ':': prints one line that says what is wrong and returns 2. */
int cli_bad_option(const char *command, int c, char **argv);
/* Prints "kiem: MESSAGE" to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
