#include "account.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "outbox.h"
#include "throttle.h"
#include "user.h"
#include "registry.h"
#include "rows.h"

void (*account_queued)(void);

/* The mail kiem sends here, in plain language (B1). Each body is a format
 * with the person's name first and then the links, in order. */
struct mail_text {
	const char *subject;
	const char *body;
};

static const struct mail_text confirm_mail[LANG_COUNT] = {
	[LANG_NL] = { "Bevestig je e-mailadres voor kiem",
		      "Hallo %s,\n\n"
		      "Je hebt een account gemaakt bij kiem. Open de link hieronder om je e-mailadres te bevestigen."
		      " Daarna kun je inloggen.\n\n"
		      "%s\n\n"
		      "De link werkt 48 uur en maar één keer.\n\n"
		      "Heb jij geen account gemaakt? Dan hoef je niets te doen. Zonder bevestiging kan niemand"
		      " inloggen met dit account.\n\n"
		      "Groeten,\nkiem\n" },
	[LANG_EN] = { "Confirm your email address for kiem",
		      "Hello %s,\n\n"
		      "You made an account at kiem. Open the link below to confirm your email address."
		      " After that you can log in.\n\n"
		      "%s\n\n"
		      "The link works for 48 hours, and only once.\n\n"
		      "Did you not make an account? Then you do not need to do anything. Without confirmation"
		      " nobody can log in with this account.\n\n"
		      "Kind regards,\nkiem\n" },
};

static const struct mail_text taken_mail[LANG_COUNT] = {
	[LANG_NL] = { "Iemand wilde een account maken met je e-mailadres",
		      "Hallo %s,\n\n"
		      "Iemand wilde net een account maken bij kiem met dit e-mailadres. Maar er is al een account"
		      " met dit adres: dat van jou.\n\n"
		      "Was jij dat? Dan kun je gewoon inloggen:\n%s\n\n"
		      "Weet je je wachtwoord niet meer? Kies dan een nieuw wachtwoord:\n%s\n\n"
		      "Was jij het niet? Dan hoef je niets te doen. Er is niets aan je account veranderd.\n\n"
		      "Groeten,\nkiem\n" },
	[LANG_EN] = { "Someone tried to make an account with your email address",
		      "Hello %s,\n\n"
		      "Someone just tried to make an account at kiem with this email address. But there is already"
		      " an account with this address: yours.\n\n"
		      "Was that you? Then you can simply log in:\n%s\n\n"
		      "Did you forget your password? Then choose a new one:\n%s\n\n"
		      "Was it not you? Then you do not need to do anything. Nothing about your account has"
		      " changed.\n\n"
		      "Kind regards,\nkiem\n" },
};

static const struct mail_text reset_mail[LANG_COUNT] = {
	[LANG_NL] = { "Een nieuw wachtwoord voor kiem",
		      "Hallo %s,\n\n"
		      "Je vroeg om een nieuw wachtwoord voor kiem. Open de link hieronder en kies een nieuw"
		      " wachtwoord.\n\n"
		      "%s\n\n"
		      "De link werkt 1 uur en maar één keer.\n\n"
		      "Heb jij niet om een nieuw wachtwoord gevraagd? Dan hoef je niets te doen. Je wachtwoord"
		      " blijft hetzelfde.\n\n"
		      "Groeten,\nkiem\n" },
	[LANG_EN] = { "A new password for kiem",
		      "Hello %s,\n\n"
		      "You asked for a new password for kiem. Open the link below and choose a new password.\n\n"
		      "%s\n\n"
		      "The link works for 1 hour, and only once.\n\n"
		      "Did you not ask for a new password? Then you do not need to do anything. Your password"
		      " stays the same.\n\n"
		      "Kind regards,\nkiem\n" },
};

/* After a reset or a change of the password: the person's way back in if
 * it was not them, and what stopped working. Name, then the link to ask
 * for a new password. */
