#include "party.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "area.h"
#include "cursor.h"
#include "activity.h"
#include "area.h"
#include "role.h"
#include "signal.h"
#include "registry.h"
#include "rows.h"

const struct enum_entry party_kinds[KIND_COUNT] = {
	[KIND_CITIZEN_INITIATIVE] = { "citizen_initiative", { "Burgerinitiatief", "Citizen initiative" } },
	[KIND_SOCIAL_WORK] = { "social_work", { "Sociaal werk", "Social work" } },
	[KIND_GOVERNMENT] = { "government", { "Overheid", "Government" } },
	[KIND_BUSINESS] = { "business", { "Bedrijfsleven", "Business" } },
	[KIND_KNOWLEDGE_INSTITUTE] = { "knowledge_institute", { "Kennisinstituut", "Knowledge institute" } },
};
_Static_assert(sizeof party_kinds / sizeof party_kinds[0] == KIND_COUNT, "kinds");

const char *const party_kind_hint[KIND_COUNT][LANG_COUNT] = {
	[KIND_CITIZEN_INITIATIVE] = { "sociaal ondernemers en actieve burgers", "social entrepreneurs and active citizens" },
	[KIND_SOCIAL_WORK] = { "sociale professionals en ervaringsdeskundigen", "social professionals and experts by experience" },
	[KIND_GOVERNMENT] = { "gemeente, provincie, Rijk: ambtenaren", "municipality, province, state: civil servants" },
	[KIND_BUSINESS] = { "bedrijven, ondernemers, investeerders", "companies, entrepreneurs, investors" },
	[KIND_KNOWLEDGE_INSTITUTE] = { "hogescholen, universiteiten, onderzoekers", "universities, colleges, researchers" },
};

const struct enum_entry party_visibilities[VIS_COUNT] = {
	[VIS_PUBLIC] = { "public", { "Openbaar", "Public" } },
	[VIS_PRIVATE] = { "private", { "Alleen voor mij en beheerders", "Only for me and administrators" } },
};
_Static_assert(sizeof party_visibilities / sizeof party_visibilities[0] == VIS_COUNT, "visibilities");

const char *const party_sorts[SORT_COUNT] = {
	[SORT_NAME] = "name",
	[SORT_NAME_DESC] = "-name",
	[SORT_CREATED] = "createdAt",
	[SORT_CREATED_DESC] = "-createdAt",
};

bool party_sort_parse(const char *name, enum party_sort *out)
{
	*out = SORT_NAME;
	if (!name)
		return true;
	for (int i = 0; i < SORT_COUNT; i++)
		if (strcmp(party_sorts[i], name) == 0) {
			*out = (enum party_sort)i;
			return true;
		}
	return false;
}

#define PARTY_COLS \
	"p.id, p.name, p.kind, p.description, p.email, p.phone, p.website, p.capacity_hours," \
	" p.visibility, p.created_by, p.created_at, p.updated_at, p.sort_name, p.verified_at, p.verified_by," \
	" (SELECT u.name FROM users u WHERE u.id = p.verified_by), p.lists"

/* An area filter's scope: the area and the areas inside it (the paths in
 * [?2, ?11)), and the areas that contain it (the codes ?12..?15). A party
 * is in the area if it serves any of them. */
#define SCOPE \
	"(SELECT code FROM areas WHERE path >= ?2 AND path < ?11" \
	" UNION ALL SELECT code FROM areas WHERE code IN (?12, ?13, ?14, ?15))"

/* Two ways to apply it: for a small scope, find its parties and sort them;
 * for a large one, walk the sorted list and test each party. */
#define AREA_BY_SET " AND p.id IN (SELECT pa.party_id FROM party_areas pa WHERE pa.area_code IN " SCOPE ")"
#define AREA_BY_TEST \
	" AND (?2 IS NULL OR EXISTS (SELECT 1 FROM party_areas pa WHERE pa.party_id = p.id" \
	"      AND pa.area_code IN " SCOPE "))"

/* The other filters: ?1 kind, ?3 role, ?4 tag, ?5 viewer is admin,
 * ?6 viewer id (the viewer sees public parties and their own). A kind that
 * is given is a plain equality, so that the (kind, sort_name) index serves. */
#define ANY_KIND " (?1 IS NULL OR p.kind = ?1)"
#define ONE_KIND " p.kind = ?1"
#define PARTY_WHERE \
	" AND (?3 IS NULL OR EXISTS (SELECT 1 FROM party_roles pr WHERE pr.party_id = p.id AND pr.role_key = ?3))" \
	" AND (?4 IS NULL OR EXISTS (SELECT 1 FROM party_tags pt WHERE pt.party_id = p.id AND pt.tag = ?4))" \
	VISIBLE

/* Which parties a viewer may see, as perm.c's rule for reading a party:
 * public ones, all for a platform admin (?5 = 1), and for the viewer ?6 those
 * they are a member of or that serve an area they coordinate. */
#define VISIBLE \
	" AND (p.visibility = 'public' OR ?5 = 1" \
	"  OR EXISTS (SELECT 1 FROM memberships m WHERE m.party_id = p.id AND m.user_id = ?6)" \
	"  OR " PARTY_COORDINATED_BY("p.id", "?6") ")"

/* ?7, ?8: the cursor's sort value and id; ?9 the limit; ?10 the search. */
#define LIST_SQL(from, kind, area, keyset, order) \
	"SELECT " PARTY_COLS " FROM " from " WHERE" kind PARTY_WHERE area " AND " keyset \
	" ORDER BY " order " LIMIT ?9"
