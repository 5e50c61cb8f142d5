#include "ledger.h"

#include <string.h>
#include <strings.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/area.h"
#include "../model/ledger.h"
#include "../store/store.h"

const char *const ledger_matches[3] = { "listsRole", "typicalKind", "kind" };
const char *const ledger_wheres[3] = { "same", "below", "above" };

/* Which parties a viewer may see (perm.c's rule for reading a party), with
 * ?5 = viewer is a platform admin and ?6 = the viewer's id. */
#define VISIBLE \
	" (p.visibility = 'public' OR ?5 = 1" \
	"  OR EXISTS (SELECT 1 FROM memberships m WHERE m.party_id = p.id AND m.user_id = ?6)" \
	"  OR " PARTY_COORDINATED_BY("p.id", "?6") ")"

/* The issue's area (code ?3), the areas below it (paths in [?2, ?11)) and
 * the areas above it (codes ?12..?15). */
#define SCOPE \
	"(SELECT code FROM areas WHERE path >= ?2 AND path < ?11" \
	" UNION ALL SELECT code FROM areas WHERE code IN (?12, ?13, ?14, ?15))"
/* Where a candidate is active, nearest first: "0 CODE" in the area itself,
 * "1 CODE" below it, "2 CODE" above it (the lowest such area). */
#define WHERE_COL \
	"(SELECT CASE WHEN a.code = ?3 THEN '0 ' WHEN a.path >= ?2 AND a.path < ?11 THEN '1 ' ELSE '2 ' END || a.code" \
	"  FROM party_areas pa JOIN areas a ON a.code = pa.area_code" \
	"  WHERE pa.party_id = p.id AND pa.area_code IN " SCOPE \
	"  ORDER BY CASE WHEN a.code = ?3 THEN 0 WHEN a.path >= ?2 AND a.path < ?11 THEN 1 ELSE 2 END," \
	"   length(a.path) DESC, a.code LIMIT 1)"
#define IN_SCOPE_TEST " AND EXISTS (SELECT 1 FROM party_areas pa WHERE pa.party_id = p.id AND pa.area_code IN " SCOPE ")"
#define IN_SCOPE_SET " AND p.id IN (SELECT pa.party_id FROM party_areas pa WHERE pa.area_code IN " SCOPE ")"

/* Candidates that list role ?1; and candidates of kind ?1. Public ones
 * only; by name; five. A large area walks the role's or the kind's index
 * (the kind's in name order, so it stops at five); a small one starts from
 * the parties in the area. */
#define ROLE_SQL(scope) \
	"SELECT p.id, p.name, p.kind, " WHERE_COL " FROM party_roles pr JOIN parties p ON p.id = pr.party_id" \
	" WHERE pr.role_key = ?1 AND p.visibility = 'public'" scope \
	" ORDER BY p.sort_name, p.id LIMIT 5"
#define KIND_SQL(scope) \
	"SELECT p.id, p.name, p.kind, " WHERE_COL " FROM parties p" \
	" WHERE p.kind = ?1 AND p.visibility = 'public'" scope \
	" ORDER BY p.sort_name, p.id LIMIT 5"
static const char role_by_test[] = ROLE_SQL(IN_SCOPE_TEST);
/* A role that many parties list, in a large area: walk the parties in name
 * order, which stops at the fifth that lists it and is in the area. */
static const char role_by_name[] =
	"SELECT p.id, p.name, p.kind, " WHERE_COL " FROM parties p"
	" WHERE (p.visibility || '') = 'public'" /* not by the visibility index: by name */
	" AND EXISTS (SELECT 1 FROM party_roles pr WHERE pr.party_id = p.id AND pr.role_key = ?1)" IN_SCOPE_TEST
	" ORDER BY p.sort_name, p.id LIMIT 5";
static const char role_by_set[] = ROLE_SQL(IN_SCOPE_SET);
static const char kind_by_test[] = KIND_SQL(IN_SCOPE_TEST);
static const char kind_by_set[] = KIND_SQL(IN_SCOPE_SET);

struct scope {
	const char *code;
	const char *lo, *hi;
	const char *anc[4];
	bool small;
};

static void scope_bind(struct store_stmt *st, const struct scope *sc)
{
	store_bind_str(st, 2, sc->lo);
	store_bind_str(st, 3, sc->code);
	store_bind_str(st, 11, sc->hi);
	for (int i = 0; i < 4; i++)
		store_bind_str(st, 12 + i, sc->anc[i]);
}

static int scope_of(struct store *s, struct arena *a, const char *code, struct scope *sc, const char **name)
{
	struct area ar;
	memset(sc, 0, sizeof *sc);
	int rc = area_get(s, a, code, &ar);
	if (rc)
		return rc;
	*name = ar.name;
	size_t n = strlen(ar.path);
	sc->code = ar.code;
	sc->lo = ar.path;
	char *hi = arena_strdup(a, ar.path);
	hi[n - 1] = '/' + 1; /* the first string past every path that starts with lo */
	sc->hi = hi;
	const char *p = ar.path;
	for (int i = 0; i < 4; i++) {
		const char *slash = strchr(p, '/');
		if (!slash || !slash[1])
			break;
		sc->anc[i] = arena_strndup(a, p, (size_t)(slash - p));
		p = slash + 1;
	}
	struct store_stmt *st = store_prepare(store_reader(s),
		"SELECT count(*) FROM (SELECT 1 FROM party_areas pa WHERE pa.area_code IN " SCOPE " LIMIT 2000)");
	if (!st)
		return ERR_DB;
	scope_bind(st, sc);
	sc->small = store_step(st) == STORE_ROW && store_int(st, 0) < 2000;
	store_reset(st);
	return 0;
}

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