static const struct mail_text changed_mail[LANG_COUNT] = {
	[LANG_NL] = { "Je wachtwoord voor kiem is veranderd",
		      "Hallo %s,\n\n"
		      "Het wachtwoord van je account bij kiem is net veranderd.\n\n"
		      "Daarom ben je nu overal uitgelogd, en je API-tokens werken niet meer. Log opnieuw in"
		      " met je nieuwe wachtwoord. Gebruik je API-tokens? Maak dan nieuwe op je accountpagina.\n\n"
		      "Heb jij je wachtwoord niet veranderd? Kies dan meteen een nieuw wachtwoord:\n%s\n"
		      "en laat het de beheerder van kiem weten.\n\n"
		      "Groeten,\nkiem\n" },
	[LANG_EN] = { "Your password for kiem was changed",
		      "Hello %s,\n\n"
		      "The password of your account at kiem was just changed.\n\n"
		      "So you are now logged out everywhere, and your API tokens no longer work. Log in again"
		      " with your new password. Do you use API tokens? Then make new ones on your account page.\n\n"
		      "Did you not change your password? Then choose a new one at once:\n%s\n"
		      "and tell the people who run kiem.\n\n"
		      "Kind regards,\nkiem\n" },
};

/* The account of an address, as the writer sees it. */
struct holder {
	char id[UUID_STRLEN + 1];
	const char *name;
	enum lang lang;
	bool blocked;
	bool confirmed;
};

static void read_holder(struct store_stmt *st, struct arena *a, void *row)
{
	struct holder *h = row;
	snprintf(h->id, sizeof h->id, "%s", store_text(st, 0));
	h->name = arena_strdup(a, store_text(st, 1));
	h->lang = strcmp(store_text(st, 2), "en") == 0 ? LANG_EN : LANG_NL;
	h->blocked = store_int(st, 3) != 0;
	h->confirmed = store_int(st, 4) != 0;
}

/* Finds the account of email on the writer c: 0, ERR_NOTFOUND or ERR_DB. */
static int find_holder(struct store_conn *c, struct arena *a, const char *email, struct holder *h)
{
	return rows_one(rows_prepare(c,
		"SELECT id, name, lang, blocked_at IS NOT NULL, email_confirmed_at IS NOT NULL"
		" FROM users WHERE email = ?1", 1, email), a, read_holder, h);
}

/* Makes a link for the user that works for hours, on the writer c, and
 * writes its code to code; links that have expired go at the same time. */
static int add_link(struct store_conn *c, const char *user_id, const char *purpose, int hours,
		    char code[SECRET_STRLEN + 1])
{
	char hash[65], now[TIME_STRLEN + 1], expires[TIME_STRLEN + 1];
	time_t t = time(NULL);
	time_format(t, now);
	time_format(t + hours * 3600L, expires);
	secret_new(code);
	secret_hash(code, hash);
	int rc = rows_run(c, "DELETE FROM email_links WHERE expires_at <= ?1", 1, now);
	if (rc)
		return rc;
	return rows_run(c,
		"INSERT INTO email_links (token_hash, purpose, user_id, created_at, expires_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5)", 5, hash, purpose, user_id, now, expires);
}

/* The user of a link's code that works now, on connection c: 0,
 * ERR_NOTFOUND or ERR_DB. */
static int find_link(struct store_conn *c, const char *code, const char *purpose,
		     char user_id[UUID_STRLEN + 1])
{
	if (!code || strlen(code) != SECRET_STRLEN)
		return ERR_NOTFOUND;
	char hash[65], now[TIME_STRLEN + 1];
	secret_hash(code, hash);
	time_now(now);
	struct store_stmt *st = rows_prepare(c,
		"SELECT l.user_id FROM email_links l JOIN users u ON u.id = l.user_id"
		" WHERE l.token_hash = ?1 AND l.purpose = ?2 AND l.expires_at > ?3 AND u.blocked_at IS NULL", 3,
		hash, purpose, now);
	return rows_one(st, NULL, rows_id, user_id);
}

