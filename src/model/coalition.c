#include "coalition.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "area.h"
#include "cursor.h"
#include "issue.h"
#include "party.h"
#include "registry.h"
#include "rows.h"

/* Who may (coalition.h says why): member is the viewer's place in the
 * party concerned: for a create the party it is made for, for a change a
 * managing partner (any of them), and for the withdrawal of a partner also
 * the partner party itself when the viewer is its admin. */
static const perm_rules coalition_rules = {
	[ACT_READ] = W_ANYONE,
	[ACT_CREATE] = W_MEMBER | W_ADMIN,
	[ACT_UPDATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
	[ACT_DELETE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
};

const char *const coalition_sorts[CSORT_COUNT] = {
	[CSORT_NAME] = "name",
	[CSORT_NAME_DESC] = "-name",
	[CSORT_CREATED] = "createdAt",
	[CSORT_CREATED_DESC] = "-createdAt",
};

bool coalition_sort_parse(const char *name, enum coalition_sort *out)
{
	*out = CSORT_NAME;
	if (!name)
		return true;
	for (int i = 0; i < CSORT_COUNT; i++)
		if (strcmp(coalition_sorts[i], name) == 0) {
			*out = (enum coalition_sort)i;
			return true;
		}
	return false;
}

#define COALITION_COLS \
	"c.id, c.name, c.description, c.area_code, ar.name, c.since, c.created_by, c.created_at, c.updated_at," \
	" (SELECT group_concat(issue_id, char(31)) FROM coalition_issues ci WHERE ci.coalition_id = c.id)," \
	" (SELECT cp.party_id FROM coalition_partners cp WHERE cp.coalition_id = c.id AND cp.admin = 1" \
	"   ORDER BY cp.seq LIMIT 1)," \
	" (SELECT count(*) FROM coalition_partners cp WHERE cp.coalition_id = c.id), c.sort_name"
/* ?2 the viewer: a member of a managing partner; a coordinator of its area
 * or one around it */
#define VIEWER_COLS \
	", EXISTS (SELECT 1 FROM coalition_partners cp JOIN memberships m ON m.party_id = cp.party_id" \
	"   WHERE cp.coalition_id = c.id AND cp.admin = 1 AND m.user_id = ?2)," \
	" EXISTS (SELECT 1 FROM coordinator_areas ca JOIN areas k ON k.code = ca.area_code" \
	"   WHERE ca.user_id = ?2 AND ar.path LIKE k.path || '%')"
enum { VIEWER_COL = 13 };
#define COALITION_FROM "coalitions c JOIN areas ar ON ar.code = c.area_code"

static int by_text(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct coalition *out = row;
	memset(out, 0, sizeof *out);
	snprintf(out->id, sizeof out->id, "%s", store_text(st, 0));
	out->name = arena_strdup(a, store_text(st, 1));
	out->description = arena_strdup(a, store_text(st, 2));
	out->area = arena_strdup(a, store_text(st, 3));
	out->area_name = arena_strdup(a, store_text(st, 4));
	out->since = arena_strdup(a, store_text(st, 5));
	out->created_by = rows_opt(st, a, 6);
	out->created_at = arena_strdup(a, store_text(st, 7));
	out->updated_at = arena_strdup(a, store_text(st, 8));
	rows_list(st, a, 9, COALITION_ISSUES_MAX, &out->issues);
	qsort(out->issues.v, out->issues.n, sizeof *out->issues.v, by_text);
	out->party = rows_opt(st, a, 10);
	out->partners = store_int(st, 11);
}

/* The sort value of a row of the list (after COALITION_COLS). */
static const char *sort_value(const struct coalition *c, enum coalition_sort sort, const char *sort_name)
{
	return sort == CSORT_NAME || sort == CSORT_NAME_DESC ? sort_name : c->created_at;
}

static char *sort_key(struct arena *a, const char *name)
{
	char *k = arena_strdup(a, name);
	for (char *c = k; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	return k;
}

static const char *viewer_id(const struct viewer *v)
{
	return v && v->authenticated && v->user_id[0] ? v->user_id : NULL;
}

static struct perm_target target_of(const struct coalition *c)
{
	return (struct perm_target){ NULL, true, c->manages ? MEMBER_MEMBER : MEMBER_NONE, c->coordinated };
}

bool coalition_can(const struct viewer *v, const struct coalition *c, enum perm_action act)
{
	struct perm_target t = target_of(c);
	return perm_check_rules(v, coalition_rules, act, &t) == 0;
}

static int get_on(struct store_conn *c, struct arena *a, const struct viewer *v, const char *id,
		  struct coalition *out)
{
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(c, "SELECT " COALITION_COLS VIEWER_COLS " FROM " COALITION_FROM
					     " WHERE c.id = ?1", 2, id, viewer_id(v));
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		read_row(st, a, out);
		if (viewer_id(v)) {
			out->manages = store_int(st, VIEWER_COL) != 0;
			out->coordinated = store_int(st, VIEWER_COL + 1) != 0;
		}
		rc = 0;
	} else if (rc == STORE_DONE) {
		rc = ERR_NOTFOUND;
	}
	store_reset(st);
	return rc;
}

int coalition_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
		  struct coalition *out)
{
	return get_on(store_reader(s), a, v, id, out);
}

/* One row's first column as a bool, or *found false when there is none. */
static int ask(struct store_stmt *st, bool *found, bool *out)
{
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	*found = rc == STORE_ROW;
	if (out)
		*out = *found && store_int(st, 0) != 0;
	store_reset(st);
	return rc < 0 ? rc : 0;
}

/* Whether the party exists and the viewer may see it, as party.c's rule
 * for reading a party says. */
static int party_visible(struct store_conn *c, const struct viewer *v, const char *id, bool *out)
{
	struct store_stmt *st = rows_prepare(c,
		"SELECT p.visibility = 'public' OR ?3 = 'admin'"
		" OR EXISTS (SELECT 1 FROM memberships m WHERE m.party_id = p.id AND m.user_id = ?2)"
		" OR " PARTY_COORDINATED_BY("p.id", "?2") " FROM parties p WHERE p.id = ?1", 3,
		id, viewer_id(v), v && v->authenticated && v->role == PROLE_ADMIN ? "admin" : "");
	bool found;
	int rc = ask(st, &found, out);
	if (!found)
		*out = false;
	return rc;
}

/* The fields' checks and what no descriptor says: the area's name, that
 * the issues exist, since today when not given. */
static int validate(struct store_conn *c, struct arena *a, struct coalition *in, struct problems *p)
{
	fields_validate(coalition_fields, coalition_nfields, in, c, a, p);
	int rc;
	if (in->area && !problems_find(p, "area")) {
		struct area ar;
		if ((rc = area_get_on(c, a, in->area, &ar)) == ERR_NOTFOUND)
			problems_add(p, "area", R_UNKNOWN_AREA, 0);
		else if (rc)
			return rc;
		else
			in->area_name = ar.name;
	}
	for (size_t i = 0; i < in->issues.n && !problems_find(p, "issues"); i++) {
		if ((rc = issue_exists(c, in->issues.v[i])) == ERR_NOTFOUND)
			problems_add(p, "issues", R_NOT_ONE_OF, 0);
		else if (rc)
			return rc;
	}
	if (!in->since || !*in->since) {
		char *now = arena_alloc(a, TIME_STRLEN + 1);
		time_now(now);
		now[10] = 0;
		in->since = now;
	}
	return 0;
}

/* The coalition's issues and its search entry (when index: a new one, or
 * one whose words changed and whose old entry went before the row did). */
static int write_children(struct store_conn *c, const char *id, const struct coalition *in, bool index)
{
	int rc = rows_run(c, "DELETE FROM coalition_issues WHERE coalition_id = ?1", 1, id);
	for (size_t i = 0; !rc && i < in->issues.n; i++)
		rc = rows_run(c, "INSERT INTO coalition_issues (coalition_id, issue_id) VALUES (?1, ?2)", 2, id,
			      in->issues.v[i]);
	if (rc || !index)
		return rc;
	return rows_run(c,
		"INSERT INTO coalition_search (rowid, name, description)"
		" VALUES ((SELECT seq FROM coalitions WHERE id = ?1), ?2, ?3)", 3, id, in->name, in->description);
}

int coalition_create(struct store *s, struct arena *a, const struct viewer *v, struct coalition *co,
		     struct problems *p)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = validate(c, a, co, p);
	bool visible = false;
	if (!rc && !co->party)
		problems_add(p, "party", R_CHOOSE, 0);
	else if (!rc && !problems_find(p, "party") && !(rc = party_visible(c, v, co->party, &visible)) && !visible)
		problems_add(p, "party", R_NOT_ONE_OF, 0);
	if (!rc && p->n)
		rc = ERR_INVALID;
	struct perm_target t = { NULL, true, MEMBER_NONE, false };
	if (!rc && !(rc = party_relation(c, v, co->party, &t.member, &t.coordinated))) {
		t.coordinated = false; /* a coalition is made for a party by its members */
		rc = perm_check_rules(v, coalition_rules, ACT_CREATE, &t);
	}
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	char pid[UUID_STRLEN + 1];
	if (!rc) {
		uuid7_new(co->id);
		rc = rows_run(c,
			"INSERT INTO coalitions (id, name, sort_name, description, area_code, since, created_by,"
			" created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", 8,
			co->id, co->name, sort_key(a, co->name), co->description, co->area, co->since, viewer_id(v), now);
	}
	if (!rc)
		rc = write_children(c, co->id, co, true);
	if (!rc) {
		uuid7_new(pid);
		rc = rows_run(c,
			"INSERT INTO coalition_partners (id, coalition_id, party_id, contribution, admin, since, created_at)"
			" VALUES (?1, ?2, ?3, '', 1, ?4, ?5)", 5, pid, co->id, co->party, co->since, now);
	}
	if (!rc)
		rc = activity_add(c, v, "create", "coalition", co->id, "");
	if ((rc = rows_commit(s, rc)))
		return rc;
	qsort(co->issues.v, co->issues.n, sizeof *co->issues.v, by_text);
	co->partners = 1;
	co->created_by = viewer_id(v) ? arena_strdup(a, v->user_id) : NULL;
	co->created_at = co->updated_at = now;
	co->manages = t.member != MEMBER_NONE;
	co->coordinated = false;
	return 0;
}

