#include "user.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "area.h"
#include "password.h"
#include "registry.h"
#include "rows.h"

_Static_assert(USER_HASH_MAX >= crypto_pwhash_STRBYTES, "room for an argon2id hash");

void secret_hash(const char *secret, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)secret, strlen(secret), NULL, 0);
	text_hex(h, sizeof h, out);
}

void secret_new(char out[SECRET_STRLEN + 1])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	text_base64url(raw, sizeof raw, out);
	sodium_memzero(raw, sizeof raw);
}

char *email_normal(struct arena *a, const char *s)
{
	char *t = text_trim(a, s, strlen(s));
	for (char *c = t; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	return t;
}

#define USER_COLS "id, email, name, platform_role, created_at, blocked_at IS NOT NULL," \
	" email_confirmed_at IS NOT NULL, lang"

enum platform_role user_role(const struct user *u)
{
	int r = enum_find(platform_roles, PROLE_COUNT, u->role);
	return r < 0 ? PROLE_USER : (enum platform_role)r;
}

static void read_user(struct store_stmt *st, struct arena *a, void *row)
{
	struct user *u = row;
	snprintf(u->id, sizeof u->id, "%s", store_text(st, 0));
	u->email = arena_strdup(a, store_text(st, 1));
	u->name = arena_strdup(a, store_text(st, 2));
	int r = enum_find(platform_roles, PROLE_COUNT, store_text(st, 3));
	u->role = platform_roles[r < 0 ? PROLE_USER : r].key;
	u->created_at = arena_strdup(a, store_text(st, 4));
	u->blocked = store_int(st, 5) != 0;
	u->confirmed = store_int(st, 6) != 0;
	u->lang = strcmp(store_text(st, 7), "en") == 0 ? LANG_EN : LANG_NL;
}

void user_check_password(struct problems *p, const char *field, const char *password,
			 const char *email, const char *name)
{
	size_t plen = password ? strlen(password) : 0;
	if (!plen)
		problems_add(p, field, R_REQUIRED, 0);
	else if (!text_utf8_valid(password, plen))
		problems_add(p, field, R_BAD_UTF8, 0);
	else if (text_utf8_len(password, plen) < PASSWORD_MIN)
		problems_add(p, field, R_TOO_SHORT, PASSWORD_MIN);
	else if (plen > PASSWORD_MAX)
		problems_add(p, field, R_TOO_LONG, PASSWORD_MAX);
	else if (password_weak(password, email ? email : "", name ? name : ""))
		problems_add(p, field, R_WEAK_PASSWORD, 0);
}

void user_check_new(struct arena *a, const char **email, const char **name, const char *password,
		    struct problems *p)
{
	*email = *email ? email_normal(a, *email) : "";
	*name = *name ? text_trim(a, *name, strlen(*name)) : "";
	if (valid_text(p, "email", *email, true, USER_EMAIL_MAX, false) && !valid_email(*email))
		problems_add(p, "email", R_BAD_EMAIL, 0);
	valid_text(p, "name", *name, true, USER_NAME_MAX, false);
	user_check_password(p, "password", password, *email, *name);
}

int user_hash_password(const char *password, char out[USER_HASH_MAX])
{
	return crypto_pwhash_str_alg(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				     crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13)
		? ERR_NOMEM : 0;
}

int user_add(struct store *s, struct arena *a, const char *email, const char *name,
	     const char *password, enum platform_role role, struct user *out, struct problems *p)
{
	user_check_new(a, &email, &name, password, p);
	if (p->n)
		return ERR_INVALID;

	char hash[USER_HASH_MAX];
	if (user_hash_password(password, hash))
		return ERR_NOMEM;
	uuid7_new(out->id);
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	out->email = email;
	out->name = name;
	out->role = platform_roles[role].key;
	out->created_at = now;
	out->blocked = false;
	out->confirmed = true;
	out->lang = LANG_NL;

	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = rows_run(c,
		"INSERT INTO users (id, email, name, password_hash, platform_role, created_at,"
		"   email_confirmed_at, last_active_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?6)", 6,
		out->id, email, name, hash, platform_roles[role].key, now);
	if (rc == ERR_CONFLICT) {
		problems_add(p, "email", R_DUPLICATE, 0);
		rc = ERR_INVALID;
	}
	if (!rc)
		rc = activity_add(c, NULL, "create", "user", out->id, "");
	sodium_memzero(hash, sizeof hash);
	return rows_commit(s, rc);
}

int user_by_email(struct store *s, struct arena *a, const char *email, struct user *out)
{
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " USER_COLS " FROM users WHERE email = ?1", 1, email_normal(a, email));
	return rows_one(st, a, read_user, out);
}

int user_authenticate(struct store *s, struct arena *a, const char *email, const char *password,
		      struct user *out)
{
	/* A hash to check against when there is no such user, so that a wrong
	 * email costs as much time as a wrong password. */
	static char dummy[crypto_pwhash_STRBYTES];
	if (!dummy[0] && crypto_pwhash_str_alg(dummy, "kiem-dummy-password", 19,
					       crypto_pwhash_OPSLIMIT_INTERACTIVE,
					       crypto_pwhash_MEMLIMIT_INTERACTIVE,
					       crypto_pwhash_ALG_ARGON2ID13))
		return ERR_NOMEM;
	if (!email || !password || strlen(password) > PASSWORD_MAX)
		return ERR_AUTH;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " USER_COLS ", password_hash FROM users WHERE email = ?1 AND blocked_at IS NULL", 1,
		email_normal(a, email));
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	const char *hash = dummy;
	bool found = false;
	if (rc == STORE_ROW) {
		read_user(st, a, out);
		hash = arena_strdup(a, store_text(st, 8));
		found = true;
	}
	store_reset(st);
	if (rc < 0)
		return rc;
	bool ok = crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
	if (!found || !ok)
		return ERR_AUTH;
	/* only the owner of the password learns that the address waits for
	 * its confirmation */
	return out->confirmed ? 0 : ERR_UNCONFIRMED;
}