/* A path on this site with "code" (and "next", if any) in its query. */
static const char *link_path(struct arena *a, const char *path, const char *code, const char *next)
{
	struct buf b = BUF_INIT(1024);
	buf_adds(&b, path);
	buf_adds(&b, "?code=");
	buf_adds(&b, code);
	if (next) {
		buf_adds(&b, "&next=");
		text_url_encode(&b, next);
	}
	const char *out = b.err ? NULL : outbox_link(a, b.ptr);
	buf_release(&b);
	return out;
}

/* After a new password, on the writer c: whoever knew the old one is
 * logged out everywhere and their API tokens stop, and the person is told
 * so by mail. */
static int end_access(struct store_conn *c, struct arena *a, const char *user_id, const char *email,
		      const char *name, enum lang lang)
{
	int rc = user_end_sessions(c, user_id);
	if (!rc)
		rc = user_end_tokens(c, user_id);
	if (!rc)
		rc = outbox_add(c, email, changed_mail[lang].subject,
				arena_printf(a, changed_mail[lang].body, name, outbox_link(a, "/wachtwoord-vergeten")));
	return rc;
}

/* Queues the confirmation mail with a new link, on the writer c. */
static int mail_confirm(struct store_conn *c, struct arena *a, const char *user_id, const char *email,
			const char *name, enum lang lang, const char *next)
{
	char code[SECRET_STRLEN + 1];
	int rc = add_link(c, user_id, "confirm", CONFIRM_LINK_HOURS, code);
	const char *link = rc ? NULL : link_path(a, "/bevestigen", code, next);
	sodium_memzero(code, sizeof code);
	if (rc || !link)
		return rc ? rc : ERR_NOMEM;
	return outbox_add(c, email, confirm_mail[lang].subject,
			  arena_printf(a, confirm_mail[lang].body, name, link));
}

/* Checks an email typed to ask for a link, and the client's limit. */
static int check_request(struct store *s, struct arena *a, const char **email, struct mail_request *m,
			 struct problems *p)
{
	*email = email_normal(a, *email ? *email : "");
	if (valid_text(p, "email", *email, true, USER_EMAIL_MAX, false) && !valid_email(*email))
		problems_add(p, "email", R_BAD_EMAIL, 0);
	if (p->n)
		return ERR_INVALID;
	int rc = throttle_mail(s, m->address, time(NULL), &m->retry_after);
	return rc ? rc : m->retry_after ? ERR_BUSY : 0;
}

/* Queues a request on the writer: one row and a durable commit, the same
 * work whatever the address, and wakes the worker. */
static int enqueue(struct store *s, const char *kind, const char *email, const char *name,
		   const char *hash, enum lang lang, const char *next)
{
	char now[TIME_STRLEN + 1];
	time_now(now);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = rows_run(c,
		"INSERT INTO account_requests (kind, email, name, password_hash, lang, next, created_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", 7,
		kind, email, name, hash, lang == LANG_EN ? "en" : "nl", next, now);
	int crc = store_write_end_aside(s, rc == 0);
	rc = rc ? rc : crc;
	if (!rc && account_queued)
		account_queued();
	return rc;
}

int account_register(struct store *s, struct arena *a, const char *name, const char *email,
		     const char *password, enum lang lang, const char *next, struct mail_request *m,
		     struct problems *p)
{
	user_check_new(a, &email, &name, password, p);
	if (p->n)
		return ERR_INVALID;
	int rc = throttle_mail(s, m->address, time(NULL), &m->retry_after);
	if (rc || m->retry_after)
		return rc ? rc : ERR_BUSY;
	if (!text_local_path(next))
		next = NULL;
	/* hashed here, for a taken address too: the password goes no further
	 * than this request */
	char hash[USER_HASH_MAX];
	if (user_hash_password(password, hash))
		return ERR_NOMEM;
	rc = enqueue(s, "register", email, name, hash, lang, next);
	sodium_memzero(hash, sizeof hash);
	return rc;
}