#define FTS_FROM "party_search s JOIN parties p ON p.seq = s.rowid"
#define FTS_AND "party_search MATCH ?10 AND "
#define SORTS(from, kind, area, and) { \
	[SORT_NAME] = LIST_SQL(from, kind, area, and "(p.sort_name, p.id) > (?7, ?8)", "p.sort_name, p.id"), \
	[SORT_NAME_DESC] = LIST_SQL(from, kind, area, and "(p.sort_name, p.id) < (?7, ?8)", "p.sort_name DESC, p.id DESC"), \
	[SORT_CREATED] = LIST_SQL(from, kind, area, and "(p.created_at, p.id) > (?7, ?8)", "p.created_at, p.id"), \
	[SORT_CREATED_DESC] = LIST_SQL(from, kind, area, and "(p.created_at, p.id) < (?7, ?8)", "p.created_at DESC, p.id DESC"), \
}

static const char *const list_sql[SORT_COUNT] = SORTS("parties p", ANY_KIND, AREA_BY_TEST, "");
static const char *const list_kind_sql[SORT_COUNT] = SORTS("parties p", ONE_KIND, AREA_BY_TEST, "");
static const char *const list_in_area_sql[SORT_COUNT] = SORTS("parties p", ANY_KIND, AREA_BY_SET, "");
static const char *const search_sql[SORT_COUNT] = SORTS(FTS_FROM, ANY_KIND, AREA_BY_TEST, FTS_AND);

int party_small_scope = 2000;

struct scope {
	const char *lo, *hi;   /* the range of paths of the area and those inside */
	const char *anc[4];    /* the codes of the areas that contain it */
};

/* The scope of an area code; false if there is no such area. */
static bool scope_of(struct store *s, struct arena *a, const char *code, struct scope *sc)
{
	memset(sc, 0, sizeof *sc);
	if (!area_range(s, a, code, &sc->lo, &sc->hi, NULL))
		return false;
	const char *p = sc->lo;
	for (int i = 0; i < 4; i++) {
		const char *slash = strchr(p, '/');
		if (!slash || !slash[1])
			break; /* the last code is the area itself */
		sc->anc[i] = arena_strndup(a, p, (size_t)(slash - p));
		p = slash + 1;
	}
	return true;
}

static void scope_bind(struct store_stmt *st, const struct scope *sc)
{
	store_bind_str(st, 2, sc->lo);
	store_bind_str(st, 11, sc->hi);
	for (int i = 0; i < 4; i++)
		store_bind_str(st, 12 + i, sc->anc[i]);
}

/* Whether the scope links to fewer than party_small_scope parties. */
static bool scope_small(struct store_conn *c, const struct scope *sc)
{
	struct store_stmt *st = store_prepare(c,
		"SELECT count(*) FROM (SELECT 1 FROM party_areas pa WHERE pa.area_code IN " SCOPE
		" LIMIT 2000)");
	if (!st)
		return false;
	scope_bind(st, sc);
	bool small = store_step(st) == STORE_ROW && store_int(st, 0) < party_small_scope;
	store_reset(st);
	return small;
}

/* Sorts past every real value, for the first page of a descending list. */
static const char past_all[] = "\xf4\x8f\xbf\xbf\xf4\x8f\xbf\xbf";

/* A role's place in the catalogue; one the catalogue no longer has, last. */
static size_t role_rank(const char *key)
{
	const struct role *r = role_find(key);
	return r ? (size_t)(r - role_catalogue) : role_catalogue_count;
}

/* Puts the roles in the catalogue's order. The row keeps them in the order
 * the catalogue had when the party was written, which a later version of
 * the catalogue may change (role_seed). */
static void roles_in_order(struct strlist *roles)
{
	for (size_t i = 1; i < roles->n; i++)
		for (size_t j = i; j > 0 && role_rank(roles->v[j - 1]) > role_rank(roles->v[j]); j--) {
			const char *t = roles->v[j];
			roles->v[j] = roles->v[j - 1];
			roles->v[j - 1] = t;
		}
}

/* A party from a row of PARTY_COLS. */
static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct party *out = row;
	memset(out, 0, sizeof *out);
	snprintf(out->id, sizeof out->id, "%s", store_text(st, 0));
	out->name = arena_strdup(a, store_text(st, 1));
	out->kind = arena_strdup(a, store_text(st, 2));
	out->description = arena_strdup(a, store_text(st, 3));
	out->email = rows_opt(st, a, 4);
	out->phone = rows_opt(st, a, 5);
	out->website = rows_opt(st, a, 6);
	out->has_capacity = !store_is_null(st, 7);
	out->capacity_hours = store_int(st, 7);
	out->visibility = arena_strdup(a, store_text(st, 8));
	out->created_by = rows_opt(st, a, 9);
	out->created_at = arena_strdup(a, store_text(st, 10));
	out->updated_at = arena_strdup(a, store_text(st, 11));
	out->verified_at = rows_opt(st, a, 13);
	out->verified_by = rows_opt(st, a, 14);
	out->verified_by_name = rows_opt(st, a, 15);
	const char *lists = store_text(st, 16);
	struct strlist *into[] = { &out->areas, &out->roles, &out->tags, &out->area_names };
	static const size_t max[] = { PARTY_AREAS_MAX, PARTY_ROLES_MAX, PARTY_TAGS_MAX, PARTY_AREAS_MAX };
	for (size_t i = 0; i < sizeof into / sizeof into[0]; i++) {
		size_t len = strcspn(lists, "\x1e");
		rows_split(a, lists, len, max[i], into[i]);
		lists += len + (lists[len] != '\0');
	}
	roles_in_order(&out->roles);
}

static struct perm_target target_of(const struct party *pa)
{
	struct perm_target t = { NULL, strcmp(pa->visibility, "public") == 0, pa->member, pa->coordinated };
	return t;
}