int user_get(struct store *s, struct arena *a, const char *id, struct user *out)
{
	struct store_stmt *st = rows_prepare(store_reader(s), "SELECT " USER_COLS " FROM users WHERE id = ?1", 1, id);
	return rows_one(st, a, read_user, out);
}

/* A session's columns; ?3 is the hash of the request's own token. */
#define SESSION_COLS "token_hash, created_at, last_seen_at, expires_at, token_hash = ?3"

static void read_session(struct store_stmt *st, struct arena *a, void *row)
{
	struct session_info *si = row;
	snprintf(si->id, sizeof si->id, "%.16s", store_text(st, 0));
	si->created_at = arena_strdup(a, store_text(st, 1));
	si->last_seen_at = arena_strdup(a, store_text(st, 2));
	si->expires_at = arena_strdup(a, store_text(st, 3));
	si->current = store_int(st, 4) != 0;
}

int session_list(struct store *s, struct arena *a, const struct viewer *v, const char *current_token,
		 struct session_info **items, size_t *n)
{
	enum { MAX = 100 };
	int rc = perm_check(v, OBJ_TOKEN, ACT_CREATE, NULL);
	if (rc)
		return rc;
	char current[65] = "", now[TIME_STRLEN + 1];
	if (current_token)
		secret_hash(current_token, current);
	time_now(now);
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " SESSION_COLS " FROM sessions"
		" WHERE user_id = ?1 AND expires_at > ?2 ORDER BY created_at DESC LIMIT 100", 3,
		v->user_id, now, current);
	*items = arena_alloc(a, sizeof **items * MAX);
	return rows_read(st, a, read_session, *items, sizeof **items, MAX, n);
}

