/* ledger (analysis): the role ledger of an issue, computed.
 *
 * For each of the dossier's twelve roles: the parties that fill it for the
 * issue (model/ledger.h), its typical kinds, and whether it is empty. For
 * each of the five party kinds: the parties taking part (the owner party
 * and the parties in the ledger), and whether the kind is empty. For each
 * empty role and each empty kind: at most LEDGER_CANDIDATES_MAX public
 * parties that could fill it, ranked by fit, each with why:
 *   1. for a role, parties that list it in their profile before parties
 *      only of a kind that typically takes it;
 *   2. where they are active, seen from the issue's area: the area itself,
 *      then an area beside it (the same parent), then an area it lies in
 *      (the nearest first), then an area inside it (the nearest first);
 *   3. how many of their expertise tags match the issue's words (its
 *      title, summary and target groups, stemmed as analysis/similar.h
 *      does; a tag of several words matches when all of them do);
 *   4. their capacity in hours a week, more first, unknown last;
 *   5. their name.
 *
 * Bounded: the candidates are ranked from a pool of parties gathered area
 * by area in that order of nearness, at most LEDGER_AREA_POOL_MAX from one
 * area, fewer each from a row of areas (beside, or a level below), at most
 * LEDGER_STEP_AREAS_MAX areas a row and LEDGER_POOL_MAX parties in all; the
 * gathering stops as soon as every list has its best five, since parties
 * further away cannot rank above them. So an area with more parties than
 * that is ranked on the first of them, not on all. */
#ifndef KIEM_ANALYSIS_LEDGER_H
#define KIEM_ANALYSIS_LEDGER_H

#include <stdbool.h>
#include <stddef.h>

#include "../model/party.h"
#include "../model/perm.h"
#include "../model/role.h"

struct arena;
struct store;

enum {
	LEDGER_CANDIDATES_MAX = 5,
	LEDGER_PARTIES_MAX = 50,      /* shown per role or kind */
	LEDGER_POOL_MAX = 1000,       /* parties ranked, in all */
	LEDGER_AREA_POOL_MAX = 500,   /* parties taken from one area */
	LEDGER_STEP_AREAS_MAX = 100,  /* areas beside the issue's, or on one level below it */
	LEDGER_TAGS_SHOWN_MAX = 8,    /* matching tags named per candidate */
};

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
/* Where it is active, seen from the issue's area, nearest first. */
enum ledger_where { WHERE_SAME, WHERE_SIBLING, WHERE_ABOVE, WHERE_BELOW };
extern const char *const ledger_matches[3]; /* "listsRole", "typicalKind", "kind" */
extern const char *const ledger_wheres[4];  /* "same", "sibling", "above", "below" */

struct ledger_candidate {
	const char *id;
	const char *name;
	int kind;
	enum ledger_match match;
	enum ledger_where where;
	int distance;          /* levels up or down the area tree; 0 for the same area and beside it */
	const char *area_code; /* the area it serves that is nearest the issue's */
	const char *area_name;
	bool has_capacity;
	int capacity_hours;
	const char **tags;     /* its expertise tags that match the issue's words, sorted */
	size_t ntags;
};

/* The reasons a candidate is offered, in the order they are told; each
 * has a key (over the wire) and a text per language, whose one conversion
 * is the kind's name (MATCH_*), the area's name (WHERE_*), the matching
 * tags (REASON_TAGS) or the hours (REASON_CAPACITY, %lld). */
enum ledger_reason {
	REASON_LISTS_ROLE, REASON_TYPICAL_KIND, REASON_KIND,
	REASON_SAME_AREA, REASON_SIBLING_AREA, REASON_ABOVE_AREA, REASON_BELOW_AREA,
	REASON_TAGS, REASON_CAPACITY, REASON_COUNT
};
extern const struct enum_entry ledger_reasons[REASON_COUNT];
enum { LEDGER_REASONS_MAX = 4 }; /* per candidate */

/* The reasons of a candidate, in order: its match, where it is active,
 * then its matching tags and its capacity when it has them. Returns how
 * many (at most LEDGER_REASONS_MAX). */
size_t ledger_reasons_of(const struct ledger_candidate *c, enum ledger_reason out[LEDGER_REASONS_MAX]);
/* The text of one of them in a language, made in the arena. */
const char *ledger_reason_text(struct arena *a, const struct ledger_candidate *c, enum ledger_reason r,
			       enum lang l);

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
