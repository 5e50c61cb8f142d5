/* issue: a social issue (vraagstuk), formulated and put on the agenda by
 * parties, and moved along its statuses with a reason for every move.
 *
 * The statuses follow the dossier's path from a signal to a shared agenda:
 *
 *   signalled > formulated > on_agenda > in_progress > closed
 *
 * and archived, reachable from every other status. A move goes one step
 * forward, or one step back to correct a move too early (on_agenda >
 * formulated, in_progress > on_agenda, closed > in_progress to reopen);
 * never back to signalled, and never out of archived (an archived issue is
 * kept for the record; a new one is formulated instead). Every move needs a
 * reason and becomes a row of the timeline (issue_transitions). */
#ifndef KIEM_ISSUE_H
#define KIEM_ISSUE_H

#include <stdbool.h>

#include "../base/uuid.h"
#include "party.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;
struct store_conn;

enum issue_status {
	ISSUE_SIGNALLED, ISSUE_FORMULATED, ISSUE_ON_AGENDA, ISSUE_IN_PROGRESS, ISSUE_CLOSED,
	ISSUE_ARCHIVED, ISSUE_STATUS_COUNT
};
extern const struct enum_entry issue_statuses[ISSUE_STATUS_COUNT];

/* The statuses an issue in status from may move to, as bits (1 << status). */
unsigned issue_moves(enum issue_status from);

enum issue_sort { ISORT_CREATED_DESC, ISORT_CREATED, ISORT_CHANGED_DESC, ISORT_COUNT };
/* "-createdAt" (the default), "createdAt", "-statusChangedAt" */
extern const char *const issue_sorts[ISORT_COUNT];
bool issue_sort_parse(const char *name, enum issue_sort *out);

enum {
	ISSUE_TITLE_MAX = 200,
	ISSUE_SUMMARY_MAX = 500,
	ISSUE_DESCRIPTION_MAX = 10000,
	ISSUE_GROUPS_MAX = 10,
	ISSUE_GROUP_MAX = 50,
	ISSUE_REASON_MAX = 1000,
	ISSUE_TIMELINE_MAX = 1000, /* the entries its page shows */
};

/* An issue; its fields as issue_fields describes them. To create or change
 * one, its fields that are not read-only are the input. */
struct issue {
	char id[UUID_STRLEN + 1];
	const char *title;
	const char *summary;
	const char *description;
	const char *area;        /* code */
	const char *area_name;
	const char *owner_party; /* id, or NULL when the party was removed */
	const char *owner_name;
	struct strlist target_groups;
	const char *status;      /* on create: "signalled" or "formulated" */
	long long supporters;
	const char *created_by;
	const char *created_at;
	const char *updated_at;
	const char *status_changed_at;
	/* the viewer's relation, filled by issue_get */
	enum member_role member;  /* in the owner party */
	bool coordinated;         /* the viewer coordinates the issue's area */
	bool taking_part;         /* a member of the owner party or of a party in its ledger */
	bool supported, following; /* the viewer supports it, follows it */
};

/* A move on the timeline; from is NULL for the first entry. Its fields
 * as issue_transition_fields describes them (status is to). */
struct issue_transition {
	char id[UUID_STRLEN + 1];
	const char *from, *to, *reason;
	const char *actor_id, *actor_name; /* NULL: the system, or an erased account */
	const char *at;
};

struct issue_filter {
	const char *status;
	const char *area;        /* in this area or one inside it */
	const char *owner_party;
	const char *target_group;
	const char *q;           /* full text in title, summary and description */
	enum issue_sort sort;
	const char *cursor;
	int limit;               /* 1..100 */
};

/* The fields of an issue and of a move on its timeline (fields.h). */
extern const struct field_desc issue_fields[];
extern const size_t issue_nfields;
extern const struct field_desc issue_transition_fields[];
extern const size_t issue_transition_nfields;

/* Creates an issue from the fields of is (its status "signalled" or
 * "formulated"), with the viewer's rights checked and every problem of
 * the input listed, and fills is with the issue as written (what issue_get
 * would read after it, without reading it). ERR_INVALID with problems;
 * ERR_AUTH; ERR_FORBIDDEN when the viewer is not a member of the owner
 * party, nor a coordinator of the area, nor an admin. */
int issue_create(struct store *s, struct arena *a, const struct viewer *v, struct issue *is,
		 struct problems *p);
/* The same on the writer c, inside the caller's write transaction (so that
 * signals can become an issue in one step). */
int issue_create_on(struct store_conn *c, struct arena *a, const struct viewer *v, struct issue *is,
		    struct problems *p);
/* Reads one issue (issues are public) with the viewer's relation to it, in
 * one statement; ERR_NOTFOUND. */
int issue_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
	      struct issue *out);
/* The same with its timeline, oldest first (at most ISSUE_TIMELINE_MAX
 * entries), still in one statement: for its page. */
int issue_get_timeline(struct store *s, struct arena *a, const struct viewer *v, const char *id,
		       struct issue *out, struct issue_transition **items, size_t *n);
/* Whether the issue exists, on connection c: 0 or ERR_NOTFOUND. */
int issue_exists(struct store_conn *c, const char *id);
/* A page of issues. ERR_INVALID with problems for a wrong filter. */
int issue_list(struct store *s, struct arena *a, const struct viewer *v,
	       const struct issue_filter *f, struct problems *p, struct issue **items, size_t *n,
	       const char **next);
/* Replaces the fields of the issue is (loaded by issue_get, with the
 * viewer's relation) with in's (a copy of is with the changes; its status
 * is not changed here), and on success sets is to what was written.
 * ERR_FORBIDDEN when the viewer may not change it. */
int issue_update(struct store *s, struct arena *a, const struct viewer *v, struct issue *is,
		 struct issue *in, struct problems *p);
/* Moves the issue to status to with a reason. ERR_INVALID with problems
 * (status, reason); ERR_CONFLICT when the move is not allowed, with
 * *allowed the bits of the moves that are. Fills out with the new entry
 * of the timeline. */
int issue_move(struct store *s, struct arena *a, const struct viewer *v, const char *id,
	       const char *to, const char *reason, struct issue_transition *out,
	       struct problems *p, unsigned *allowed);
/* The timeline, oldest first: a page after the cursor (from the previous
 * page's next). */
int issue_transitions(struct store *s, struct arena *a, const char *id, const char *cursor,
		      int limit, struct problems *p, struct issue_transition **items, size_t *n,
		      const char **next);
/* Whether the viewer may change the issue, or move its status. */
bool issue_can(const struct viewer *v, const struct issue *is, enum perm_object obj,
	       enum perm_action act);
/* The issues a party owns, newest first, at most max (for its page). */
int issue_list_by_owner(struct store *s, struct arena *a, const char *party_id, size_t max,
			struct issue **items, size_t *n);

/* The parties that own issues, by name, at most max (for a filter); *more
 * is true when there are more. */
struct issue_owner {
	const char *id, *name;
};
int issue_owners(struct store *s, struct arena *a, size_t max, struct issue_owner **items, size_t *n,
		 bool *more);

#endif
