#include "issue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "cursor.h"
#include "activity.h"
#include "notify.h"
#include "area.h"
#include "registry.h"
#include "rows.h"

const struct enum_entry issue_statuses[ISSUE_STATUS_COUNT] = {
	[ISSUE_SIGNALLED] = { "signalled", { "Gesignaleerd", "Signalled" } },
	[ISSUE_FORMULATED] = { "formulated", { "Geformuleerd", "Formulated" } },
	[ISSUE_ON_AGENDA] = { "on_agenda", { "Op de agenda", "On the agenda" } },
	[ISSUE_IN_PROGRESS] = { "in_progress", { "In uitvoering", "In progress" } },
	[ISSUE_CLOSED] = { "closed", { "Afgerond", "Closed" } },
	[ISSUE_ARCHIVED] = { "archived", { "Gearchiveerd", "Archived" } },
};

unsigned issue_moves(enum issue_status from)
{
	if (from == ISSUE_ARCHIVED || from >= ISSUE_STATUS_COUNT)
		return 0;
	unsigned m = 1u << ISSUE_ARCHIVED;
	if (from < ISSUE_CLOSED)
		m |= 1u << (from + 1); /* a step forward */
	if (from > ISSUE_FORMULATED)
		m |= 1u << (from - 1); /* a step back, never to signalled */
	return m;
}

const char *const issue_sorts[ISORT_COUNT] = {
	[ISORT_CREATED_DESC] = "-createdAt",
	[ISORT_CREATED] = "createdAt",
	[ISORT_CHANGED_DESC] = "-statusChangedAt",
};

bool issue_sort_parse(const char *name, enum issue_sort *out)
{
	*out = ISORT_CREATED_DESC;
	if (!name)
		return true;
	for (int i = 0; i < ISORT_COUNT; i++)
		if (strcmp(issue_sorts[i], name) == 0) {
			*out = (enum issue_sort)i;
			return true;
		}
	return false;
}

#define ISSUE_COLS \
	"i.id, i.title, i.summary, i.description, i.area_code, ar.name, i.owner_party_id," \
	" CASE WHEN p.visibility = 'public' THEN p.name END," \
	" i.status, i.supporters, i.created_by, i.created_at, i.updated_at, i.status_changed_at," \
	" (SELECT group_concat(target_group, char(31)) FROM issue_target_groups g WHERE g.issue_id = i.id)"
/* The viewer ?2 (NULL when anonymous) and the issue, after ISSUE_COLS: the
 * place in the owner party, whether they coordinate its area (or one
 * around it), are a member of a party in its ledger, support it, follow
 * it. One statement, so that a page loads the issue once. */
#define VIEWER_COLS \
	", (SELECT role FROM memberships WHERE party_id = i.owner_party_id AND user_id = ?2)," \
	" EXISTS (SELECT 1 FROM coordinator_areas ca JOIN areas c ON c.code = ca.area_code" \
	"   WHERE ca.user_id = ?2 AND ar.path LIKE c.path || '%')," \
	" EXISTS (SELECT 1 FROM issue_roles ir JOIN memberships m ON m.party_id = ir.party_id" \
	"   WHERE ir.issue_id = i.id AND m.user_id = ?2)," \
	" EXISTS (SELECT 1 FROM supports WHERE issue_id = i.id AND user_id = ?2)," \
	" EXISTS (SELECT 1 FROM follows WHERE issue_id = i.id AND user_id = ?2)"
enum { VIEWER_COL = 15, TIMELINE_COL = 20 };
#define ISSUE_FROM \
	"issues i JOIN areas ar ON ar.code = i.area_code LEFT JOIN parties p ON p.id = i.owner_party_id"

static int by_text(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The target groups in the order a read gives them. */
static void sort_groups(struct issue *is)
{
	qsort(is->target_groups.v, is->target_groups.n, sizeof *is->target_groups.v, by_text);
}

static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct issue *out = row;
	memset(out, 0, sizeof *out);
	snprintf(out->id, sizeof out->id, "%s", store_text(st, 0));
	out->title = arena_strdup(a, store_text(st, 1));
	out->summary = arena_strdup(a, store_text(st, 2));
	out->description = arena_strdup(a, store_text(st, 3));
	out->area = arena_strdup(a, store_text(st, 4));
	out->area_name = arena_strdup(a, store_text(st, 5));
	out->owner_party = rows_opt(st, a, 6);
	out->owner_name = rows_opt(st, a, 7);
	out->status = arena_strdup(a, store_text(st, 8));
	out->supporters = store_int(st, 9);
	out->created_by = rows_opt(st, a, 10);
	out->created_at = arena_strdup(a, store_text(st, 11));
	out->updated_at = arena_strdup(a, store_text(st, 12));
	out->status_changed_at = arena_strdup(a, store_text(st, 13));
	/* the target groups, sorted here: group_concat promises no order */
	rows_list(st, a, 14, ISSUE_GROUPS_MAX, &out->target_groups);
	sort_groups(out);
}