/* A queued registration, on the writer c: a new account and the mail to
 * confirm it, or the mail that tells the owner of a taken address.
 * *created says which. */
static int do_register(struct store_conn *c, struct arena *a, const char *email, const char *name,
		       const char *hash, enum lang lang, const char *next, bool *created)
{
	char id[UUID_STRLEN + 1], now[TIME_STRLEN + 1];
	uuid7_new(id);
	time_now(now);
	struct holder h;
	int rc = find_holder(c, a, email, &h);
	*created = false;
	if (rc == 0 && !h.blocked) {
		/* tell the owner, not the one who asked */
		return outbox_add(c, email, taken_mail[h.lang].subject,
				  arena_printf(a, taken_mail[h.lang].body, h.name, outbox_link(a, "/inloggen"),
					       outbox_link(a, "/wachtwoord-vergeten")));
	}
	if (rc != ERR_NOTFOUND)
		return rc; /* a blocked account learns nothing */
	rc = rows_run(c,
		"INSERT INTO users (id, email, name, password_hash, platform_role, created_at,"
		"   lang, last_active_at) VALUES (?1, ?2, ?3, ?4, 'user', ?5, ?6, ?5)", 6,
		id, email, name, hash, now, lang == LANG_EN ? "en" : "nl");
	struct viewer self = { .authenticated = true };
	snprintf(self.user_id, sizeof self.user_id, "%s", id);
	if (!rc)
		rc = activity_add(c, &self, "register", "user", id, "");
	if (!rc)
		rc = mail_confirm(c, a, id, email, name, lang, next);
	*created = rc == 0;
	return rc;
}

int account_resend(struct store *s, struct arena *a, const char *email, const char *next,
		   struct mail_request *m, struct problems *p)
{
	int rc = check_request(s, a, &email, m, p);
	if (rc)
		return rc;
	if (!text_local_path(next))
		next = NULL;
	return enqueue(s, "confirm", email, NULL, NULL, LANG_NL, next);
}

/* A queued request for a new confirmation link, on the writer c. */
static int do_resend(struct store_conn *c, struct arena *a, const char *email, const char *next)
{
	struct holder h;
	int rc = find_holder(c, a, email, &h);
	if (rc == ERR_NOTFOUND || (!rc && (h.blocked || h.confirmed)))
		return 0;
	if (!rc)
		rc = mail_confirm(c, a, h.id, email, h.name, h.lang, next);
	if (!rc)
		rc = activity_add(c, NULL, "send_confirmation", "user", h.id, "");
	return rc;
}

int account_confirm(struct store *s, const char *code, struct problems *p)
{
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	char user_id[UUID_STRLEN + 1], now[TIME_STRLEN + 1];
	time_now(now);
	int rc = find_link(c, code, "confirm", user_id);
	if (rc == ERR_NOTFOUND)
		problems_add(p, "code", R_LINK_INVALID, 0);
	if ((!rc || rc == ERR_NOTFOUND) && p->n)
		rc = ERR_INVALID; /* the caller's problems stop it too */
	if (!rc)
		rc = rows_run(c,
			"UPDATE users SET email_confirmed_at = coalesce(email_confirmed_at, ?2),"
			" last_active_at = ?2 WHERE id = ?1", 2, user_id, now);
	/* every confirmation link of the account is done with now */
	if (!rc)
		rc = rows_run(c, "DELETE FROM email_links WHERE user_id = ?1 AND purpose = 'confirm'", 1,
			user_id);
	struct viewer self = { .authenticated = true };
	snprintf(self.user_id, sizeof self.user_id, "%s", user_id);
	if (!rc)
		rc = activity_add(c, &self, "confirm_email", "user", user_id, "");
	return rows_commit(s, rc);
}

int account_reset_request(struct store *s, struct arena *a, const char *email, struct mail_request *m,
			  struct problems *p)
{
	int rc = check_request(s, a, &email, m, p);
	return rc ? rc : enqueue(s, "reset", email, NULL, NULL, LANG_NL, NULL);
}

