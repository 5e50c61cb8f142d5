/* notify: what the followers of an issue hear about it.
 *
 * A change on an issue (a status move, a comment, a factor, a signal taken
 * up) calls notify_followers in its own write transaction: every follower
 * but the actor receives a notification, read at /account/meldingen and,
 * for those who chose it, in a daily email digest through the outbox. */
#ifndef KIEM_NOTIFY_H
#define KIEM_NOTIFY_H

#include "perm.h"

struct store_conn;

/* Notifies the followers of issue_id of event ("status", "comment",
 * "factor", "signal", ...) about object_id (or NULL), on the writer c
 * inside the caller's write transaction. */
int notify_followers(struct store_conn *c, const struct viewer *actor, const char *issue_id,
		     const char *event, const char *object_id);

#endif
