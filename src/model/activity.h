/* activity: the append-only log of every change, the audit trail.
 *
 * Each write of the model appends its entry in the same transaction as the
 * change: who (the actor's user id, or none for the system), when, what
 * action on which object, and the names of the fields it changed, never
 * their values, so the log keeps no personal data of its own. */
#ifndef KIEM_ACTIVITY_H
#define KIEM_ACTIVITY_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/uuid.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;
struct store_conn;

struct activity {
	char id[UUID_STRLEN + 1];
	const char *at;
	const char *actor_id;   /* or NULL: the system */
	const char *actor_name; /* or NULL */
	const char *action;     /* create, update, delete, add_member, ... */
	const char *object_type;
	const char *object_id;
	const char *fields;     /* comma-separated field names, or "" */
	const char *subject_id;   /* whom it was about (a member's user id, an invitation's id), or NULL */
	const char *subject_name; /* the name of a subject with an account, or NULL */
	const char *detail;       /* what was given (a role key), never personal data, or NULL */
};

struct activity_filter {
	const char *object_type;
	const char *object_id;
	const char *actor;
	const char *cursor; /* from the previous page's next */
	int limit;          /* 1..100 */
};

/* Appends an entry on the writer connection c, inside the caller's write
 * transaction. */
int activity_add(struct store_conn *c, const struct viewer *v, const char *action,
		 const char *object_type, const char *object_id, const char *fields);
/* The same, saying whom the change was about (subject_id: a user id, or the
 * id of an invitation, never an email address) and what was given (detail:
 * a key such as the role "admin"; no personal data). Either may be NULL. */
int activity_add_about(struct store_conn *c, const struct viewer *v, const char *action,
		       const char *object_type, const char *object_id, const char *fields,
		       const char *subject_id, const char *detail);
/* Whether the viewer may read (a part of) the log: for showing the menu. */
bool activity_can_read(const struct viewer *v);
/* Newest first, for those allowed (ERR_AUTH, ERR_FORBIDDEN); ERR_INVALID
 * with problems for a bad cursor. Platform admins read every entry; a
 * coordinator those about the objects in their areas (and the areas inside
 * them), as each type's scope_sql says (registry.h): one statement. */
int activity_list(struct store *s, struct arena *a, const struct viewer *v,
		  const struct activity_filter *f, struct problems *p, struct activity **items,
		  size_t *n, const char **next);

#endif