int session_get(struct store *s, struct arena *a, const struct viewer *v, const char *current_token,
		const char *id, struct session_info *out)
{
	int rc = perm_check(v, OBJ_TOKEN, ACT_CREATE, NULL);
	if (rc)
		return rc;
	if (!id || strlen(id) != 16 || strspn(id, "0123456789abcdef") != 16)
		return ERR_NOTFOUND;
	char current[65] = "", now[TIME_STRLEN + 1];
	if (current_token)
		secret_hash(current_token, current);
	time_now(now);
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " SESSION_COLS " FROM sessions"
		" WHERE user_id = ?1 AND substr(token_hash, 1, 16) = ?4 AND expires_at > ?2"
		" ORDER BY created_at DESC LIMIT 1", 4, v->user_id, now, current, id);
	return rows_one(st, a, read_session, out);
}

int session_revoke(struct store *s, const struct viewer *v, const char *id)
{
	int rc = perm_check(v, OBJ_TOKEN, ACT_CREATE, NULL);
	if (rc)
		return rc;
	if (!id || strlen(id) != 16 || strspn(id, "0123456789abcdef") != 16)
		return ERR_NOTFOUND;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_change(c, "DELETE FROM sessions WHERE user_id = ?1 AND substr(token_hash, 1, 16) = ?2", 2,
			v->user_id, id);
	int crc = store_write_end_aside(s, rc == 0);
	return rc ? rc : crc;
}

/* A user was active now (?2): a login, or a secret used, ends a warning of
 * the inactivity sweep. */
static const char active_sql[] =
	"UPDATE users SET last_active_at = ?2, inactivity_warned_at = NULL WHERE id = ?1";

int session_create(struct store *s, const char *user_id, char token[SECRET_STRLEN + 1])
{
	char hash[65], now[TIME_STRLEN + 1], expires[TIME_STRLEN + 1], idle[TIME_STRLEN + 1];
	secret_new(token);
	secret_hash(token, hash);
	time_t t = time(NULL);
	time_format(t, now);
	time_format(t + SESSION_DAYS * 86400, expires);
	time_format(t - SESSION_IDLE_HOURS * 3600L, idle);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	/* sessions that ended (expired or idle too long) are kept no longer:
	 * each login clears them away */
	int rc = rows_run(c, "DELETE FROM sessions WHERE expires_at <= ?1 OR last_seen_at <= ?2", 2, now, idle);
	if (!rc)
		rc = rows_run(c,
			"INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)"
			" VALUES (?1, ?2, ?3, ?3, ?4)", 4, hash, user_id, now, expires);
	/* a login is activity: the inactivity sweep starts counting again */
	if (!rc)
		rc = rows_run(c, active_sql, 2, user_id, now);
	int crc = store_write_end_aside(s, rc == 0);
	return rc ? rc : crc;
}

/* Writes when a secret was last used (sql sets ?2 where the hash is ?1),
 * and that its owner (user_id) was active, which ends a warning of the
 * inactivity sweep. Bookkeeping: a failure here does not fail the request. */
static void touch(struct store *s, const char *sql, const char *hash, const char *now,
		  const char *user_id)
{
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return;
	int rc = rows_run(c, sql, 2, hash, now);
	if (!rc)
		rc = rows_run(c, active_sql, 2, user_id, now);
	store_write_end_aside(s, rc == 0);
}

/* Runs a lookup of a secret's viewer: st selects the user's id, name and
 * platform role and whether the secret's "last used" time is due to be
 * written again, which touch_sql then does (see touch). */
static int lookup_viewer(struct store *s, struct store_stmt *st, const char *touch_sql, const char *hash,
			 const char *now, struct viewer *out)
{
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	bool due = false;
	if (rc == STORE_ROW) {
		memset(out, 0, sizeof *out);
		out->authenticated = true;
		snprintf(out->user_id, sizeof out->user_id, "%s", store_text(st, 0));
		snprintf(out->name, sizeof out->name, "%s", store_text(st, 1));
		int r = enum_find(platform_roles, PROLE_COUNT, store_text(st, 2));
		out->role = r < 0 ? PROLE_USER : (enum platform_role)r;
		due = store_int(st, 3) != 0;
		rc = 0;
	} else if (rc == STORE_DONE) {
		rc = ERR_AUTH;
	}
	store_reset(st);
	if (due)
		touch(s, touch_sql, hash, now, out->user_id);
	return rc;
}