/* The viewer's relation, from the VIEWER_COLS of a row. */
static void read_viewer(struct store_stmt *st, const struct viewer *v, struct issue *out)
{
	if (!v || !v->authenticated)
		return;
	int m = store_is_null(st, VIEWER_COL) ? -1
		: enum_find(member_roles, MEMBER_ROLE_COUNT, store_text(st, VIEWER_COL));
	out->member = m > 0 ? (enum member_role)m : MEMBER_NONE;
	out->coordinated = store_int(st, VIEWER_COL + 1) != 0;
	out->taking_part = out->member != MEMBER_NONE || store_int(st, VIEWER_COL + 2) != 0;
	out->supported = store_int(st, VIEWER_COL + 3) != 0;
	out->following = store_int(st, VIEWER_COL + 4) != 0;
}

/* The viewer's relation to an issue with this owner and area: their place
 * in the owner party, and whether they coordinate the area (or one around
 * it). */
static int relation(struct store_conn *c, const struct viewer *v, const char *owner,
		    const char *area, struct perm_target *t)
{
	memset(t, 0, sizeof *t);
	t->is_public = true;
	if (!v || !v->authenticated || !v->user_id[0])
		return 0;
	struct store_stmt *st = rows_prepare(c,
		"SELECT (SELECT role FROM memberships WHERE party_id = ?1 AND user_id = ?2),"
		" EXISTS (SELECT 1 FROM coordinator_areas ca JOIN areas c ON c.code = ca.area_code"
		"  JOIN areas a ON a.code = ?3 WHERE ca.user_id = ?2 AND a.path LIKE c.path || '%')", 3,
		owner, v->user_id, area);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		int m = store_is_null(st, 0) ? -1 : enum_find(member_roles, MEMBER_ROLE_COUNT, store_text(st, 0));
		t->member = m > 0 ? (enum member_role)m : MEMBER_NONE;
		t->coordinated = store_int(st, 1) != 0;
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

bool issue_can(const struct viewer *v, const struct issue *is, enum perm_object obj,
	       enum perm_action act)
{
	struct perm_target t = { NULL, true, is->member, is->coordinated };
	return perm_can(v, obj, act, &t);
}

static void read_transition(struct store_stmt *st, struct arena *a, int col, struct issue_transition *t)
{
	snprintf(t->id, sizeof t->id, "%s", store_text(st, col));
	t->from = rows_opt(st, a, col + 1);
	t->to = arena_strdup(a, store_text(st, col + 2));
	t->reason = arena_strdup(a, store_text(st, col + 3));
	t->actor_id = rows_opt(st, a, col + 4);
	t->actor_name = rows_opt(st, a, col + 5);
	t->at = arena_strdup(a, store_text(st, col + 6));
}

int issue_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
	      struct issue *out)
{
	return issue_get_timeline(s, a, v, id, out, NULL, NULL);
}