/* Runs a candidate query for key (?1) and appends up to max candidates not
 * yet in the list. */
static int candidates(struct store *s, struct arena *a, const struct scope *sc, const char *sql,
		      const char *key, enum ledger_match match, struct ledger_candidate *out,
		      size_t *n, size_t max)
{
	struct store_stmt *st = store_prepare(store_reader(s), sql);
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, key);
	scope_bind(st, sc);
	int rc;
	while ((rc = store_step(st)) == STORE_ROW) {
		const char *id = store_text(st, 0);
		bool seen = false;
		for (size_t i = 0; i < *n && !seen; i++)
			seen = strcmp(out[i].id, id) == 0;
		if (seen || *n >= max)
			continue;
		struct ledger_candidate *c = &out[(*n)++];
		c->id = arena_strdup(a, id);
		c->name = arena_strdup(a, store_text(st, 1));
		c->kind = kind_of(store_text(st, 2));
		c->match = match;
		const char *w = store_text(st, 3);
		c->where = w[0] == '0' ? WHERE_SAME : w[0] == '1' ? WHERE_BELOW : WHERE_ABOVE;
		c->area_code = arena_strdup(a, w[0] && w[1] ? w + 2 : sc->code);
		c->area_name = NULL; /* named once all are found */
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

/* Whether fewer than 2,000 parties list the role: then its index is the
 * short way in. */
static bool role_rare(struct store *s, const char *role)
{
	struct store_stmt *st = store_prepare(store_reader(s),
		"SELECT count(*) FROM (SELECT 1 FROM party_roles WHERE role_key = ?1 LIMIT 2000)");
	if (!st)
		return true;
	store_bind_str(st, 1, role);
	bool rare = store_step(st) == STORE_ROW && store_int(st, 0) < 2000;
	store_reset(st);
	return rare;
}

/* Sorts candidates from `from` on by name (the typical kinds' lists,
 * merged). */
static void sort_by_name(struct ledger_candidate *c, size_t from, size_t n)
{
	for (size_t i = from + 1; i < n; i++) {
		struct ledger_candidate x = c[i];
		size_t j = i;
		while (j > from && strcasecmp(c[j - 1].name, x.name) > 0) {
			c[j] = c[j - 1];
			j--;
		}
		c[j] = x;
	}
}

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
	struct scope sc;
	if ((rc = scope_of(s, a, rel.area_code, &sc, &out->area_name)))
		return rc;
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

	for (size_t i = 0; i < out->nroles; i++) {
		struct ledger_role_row *row = &out->roles[i];
		row->empty = row->n == 0;
		if (!row->empty)
			continue;
		const char *sql = sc.small ? role_by_set : role_rare(s, row->role->key) ? role_by_test : role_by_name;
		rc = candidates(s, a, &sc, sql, row->role->key,
				MATCH_LISTS_ROLE, row->cand, &row->ncand, LEDGER_CANDIDATES_MAX);
		size_t listed = row->ncand;
		/* the typical kinds' candidates, merged by name, fill what is left */
		struct ledger_candidate more[LEDGER_CANDIDATES_MAX * KIND_COUNT];
		size_t nmore = 0;
		for (size_t j = 0; j < listed; j++)
			more[nmore++] = row->cand[j];
		for (int k = 0; !rc && k < KIND_COUNT; k++)
			if (row->typical & (1u << k))
				rc = candidates(s, a, &sc, sc.small ? kind_by_set : kind_by_test, party_kinds[k].key,
						MATCH_TYPICAL_KIND, more, &nmore, sizeof more / sizeof more[0]);
		if (rc)
			return rc;
		sort_by_name(more, listed, nmore);
		for (size_t j = listed; j < nmore && row->ncand < LEDGER_CANDIDATES_MAX; j++)
			row->cand[row->ncand++] = more[j];
	}
	for (int k = 0; k < KIND_COUNT; k++) {
		struct ledger_kind_row *row = &out->kinds[k];
		row->empty = row->n == 0;
		if (row->empty && (rc = candidates(s, a, &sc, sc.small ? kind_by_set : kind_by_test,
						   party_kinds[k].key, MATCH_KIND, row->cand, &row->ncand,
						   LEDGER_CANDIDATES_MAX)))
			return rc;
	}
	/* the names of the areas the candidates are active in */
	struct ledger_candidate *all[(12 + KIND_COUNT) * LEDGER_CANDIDATES_MAX];
	size_t nall = 0;
	for (size_t i = 0; i < out->nroles && i < 12; i++)
		for (size_t j = 0; j < out->roles[i].ncand; j++)
			all[nall++] = &out->roles[i].cand[j];
	for (int k = 0; k < KIND_COUNT; k++)
		for (size_t j = 0; j < out->kinds[k].ncand; j++)
			all[nall++] = &out->kinds[k].cand[j];
	for (size_t i = 0; i < nall; i++) {
		for (size_t j = 0; j < i && !all[i]->area_name; j++)
			if (strcmp(all[j]->area_code, all[i]->area_code) == 0)
				all[i]->area_name = all[j]->area_name;
		struct area ar;
		if (!all[i]->area_name)
			all[i]->area_name = area_get(s, a, all[i]->area_code, &ar) ? all[i]->area_code : ar.name;
	}
	return 0;
}
