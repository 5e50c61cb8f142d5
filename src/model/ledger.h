/* ledger: the role ledger of an issue (rollen): which party fills which of
 * the dossier's roles for this issue.
 *
 * A party takes a role for an issue, with a short note, and may give it up.
 * Who may (perm.c, OBJ_LEDGER): a member of that party, a coordinator of the
 * issue's area (or an area around it), a platform admin. What the ledger
 * shows (the roles against the five kinds, the gaps and who could fill
 * them) is computed in analysis/ledger.h. */
#ifndef KIEM_LEDGER_H
#define KIEM_LEDGER_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/uuid.h"
#include "fields.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;
struct store_conn;

enum { LEDGER_NOTE_MAX = 300, LEDGER_ENTRIES_MAX = 200 /* per issue */ };

struct ledger_entry {
	const char *issue_id;
	const char *role;     /* a role key */
	const char *party_id;
	const char *note;     /* "" when none */
	const char *created_by;
	const char *created_at;
};

/* The fields of an entry, in the order of the JSON answer. */
extern const struct field_desc ledger_entry_fields[];
extern const size_t ledger_entry_nfields;

/* What the viewer is to an issue: whether it exists (ERR_NOTFOUND if not),
 * its area, whether the viewer is a member of its owner party or of a
 * party in its ledger (taking_part), and whether the viewer coordinates
 * its area or an area around it. Anonymous viewers are neither. */
struct issue_relation {
	const char *area_code;
	const char *owner_party_id; /* or NULL */
	bool taking_part;
	bool coordinated;
};
int ledger_issue_relation(struct store_conn *c, struct arena *a, const struct viewer *v,
			  const char *issue_id, struct issue_relation *out);

/* The party in->party_id takes the role in->role for the issue. Problems
 * on role (missing, unknown, already taken by this party), party (missing,
 * unknown or not visible to the viewer) and note (too long). ERR_AUTH,
 * ERR_FORBIDDEN, ERR_NOTFOUND (no issue), ERR_CONFLICT (past
 * LEDGER_ENTRIES_MAX). */
int ledger_take(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		struct ledger_entry *in, struct problems *p);
/* The party gives up the role: ERR_NOTFOUND if it did not have it. */
int ledger_give_up(struct store *s, const struct viewer *v, const char *issue_id,
		   const char *role, const char *party_id);
/* One entry: ERR_NOTFOUND unless the party has the role for the issue and
 * the viewer may see the party. */
int ledger_get(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
	       const char *role, const char *party_id, struct ledger_entry *out);
/* Whether the viewer may take or give up a role for the issue on behalf of
 * the party (for showing forms). */
bool ledger_can(struct store *s, const struct viewer *v, const char *issue_id,
		const char *party_id, enum perm_action act);

#endif