bool party_can(const struct viewer *v, const struct party *pa, enum perm_object obj,
	       enum perm_action act)
{
	struct perm_target t = target_of(pa);
	return perm_can(v, obj, act, &t);
}

int party_relation(struct store_conn *c, const struct viewer *v, const char *party_id,
		   enum member_role *member, bool *coordinated)
{
	*member = MEMBER_NONE;
	*coordinated = false;
	if (!v || !v->authenticated)
		return 0;
	struct store_stmt *st = rows_prepare(c,
		"SELECT (SELECT role FROM memberships WHERE party_id = ?1 AND user_id = ?2), "
		PARTY_COORDINATED_BY("?1", "?2"), 2, party_id, v->user_id);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		int m = store_is_null(st, 0) ? -1 : enum_find(member_roles, MEMBER_ROLE_COUNT, store_text(st, 0));
		*member = m > 0 ? (enum member_role)m : MEMBER_NONE;
		*coordinated = store_int(st, 1) != 0;
		rc = 0;
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

int party_coordinates_all(struct store_conn *c, const struct viewer *v, const struct strlist *areas,
			  bool *out)
{
	*out = false;
	if (!v || !v->authenticated || v->role != PROLE_COORDINATOR || areas->n == 0)
		return 0;
	struct store_stmt *st = store_prepare(c, "SELECT " AREA_COORDINATED_BY("?1", "?2"));
	if (!st)
		return ERR_DB;
	bool all = true;
	int rc = 0;
	for (size_t i = 0; i < areas->n && all && !rc; i++) {
		store_bind_str(st, 1, areas->v[i]);
		store_bind_str(st, 2, v->user_id);
		rc = store_step(st);
		all = rc == STORE_ROW && store_int(st, 0) != 0;
		rc = rc == STORE_ROW ? 0 : ERR_DB;
		store_reset(st);
	}
	*out = all && !rc;
	return rc;
}

/* A party's lists as its row keeps them (migration 7): each list's items
 * joined by the unit separator, which no item can hold (each is a code, a
 * key, or a label without control characters), and the lists by the
 * record separator; the areas by their path, the roles in the catalogue's
 * order, the tags in order, then the areas' names. Made again from the
 * lists' tables after every write of them. */
#define LIST_OF(select) "coalesce((SELECT group_concat(v, char(31)) FROM (" select ")), '')"
#define PARTY_LISTS \
	LIST_OF("SELECT pa.area_code AS v FROM party_areas pa JOIN areas a ON a.code = pa.area_code" \
		" WHERE pa.party_id = p.id ORDER BY a.path") " || char(30) || " \
	LIST_OF("SELECT pr.role_key AS v FROM party_roles pr JOIN roles r ON r.key = pr.role_key" \
		" WHERE pr.party_id = p.id ORDER BY r.position") " || char(30) || " \
	LIST_OF("SELECT tag AS v FROM party_tags WHERE party_id = p.id ORDER BY tag") " || char(30) || " \
	LIST_OF("SELECT a.name AS v FROM party_areas pa JOIN areas a ON a.code = pa.area_code" \
		" WHERE pa.party_id = p.id ORDER BY a.path")

static int get_on(struct store_conn *c, struct arena *a, const char *id, struct party *out)
{
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(c,
		"SELECT " PARTY_COLS " FROM parties p WHERE p.id = ?1", 1, id);
	return rows_one(st, a, read_row, out);
}

int party_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
	      struct party *out)
{
	struct store_conn *c = store_reader(s);
	int rc = get_on(c, a, id, out);
	if (!rc)
		rc = party_relation(c, v, out->id, &out->member, &out->coordinated);
	if (!rc)
		rc = party_coordinates_all(c, v, &out->areas, &out->coordinated_all);
	if (!rc && !party_can(v, out, OBJ_PARTY, ACT_READ))
		rc = ERR_NOTFOUND;
	return rc;
}

bool party_can_edit(const struct viewer *v, const struct party *pa)
{
	return party_can(v, pa, OBJ_PARTY, ACT_UPDATE);
}

