#include "initiative.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "area.h"
#include "cursor.h"
#include "notify.h"
#include "party.h"
#include "registry.h"
#include "rows.h"

const struct enum_entry initiative_stages[STAGE_COUNT] = {
	[STAGE_IDEA] = { "idea", { "Idee", "Idea" } },
	[STAGE_DEVELOPMENT] = { "development", { "Ontwikkeling", "Development" } },
	[STAGE_TEST] = { "test", { "Test", "Test" } },
	[STAGE_IMPLEMENTATION] = { "implementation", { "Uitvoering", "Implementation" } },
	[STAGE_SUSTAINED] = { "sustained", { "Geborgd", "Sustained" } },
	[STAGE_STOPPED] = { "stopped", { "Gestopt", "Stopped" } },
};

const struct enum_entry initiative_types[ITYPE_COUNT] = {
	[ITYPE_PRODUCT] = { "product", { "Product", "Product" } },
	[ITYPE_SERVICE] = { "service", { "Dienst", "Service" } },
	[ITYPE_PROCESS] = { "process", { "Werkwijze", "Process" } },
	[ITYPE_COLLABORATION] = { "collaboration", { "Samenwerkingsvorm", "Form of collaboration" } },
};

const struct enum_entry participation_levels[PLEVEL_COUNT] = {
	[PLEVEL_INFORMED] = { "informed", { "Informeren", "Informed" } },
	[PLEVEL_CONSULTED] = { "consulted", { "Raadplegen", "Consulted" } },
	[PLEVEL_ADVISING] = { "advising", { "Adviseren", "Advising" } },
	[PLEVEL_CO_PRODUCING] = { "co_producing", { "Coproduceren", "Co-producing" } },
	[PLEVEL_CO_DECIDING] = { "co_deciding", { "Meebeslissen", "Co-deciding" } },
};

unsigned initiative_moves(enum initiative_stage from)
{
	if (from >= STAGE_STOPPED)
		return 0;
	unsigned m = 1u << STAGE_STOPPED;
	if (from < STAGE_SUSTAINED)
		m |= 1u << (from + 1);
	return m;
}

/* Who may: read is public; the lead's members, the area's coordinators
 * and platform admins create, change and decide; the lead's admins and
 * platform admins delete. */