static bool same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

int coalition_update(struct store *s, struct arena *a, const struct viewer *v, const struct coalition *was,
		     struct coalition *in, struct problems *p)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	if (!coalition_can(v, was, ACT_UPDATE))
		return ERR_FORBIDDEN;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	in->party = was->party; /* read-only after creation */
	int rc = validate(c, a, in, p);
	if (!rc && p->n)
		rc = ERR_INVALID;
	/* moving it to another area needs the right there too, for whoever
	 * has it as a coordinator only */
	bool coordinated = was->coordinated;
	if (!rc && !same(in->area, was->area)) {
		struct store_stmt *st = rows_prepare(c, "SELECT " AREA_COORDINATED_BY("?1", "?2"), 2, in->area,
						     v->user_id);
		bool found;
		if (!(rc = ask(st, &found, &coordinated))) {
			struct perm_target t = { NULL, true, was->manages ? MEMBER_MEMBER : MEMBER_NONE, coordinated };
			rc = perm_check_rules(v, coalition_rules, ACT_UPDATE, &t);
		}
	}
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	if (!rc)
		rc = rows_run(c, "DELETE FROM coalition_search WHERE rowid = (SELECT seq FROM coalitions WHERE id = ?1"
				 " AND (name IS NOT ?2 OR description IS NOT ?3))", 3, was->id, in->name, in->description);
	bool reindex = !rc && store_changes(c) > 0;
	if (!rc)
		rc = rows_change(c,
			"UPDATE coalitions SET name = ?2, sort_name = ?3, description = ?4, area_code = ?5, since = ?6,"
			" updated_at = ?7 WHERE id = ?1", 7,
			was->id, in->name, sort_key(a, in->name), in->description, in->area, in->since, now);
	if (!rc)
		rc = write_children(c, was->id, in, reindex);
	if (!rc)
		rc = activity_add(c, v, "update", "coalition", was->id,
				  fields_changed(coalition_fields, coalition_nfields, was, in, a));
	if ((rc = rows_commit(s, rc)))
		return rc;
	qsort(in->issues.v, in->issues.n, sizeof *in->issues.v, by_text);
	in->updated_at = now;
	in->coordinated = coordinated;
	return 0;
}

