/* kiem user add: creates an account; the password comes from standard input. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/area.h"
#include "../model/user.h"
#include "../store/store.h"
#include "cli.h"

static const char usage[] =
	"usage: kiem user add --email E --name N [--admin | --coordinator AREA_CODE] [--db PATH]\n"
	"\n"
	"Creates an account. The password (at least 12 characters) is read from\n"
	"standard input: typed at the prompt, or piped in as the first line.\n"
	"\n"
	"  --email E                the address to log in with\n"
	"  --name N                 the name others see\n"
	"  --admin                  a platform administrator\n"
	"  --coordinator AREA_CODE  a coordinator of that area (a CBS code, like GM0344)\n"
	"  --db PATH                the database (default $KIEM_DB, else ./kiem.db)\n";

/* Reads one line without echo when stdin is a terminal. */
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
	if (!line)
		return -1;
	size_t len = strlen(out);
	if (len == n - 1 && out[len - 1] != '\n')
		return -2;
	while (len && (out[len - 1] == '\n' || out[len - 1] == '\r'))
		out[--len] = 0;
	return 0;
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

int cmd_user(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "email", required_argument, NULL, 'e' },
		{ "name", required_argument, NULL, 'n' },
		{ "admin", no_argument, NULL, 'a' },
		{ "coordinator", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "add") != 0) {
		cli_error("unknown user command '%s'; see 'kiem user --help'", argv[1]);
		return 2;
	}
	const char *email = NULL, *name = NULL, *db = NULL, *area = NULL;
	bool admin = false;
	int c;
	optind = 2;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'e': email = optarg; break;
		case 'n': name = optarg; break;
		case 'a': admin = true; break;
		case 'c': area = optarg; break;
		case 'd': db = optarg; break;
		case 'h': fputs(usage, stdout); return 0;
		default: return cli_bad_option("user add", c, argv);
		}
	}
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
	int rc = 1;
	struct area ar;
	if (area && area_get(s, a, area, &ar)) {
		cli_error("there is no area with code '%s'; list them with GET /api/v1/areas", area);
		goto out;
	}
	char password[PASSWORD_MAX + 2];
	int pr = read_password(password, sizeof password);
	if (pr) {
		cli_error(pr == -2 ? "the password is too long (at most %d characters)"
				   : "no password on standard input (at least %d characters)",
			  pr == -2 ? PASSWORD_MAX : PASSWORD_MIN);
		goto out;
	}
	struct problems p = { 0 };
	struct user u;
	enum platform_role role = admin ? PROLE_ADMIN : area ? PROLE_COORDINATOR : PROLE_USER;
	int err = user_add(s, a, email, name, password, role, &u, &p);
	memset(password, 0, sizeof password);
	if (err == ERR_INVALID) {
		char msg[200];
		problem_text(&p.v[0], LANG_EN, msg, sizeof msg);
		cli_error("%s: %s", p.v[0].field, msg);
		goto out;
	} else if (err) {
		cli_error("could not add the user: %s", err_str(err));
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