static const perm_rules initiative_rules = {
	[ACT_READ] = W_ANYONE,
	[ACT_CREATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
	[ACT_UPDATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
	[ACT_DELETE] = W_PARTY_ADMIN | W_ADMIN,
};

static bool rel_can(const struct viewer *v, const struct initiative_rel *r, enum perm_action act)
{
	struct perm_target t = { NULL, true, r->lead, r->coordinated };
	return perm_check_rules(v, initiative_rules, act, &t) == 0;
}

bool initiative_rel_manages(const struct viewer *v, const struct initiative_rel *r)
{
	return r->found && rel_can(v, r, ACT_UPDATE);
}

bool initiative_rel_takes_part(const struct viewer *v, const struct initiative_rel *r)
{
	return r->found && (r->partner || initiative_rel_manages(v, r));
}

static const char *viewer_id(const struct viewer *v)
{
	return v && v->authenticated && v->user_id[0] ? v->user_id : NULL;
}

int initiative_relation(struct store_conn *c, const struct viewer *v, const char *id,
			struct initiative_rel *out)
{
	memset(out, 0, sizeof *out);
	if (!id || !uuid_valid(id, strlen(id)))
		return 0;
	struct store_stmt *st = rows_prepare(c,
		"SELECT i.lead_party_id, i.area_code, i.stage, i.title,"
		" (SELECT role FROM memberships WHERE party_id = i.lead_party_id AND user_id = ?2),"
		" ?2 IS NOT NULL AND EXISTS (SELECT 1 FROM initiative_partners ip JOIN memberships m"
		"   ON m.party_id = ip.party_id WHERE ip.initiative_id = i.id AND m.user_id = ?2),"
		" ?2 IS NOT NULL AND " AREA_COORDINATED_BY("i.area_code", "?2")
		" FROM initiatives i WHERE i.id = ?1", 2, id, viewer_id(v));
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		out->found = true;
		snprintf(out->lead_party, sizeof out->lead_party, "%s",
			 store_is_null(st, 0) ? "" : store_text(st, 0));
		snprintf(out->area, sizeof out->area, "%s", store_text(st, 1));
		snprintf(out->stage, sizeof out->stage, "%s", store_text(st, 2));
		snprintf(out->title, sizeof out->title, "%s", store_text(st, 3));
		int m = store_is_null(st, 4) ? -1 : enum_find(member_roles, MEMBER_ROLE_COUNT, store_text(st, 4));
		out->lead = m > 0 ? (enum member_role)m : MEMBER_NONE;
		out->partner = store_int(st, 5) != 0;
		out->coordinated = store_int(st, 6) != 0;
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

/* ---- reading ---- */

const char *const initiative_sorts[INSORT_COUNT] = {
	[INSORT_CREATED_DESC] = "-createdAt",
	[INSORT_CREATED] = "createdAt",
	[INSORT_CHANGED_DESC] = "-stageChangedAt",
};

bool initiative_sort_parse(const char *name, enum initiative_sort *out)
{
	*out = INSORT_CREATED_DESC;
	if (!name)
		return true;
	for (int i = 0; i < INSORT_COUNT; i++)
		if (strcmp(initiative_sorts[i], name) == 0) {
			*out = (enum initiative_sort)i;
			return true;
		}
	return false;
}

#define INIT_COLS \
	"i.id, i.title, i.summary, i.description, i.type, i.lead_party_id," \
	" CASE WHEN p.visibility = 'public' THEN p.name END, p.kind, i.area_code, ar.name," \
	" i.participation_level, i.budget_cents, i.stage, i.stage_changed_at, i.created_by, i.created_at," \
	" i.updated_at," \
	" (SELECT group_concat(target_group, char(31)) FROM initiative_target_groups g WHERE g.initiative_id = i.id)," \
	" (SELECT group_concat(issue_id, char(31)) FROM initiative_issues x WHERE x.initiative_id = i.id)," \
	" (SELECT count(*) FROM initiative_interest n WHERE n.initiative_id = i.id)"
/* The viewer ?2 (NULL when anonymous), after INIT_COLS: the place in the
 * lead party, a member of a partner party, coordinates its area (or one
 * around it), follows it, offered to help. */
#define VIEWER_COLS \
	", (SELECT role FROM memberships WHERE party_id = i.lead_party_id AND user_id = ?2)," \
	" ?2 IS NOT NULL AND EXISTS (SELECT 1 FROM initiative_partners ip JOIN memberships m" \
	"   ON m.party_id = ip.party_id WHERE ip.initiative_id = i.id AND m.user_id = ?2)," \
	" ?2 IS NOT NULL AND EXISTS (SELECT 1 FROM coordinator_areas ca JOIN areas c ON c.code = ca.area_code" \
	"   WHERE ca.user_id = ?2 AND ar.path LIKE c.path || '%')," \
	" EXISTS (SELECT 1 FROM initiative_follows WHERE initiative_id = i.id AND user_id = ?2)," \
	" EXISTS (SELECT 1 FROM initiative_interest WHERE initiative_id = i.id AND user_id = ?2)"
enum { VIEWER_COL = 20, TIMELINE_COL = 25 };
#define INIT_FROM \
	"initiatives i JOIN areas ar ON ar.code = i.area_code LEFT JOIN parties p ON p.id = i.lead_party_id"

static int by_text(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void sort_lists(struct initiative *in)
{
	if (in->target_groups.n)
		qsort(in->target_groups.v, in->target_groups.n, sizeof *in->target_groups.v, by_text);
	if (in->issues.n)
		qsort(in->issues.v, in->issues.n, sizeof *in->issues.v, by_text);
}

static void fill_rel(struct initiative *in)
{
	struct initiative_rel *r = &in->rel;
	r->found = true;
	snprintf(r->lead_party, sizeof r->lead_party, "%s", in->lead_party ? in->lead_party : "");
	snprintf(r->area, sizeof r->area, "%s", in->area ? in->area : "");
	snprintf(r->stage, sizeof r->stage, "%s", in->stage ? in->stage : "");
	snprintf(r->title, sizeof r->title, "%s", in->title ? in->title : "");
}

static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct initiative *out = row;
	memset(out, 0, sizeof *out);
	snprintf(out->id, sizeof out->id, "%s", store_text(st, 0));
	out->title = arena_strdup(a, store_text(st, 1));
	out->summary = arena_strdup(a, store_text(st, 2));
	out->description = arena_strdup(a, store_text(st, 3));
	out->type = arena_strdup(a, store_text(st, 4));
	out->lead_party = rows_opt(st, a, 5);
	out->lead_name = rows_opt(st, a, 6);
	out->lead_kind = rows_opt(st, a, 7);
	out->area = arena_strdup(a, store_text(st, 8));
	out->area_name = arena_strdup(a, store_text(st, 9));
	out->participation_level = arena_strdup(a, store_text(st, 10));
	out->has_budget = !store_is_null(st, 11);
	out->budget_cents = out->has_budget ? store_int(st, 11) : 0;
	out->stage = arena_strdup(a, store_text(st, 12));
	out->stage_changed_at = arena_strdup(a, store_text(st, 13));
	out->created_by = rows_opt(st, a, 14);
	out->created_at = arena_strdup(a, store_text(st, 15));
	out->updated_at = arena_strdup(a, store_text(st, 16));
	rows_list(st, a, 17, INITIATIVE_GROUPS_MAX, &out->target_groups);
	rows_list(st, a, 18, INITIATIVE_ISSUES_MAX, &out->issues);
	out->interested = store_int(st, 19);
	sort_lists(out);
	fill_rel(out);
}

static void read_viewer(struct store_stmt *st, const struct viewer *v, struct initiative *out)
{
	if (!v || !v->authenticated)
		return;
	int m = store_is_null(st, VIEWER_COL) ? -1
		: enum_find(member_roles, MEMBER_ROLE_COUNT, store_text(st, VIEWER_COL));
	out->rel.lead = m > 0 ? (enum member_role)m : MEMBER_NONE;
	out->rel.partner = store_int(st, VIEWER_COL + 1) != 0;
	out->rel.coordinated = store_int(st, VIEWER_COL + 2) != 0;
	out->following = store_int(st, VIEWER_COL + 3) != 0;
	out->offered = store_int(st, VIEWER_COL + 4) != 0;
}

bool initiative_can_manage(const struct viewer *v, const struct initiative *in)
{
	return initiative_rel_manages(v, &in->rel);
}

bool initiative_can_delete(const struct viewer *v, const struct initiative *in)
{
	return in->rel.found && rel_can(v, &in->rel, ACT_DELETE);
}

bool initiative_can_read_interest(const struct viewer *v, const struct initiative *in)
{
	if (!v || !v->authenticated)
		return false;
	return v->role == PROLE_ADMIN || in->rel.lead != MEMBER_NONE;
}

#define DECISION_COLS \
	"d.id, d.from_stage, d.to_stage, d.rationale, d.evidence, d.lessons, d.party_id," \
	" CASE WHEN dp.visibility = 'public' THEN dp.name END, d.decided_by, du.name, d.decided_at"
#define DECISION_JOIN \
	" LEFT JOIN parties dp ON dp.id = d.party_id LEFT JOIN users du ON du.id = d.decided_by"

static void read_decision(struct store_stmt *st, struct arena *a, int col, struct stage_decision *d)
{
	snprintf(d->id, sizeof d->id, "%s", store_text(st, col));
	d->from = rows_opt(st, a, col + 1);
	d->to = arena_strdup(a, store_text(st, col + 2));
	d->rationale = arena_strdup(a, store_text(st, col + 3));
	d->evidence = arena_strdup(a, store_text(st, col + 4));
	d->lessons = arena_strdup(a, store_text(st, col + 5));
	d->party_id = rows_opt(st, a, col + 6);
	d->party_name = rows_opt(st, a, col + 7);
	d->decided_by = rows_opt(st, a, col + 8);
	d->decider_name = rows_opt(st, a, col + 9);
	d->decided_at = arena_strdup(a, store_text(st, col + 10));
}

static int get_on(struct store_conn *c, struct arena *a, const struct viewer *v, const char *id,
		  struct initiative *out, struct stage_decision **items, size_t *n)
{
	if (items) {
		*items = NULL;
		*n = 0;
	}
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(c, items
		? "SELECT " INIT_COLS VIEWER_COLS ", " DECISION_COLS " FROM " INIT_FROM
		  " LEFT JOIN stage_decisions d ON d.initiative_id = i.id" DECISION_JOIN
		  " WHERE i.id = ?1 ORDER BY d.seq LIMIT ?3"
		: "SELECT " INIT_COLS VIEWER_COLS " FROM " INIT_FROM " WHERE i.id = ?1", 2,
		id, viewer_id(v));
	if (!st)
		return ERR_DB;
	if (items)
		store_bind_int(st, 3, INITIATIVE_TIMELINE_MAX);
	struct stage_decision *list = items ? arena_alloc(a, sizeof *list * INITIATIVE_TIMELINE_MAX) : NULL;
	int rc;
	size_t count = 0;
	bool found = false;
	while ((rc = store_step(st)) == STORE_ROW) {
		if (!found) {
			read_row(st, a, out);
			read_viewer(st, v, out);
			found = true;
		}
		if (!items || store_is_null(st, TIMELINE_COL))
			break;
		read_decision(st, a, TIMELINE_COL, &list[count++]);
	}
	store_reset(st);
	if (rc < 0)
		return rc;
	if (!found)
		return ERR_NOTFOUND;
	if (items) {
		*items = list;
		*n = count;
	}
	return 0;
}

int initiative_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
		   struct initiative *out, struct stage_decision **items, size_t *n)
{
	return get_on(store_reader(s), a, v, id, out, items, n);
}

/* The filters: ?1 stage, ?2..?3 the area's range of paths, ?4 lead kind,
 * ?5 level, ?6 issue, ?7 the search; ?8 ?9 the cursor's value and id, ?10
 * the limit. Each as a test, true when the filter is absent; they read
 * only columns that the indexes on area, lead and level hold (and seq), so
 * that a count reads an index alone. An optional filter cannot use an
 * index, so a statement starts from one filter that is given, as a plain
 * condition (its driver), and tests the others: a column of a rare stage
 * in a small area otherwise walks most of the table in its order. */
#define T_STAGE " AND (?1 IS NULL OR i.stage = ?1)"
#define T_LEVEL " AND (?5 IS NULL OR i.participation_level = ?5)"
#define T_ISSUE " AND (?6 IS NULL OR i.seq IN (SELECT j.seq FROM initiative_issues x" \
	" JOIN initiatives j ON j.id = x.initiative_id WHERE x.issue_id = ?6))"
#define T_SEARCH " AND (?7 IS NULL OR i.seq IN (SELECT rowid FROM initiative_search WHERE initiative_search MATCH ?7))"
/* A list joins the area and the lead party for their names, and tests
 * them there; a count tests the area as a set of codes, and the kind as
 * the initiative keeps it (lead_kind: a set of 20,000 parties of a kind
 * costs more to build, or to probe, than the count itself). */
#define LIST_TESTS \
	" AND (?2 IS NULL OR (ar.path >= ?2 AND ar.path < ?3)) AND (?4 IS NULL OR p.kind = ?4)" \
	T_LEVEL T_ISSUE T_SEARCH
#define COUNT_TESTS \
	" AND (?2 IS NULL OR i.area_code IN (SELECT code FROM areas WHERE path >= ?2 AND path < ?3))" \
	" AND (?4 IS NULL OR (i.lead_kind = ?4 AND i.lead_party_id IS NOT NULL))" \
	T_LEVEL T_ISSUE T_SEARCH

#define D_ALL "1 = 1"
#define D_STAGE "i.stage = ?1"
#define D_AREA "i.area_code IN (SELECT code FROM areas WHERE path >= ?2 AND path < ?3)"
/* (lead_kind is the lead party's kind, as party_update keeps it; a party
 * that is gone leaves it behind with no lead) */
#define D_KIND "i.lead_kind = ?4 AND i.lead_party_id IS NOT NULL"
#define D_LEVEL "i.participation_level = ?5"
#define D_ISSUE "i.seq IN (SELECT j.seq FROM initiative_issues x JOIN initiatives j ON j.id = x.initiative_id" \
	" WHERE x.issue_id = ?6)"
#define D_SEARCH "i.seq IN (SELECT rowid FROM initiative_search WHERE initiative_search MATCH ?7)"

#define LIST_SQL(driver, keyset, order) \
	"SELECT " INIT_COLS " FROM " INIT_FROM " WHERE " driver T_STAGE LIST_TESTS " AND " keyset \
	" ORDER BY " order " LIMIT ?10"
#define SORTS(driver) { \
	[INSORT_CREATED_DESC] = LIST_SQL(driver, "(i.created_at, i.id) < (?8, ?9)", "i.created_at DESC, i.id DESC"), \
	[INSORT_CREATED] = LIST_SQL(driver, "(i.created_at, i.id) > (?8, ?9)", "i.created_at, i.id"), \
	[INSORT_CHANGED_DESC] = LIST_SQL(driver, "(i.stage_changed_at, i.id) < (?8, ?9)", \
					 "i.stage_changed_at DESC, i.id DESC"), \
}

/* The lists' drivers: walk the order's index, or the stage's (which holds
 * its order of change), or read a small set and sort it. A small area's
 * stage is tested, not driven: as a plain condition the planner walks the
 * stage's index instead. */
enum { DRIVE_ALL, DRIVE_STAGE, DRIVE_AREA, DRIVE_ISSUE, DRIVE_SEARCH, DRIVE_COUNT };
static const char *const list_sql[DRIVE_COUNT][INSORT_COUNT] = {
	[DRIVE_ALL] = SORTS(D_ALL),
	[DRIVE_STAGE] = SORTS(D_STAGE),
	[DRIVE_AREA] = SORTS(D_AREA),
	[DRIVE_ISSUE] = SORTS(D_ISSUE),
	[DRIVE_SEARCH] = SORTS(D_SEARCH),
};

/* Sorts past every real value, for the first page of a descending list. */
static const char past_all[] = "\xf4\x8f\xbf\xbf\xf4\x8f\xbf\xbf";

/* The filter's values as bound, checked; false with problems. */
struct bound {
	const char *lo, *hi;
	char fts[512];
	bool search;
	bool small_area; /* a municipality or an area inside one */
};

static bool check_filter(struct store *s, struct arena *a, const struct initiative_filter *f, struct problems *p,
			 struct bound *b)
{
	memset(b, 0, sizeof *b);
	if (f->stage && enum_find(initiative_stages, STAGE_COUNT, f->stage) < 0)
		problems_add(p, "stage", R_NOT_ONE_OF, 0);
	if (f->participation_level && enum_find(participation_levels, PLEVEL_COUNT, f->participation_level) < 0)
		problems_add(p, "participationLevel", R_NOT_ONE_OF, 0);
	if (f->lead_kind && enum_find(party_kinds, KIND_COUNT, f->lead_kind) < 0)
		problems_add(p, "leadKind", R_NOT_ONE_OF, 0);
	if (f->issue && !uuid_valid(f->issue, strlen(f->issue)))
		problems_add(p, "issue", R_BAD_FORMAT, 0);
	if (f->area && !area_range(s, a, f->area, &b->lo, &b->hi, NULL))
		problems_add(p, "area", R_UNKNOWN_AREA, 0);
	/* a municipality's path is the third of its tree: hundreds of
	 * initiatives, where a province or the country holds tens of thousands */
	int depth = 0;
	for (const char *c = b->lo; c && *c; c++)
		depth += *c == '/';
	b->small_area = depth >= 3;
	if (f->q && valid_text(p, "q", f->q, false, 200, false))
		b->search = store_fts_query(f->q, b->fts, sizeof b->fts);
	return p->n == 0;
}

/* Whether a search finds few enough initiatives to read them all and sort
 * them; thousands are found sooner by walking the order and testing each. */
static bool search_small(struct store_conn *c, const char *fts)
{
	struct store_stmt *st = rows_prepare(c, "SELECT count(*) FROM (SELECT 1 FROM initiative_search"
					     " WHERE initiative_search MATCH ?1 LIMIT 500) n", 1, fts);
	if (!st)
		return false;
	bool small = store_step(st) == STORE_ROW && store_int(st, 0) < 500;
	store_reset(st);
	return small;
}

int initiative_list(struct store *s, struct arena *a, const struct viewer *v,
		    const struct initiative_filter *f, struct problems *p, struct initiative **items,
		    size_t *n, const char **next)
{
	(void)v; /* initiatives are public */
	*items = NULL;
	*n = 0;
	*next = NULL;
	const char *after_value = "", *after_id = "";
	int limit = valid_page(p, f->limit, NULL, NULL);
	struct bound b;
	check_filter(s, a, f, p, &b);
	if (f->sort != INSORT_CREATED)
		after_value = after_id = past_all;
	if (f->cursor && !cursor_decode(a, f->cursor, 1200, &after_value, &after_id))
		problems_add(p, "cursor", R_BAD_FORMAT, 0);
	if (p->n)
		return ERR_INVALID;
	/* a set that is small read whole and sorted, else the order walked */
	bool by_stage = f->stage && f->sort == INSORT_CHANGED_DESC;
	int drive = f->issue ? DRIVE_ISSUE
		  : b.small_area ? DRIVE_AREA
		  : b.search && search_small(store_reader(s), b.fts) ? DRIVE_SEARCH
		  : by_stage ? DRIVE_STAGE : DRIVE_ALL;
	struct store_stmt *st = rows_prepare(store_reader(s), list_sql[drive][f->sort], 9, f->stage, b.lo, b.hi,
			f->lead_kind, f->participation_level, f->issue, b.search ? b.fts : NULL, after_value, after_id);
	if (!st)
		return ERR_DB;
	struct initiative *list = arena_alloc(a, sizeof *list * (size_t)(limit + 1));
	int rc = rows_page(st, 10, a, read_row, list, sizeof *list, limit, n);
	if (rc < 0)
		return rc;
	*items = list;
	if (rc) {
		const struct initiative *last = &list[*n - 1];
		*next = cursor_encode(a, f->sort == INSORT_CHANGED_DESC ? last->stage_changed_at : last->created_at,
				      last->id);
	}
	return 0;
}

int initiative_count_stages(struct store *s, struct arena *a, const struct initiative_filter *f,
			    struct problems *p, long long counts[STAGE_COUNT])
{
	memset(counts, 0, sizeof(long long) * STAGE_COUNT);
	struct initiative_filter all = *f;
	all.stage = NULL;
	struct bound b;
	if (!check_filter(s, a, &all, p, &b))
		return ERR_INVALID;
	/* The board counts every initiative the filters match, from the index
	 * of one filter that is given (each holds the columns the others test:
	 * 200,000 rows read whole take half a second) */
#define COUNT_SQL(driver) "SELECT i.stage, count(*) FROM initiatives i WHERE " driver COUNT_TESTS " GROUP BY i.stage"
	static const char *const count_sql[] = {
		COUNT_SQL(D_ISSUE), COUNT_SQL(D_SEARCH), COUNT_SQL(D_AREA), COUNT_SQL(D_LEVEL), COUNT_SQL(D_KIND),
	};
	int drive = f->issue ? 0 : b.search ? 1 : b.lo ? 2 : f->participation_level ? 3 : f->lead_kind ? 4 : -1;
	struct store_stmt *st = drive < 0
		? rows_prepare(store_reader(s), "SELECT stage, count(*) FROM initiatives GROUP BY stage", 0)
		: rows_prepare(store_reader(s), count_sql[drive], 7, NULL, b.lo, b.hi,
			       f->lead_kind, f->participation_level, f->issue, b.search ? b.fts : NULL);
	if (!st)
		return ERR_DB;
	int rc;
	while ((rc = store_step(st)) == STORE_ROW) {
		int k = enum_find(initiative_stages, STAGE_COUNT, store_text(st, 0));
		if (k >= 0)
			counts[k] = store_int(st, 1);
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

int initiative_list_by_issue(struct store *s, struct arena *a, const char *issue_id, size_t max,
			     struct initiative **items, size_t *n)
{
	*items = NULL;
	*n = 0;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " INIT_COLS " FROM " INIT_FROM " JOIN initiative_issues x ON x.initiative_id = i.id"
		" WHERE x.issue_id = ?1 ORDER BY i.created_at DESC, i.id DESC LIMIT ?2", 1, issue_id);
	if (!st)
		return ERR_DB;
	store_bind_int(st, 2, (int64_t)max);
	*items = arena_alloc(a, sizeof **items * (max + 1));
	return rows_read(st, a, read_row, *items, sizeof **items, max, n);
}

/* ---- writing ---- */

/* Whether the area (what "area") or the party exists, with its name as an
 * initiative shows it (and the party's kind). */
static int lookup(struct store_conn *c, struct arena *a, bool area, const char *key, bool *found,
		  const char **name, const char **kind)
{
	struct store_stmt *st = rows_prepare(c, area
		? "SELECT name, '' FROM areas WHERE code = ?1"
		: "SELECT CASE WHEN visibility = 'public' THEN name END, kind FROM parties WHERE id = ?1", 1, key);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	*found = rc == STORE_ROW;
	*name = *found ? rows_opt(st, a, 0) : NULL;
	if (kind)
		*kind = *found ? rows_opt(st, a, 1) : NULL;
	store_reset(st);
	return rc < 0 ? rc : 0;
}

/* Cleans the fields of in and lists every problem: the descriptors', and
 * that the area, the lead party and every issue exist. */
static int validate(struct store_conn *c, struct arena *a, struct initiative *in, struct problems *p)
{
	fields_validate(initiative_fields, initiative_nfields, in, c, a, p);
	int rc;
	bool found;
	if (in->area && !problems_find(p, "area")) {
		if ((rc = lookup(c, a, true, in->area, &found, &in->area_name, NULL)))
			return rc;
		if (!found)
			problems_add(p, "area", R_UNKNOWN_AREA, 0);
	}
	if (in->lead_party && !problems_find(p, "leadParty")) {
		if ((rc = lookup(c, a, false, in->lead_party, &found, &in->lead_name, &in->lead_kind)))
			return rc;
		if (!found)
			problems_add(p, "leadParty", R_NOT_ONE_OF, 0);
	} else if (!in->lead_party && !problems_find(p, "leadParty")) {
		problems_add(p, "leadParty", R_REQUIRED, 0);
	}
	if (!problems_find(p, "issues"))
		for (size_t i = 0; i < in->issues.n; i++) {
			struct store_stmt *st = rows_prepare(c, "SELECT 1 FROM issues WHERE id = ?1", 1, in->issues.v[i]);
			if (!st)
				return ERR_DB;
			rc = store_step(st);
			store_reset(st);
			if (rc < 0)
				return rc;
			if (rc != STORE_ROW) {
				problems_add(p, "issues", R_NOT_ONE_OF, (long)i);
				break;
			}
		}
	return 0;
}

/* The viewer's relation to an initiative with this lead and area. */
static int relation_of(struct store_conn *c, const struct viewer *v, const char *lead, const char *area,
		       struct initiative_rel *r)
{
	memset(r, 0, sizeof *r);
	r->found = true;
	if (!viewer_id(v))
		return 0;
	struct store_stmt *st = rows_prepare(c,
		"SELECT (SELECT role FROM memberships WHERE party_id = ?1 AND user_id = ?2),"
		" " AREA_COORDINATED_BY("?3", "?2"), 3, lead, v->user_id, area);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		int m = store_is_null(st, 0) ? -1 : enum_find(member_roles, MEMBER_ROLE_COUNT, store_text(st, 0));
		r->lead = m > 0 ? (enum member_role)m : MEMBER_NONE;
		r->coordinated = store_int(st, 1) != 0;
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

/* Writes the target groups and issues after the row, and its search entry
 * when index (see issue.c's write_children: an update took the old entry
 * out before it changed the row). */
static int write_children(struct store_conn *c, const char *id, const struct initiative *in, bool index)
{
	int rc = rows_run(c, "DELETE FROM initiative_target_groups WHERE initiative_id = ?1", 1, id);
	for (size_t i = 0; !rc && i < in->target_groups.n; i++)
		rc = rows_run(c, "INSERT INTO initiative_target_groups (initiative_id, target_group) VALUES (?1, ?2)", 2,
			      id, in->target_groups.v[i]);
	if (!rc)
		rc = rows_run(c, "DELETE FROM initiative_issues WHERE initiative_id = ?1", 1, id);
	for (size_t i = 0; !rc && i < in->issues.n; i++)
		rc = rows_run(c, "INSERT INTO initiative_issues (initiative_id, issue_id) VALUES (?1, ?2)", 2, id,
			      in->issues.v[i]);
	if (rc || !index)
		return rc;
	return rows_run(c,
		"INSERT INTO initiative_search (rowid, title, summary, description)"
		" VALUES ((SELECT seq FROM initiatives WHERE id = ?1), ?2, ?3, ?4)", 4,
		id, in->title, in->summary, in->description);
}

static void bind_budget(struct store_stmt *st, int col, const struct initiative *in)
{
	if (in->has_budget)
		store_bind_int(st, col, in->budget_cents);
	else
		store_bind_null(st, col);
}

int initiative_create(struct store *s, struct arena *a, const struct viewer *v, struct initiative *in,
		      struct problems *p)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = validate(c, a, in, p);
	if (!rc && p->n)
		rc = ERR_INVALID;
	struct initiative_rel r = { 0 };
	if (!rc)
		rc = relation_of(c, v, in->lead_party, in->area, &r);
	if (!rc && !rel_can(v, &r, ACT_CREATE))
		rc = ERR_FORBIDDEN;
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	if (!rc) {
		uuid7_new(in->id);
		in->stage = initiative_stages[STAGE_IDEA].key;
		struct store_stmt *st = rows_prepare(c,
			"INSERT INTO initiatives (id, title, summary, description, type, lead_party_id, area_code,"
			" participation_level, budget_cents, stage, stage_changed_at, created_by, created_at, updated_at,"
			" lead_kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, ?11,"
			" (SELECT kind FROM parties WHERE id = ?6))", 8,
			in->id, in->title, in->summary, in->description ? in->description : "", in->type,
			in->lead_party, in->area, in->participation_level);
		if (!st) {
			rc = ERR_DB;
		} else {
			bind_budget(st, 9, in);
			store_bind_str(st, 10, in->stage);
			store_bind_str(st, 11, now);
			store_bind_str(st, 12, viewer_id(v));
			rc = store_run(st);
		}
	}
	if (!rc)
		rc = write_children(c, in->id, in, true);
	if (!rc) { /* the first entry of the timeline: it started as an idea */
		char did[UUID_STRLEN + 1];
		uuid7_new(did);
		rc = rows_run(c,
			"INSERT INTO stage_decisions (id, initiative_id, from_stage, to_stage, rationale, party_id,"
			" decided_by, decided_at) VALUES (?1, ?2, NULL, ?3, '', ?4, ?5, ?6)", 6,
			did, in->id, in->stage, r.lead != MEMBER_NONE ? in->lead_party : NULL, viewer_id(v), now);
	}
	if (!rc)
		rc = activity_add(c, v, "create", "initiative", in->id, "");
	if ((rc = rows_commit(s, rc)))
		return rc;
	if (!in->description)
		in->description = "";
	sort_lists(in);
	in->created_by = viewer_id(v) ? arena_strdup(a, v->user_id) : NULL;
	in->created_at = in->updated_at = in->stage_changed_at = now;
	in->interested = 0;
	r.found = true;
	in->rel = r;
	fill_rel(in);
	in->following = in->offered = false;
	return 0;
}

static bool same(const char *x, const char *y)
{
	return strcmp(x ? x : "", y ? y : "") == 0;
}

int initiative_update(struct store *s, struct arena *a, const struct viewer *v, struct initiative *was,
		      struct initiative *in, struct problems *p)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	if (!initiative_can_manage(v, was))
		return ERR_FORBIDDEN;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = validate(c, a, in, p);
	in->stage = was->stage;
	if (!rc && p->n)
		rc = ERR_INVALID;
	/* handing it to another lead party or area needs the same right there */
	struct initiative_rel r = was->rel;
	if (!rc && (!same(in->lead_party, was->lead_party) || !same(in->area, was->area))) {
		bool partner = r.partner;
		if (!(rc = relation_of(c, v, in->lead_party, in->area, &r)) && !rel_can(v, &r, ACT_UPDATE))
			rc = ERR_FORBIDDEN;
		r.partner = partner;
	}
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	const char *description = in->description ? in->description : "";
	if (!rc)
		rc = rows_run(c, "DELETE FROM initiative_search WHERE rowid = (SELECT seq FROM initiatives WHERE id = ?1"
				 " AND (title IS NOT ?2 OR summary IS NOT ?3 OR description IS NOT ?4))", 4,
			      was->id, in->title, in->summary, description);
	bool reindex = !rc && store_changes(c) > 0;
	if (!rc) {
		struct store_stmt *st = rows_prepare(c,
			"UPDATE initiatives SET title = ?2, summary = ?3, description = ?4, type = ?5, lead_party_id = ?6,"
			" area_code = ?7, participation_level = ?8, budget_cents = ?9, updated_at = ?10,"
			" lead_kind = (SELECT kind FROM parties WHERE id = ?6) WHERE id = ?1", 8,
			was->id, in->title, in->summary, description, in->type, in->lead_party, in->area,
			in->participation_level);
		if (!st) {
			rc = ERR_DB;
		} else {
			bind_budget(st, 9, in);
			store_bind_str(st, 10, now);
			rc = store_run(st);
			if (!rc && store_changes(c) == 0)
				rc = ERR_NOTFOUND;
		}
	}
	if (!rc)
		rc = write_children(c, was->id, in, reindex);
	if (!rc)
		rc = activity_add(c, v, "update", "initiative", was->id,
				  fields_changed(initiative_fields, initiative_nfields, was, in, a));
	if ((rc = rows_commit(s, rc)))
		return rc;
	in->description = description;
	sort_lists(in);
	in->updated_at = now;
	in->rel = r;
	fill_rel(in);
	*was = *in;
	return 0;
}

int initiative_delete(struct store *s, struct arena *a, const struct viewer *v, const char *id)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct initiative in;
	int rc = get_on(c, a, v, id, &in, NULL, NULL);
	if (!rc && !initiative_can_delete(v, &in))
		rc = ERR_FORBIDDEN;
	/* the search entry first, while the row still holds its words */
	if (!rc)
		rc = rows_run(c, "DELETE FROM initiative_search WHERE rowid = (SELECT seq FROM initiatives WHERE id = ?1)",
			      1, in.id);
	/* notifications about it go with it (ON DELETE CASCADE, said here too
	 * for a database that does not enforce it) */
	if (!rc)
		rc = rows_run(c, "DELETE FROM notifications WHERE initiative_id = ?1", 1, in.id);
	if (!rc)
		rc = rows_change(c, "DELETE FROM initiatives WHERE id = ?1", 1, in.id);
	if (!rc)
		rc = activity_add(c, v, "delete", "initiative", in.id, "");
	return rows_commit(s, rc);
}