int coalition_delete(struct store *s, const struct viewer *v, const char *id)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct arena *a = arena_new();
	if (!a)
		return ERR_NOMEM;
	struct coalition co;
	struct store_conn *c = store_write_begin(s);
	int rc = c ? get_on(c, a, v, id, &co) : ERR_DB;
	if (!rc && !coalition_can(v, &co, ACT_DELETE))
		rc = ERR_FORBIDDEN;
	/* the search entry first: the index reads its words from the row */
	if (!rc)
		rc = rows_run(c, "DELETE FROM coalition_search WHERE rowid = (SELECT seq FROM coalitions WHERE id = ?1)",
			      1, co.id);
	if (!rc)
		rc = rows_change(c, "DELETE FROM coalitions WHERE id = ?1", 1, co.id);
	if (!rc)
		rc = activity_add(c, v, "delete", "coalition", co.id, "");
	arena_free(a);
	return c ? rows_commit(s, rc) : rc;
}

/* ?1 the area's range of paths (?1, ?2), ?3 issue, ?4 party, ?5 the
 * search, ?6 ?7 the cursor's value and id, ?8 the limit. */
#define LIST_WHERE \
	" WHERE (?1 IS NULL OR (ar.path >= ?1 AND ar.path < ?2))" \
	" AND (?3 IS NULL OR EXISTS (SELECT 1 FROM coalition_issues ci WHERE ci.coalition_id = c.id AND ci.issue_id = ?3))" \
	" AND (?4 IS NULL OR EXISTS (SELECT 1 FROM coalition_partners cp WHERE cp.coalition_id = c.id AND cp.party_id = ?4))" \
	" AND (?5 IS NULL OR c.seq IN (SELECT rowid FROM coalition_search WHERE coalition_search MATCH ?5))"