int session_viewer(struct store *s, const char *token, struct viewer *out)
{
	if (!token || strlen(token) != SECRET_STRLEN)
		return ERR_AUTH;
	time_t t = time(NULL);
	char now[TIME_STRLEN + 1], idle[TIME_STRLEN + 1], touch_before[TIME_STRLEN + 1], hash[65];
	time_format(t, now);
	time_format(t - SESSION_IDLE_HOURS * 3600L, idle);
	time_format(t - 300, touch_before);
	secret_hash(token, hash);
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT u.id, u.name, u.platform_role, s.last_seen_at < ?4 FROM sessions s"
		" JOIN users u ON u.id = s.user_id AND u.blocked_at IS NULL"
		" WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND s.last_seen_at > ?3", 4,
		hash, now, idle, touch_before);
	/* in use: the idle clock starts again (at most every five minutes) */
	return lookup_viewer(s, st, "UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1", hash, now,
			     out);
}

int session_delete(struct store *s, const char *token)
{
	if (!token || strlen(token) != SECRET_STRLEN)
		return 0;
	char hash[65];
	secret_hash(token, hash);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = rows_run(c, "DELETE FROM sessions WHERE token_hash = ?1", 1, hash);
	int crc = store_write_end_aside(s, rc == 0);
	return rc ? rc : crc;
}

int token_create(struct store *s, struct arena *a, const struct viewer *v, const char *name,
		 char secret[TOKEN_STRLEN + 1], struct api_token *out, struct problems *p)
{
	int rc = perm_check(v, OBJ_TOKEN, ACT_CREATE, NULL);
	if (rc)
		return rc;
	if (!name || !*name)
		name = "API";
	if (!valid_text(p, "name", name, true, TOKEN_NAME_MAX, false) || p->n)
		return ERR_INVALID; /* also for the caller's problems: no token then */
	char raw[SECRET_STRLEN + 1], hash[65];
	secret_new(raw);
	snprintf(secret, TOKEN_STRLEN + 1, "kiem_%s", raw);
	secret_hash(secret, hash);
	uuid7_new(out->id);
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	out->name = name;
	out->created_at = now;
	out->last_used_at = NULL;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_run(c,
		"INSERT INTO api_tokens (id, user_id, token_hash, name, created_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5)", 5, out->id, v->user_id, hash, name, now);
	if (!rc)
		rc = activity_add(c, v, "create", "token", out->id, "");
	return rows_commit(s, rc);
}

int token_viewer(struct store *s, const char *secret, struct viewer *out)
{
	if (!secret || strlen(secret) != TOKEN_STRLEN || strncmp(secret, "kiem_", 5) != 0)
		return ERR_AUTH;
	time_t t = time(NULL);
	char now[TIME_STRLEN + 1], minute[TIME_STRLEN + 1], hash[65];
	time_format(t, now);
	time_format(t - 60, minute);
	secret_hash(secret, hash);
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT u.id, u.name, u.platform_role, coalesce(t.last_used_at < ?2, TRUE) FROM api_tokens t"
		" JOIN users u ON u.id = t.user_id AND u.blocked_at IS NULL WHERE t.token_hash = ?1", 2,
		hash, minute);
	/* when it was last used, to the minute, so its owner can tell */
	return lookup_viewer(s, st, "UPDATE api_tokens SET last_used_at = ?2 WHERE token_hash = ?1", hash, now,
			     out);
}

static void read_token(struct store_stmt *st, struct arena *a, void *row)
{
	struct api_token *t = row;
	snprintf(t->id, sizeof t->id, "%s", store_text(st, 0));
	t->name = arena_strdup(a, store_text(st, 1));
	t->created_at = arena_strdup(a, store_text(st, 2));
	t->last_used_at = rows_opt(st, a, 3);
}