/* ---- stage decisions ---- */

int initiative_decide(struct store *s, struct arena *a, const struct viewer *v, const char *id,
		      struct stage_decision *d, struct problems *p, unsigned *allowed)
{
	*allowed = 0;
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct initiative in;
	int rc = initiative_get(s, a, v, id, &in, NULL, NULL);
	if (rc)
		return rc;
	if (!initiative_can_manage(v, &in))
		return ERR_FORBIDDEN;
	fields_validate(stage_decision_fields, stage_decision_nfields, d, NULL, a, p);
	/* stopping says what was learnt */
	if (d->to && !strcmp(d->to, initiative_stages[STAGE_STOPPED].key) && (!d->lessons || !*d->lessons) &&
	    !problems_find(p, "lessons"))
		problems_add(p, "lessons", R_REQUIRED, 0);
	if (p->n)
		return ERR_INVALID;
	int target = enum_find(initiative_stages, STAGE_COUNT, d->to);

	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	/* the stage as it is now, under the writer, so that two decisions at
	 * once cannot both start from the same stage */
	struct initiative_rel r;
	rc = initiative_relation(c, v, in.id, &r);
	if (!rc && !r.found)
		rc = ERR_NOTFOUND;
	const char *from = NULL;
	if (!rc) {
		from = arena_strdup(a, r.stage);
		int f = enum_find(initiative_stages, STAGE_COUNT, from);
		*allowed = f < 0 ? 0 : initiative_moves((enum initiative_stage)f);
		if (!(*allowed & (1u << target)))
			rc = ERR_CONFLICT;
	}
	char now[TIME_STRLEN + 1];
	time_now(now);
	const char *party = r.lead != MEMBER_NONE && r.lead_party[0] ? arena_strdup(a, r.lead_party) : NULL;
	if (!d->evidence)
		d->evidence = "";
	if (!d->lessons)
		d->lessons = "";
	if (!rc)
		rc = rows_change(c, "UPDATE initiatives SET stage = ?2, stage_changed_at = ?3 WHERE id = ?1", 3,
				 in.id, d->to, now);
	if (!rc) {
		uuid7_new(d->id);
		rc = rows_run(c,
			"INSERT INTO stage_decisions (id, initiative_id, from_stage, to_stage, rationale, evidence,"
			" lessons, party_id, decided_by, decided_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", 10,
			d->id, in.id, from, d->to, d->rationale, d->evidence, d->lessons, party, viewer_id(v), now);
	}
	if (!rc)
		rc = activity_add_about(c, v, "move", "initiative", in.id, "stage", NULL, d->to);
	if (!rc)
		rc = notify_initiative_followers(c, v, in.id, "stage", d->id);
	int crc = store_write_end(s, rc == 0);
	if (!rc && !crc) {
		d->from = from;
		d->party_id = party;
		d->party_name = party ? in.lead_name : NULL;
		d->decided_by = viewer_id(v) ? arena_strdup(a, v->user_id) : NULL;
		d->decider_name = v->name[0] ? arena_strdup(a, v->name) : NULL;
		d->decided_at = arena_strdup(a, now);
	}
	return rc ? rc : crc;
}