#define LIST_SQL(keyset, order) \
	"SELECT " COALITION_COLS " FROM " COALITION_FROM LIST_WHERE " AND " keyset " ORDER BY " order " LIMIT ?8"

static const char *const list_sql[CSORT_COUNT] = {
	[CSORT_NAME] = LIST_SQL("(c.sort_name, c.id) > (?6, ?7)", "c.sort_name, c.id"),
	[CSORT_NAME_DESC] = LIST_SQL("(c.sort_name, c.id) < (?6, ?7)", "c.sort_name DESC, c.id DESC"),
	[CSORT_CREATED] = LIST_SQL("(c.created_at, c.id) > (?6, ?7)", "c.created_at, c.id"),
	[CSORT_CREATED_DESC] = LIST_SQL("(c.created_at, c.id) < (?6, ?7)", "c.created_at DESC, c.id DESC"),
};

/* Sorts past every real value, for the first page of a descending list. */
static const char past_all[] = "\xf4\x8f\xbf\xbf\xf4\x8f\xbf\xbf";

/* A row of the list and its sort name, which the cursor needs. */
struct listed {
	struct coalition c;
	const char *sort_name;
};

static void read_listed(struct store_stmt *st, struct arena *a, void *row)
{
	struct listed *l = row;
	read_row(st, a, &l->c);
	l->sort_name = arena_strdup(a, store_text(st, 12));
}

int coalition_list(struct store *s, struct arena *a, const struct coalition_filter *f, struct problems *p,
		   struct coalition **items, size_t *n, const char **next)
{
	*items = NULL;
	*n = 0;
	*next = NULL;
	const char *after_value = "", *after_id = "", *lo = NULL, *hi = NULL;
	char fts[512];
	bool search = false;
	int limit = valid_page(p, f->limit, NULL, NULL);
	if (f->area && !area_range(s, a, f->area, &lo, &hi, NULL))
		problems_add(p, "area", R_UNKNOWN_AREA, 0);
	if (f->issue && !uuid_valid(f->issue, strlen(f->issue)))
		problems_add(p, "issue", R_BAD_FORMAT, 0);
	if (f->party && !uuid_valid(f->party, strlen(f->party)))
		problems_add(p, "party", R_BAD_FORMAT, 0);
	if (f->q && valid_text(p, "q", f->q, false, 200, false))
		search = store_fts_query(f->q, fts, sizeof fts);
	if (f->sort == CSORT_NAME_DESC || f->sort == CSORT_CREATED_DESC)
		after_value = after_id = past_all;
	if (f->cursor && !cursor_decode(a, f->cursor, 1200, &after_value, &after_id))
		problems_add(p, "cursor", R_BAD_FORMAT, 0);
	if (p->n)
		return ERR_INVALID;
	struct store_stmt *st = rows_prepare(store_reader(s), list_sql[f->sort], 7, lo, hi, f->issue, f->party,
					     search ? fts : NULL, after_value, after_id);
	if (!st)
		return ERR_DB;
	struct listed *list = arena_alloc(a, sizeof *list * (size_t)(limit + 1));
	int rc = rows_page(st, 8, a, read_listed, list, sizeof *list, limit, n);
	if (rc < 0)
		return rc;
	struct coalition *out = arena_alloc(a, sizeof *out * (*n + 1));
	for (size_t i = 0; i < *n; i++)
		out[i] = list[i].c;
	*items = out;
	if (rc) {
		const struct listed *last = &list[*n - 1];
		*next = cursor_encode(a, sort_value(&last->c, f->sort, last->sort_name), last->c.id);
	}
	return 0;
}

/* ---- partners ---- */

#define PARTNER_COLS \
	"cp.id, cp.coalition_id, cp.party_id, CASE WHEN p.visibility = 'public' THEN p.name END, p.kind," \
	" cp.role_key, cp.contribution, cp.since, cp.admin, cp.created_at"

static void read_partner(struct store_stmt *st, struct arena *a, void *row)
{
	struct coalition_partner *out = row;
	memset(out, 0, sizeof *out);
	snprintf(out->id, sizeof out->id, "%s", store_text(st, 0));
	snprintf(out->coalition_id, sizeof out->coalition_id, "%s", store_text(st, 1));
	out->party = arena_strdup(a, store_text(st, 2));
	out->party_name = rows_opt(st, a, 3);
	out->party_kind = arena_strdup(a, store_text(st, 4));
	out->role = rows_opt(st, a, 5);
	out->contribution = arena_strdup(a, store_text(st, 6));
	out->since = arena_strdup(a, store_text(st, 7));
	out->admin = store_int(st, 8) != 0;
	out->created_at = arena_strdup(a, store_text(st, 9));
}

