/* outbox: the mail kiem sends (confirmations, password resets,
 * invitations, warnings before an inactive account is erased).
 *
 * A change that causes mail writes it to the outbox table in the same
 * transaction, so that mail is sent if and only if the change happened.
 * A worker of `kiem serve` delivers what is due (see outbox_deliver). Links
 * in mail point at outbox_base_url, the address people reach kiem at. */
#ifndef KIEM_OUTBOX_H
#define KIEM_OUTBOX_H

#include "../base/lang.h"

struct arena;
struct store_conn;

enum { OUTBOX_SUBJECT_MAX = 200, OUTBOX_BODY_MAX = 16384 };

/* Where people reach kiem, without a trailing slash, for links in mail:
 * KIEM_BASE_URL, else http:// and the listen address. */
extern const char *outbox_base_url;

/* Queues a mail on the writer connection c, inside the caller's write
 * transaction. The body is plain text (UTF-8, lines under 998 bytes). */
int outbox_add(struct store_conn *c, const char *recipient, const char *subject, const char *body);

/* outbox_base_url followed by path (which starts with '/'), in the arena. */
char *outbox_link(struct arena *a, const char *path);

#endif
