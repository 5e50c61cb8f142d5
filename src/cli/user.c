/* kiem user: the operator's accounts. add creates one; passwd sets a new
 * password (the way back for an operator locked out without mail); list
 * shows them all; block and unblock. Passwords come from standard input. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../model/account.h"
#include "../model/area.h"
#include "../model/user.h"
#include "../store/store.h"
#include "cli.h"

static const char usage[] =
	"usage: kiem user add --email E --name N [--admin | --coordinator AREA_CODE] [--db PATH | --pg CONNINFO]\n"
	"       kiem user passwd --email E [--db PATH | --pg CONNINFO]\n"
	"       kiem user list [--json] [--db PATH | --pg CONNINFO]\n"
	"       kiem user block --email E [--db PATH | --pg CONNINFO]\n"
	"       kiem user unblock --email E [--db PATH | --pg CONNINFO]\n"
	"\n"
	"The accounts of this kiem. 'kiem user COMMAND --help' tells more.\n"
	"  add      create an account (the password from standard input)\n"
	"  passwd   set a new password (from standard input); ends all sessions and API tokens\n"
	"  list     every account: email, name, role, confirmed, blocked, last active\n"
	"  block    stop an account: no login, its sessions end and its API tokens stop\n"
	"  unblock  let a blocked account in again\n";

static const char usage_add[] =
	"usage: kiem user add --email E --name N [--admin | --coordinator AREA_CODE] [--db PATH | --pg CONNINFO]\n"
	"\n"
	"Creates an account. The password (at least 12 characters) is read from\n"
	"standard input: typed at the prompt, or piped in as the first line.\n"
	"\n"
	"  --email E                the address to log in with\n"
	"  --name N                 the name others see\n"
	"  --admin                  a platform administrator\n"
	"  --coordinator AREA_CODE  a coordinator of that area (a CBS code, like GM0344)\n"
	"  --db PATH                the database (default $KIEM_DB, else ./kiem.db)\n"
	CLI_HELP_PG;

static const char usage_passwd[] =
	"usage: kiem user passwd --email E [--db PATH | --pg CONNINFO]\n"
	"\n"
	"Sets a new password for the account with that email, without mail: the way\n"
	"back in for whoever lost theirs. The password (at least 12 characters) is\n"
	"read from standard input: typed at the prompt, or piped in as the first line.\n"
	"Every session of the account ends and its API tokens stop working, links\n"
	"to reset the password stop, and a mail tells the person so. The address\n"
	"counts as confirmed from then on. A running serve need not be stopped.\n"
	"\n"
	"  --email E   whose password it is\n"
	"  --db PATH   the database (default $KIEM_DB, else ./kiem.db)\n"
	CLI_HELP_PG;

static const char usage_list[] =
	"usage: kiem user list [--json] [--db PATH | --pg CONNINFO]\n"
	"\n"
	"Prints every account, by email, as a table: email, name, role (user,\n"
	"coordinator or admin), whether the address is confirmed, whether the\n"
	"account is blocked, and when it last logged in or used kiem (UTC).\n"
	"\n"
	"  --json      a JSON array instead: id, email, name, role, confirmed,\n"
	"              blocked, lastActiveAt (null if never)\n"
	"  --db PATH   the database (default $KIEM_DB, else ./kiem.db)\n"
	CLI_HELP_PG;

static const char usage_block[] =
	"usage: kiem user block --email E [--db PATH | --pg CONNINFO]\n"
	"\n"
	"Blocks the account with that email: it cannot log in, its sessions end and\n"
	"its API tokens stop working, until 'kiem user unblock'. Blocking a blocked\n"
	"account changes nothing.\n"
	"\n"
	"  --email E   whose account it is\n"
	"  --db PATH   the database (default $KIEM_DB, else ./kiem.db)\n"
	CLI_HELP_PG;

static const char usage_unblock[] =
	"usage: kiem user unblock --email E [--db PATH | --pg CONNINFO]\n"
	"\n"
	"Unblocks the account with that email: it can log in again, and its API\n"
	"tokens work again.\n"
	"\n"
	"  --email E   whose account it is\n"
	"  --db PATH   the database (default $KIEM_DB, else ./kiem.db)\n"
	CLI_HELP_PG;

/* Reads the new password: one line, without echo when stdin is a
 * terminal; 1 after one line saying why there is none. */