static int exists_on(struct store_conn *c, const char *id)
{
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	bool found;
	int rc = ask(rows_prepare(c, "SELECT 1 FROM coalitions WHERE id = ?1", 1, id), &found, NULL);
	return rc ? rc : found ? 0 : ERR_NOTFOUND;
}

int coalition_partners(struct store *s, struct arena *a, const char *coalition_id,
		       struct coalition_partner **items, size_t *n)
{
	*items = NULL;
	*n = 0;
	struct store_conn *c = store_reader(s);
	int rc = exists_on(c, coalition_id);
	if (rc)
		return rc;
	struct store_stmt *st = rows_prepare(c,
		"SELECT " PARTNER_COLS " FROM coalition_partners cp JOIN parties p ON p.id = cp.party_id"
		" WHERE cp.coalition_id = ?1 ORDER BY cp.admin DESC, p.sort_name, cp.id LIMIT ?2", 1, coalition_id);
	if (!st)
		return ERR_DB;
	store_bind_int(st, 2, COALITION_PARTNERS_MAX);
	*items = arena_alloc(a, sizeof **items * COALITION_PARTNERS_MAX);
	return rows_read(st, a, read_partner, *items, sizeof **items, COALITION_PARTNERS_MAX, n);
}

static int partner_on(struct store_conn *c, struct arena *a, const char *coalition_id, const char *id,
		      struct coalition_partner *out)
{
	if (!id || !uuid_valid(id, strlen(id)) || !coalition_id || !uuid_valid(coalition_id, strlen(coalition_id)))
		return ERR_NOTFOUND;
	return rows_one(rows_prepare(c,
		"SELECT " PARTNER_COLS " FROM coalition_partners cp JOIN parties p ON p.id = cp.party_id"
		" WHERE cp.coalition_id = ?1 AND cp.id = ?2", 2, coalition_id, id), a, read_partner, out);
}

int coalition_partner_get(struct store *s, struct arena *a, const char *coalition_id, const char *id,
			  struct coalition_partner *out)
{
	return partner_on(store_reader(s), a, coalition_id, id, out);
}

/* The coalition, read on the writer, and whether the viewer may change it. */
static int load_for_change(struct store_conn *c, struct arena *a, const struct viewer *v, const char *id,
			   struct coalition *out)
{
	int rc = get_on(c, a, v, id, out);
	if (rc)
		return rc;
	struct perm_target t = target_of(out);
	return perm_check_rules(v, coalition_rules, ACT_UPDATE, &t);
}

int coalition_partner_add(struct store *s, struct arena *a, const struct viewer *v, const char *coalition_id,
			  struct coalition_partner *in, struct problems *p, const char **dup)
{
	*dup = NULL;
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct coalition co;
	int rc = load_for_change(c, a, v, coalition_id, &co);
	if (!rc)
		fields_validate(coalition_partner_fields, coalition_partner_nfields, in, c, a, p);
	bool visible = false;
	if (!rc && in->party && !problems_find(p, "party") && !(rc = party_visible(c, v, in->party, &visible)) &&
	    !visible)
		problems_add(p, "party", R_NOT_ONE_OF, 0);
	if (!rc && p->n)
		rc = ERR_INVALID;
	if (!rc) {
		struct store_stmt *st = rows_prepare(c,
			"SELECT id FROM coalition_partners WHERE coalition_id = ?1 AND party_id = ?2", 2, co.id, in->party);
		const char *id = NULL;
		rc = rows_one(st, a, rows_text, &id);
		if (!rc) {
			*dup = id;
			rc = ERR_CONFLICT;
		} else if (rc == ERR_NOTFOUND) {
			rc = co.partners >= COALITION_PARTNERS_MAX ? ERR_CONFLICT : 0;
		}
	}
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	if (!rc && (!in->since || !*in->since)) {
		in->since = arena_strndup(a, now, 10);
	}
	if (!rc) {
		uuid7_new(in->id);
		rc = rows_run(c,
			"INSERT INTO coalition_partners (id, coalition_id, party_id, role_key, contribution, admin, since,"
			" created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", 8,
			in->id, co.id, in->party, in->role, in->contribution ? in->contribution : "",
			in->admin ? "1" : "0", in->since, now);
	}
	if (!rc)
		rc = rows_run(c, "UPDATE coalitions SET updated_at = ?2 WHERE id = ?1", 2, co.id, now);
	if (!rc)
		rc = activity_add_about(c, v, "add_partner", "coalition", co.id, "partners", NULL, NULL);
	if ((rc = rows_commit(s, rc)))
		return rc;
	/* as a read gives it */
	struct coalition_partner got;
	if (coalition_partner_get(s, a, co.id, in->id, &got) == 0)
		*in = got;
	return 0;
}