int initiative_decisions(struct store *s, struct arena *a, const char *id, const char *cursor, int limit,
			 struct problems *p, struct stage_decision **items, size_t *n, const char **next)
{
	*items = NULL;
	*n = 0;
	*next = NULL;
	if (limit <= 0)
		limit = 100;
	if (limit > 100)
		problems_add_range(p, "limit", 1, 100);
	long long after = 0;
	if (cursor) {
		char *end;
		after = strtoll(cursor, &end, 10);
		if (!*cursor || *end || after < 0 || strlen(cursor) > 18)
			problems_add(p, "cursor", R_BAD_FORMAT, 0);
	}
	if (p->n)
		return ERR_INVALID;
	struct store_conn *c = store_reader(s);
	struct initiative_rel r;
	int rc = initiative_relation(c, NULL, id, &r);
	if (rc)
		return rc;
	if (!r.found)
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(c,
		"SELECT " DECISION_COLS ", d.seq FROM stage_decisions d" DECISION_JOIN
		" WHERE d.initiative_id = ?1 AND d.seq > ?2 ORDER BY d.seq LIMIT ?3", 1, id);
	if (!st)
		return ERR_DB;
	store_bind_int(st, 2, after);
	store_bind_int(st, 3, limit + 1);
	struct stage_decision *list = arena_alloc(a, sizeof *list * (size_t)(limit + 1));
	long long *seqs = arena_alloc(a, sizeof *seqs * (size_t)(limit + 1));
	size_t count = 0;
	while ((rc = store_step(st)) == STORE_ROW) {
		read_decision(st, a, 0, &list[count]);
		seqs[count++] = store_int(st, 11);
	}
	store_reset(st);
	if (rc < 0)
		return rc;
	if (count > (size_t)limit) {
		count = (size_t)limit;
		*next = arena_printf(a, "%lld", seqs[count - 1]);
	}
	*items = list;
	*n = count;
	return 0;
}