/* A queued request for a new password, on the writer c. */
static int do_reset_request(struct store_conn *c, struct arena *a, const char *email)
{
	struct holder h;
	int rc = find_holder(c, a, email, &h);
	if (rc == ERR_NOTFOUND || (!rc && h.blocked))
		return 0;
	char code[SECRET_STRLEN + 1];
	if (!rc)
		rc = add_link(c, h.id, "reset", RESET_LINK_HOURS, code);
	if (!rc) {
		const char *link = link_path(a, "/wachtwoord-herstellen", code, NULL);
		rc = link ? outbox_add(c, email, reset_mail[h.lang].subject,
				       arena_printf(a, reset_mail[h.lang].body, h.name, link))
			  : ERR_NOMEM;
	}
	sodium_memzero(code, sizeof code);
	if (!rc)
		rc = activity_add(c, NULL, "send_reset", "user", h.id, "");
	return rc;
}

/* Carries out the oldest queued request in a transaction of its own, and
 * deletes it: 0, STORE_DONE when the queue is empty, or an error (the
 * request stays, or is dropped when it can never work). */
static int work_one(struct store *s, struct arena *a)
{
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct store_stmt *st = store_prepare(c,
		"SELECT seq, kind, email, name, password_hash, lang, next FROM account_requests"
		" ORDER BY seq LIMIT 1");
	if (!st) {
		store_write_end(s, false);
		return ERR_DB;
	}
	int rc = store_step(st);
	if (rc != STORE_ROW) {
		store_reset(st);
		store_write_end(s, false);
		return rc == STORE_DONE ? STORE_DONE : rc;
	}
	int64_t seq = store_int(st, 0);
	const char *kind = arena_strdup(a, store_text(st, 1));
	const char *email = arena_strdup(a, store_text(st, 2));
	const char *name = arena_strdup(a, store_text(st, 3));
	const char *hash = arena_strdup(a, store_text(st, 4));
	enum lang lang = strcmp(store_text(st, 5), "en") == 0 ? LANG_EN : LANG_NL;
	const char *next = rows_opt(st, a, 6);
	store_reset(st);

	bool created = false;
	if (strcmp(kind, "register") == 0)
		rc = do_register(c, a, email, name, hash, lang, next, &created);
	else if (strcmp(kind, "confirm") == 0)
		rc = do_resend(c, a, email, next);
	else if (strcmp(kind, "reset") == 0)
		rc = do_reset_request(c, a, email);
	else
		rc = 0; /* a kind this kiem does not know: nothing to do */
	/* the same commit either way: the worker's time tells nothing either */
	int drc = ERR_DB;
	if ((st = store_prepare(c, "DELETE FROM account_requests WHERE seq = ?1"))) {
		store_bind_int(st, 1, seq);
		drc = store_run(st);
	}
	rc = rc ? rc : drc;
	int crc = created ? store_write_end(s, rc == 0) : store_write_end_aside(s, rc == 0);
	if (rc && rc != ERR_DB) {
		/* it will never work: drop it, so that the queue goes on */
		log_warn("account request %lld (%s) could not be done: %s; dropped", (long long)seq, kind,
			 err_str(rc));
		c = store_write_begin(s);
		if (!c)
			return ERR_DB;
		drc = ERR_DB;
		if ((st = store_prepare(c, "DELETE FROM account_requests WHERE seq = ?1"))) {
			store_bind_int(st, 1, seq);
			drc = store_run(st);
		}
		return store_write_end_aside(s, drc == 0) ? ERR_DB : drc;
	}
	return rc ? rc : crc;
}

int account_work(struct store *s, int *done)
{
	*done = 0;
	for (;;) {
		struct arena *a = arena_new();
		int rc = work_one(s, a);
		arena_free(a);
		if (rc == STORE_DONE)
			return 0;
		if (rc)
			return rc;
		(*done)++;
	}
}

