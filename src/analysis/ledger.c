#include "ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/similar.h"
#include "../model/area.h"
#include "../model/ledger.h"
#include "../store/store.h"

const char *const ledger_matches[3] = { "listsRole", "typicalKind", "kind" };
const char *const ledger_wheres[4] = { "same", "sibling", "above", "below" };

const struct enum_entry ledger_reasons[REASON_COUNT] = {
	[REASON_LISTS_ROLE] = { "listsRole", { "Noemt deze rol in het eigen profiel.", "Lists this role in its profile." } },
	[REASON_TYPICAL_KIND] = { "typicalKind", { "%s: een soort die deze rol vaak heeft.", "%s: a kind that often has this role." } },
	[REASON_KIND] = { "kind", { "%s: een soort partij die nog ontbreekt bij dit vraagstuk.",
				    "%s: a kind of party the issue still lacks." } },
	[REASON_SAME_AREA] = { "sameArea", { "Actief in %s, het gebied van het vraagstuk.", "Active in %s, the issue's own area." } },
	[REASON_SIBLING_AREA] = { "siblingArea", { "Actief in %s, een gebied naast dat van het vraagstuk.",
						   "Active in %s, an area next to the issue's area." } },
	[REASON_ABOVE_AREA] = { "aboveArea", { "Actief in %s, een groter gebied waar het gebied van het vraagstuk onder valt.",
					       "Active in %s, a larger area the issue's area belongs to." } },
	[REASON_BELOW_AREA] = { "belowArea", { "Actief in %s, een deel van het gebied van het vraagstuk.",
					       "Active in %s, a part of the issue's area." } },
	[REASON_TAGS] = { "tags", { "Expertise die past bij het vraagstuk: %s.", "Expertise that matches the issue: %s." } },
	[REASON_CAPACITY] = { "capacity", { "Kan %lld uur per week inzetten voor sociale innovatie.",
					    "Can spend %lld hours a week on social innovation." } },
};

/* REASON_CAPACITY for one hour */
static const char *const capacity_one[LANG_COUNT] = {
	"Kan 1 uur per week inzetten voor sociale innovatie.", "Can spend 1 hour a week on social innovation.",
};

size_t ledger_reasons_of(const struct ledger_candidate *c, enum ledger_reason out[LEDGER_REASONS_MAX])
{
	size_t n = 0;
	out[n++] = c->match == MATCH_LISTS_ROLE ? REASON_LISTS_ROLE
		   : c->match == MATCH_TYPICAL_KIND ? REASON_TYPICAL_KIND : REASON_KIND;
	static const enum ledger_reason where[4] = { REASON_SAME_AREA, REASON_SIBLING_AREA, REASON_ABOVE_AREA,
						     REASON_BELOW_AREA };
	out[n++] = where[c->where];
	if (c->ntags)
		out[n++] = REASON_TAGS;
	if (c->has_capacity)
		out[n++] = REASON_CAPACITY;
	return n;
}