/* ---- follows and offers to help ---- */

/* Takes the writer and checks that the initiative exists. */
static struct store_conn *begin_on(struct store *s, const struct viewer *v, const char *id, int *rc)
{
	*rc = 0;
	if (!v || !v->authenticated) {
		*rc = ERR_AUTH;
		return NULL;
	}
	struct store_conn *c = store_write_begin(s);
	if (!c) {
		*rc = ERR_DB;
		return NULL;
	}
	struct initiative_rel r;
	*rc = initiative_relation(c, v, id, &r);
	if (!*rc && !r.found)
		*rc = ERR_NOTFOUND;
	return c;
}

int initiative_follow_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
			  bool *following, const char **since)
{
	*following = false;
	if (since)
		*since = NULL;
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct initiative_rel r;
	int rc = initiative_relation(store_reader(s), v, id, &r);
	if (rc || !r.found)
		return rc ? rc : ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT created_at FROM initiative_follows WHERE initiative_id = ?1 AND user_id = ?2", 2, id, v->user_id);
	if (!st)
		return ERR_DB;
	rc = store_step(st);
	if (rc == STORE_ROW) {
		*following = true;
		if (since)
			*since = arena_strdup(a, store_text(st, 0));
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

int initiative_follow_add(struct store *s, struct arena *a, const struct viewer *v, const char *id,
			  bool *created)
{
	(void)a;
	*created = false;
	int rc;
	struct store_conn *c = begin_on(s, v, id, &rc);
	if (!c)
		return rc;
	char now[TIME_STRLEN + 1];
	time_now(now);
	if (!rc)
		rc = rows_run(c, "INSERT INTO initiative_follows (initiative_id, user_id, created_at) VALUES (?1, ?2, ?3)"
				 " ON CONFLICT (initiative_id, user_id) DO NOTHING", 3, id, v->user_id, now);
	*created = !rc && store_changes(c) > 0;
	/* following is personal: the log has no entry of it, as for issues */
	return rows_commit(s, rc);
}

int initiative_follow_remove(struct store *s, struct arena *a, const struct viewer *v, const char *id)
{
	(void)a;
	int rc;
	struct store_conn *c = begin_on(s, v, id, &rc);
	if (!c)
		return rc;
	if (!rc)
		rc = rows_change(c, "DELETE FROM initiative_follows WHERE initiative_id = ?1 AND user_id = ?2", 2, id,
				 v->user_id);
	return rows_commit(s, rc);
}

static void read_interest(struct store_stmt *st, struct arena *a, void *row)
{
	struct initiative_interest *out = row;
	out->user_id = rows_opt(st, a, 0);
	out->user_name = rows_opt(st, a, 1);
	out->message = arena_strdup(a, store_text(st, 2));
	out->created_at = arena_strdup(a, store_text(st, 3));
}

#define INTEREST_SELECT \
	"SELECT n.user_id, u.name, n.message, n.created_at FROM initiative_interest n" \
	" JOIN users u ON u.id = n.user_id"

int initiative_interest_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
			    struct initiative_interest *out)
{
	memset(out, 0, sizeof *out);
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct initiative_rel r;
	int rc = initiative_relation(store_reader(s), v, id, &r);
	if (rc || !r.found)
		return rc ? rc : ERR_NOTFOUND;
	return rows_one(rows_prepare(store_reader(s), INTEREST_SELECT
		" WHERE n.initiative_id = ?1 AND n.user_id = ?2", 2, id, v->user_id), a, read_interest, out);
}

int initiative_interest_add(struct store *s, struct arena *a, const struct viewer *v, const char *id,
			    struct initiative_interest *in, struct problems *p, bool *created)
{
	*created = false;
	if (!v || !v->authenticated)
		return ERR_AUTH;
	fields_validate(interest_fields, interest_nfields, in, NULL, a, p);
	if (p->n)
		return ERR_INVALID;
	int rc;
	struct store_conn *c = begin_on(s, v, id, &rc);
	if (!c)
		return rc;
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	const char *message = in->message ? in->message : "";
	if (!rc)
		rc = rows_run(c, "UPDATE initiative_interest SET message = ?3 WHERE initiative_id = ?1 AND user_id = ?2", 3,
			      id, v->user_id, message);
	bool existed = !rc && store_changes(c) > 0;
	if (!rc && !existed)
		rc = rows_run(c, "INSERT INTO initiative_interest (initiative_id, user_id, message, created_at)"
				 " VALUES (?1, ?2, ?3, ?4)", 4, id, v->user_id, message, now);
	/* who offers to help an initiative is for its lead to see, and is
	 * logged as a change of the initiative by that person */
	if (!rc)
		rc = activity_add(c, v, existed ? "change_interest" : "add_interest", "initiative", id, "");
	if ((rc = rows_commit(s, rc)))
		return rc;
	*created = !existed;
	return initiative_interest_get(s, a, v, id, in);
}

int initiative_interest_remove(struct store *s, struct arena *a, const struct viewer *v, const char *id)
{
	(void)a;
	int rc;
	struct store_conn *c = begin_on(s, v, id, &rc);
	if (!c)
		return rc;
	if (!rc)
		rc = rows_change(c, "DELETE FROM initiative_interest WHERE initiative_id = ?1 AND user_id = ?2", 2, id,
				 v->user_id);
	if (!rc)
		rc = activity_add(c, v, "remove_interest", "initiative", id, "");
	return rows_commit(s, rc);
}

int initiative_interest_list(struct store *s, struct arena *a, const struct viewer *v, const char *id,
			     struct initiative_interest **items, size_t *n)
{
	*items = NULL;
	*n = 0;
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct initiative in;
	int rc = initiative_get(s, a, v, id, &in, NULL, NULL);
	if (rc)
		return rc;
	if (!initiative_can_read_interest(v, &in))
		return ERR_FORBIDDEN;
	enum { MAX = 500 };
	struct store_stmt *st = rows_prepare(store_reader(s), INTEREST_SELECT
		" WHERE n.initiative_id = ?1 ORDER BY n.created_at DESC, n.user_id LIMIT 500", 1, id);
	*items = arena_alloc(a, sizeof **items * MAX);
	return rows_read(st, a, read_interest, *items, sizeof **items, MAX, n);
}

/* ---- fields and the registry ---- */

#define AT(member) FIELD_AT(struct initiative, member)
#define TIME_EXAMPLE "\"2026-11-27T06:05:33Z\""
/* The fields of an initiative, for the API, the forms and the log. */
const struct field_desc initiative_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, AT(id), .label = { "Nummer", "Number" },
	  .doc = "The identifier (id), a UUID version 7.", .example = "\"01a21b9b-ef12-7389-b34f-05f66f35eaac\"" },
	{ .name = "title", .kind = FK_TEXT, .flags = F_REQUIRED, AT(title), .min = 1, .max = INITIATIVE_TITLE_MAX,
	  .label = { "Titel", "Title" },
	  .hint = { "Kort en duidelijk, zoals: Buurtkamer voor ouderen in Overvecht.",
		    "Short and clear, like: A neighbourhood room for older people in Overvecht." },
	  .doc = "The title (titel).", .example = "\"Buurtkamer voor ouderen in Overvecht\"" },
	{ .name = "summary", .kind = FK_MARKDOWN, .flags = F_REQUIRED, AT(summary), .min = 1,
	  .max = INITIATIVE_SUMMARY_MAX, .label = { "Samenvatting", "Summary" },
	  .hint = { "Wat gaan jullie doen, in een paar zinnen? Hoogstens 500 tekens.",
		    "What are you going to do, in a few sentences? At most 500 characters." },
	  .doc = "A short summary (samenvatting).", .example = "\"Een huiskamer in de wijk waar ouderen elkaar ontmoeten.\"" },
	{ .name = "description", .kind = FK_MARKDOWN, AT(description), .max = INITIATIVE_DESCRIPTION_MAX,
	  .label = { "Beschrijving", "Description" },
	  .hint = { "Meer uitleg: wat is het idee, met wie, en hoe weten jullie of het werkt? Je kunt Markdown"
		    " gebruiken, zoals **vet** en lijstjes.",
		    "More explanation: what is the idea, with whom, and how will you know it works? You can use Markdown,"
		    " like **bold** and lists." },
	  .doc = "The description (beschrijving), in Markdown; empty when not given.",
	  .example = "\"Elke dinsdag en donderdag **open**, met vrijwilligers uit de wijk.\"" },
	{ .name = "type", .kind = FK_ENUM, .flags = F_REQUIRED, AT(type), .keys = initiative_types,
	  .nkeys = ITYPE_COUNT, .schema = "InitiativeType", .label = { "Soort", "Type" },
	  .hint = { "Wat is het nieuwe: een product, een dienst, een werkwijze of een vorm van samenwerken?",
		    "What is new: a product, a service, a process or a form of collaboration?" },
	  .doc = "What kind of novelty it is (soort): a product, a service (dienst), a process (werkwijze) or a form"
		 " of collaboration (samenwerkingsvorm)." },
	{ .name = "leadParty", .kind = FK_REF, .flags = F_REQUIRED | F_NULLABLE, AT(lead_party), .ref = "party",
	  .label = { "Trekker", "Lead party" },
	  .hint = { "De partij die het initiatief trekt. Je kiest uit de partijen waar je lid van bent.",
		    "The party that leads the initiative. You choose from the parties you are a member of." },
	  .doc = "The id of the lead party (trekker), or null when that party was removed. To set it, the caller"
		 " must be a member of the party, a coordinator of the area or a platform administrator.",
	  .example = "\"01a21b9b-eab2-7153-a00d-9c466e28560b\"" },
	{ .name = "leadPartyName", .kind = FK_TEXT, .flags = F_READ_ONLY | F_NULLABLE, AT(lead_name),
	  .max = PARTY_NAME_MAX, .label = { "Naam van de trekker", "Name of the lead party" },
	  .doc = "The name of the lead party (naam van de trekker), or null when it was removed or is not public.",
	  .example = "\"Buurtteam Overvecht\"" },
	{ .name = "leadKind", .kind = FK_ENUM, .flags = F_READ_ONLY | F_NULLABLE, AT(lead_kind), .keys = party_kinds,
	  .nkeys = KIND_COUNT, .label = { "Soort trekker", "Kind of lead" },
	  .doc = "The kind of the lead party (soort partij), or null when it was removed.",
	  .example = "\"social_work\"" },
	{ .name = "issues", .kind = FK_REF, .flags = F_LIST | F_MODEL_CHECKS, AT(issues), .ref = "issue",
	  .max_items = INITIATIVE_ISSUES_MAX, .label = { "Vraagstukken", "Social issues" },
	  .hint = { "Op welke vraagstukken is dit een antwoord? Hoogstens 20.",
		    "Which social issues does it answer? At most 20." },
	  .doc = "The ids of the social issues (vraagstukken) it answers; each must exist.",
	  .example = "[\"01a21b9b-ef12-7389-b34f-05f66f35eaac\"]" },
	{ .name = "area", .kind = FK_AREA, .flags = F_REQUIRED | F_MODEL_CHECKS, AT(area), .max = INITIATIVE_AREA_MAX,
	  .label = { "Gebied", "Area" }, .hint = { "Waar vindt het initiatief plaats?", "Where does it take place?" },
	  .doc = "The code of the area (gebied) it takes place in.", .example = "\"WK034403\"" },
	{ .name = "targetGroups", .kind = FK_LABEL, .flags = F_LIST, AT(target_groups), .max = INITIATIVE_GROUP_MAX,
	  .max_items = INITIATIVE_GROUPS_MAX, .label = { "Doelgroepen", "Target groups" },
	  .hint = { "Voor wie is het? Scheid met komma's, zoals: jongeren, mantelzorgers. Hoogstens 10.",
		    "For whom is it? Separate with commas, like: young people, carers. At most 10." },
	  .doc = "Target groups (doelgroepen): short free-text labels in lower case.",
	  .example = "[\"eenzame ouderen\"]" },
	{ .name = "participationLevel", .kind = FK_ENUM, .flags = F_REQUIRED, AT(participation_level),
	  .keys = participation_levels, .nkeys = PLEVEL_COUNT, .schema = "ParticipationLevel",
	  .label = { "Mate van meedoen", "Participation level" },
	  .hint = { "Hoe ver doet de doelgroep mee: van geïnformeerd worden tot meebeslissen?",
		    "How far does the target group take part: from being informed to deciding with you?" },
	  .doc = "How far the target group takes part (participatieniveau): informed (informeren), consulted"
		 " (raadplegen), advising (adviseren), co_producing (coproduceren) or co_deciding (meebeslissen)." },
	{ .name = "budgetCents", .kind = FK_MONEY, .flags = F_NULLABLE, AT(budget_cents),
	  FIELD_HAS(struct initiative, has_budget), .min = 0, .max = 100000000000LL,
	  .label = { "Begroting", "Budget" },
	  .hint = { "Het bedrag in euro's, als dat er is.", "The amount in euros, if there is one." },
	  .doc = "The budget (begroting) in euro cents, or null when none is given.", .example = "250000" },
	{ .name = "stage", .kind = FK_ENUM, .flags = F_READ_ONLY, AT(stage), .keys = initiative_stages,
	  .nkeys = STAGE_COUNT, .schema = "InitiativeStage", .label = { "Fase", "Stage" },
	  .doc = "The stage (fase), moved only by stage decisions: idea (idee), development (ontwikkeling), test,"
		 " implementation (uitvoering), sustained (geborgd) or stopped (gestopt). A new initiative starts"
		 " at idea." },
	{ .name = "stageChangedAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(stage_changed_at),
	  .label = { "Fase veranderd op", "Stage changed" }, .doc = "When its stage last moved (fase gewijzigd op).",
	  .example = TIME_EXAMPLE },
	{ .name = "interestCount", .kind = FK_INT, .flags = F_READ_ONLY, AT(interested), .min = 0, .max = 2147483647,
	  .label = { "Aanbiedingen om te helpen", "Offers to help" },
	  .doc = "How many people offered to help (aanmeldingen om mee te helpen).", .example = "3" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(created_at),
	  .label = { "Aangemaakt op", "Created" }, .doc = "When it was made (aangemaakt op).", .example = TIME_EXAMPLE },
	{ .name = "updatedAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(updated_at), .label = { "Bijgewerkt", "Updated" },
	  .doc = "When its fields last changed (gewijzigd op).", .example = TIME_EXAMPLE },
};
const size_t initiative_nfields = sizeof initiative_fields / sizeof initiative_fields[0];
#undef AT