static int read_password(char *out, size_t n)
{
	bool tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	if (tty) {
		fputs("Password: ", stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	char *line = fgets(out, (int)n, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
		fputc('\n', stderr);
	}
	size_t len = line ? strlen(out) : 0;
	if (!line || (len == n - 1 && out[len - 1] != '\n')) {
		cli_error(line ? "the password is too long (at most %d characters)"
			       : "no password on standard input (at least %d characters)",
			  line ? PASSWORD_MAX : PASSWORD_MIN);
		return 1;
	}
	while (len && (out[len - 1] == '\n' || out[len - 1] == '\r'))
		out[--len] = 0;
	return 0;
}

/* Says what is wrong after the model answered err, doing what. */
static void say(int err, const struct problems *p, const char *what)
{
	char msg[200];
	if (err == ERR_INVALID && p->n) {
		problem_text(&p->v[0], LANG_EN, msg, sizeof msg);
		cli_error("%s: %s", p->v[0].field, msg);
	} else
		cli_error("could not %s: %s", what, err_str(err));
}

static int set_coordinator(struct store *s, const char *user_id, const char *area)
{
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = ERR_DB;
	struct store_stmt *st = store_prepare(c,
		"INSERT INTO coordinator_areas (user_id, area_code) VALUES (?1, ?2)");
	if (st) {
		store_bind_str(st, 1, user_id);
		store_bind_str(st, 2, area);
		rc = store_run(st);
	}
	int crc = store_write_end(s, rc == 0);
	return rc ? rc : crc;
}

static int user_add_cmd(int argc, char **argv)
{
	const char *email = NULL, *name = NULL, *db = NULL, *area = NULL;
	bool admin = false;
	const struct cli_opt opts[] = {
		{ "email", &email, NULL }, { "name", &name, NULL }, { "admin", NULL, &admin },
		{ "coordinator", &area, NULL }, { "db", &db, NULL }, { 0 },
	};
	int rc = cli_options(argc, argv, 2, "user add", usage_add, opts);
	if (rc >= 0)
		return rc;
	if (!email || !name) {
		cli_error("give both --email and --name; see 'kiem user add --help'");
		return 2;
	}
	if (admin && area) {
		cli_error("choose one of --admin and --coordinator");
		return 2;
	}
	struct store *s;
	if (cli_open(cli_db_path(db), false, &s))
		return 1;
	struct arena *a = arena_new();
	rc = 1;
	struct area ar;
	char password[PASSWORD_MAX + 2];
	if (area && area_get(s, a, area, &ar)) {
		cli_error("there is no area with code '%s'; list them with GET /api/v1/areas", area);
		goto out;
	}
	if (read_password(password, sizeof password))
		goto out;
	struct problems p = { 0 };
	struct user u;
	enum platform_role role = admin ? PROLE_ADMIN : area ? PROLE_COORDINATOR : PROLE_USER;
	int err = user_add(s, a, email, name, password, role, &u, &p);
	memset(password, 0, sizeof password);
	if (err) {
		say(err, &p, "add the user");
		goto out;
	}
	if (area && set_coordinator(s, u.id, area)) {
		cli_error("the user was added, but not as coordinator of %s", area);
		goto out;
	}
	printf("kiem: added %s <%s> as %s%s%s\n", u.name, u.email, platform_roles[role].key,
	       area ? " of " : "", area ? area : "");
	rc = 0;
out:
	arena_free(a);
	store_close(s);
	return rc;
}

/* passwd, block and unblock: the account of --email, opened, in *s, *a
 * and *u. -1 to go on, else the exit code. */
static int open_user(int argc, char **argv, const char *command, const char *help, struct store **s,
		     struct arena **a, struct user *u)
{
	const char *email = NULL, *db = NULL;
	const struct cli_opt opts[] = { { "email", &email, NULL }, { "db", &db, NULL }, { 0 } };
	int rc = cli_options(argc, argv, 2, command, help, opts);
	if (rc >= 0)
		return rc;
	if (!email) {
		cli_error("give --email; see 'kiem %s --help'", command);
		return 2;
	}
	if (cli_open(cli_db_path(db), false, s))
		return 1;
	*a = arena_new();
	if (!cli_user(*s, *a, email, u))
		return -1;
	arena_free(*a);
	store_close(*s);
	return 1;
}

static int user_passwd(int argc, char **argv)
{
	struct store *s;
	struct arena *a;
	struct user u;
	int rc = open_user(argc, argv, "user passwd", usage_passwd, &s, &a, &u);
	if (rc >= 0)
		return rc;
	rc = 1;
	char password[PASSWORD_MAX + 2];
	if (read_password(password, sizeof password))
		goto out;
	struct problems p = { 0 };
	int err = account_set_password(s, a, u.email, password, &u, &p);
	memset(password, 0, sizeof password);
	if (err) {
		say(err, &p, "set the password");
		goto out;
	}
	printf("kiem: new password for %s; its sessions and API tokens ended, and a mail says so%s\n", u.email,
	       u.blocked ? "; the account is still blocked ('kiem user unblock' lets it in)" : "");
	rc = 0;
out:
	arena_free(a);
	store_close(s);
	return rc;
}

static int user_block(int argc, char **argv, bool blocked)
{
	struct store *s;
	struct arena *a;
	struct user u;
	int rc = open_user(argc, argv, blocked ? "user block" : "user unblock", blocked ? usage_block : usage_unblock,
			   &s, &a, &u);
	if (rc >= 0)
		return rc;
	rc = 0;
	/* the operator, as the system: the log names no one as actor */
	const struct viewer system = { .authenticated = true, .role = PROLE_ADMIN };
	int err = u.blocked != blocked ? user_set_blocked(s, &system, u.id, blocked) : 0;
	if (err) {
		cli_error("could not %s %s: %s", blocked ? "block" : "unblock", u.email, err_str(err));
		rc = 1;
	} else
		printf("kiem: %s %s%s\n", u.email, blocked ? "is blocked" : "is unblocked",
		       u.blocked == blocked ? " (it was already)" : "");
	arena_free(a);
	store_close(s);
	return rc;
}

/* The accounts, gathered for the table (its columns need their widths). */
struct rows {
	struct user *v;
	const char **active;
	size_t n, cap;
};

static int gather(void *ctx, const struct user *u, const char *last_active_at)
{
	struct rows *r = ctx;
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		struct user *v = realloc(r->v, cap * sizeof *v);
		if (v)
			r->v = v;
		const char **act = v ? realloc(r->active, cap * sizeof *act) : NULL;
		if (act)
			r->active = act;
		if (!v || !act)
			return ERR_NOMEM;
		r->cap = cap;
	}
	r->v[r->n] = *u;
	r->active[r->n++] = last_active_at;
	return 0;
}

static const char *yes_no(bool b)
{
	return b ? "yes" : "no";
}

/* Prints text padded with spaces to width characters (not bytes). */
static void cell(const char *text, size_t width, bool last)
{
	fputs(text, stdout);
	if (last) {
		fputc('\n', stdout);
		return;
	}
	for (size_t w = text_utf8_len(text, strlen(text)); w < width + 2; w++)
		fputc(' ', stdout);
}

static void print_table(const struct rows *r)
{
	enum { COLS = 6 };
	static const char *const head[COLS] = { "EMAIL", "NAME", "ROLE", "CONFIRMED", "BLOCKED", "LAST ACTIVE" };
	size_t width[COLS];
	for (int c = 0; c < COLS; c++)
		width[c] = strlen(head[c]);
	for (size_t i = 0; i < r->n; i++) {
		const char *v[2] = { r->v[i].email, r->v[i].name };
		for (int c = 0; c < 2; c++) {
			size_t w = text_utf8_len(v[c], strlen(v[c]));
			if (w > width[c])
				width[c] = w;
		}
		size_t w = strlen(r->v[i].role);
		if (w > width[2])
			width[2] = w;
	}
	for (int c = 0; c < COLS; c++)
		cell(head[c], width[c], c == COLS - 1);
	for (size_t i = 0; i < r->n; i++) {
		const struct user *u = &r->v[i];
		cell(u->email, width[0], false);
		cell(u->name, width[1], false);
		cell(u->role, width[2], false);
		cell(yes_no(u->confirmed), width[3], false);
		cell(yes_no(u->blocked), width[4], false);
		cell(r->active[i] ? r->active[i] : "never", width[5], true);
	}
}

static int print_json(const struct rows *r)
{
	json_t *list = json_array();
	for (size_t i = 0; i < r->n; i++) {
		const struct user *u = &r->v[i];
		json_t *o = json_object();
		json_object_set_new(o, "id", json_string(u->id));
		json_object_set_new(o, "email", json_string(u->email));
		json_object_set_new(o, "name", json_string(u->name));
		json_object_set_new(o, "role", json_string(u->role));
		json_object_set_new(o, "confirmed", json_boolean(u->confirmed));
		json_object_set_new(o, "blocked", json_boolean(u->blocked));
		json_object_set_new(o, "lastActiveAt", r->active[i] ? json_string(r->active[i]) : json_null());
		json_array_append_new(list, o);
	}
	int rc = json_dumpf(list, stdout, JSON_INDENT(2)) == 0 ? 0 : ERR_NOMEM;
	json_decref(list);
	fputc('\n', stdout);
	return rc;
}

static int user_list_cmd(int argc, char **argv)
{
	const char *db = NULL;
	bool json = false;
	const struct cli_opt opts[] = { { "json", NULL, &json }, { "db", &db, NULL }, { 0 } };
	int rc = cli_options(argc, argv, 2, "user list", usage_list, opts);
	if (rc >= 0)
		return rc;
	struct store *s;
	if (cli_open(cli_db_path(db), false, &s))
		return 1;
	struct arena *a = arena_new();
	struct rows r = { 0 };
	int err = user_each(s, a, gather, &r);
	if (!err && json)
		err = print_json(&r);
	else if (!err)
		print_table(&r);
	if (err)
		cli_error("could not list the users: %s", err_str(err));
	free(r.v);
	free(r.active);
	arena_free(a);
	store_close(s);
	return err ? 1 : 0;
}

int cmd_user(int argc, char **argv)
{
	static const char *const subs[] = { "add", "passwd", "list", "block", "unblock", NULL };
	int rc = cli_subcommand(argc, argv, subs, usage);
	if (rc >= 0)
		return rc;
	if (strcmp(argv[1], "add") == 0)
		return user_add_cmd(argc, argv);
	if (strcmp(argv[1], "passwd") == 0)
		return user_passwd(argc, argv);
	if (strcmp(argv[1], "list") == 0)
		return user_list_cmd(argc, argv);
	return user_block(argc, argv, strcmp(argv[1], "block") == 0);
}