int issue_get_timeline(struct store *s, struct arena *a, const struct viewer *v, const char *id,
		       struct issue *out, struct issue_transition **items, size_t *n)
{
	if (items) {
		*items = NULL;
		*n = 0;
	}
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	/* with its timeline, the issue's columns come again on every row of it */
	struct store_stmt *st = rows_prepare(store_reader(s), items
		? "SELECT " ISSUE_COLS VIEWER_COLS ", t.id, t.from_status, t.to_status, t.reason, t.actor_id, u.name, t.at"
		  " FROM " ISSUE_FROM " LEFT JOIN issue_transitions t ON t.issue_id = i.id"
		  " LEFT JOIN users u ON u.id = t.actor_id WHERE i.id = ?1 ORDER BY t.seq LIMIT ?3"
		: "SELECT " ISSUE_COLS VIEWER_COLS " FROM " ISSUE_FROM " WHERE i.id = ?1", 2,
		id, v && v->authenticated && v->user_id[0] ? v->user_id : NULL);
	if (!st)
		return ERR_DB;
	if (items)
		store_bind_int(st, 3, ISSUE_TIMELINE_MAX);
	struct issue_transition *list = items ? arena_alloc(a, sizeof *list * ISSUE_TIMELINE_MAX) : NULL;
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
		read_transition(st, a, TIMELINE_COL, &list[count++]);
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

int issue_exists(struct store_conn *c, const char *id)
{
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(c, "SELECT 1 FROM issues WHERE id = ?1", 1, id);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	store_reset(st);
	return rc == STORE_ROW ? 0 : rc == STORE_DONE ? ERR_NOTFOUND : rc;
}

/* Whether the area (what = "area") or the party with this key exists, and
 * its name as an issue shows it. */
static int exists(struct store_conn *c, struct arena *a, const char *what, const char *key, bool *out,
		  const char **name);

/* Cleans the fields of in and lists every problem: what the descriptors
 * say, and what they cannot (that the area and the owner party exist, with
 * the names an issue shows beside them). */
static int validate(struct store_conn *c, struct arena *a, struct issue *in, struct problems *p)
{
	fields_validate(issue_fields, issue_nfields, in, c, a, p);
	int rc;
	bool found;
	if (in->area && !problems_find(p, "area")) {
		if ((rc = exists(c, a, "area", in->area, &found, &in->area_name)))
			return rc;
		if (!found)
			problems_add(p, "area", R_UNKNOWN_AREA, 0);
	}
	if (in->owner_party && !problems_find(p, "ownerParty")) {
		if ((rc = exists(c, a, "party", in->owner_party, &found, &in->owner_name)))
			return rc;
		if (!found)
			problems_add(p, "ownerParty", R_NOT_ONE_OF, 0);
	}
	return 0;
}

static int exists(struct store_conn *c, struct arena *a, const char *what, const char *key, bool *out,
		  const char **name)
{
	struct store_stmt *st = rows_prepare(c, strcmp(what, "area") == 0
		? "SELECT name FROM areas WHERE code = ?1"
		: "SELECT CASE WHEN visibility = 'public' THEN name END FROM parties WHERE id = ?1", 1, key);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	*out = rc == STORE_ROW;
	*name = *out ? rows_opt(st, a, 0) : NULL;
	store_reset(st);
	return rc < 0 ? rc : 0;
}

/* Writes the target groups, after the issue's row, and its search entry
 * when index (a new issue, or one whose words changed: issue_update took
 * the old entry out before it changed the row, which the index reads them
 * from). */
static int write_children(struct store_conn *c, const char *id, const struct issue *in, bool index)
{
	int rc = rows_run(c, "DELETE FROM issue_target_groups WHERE issue_id = ?1", 1, id);
	for (size_t i = 0; !rc && i < in->target_groups.n; i++)
		rc = rows_run(c, "INSERT INTO issue_target_groups (issue_id, target_group) VALUES (?1, ?2)", 2, id,
			      in->target_groups.v[i]);
	if (rc || !index)
		return rc;
	return rows_run(c,
		"INSERT INTO issue_search (rowid, title, summary, description)"
		" VALUES ((SELECT seq FROM issues WHERE id = ?1), ?2, ?3, ?4)", 4,
		id, in->title, in->summary, in->description);
}

static int add_transition(struct store_conn *c, const struct viewer *v, const char *issue_id,
			  const char *from, const char *to, const char *reason, const char *at,
			  char tid[UUID_STRLEN + 1])
{
	uuid7_new(tid);
	return rows_run(c,
		"INSERT INTO issue_transitions (id, issue_id, from_status, to_status, reason, actor_id, at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", 7,
		tid, issue_id, from, to, reason, v && v->authenticated && v->user_id[0] ? v->user_id : NULL, at);
}

int issue_create_on(struct store_conn *c, struct arena *a, const struct viewer *v, struct issue *is,
		    struct problems *p)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	int rc = validate(c, a, is, p);
	if (rc)
		return rc;
	if (p->n)
		return ERR_INVALID;
	struct perm_target t;
	if ((rc = relation(c, v, is->owner_party, is->area, &t)))
		return rc;
	if ((rc = perm_check(v, OBJ_ISSUE, ACT_CREATE, &t)))
		return rc;

	uuid7_new(is->id);
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	struct store_stmt *st = rows_prepare(c,
		"INSERT INTO issues (id, title, summary, description, area_code, owner_party_id, status,"
		" created_by, created_at, updated_at, status_changed_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?9)", 9,
		is->id, is->title, is->summary, is->description, is->area, is->owner_party, is->status, v->user_id[0] ? v->user_id : NULL, now);
	if (!st)
		return ERR_DB;
	if ((rc = store_run(st)))
		return rc;
	if ((rc = write_children(c, is->id, is, true)))
		return rc;
	char tid[UUID_STRLEN + 1];
	if ((rc = add_transition(c, v, is->id, NULL, is->status, "", now, tid)))
		return rc;
	if ((rc = activity_add(c, v, "create", "issue", is->id, "")))
		return rc;
	sort_groups(is);
	is->supporters = 0;
	is->created_by = v->user_id[0] ? arena_strdup(a, v->user_id) : NULL;
	is->created_at = is->updated_at = is->status_changed_at = now;
	is->member = t.member;
	is->coordinated = t.coordinated;
	is->taking_part = t.member != MEMBER_NONE;
	return 0;
}

