#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../base/timefmt.h"
#include "../model/outbox.h"
#include "../model/role.h"
#include "../model/user.h"
#include "../store/store.h"
#include "cli.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("kiem: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

const char *cli_db_path(const char *flag)
{
	if (flag && *flag)
		return flag;
	const char *env = getenv("KIEM_DB");
	return env && *env ? env : "kiem.db";
}

/* Copies the conninfo into out without its password: a URI's
 * user:password@ and password= in its query, or a key=value list's
 * password=VALUE (VALUE perhaps in quotes, with \ escapes). */
static void conninfo_safe(const char *ci, struct buf *out)
{
	const char *scheme = strstr(ci, "://");
	if (scheme && (strncmp(ci, "postgresql://", 13) == 0 || strncmp(ci, "postgres://", 11) == 0)) {
		const char *host = scheme + 3, *end = host + strcspn(host, "/?");
		const char *at = memchr(host, '@', (size_t)(end - host));
		const char *colon = at ? memchr(host, ':', (size_t)(at - host)) : NULL;
		buf_add(out, ci, (size_t)((colon ? colon : end) - ci));
		if (colon)
			buf_add(out, at, (size_t)(end - at));
		const char *query = end + strcspn(end, "?"); /* after the path */
		buf_add(out, end, (size_t)(query - end));
		bool first = true;
		for (const char *p = query; *p;) {
			size_t n = strcspn(p + 1, "&"); /* k=v after its ? or & */
			if (strncmp(p + 1, "password=", 9) != 0) {
				buf_addc(out, first ? '?' : '&');
				buf_add(out, p + 1, n);
				first = false;
			}
			p += n + 1;
		}
		return;
	}
	for (const char *p = ci; *p;) {
		size_t space = strspn(p, " \t\n");
		const char *key = p + space, *v = key + strcspn(key, "= \t\n");
		while (*v == ' ' || *v == '\t')
			v++;
		if (*v == '=')
			v++;
		while (*v == ' ' || *v == '\t')
			v++;
		const char *e = v;
		if (*e == '\'') {
			for (e++; *e && *e != '\''; e++)
				if (*e == '\\' && e[1])
					e++;
			if (*e)
				e++;
		} else {
			e += strcspn(e, " \t\n");
		}
		if (strncmp(key, "password", 8) != 0 || strchr("= \t", key[8]) == NULL)
			buf_add(out, p, (size_t)(e - p));
		p = e;
	}
}

const char *cli_db_name(const char *path, char *out, size_t n)
{
	const char *pg = getenv("KIEM_PG");
	if (!pg || !*pg) {
		snprintf(out, n, "%s", path);
		return out;
	}
	struct buf b = BUF_INIT(4096);
	conninfo_safe(pg, &b);
	snprintf(out, n, "PostgreSQL %s", b.err ? "(too long to show)" : b.ptr);
	buf_release(&b);
	return out;
}

/* The key that seals mail in the outbox: KIEM_KEY_FILE, else beside the
 * database. */
static int open_key(const char *db_path)
{
	char path[4096], why[4200];
	const char *env = getenv("KIEM_KEY_FILE");
	if (env && *env)
		snprintf(path, sizeof path, "%s", env);
	else if ((size_t)snprintf(path, sizeof path, "%s.key", db_path) >= sizeof path)
		path[0] = 0;
	bool made = false;
	if (!path[0] || outbox_open_key(path, &made, why, sizeof why)) {
		cli_error("%s; it seals the mail in the outbox (see KIEM_KEY_FILE in docs/operations.md)",
			  path[0] ? why : "the database's path is too long for its key file");
		return 1;
	}
	if (made)
		log_info("made the key file %s, which seals the mail in the outbox: keep it, apart from"
			 " the database's backups (docs/operations.md)", path);
	return 0;
}