/* How many managing partners the coalition has. */
static int managers(struct store_conn *c, const char *coalition_id, long long *out)
{
	struct store_stmt *st = rows_prepare(c,
		"SELECT count(*) FROM coalition_partners WHERE coalition_id = ?1 AND admin = 1", 1, coalition_id);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	*out = rc == STORE_ROW ? store_int(st, 0) : 0;
	store_reset(st);
	return rc < 0 ? rc : 0;
}

int coalition_partner_update(struct store *s, struct arena *a, const struct viewer *v,
			     const struct coalition_partner *was, struct coalition_partner *in, struct problems *p)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct coalition co;
	int rc = load_for_change(c, a, v, was->coalition_id, &co);
	in->party = was->party;
	if (!rc)
		fields_validate(coalition_partner_fields, coalition_partner_nfields, in, c, a, p);
	if (!rc && p->n)
		rc = ERR_INVALID;
	long long n = 0;
	if (!rc && was->admin && !in->admin && !(rc = managers(c, co.id, &n)) && n <= 1)
		rc = ERR_CONFLICT; /* the last managing partner stays one */
	if (!rc && (!in->since || !*in->since))
		in->since = was->since;
	char now[TIME_STRLEN + 1];
	time_now(now);
	if (!rc)
		rc = rows_change(c,
			"UPDATE coalition_partners SET role_key = ?3, contribution = ?4, admin = ?5, since = ?6"
			" WHERE coalition_id = ?1 AND id = ?2", 6,
			co.id, was->id, in->role, in->contribution ? in->contribution : "", in->admin ? "1" : "0",
			in->since);
	if (!rc)
		rc = rows_run(c, "UPDATE coalitions SET updated_at = ?2 WHERE id = ?1", 2, co.id, now);
	if (!rc)
		rc = activity_add(c, v, "change_partner", "coalition", co.id,
				  fields_changed(coalition_partner_fields, coalition_partner_nfields, was, in, a));
	return rows_commit(s, rc);
}

bool coalition_partner_can_remove(struct store *s, const struct viewer *v, const struct coalition *co,
				  const struct coalition_partner *pa)
{
	if (coalition_can(v, co, ACT_UPDATE))
		return true;
	enum member_role m;
	bool coordinated;
	if (!v || !v->authenticated || party_relation(store_reader(s), v, pa->party, &m, &coordinated))
		return false;
	return m == MEMBER_ADMIN;
}

int coalition_partner_remove(struct store *s, const struct viewer *v, const char *coalition_id, const char *id)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct arena *a = arena_new();
	if (!a)
		return ERR_NOMEM;
	struct store_conn *c = store_write_begin(s);
	struct coalition co;
	struct coalition_partner pa;
	int rc = c ? get_on(c, a, v, coalition_id, &co) : ERR_DB;
	if (!rc)
		rc = partner_on(c, a, co.id, id, &pa);
	if (!rc) {
		/* a manager, a coordinator, an admin; or an admin of the
		 * partner party, who withdraws it */
		struct perm_target t = target_of(&co);
		if (!co.manages) {
			enum member_role m;
			bool coordinated;
			if (!(rc = party_relation(c, v, pa.party, &m, &coordinated)) && m == MEMBER_ADMIN)
				t.member = MEMBER_ADMIN;
		}
		if (!rc)
			rc = perm_check_rules(v, coalition_rules, ACT_DELETE, &t);
	}
	long long n = 0;
	if (!rc && pa.admin && !(rc = managers(c, co.id, &n)) && n <= 1)
		rc = ERR_CONFLICT;
	char now[TIME_STRLEN + 1];
	time_now(now);
	if (!rc)
		rc = rows_change(c, "DELETE FROM coalition_partners WHERE coalition_id = ?1 AND id = ?2", 2, co.id, pa.id);
	if (!rc)
		rc = rows_run(c, "UPDATE coalitions SET updated_at = ?2 WHERE id = ?1", 2, co.id, now);
	if (!rc)
		rc = activity_add(c, v, "remove_partner", "coalition", co.id, "partners");
	arena_free(a);
	return c ? rows_commit(s, rc) : rc;
}

/* ---- the fields and the registry ---- */

