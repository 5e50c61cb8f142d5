#include "outbox.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../base/mail.h"
#include "../base/seal.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../base/uuid.h"
#include "../store/store.h"
#include "registry.h"
#include "rows.h"

const char *outbox_base_url = "http://127.0.0.1:8080";

/* Read once at the start, before any thread queues or sends mail. */
static struct seal_key key;
static bool have_key;

int outbox_open_key(const char *path, bool *made, char *why, size_t n)
{
	int rc = seal_key_load(path, &key, made, why, n);
	have_key = rc == 0;
	return rc;
}

/* What a sealed body is bound to: its mail's id and recipient. */
static void seal_ad(const char *id, const char *recipient, char out[UUID_STRLEN + MAIL_ADDRESS_MAX + 2])
{
	snprintf(out, UUID_STRLEN + MAIL_ADDRESS_MAX + 2, "%s\n%s", id, recipient);
}

int outbox_add(struct store_conn *c, const char *recipient, const char *subject, const char *body)
{
	/* no CR or LF in what becomes a header: nothing can add headers */
	if (!mail_address_valid(recipient) || !subject || !body || strlen(subject) > OUTBOX_SUBJECT_MAX ||
	    text_has_control(subject, strlen(subject), false) || strlen(body) > OUTBOX_BODY_MAX)
		return ERR_INVALID;
	if (!have_key) {
		log_error("mail cannot be queued: no key file is open to seal it");
		return ERR_USAGE;
	}
	char id[UUID_STRLEN + 1], now[TIME_STRLEN + 1], ad[UUID_STRLEN + MAIL_ADDRESS_MAX + 2];
	uuid7_new(id);
	time_now(now);
	seal_ad(id, recipient, ad);
	struct buf sealed = BUF_INIT(2 * OUTBOX_BODY_MAX + 256);
	seal_text(&key, ad, body, strlen(body), &sealed);
	int rc = sealed.err ? sealed.err : rows_run(c,
		"INSERT INTO outbox (id, recipient, subject, body, created_at, next_attempt_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?5)", 5, id, recipient, subject, sealed.ptr, now);
	buf_release(&sealed);
	return rc;
}

char *outbox_link(struct arena *a, const char *path)
{
	size_t nb = strlen(outbox_base_url), np = strlen(path);
	char *s = arena_alloc(a, nb + np + 1);
	memcpy(s, outbox_base_url, nb);
	memcpy(s + nb, path, np + 1);
	return s;
}

/* ---- delivery ---- */

struct due {
	int64_t seq;
	const char *id, *recipient, *subject, *body;
	int attempts;
};

long outbox_backoff(int attempts)
{
	static const long minutes[] = { 1, 5, 15, 60, 240, 720, 1440 };
	int n = (int)(sizeof minutes / sizeof minutes[0]);
	if (attempts < 1)
		attempts = 1;
	return minutes[attempts > n ? n - 1 : attempts - 1] * 60;
}

/* The due mail, copied into the arena, on this thread's read connection. */
static int take_due(struct store *s, struct arena *a, const char *now, struct due *out, int *n)
{
	*n = 0;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT seq, id, recipient, subject, body, attempts FROM outbox"
		" WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?1"
		" ORDER BY seq LIMIT ?2", 1, now);
	if (!st)
		return ERR_DB;
	store_bind_int(st, 2, OUTBOX_BATCH);
	int rc;
	while ((rc = store_step(st)) == STORE_ROW && *n < OUTBOX_BATCH) {
		struct due *d = &out[(*n)++];
		d->seq = store_int(st, 0);
		d->id = arena_strdup(a, store_text(st, 1));
		d->recipient = arena_strdup(a, store_text(st, 2));
		d->subject = arena_strdup(a, store_text(st, 3));
		d->body = arena_strdup(a, store_text(st, 4));
		d->attempts = (int)store_int(st, 5);
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

/* Keeps the outcome of one attempt; error NULL means it was sent. give_up
 * ends the retries whatever the count. */
static int record(struct store *s, const struct due *d, time_t now, const char *error, bool give_up)
{
	char at[TIME_STRLEN + 1], next[TIME_STRLEN + 1];
	time_format(now, at);
	int attempts = d->attempts + 1;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct store_stmt *st;
	if (!error) {
		st = store_prepare(c,
			"UPDATE outbox SET sent_at = ?2, attempts = ?3, body = '', last_error = NULL"
			" WHERE seq = ?1 AND sent_at IS NULL");
	} else if (give_up || attempts >= OUTBOX_ATTEMPTS) {
		st = store_prepare(c,
			"UPDATE outbox SET failed_at = ?2, attempts = ?3, body = '', last_error = ?4"
			" WHERE seq = ?1 AND sent_at IS NULL");
	} else {
		st = store_prepare(c,
			"UPDATE outbox SET next_attempt_at = ?5, attempts = ?3, last_error = ?4"
			" WHERE seq = ?1 AND sent_at IS NULL");
		time_format(now + outbox_backoff(attempts), next);
	}
	int rc = ERR_DB;
	if (st) {
		store_bind_int(st, 1, d->seq);
		store_bind_str(st, 2, at);
		store_bind_int(st, 3, attempts);
		if (error) {
			store_bind_str(st, 4, error);
			if (!give_up && attempts < OUTBOX_ATTEMPTS)
				store_bind_str(st, 5, next);
		}
		rc = store_run(st);
	}
	/* bookkeeping no page shows: the kept answers stay */
	int crc = store_write_end_aside(s, rc == 0);
	return rc ? rc : crc;
}

/* Writes the mail to the log, a line at a time, for a developer to follow
 * its links. */
static void log_mail(const struct due *d, const char *text)
{
	log_info("mail %s to %s (no mail transport is set, so it is written here): %s", d->id,
		 d->recipient, d->subject);
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n && p[n - 1] == '\r')
			n--;
		log_info("mail | %.*s", (int)(n > 990 ? 990 : n), p);
		p += nl ? (size_t)(nl - p) + 1 : n;
	}
	log_info("mail %s ends", d->id);
}