int token_list(struct store *s, struct arena *a, const struct viewer *v, struct api_token **items,
	       size_t *n)
{
	enum { MAX = 100 };
	int rc = perm_check(v, OBJ_TOKEN, ACT_CREATE, NULL);
	if (rc)
		return rc;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = ?1"
		" ORDER BY id LIMIT 100", 1, v->user_id);
	*items = arena_alloc(a, sizeof **items * MAX);
	return rows_read(st, a, read_token, *items, sizeof **items, MAX, n);
}

int token_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
	      struct api_token *out)
{
	int rc = perm_check(v, OBJ_TOKEN, ACT_CREATE, NULL);
	if (rc)
		return rc;
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT id, name, created_at, last_used_at FROM api_tokens WHERE id = ?1 AND user_id = ?2", 2,
		id, v->user_id);
	return rows_one(st, a, read_token, out);
}

int token_revoke(struct store *s, const struct viewer *v, const char *id)
{
	int rc = perm_check(v, OBJ_TOKEN, ACT_CREATE, NULL);
	if (rc)
		return rc;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_change(c, "DELETE FROM api_tokens WHERE id = ?1 AND user_id = ?2", 2, id, v->user_id);
	if (!rc)
		rc = activity_add(c, v, "delete", "token", id, "");
	return rows_commit(s, rc);
}

/* Ends every session of a user: at a change of their rights, so the
 * browser that had them logs in again. On the writer, in a transaction. */
int user_end_sessions(struct store_conn *c, const char *user_id)
{
	return rows_run(c, "DELETE FROM sessions WHERE user_id = ?1", 1, user_id);
}

int user_end_tokens(struct store_conn *c, const char *user_id)
{
	return rows_run(c, "DELETE FROM api_tokens WHERE user_id = ?1", 1, user_id);
}

int user_set_blocked(struct store *s, const struct viewer *v, const char *user_id, bool blocked)
{
	int rc = perm_check(v, OBJ_USERS, ACT_UPDATE, NULL);
	if (rc)
		return rc;
	if (v->user_id[0] && user_id && strcmp(v->user_id, user_id) == 0)
		return ERR_CONFLICT; /* an admin cannot lock themselves out */
	char now[TIME_STRLEN + 1];
	time_now(now);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_change(c, "UPDATE users SET blocked_at = ?2 WHERE id = ?1", 2, user_id, blocked ? now : NULL);
	if (!rc && blocked)
		rc = user_end_sessions(c, user_id);
	if (!rc)
		rc = activity_add(c, v, blocked ? "block" : "unblock", "user", user_id, "blocked");
	int crc = store_write_end_aside(s, rc == 0);
	return rc ? rc : crc;
}

int user_set_coordinator(struct store *s, const struct viewer *v, const char *user_id,
			 const char *area_code, bool appoint, struct problems *p)
{
	int rc = perm_check(v, OBJ_USERS, ACT_UPDATE, NULL);
	if (rc)
		return rc;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	/* the account and the area must exist */
	rc = ERR_DB;
	struct store_stmt *st = rows_prepare(c, "SELECT (SELECT count(*) FROM users WHERE id = ?1),"
						 " (SELECT count(*) FROM areas WHERE code = ?2)", 2,
						user_id, area_code);
	if (st) {
		if (store_step(st) == STORE_ROW) {
			rc = 0;
			if (!store_int(st, 0)) {
				rc = ERR_NOTFOUND;
			} else if (!store_int(st, 1)) {
				problems_add(p, "area", R_UNKNOWN_AREA, 0);
				rc = ERR_INVALID;
			}
		}
		store_reset(st);
	}
	bool changed = false;
	if (!rc) {
		rc = rows_run(c,
			appoint
			? "INSERT INTO coordinator_areas (user_id, area_code) VALUES (?1, ?2) ON CONFLICT DO NOTHING"
			: "DELETE FROM coordinator_areas WHERE user_id = ?1 AND area_code = ?2", 2,
			user_id, area_code);
		changed = !rc && store_changes(c) > 0;
		/* dismissing from an area they do not coordinate: nothing there */
		if (!rc && !changed && !appoint)
			rc = ERR_NOTFOUND;
	}
	/* the platform role follows: a coordinator has at least one area; an
	 * admin stays admin */
	if (!rc && changed)
		rc = rows_run(c,
			"UPDATE users SET platform_role = CASE"
			" WHEN platform_role = 'admin' THEN 'admin'"
			" WHEN EXISTS (SELECT 1 FROM coordinator_areas WHERE user_id = ?1) THEN 'coordinator'"
			" ELSE 'user' END WHERE id = ?1", 1, user_id);
	if (!rc && changed)
		rc = user_end_sessions(c, user_id);
	if (!rc && changed)
		rc = activity_add(c, v, appoint ? "appoint_coordinator" : "dismiss_coordinator", "user", user_id,
				  "coordinatorAreas");
	int crc = store_write_end(s, rc == 0 && changed);
	return rc ? rc : changed ? crc : 0;
}