int party_list(struct store *s, struct arena *a, const struct viewer *v,
	       const struct party_filter *f, struct problems *p, struct party **items,
	       size_t *n, const char **next)
{
	const char *after_value = "", *after_id = "";
	struct scope sc = { 0 };
	char fts[512];
	bool search = false;
	int limit = f->limit > 0 ? f->limit : 20;
	if (limit > 100)
		problems_add_range(p, "limit", 1, 100);
	if (f->kind && enum_find(party_kinds, KIND_COUNT, f->kind) < 0)
		problems_add(p, "kind", R_NOT_ONE_OF, 0);
	if (f->area && !scope_of(s, a, f->area, &sc))
		problems_add(p, "area", R_UNKNOWN_AREA, 0);
	if (f->role && !role_find(f->role))
		problems_add(p, "role", R_UNKNOWN_ROLE, 0);
	if (f->tag)
		valid_text(p, "tag", f->tag, false, PARTY_TAG_MAX, false);
	if (f->q && valid_text(p, "q", f->q, false, 200, false))
		search = store_fts_query(f->q, fts, sizeof fts);
	if (f->sort == SORT_NAME_DESC || f->sort == SORT_CREATED_DESC)
		after_value = after_id = past_all;
	if (f->cursor && !cursor_decode(a, f->cursor, 400, &after_value, &after_id))
		problems_add(p, "cursor", R_BAD_FORMAT, 0);
	if (p->n)
		return ERR_INVALID;

	const char *tag = NULL;
	if (f->tag) {
		char *t = text_trim(a, f->tag, strlen(f->tag));
		for (char *c = t; *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
		tag = t;
	}
	struct store_conn *c = store_reader(s);
	const char *const *sql = search ? search_sql
				 : f->area && scope_small(c, &sc) ? list_in_area_sql
				 : f->kind ? list_kind_sql : list_sql;
	struct store_stmt *st = rows_prepare(c, sql[f->sort], 1, f->kind);
	if (!st)
		return ERR_DB;
	scope_bind(st, &sc);
	store_bind_str(st, 3, f->role);
	store_bind_str(st, 4, tag);
	store_bind_int(st, 5, v && v->authenticated && v->role == PROLE_ADMIN);
	store_bind_str(st, 6, v && v->authenticated ? v->user_id : NULL);
	store_bind_str(st, 7, after_value);
	store_bind_str(st, 8, after_id);
	store_bind_int(st, 9, limit + 1);
	if (search)
		store_bind_str(st, 10, fts);
	struct party *list = arena_alloc(a, sizeof *list * (size_t)(limit + 1));
	const char **sortval = arena_alloc(a, sizeof *sortval * (size_t)(limit + 1));
	size_t count = 0;
	int rc;
	while ((rc = store_step(st)) == STORE_ROW) {
		read_row(st, a, &list[count]);
		sortval[count] = arena_strdup(a, store_text(st, 12));
		count++;
	}
	store_reset(st);
	if (rc < 0)
		return rc;
	*next = NULL;
	if (count > (size_t)limit) {
		count = (size_t)limit;
		const struct party *last = &list[count - 1];
		bool by_name = f->sort == SORT_NAME || f->sort == SORT_NAME_DESC;
		*next = cursor_encode(a, by_name ? sortval[count - 1] : last->created_at, last->id);
	}
	*items = list;
	*n = count;
	return 0;
}

static char *sort_key(struct arena *a, const char *name)
{
	char *k = arena_strdup(a, name);
	for (char *c = k; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	return k;
}

/* Sorts v by keys (a parallel array, which may be v itself); few items. */
static void sort_by(const char **v, const char **keys, size_t n)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(keys[j - 1], keys[j]) > 0; j--) {
			const char *t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
			if (keys != v) {
				t = keys[j];
				keys[j] = keys[j - 1];
				keys[j - 1] = t;
			}
		}
}

/* party_validate, with the paths of the areas (in their order) into
 * paths, for put_in_order. */
static void validate(struct store *s, struct arena *a, struct party *in, struct problems *p,
		     const char **paths)
{
	fields_validate(party_fields, party_nfields, in, store_reader(s), a, p);
	/* the areas exist, and their paths put them in order (F_MODEL_CHECKS) */
	for (size_t i = 0; i < in->areas.n && !problems_find(p, "areas"); i++) {
		struct area ar;
		if (!text_utf8_valid(in->areas.v[i], strlen(in->areas.v[i])) || area_get(s, a, in->areas.v[i], &ar))
			problems_add(p, "areas", R_UNKNOWN_AREA, 0);
		else
			paths[i] = ar.path;
	}
}

void party_validate(struct store *s, struct arena *a, struct party *in, struct problems *p)
{
	validate(s, a, in, p, arena_alloc(a, sizeof(char *) * (in->areas.n + 1)));
}

/* Validates in and puts each list in the order a read gives it: the areas
 * by their path, the roles in the catalogue's order, the tags
 * alphabetically. */
static void validate_in_order(struct store *s, struct arena *a, struct party *in, struct problems *p)
{
	in->area_names.n = 0; /* the names read were of the areas before */
	const char **keys = arena_alloc(a, sizeof *keys * (in->areas.n + 1));
	validate(s, a, in, p, keys);
	if (p->n)
		return;
	sort_by(in->areas.v, keys, in->areas.n);
	roles_in_order(&in->roles);
	sort_by(in->tags.v, in->tags.v, in->tags.n);
}

/* The tags as the search reads them from the row: each followed by a space. */
static const char *tags_text(struct arena *a, const struct party *in)
{
	size_t tlen = 0;
	for (size_t i = 0; i < in->tags.n; i++)
		tlen += strlen(in->tags.v[i]) + 1;
	char *tags = arena_alloc(a, tlen + 1), *o = tags;
	for (size_t i = 0; i < in->tags.n; i++) {
		size_t n = strlen(in->tags.v[i]);
		memcpy(o, in->tags.v[i], n);
		o += n;
		*o++ = ' ';
	}
	*o = 0;
	return tags;
}

static bool same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static bool same_list(const struct strlist *a, const struct strlist *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++) {
		bool found = false;
		for (size_t j = 0; j < b->n && !found; j++)
			found = strcmp(a->v[i], b->v[j]) == 0;
		if (!found)
			return false;
	}
	return true;
}

/* What PARTY_LISTS makes of a party without areas, roles or tags. */
static const char no_lists[] = "\x1e\x1e\x1e";

static bool has_lists(const struct party *in)
{
	return in->areas.n || in->roles.n || in->tags.n;
}

/* Writes the party's lists, after its row, and its search entry when index
 * (a new party, or one whose words changed: party_update took the old
 * entry out before it changed the row, which the index reads them from).
 * was is the party before (NULL: a new one); a list that has not changed
 * is left as it is, and the row's lists and tags too when none has. A new
 * party has no lists to clear, and its row has its lists already when they
 * are empty (party_create writes no_lists). */