#define AT(member) FIELD_AT(struct stage_decision, member)
/* The fields of a decision on the stage. */
const struct field_desc stage_decision_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, AT(id), .label = { "Nummer", "Number" },
	  .doc = "The identifier (id).", .example = "\"01a21b9b-efc2-7249-90e9-80ecf9ebc9c2\"" },
	{ .name = "from", .kind = FK_ENUM, .flags = F_READ_ONLY | F_NULLABLE, AT(from), .keys = initiative_stages,
	  .nkeys = STAGE_COUNT, .label = { "Vorige fase", "Previous stage" },
	  .doc = "The stage before (vorige fase); null for the first entry.", .example = "\"idea\"" },
	{ .name = "to", .kind = FK_ENUM, .flags = F_REQUIRED, AT(to), .keys = initiative_stages, .nkeys = STAGE_COUNT,
	  .schema = "InitiativeStage", .label = { "Nieuwe fase", "New stage" },
	  .hint = { "Je kunt een fase verder, of het initiatief stoppen.",
		    "You can go one stage further, or stop the initiative." },
	  .doc = "The stage after the decision (nieuwe fase): the next stage, or stopped.", .example = "\"development\"" },
	{ .name = "rationale", .kind = FK_MARKDOWN, .flags = F_REQUIRED, AT(rationale), .min = 1, .max = DECISION_TEXT_MAX,
	  .label = { "Onderbouwing", "Rationale" },
	  .hint = { "Waarom dit besluit? Iedereen kan het lezen op de tijdlijn.",
		    "Why this decision? Everyone can read it on the timeline." },
	  .doc = "Why (onderbouwing); empty only in the first entry of a timeline.",
	  .example = "\"Het plan is uitgewerkt met de bewoners.\"" },
	{ .name = "evidence", .kind = FK_MARKDOWN, AT(evidence), .max = DECISION_TEXT_MAX,
	  .label = { "Bewijs", "Evidence" },
	  .hint = { "Waar baseren jullie het op: cijfers, verhalen, een evaluatie?",
		    "What do you base it on: figures, stories, an evaluation?" },
	  .doc = "What it rests on (bewijs); empty when not given.", .example = "\"40 bewoners kwamen naar de proef.\"" },
	{ .name = "lessons", .kind = FK_MARKDOWN, AT(lessons), .max = DECISION_TEXT_MAX,
	  .label = { "Lessen", "Lessons" },
	  .hint = { "Wat hebben jullie geleerd? Verplicht als je het initiatief stopt.",
		    "What have you learnt? Required when you stop the initiative." },
	  .doc = "What was learnt (lessen); required to stop an initiative, else empty when not given.",
	  .example = "\"Ouderen komen eerder als een buur ze meeneemt.\"" },
	{ .name = "party", .kind = FK_REF, .flags = F_READ_ONLY | F_NULLABLE, AT(party_id), .ref = "party",
	  .label = { "Namens", "On behalf of" },
	  .doc = "The party on whose behalf it was decided (namens): the lead party when the decider is its member;"
		 " null for a coordinator or administrator who is not, or when the party was removed.",
	  .example = "\"01a21b9b-eab2-7153-a00d-9c466e28560b\"" },
	{ .name = "partyName", .kind = FK_TEXT, .flags = F_READ_ONLY | F_NULLABLE, AT(party_name), .max = PARTY_NAME_MAX,
	  .label = { "Namens partij", "Party" }, .doc = "That party's name, or null when it is not public.",
	  .example = "\"Buurtteam Overvecht\"" },
	{ .name = "decidedByName", .kind = FK_TEXT, .flags = F_READ_ONLY | F_NULLABLE, AT(decider_name), .max = 200,
	  .label = { "Door", "By" },
	  .doc = "The name of who decided (door), or null for kiem itself or an account that was removed.",
	  .example = "\"Fatima el Amrani\"" },
	{ .name = "decidedAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(decided_at), .label = { "Wanneer", "When" },
	  .doc = "When (wanneer).", .example = TIME_EXAMPLE },
};
const size_t stage_decision_nfields = sizeof stage_decision_fields / sizeof stage_decision_fields[0];
#undef AT