int account_reset_check(struct store *s, const char *code)
{
	char user_id[UUID_STRLEN + 1];
	return find_link(store_reader(s), code, "reset", user_id);
}

/* Sets the password of u, checked first; with it the address is taken as
 * confirmed (a reset proves it; an operator vouches for it), every mailed
 * link of theirs goes (a reset link mailed before would undo the change), and
 * their sessions and API tokens end, with a mail that says so. code, when not
 * NULL, is the reset link that must still be good on the writer; the log's
 * entry is action, by who. */
static int set_password(struct store *s, struct arena *a, const struct user *u, const char *password,
			const char *code, const struct viewer *who, const char *action, struct problems *p)
{
	user_check_password(p, "password", password, u->email, u->name);
	if (p->n)
		return ERR_INVALID;
	char hash[USER_HASH_MAX], now[TIME_STRLEN + 1], user_id[UUID_STRLEN + 1];
	if (user_hash_password(password, hash))
		return ERR_NOMEM;
	time_now(now);
	struct store_conn *c = store_write_begin(s);
	if (!c) {
		sodium_memzero(hash, sizeof hash);
		return ERR_DB;
	}
	/* again on the writer: another request may have used the link since */
	int rc = code ? find_link(c, code, "reset", user_id) : 0;
	if (rc == ERR_NOTFOUND) {
		problems_add(p, "code", R_LINK_INVALID, 0);
		rc = ERR_INVALID;
	}
	if (!rc)
		rc = rows_run(c,
			"UPDATE users SET password_hash = ?2,"
			" email_confirmed_at = coalesce(email_confirmed_at, ?3) WHERE id = ?1", 3, u->id, hash, now);
	if (!rc)
		rc = rows_run(c, "DELETE FROM email_links WHERE user_id = ?1", 1, u->id);
	if (!rc)
		rc = end_access(c, a, u->id, u->email, u->name, u->lang);
	if (!rc)
		rc = activity_add(c, who, action, "user", u->id, "");
	sodium_memzero(hash, sizeof hash);
	return rows_commit(s, rc);
}

int account_reset(struct store *s, struct arena *a, const char *code, const char *password,
		  struct problems *p)
{
	char user_id[UUID_STRLEN + 1];
	int rc = find_link(store_reader(s), code, "reset", user_id);
	if (rc == ERR_NOTFOUND) {
		problems_add(p, "code", R_LINK_INVALID, 0);
		return ERR_INVALID;
	}
	struct user u;
	if (!rc)
		rc = user_get(s, a, user_id, &u);
	if (rc)
		return rc;
	struct viewer self = { .authenticated = true };
	snprintf(self.user_id, sizeof self.user_id, "%s", user_id);
	return set_password(s, a, &u, password, code, &self, "reset_password", p);
}

int account_set_password(struct store *s, struct arena *a, const char *email, const char *password,
			 struct user *out, struct problems *p)
{
	int rc = user_by_email(s, a, email ? email : "", out);
	return rc ? rc : set_password(s, a, out, password, NULL, NULL, "change_password", p);
}