static int write_children(struct store_conn *c, struct arena *a, const struct party *in, const char *tags,
			  bool index, const struct party *was)
{
	int rc = 0;
	struct store_stmt *st;
	struct {
		const char *clear, *add;
		const struct strlist *list, *before;
	} lists[] = {
		{ "DELETE FROM party_areas WHERE party_id = ?1",
		  "INSERT INTO party_areas (party_id, area_code) VALUES (?1, ?2)", &in->areas, was ? &was->areas : NULL },
		{ "DELETE FROM party_roles WHERE party_id = ?1",
		  "INSERT INTO party_roles (party_id, role_key) VALUES (?1, ?2)", &in->roles, was ? &was->roles : NULL },
		{ "DELETE FROM party_tags WHERE party_id = ?1",
		  "INSERT INTO party_tags (party_id, tag) VALUES (?1, ?2)", &in->tags, was ? &was->tags : NULL },
	};
	bool changed = false;
	for (size_t l = 0; !rc && l < sizeof lists / sizeof lists[0]; l++) {
		if (lists[l].before && same_list(lists[l].before, lists[l].list))
			continue;
		changed = true;
		if (lists[l].before)
			rc = rows_run(c, lists[l].clear, 1, in->id);
		if (!rc && !(st = store_prepare(c, lists[l].add)))
			return ERR_DB;
		for (size_t i = 0; !rc && i < lists[l].list->n; i++) {
			store_bind_str(st, 1, in->id);
			store_bind_str(st, 2, lists[l].list->v[i]);
			rc = store_run(st);
		}
	}
	if (rc)
		return rc;
	/* the row's tags are the index's text, in the order given */
	if (was ? changed || strcmp(tags_text(a, was), tags) != 0 : has_lists(in))
		rc = rows_run(c, "UPDATE parties AS p SET lists = " PARTY_LISTS ", tags = ?2 WHERE p.id = ?1", 2,
			      in->id, tags);
	if (rc || !index)
		return rc;
	if (!(st = store_prepare(c,
		"INSERT INTO party_search (rowid, name, description, tags)"
		" VALUES ((SELECT seq FROM parties WHERE id = ?1), ?2, ?3, ?4)")))
		return ERR_DB;
	store_bind_str(st, 1, in->id);
	store_bind_str(st, 2, in->name);
	store_bind_str(st, 3, in->description);
	store_bind_str(st, 4, tags);
	return store_run(st);
}

static void bind_fields(struct store_stmt *st, struct arena *a, const struct party *in)
{
	store_bind_str(st, 1, in->id);
	store_bind_str(st, 2, in->name);
	store_bind_str(st, 3, sort_key(a, in->name));
	store_bind_str(st, 4, in->kind);
	store_bind_str(st, 5, in->description);
	store_bind_str(st, 6, in->email);
	store_bind_str(st, 7, in->phone);
	store_bind_str(st, 8, in->website);
	if (in->has_capacity)
		store_bind_int(st, 9, in->capacity_hours);
	else
		store_bind_null(st, 9);
	store_bind_str(st, 10, in->visibility);
	store_bind_str(st, 11, in->updated_at);
}

int party_create(struct store *s, struct arena *a, const struct viewer *v, struct party *in,
		 struct problems *p)
{
	int rc = perm_check(v, OBJ_PARTY, ACT_CREATE, NULL);
	if (rc)
		return rc;
	validate_in_order(s, a, in, p); /* adds to what the caller found */
	if (p->n)
		return ERR_INVALID;
	uuid7_new(in->id);
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	in->created_at = in->updated_at = now;
	in->created_by = v->user_id[0] ? v->user_id : NULL; /* NULL: made by the system */

	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct store_stmt *st = store_prepare(c,
		"INSERT INTO parties (id, name, sort_name, kind, description, email, phone, website,"
		" capacity_hours, visibility, updated_at, created_at, created_by, lists, tags)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13, ?14)");
	const char *tags = tags_text(a, in);
	if (!st) {
		rc = ERR_DB;
	} else {
		bind_fields(st, a, in);
		store_bind_str(st, 12, in->created_by);
		/* right at once without lists; else made again after them */
		store_bind_str(st, 13, no_lists);
		store_bind_str(st, 14, tags);
		rc = store_run(st);
	}
	if (!rc)
		rc = write_children(c, a, in, tags, true, NULL);
	/* who makes a party is its first admin */
	if (!rc && in->created_by)
		rc = rows_run(c, "INSERT INTO memberships (party_id, user_id, role, created_at) VALUES (?1, ?2, 'admin', ?3)", 3,
			in->id, in->created_by, now);
	if (!rc)
		rc = activity_add(c, v, "create", "party", in->id, "");
	int crc = store_write_end(s, rc == 0);
	in->verified_at = in->verified_by = in->verified_by_name = NULL;
	in->member = in->created_by ? MEMBER_ADMIN : MEMBER_NONE;
	return rc ? rc : crc;
}