int issue_create(struct store *s, struct arena *a, const struct viewer *v, struct issue *is,
		 struct problems *p)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = issue_create_on(c, a, v, is, p);
	return rows_commit(s, rc);
}

static bool same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

int issue_update(struct store *s, struct arena *a, const struct viewer *v, struct issue *is,
		 struct issue *in, struct problems *p)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	if (!issue_can(v, is, OBJ_ISSUE, ACT_UPDATE))
		return ERR_FORBIDDEN;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	in->status = NULL; /* moves change it, not this */
	int rc = validate(c, a, in, p);
	in->status = is->status;
	if (!rc && p->n)
		rc = ERR_INVALID;
	/* handing the issue to another party, or to another area, needs the
	 * same right there */
	struct perm_target t = { NULL, true, is->member, is->coordinated };
	if (!rc && (!same(in->owner_party, is->owner_party) || !same(in->area, is->area))) {
		if (!(rc = relation(c, v, in->owner_party, in->area, &t)))
			rc = perm_check(v, OBJ_ISSUE, ACT_UPDATE, &t);
	}
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	/* its search entry goes, and comes back after the row, only when its
	 * words change, as the row has them now (the index reads them from it) */
	if (!rc)
		rc = rows_run(c, "DELETE FROM issue_search WHERE rowid = (SELECT seq FROM issues WHERE id = ?1"
				 " AND (title IS NOT ?2 OR summary IS NOT ?3 OR description IS NOT ?4))", 4,
			      is->id, in->title, in->summary, in->description);
	bool reindex = !rc && store_changes(c) > 0;
	if (!rc)
		rc = rows_change(c,
			"UPDATE issues SET title = ?2, summary = ?3, description = ?4, area_code = ?5,"
			" owner_party_id = ?6, updated_at = ?7 WHERE id = ?1", 7,
			is->id, in->title, in->summary, in->description, in->area, in->owner_party, now);
	if (!rc)
		rc = write_children(c, is->id, in, reindex);
	if (!rc)
		rc = activity_add(c, v, "update", "issue", is->id,
				  fields_changed(issue_fields, issue_nfields, is, in, a));
	if ((rc = rows_commit(s, rc)))
		return rc;
	/* the viewer's relation to it is as it was, or as checked above for
	 * a new owner or area (a party in its ledger may have lost them) */
	sort_groups(in);
	in->updated_at = now;
	in->member = t.member;
	in->coordinated = t.coordinated;
	in->taking_part = is->taking_part || t.member != MEMBER_NONE;
	*is = *in;
	return 0;
}

int issue_move(struct store *s, struct arena *a, const struct viewer *v, const char *id,
	       const char *to, const char *reason, struct issue_transition *out,
	       struct problems *p, unsigned *allowed)
{
	memset(out, 0, sizeof *out);
	*allowed = 0;
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct issue old;
	int rc = issue_get(s, a, v, id, &old);
	if (rc)
		return rc;
	if (!issue_can(v, &old, OBJ_ISSUE_STATUS, ACT_CREATE))
		return ERR_FORBIDDEN;
	out->to = to;
	out->reason = reason;
	fields_validate(issue_transition_fields, issue_transition_nfields, out, NULL, a, p);
	if (p->n)
		return ERR_INVALID;
	to = out->to;
	int target = enum_find(issue_statuses, ISSUE_STATUS_COUNT, to);

	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	/* the status as it is now, under the writer, so that two moves at once
	 * cannot both start from the same status */
	struct store_stmt *st = store_prepare(c, "SELECT status FROM issues WHERE id = ?1");
	const char *from = NULL;
	if (!st) {
		rc = ERR_DB;
	} else {
		store_bind_str(st, 1, old.id);
		rc = store_step(st);
		if (rc == STORE_ROW)
			from = arena_strdup(a, store_text(st, 0)), rc = 0;
		else if (rc == STORE_DONE)
			rc = ERR_NOTFOUND;
		store_reset(st);
	}
	if (!rc) {
		int f = enum_find(issue_statuses, ISSUE_STATUS_COUNT, from);
		*allowed = f < 0 ? 0 : issue_moves((enum issue_status)f);
		if (!(*allowed & (1u << target)))
			rc = ERR_CONFLICT;
	}
	char now[TIME_STRLEN + 1];
	time_now(now);
	if (!rc)
		rc = rows_run(c, "UPDATE issues SET status = ?2, status_changed_at = ?3 WHERE id = ?1", 3,
			old.id, to, now);
	if (!rc)
		rc = add_transition(c, v, old.id, from, to, out->reason, now, out->id);
	if (!rc)
		rc = activity_add_about(c, v, "move", "issue", old.id, "status", NULL, to);
	if (!rc)
		rc = notify_followers(c, v, old.id, "status", out->id);
	int crc = store_write_end(s, rc == 0);
	if (!rc && !crc) {
		out->from = from;
		out->actor_id = v->user_id[0] ? arena_strdup(a, v->user_id) : NULL;
		out->actor_name = v->name[0] ? arena_strdup(a, v->name) : NULL;
		out->at = arena_strdup(a, now);
	}
	return rc ? rc : crc;
}

