/* tie: a link between two parties (relatie) that the network analysis
 * uses, and a party's network: its ties, the ties that follow from the
 * initiatives and coalitions it shares with others, its initiatives and
 * its coalitions.
 *
 * A tie goes from one party to another (different) party with a kind:
 * from partners_with, funds, advises, refers_to or shares_knowledge to.
 * There is one tie of a kind from a party to another (the same kind the
 * other way is another tie). Both parties must exist and be readable by
 * whoever records it.
 *
 * Who may (tie_rules in tie.c): anyone reads a tie whose two parties they
 * may read; a member of the from or the to party, a coordinator of an area
 * of either, or a platform admin records one, and the same may remove it.
 * A tie is not changed: it is removed and recorded again. */
#ifndef KIEM_TIE_H
#define KIEM_TIE_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/uuid.h"
#include "fields.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;

enum tie_kind { TIE_PARTNERS_WITH, TIE_FUNDS, TIE_ADVISES, TIE_REFERS_TO, TIE_SHARES_KNOWLEDGE, TIE_KIND_COUNT };
extern const struct enum_entry tie_kinds[TIE_KIND_COUNT];
/* A sentence per kind with two %s, the from and the to party, for people:
 * "%s werkt samen met %s". */
extern const char *const tie_kind_sentence[TIE_KIND_COUNT][LANG_COUNT];

enum { TIE_NOTE_MAX = 1000 };

struct tie {
	char id[UUID_STRLEN + 1];
	const char *from, *from_name; /* a name is NULL when its party is not public */
	const char *to, *to_name;
	const char *kind;
	const char *since; /* YYYY-MM-DD; today when not given */
	const char *note;
	const char *created_at;
};

struct tie_filter {
	const char *party; /* at either end */
	const char *kind;
	const char *cursor;
	int limit; /* 1..100 */
};

extern const struct field_desc tie_fields[];
extern const size_t tie_nfields;

/* Records a tie; fills t as tie_get reads it. ERR_INVALID with problems
 * (the same party twice, a party that does not exist or that the viewer
 * may not see); ERR_CONFLICT with *dup the id of the tie of that kind
 * between them; ERR_AUTH, ERR_FORBIDDEN. */
int tie_create(struct store *s, struct arena *a, const struct viewer *v, struct tie *t, struct problems *p,
	       const char **dup);
/* One tie, when the viewer may see both its parties; ERR_NOTFOUND. */
int tie_get(struct store *s, struct arena *a, const struct viewer *v, const char *id, struct tie *out);
/* Newest first, the ties whose two parties the viewer may see. */
int tie_list(struct store *s, struct arena *a, const struct viewer *v, const struct tie_filter *f,
	     struct problems *p, struct tie **items, size_t *n, const char **next);
int tie_delete(struct store *s, const struct viewer *v, const char *id);
/* Whether the viewer may record or remove a tie that has this party at
 * one end (a member, a coordinator of one of its areas, an admin). */
bool tie_can(struct store *s, const struct viewer *v, const char *party_id);

/* A party's network, for its page and GET /parties/{id}/connections. */
enum { NETWORK_MAX = 200 }; /* of each list */

/* A link to another party: a tie (tie_id set, kind a tie kind, outgoing
 * when the party is its from) or derived from something they share
 * (derived, via "initiative" or "coalition" with its id and name). */
struct network_link {
	const char *party, *party_name, *party_kind;
	bool derived;
	const char *tie_id;   /* a tie: its id */
	const char *kind;     /* a tie: its kind */
	bool outgoing;        /* a tie: from this party */
	const char *since;    /* a tie: since when */
	const char *via;      /* derived: "initiative" or "coalition" */
	const char *via_id, *via_name;
};

/* An initiative or a coalition the party takes part in: role is "lead"
 * for the initiative it leads, else the role key it takes (NULL for none);
 * stage is an initiative's, admin a coalition partner's. */
struct network_place {
	const char *id, *name, *role, *stage;
	bool admin;
};

struct network {
	struct network_link *ties;
	size_t nties;
	struct network_link *derived;
	size_t nderived;
	struct network_place *initiatives;
	size_t ninitiatives;
	struct network_place *coalitions;
	size_t ncoalitions;
};

/* The network of the party (which the caller has read with party_get, so
 * the viewer may see it): other parties only when the viewer may see them,
 * each list at most NETWORK_MAX long, in one read. */
int tie_network(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		struct network *out);

#endif