int user_coordinator_areas(struct store *s, struct arena *a, const char *user_id, const char ***codes,
			   size_t *n)
{
	enum { MAX = 200 };
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT ca.area_code FROM coordinator_areas ca JOIN areas a ON a.code = ca.area_code"
		" WHERE ca.user_id = ?1 ORDER BY a.path LIMIT 200", 1, user_id);
	if (!st)
		return ERR_DB;
	*codes = arena_alloc(a, sizeof **codes * MAX);
	return rows_read(st, a, rows_text, *codes, sizeof **codes, MAX, n);
}

int user_list(struct store *s, struct arena *a, const struct viewer *v, const char *q,
	      const char *cursor, int limit, struct user **items, size_t *n, const char **next,
	      struct problems *p)
{
	int rc = perm_check(v, OBJ_USERS, ACT_READ, NULL);
	if (rc)
		return rc;
	limit = valid_page(p, limit, cursor, q);
	if (p->n)
		return ERR_INVALID;
	const char *like = store_like_contains(a, q);
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " USER_COLS " FROM users"
		" WHERE (?1 IS NULL OR name LIKE ?1 ESCAPE '\\' OR email LIKE ?1 ESCAPE '\\')"
		"   AND (?2 IS NULL OR id < ?2)"
		" ORDER BY id DESC LIMIT ?3", 2, like, cursor);
	if (!st)
		return ERR_DB;
	struct user *list = arena_alloc(a, sizeof *list * (size_t)(limit + 1));
	rc = rows_page(st, 3, a, read_user, list, sizeof *list, limit, n);
	if (rc < 0)
		return rc;
	*items = list;
	*next = rc ? list[*n - 1].id : NULL;
	return 0;
}

int user_each(struct store *s, struct arena *a,
	      int (*fn)(void *ctx, const struct user *u, const char *last_active_at), void *ctx)
{
	struct store_stmt *st = store_prepare(store_reader(s),
		"SELECT " USER_COLS ", last_active_at FROM users ORDER BY email");
	if (!st)
		return ERR_DB;
	int rc, stop = 0;
	while (!stop && (rc = store_step(st)) == STORE_ROW) {
		struct user u;
		read_user(st, a, &u);
		stop = fn(ctx, &u, rows_opt(st, a, 8));
	}
	store_reset(st);
	return stop ? stop : rc < 0 ? rc : 0;
}