int issue_transitions(struct store *s, struct arena *a, const char *id, const char *cursor,
		      int limit, struct problems *p, struct issue_transition **items, size_t *n,
		      const char **next)
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
	int rc = issue_exists(c, id);
	if (rc)
		return rc;
	struct store_stmt *st = rows_prepare(c,
		"SELECT t.id, t.from_status, t.to_status, t.reason, t.actor_id, u.name, t.at, t.seq"
		" FROM issue_transitions t LEFT JOIN users u ON u.id = t.actor_id"
		" WHERE t.issue_id = ?1 AND t.seq > ?2 ORDER BY t.seq LIMIT ?3", 1, id);
	if (!st)
		return ERR_DB;
	store_bind_int(st, 2, after);
	store_bind_int(st, 3, limit + 1);
	struct issue_transition *list = arena_alloc(a, sizeof *list * (size_t)(limit + 1));
	long long *seqs = arena_alloc(a, sizeof *seqs * (size_t)(limit + 1));
	size_t count = 0;
	while ((rc = store_step(st)) == STORE_ROW) {
		read_transition(st, a, 0, &list[count]);
		seqs[count++] = store_int(st, 7);
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

/* ?1 status, ?2..?3 the area's range of paths, ?4 owner, ?5 target group,
 * ?6 the search, ?7 ?8 the cursor's value and id, ?9 the limit. */
#define LIST_WHERE \
	" WHERE (?1 IS NULL OR i.status = ?1)" \
	" AND (?2 IS NULL OR (ar.path >= ?2 AND ar.path < ?3))" \
	" AND (?4 IS NULL OR i.owner_party_id = ?4)" \
	" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM issue_target_groups g" \
	"      WHERE g.issue_id = i.id AND g.target_group = ?5))" \
	" AND (?6 IS NULL OR i.seq IN (SELECT rowid FROM issue_search WHERE issue_search MATCH ?6))"
#define LIST_SQL(keyset, order) \
	"SELECT " ISSUE_COLS " FROM " ISSUE_FROM LIST_WHERE " AND " keyset " ORDER BY " order " LIMIT ?9"

static const char *const list_sql[ISORT_COUNT] = {
	[ISORT_CREATED_DESC] = LIST_SQL("(i.created_at, i.id) < (?7, ?8)", "i.created_at DESC, i.id DESC"),
	[ISORT_CREATED] = LIST_SQL("(i.created_at, i.id) > (?7, ?8)", "i.created_at, i.id"),
	[ISORT_CHANGED_DESC] = LIST_SQL("(i.status_changed_at, i.id) < (?7, ?8)",
					"i.status_changed_at DESC, i.id DESC"),
};

/* Sorts past every real value, for the first page of a descending list. */
static const char past_all[] = "\xf4\x8f\xbf\xbf\xf4\x8f\xbf\xbf";

int issue_list(struct store *s, struct arena *a, const struct viewer *v,
	       const struct issue_filter *f, struct problems *p, struct issue **items, size_t *n,
	       const char **next)
{
	(void)v; /* issues are public */
	*items = NULL;
	*n = 0;
	*next = NULL;
	const char *after_value = "", *after_id = "";
	const char *lo = NULL, *hi = NULL, *group = NULL;
	char fts[512];
	bool search = false;
	int limit = valid_page(p, f->limit, NULL, NULL);
	if (f->status && enum_find(issue_statuses, ISSUE_STATUS_COUNT, f->status) < 0)
		problems_add(p, "status", R_NOT_ONE_OF, 0);
	if (f->area && !area_range(s, a, f->area, &lo, &hi, NULL))
		problems_add(p, "area", R_UNKNOWN_AREA, 0);
	if (f->owner_party && !uuid_valid(f->owner_party, strlen(f->owner_party)))
		problems_add(p, "ownerParty", R_BAD_FORMAT, 0);
	if (f->target_group && valid_text(p, "targetGroup", f->target_group, false, ISSUE_GROUP_MAX, false)) {
		/* as the labels are kept: trimmed, in lower case */
		char *g = text_trim(a, f->target_group, strlen(f->target_group));
		for (char *c = g; *c; c++)
			if (*c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
		group = *g ? g : NULL;
	}
	if (f->q && valid_text(p, "q", f->q, false, 200, false))
		search = store_fts_query(f->q, fts, sizeof fts);
	if (f->sort != ISORT_CREATED)
		after_value = after_id = past_all;
	if (f->cursor && !cursor_decode(a, f->cursor, 1200, &after_value, &after_id))
		problems_add(p, "cursor", R_BAD_FORMAT, 0);
	if (p->n)
		return ERR_INVALID;

	struct store_conn *c = store_reader(s);
	struct store_stmt *st = rows_prepare(c, list_sql[f->sort], 8,
			f->status, lo, hi, f->owner_party, group, search ? fts : NULL, after_value, after_id);
	if (!st)
		return ERR_DB;
	struct issue *list = arena_alloc(a, sizeof *list * (size_t)(limit + 1));
	int rc = rows_page(st, 9, a, read_row, list, sizeof *list, limit, n);
	if (rc < 0)
		return rc;
	*items = list;
	if (rc) {
		const struct issue *last = &list[*n - 1];
		*next = cursor_encode(a, f->sort == ISORT_CHANGED_DESC ? last->status_changed_at : last->created_at,
				      last->id);
	}
	return 0;
}

int issue_list_by_owner(struct store *s, struct arena *a, const char *party_id, size_t max,
			struct issue **items, size_t *n)
{
	*items = NULL;
	*n = 0;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " ISSUE_COLS " FROM " ISSUE_FROM " WHERE i.owner_party_id = ?1"
		" ORDER BY i.created_at DESC, i.id DESC LIMIT ?2", 1, party_id);
	if (!st)
		return ERR_DB;
	store_bind_int(st, 2, (int64_t)max);
	*items = arena_alloc(a, sizeof **items * (max + 1));
	return rows_read(st, a, read_row, *items, sizeof **items, max + 1, n);
}

static void read_owner(struct store_stmt *st, struct arena *a, void *row)
{
	struct issue_owner *o = row;
	o->id = arena_strdup(a, store_text(st, 0));
	o->name = arena_strdup(a, store_text(st, 1));
}

int issue_owners(struct store *s, struct arena *a, size_t max, struct issue_owner **items, size_t *n,
		 bool *more)
{
	*items = NULL;
	*n = 0;
	*more = false;
	struct store_stmt *st = store_prepare(store_reader(s),
		"SELECT p.id, p.name FROM parties p WHERE p.visibility = 'public'"
		" AND p.id IN (SELECT owner_party_id FROM issues)"
		" ORDER BY p.sort_name, p.id LIMIT ?1");
	if (!st)
		return ERR_DB;
	store_bind_int(st, 1, (int64_t)max + 1);
	*items = arena_alloc(a, sizeof **items * (max + 1));
	int rc = rows_read(st, a, read_owner, *items, sizeof **items, max + 1, n);
	*more = *n > max;
	if (*more)
		*n = max;
	return rc;
}

/* The statuses a new issue may start in, with the form's hint for each. */
static const struct enum_entry issue_starts[] = {
	{ "formulated", { "Geformuleerd", "Formulated" } },
	{ "signalled", { "Gesignaleerd", "Signalled" } },
};
static const char *const issue_start_hint[][LANG_COUNT] = {
	{ "Je schrijft het vraagstuk nu op.", "You write the issue down now." },
	{ "Het komt uit signalen en moet nog verder worden uitgewerkt.",
	  "It comes from signals and still needs to be worked out." },
};

#define AT(member) FIELD_AT(struct issue, member)
#define TIME_EXAMPLE "\"2026-11-27T06:05:33Z\""
/* The fields of an issue, for the API, the forms and the log. */
const struct field_desc issue_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, AT(id), .label = { "Nummer", "Number" },
	  .doc = "The identifier (id), a UUID version 7.", .example = "\"01a21b9b-ef12-7389-b34f-05f66f35eaac\"" },
	{ .name = "title", .kind = FK_TEXT, .flags = F_REQUIRED, AT(title), .min = 1, .max = ISSUE_TITLE_MAX,
	  .label = { "Titel", "Title" },
	  .hint = { "Kort en duidelijk, zoals: Eenzaamheid onder ouderen in Overvecht.",
		    "Short and clear, like: Loneliness among older people in Overvecht." },
	  .doc = "The title (titel).", .example = "\"Eenzaamheid onder ouderen in Overvecht\"" },
	{ .name = "summary", .kind = FK_MARKDOWN, .flags = F_REQUIRED, AT(summary), .min = 1,
	  .max = ISSUE_SUMMARY_MAX, .label = { "Samenvatting", "Summary" },
	  .hint = { "Wat is het probleem, in een paar zinnen? Hoogstens 500 tekens.",
		    "What is the problem, in a few sentences? At most 500 characters." },
	  .doc = "A short summary (samenvatting).", .example = "\"Steeds meer ouderen zitten dagenlang alleen thuis.\"" },
	{ .name = "description", .kind = FK_MARKDOWN, AT(description), .max = ISSUE_DESCRIPTION_MAX,
	  .label = { "Beschrijving", "Description" },
	  .hint = { "Meer uitleg: wat zie je, bij wie, en sinds wanneer? Je kunt Markdown gebruiken, zoals **vet** en"
		    " lijstjes.",
		    "More explanation: what do you see, with whom, and since when? You can use Markdown, like **bold**"
		    " and lists." },
	  .doc = "The description (beschrijving), in Markdown; empty when not given.",
	  .example = "\"Het buurtteam ziet bij huisbezoeken dat veel ouderen **weinig contact** hebben.\"" },
	{ .name = "area", .kind = FK_AREA, .flags = F_REQUIRED | F_MODEL_CHECKS, AT(area), .max = 16,
	  .label = { "Gebied", "Area" }, .hint = { "Waar speelt het vraagstuk?", "Where does the issue play?" },
	  .doc = "The code of the area (gebied) the issue is about.", .example = "\"WK034403\"" },
	{ .name = "ownerParty", .kind = FK_REF, .flags = F_REQUIRED | F_NULLABLE, AT(owner_party), .ref = "party",
	  .label = { "Eigenaar", "Owner" },
	  .hint = { "De partij die het vraagstuk trekt. Je kiest uit de partijen waar je lid van bent.",
		    "The party that leads the issue. You choose from the parties you are a member of." },
	  .doc = "The id of the owner party (eigenaar), or null when that party was removed. To set it, the caller"
		 " must be a member of the party, a coordinator of the area or a platform administrator.",
	  .example = "\"01a21b9b-eab2-7153-a00d-9c466e28560b\"" },
	{ .name = "ownerPartyName", .kind = FK_TEXT, .flags = F_READ_ONLY | F_NULLABLE, AT(owner_name),
	  .max = PARTY_NAME_MAX, .label = { "Naam van de eigenaar", "Name of the owner" },
	  .doc = "The name of the owner party (naam van de eigenaar), or null when it was removed or is not public"
		 " (a private party is known only to those who may see it).",
	  .example = "\"Buurtteam Overvecht\"" },
	{ .name = "targetGroups", .kind = FK_LABEL, .flags = F_LIST, AT(target_groups), .max = ISSUE_GROUP_MAX,
	  .max_items = ISSUE_GROUPS_MAX, .label = { "Doelgroepen", "Target groups" },
	  .hint = { "Voor wie is dit een probleem? Scheid met komma's, zoals: jongeren, mantelzorgers. Hoogstens 10.",
		    "For whom is this a problem? Separate with commas, like: young people, carers. At most 10." },
	  .doc = "Target groups (doelgroepen): short free-text labels in lower case.",
	  .example = "[\"eenzame ouderen\", \"ouderen\"]" },
	/* given only at creation, and then only as one of the statuses to
	 * start in; moves change it (issue_move) */
	{ .name = "status", .kind = FK_ENUM, .flags = F_CREATE_ONLY, AT(status), .keys = issue_starts, .nkeys = 2,
	  .def = "formulated", .key_hints = issue_start_hint, .schema = "IssueStatus", .label = { "Status", "Status" },
	  .doc = "The status (status); a new issue starts formulated (geformuleerd) by a party, or signalled"
		 " (gesignaleerd) when made from signals." },
	{ .name = "supporters", .kind = FK_INT, .flags = F_READ_ONLY, AT(supporters), .min = 0, .max = 2147483647,
	  .label = { "Steunbetuigingen", "Supporters" }, .doc = "How many people support the issue (steunbetuigingen).",
	  .example = "12" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(created_at),
	  .label = { "Aangemaakt op", "Created" }, .doc = "When it was made (aangemaakt op).", .example = TIME_EXAMPLE },
	{ .name = "updatedAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(updated_at), .label = { "Bijgewerkt", "Updated" },
	  .doc = "When its fields last changed (gewijzigd op).", .example = TIME_EXAMPLE },
	{ .name = "statusChangedAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(status_changed_at),
	  .label = { "Status veranderd op", "Status changed" },
	  .doc = "When its status last moved (status gewijzigd op).", .example = TIME_EXAMPLE },
};
const size_t issue_nfields = sizeof issue_fields / sizeof issue_fields[0];
#undef AT