int party_update(struct store *s, struct arena *a, const struct viewer *v, const struct party *was,
		 struct party *in, struct problems *p)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	const struct party old = *was;
	snprintf(in->id, sizeof in->id, "%s", old.id);
	int rc;
	struct perm_target t = target_of(&old);
	if ((rc = perm_check(v, OBJ_PARTY, ACT_UPDATE, &t)))
		return rc;
	validate_in_order(s, a, in, p);
	if (p->n)
		return ERR_INVALID;
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	in->updated_at = now;
	in->created_at = old.created_at;
	in->created_by = old.created_by;
	/* a verification vouches for who the party is and where: another
	 * name, kind or areas need it again, unless the editor may give it to
	 * the party as it is after the change */
	bool unverify = old.verified_at &&
			(!same(old.name, in->name) || !same(old.kind, in->kind) || !same_list(&old.areas, &in->areas));
	if (unverify) {
		struct perm_target after = { NULL, strcmp(in->visibility, "public") == 0, old.member, false };
		if ((rc = party_coordinates_all(store_reader(s), v, &in->areas, &after.coordinated)))
			return rc;
		unverify = !perm_can(v, OBJ_VERIFICATION, ACT_CREATE, &after);
	}
	const char *fields = fields_changed(party_fields, party_nfields, &old, in, a);
	if (unverify)
		fields = *fields ? arena_printf(a, "%s,verified", fields) : "verified";

	const char *tags = tags_text(a, in);

	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	/* its search entry goes, and comes back after the row, only when its
	 * words change, as the row has them now (the index reads them from it) */
	rc = rows_run(c, "DELETE FROM party_search WHERE rowid = (SELECT seq FROM parties WHERE id = ?1"
			 " AND (name IS NOT ?2 OR description IS NOT ?3 OR tags IS NOT ?4))", 4,
		      in->id, in->name, in->description, tags);
	bool reindex = !rc && store_changes(c) > 0;
	struct store_stmt *st = rc ? NULL : store_prepare(c,
		"UPDATE parties SET name = ?2, sort_name = ?3, kind = ?4, description = ?5, email = ?6,"
		" phone = ?7, website = ?8, capacity_hours = ?9, visibility = ?10, updated_at = ?11,"
		" verified_at = CASE WHEN ?12 THEN NULL ELSE verified_at END,"
		" verified_by = CASE WHEN ?12 THEN NULL ELSE verified_by END"
		" WHERE id = ?1");
	if (!st) {
		rc = rc ? rc : ERR_DB;
	} else {
		bind_fields(st, a, in);
		store_bind_int(st, 12, unverify);
		rc = store_run(st);
		if (!rc && store_changes(c) == 0)
			rc = ERR_NOTFOUND;
	}
	if (!rc)
		rc = write_children(c, a, in, tags, reindex, &old);
	/* the initiatives it leads keep its kind, for their board's filter */
	if (!rc && !same(old.kind, in->kind))
		rc = rows_run(c, "UPDATE initiatives SET lead_kind = ?2 WHERE lead_party_id = ?1", 2, in->id, in->kind);
	/* where its regulatory signals go may have changed with it */
	if (!rc && old.verified_at)
		rc = signal_reroute(c, in->id, false);
	if (!rc)
		rc = activity_add(c, v, "update", "party", in->id, fields);
	int crc = store_write_end(s, rc == 0);
	/* as a read would give it: the viewer's relation as it was, but for
	 * the areas they coordinate, which may have changed */
	in->member = old.member;
	in->coordinated = old.coordinated;
	in->coordinated_all = old.coordinated_all;
	if (unverify)
		in->verified_at = in->verified_by = in->verified_by_name = NULL;
	else
		in->verified_at = old.verified_at, in->verified_by = old.verified_by,
		in->verified_by_name = old.verified_by_name;
	return rc ? rc : crc;
}

int party_delete(struct store *s, const struct viewer *v, const char *id)
{
	if (!v || !v->authenticated)
		return ERR_AUTH; /* log in first, before a private party is even looked for */
	struct arena *a = arena_new();
	struct party old;
	int rc = party_get(s, a, v, id, &old);
	if (!rc) {
		struct perm_target t = target_of(&old);
		rc = perm_check(v, OBJ_PARTY, ACT_DELETE, &t);
	}
	if (rc) {
		arena_free(a);
		return rc;
	}
	struct store_conn *c = store_write_begin(s);
	if (!c) {
		arena_free(a);
		return ERR_DB;
	}
	/* its regulatory signals go on to the next verified party, or to the
	 * coordinators */
	if (old.verified_at)
		rc = signal_reroute(c, id, true);
	if (!rc)
		rc = rows_run(c, "DELETE FROM party_search WHERE rowid = (SELECT seq FROM parties WHERE id = ?1)", 1, id);
	if (!rc)
		rc = rows_change(c, "DELETE FROM parties WHERE id = ?1", 1, id);
	if (!rc)
		rc = activity_add(c, v, "delete", "party", id, "");
	int crc = store_write_end(s, rc == 0);
	arena_free(a);
	return rc ? rc : crc;
}