#define AT(member) FIELD_AT(struct coalition, member)
#define TIME_EXAMPLE "\"2026-11-27T06:05:33Z\""
const struct field_desc coalition_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, AT(id), .label = { "Nummer", "Number" },
	  .doc = "The identifier (id), a UUID version 7.", .example = "\"01a21b9b-ef12-7389-b34f-05f66f35eaac\"" },
	{ .name = "name", .kind = FK_TEXT, .flags = F_REQUIRED, AT(name), .min = 1, .max = COALITION_NAME_MAX,
	  .label = { "Naam", "Name" },
	  .hint = { "Zoals: Samen tegen eenzaamheid in Overvecht.", "Like: Together against loneliness in Overvecht." },
	  .doc = "The name of the coalition (naam van het samenwerkingsverband).",
	  .example = "\"Samen tegen eenzaamheid in Overvecht\"" },
	{ .name = "description", .kind = FK_MARKDOWN, AT(description), .max = COALITION_DESCRIPTION_MAX,
	  .label = { "Beschrijving", "Description" },
	  .hint = { "Wat willen de partijen samen bereiken, en hoe werken ze samen? Je kunt Markdown gebruiken.",
		    "What do the parties want to achieve together, and how do they work together? You can use Markdown." },
	  .doc = "What the coalition is for and how its partners work together (beschrijving), in Markdown; empty when"
		 " not given.",
	  .example = "\"Buurtteam, bibliotheek en gemeente werken samen aan **ontmoeting**.\"" },
	{ .name = "area", .kind = FK_AREA, .flags = F_REQUIRED | F_MODEL_CHECKS, AT(area), .max = 16,
	  .label = { "Gebied", "Area" }, .hint = { "Waar werkt het samenwerkingsverband?", "Where does the coalition work?" },
	  .doc = "The code of the area (gebied) the coalition works in.", .example = "\"WK034403\"" },
	{ .name = "areaName", .kind = FK_TEXT, .flags = F_READ_ONLY, AT(area_name), .max = 200,
	  .label = { "Naam van het gebied", "Name of the area" }, .doc = "The name of the area (naam van het gebied).",
	  .example = "\"Overvecht\"" },
	{ .name = "since", .kind = FK_DATE, .flags = F_NULLABLE, AT(since), .max = 10, .label = { "Sinds", "Since" },
	  .hint = { "De datum waarop de samenwerking begon, zoals 2026-03-01. Leeg: vandaag.",
		    "The date the collaboration began, like 2026-03-01. Empty: today." },
	  .doc = "Since when the partners work together (sinds), YYYY-MM-DD; today when not given.",
	  .example = "\"2026-03-01\"" },
	{ .name = "issues", .kind = FK_REF, .flags = F_LIST, AT(issues), .ref = "issue", .max_items = COALITION_ISSUES_MAX,
	  .label = { "Vraagstukken", "Social issues" },
	  .hint = { "De nummers van de vraagstukken waar het samenwerkingsverband aan werkt.",
		    "The numbers of the social issues the coalition works on." },
	  .doc = "The ids of the social issues (vraagstukken) the coalition works on; at most 20.",
	  .example = "[\"01a21b9b-ef12-7389-b34f-05f66f35eaac\"]" },
	{ .name = "party", .kind = FK_REF, .flags = F_CREATE_ONLY | F_NULLABLE, AT(party), .ref = "party",
	  .label = { "Namens partij", "On behalf of" },
	  .hint = { "De partij namens wie je het samenwerkingsverband begint. Zij beheert het als eerste.",
		    "The party on whose behalf you start the coalition. It manages it first." },
	  .doc = "Required when creating: the party (partij) on whose behalf the coalition is made, of which the caller"
		 " is a member (a platform administrator: any party); it becomes the first managing partner. In answers:"
		 " the oldest managing partner, or null when none is left.",
	  .example = "\"01a21b9b-eab2-7153-a00d-9c466e28560b\"" },
	{ .name = "partners", .kind = FK_INT, .flags = F_READ_ONLY, AT(partners), .min = 0, .max = COALITION_PARTNERS_MAX,
	  .label = { "Partners", "Partners" }, .doc = "How many partners (partners) it has; they are at /partners.",
	  .example = "3" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(created_at),
	  .label = { "Aangemaakt op", "Created" }, .doc = "When it was made (aangemaakt op).", .example = TIME_EXAMPLE },
	{ .name = "updatedAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(updated_at), .label = { "Bijgewerkt", "Updated" },
	  .doc = "When it or its partners last changed (gewijzigd op).", .example = TIME_EXAMPLE },
};
const size_t coalition_nfields = sizeof coalition_fields / sizeof coalition_fields[0];
#undef AT