#define AT(member) FIELD_AT(struct issue_transition, member)
/* The fields of a move on an issue's timeline. */
const struct field_desc issue_transition_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, AT(id), .label = { "Nummer", "Number" },
	  .doc = "The identifier (id).", .example = "\"01a21b9b-efc2-7249-90e9-80ecf9ebc9c2\"" },
	{ .name = "from", .kind = FK_ENUM, .flags = F_READ_ONLY | F_NULLABLE, AT(from), .keys = issue_statuses,
	  .nkeys = ISSUE_STATUS_COUNT, .label = { "Vorige status", "Previous status" },
	  .doc = "The status before (vorige status); null for the first entry.", .example = "\"formulated\"" },
	{ .name = "status", .kind = FK_ENUM, .flags = F_REQUIRED, AT(to), .keys = issue_statuses,
	  .nkeys = ISSUE_STATUS_COUNT, .schema = "IssueStatus", .label = { "Nieuwe status", "New status" },
	  .doc = "The status after the move (nieuwe status).", .example = "\"on_agenda\"",
	  .hint = { "Je kunt een stap verder, een stap terug, of het vraagstuk archiveren.",
		    "You can go a step further, a step back, or archive the issue." } },
	{ .name = "reason", .kind = FK_MARKDOWN, .flags = F_REQUIRED, AT(reason), .min = 1, .max = ISSUE_REASON_MAX,
	  .label = { "Reden", "Reason" },
	  .hint = { "Waarom verandert de status? Iedereen kan de reden lezen op de tijdlijn.",
		    "Why does the status change? Everyone can read the reason on the timeline." },
	  .doc = "Why (reden); empty in the first entry of a timeline.",
	  .example = "\"Besproken in het wijkoverleg.\"" },
	{ .name = "actorName", .kind = FK_TEXT, .flags = F_READ_ONLY | F_NULLABLE, AT(actor_name), .max = 200,
	  .label = { "Door", "By" },
	  .doc = "The name of who made the move (door), or null for the system or an account that was removed.",
	  .example = "\"Fatima el Amrani\"" },
	{ .name = "at", .kind = FK_TIME, .flags = F_READ_ONLY, AT(at), .label = { "Wanneer", "When" },
	  .doc = "When (wanneer).", .example = "\"2026-11-27T06:05:34Z\"" },
};
const size_t issue_transition_nfields = sizeof issue_transition_fields / sizeof issue_transition_fields[0];
#undef AT