const struct field_desc session_fields[] = {
	{ .name = "id", .kind = FK_TEXT, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct session_info, id), .max = 16,
	  .pattern = "^[0-9a-f]{16}$",
	  .label = { "Nummer", "Number" },
	  .doc = "The identifier of the session (sessie-id), 16 hexadecimal digits: not its secret, which only the"
		 " browser has.",
	  .example = "\"3f9a0c1d2e4b5a67\"" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct session_info, created_at),
	  .label = { "Ingelogd op", "Logged in" }, .doc = "When the person logged in (ingelogd op), in UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
	{ .name = "lastSeenAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct session_info, last_seen_at),
	  .label = { "Laatst actief", "Last active" }, .doc = "When the session was last used (laatst actief op), in UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
	{ .name = "expiresAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct session_info, expires_at),
	  .label = { "Verloopt", "Expires" }, .doc = "When the session ends by itself (verloopt op), in UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
	{ .name = "current", .kind = FK_BOOL, .flags = F_READ_ONLY, FIELD_AT(struct session_info, current),
	  .label = { "Deze sessie", "This session" },
	  .doc = "Whether this request came with this session (huidige sessie); always false here, as API requests"
		 " come with a token.",
	  .example = "false" },
};
const size_t session_nfields = sizeof session_fields / sizeof session_fields[0];

static const struct export_part session_exports[] = {
	{ "sessions", "SELECT created_at, last_seen_at, expires_at FROM sessions WHERE user_id = ?1 ORDER BY created_at",
	  (const char *const[]){ "createdAt", "lastSeenAt", "expiresAt" }, 3, NULL, false },
};
static const char *const session_erase[] = { "DELETE FROM sessions WHERE user_id = ?1" };
const struct entity_type session_type = {
	.key = "session", .table = "sessions", .perm = OBJ_TOKEN, .noun = { "Inlogsessie", "Login session" },
	.api = "/api/v1/sessions/",
	.exports = session_exports, .nexports = 1, .erase = session_erase, .nerase = 1,
	.registers = { "sessions", "cookies" },
	.fields = session_fields, .nfields = sizeof session_fields / sizeof session_fields[0], .schema = "Session",
};

const struct field_desc token_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct api_token, id),
	  .label = { "Nummer", "Number" }, .doc = "The identifier of the token (sleutel-id); not its secret.",
	  .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fb\"" },
	{ .name = "name", .kind = FK_TEXT, FIELD_AT(struct api_token, name), .max = TOKEN_NAME_MAX,
	  .label = { "Naam", "Name" },
	  .doc = "A name to tell tokens apart (naam), like the program that uses it; `API` when absent, empty or null.",
	  .example = "\"laptop\"" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct api_token, created_at),
	  .label = { "Aangemaakt op", "Created" }, .doc = "When the token was made (aangemaakt op), in UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
	{ .name = "lastUsedAt", .kind = FK_TIME, .flags = F_READ_ONLY | F_NULLABLE, FIELD_AT(struct api_token, last_used_at),
	  .label = { "Laatst gebruikt", "Last used" },
	  .doc = "When the token was last used (laatst gebruikt op), in UTC, or null.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
};
const size_t token_nfields = sizeof token_fields / sizeof token_fields[0];

#define AT(member) FIELD_AT(struct account_form, member)
#define PASSWORD_FIELD \
	{ .name = "password", .kind = FK_TEXT, .flags = F_REQUIRED, AT(password), .min = PASSWORD_MIN, \
	  .max = PASSWORD_MAX, .label = { "Wachtwoord", "Password" }, .autocomplete = "new-password", \
	  .doc = "The password (wachtwoord): at least 12 characters, and not easy to guess (not a common" \
		 " password, a repeat or run, or made of the name or email).", \
	  .example = "\"fiets lamp rivier koffie\"" }
static const struct enum_entry languages[] = { { "nl", { "Nederlands", "Dutch" } },
					       { "en", { "Engels", "English" } } };
_Static_assert(sizeof languages / sizeof languages[0] == LANG_COUNT, "a key for every language");
const struct field_desc registration_fields[] = {
	{ .name = "name", .kind = FK_TEXT, .flags = F_REQUIRED, AT(name), .min = 1, .max = USER_NAME_MAX,
	  .label = { "Naam", "Name" }, .doc = "The person's name (naam).", .example = "\"Anna de Vries\"" },
	{ .name = "email", .kind = FK_EMAIL, .flags = F_REQUIRED, AT(email), .min = 1, .max = USER_EMAIL_MAX,
	  .label = { "E-mailadres", "Email address" }, .doc = "The email address (e-mailadres).",
	  .example = "\"anna@example.nl\"" },
	PASSWORD_FIELD,
	{ .name = "lang", .kind = FK_ENUM, AT(lang), .keys = languages, .nkeys = LANG_COUNT,
	  .label = { "Taal", "Language" },
	  .doc = "The language (taal) of mail to the person; the request's language when absent.",
	  .example = "\"nl\"" },
};
const size_t registration_nfields = sizeof registration_fields / sizeof registration_fields[0];
const struct field_desc password_reset_fields[] = {
	{ .name = "code", .kind = FK_TEXT, .flags = F_REQUIRED, AT(code), .min = 43, .max = 43,
	  .label = { "Code", "Code" },
	  .doc = "The code (code) of the link from the mail: its `code` query parameter.",
	  .example = "\"3O54H9zCrbYdHxO7UDDq3X5sdcj6F4-v7sGNAs9lwZI\"" },
	PASSWORD_FIELD,
};
const size_t password_reset_nfields = sizeof password_reset_fields / sizeof password_reset_fields[0];
#undef PASSWORD_FIELD
#undef AT