int party_count_by_kind(struct store *s, const struct viewer *v, long long counts[KIND_COUNT])
{
	bool anonymous = !v || !v->authenticated;
	/* the public parties alone are counted from an index */
	struct store_stmt *st = store_prepare(store_reader(s), anonymous
		? "SELECT p.kind, count(*) FROM parties p WHERE p.visibility = 'public' GROUP BY p.kind"
		: "SELECT p.kind, count(*) FROM parties p WHERE 1" VISIBLE " GROUP BY p.kind");
	if (!st)
		return ERR_DB;
	memset(counts, 0, sizeof(long long) * KIND_COUNT);
	if (!anonymous) {
		store_bind_int(st, 5, v->role == PROLE_ADMIN);
		store_bind_str(st, 6, v->user_id);
	}
	int rc;
	while ((rc = store_step(st)) == STORE_ROW) {
		int k = enum_find(party_kinds, KIND_COUNT, store_text(st, 0));
		if (k >= 0)
			counts[k] = store_int(st, 1);
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

int party_counts_by_area(struct store *s, struct arena *a, const struct viewer *v,
			 struct party_area_counts **rows, size_t *n)
{
	enum { MAX_ROWS = 40 };
	struct store_conn *c = store_reader(s);
	/* The focus: from the top of the tree down, as long as an area is the
	 * only one at its level (a municipality's own instance focuses on the
	 * municipality; a national one on the country). Its rows are the focus
	 * and the areas just inside it. */
	const char *focus = NULL;
	for (int depth = 0; depth < AREA_LEVEL_COUNT; depth++) {
		struct store_stmt *q = store_prepare(c, "SELECT code FROM areas WHERE parent_code IS ?1 LIMIT 2");
		if (!q)
			return ERR_DB;
		store_bind_str(q, 1, focus);
		const char *only = NULL;
		int found = 0, qrc;
		while ((qrc = store_step(q)) == STORE_ROW)
			if (found++ == 0)
				only = arena_strdup(a, store_text(q, 0));
		store_reset(q);
		if (qrc < 0)
			return qrc;
		if (found != 1)
			break;
		focus = only;
	}
	struct store_stmt *st = rows_prepare(c,
		"SELECT code, name, level FROM areas WHERE code = ?1 OR parent_code IS ?1"
		" ORDER BY path LIMIT 40", 1, focus);
	if (!st)
		return ERR_DB;
	struct party_area_counts *v_rows = arena_alloc(a, sizeof *v_rows * MAX_ROWS);
	const char *codes[MAX_ROWS];
	size_t count = 0;
	int rc;
	while ((rc = store_step(st)) == STORE_ROW && count < MAX_ROWS) {
		v_rows[count].code = arena_strdup(a, store_text(st, 0));
		v_rows[count].name = arena_strdup(a, store_text(st, 1));
		v_rows[count].level = arena_strdup(a, store_text(st, 2));
		codes[count] = v_rows[count].code;
		count++;
	}
	store_reset(st);
	if (rc < 0)
		return rc;
	st = store_prepare(c,
		"SELECT p.kind, count(*) FROM parties p WHERE 1" VISIBLE AREA_BY_SET
		" GROUP BY p.kind");
	if (!st)
		return ERR_DB;
	for (size_t i = 0; i < count; i++) {
		struct scope sc;
		if (!scope_of(s, a, codes[i], &sc))
			continue;
		scope_bind(st, &sc);
		store_bind_int(st, 5, v && v->authenticated && v->role == PROLE_ADMIN);
		store_bind_str(st, 6, v && v->authenticated ? v->user_id : NULL);
		while ((rc = store_step(st)) == STORE_ROW) {
			int k = enum_find(party_kinds, KIND_COUNT, store_text(st, 0));
			if (k >= 0) {
				v_rows[i].counts[k] = store_int(st, 1);
				v_rows[i].total += v_rows[i].counts[k];
			}
		}
		store_reset(st);
		if (rc < 0)
			return rc;
	}
	*rows = v_rows;
	*n = count;
	return 0;
}

/* The fields of a party, for the API, the forms and the log. */
const struct field_desc party_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct party, id),
	  .label = { "Nummer", "Number" }, .doc = "The identifier (id), a UUID version 7.",
	  .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fb\"" },
	{ .name = "name", .kind = FK_TEXT, .flags = F_REQUIRED, FIELD_AT(struct party, name), .min = 1,
	  .max = PARTY_NAME_MAX, .label = { "Naam", "Name" },
	  .hint = { "De naam van de organisatie of groep.", "The name of the organisation or group." },
	  .autocomplete = "organization", .doc = "The name (naam).", .example = "\"Voedselbank Utrecht\"" },
	{ .name = "kind", .kind = FK_ENUM, .flags = F_REQUIRED, FIELD_AT(struct party, kind), .keys = party_kinds,
	  .nkeys = KIND_COUNT, .key_hints = party_kind_hint, .schema = "PartyKind",
	  .label = { "Soort partij", "Kind of party" },
	  .hint = { "Welke van de vijf samenwerkingspartijen is dit? Een overheidspartij krijgt pas signalen over"
		    " regels als een beheerder of een coördinator van het gebied haar heeft geverifieerd.",
		    "Which of the five collaborating parties is this? A government party receives signals about"
		    " rules only after an administrator or a coordinator of the area has verified it." } },
	{ .name = "description", .kind = FK_MARKDOWN, FIELD_AT(struct party, description),
	  .max = PARTY_DESCRIPTION_MAX, .label = { "Beschrijving", "Description" },
	  .hint = { "Wat doet de partij, en voor wie? Je kunt Markdown gebruiken, zoals **vet** en lijstjes.",
		    "What does the party do, and for whom? You can use Markdown, like **bold** and lists." },
	  .doc = "What the party is and does (beschrijving), in Markdown; empty when not given.",
	  .example = "\"Deelt wekelijks voedselpakketten uit.\"" },
	{ .name = "email", .kind = FK_EMAIL, .flags = F_NULLABLE, FIELD_AT(struct party, email),
	  .max = PARTY_EMAIL_MAX, .label = { "E-mailadres", "Email address" }, .autocomplete = "email",
	  .doc = "The email address (e-mailadres), or null.", .example = "\"info@voedselbank.example\"" },
	{ .name = "phone", .kind = FK_PHONE, .flags = F_NULLABLE, FIELD_AT(struct party, phone),
	  .max = PARTY_PHONE_MAX, .label = { "Telefoonnummer", "Phone number" }, .autocomplete = "tel",
	  .doc = "The phone number (telefoonnummer), or null.", .example = "\"+31 30 123 4567\"" },
	{ .name = "website", .kind = FK_URL, .flags = F_NULLABLE, FIELD_AT(struct party, website),
	  .max = PARTY_WEBSITE_MAX, .label = { "Website", "Website" }, .autocomplete = "url",
	  .doc = "The website (website), an http(s) address, or null.", .example = "\"https://voedselbank.example\"" },
	{ .name = "capacityHours", .kind = FK_INT, .flags = F_NULLABLE, FIELD_AT(struct party, capacity_hours),
	  FIELD_HAS(struct party, has_capacity), .min = 0, .max = PARTY_CAPACITY_MAX,
	  .label = { "Capaciteit in uren per week", "Capacity in hours a week" },
	  .hint = { "Hoeveel uur per week kan de partij inzetten voor sociale innovatie? Een heel getal.",
		    "How many hours a week can the party spend on social innovation? A whole number." },
	  .doc = "The hours a week the party can give (capaciteit in uren per week), or null when not given.",
	  .example = "50" },
	{ .name = "visibility", .kind = FK_ENUM, FIELD_AT(struct party, visibility), .keys = party_visibilities,
	  .nkeys = VIS_COUNT, .def = "public", .schema = "Visibility", .label = { "Zichtbaarheid", "Visibility" },
	  .hint = { "Openbare partijen ziet iedereen.", "Everyone can see public parties." } },
	{ .name = "areas", .kind = FK_AREA, .flags = F_LIST | F_SPLIT_SPACE | F_MODEL_CHECKS, FIELD_AT(struct party, areas),
	  .max = 16, .max_items = PARTY_AREAS_MAX, .label = { "Gebieden", "Areas" },
	  .hint = { "Waar is de partij actief? Kies een of meer gebieden.",
		    "Where is the party active? Choose one or more areas." },
	  .doc = "The codes of the areas the party serves (werkgebieden), in tree order.", .example = "[\"GM0344\"]" },
	{ .name = "roles", .kind = FK_ROLE, .flags = F_LIST, FIELD_AT(struct party, roles),
	  .max_items = PARTY_ROLES_MAX, .label = { "Rollen", "Roles" },
	  .hint = { "Wat doet de partij in het ecosysteem? Uit het dossier 'Wat werkt bij sociale innovatie'.",
		    "What does the party do in the ecosystem? From the dossier 'What works in social innovation'." },
	  .doc = "The keys of the roles the party takes (rollen), in the catalogue's order.",
	  .example = "[\"detect_signals\"]" },
	{ .name = "tags", .kind = FK_LABEL, .flags = F_LIST, FIELD_AT(struct party, tags), .max = PARTY_TAG_MAX,
	  .max_items = PARTY_TAGS_MAX, .label = { "Expertise", "Expertise" },
	  .hint = { "Onderwerpen waar de partij veel van weet, gescheiden door komma's. Bijvoorbeeld: jeugd,"
		    " schulden, eenzaamheid.",
		    "Topics the party knows a lot about, separated by commas. For example: youth, debts, loneliness." },
	  .doc = "Expertise tags (expertiselabels), in lower case, sorted.", .example = "[\"armoede\", \"voedsel\"]" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct party, created_at),
	  .label = { "Aangemaakt op", "Created" }, .doc = "When the party was created (aangemaakt op), in UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
	{ .name = "updatedAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct party, updated_at),
	  .label = { "Bijgewerkt", "Updated" },
	  .doc = "When the party was last changed (laatst gewijzigd op), in UTC.", .example = "\"2026-11-27T10:00:00Z\"" },
	{ .name = "verified", .kind = FK_BOOL, .flags = F_READ_ONLY | F_IS_SET, FIELD_AT(struct party, verified_at),
	  .label = { "Geverifieerd", "Verified" },
	  .doc = "Whether a platform administrator (platformbeheerder) or a coordinator (coördinator) of all its areas has verified the party (geverifieerd): confirmed that it is who it says it is. Regulatory signals (signalen over regels) go only to verified government parties, and residents' signals only to verified parties that take the role detect_signals. Set through /parties/{id}/verification; a change of the name, kind or areas withdraws it unless whoever makes it may verify the party as it is after the change.",
	  .example = "true"  },
	{ .name = "verifiedAt", .kind = FK_TIME, .flags = F_READ_ONLY | F_NULLABLE, FIELD_AT(struct party, verified_at),
	  .label = { "Geverifieerd op", "Verified on" },
	  .doc = "When the party was verified (geverifieerd op), in UTC; null when it is not.",
	  .example = "\"2026-11-27T10:00:00Z\""  },
	{ .name = "verifiedBy", .kind = FK_REF, .flags = F_READ_ONLY | F_NULLABLE, FIELD_AT(struct party, verified_by),
	  .ref = "user", .label = { "Geverifieerd door", "Verified by" },
	  .doc = "The id of the person who verified it (geverifieerd door); null when it is not verified, or when kiem itself did (the demo).",
	  .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fb\""  },
};
const size_t party_nfields = sizeof party_fields / sizeof party_fields[0];

