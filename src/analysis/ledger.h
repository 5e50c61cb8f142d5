/* ledger (analysis): the role ledger of an issue, computed.
 *
 * For each of the dossier's twelve roles: the parties that fill it for the
 * issue (model/ledger.h), its typical kinds, and whether it is empty. For
 * each of the five party kinds: the parties taking part (the owner party
 * and the parties in the ledger), and whether the kind is empty. For each
 * empty role and each empty kind: public parties in the issue's area (the
 * area itself, the areas below it, and the areas above it) that could
 * fill it, ranked: parties that list the role in their profile first, then
 * parties of one of its typical kinds, then by name; at most
 * LEDGER_CANDIDATES_MAX, each with why.
 *
 * Bounded: each list of candidates is one indexed query with a small
 * LIMIT: from the area's parties when it holds few; else from the role's
 * index when few parties list the role, or along the parties in name order
 * (for a kind, its (kind, name) index), which stops at the fifth found. */
#ifndef KIEM_ANALYSIS_LEDGER_H
#define KIEM_ANALYSIS_LEDGER_H

#include <stdbool.h>
#include <stddef.h>

#include "../model/party.h"
#include "../model/perm.h"
#include "../model/role.h"

struct arena;
struct store;

enum { LEDGER_CANDIDATES_MAX = 5, LEDGER_PARTIES_MAX = 50 /* shown per role or kind */ };

/* A party taking part in the issue. */
struct ledger_party {
	const char *id;
	const char *name;
	int kind; /* enum party_kind */
	const char *note; /* its note for this role, or "" */
	bool owner;       /* the issue's owner party */
};

/* Why a candidate is offered. */
enum ledger_match { MATCH_LISTS_ROLE, MATCH_TYPICAL_KIND, MATCH_KIND };
/* Where it is active, seen from the issue's area. */
enum ledger_where { WHERE_SAME, WHERE_BELOW, WHERE_ABOVE };
extern const char *const ledger_matches[3]; /* "listsRole", "typicalKind", "kind" */
extern const char *const ledger_wheres[3];  /* "same", "below", "above" */

struct ledger_candidate {
	const char *id;
	const char *name;
	int kind;
	enum ledger_match match;
	enum ledger_where where;
	const char *area_code; /* the area it serves that is nearest the issue's */
	const char *area_name;
};

struct ledger_role_row {
	const struct role *role; /* from role_catalogue */
	unsigned typical;        /* bits of enum party_kind */
	struct ledger_party *parties;
	size_t n;
	bool empty;
	struct ledger_candidate cand[LEDGER_CANDIDATES_MAX];
	size_t ncand;
};

struct ledger_kind_row {
	int kind;
	struct ledger_party *parties;
	size_t n;
	bool empty;
	struct ledger_candidate cand[LEDGER_CANDIDATES_MAX];
	size_t ncand;
};

struct ledger {
	const char *issue_id;
	const char *area_code;
	const char *area_name;
	struct ledger_role_row *roles; /* role_catalogue_count of them, in its order */
	size_t nroles;
	struct ledger_kind_row kinds[KIND_COUNT];
};

/* Computes the ledger of an issue as the viewer may see it (private
 * parties only for those who may read them; candidates are public ones).
 * ERR_NOTFOUND if there is no such issue. */
int ledger_compute(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		   struct ledger *out);

#endif
