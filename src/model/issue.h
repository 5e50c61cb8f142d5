/* issue: a social issue (vraagstuk), formulated and put on the agenda by
 * parties, and moved along its statuses with a reason for every move. */
#ifndef KIEM_ISSUE_H
#define KIEM_ISSUE_H

#include "../base/uuid.h"
#include "party.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store_conn;

/* What a new issue is made of. */
struct issue_input {
	const char *title;
	const char *summary;
	const char *description;
	const char *area;        /* an area code */
	const char *owner_party; /* the id of the owner party */
	struct strlist target_groups;
};

/* Creates an issue on the writer c, inside the caller's write transaction
 * (so that signals can become an issue in one step), with the viewer's
 * rights checked and every problem of the input listed; writes its id. */
int issue_create_in(struct store_conn *c, struct arena *a, const struct viewer *v,
		    const struct issue_input *in, char id[UUID_STRLEN + 1], struct problems *p);

#endif
