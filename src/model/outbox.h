/* outbox: the mail kiem sends (confirmations, password resets,
 * invitations, warnings before an inactive account is erased).
 *
 * A change that causes mail writes it to the outbox table in the same
 * transaction, so that mail is sent if and only if the change happened.
 * A worker of `kiem serve` delivers what is due (see outbox_deliver). Links
 * in mail point at outbox_base_url, the address people reach kiem at.
 *
 * Bodies hold links with live codes and people's names, so they are sealed
 * at rest (base/seal.h) with a key outside the database, bound to the
 * mail's id and recipient: neither the database file nor its write-ahead
 * log, nor the free space a cleared body leaves, ever holds their text. */
#ifndef KIEM_OUTBOX_H
#define KIEM_OUTBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../base/lang.h"

struct arena;
struct mail_transport;
struct store;
struct store_conn;

enum {
	OUTBOX_SUBJECT_MAX = 200,
	OUTBOX_BODY_MAX = 16384,
	OUTBOX_BATCH = 20,        /* mails one pass takes at most */
	OUTBOX_ATTEMPTS = 8,      /* failures before a mail is given up */
	OUTBOX_KEEP_DAYS = 30,    /* rows sent or given up are deleted after this */
};

/* Where people reach kiem, without a trailing slash, for links in mail:
 * KIEM_BASE_URL, else http:// and the listen address. */
extern const char *outbox_base_url;

/* Opens the key that seals the bodies: the file at path (KIEM_KEY_FILE, or
 * the database's path and ".key": cli_open), made readable by its owner
 * only when there is none; *made says it was. Every process that queues or
 * sends mail opens it first: without it, outbox_add and outbox_deliver
 * fail with ERR_USAGE. ERR_IO or ERR_INVALID with one line in why (n bytes)
 * when the file cannot be read or made, or holds no key. */
int outbox_open_key(const char *path, bool *made, char *why, size_t n);

/* Queues a mail on the writer connection c, inside the caller's write
 * transaction. The body is plain text (UTF-8, lines under 998 bytes); it
 * is stored sealed. */
int outbox_add(struct store_conn *c, const char *recipient, const char *subject, const char *body);

/* One delivery pass: takes the mail that is due (not sent, not given up,
 * next_attempt_at reached), oldest first, at most OUTBOX_BATCH, and hands
 * each to the transport, outside any write transaction, from the address in
 * from ("addr" or "Name <addr>"). Then records the outcome:
 * - sent: sent_at, and the body cleared, as it can hold one-time links;
 *   recipient and subject stay for the operator;
 * - a sealed body that does not open (the key file was replaced): given up
 *   at once, with failed_at and the body cleared; a body that is not
 *   sealed (written before bodies were) goes as it is;
 * - failed: attempts + 1, last_error, and the next attempt after a growing
 *   pause (outbox_backoff); after OUTBOX_ATTEMPTS failures, or at once when
 *   the mail cannot be composed, failed_at, and the body cleared.
 * With t->via MAIL_VIA_LOG sending is writing recipient, subject and body
 * to the log (links included: for a developer without a mail server).
 * Stops early, leaving the rest due, when t->cancel turns true. *sent and
 * *failed (may be NULL) count this pass's outcomes. */
int outbox_deliver(struct store *s, const struct mail_transport *t, const char *from, time_t now,
		   int *sent, int *failed);
/* Seconds to wait after the given number of failed attempts (1, 2, ...):
 * 1, 5, 15, 60, 240, 720 minutes, then 1440. */
long outbox_backoff(int attempts);
/* Deletes the rows sent or given up more than OUTBOX_KEEP_DAYS before now;
 * *deleted (may be NULL) counts them. */
int outbox_prune(struct store *s, time_t now, int *deleted);

/* outbox_base_url followed by path (which starts with '/'), in the arena. */
char *outbox_link(struct arena *a, const char *path);

#endif