int outbox_deliver(struct store *s, const struct mail_transport *t, const char *from, time_t now,
		   int *sent, int *failed)
{
	if (!have_key) {
		log_error("mail cannot be sent: no key file is open to unseal it");
		return ERR_USAGE;
	}
	int nsent = 0, nfailed = 0;
	char at[TIME_STRLEN + 1];
	time_format(now, at);
	struct arena *a = arena_new();
	struct due due[OUTBOX_BATCH];
	int n = 0;
	int rc = take_due(s, a, at, due, &n);
	char from_addr[MAIL_ADDRESS_MAX + 1];
	if (!rc && n && !mail_from_parse(from, from_addr)) {
		log_error("mail: the sender address is not valid; no mail is sent");
		rc = ERR_INVALID;
	}
	for (int i = 0; !rc && i < n; i++) {
		if (t->cancel && atomic_load(t->cancel))
			break;
		const struct due *d = &due[i];
		char why[MAIL_ERROR_MAX + 1] = "";
		bool give_up = false;
		int src;
		/* a body that is not sealed was written before bodies were */
		struct buf text = BUF_INIT(OUTBOX_BODY_MAX);
		if (seal_is_sealed(d->body)) {
			char ad[UUID_STRLEN + MAIL_ADDRESS_MAX + 2];
			seal_ad(d->id, d->recipient, ad);
			src = seal_open(&key, ad, d->body, strlen(d->body), &text);
		} else {
			buf_adds(&text, d->body);
			src = text.err;
		}
		if (src) {
			give_up = true; /* no other key will come */
			snprintf(why, sizeof why, "the text does not open with this key file (was it replaced?)");
		} else if (t->via == MAIL_VIA_LOG) {
			log_mail(d, text.ptr);
		} else {
			struct buf msg = BUF_INIT(OUTBOX_BODY_MAX * 4 + 4096);
			struct mail m = { .from = from, .to = d->recipient, .subject = d->subject, .body = text.ptr,
					  .date = now, .id = d->id };
			src = mail_compose(&msg, &m, why);
			if (src) {
				give_up = true; /* it will not compose any better later */
				if (!why[0])
					snprintf(why, sizeof why, "the mail could not be composed: %s", err_str(src));
			} else {
				src = mail_send(t, from_addr, d->recipient, msg.ptr, msg.len, why);
			}
			buf_release(&msg);
		}
		buf_release(&text);
		if (src == ERR_BUSY)
			break; /* cancelled: still due at the next start */
		if (src) {
			log_warn("mail %s: attempt %d failed: %s%s", d->id, d->attempts + 1, why,
				 give_up || d->attempts + 1 >= OUTBOX_ATTEMPTS ? "; given up" : "");
			nfailed++;
		} else {
			nsent++;
		}
		rc = record(s, d, now, src ? why : NULL, give_up);
	}
	arena_free(a);
	if (sent)
		*sent = nsent;
	if (failed)
		*failed = nfailed;
	return rc;
}

int outbox_prune(struct store *s, time_t now, int *deleted)
{
	char cutoff[TIME_STRLEN + 1];
	time_format(now - (time_t)OUTBOX_KEEP_DAYS * 24 * 3600, cutoff);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct store_stmt *st = store_prepare(c, "DELETE FROM outbox WHERE sent_at < ?1 OR failed_at < ?1");
	int rc = ERR_DB;
	if (st) {
		store_bind_str(st, 1, cutoff);
		rc = store_run(st);
	}
	if (deleted)
		*deleted = rc ? 0 : store_changes(c);
	int crc = store_write_end_aside(s, rc == 0);
	return rc ? rc : crc;
}

/* Mail to a person's address, never its text (sealed, and theirs only by
 * the address). */
static const struct export_part mail_exports[] = {
	{ "mail",
	  "SELECT recipient, subject, created_at, sent_at, failed_at FROM outbox"
	  " WHERE recipient = (SELECT email FROM users WHERE id = ?1) COLLATE NOCASE ORDER BY seq",
	  (const char *const[]){ "recipient", "subject", "createdAt", "sentAt", "failedAt" }, 5, NULL, false },
};
static const char *const mail_erase[] = {
	"DELETE FROM outbox WHERE recipient = (SELECT email FROM users WHERE id = ?1) COLLATE NOCASE",
};
const struct entity_type mail_type = {
	.key = "outbox", .table = "outbox", .perm = OBJ_USERS, .noun = { "E-mail", "Email" },
	.exports = mail_exports, .nexports = 1, .erase = mail_erase, .nerase = 1,
	.registers = { "mail" },
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const outbox_types[] = { &mail_type, NULL };
