/* voice: what residents do with an issue (vraagstuk): support it (steunen),
 * comment on it (reageren, with replies), and follow it (volgen).
 *
 * Supports: one per person per issue. A second support is a conflict
 * (ERR_CONFLICT, 409 in the API), so that a double click or a second device
 * cannot count twice and the client learns it already counted; it is
 * withdrawn by deleting it. issues.supporters moves with the supports in
 * the same transaction.
 *
 * Comments: plain text or Markdown (rendered in safe mode), at most
 * COMMENT_BODY_MAX characters; replies are one level deep: a reply to a
 * reply attaches to the comment at the top of the thread. The author edits
 * within COMMENT_EDIT_MINUTES (edited_at is shown); later edits are a
 * conflict. Coordinators of the issue's area and platform admins hide a
 * comment with a reason (perm.c: OBJ_COMMENT, ACT_DELETE is moderation);
 * others then read "hidden by a moderator: <reason>", the author still
 * reads their text.
 *
 * Follows: supporting or commenting also follows the issue (one can
 * unfollow after); followers are notified (notify.h). */
#ifndef KIEM_VOICE_H
#define KIEM_VOICE_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/uuid.h"
#include "fields.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;
struct store_conn;

enum {
	COMMENT_BODY_MAX = 5000,
	COMMENT_REASON_MAX = 500,
	COMMENT_EDIT_MINUTES = 15,
	COMMENT_REPLIES_MAX = 200, /* replies shown per comment */
};

/* The issue as this part needs it: its title and area, and whether the
 * viewer coordinates that area (or is admin), so may moderate. */
struct voice_issue {
	char id[UUID_STRLEN + 1];
	const char *title;
	const char *area_code;
	bool coordinated;
};
/* ERR_NOTFOUND if there is no such issue. */
int voice_issue(struct store_conn *c, struct arena *a, const struct viewer *v, const char *issue_id,
		struct voice_issue *out);

/* Support */
struct support_state {
	long long count;  /* issues.supporters */
	bool mine;        /* the viewer supports it */
	const char *since; /* when the viewer's support was given, or NULL */
};
int support_get(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		struct support_state *out);
/* ERR_CONFLICT if the viewer supports it already. */
int support_add(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id);
/* ERR_NOTFOUND if the viewer does not support it. */
int support_withdraw(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id);

/* Follow */
/* Whether the viewer follows the issue; *since when (may be NULL). */
int follow_get(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
	       bool *following, const char **since);
/* *created is false when the viewer followed it already (not an error). */
int follow_add(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
	       bool *created);
/* ERR_NOTFOUND if the viewer does not follow it. */
int follow_remove(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id);

/* Comments */
struct comment {
	char id[UUID_STRLEN + 1];
	const char *parent_id;   /* NULL for a comment at the top of a thread */
	const char *author_id;   /* NULL once the author's account is erased */
	const char *author_name; /* NULL then too */
	const char *body;        /* NULL when hidden and the viewer is not the author */
	const char *created_at;
	const char *edited_at;   /* or NULL */
	const char *hidden_at;   /* or NULL */
	const char *hidden_reason;
	bool can_edit;           /* the viewer may edit it now */
	bool can_hide;           /* the viewer may hide it */
	bool can_unhide;         /* it is hidden and the viewer may show it again */
};

/* The fields of a comment, in the order of the JSON answer. */
extern const struct field_desc comment_fields[];
extern const size_t comment_nfields;

struct comment_filter {
	const char *q;      /* words in a comment of the thread */
	const char *cursor; /* the id of the last thread of the previous page */
	int limit;          /* threads per page, 1..100 */
};
/* A page of threads, oldest first: each top comment followed by its
 * replies. *next is the cursor of the next page, or NULL. */
int comment_list(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		 const struct comment_filter *f, struct comment **items, size_t *n, const char **next,
		 struct problems *p);
/* The same for an issue the caller has loaded. */
int comment_list_known(struct store *s, struct arena *a, const struct viewer *v,
		       const struct voice_issue *is, const struct comment_filter *f, struct comment **items,
		       size_t *n, const char **next, struct problems *p);
int comment_get(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		const char *comment_id, struct comment *out);
/* Adds in's body as a comment, or a reply to in's parent_id; in becomes
 * the comment as written. Problems on "body" and "parentId" (an unknown
 * comment of this issue). */
int comment_add(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		struct comment *in, struct problems *p);
/* Changes the body of cm, read with comment_get from the issue (not read
 * again), and updates cm to what was written. ERR_FORBIDDEN for anyone but
 * the author; ERR_CONFLICT after the edit window or when the comment is
 * hidden. */
int comment_edit(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		 struct comment *cm, const char *body, struct problems *p);
/* Moderation: hides with a required reason (problems on "reason");
 * ERR_CONFLICT if it is hidden already. out (or NULL) becomes the comment
 * as the moderator reads it now. */
int comment_hide(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		 const char *comment_id, const char *reason, struct problems *p, struct comment *out);
/* Shows a hidden comment again; ERR_CONFLICT if it is not hidden. */
int comment_unhide(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		   const char *comment_id);

#endif