int cli_open(const char *path, bool create, struct store **out)
{
	/* KIEM_PG (or --pg, main.c), a PostgreSQL conninfo, instead of the file */
	const char *pg = getenv("KIEM_PG"), *name = path;
	char shown[1024];
	if (pg && *pg) {
		name = cli_db_name(path, shown, sizeof shown); /* the key file stays beside path */
		if (store_open(out, pg, STORE_PG)) {
			cli_error("cannot connect to %s (--pg or KIEM_PG); see the log above", name);
			return 1;
		}
	} else if (!create && access(path, F_OK) != 0) {
		cli_error("there is no database at %s; create one with 'kiem init --db %s'", path, path);
		return 1;
	} else if (store_open(out, path, create ? STORE_CREATE : 0)) {
		cli_error("cannot open the database at %s; check the path and its permissions", path);
		return 1;
	}
	int applied = 0;
	if (store_migrate(*out, &applied) || role_seed(*out)) {
		cli_error("cannot bring the database at %s up to date; see the log above", name);
		store_close(*out);
		*out = NULL;
		return 1;
	}
	if (applied)
		log_info("applied %d migration(s) to %s", applied, name);
	if (open_key(path)) {
		store_close(*out);
		*out = NULL;
		return 1;
	}
	return 0;
}

int cli_timezone_config(void)
{
	const char *zone = getenv("KIEM_TIMEZONE");
	if (!zone || !*zone)
		zone = "Europe/Amsterdam";
	if (time_zone_set(zone)) {
		cli_error("KIEM_TIMEZONE must name a time zone of the system's tzdata, such as Europe/Amsterdam"
			  " or UTC, not '%s' (is the package tzdata installed?)", zone);
		return 2;
	}
	return 0;
}

int cli_bad_option(const char *command, int c, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "?";
	if (c == ':')
		cli_error("option %s needs a value; see 'kiem %s --help'", arg, command);
	else
		cli_error("option %s is not known; see 'kiem %s --help'", arg, command);
	return 2;
}

int cli_subcommand(int argc, char **argv, const char *const *subs, const char *usage)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	for (const char *const *sub = subs; *sub; sub++)
		if (strcmp(argv[1], *sub) == 0)
			return -1;
	cli_error("unknown %s command '%s'; see 'kiem %s --help'", argv[0], argv[1], argv[0]);
	return 2;
}

int cli_options(int argc, char **argv, int first, const char *command, const char *help,
		const struct cli_opt *opts)
{
	/* getopt's val: 1 for --help, i + 2 for opts[i] */
	struct option longs[CLI_OPTS_MAX + 2] = { { "help", no_argument, NULL, 1 } };
	int n = 0;
	for (; opts[n].name && n < CLI_OPTS_MAX; n++)
		longs[n + 1] = (struct option){ opts[n].name, opts[n].value ? required_argument : no_argument, NULL, n + 2 };
	int c;
	optind = first;
	while ((c = getopt_long(argc, argv, ":", longs, NULL)) != -1) {
		if (c == 1) {
			fputs(help, stdout);
			return 0;
		}
		if (c < 2 || c >= n + 2)
			return cli_bad_option(command, c, argv);
		if (opts[c - 2].value)
			*opts[c - 2].value = optarg;
		else
			*opts[c - 2].flag = true;
	}
	if (optind < argc) {
		cli_error("unexpected argument '%s'; see 'kiem %s --help'", argv[optind], command);
		return 2;
	}
	return -1;
}

bool cli_env_number(const char *name, long min, long max, long *out)
{
	const char *v = getenv(name);
	if (!v || !*v)
		return true;
	char *end;
	long n = strtol(v, &end, 10);
	if (*end || end == v || n < min || n > max) {
		cli_error("%s must be a whole number from %ld to %ld, not '%s'", name, min, max, v);
		return false;
	}
	*out = n;
	return true;
}

void cli_base_url(void)
{
	static char base[512];
	const char *b = getenv("KIEM_BASE_URL");
	if (!b || !*b)
		return;
	snprintf(base, sizeof base, "%s", b);
	size_t len = strlen(base);
	while (len && base[len - 1] == '/')
		base[--len] = 0;
	outbox_base_url = base;
}

int cli_user(struct store *s, struct arena *a, const char *email, struct user *u)
{
	int err = user_by_email(s, a, email, u);
	if (err == ERR_NOTFOUND)
		cli_error("there is no user with email %s; see 'kiem user list', or 'kiem user add' to add one", email);
	else if (err)
		cli_error("could not look up %s: %s", email, err_str(err));
	return err ? 1 : 0;
}