#define AT(member) FIELD_AT(struct initiative_interest, member)
/* The fields of an offer to help. */
const struct field_desc interest_fields[] = {
	{ .name = "userName", .kind = FK_TEXT, .flags = F_READ_ONLY | F_NULLABLE, AT(user_name), .max = 200,
	  .label = { "Naam", "Name" }, .doc = "Who offered to help (naam).", .example = "\"Henk de Boer\"" },
	{ .name = "message", .kind = FK_MARKDOWN, AT(message), .max = INTEREST_MESSAGE_MAX,
	  .label = { "Bericht", "Message" },
	  .hint = { "Wat wil of kun je doen? Alleen de trekker van het initiatief leest dit.",
		    "What would you like to do, or can you do? Only the initiative's lead reads this." },
	  .doc = "What they would like to do (bericht); empty when not given. Only the lead party's members and"
		 " platform administrators read it.", .example = "\"Ik kan op dinsdag koffie schenken.\"" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(created_at),
	  .label = { "Aangemeld op", "Offered" }, .doc = "When (aangemeld op).", .example = TIME_EXAMPLE },
};
const size_t interest_nfields = sizeof interest_fields / sizeof interest_fields[0];
#undef AT

static const struct export_part initiative_exports[] = {
	{ "initiativesCreated",
	  "SELECT id, title, created_at FROM initiatives WHERE created_by = ?1 ORDER BY created_at, id",
	  (const char *const[]){ "id", "title", "createdAt" }, 3, NULL, false },
	{ "initiativesFollowed",
	  "SELECT f.initiative_id, i.title, f.created_at FROM initiative_follows f"
	  " JOIN initiatives i ON i.id = f.initiative_id WHERE f.user_id = ?1 ORDER BY f.created_at, f.initiative_id",
	  (const char *const[]){ "initiativeId", "initiativeTitle", "since" }, 3, NULL, false },
	{ "initiativeInterest",
	  "SELECT n.initiative_id, i.title, n.message, n.created_at FROM initiative_interest n"
	  " JOIN initiatives i ON i.id = n.initiative_id WHERE n.user_id = ?1 ORDER BY n.created_at, n.initiative_id",
	  (const char *const[]){ "initiativeId", "initiativeTitle", "message", "createdAt" }, 4, NULL, false },
};
/* The initiative stays, a contribution to a public matter, without its
 * maker; following and offering to help are the person's own and go. */