#define AT(member) FIELD_AT(struct coalition_partner, member)
const struct field_desc coalition_partner_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, AT(id), .label = { "Nummer", "Number" },
	  .doc = "The identifier (id) of the partner in this coalition.",
	  .example = "\"01a21b9b-efc2-7249-90e9-80ecf9ebc9c2\"" },
	{ .name = "party", .kind = FK_REF, .flags = F_REQUIRED | F_CREATE_ONLY, AT(party), .ref = "party",
	  .label = { "Partij", "Party" }, .hint = { "De partij die meedoet.", "The party that takes part." },
	  .doc = "The id of the partner party (partij).", .example = "\"01a21b9b-eab2-7153-a00d-9c466e28560b\"" },
	{ .name = "partyName", .kind = FK_TEXT, .flags = F_READ_ONLY | F_NULLABLE, AT(party_name), .max = PARTY_NAME_MAX,
	  .label = { "Naam van de partij", "Name of the party" },
	  .doc = "The name of the party (naam), or null when it is not public.", .example = "\"Buurtteam Overvecht\"" },
	{ .name = "partyKind", .kind = FK_ENUM, .flags = F_READ_ONLY, AT(party_kind), .keys = party_kinds,
	  .nkeys = KIND_COUNT, .schema = "PartyKind", .label = { "Soort partij", "Kind of party" },
	  .doc = "The kind of the party (soort partij).", .example = "\"social_work\"" },
	{ .name = "role", .kind = FK_ROLE, .flags = F_NULLABLE, AT(role), .max = 64, .label = { "Rol", "Role" },
	  .hint = { "Welke rol uit het dossier neemt de partij hier? Mag leeg.",
		    "Which role of the dossier does the party take here? May be empty." },
	  .doc = "The key of the role (rol) the party takes in the coalition, from the catalogue at /roles; null when"
		 " none is given.", .example = "\"involve_target_groups\"" },
	{ .name = "contribution", .kind = FK_MARKDOWN, AT(contribution), .max = COALITION_CONTRIBUTION_MAX,
	  .label = { "Bijdrage", "Contribution" },
	  .hint = { "Wat brengt de partij in? Bijvoorbeeld uren, een ruimte, kennis of geld.",
		    "What does the party bring? For example hours, a room, knowledge or money." },
	  .doc = "What the party contributes (bijdrage); empty when not given.",
	  .example = "\"Twee ochtenden per week een ruimte in de bibliotheek.\"" },
	{ .name = "since", .kind = FK_DATE, .flags = F_NULLABLE, AT(since), .max = 10, .label = { "Sinds", "Since" },
	  .hint = { "Zoals 2026-03-01. Leeg: vandaag.", "Like 2026-03-01. Empty: today." },
	  .doc = "Since when the party takes part (sinds), YYYY-MM-DD; today when not given.",
	  .example = "\"2026-03-01\"" },
	{ .name = "admin", .kind = FK_BOOL, AT(admin), .label = { "Beheert mee", "Manages" },
	  .hint = { "Leden van een beherende partij kunnen het samenwerkingsverband en zijn partners wijzigen.",
		    "Members of a managing party can change the coalition and its partners." },
	  .doc = "Whether the party manages the coalition (beherende partner): its members may change the coalition"
		 " and its partners. A coalition keeps at least one.", .example = "false" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(created_at),
	  .label = { "Toegevoegd op", "Added" }, .doc = "When the party was added (toegevoegd op).",
	  .example = TIME_EXAMPLE },
};
const size_t coalition_partner_nfields = sizeof coalition_partner_fields / sizeof coalition_partner_fields[0];
#undef AT

static const struct export_part coalition_exports[] = {
	{ "coalitionsCreated",
	  "SELECT id, name, created_at FROM coalitions WHERE created_by = ?1 ORDER BY created_at, id",
	  (const char *const[]){ "id", "name", "createdAt" }, 3, NULL, false },
};
const struct entity_type coalition_type = {
	.key = "coalition", .table = "coalitions", .perm = OBJ_PARTY, .noun = { "Samenwerkingsverband", "Coalition" },
	.page = "/samenwerkingen/", .api = "/api/v1/coalitions/",
	.name_sql = "SELECT name FROM coalitions WHERE id = ?1",
	.scope_sql = "SELECT id FROM coalitions WHERE area_code IN (" AREAS_COORDINATED_BY("?1") ")",
	.exports = coalition_exports, .nexports = 1,
	.privacy_note = "A coalition is its partner parties', not its maker's: it stays when its maker is erased,"
			" made by an erased account.",
	.registers = { "coalitions_ties" },
	.fields = coalition_fields, .nfields = sizeof coalition_fields / sizeof coalition_fields[0],
	.schema = "Coalition",
};
/* A partner is named in the log as its coalition's change; its schema is
 * the API's sub-resource. It holds nothing about people. */
const struct entity_type coalition_partner_type = {
	.key = "coalition_partner", .table = "coalition_partners", .perm = OBJ_PARTY,
	.noun = { "Partner van een samenwerkingsverband", "Partner of a coalition" },
	.privacy_note = "A partner is a party's place in a coalition: it holds nothing about people.",
	.fields = coalition_partner_fields,
	.nfields = sizeof coalition_partner_fields / sizeof coalition_partner_fields[0],
	.schema = "CoalitionPartner",
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const coalitions_types[] = { &coalition_type, &coalition_partner_type, NULL };