static const struct export_part party_exports[] = {
	{ "partiesCreated", "SELECT id, name, created_at FROM parties WHERE created_by = ?1 ORDER BY created_at, id",
	  (const char *const[]){ "id", "name", "createdAt" }, 3, NULL, false },
	{ "partiesVerified",
	  "SELECT id, name, verified_at FROM parties WHERE verified_by = ?1 ORDER BY verified_at, id",
	  (const char *const[]){ "id", "name", "verifiedAt" }, 3, NULL, false },
};
const struct entity_type party_type = {
	.key = "party", .table = "parties", .perm = OBJ_PARTY, .noun = { "Partij", "Party" },
	.page = "/partijen/", .api = "/api/v1/parties/",
	.name_sql = "SELECT name FROM parties WHERE id = ?1",
	.scope_sql = "SELECT party_id FROM party_areas WHERE area_code IN (" AREAS_COORDINATED_BY("?1") ")",
	.exports = party_exports, .nexports = 2,
	.privacy_note = "A party is the organisation's, not its maker's: it stays when its maker or"
			" the person who verified it is erased, made or verified by an erased account.",
	.registers = { "parties" },
	.fields = party_fields, .nfields = sizeof party_fields / sizeof party_fields[0], .schema = "Party",
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const parties_types[] = { &party_type, NULL };