static const struct export_part issue_exports[] = {
	{ "issuesCreated", "SELECT id, title, created_at FROM issues WHERE created_by = ?1 ORDER BY created_at, id",
	  (const char *const[]){ "id", "title", "createdAt" }, 3, NULL, false },
	{ "issueStatusChanges",
	  "SELECT t.id, t.issue_id, i.title, t.from_status, t.to_status, t.reason, t.at"
	  " FROM issue_transitions t JOIN issues i ON i.id = t.issue_id WHERE t.actor_id = ?1 ORDER BY t.seq",
	  (const char *const[]){ "id", "issueId", "issueTitle", "from", "status", "reason", "at" }, 7, NULL, false },
};
const struct entity_type issue_type = {
	.key = "issue", .table = "issues", .perm = OBJ_ISSUE, .noun = { "Vraagstuk", "Social issue" },
	.page = "/vraagstukken/", .api = "/api/v1/issues/",
	.name_sql = "SELECT title FROM issues WHERE id = ?1",
	.scope_sql = "SELECT id FROM issues WHERE area_code IN (" AREAS_COORDINATED_BY("?1") ")",
	.exports = issue_exports, .nexports = 2,
	.privacy_note = "Issues and their status moves are contributions to a public matter: they stay"
			" when their maker is erased, made by an erased account.",
	.registers = { "issues" },
	.fields = issue_fields, .nfields = sizeof issue_fields / sizeof issue_fields[0], .schema = "Issue",
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const issues_types[] = { &issue_type, NULL };