const struct field_desc user_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct user, id),
	  .label = { "Nummer", "Number" }, .doc = "The identifier (gebruikers-id), a UUID version 7.",
	  .example = "\"01a21af4-5e10-7b2e-9c41-2f6d8e0a7b13\"" },
	{ .name = "name", .kind = FK_TEXT, .flags = F_READ_ONLY, FIELD_AT(struct user, name), .max = USER_NAME_MAX,
	  .label = { "Naam", "Name" }, .doc = "The name others see (naam).", .example = "\"Alice de Vries\"" },
	{ .name = "email", .kind = FK_EMAIL, .flags = F_READ_ONLY, FIELD_AT(struct user, email), .max = USER_EMAIL_MAX,
	  .label = { "E-mailadres", "Email address" },
	  .doc = "The email address to log in with (e-mailadres), in lower case.", .example = "\"alice@example.nl\"" },
	{ .name = "role", .kind = FK_ENUM, .flags = F_READ_ONLY, FIELD_AT(struct user, role), .keys = platform_roles,
	  .nkeys = PROLE_COUNT, .schema = "PlatformRole", .label = { "Rol", "Role" } },
	{ .name = "blocked", .kind = FK_BOOL, FIELD_AT(struct user, blocked), .label = { "Blokkade", "Block" },
	  .doc = "Whether the account is blocked (geblokkeerd): then the person cannot log in and their tokens get"
		 " 401. True blocks it (blokkeren), false unblocks it (deblokkeren).",
	  .example = "false" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct user, created_at),
	  .label = { "Aangemaakt op", "Created" }, .doc = "When the account was made (aangemaakt op), in UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
	{ .name = "coordinatorAreas", .kind = FK_AREA, .flags = F_READ_ONLY | F_LIST,
	  FIELD_AT(struct user, coordinator_areas), .max = AREA_CODE_MAX, .max_items = 200,
	  .label = { "Gebieden als coördinator", "Areas as coordinator" },
	  .doc = "The codes of the areas the person coordinates (gebieden als coördinator), in tree order; empty for"
		 " none.",
	  .example = "[\"WK034403\"]" },
};
const size_t user_nfields = sizeof user_fields / sizeof user_fields[0];

/* The account: the root of what kiem keeps about a person. Its row is
 * made anonymous by privacy.c after every other type's erasure ran. */
static const struct export_part user_exports[] = {
	{ "account",
	  "SELECT id, name, email, platform_role, created_at, blocked_at IS NOT NULL, blocked_at, last_active_at,"
	  " inactivity_warned_at, email_confirmed_at, lang, digest FROM users WHERE id = ?1",
	  (const char *const[]){ "id", "name", "email", "role", "createdAt", "blocked", "blockedAt", "lastActiveAt",
				 "inactivityWarnedAt", "emailConfirmedAt", "lang", "digest" },
	  12, "sssssbsssssb", true },
};
static const char *const user_erase[] = { "UPDATE users SET digest = 0 WHERE id = ?1" };
const struct entity_type user_type = {
	.key = "user", .table = "users", .perm = OBJ_USERS, .noun = { "Account", "Account" },
	.page = "/beheer/gebruikers/", .api = "/api/v1/users/",
	.name_sql = "SELECT name FROM users WHERE id = ?1",
	.exports = user_exports, .nexports = 1, .erase = user_erase, .nerase = 1,
	.registers = { "accounts" },
	.fields = user_fields, .nfields = sizeof user_fields / sizeof user_fields[0], .schema = "User",
};

static const struct export_part coordinator_area_exports[] = {
	{ "coordinatorAreas",
	  "SELECT ca.area_code, a.name FROM coordinator_areas ca JOIN areas a ON a.code = ca.area_code"
	  " WHERE ca.user_id = ?1 ORDER BY a.path",
	  (const char *const[]){ "code", "name" }, 2, NULL, false },
};
static const char *const coordinator_area_erase[] = { "DELETE FROM coordinator_areas WHERE user_id = ?1" };
const struct entity_type coordinator_area_type = {
	.key = "coordinator_area", .table = "coordinator_areas", .perm = OBJ_USERS,
	.noun = { "Coördinator van een gebied", "Coordinator of an area" },
	.exports = coordinator_area_exports, .nexports = 1, .erase = coordinator_area_erase, .nerase = 1,
	.registers = { "accounts" },
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const users_types[] = { &user_type, &coordinator_area_type, NULL };