static const struct export_part token_exports[] = {
	{ "tokens", "SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = ?1 ORDER BY id",
	  (const char *const[]){ "id", "name", "createdAt", "lastUsedAt" }, 4, NULL, false },
};
static const char *const token_erase[] = { "DELETE FROM api_tokens WHERE user_id = ?1" };
const struct entity_type token_type = {
	.key = "token", .table = "api_tokens", .perm = OBJ_TOKEN, .noun = { "API-token", "API token" },
	.api = "/api/v1/tokens/",
	.exports = token_exports, .nexports = 1, .erase = token_erase, .nerase = 1,
	.registers = { "api_tokens" },
	.fields = token_fields, .nfields = sizeof token_fields / sizeof token_fields[0], .schema = "Token",
};

static const struct export_part email_link_exports[] = {
	{ "emailLinks", "SELECT purpose, created_at, expires_at FROM email_links WHERE user_id = ?1 ORDER BY created_at",
	  (const char *const[]){ "purpose", "createdAt", "expiresAt" }, 3, NULL, false },
};
static const char *const email_link_erase[] = { "DELETE FROM email_links WHERE user_id = ?1" };
const struct entity_type email_link_type = {
	.key = "email_link", .table = "email_links", .perm = OBJ_USERS,
	.noun = { "Link in een e-mail", "Link in an email" },
	.exports = email_link_exports, .nexports = 1, .erase = email_link_erase, .nerase = 1,
	.registers = { "email_links" },
};

const struct entity_type login_attempt_type = {
	.key = "login_attempt", .table = "login_throttle", .perm = OBJ_USERS,
	.noun = { "Mislukte inlogpoging", "Failed login attempt" },
	.privacy_note = "Failed attempts are counted by address and account for a short window only (the"
			" throttle's), the addresses an account logged in from for 90 days, and they go by"
			" themselves; a row's id is a keyed hash, naming no email or IP address, so they are"
			" not part of a person's export or erasure (model/throttle.h).",
	.registers = { "login_attempts" },
};

/* A registration or a reset waiting for the worker (seconds, normally): an
 * erased person's pending ones go with their address. */
static const struct export_part account_request_exports[] = {
	{ "accountRequests",
	  "SELECT kind, created_at FROM account_requests"
	  " WHERE email = (SELECT email FROM users WHERE id = ?1) COLLATE NOCASE ORDER BY seq",
	  (const char *const[]){ "kind", "createdAt" }, 2, NULL, false },
};
static const char *const account_request_erase[] = {
	"DELETE FROM account_requests WHERE email = (SELECT email FROM users WHERE id = ?1) COLLATE NOCASE",
};
const struct entity_type account_request_type = {
	.key = "account_request", .table = "account_requests", .perm = OBJ_USERS,
	.noun = { "Aanvraag voor een account", "Request for an account" },
	.exports = account_request_exports, .nexports = 1, .erase = account_request_erase, .nerase = 1,
	.registers = { "accounts", "email_links" },
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const account_types[] = { &session_type, &token_type, &email_link_type, &account_request_type, &login_attempt_type, NULL };