const char *ledger_reason_text(struct arena *a, const struct ledger_candidate *c, enum ledger_reason r,
			       enum lang l)
{
	const char *fmt = ledger_reasons[r].name[l];
	switch (r) {
	case REASON_TYPICAL_KIND:
	case REASON_KIND:
		return arena_printf(a, fmt, party_kinds[c->kind].name[l]);
	case REASON_SAME_AREA:
	case REASON_SIBLING_AREA:
	case REASON_ABOVE_AREA:
	case REASON_BELOW_AREA:
		return arena_printf(a, fmt, c->area_name);
	case REASON_TAGS: {
		struct buf b = BUF_INIT(LEDGER_TAGS_SHOWN_MAX * (PARTY_TAG_MAX * 4 + 2));
		for (size_t i = 0; i < c->ntags; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", c->tags[i]);
		const char *t = arena_printf(a, fmt, b.ptr);
		buf_release(&b);
		return t;
	}
	case REASON_CAPACITY:
		if (c->capacity_hours == 1)
			return capacity_one[l];
		return arena_printf(a, fmt, (long long)c->capacity_hours);
	default:
		return fmt;
	}
}

/* Which parties a viewer may see (perm.c's rule for reading a party), with
 * ?5 = viewer is a platform admin and ?6 = the viewer's id. */
#define VISIBLE \
	" (p.visibility = 'public' OR ?5 = 1" \
	"  OR EXISTS (SELECT 1 FROM memberships m WHERE m.party_id = p.id AND m.user_id = ?6)" \
	"  OR " PARTY_COORDINATED_BY("p.id", "?6") ")"

static int kind_of(const char *key)
{
	int k = enum_find(party_kinds, KIND_COUNT, key);
	return k < 0 ? 0 : k;
}

static unsigned typical_bits(const char *kinds)
{
	unsigned bits = 0;
	for (int k = 0; k < KIND_COUNT; k++) {
		const char *key = party_kinds[k].key, *p = kinds;
		size_t len = strlen(key);
		while ((p = strstr(p, key))) {
			if ((p == kinds || p[-1] == ' ') && (p[len] == 0 || p[len] == ' ')) {
				bits |= 1u << k;
				break;
			}
			p += len;
		}
	}
	return bits;
}

/* ---------------------------------------------------------- the pool */

enum {
	WORDS_MAX = 400,         /* the issue's stems looked at: all of them */
	WORDS_TEXT_MAX = 16384,  /* bytes of its title, summary and target groups */
	HASH_SLOTS = 2048,       /* > 2 * LEDGER_POOL_MAX, a power of two */
};

/* A party that could be a candidate: where it was first found (the nearest
 * place, as the areas are visited nearest first), its roles and its
 * matching tags. */
struct pooled {
	struct ledger_candidate c;
	unsigned roles; /* bits by index in role_catalogue */
};

struct pool {
	struct pooled *v;
	size_t n;
	int slot[HASH_SLOTS]; /* index + 1 in v, by the hash of the id; 0 is free */
	char (*words)[SIMILAR_STEM_MAX + 1]; /* the issue's stems, sorted */
	size_t nwords;
};

static unsigned hash_of(const char *id)
{
	unsigned h = 2166136261u;
	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 16777619u;
	return h;
}

/* The index of the party with this id in the pool, or -1. */
static long pool_find(const struct pool *pl, const char *id, unsigned *slot)
{
	unsigned i = hash_of(id) & (HASH_SLOTS - 1);
	while (pl->slot[i] && strcmp(pl->v[pl->slot[i] - 1].c.id, id) != 0)
		i = (i + 1) & (HASH_SLOTS - 1);
	if (slot)
		*slot = i;
	return pl->slot[i] ? pl->slot[i] - 1 : -1;
}

static int by_stem(const void *x, const void *y)
{
	return strcmp(x, y);
}

/* Whether every word of the tag has its stem among the issue's. */
static bool tag_matches(const struct pool *pl, const char *tag)
{
	char stems[PARTY_TAG_MAX / 2][SIMILAR_STEM_MAX + 1]; /* a word and a space at least */
	size_t n = similar_stems(tag, stems, sizeof stems / sizeof stems[0]);
	for (size_t i = 0; i < n; i++)
		if (!bsearch(stems[i], pl->words, pl->nwords, sizeof *pl->words, by_stem))
			return false;
	return n > 0;
}

/* The public parties serving one area, at most limit, into the pool (those
 * not in it yet), found there. */
static int pool_area(struct store *s, struct arena *a, struct pool *pl, const char *code, const char *name,
		     enum ledger_where where, int distance, size_t limit)
{
	if (pl->n + limit > LEDGER_POOL_MAX)
		limit = LEDGER_POOL_MAX - pl->n;
	if (!limit)
		return 0;
	struct store_stmt *st = store_prepare(store_reader(s),
		"SELECT p.id, p.name, p.kind, p.capacity_hours FROM party_areas pa JOIN parties p ON p.id = pa.party_id"
		" WHERE pa.area_code = ?1 AND p.visibility = 'public' LIMIT ?2");
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, code);
	store_bind_int(st, 2, (int64_t)limit);
	int rc;
	while ((rc = store_step(st)) == STORE_ROW) {
		unsigned slot;
		if (pool_find(pl, store_text(st, 0), &slot) >= 0)
			continue;
		struct pooled *p = &pl->v[pl->n];
		memset(p, 0, sizeof *p);
		p->c.id = arena_strdup(a, store_text(st, 0));
		p->c.name = arena_strdup(a, store_text(st, 1));
		p->c.kind = kind_of(store_text(st, 2));
		p->c.where = where;
		p->c.distance = distance;
		p->c.area_code = code;
		p->c.area_name = name;
		p->c.has_capacity = !store_is_null(st, 3);
		p->c.capacity_hours = (int)store_int(st, 3);
		pl->slot[slot] = (int)++pl->n;
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

#define IDS25 "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17," \
	" ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25"
enum { CHUNK = 25 };

/* The roles and the matching tags of the pool's parties from `from` on,
 * a chunk of ids per statement. */
static int pool_details(struct store *s, struct arena *a, struct pool *pl, size_t from)
{
	static const char *const sql[2] = {
		"SELECT party_id, role_key FROM party_roles WHERE party_id IN (" IDS25 ")",
		"SELECT party_id, tag FROM party_tags WHERE party_id IN (" IDS25 ") ORDER BY party_id, tag",
	};
	for (int k = 0; k < 2; k++) {
		for (size_t lo = from; lo < pl->n; lo += CHUNK) {
			struct store_stmt *st = store_prepare(store_reader(s), sql[k]);
			if (!st)
				return ERR_DB;
			for (size_t i = lo; i < lo + CHUNK; i++)
				store_bind_str(st, (int)(i - lo + 1), i < pl->n ? pl->v[i].c.id : NULL);
			int rc;
			while ((rc = store_step(st)) == STORE_ROW) {
				long at = pool_find(pl, store_text(st, 0), NULL);
				if (at < 0)
					continue;
				struct pooled *p = &pl->v[at];
				const char *value = store_text(st, 1);
				if (k == 0) {
					const struct role *ro = role_find(value);
					if (ro && ro - role_catalogue < 32)
						p->roles |= 1u << (ro - role_catalogue);
				} else if (p->c.ntags < LEDGER_TAGS_SHOWN_MAX && tag_matches(pl, value)) {
					if (!p->c.tags)
						p->c.tags = arena_alloc(a, sizeof *p->c.tags * LEDGER_TAGS_SHOWN_MAX);
					p->c.tags[p->c.ntags++] = arena_strdup(a, value);
				}
			}
			store_reset(st);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

/* ---------------------------------------------------------- ranking */

/* Whether every empty role has LEDGER_CANDIDATES_MAX parties that list it,
 * and every empty kind as many of that kind, in the pool: then no party
 * further away can rank among the first. */
static bool pool_enough(const struct pool *pl, const struct ledger *l)
{
	size_t role_count[32] = { 0 }, kind_count[KIND_COUNT] = { 0 };
	for (size_t i = 0; i < pl->n; i++) {
		kind_count[pl->v[i].c.kind]++;
		for (size_t r = 0; r < l->nroles && r < 32; r++)
			role_count[r] += (pl->v[i].roles >> r) & 1u;
	}
	for (size_t r = 0; r < l->nroles && r < 32; r++)
		if (l->roles[r].empty && role_count[r] < LEDGER_CANDIDATES_MAX)
			return false;
	for (int k = 0; k < KIND_COUNT; k++)
		if (l->kinds[k].empty && kind_count[k] < LEDGER_CANDIDATES_MAX)
			return false;
	return true;
}

static int by_fit(const void *x, const void *y)
{
	const struct ledger_candidate *a = x, *b = y;
	if (a->match != b->match)
		return a->match < b->match ? -1 : 1;
	if (a->where != b->where)
		return a->where < b->where ? -1 : 1;
	if (a->distance != b->distance)
		return a->distance < b->distance ? -1 : 1;
	if (a->ntags != b->ntags)
		return a->ntags > b->ntags ? -1 : 1;
	if (a->has_capacity != b->has_capacity)
		return a->has_capacity ? -1 : 1;
	if (a->capacity_hours != b->capacity_hours)
		return a->capacity_hours > b->capacity_hours ? -1 : 1;
	int c = strcasecmp(a->name, b->name);
	return c ? c : strcmp(a->id, b->id);
}

/* The best LEDGER_CANDIDATES_MAX of the pool for a role (role_index >= 0;
 * typical: its typical kinds) or for a kind; all: room for the pool. */
static void rank(const struct pool *pl, long role_index, unsigned typical, int kind,
		 struct ledger_candidate *all, struct ledger_candidate *out, size_t *n)
{
	size_t m = 0;
	for (size_t i = 0; i < pl->n; i++) {
		const struct pooled *p = &pl->v[i];
		enum ledger_match match;
		if (role_index < 0) {
			if (p->c.kind != kind)
				continue;
			match = MATCH_KIND;
		} else if ((p->roles >> role_index) & 1u) {
			match = MATCH_LISTS_ROLE;
		} else if (typical & (1u << p->c.kind)) {
			match = MATCH_TYPICAL_KIND;
		} else {
			continue;
		}
		all[m] = p->c;
		all[m++].match = match;
	}
	qsort(all, m, sizeof *all, by_fit);
	*n = m < LEDGER_CANDIDATES_MAX ? m : LEDGER_CANDIDATES_MAX;
	memcpy(out, all, sizeof *out * *n);
}

/* ---------------------------------------------------------- the areas */

struct place {
	const char *code, *name;
};

/* The children of the areas `of` (or, with but, the areas beside it: the
 * children of its parent but itself), at most LEDGER_STEP_AREAS_MAX. */
static int children(struct store *s, struct arena *a, const struct place *of, size_t nof, const char *but,
		    struct place **out, size_t *n)
{
	*out = arena_alloc(a, sizeof **out * LEDGER_STEP_AREAS_MAX);
	*n = 0;
	for (size_t i = 0; i < nof && *n < LEDGER_STEP_AREAS_MAX; i++) {
		struct store_stmt *st = store_prepare(store_reader(s),
			"SELECT code, name FROM areas WHERE parent_code = ?1 AND code <> ?2 ORDER BY code LIMIT ?3");
		if (!st)
			return ERR_DB;
		store_bind_str(st, 1, of[i].code);
		store_bind_str(st, 2, but ? but : "");
		store_bind_int(st, 3, LEDGER_STEP_AREAS_MAX - (int64_t)*n);
		int rc;
		while ((rc = store_step(st)) == STORE_ROW)
			(*out)[(*n)++] = (struct place){ arena_strdup(a, store_text(st, 0)), arena_strdup(a, store_text(st, 1)) };
		store_reset(st);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* One step of the gathering: the parties of a row of areas, as many from
 * each as the row leaves room for; then their roles and tags. */
static int pool_step(struct store *s, struct arena *a, struct pool *pl, const struct place *row, size_t n,
		     enum ledger_where where, int distance)
{
	size_t from = pl->n, each = n ? LEDGER_AREA_POOL_MAX / n : 0;
	if (each < LEDGER_CANDIDATES_MAX * 2)
		each = LEDGER_CANDIDATES_MAX * 2;
	int rc = 0;
	for (size_t i = 0; !rc && i < n; i++)
		rc = pool_area(s, a, pl, row[i].code, row[i].name, where, distance, each);
	return rc ? rc : pool_details(s, a, pl, from);
}

/* The issue's words: its title, summary and target groups. */
static int issue_words(struct store *s, struct arena *a, const char *issue_id, struct pool *pl)
{
	struct buf b = BUF_INIT(WORDS_TEXT_MAX);
	struct store_stmt *st = store_prepare(store_reader(s),
		"SELECT title, summary FROM issues WHERE id = ?1"
		" UNION ALL SELECT target_group, '' FROM issue_target_groups WHERE issue_id = ?1");
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, issue_id);
	int rc;
	while ((rc = store_step(st)) == STORE_ROW)
		buf_printf(&b, "%s %s\n", store_text(st, 0), store_text(st, 1));
	store_reset(st);
	pl->words = arena_alloc(a, sizeof *pl->words * WORDS_MAX);
	pl->nwords = similar_stems(b.ptr, pl->words, WORDS_MAX);
	qsort(pl->words, pl->nwords, sizeof *pl->words, by_stem);
	buf_release(&b);
	return rc < 0 ? rc : 0;
}

/* Gathers the pool, nearest first, until it holds enough or the bounds are
 * reached; then ranks every empty role's and kind's candidates. */
static int candidates(struct store *s, struct arena *a, const char *issue_id, const char *area_code,
		      struct ledger *l)
{
	bool any = false;
	for (size_t i = 0; i < l->nroles; i++)
		any |= l->roles[i].empty;
	for (int k = 0; k < KIND_COUNT; k++)
		any |= l->kinds[k].empty;
	if (!any)
		return 0;
	struct area ar;
	int rc = area_get(s, a, area_code, &ar);
	if (rc)
		return rc;
	struct pool *pl = arena_alloc(a, sizeof *pl);
	pl->v = arena_alloc(a, sizeof *pl->v * LEDGER_POOL_MAX);
	if ((rc = issue_words(s, a, issue_id, pl)))
		return rc;
	struct place here = { ar.code, ar.name }, *row;
	size_t n;
	/* the area itself */
	if ((rc = pool_step(s, a, pl, &here, 1, WHERE_SAME, 0)))
		return rc;
	/* beside it */
	if (ar.parent && !pool_enough(pl, l)) {
		struct place parent = { ar.parent, NULL };
		if ((rc = children(s, a, &parent, 1, ar.code, &row, &n)) ||
		    (rc = pool_step(s, a, pl, row, n, WHERE_SIBLING, 0)))
			return rc;
	}
	/* the areas it lies in, the nearest first */
	const char *up = ar.parent;
	for (int d = 1; up && d <= 8 && !pool_enough(pl, l) && pl->n < LEDGER_POOL_MAX; d++) {
		struct area above;
		if ((rc = area_get(s, a, up, &above)))
			return rc;
		struct place p = { above.code, above.name };
		if ((rc = pool_step(s, a, pl, &p, 1, WHERE_ABOVE, d)))
			return rc;
		up = above.parent;
	}
	/* the areas inside it, a level at a time */
	struct place *level = &here;
	size_t nlevel = 1;
	for (int d = 1; d <= 8 && nlevel && !pool_enough(pl, l) && pl->n < LEDGER_POOL_MAX; d++) {
		if ((rc = children(s, a, level, nlevel, NULL, &row, &n)) ||
		    (rc = pool_step(s, a, pl, row, n, WHERE_BELOW, d)))
			return rc;
		level = row;
		nlevel = n;
	}
	struct ledger_candidate *all = arena_alloc(a, sizeof *all * (pl->n ? pl->n : 1));
	for (size_t i = 0; i < l->nroles; i++) {
		struct ledger_role_row *r = &l->roles[i];
		if (r->empty)
			rank(pl, (long)(r->role - role_catalogue), r->typical, 0, all, r->cand, &r->ncand);
	}
	for (int k = 0; k < KIND_COUNT; k++)
		if (l->kinds[k].empty)
			rank(pl, -1, 0, k, all, l->kinds[k].cand, &l->kinds[k].ncand);
	return 0;
}

/* ---------------------------------------------------------- the ledger */

static void add_party(struct arena *a, struct ledger_party **v, size_t *n, const struct ledger_party *p)
{
	if (*n >= LEDGER_PARTIES_MAX)
		return;
	if (!*v)
		*v = arena_alloc(a, sizeof **v * LEDGER_PARTIES_MAX);
	(*v)[(*n)++] = *p;
}

static void add_kind_party(struct arena *a, struct ledger_kind_row *k, const struct ledger_party *p)
{
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->parties[i].id, p->id) == 0)
			return;
	add_party(a, &k->parties, &k->n, p);
}

int ledger_compute(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		   struct ledger *out)
{
	memset(out, 0, sizeof *out);
	struct issue_relation rel;
	int rc = ledger_issue_relation(store_reader(s), a, v, issue_id, &rel);
	if (rc)
		return rc;
	struct area ar;
	if ((rc = area_get(s, a, rel.area_code, &ar)))
		return rc;
	out->area_name = ar.name;
	out->issue_id = issue_id;
	out->area_code = rel.area_code;
	out->nroles = role_catalogue_count;
	out->roles = arena_alloc(a, sizeof *out->roles * out->nroles);
	for (size_t i = 0; i < out->nroles; i++) {
		out->roles[i].role = &role_catalogue[i];
		out->roles[i].typical = typical_bits(role_catalogue[i].typical_kinds);
	}
	for (int k = 0; k < KIND_COUNT; k++)
		out->kinds[k].kind = k;

	bool known = v && v->authenticated;
	struct store_conn *c = store_reader(s);
	/* the owner party, then the ledger's entries */
	struct store_stmt *st = store_prepare(c,
		"SELECT '', p.id, p.name, p.kind, '' FROM issues i JOIN parties p ON p.id = i.owner_party_id"
		" WHERE i.id = ?1 AND" VISIBLE
		" UNION ALL SELECT * FROM (SELECT ir.role_key, p.id, p.name, p.kind, ir.note"
		" FROM issue_roles ir JOIN parties p ON p.id = ir.party_id"
		" WHERE ir.issue_id = ?1 AND" VISIBLE " ORDER BY p.sort_name, p.id LIMIT 500)");
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, issue_id);
	store_bind_int(st, 5, known && v->role == PROLE_ADMIN);
	store_bind_str(st, 6, known ? v->user_id : NULL);
	bool first = true;
	while ((rc = store_step(st)) == STORE_ROW) {
		const char *role = store_text(st, 0);
		struct ledger_party p = {
			arena_strdup(a, store_text(st, 1)), arena_strdup(a, store_text(st, 2)),
			kind_of(store_text(st, 3)), arena_strdup(a, store_text(st, 4)), false,
		};
		if (!*role) {
			p.owner = first;
		} else {
			for (size_t i = 0; i < out->nroles; i++)
				if (strcmp(out->roles[i].role->key, role) == 0)
					add_party(a, &out->roles[i].parties, &out->roles[i].n, &p);
			p.note = "";
		}
		first = false;
		add_kind_party(a, &out->kinds[p.kind], &p);
	}
	store_reset(st);
	if (rc < 0)
		return rc;

	for (size_t i = 0; i < out->nroles; i++)
		out->roles[i].empty = out->roles[i].n == 0;
	for (int k = 0; k < KIND_COUNT; k++)
		out->kinds[k].empty = out->kinds[k].n == 0;
	return candidates(s, a, issue_id, rel.area_code, out);
}
