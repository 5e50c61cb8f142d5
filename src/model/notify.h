/* notify: what the followers of an issue hear about it.
 *
 * A change on an issue (a status move, a comment, a factor, a signal taken
 * up) calls notify_followers in its own write transaction: every follower
 * but the actor receives a notification, read at /account/meldingen and,
 * for those who chose it, in a daily email digest through the outbox. */
#ifndef KIEM_NOTIFY_H
#define KIEM_NOTIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "../base/uuid.h"
#include "fields.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;
struct store_conn;

enum { NOTIFY_DIGEST_MAX = 100 }; /* notifications listed in one digest mail */

/* Notifies the followers of issue_id of event ("status", "comment",
 * "factor", "signal", ...) about object_id (or NULL), on the writer c
 * inside the caller's write transaction. */
int notify_followers(struct store_conn *c, const struct viewer *actor, const char *issue_id,
		     const char *event, const char *object_id);

/* Notifies one person about issue_id (issue 8: "your_signal", a signal
 * they reported taken up in it), on the writer c inside the caller's write
 * transaction; nothing when they are the actor. */
int notify_person(struct store_conn *c, const struct viewer *actor, const char *user_id,
		  const char *issue_id, const char *event, const char *object_id);

/* Notifies the followers of each of the issues and of each of the
 * initiatives (and of their issues) of event about the new object_id, each
 * follower once however many of them they follow, never the actor; on the
 * writer c inside the caller's write transaction. */
int notify_followers_once(struct store_conn *c, const struct viewer *actor, const char *const *issues, size_t nissues,
			  const char *const *initiatives, size_t ninitiatives, const char *event, const char *object_id);
/* Notifies the followers of the initiative and of its issues (each once,
 * never the actor) of event ("stage": a decision on its stage, ...) about
 * object_id, on the writer c inside the caller's write transaction. */
int notify_initiative_followers(struct store_conn *c, const struct viewer *actor, const char *initiative_id,
				const char *event, const char *object_id);

struct notification {
	char id[UUID_STRLEN + 1];
	const char *issue_id;    /* NULL once the issue is deleted, or about an initiative */
	const char *issue_title; /* or the initiative's title */
	const char *initiative_id; /* about an initiative (issue 11), or NULL */
	const char *event;
	const char *object_id;
	const char *actor_name;  /* NULL when unknown or erased */
	const char *created_at;
	const char *read_at;     /* or NULL */
};

/* The fields of a notification, in the order of the JSON answer. */
extern const struct field_desc notification_fields[];
extern const size_t notification_nfields;

struct notification_filter {
	bool unread;        /* only the unread ones */
	const char *q;      /* words in the issue's title */
	const char *cursor; /* the id of the last one of the previous page */
	int limit;          /* 1..100 */
};

/* The viewer's own notifications, newest first; *next is the cursor of the
 * next page or NULL. ERR_AUTH for an anonymous viewer. */
int notification_list(struct store *s, struct arena *a, const struct viewer *v,
		      const struct notification_filter *f, struct notification **items, size_t *n,
		      const char **next, struct problems *p);
/* One of the viewer's own notifications; ERR_NOTFOUND if not theirs. */
int notification_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
		     struct notification *out);
/* How many of the viewer's notifications are unread. */
int notification_unread(struct store *s, const struct viewer *v, long long *count);
/* Marks one read (or unread again); ERR_NOTFOUND if it is not the viewer's. */
int notification_mark(struct store *s, const struct viewer *v, const char *id, bool read);
/* Marks all of the viewer's notifications read; *changed counts them. */
int notification_mark_all(struct store *s, const struct viewer *v, int *changed);

/* Whether the viewer wants the daily email digest, and the choice. */
int notification_digest_get(struct store *s, const struct viewer *v, bool *on);
int notification_digest_set(struct store *s, const struct viewer *v, bool on);

/* The digest pass: for every person who chose the digest and has
 * notifications not yet in one, ONE mail in their language listing them
 * (at most NOTIFY_DIGEST_MAX, the newest) with links, queued in the outbox;
 * those are then marked digested, in the same transaction. *mails counts
 * the mails queued (may be NULL). */
int notification_digest(struct store *s, time_t now, int *mails);

/* The sentence of an event for mail and pages: a format with two %s, the
 * actor's name and the issue's title, in the language asked for. */
const char *notification_sentence_format(const char *event, enum lang l);

#endif