static const char *const initiative_erase[] = {
	"UPDATE initiatives SET created_by = NULL WHERE created_by = ?1",
	"DELETE FROM initiative_follows WHERE user_id = ?1",
	"DELETE FROM initiative_interest WHERE user_id = ?1",
};
const struct entity_type initiative_type = {
	.key = "initiative", .table = "initiatives", .perm = OBJ_ISSUE, .noun = { "Initiatief", "Initiative" },
	.page = "/initiatieven/", .api = "/api/v1/initiatives/",
	.name_sql = "SELECT title FROM initiatives WHERE id = ?1",
	.scope_sql = "SELECT id FROM initiatives WHERE area_code IN (" AREAS_COORDINATED_BY("?1") ")",
	.exports = initiative_exports, .nexports = 3, .erase = initiative_erase, .nerase = 3,
	.registers = { "initiatives", "initiative_interest", "follows_notifications" },
	.fields = initiative_fields, .nfields = sizeof initiative_fields / sizeof initiative_fields[0],
	.schema = "Initiative",
};

static const struct export_part decision_exports[] = {
	{ "stageDecisions",
	  "SELECT d.id, d.initiative_id, i.title, d.from_stage, d.to_stage, d.rationale, d.evidence, d.lessons,"
	  " d.decided_at FROM stage_decisions d JOIN initiatives i ON i.id = d.initiative_id WHERE d.decided_by = ?1"
	  " ORDER BY d.seq",
	  (const char *const[]){ "id", "initiativeId", "initiativeTitle", "from", "to", "rationale", "evidence",
				 "lessons", "decidedAt" }, 9, NULL, false },
};
static const char *const decision_erase[] = {
	"UPDATE stage_decisions SET decided_by = NULL WHERE decided_by = ?1",
};
const struct entity_type stage_decision_type = {
	.key = "stage_decision", .table = "stage_decisions", .perm = OBJ_ISSUE_STATUS,
	.noun = { "Besluit over de fase", "Stage decision" },
	.exports = decision_exports, .nexports = 1, .erase = decision_erase, .nerase = 1,
	.privacy_note = "Stage decisions are the public record of an initiative: they stay when their maker is"
			" erased, without the name.",
	.registers = { "initiatives" },
	.fields = stage_decision_fields, .nfields = sizeof stage_decision_fields / sizeof stage_decision_fields[0],
	.schema = "StageDecision",
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const initiatives_types[] = { &initiative_type, &stage_decision_type, NULL };
