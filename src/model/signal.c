#include "signal.h"

#include <stdio.h>
#include <string.h>

#include "../base/similar.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "cursor.h"
#include "activity.h"
#include "area.h"
#include "notify.h"
#include "party.h"
#include "registry.h"
#include "rows.h"

const struct enum_entry signal_kinds[SIGNAL_KIND_COUNT] = {
	[SIGNAL_OPPORTUNITY] = { "opportunity", { "Kans", "Opportunity" } },
	[SIGNAL_BOTTLENECK] = { "bottleneck", { "Knelpunt", "Bottleneck" } },
	[SIGNAL_GAP] = { "gap", { "Leemte", "Gap" } },
};

const struct enum_entry signal_statuses[SIGNAL_STATUS_COUNT] = {
	[SIGNAL_OPEN] = { "open", { "Open", "Open" } },
	[SIGNAL_ACKNOWLEDGED] = { "acknowledged", { "Opgepakt", "Acknowledged" } },
	[SIGNAL_ADDRESSED] = { "addressed", { "Afgehandeld", "Addressed" } },
	[SIGNAL_DISMISSED] = { "dismissed", { "Afgewezen", "Dismissed" } },
};

const struct enum_entry decision_kinds[DECISION_KIND_COUNT] = {
	[DECISION_EXEMPTION] = { "exemption", { "Ontheffing", "Exemption" } },
	[DECISION_EXPERIMENT] = { "experiment", { "Experiment", "Experiment" } },
	[DECISION_RULE_CHANGED] = { "rule_changed", { "Regel aangepast", "Rule changed" } },
	[DECISION_REFUSED] = { "refused", { "Geweigerd", "Refused" } },
};

/* The allowed moves of a signal's status: from (row) to (column). */
static const bool moves[SIGNAL_STATUS_COUNT][SIGNAL_STATUS_COUNT] = {
	[SIGNAL_OPEN] = { [SIGNAL_ACKNOWLEDGED] = true, [SIGNAL_ADDRESSED] = true, [SIGNAL_DISMISSED] = true },
	[SIGNAL_ACKNOWLEDGED] = { [SIGNAL_OPEN] = true, [SIGNAL_ADDRESSED] = true, [SIGNAL_DISMISSED] = true },
	[SIGNAL_ADDRESSED] = { [SIGNAL_ACKNOWLEDGED] = true },
	[SIGNAL_DISMISSED] = { [SIGNAL_OPEN] = true },
};

const char *signal_moves_from(const char *status)
{
	static const char *const text[SIGNAL_STATUS_COUNT] = {
		[SIGNAL_OPEN] = "acknowledged, addressed, dismissed",
		[SIGNAL_ACKNOWLEDGED] = "open, addressed, dismissed",
		[SIGNAL_ADDRESSED] = "acknowledged",
		[SIGNAL_DISMISSED] = "open",
	};
	int s = enum_find(signal_statuses, SIGNAL_STATUS_COUNT, status);
	return s < 0 ? "" : text[s];
}

#define SIGNAL_COLS \
	"s.id, s.kind, s.title, s.description, s.area_code, ar.name, s.target_group, s.reporter_id," \
	" u.name, s.party_id, p.name, s.regulatory, s.rule, s.routed_party_id, rp.name, s.status," \
	" s.status_reason, s.issue_id, i.title, i.status, s.cluster_id," \
	" (SELECT count(*) FROM signals c WHERE c.cluster_id = s.cluster_id), s.created_at, s.updated_at," \
	" s.resident, s.taken_along"
#define SIGNAL_JOINS \
	" JOIN areas ar ON ar.code = s.area_code LEFT JOIN users u ON u.id = s.reporter_id" \
	" LEFT JOIN parties p ON p.id = s.party_id LEFT JOIN parties rp ON rp.id = s.routed_party_id" \
	" LEFT JOIN issues i ON i.id = s.issue_id"

/* Whether an area path (SQL) lies in the area of path c.path. */
#define IN_AREA(path) "substr(" path ", 1, length(c.path)) = c.path"

/* The parties of user that handle a resident's signal in the area of path
 * (SQL expressions): verified ones that take the role detect_signals and
 * serve that area or one around it; hp is the party, c its area. */
#define HANDLERS(user, path) \
	" FROM memberships m JOIN parties hp ON hp.id = m.party_id AND hp.verified_at IS NOT NULL" \
	" JOIN party_roles pr ON pr.party_id = hp.id AND pr.role_key = 'detect_signals'" \
	" JOIN party_areas pa ON pa.party_id = hp.id JOIN areas c ON c.code = pa.area_code" \
	" WHERE m.user_id = " user " AND " IN_AREA(path)

/* Whether user (SQL) is a member of the party the signal s is reported
 * for, or of the party it is routed to if that is verified: a routing to
 * a party that is not (or no longer) verified grants nothing, and the
 * area's coordinators stand in for it. */
#define PARTY_MEMBER(user) \
	"EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = " user \
	"      AND (m.party_id = s.party_id OR (m.party_id = s.routed_party_id" \
	"       AND EXISTS (SELECT 1 FROM parties rp WHERE rp.id = m.party_id AND rp.verified_at IS NOT NULL))))"

/* Which signals the viewer ?20 sees (?21: a platform admin), as the header
 * says: their own, those reported for their parties or routed to their
 * verified ones, the residents' signals their parties handle, and those in
 * the areas they coordinate (and below). */
#define SEES \
	"(?21 = 1 OR s.reporter_id = ?20" \
	"  OR " PARTY_MEMBER("?20") \
	"  OR (s.resident = 1 AND EXISTS (SELECT 1" HANDLERS("?20", "ar.path") "))" \
	"  OR EXISTS (SELECT 1 FROM coordinator_areas ca JOIN areas c ON c.code = ca.area_code" \
	"      WHERE ca.user_id = ?20 AND " IN_AREA("ar.path") "))"
#define VISIBLE " AND " SEES

/* ?1 kind, ?2..?3 the area's path range, ?4 status, ?5 target group,
 * ?6 regulatory, ?7 party, ?8 reporter (mine), ?10..?11 the cursor, ?12
 * the limit, ?13 the search. */
#define FILTERS \
	" (?1 IS NULL OR s.kind = ?1) AND (?2 IS NULL OR (ar.path >= ?2 AND ar.path < ?3))" \
	" AND (?4 IS NULL OR s.status = ?4) AND (?5 IS NULL OR s.target_group = ?5)" \
	" AND (?6 IS NULL OR s.regulatory = ?6)" \
	" AND (?7 IS NULL OR s.party_id = ?7 OR s.routed_party_id = ?7)" \
	" AND (?8 IS NULL OR s.reporter_id = ?8)" VISIBLE
#define PAGE \
	" AND (s.created_at, s.id) < (?10, ?11) ORDER BY s.created_at DESC, s.id DESC LIMIT ?12"
#define FROM_LIST " FROM signals s" SIGNAL_JOINS " WHERE"
#define FROM_SEARCH " FROM signal_search ss JOIN signals s ON s.seq = ss.rowid" SIGNAL_JOINS \
	" WHERE signal_search MATCH ?13 AND"
/* One row per cluster: the newest of its signals that pass the filters
 * (so a cluster shows while any of its signals does), sorted by it. */
#define CLUSTERED(from) \
	"SELECT * FROM (SELECT " SIGNAL_COLS ", s.created_at AS k_at, s.id AS k_id," \
	" row_number() OVER (PARTITION BY coalesce(s.cluster_id, s.id) ORDER BY s.seq DESC) AS rn" \
	from FILTERS ") WHERE rn = 1 AND (k_at, k_id) < (?10, ?11) ORDER BY k_at DESC, k_id DESC LIMIT ?12"

static const char list_sql[] = "SELECT " SIGNAL_COLS FROM_LIST FILTERS PAGE;
static const char search_sql[] = "SELECT " SIGNAL_COLS FROM_SEARCH FILTERS PAGE;
static const char cluster_list_sql[] = CLUSTERED(FROM_LIST);
static const char cluster_search_sql[] = CLUSTERED(FROM_SEARCH);

static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct signal *o = row;
	memset(o, 0, sizeof *o);
	snprintf(o->id, sizeof o->id, "%s", store_text(st, 0));
	o->kind = arena_strdup(a, store_text(st, 1));
	o->title = arena_strdup(a, store_text(st, 2));
	o->description = arena_strdup(a, store_text(st, 3));
	o->area = arena_strdup(a, store_text(st, 4));
	o->area_name = arena_strdup(a, store_text(st, 5));
	o->target_group = rows_opt(st, a, 6);
	o->reporter_id = rows_opt(st, a, 7);
	o->reporter_name = rows_opt(st, a, 8);
	o->party_id = rows_opt(st, a, 9);
	o->party_name = rows_opt(st, a, 10);
	o->regulatory = store_int(st, 11) != 0;
	o->rule = rows_opt(st, a, 12);
	o->routed_party_id = rows_opt(st, a, 13);
	o->routed_party_name = rows_opt(st, a, 14);
	o->status = arena_strdup(a, store_text(st, 15));
	o->status_reason = rows_opt(st, a, 16);
	o->issue_id = rows_opt(st, a, 17);
	o->issue_title = rows_opt(st, a, 18);
	o->issue_status = rows_opt(st, a, 19);
	o->cluster_id = rows_opt(st, a, 20);
	o->cluster_size = o->cluster_id ? store_int(st, 21) : 1;
	o->created_at = arena_strdup(a, store_text(st, 22));
	o->updated_at = arena_strdup(a, store_text(st, 23));
	o->resident = store_int(st, 24) != 0;
	o->taken_along = store_int(st, 25) != 0;
}

/* The viewer's relation to a signal: a member of a party concerned (the
 * one it was reported for, the verified one it is routed to, or for a
 * resident's signal one that handles it), a coordinator of its area, a
 * member of the party it is routed to. */
struct relation {
	bool member, coordinated, routed_member, routed_verified;
	bool vouched; /* a member of a verified party that handles it */
};

static int relation_of(struct store_conn *c, const struct viewer *v, const char *id,
		       struct relation *r)
{
	memset(r, 0, sizeof *r);
	if (!v || !v->authenticated)
		return 0;
	struct store_stmt *st = rows_prepare(c,
		"SELECT " PARTY_MEMBER("?2")
		"  OR (s.resident = 1 AND EXISTS (SELECT 1" HANDLERS("?2", "ar.path") ")),"
		" EXISTS (SELECT 1 FROM coordinator_areas ca JOIN areas c ON c.code = ca.area_code"
		"      WHERE ca.user_id = ?2 AND " IN_AREA("ar.path") "),"
		" EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = ?2 AND m.party_id = s.routed_party_id),"
		" EXISTS (SELECT 1 FROM parties rp WHERE rp.id = s.routed_party_id AND rp.verified_at IS NOT NULL),"
		" EXISTS (SELECT 1 FROM memberships m JOIN parties vp ON vp.id = m.party_id AND vp.verified_at IS NOT NULL"
		"      WHERE m.user_id = ?2 AND (m.party_id = s.party_id OR m.party_id = s.routed_party_id))"
		"  OR (s.resident = 1 AND EXISTS (SELECT 1" HANDLERS("?2", "ar.path") "))"
		" FROM signals s JOIN areas ar ON ar.code = s.area_code WHERE s.id = ?1", 2, id, v->user_id);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		r->member = store_int(st, 0) != 0;
		r->coordinated = store_int(st, 1) != 0;
		r->routed_verified = store_int(st, 3) != 0;
		r->routed_member = r->routed_verified && store_int(st, 2) != 0;
		r->vouched = store_int(st, 4) != 0;
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

static struct perm_target target_of(const struct signal *sg, const struct relation *r)
{
	return (struct perm_target){ .owner_id = sg->reporter_id,
				     .member = r->member ? MEMBER_MEMBER : MEMBER_NONE,
				     .coordinated = r->coordinated };
}

/* The decision's target: the members of the routed party, if it is
 * verified (an unverified party never decides); when there is no verified
 * government party, the coordinators of the area stand in for it. */
static struct perm_target decision_target(const struct signal *sg, const struct relation *r,
					  const struct viewer *v)
{
	bool stand_in = (!sg->routed_party_id || !r->routed_verified) && r->coordinated &&
			v->role == PROLE_COORDINATOR;
	return (struct perm_target){ .member = r->routed_member || stand_in ? MEMBER_MEMBER : MEMBER_NONE };
}

int signal_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
	       struct signal *out)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	struct store_conn *c = store_reader(s);
	struct store_stmt *st = rows_prepare(c,
		"SELECT " SIGNAL_COLS " FROM signals s" SIGNAL_JOINS " WHERE s.id = ?1", 1, id);
	int rc = rows_one(st, a, read_row, out);
	if (rc)
		return rc;
	struct relation r;
	if ((rc = relation_of(c, v, id, &r)))
		return rc;
	struct perm_target t = target_of(out, &r);
	if (!perm_can(v, OBJ_SIGNAL, ACT_READ, &t))
		return ERR_NOTFOUND;
	out->can_update = perm_can(v, OBJ_SIGNAL, ACT_UPDATE, &t);
	struct perm_target d = decision_target(out, &r, v);
	out->can_decide = perm_can(v, OBJ_DECISION, ACT_CREATE, &d);
	return 0;
}

/* Sorts past every real value, for the first page. */
static const char past_all[] = "\xf4\x8f\xbf\xbf";

static char *lower(struct arena *a, const char *s)
{
	char *t = text_trim(a, s, strlen(s));
	for (char *c = t; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	return t;
}

int signal_list(struct store *s, struct arena *a, const struct viewer *v,
		const struct signal_filter *f, struct problems *p, struct signal **items,
		size_t *n, const char **next)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	int limit = valid_page(p, f->limit, NULL, NULL);
	if (f->kind && enum_find(signal_kinds, SIGNAL_KIND_COUNT, f->kind) < 0)
		problems_add(p, "kind", R_NOT_ONE_OF, 0);
	if (f->status && enum_find(signal_statuses, SIGNAL_STATUS_COUNT, f->status) < 0)
		problems_add(p, "status", R_NOT_ONE_OF, 0);
	const char *lo = NULL, *hi = NULL;
	if (f->area && !area_range(s, a, f->area, &lo, &hi, NULL))
		problems_add(p, "area", R_UNKNOWN_AREA, 0);
	if (f->target_group)
		valid_text(p, "targetGroup", f->target_group, false, SIGNAL_TARGET_GROUP_MAX, false);
	int regulatory = -1;
	if (f->regulatory) {
		if (!strcmp(f->regulatory, "true"))
			regulatory = 1;
		else if (!strcmp(f->regulatory, "false"))
			regulatory = 0;
		else
			problems_add(p, "regulatory", R_NOT_ONE_OF, 0);
	}
	if (f->party && !uuid_valid(f->party, strlen(f->party)))
		problems_add(p, "party", R_BAD_FORMAT, 0);
	char fts[512];
	bool search = false;
	if (f->q && valid_text(p, "q", f->q, false, 200, false))
		search = store_fts_query(f->q, fts, sizeof fts);
	const char *after_value = past_all, *after_id = past_all;
	if (f->cursor && !cursor_decode(a, f->cursor, 1200, &after_value, &after_id))
		problems_add(p, "cursor", R_BAD_FORMAT, 0);
	if (p->n)
		return ERR_INVALID;

	struct store_conn *c = store_reader(s);
	struct store_stmt *st = rows_prepare(c, f->clusters ? (search ? cluster_search_sql : cluster_list_sql)
						      : (search ? search_sql : list_sql), 5,
						f->kind, lo, hi, f->status, f->target_group && *f->target_group ? lower(a, f->target_group) : NULL);
	if (!st)
		return ERR_DB;
	if (regulatory >= 0)
		store_bind_int(st, 6, regulatory);
	store_bind_str(st, 7, f->party);
	store_bind_str(st, 8, f->mine ? v->user_id : NULL);
	store_bind_str(st, 10, after_value);
	store_bind_str(st, 11, after_id);
	if (search)
		store_bind_str(st, 13, fts);
	store_bind_str(st, 20, v->user_id);
	store_bind_int(st, 21, v->role == PROLE_ADMIN);
	struct signal *list = arena_alloc(a, sizeof *list * (size_t)(limit + 1));
	int rc = rows_page(st, 12, a, read_row, list, sizeof *list, limit, n);
	if (rc < 0)
		return rc;
	*items = list;
	*next = rc ? cursor_encode(a, list[*n - 1].created_at, list[*n - 1].id) : NULL;
	return 0;
}

int signal_cluster(struct store *s, struct arena *a, const struct viewer *v,
		   const char *cluster_id, struct signal **items, size_t *n)
{
	*n = 0;
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " SIGNAL_COLS " FROM signals s" SIGNAL_JOINS " WHERE s.cluster_id = ?1" VISIBLE
		" ORDER BY s.seq LIMIT 100", 1, cluster_id);
	if (!st)
		return ERR_DB;
	store_bind_str(st, 20, v->user_id);
	store_bind_int(st, 21, v->role == PROLE_ADMIN);
	*items = arena_alloc(a, sizeof **items * SIGNAL_CLUSTER_MAX);
	return rows_read(st, a, read_row, *items, sizeof **items, SIGNAL_CLUSTER_MAX, n);
}

static const char *clean(struct arena *a, const char *s)
{
	if (!s)
		return NULL;
	char *t = text_trim(a, s, strlen(s));
	return *t ? t : NULL;
}

/* What no descriptor says: the area exists (its path routes the signal),
 * a party or a resident, and the rule of a regulatory signal. */
static void validate(struct store *s, struct arena *a, struct signal *in, struct problems *p,
		     const char **area_path)
{
	if (!in->regulatory)
		in->rule = NULL; /* ignored */
	fields_validate(signal_fields, signal_nfields, in, store_reader(s), a, p);
	if (in->target_group)
		in->target_group = lower(a, in->target_group);
	const char *hi;
	if (in->area && !problems_find(p, "area") && !area_range(s, a, in->area, area_path, &hi, &in->area_name))
		problems_add(p, "area", R_UNKNOWN_AREA, 0);
	if (!problems_find(p, "party") && in->resident && in->party_id)
		problems_add(p, "party", R_NOT_ONE_OF, 0); /* a party, or as a resident */
	else if (!problems_find(p, "party") && !in->party_id && !in->resident)
		problems_add(p, "party", R_CHOOSE, 0);
	if (in->regulatory && !in->rule && !problems_find(p, "rule"))
		problems_add(p, "rule", R_REQUIRED, 0);
}

/* Where a regulatory signal goes: a public, verified government party
 * serving its area, or else the nearest area above it that has one (the
 * deepest area first, then the oldest party). Anyone may make a government
 * party; a verified one is vouched for (model/verification.h). */
#define ROUTE_TO \
	" JOIN party_areas pa ON pa.area_code = c.code JOIN parties p ON p.id = pa.party_id" \
	" WHERE p.kind = 'government' AND p.visibility = 'public' AND p.verified_at IS NOT NULL"
#define ROUTE_ORDER " ORDER BY length(c.path) DESC, p.created_at, p.id LIMIT 1"

/* The party a regulatory signal in the area of this path goes to, and its
 * name; NULLs when there is none (its coordinators decide). */
static int route(struct store_conn *c, struct arena *a, const char *path, const char **party,
		 const char **name)
{
	*party = *name = NULL;
	struct store_stmt *st = rows_prepare(c,
		"SELECT p.id, p.name FROM areas c" ROUTE_TO " AND " IN_AREA("?1") ROUTE_ORDER, 1, path);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		*party = arena_strdup(a, store_text(st, 0));
		*name = arena_strdup(a, store_text(st, 1));
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

/* The cluster a new signal joins: the most similar of the candidates
 * above the threshold. Writes its cluster id (the first signal's) and, if
 * that signal stood alone, its id to make it the first; else NULLs. */
static int find_cluster(struct store_conn *c, struct arena *a, const struct signal *in,
			const char *path, const char **cluster, const char **head_alone)
{
	*cluster = *head_alone = NULL;
	struct store_stmt *st = rows_prepare(c,
		"SELECT s.id, s.cluster_id, s.title || ' ' || s.description FROM signals s"
		" JOIN areas ar ON ar.code = s.area_code"
		" WHERE s.kind = ?1 AND s.status IN ('open', 'acknowledged')"
		"  AND (substr(ar.path, 1, length(?2)) = ?2 OR substr(?2, 1, length(ar.path)) = ar.path)"
		" ORDER BY s.seq DESC LIMIT 500", 2, in->kind, path);
	if (!st)
		return ERR_DB;
	const char *text = arena_printf(a, "%s %s", in->title, in->description);
	double best = SIMILAR_THRESHOLD;
	int rc;
	while ((rc = store_step(st)) == STORE_ROW) {
		double sim = similar_text(text, store_text(st, 2));
		if (sim < best)
			continue;
		best = sim;
		if (store_is_null(st, 1)) {
			*cluster = *head_alone = arena_strdup(a, store_text(st, 0));
		} else {
			*cluster = arena_strdup(a, store_text(st, 1));
			*head_alone = NULL;
		}
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

int signal_create(struct store *s, struct arena *a, const struct viewer *v, struct signal *sg,
		  struct problems *p)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	const char *path = NULL;
	int rc = sg->resident ? perm_check(v, OBJ_RESIDENT_SIGNAL, ACT_CREATE, NULL) : 0;
	if (rc)
		return rc;
	validate(s, a, sg, p, &path);
	/* the party must be one the viewer reports for */
	if (sg->party_id && !problems_find(p, "party")) {
		enum member_role m;
		bool coordinated;
		struct store_stmt *st = rows_prepare(store_reader(s), "SELECT name FROM parties WHERE id = ?1", 1,
				sg->party_id);
		if (!st)
			return ERR_DB;
		sg->party_name = store_step(st) == STORE_ROW ? arena_strdup(a, store_text(st, 0)) : NULL;
		store_reset(st);
		if (!sg->party_name) {
			problems_add(p, "party", R_NOT_ONE_OF, 0);
		} else {
			rc = party_relation(store_reader(s), v, sg->party_id, &m, &coordinated);
			if (rc)
				return rc;
			struct perm_target t = { .member = m, .coordinated = coordinated };
			if ((rc = perm_check(v, OBJ_SIGNAL, ACT_CREATE, &t)))
				return rc;
		}
	}
	if (p->n)
		return ERR_INVALID;
	uuid7_new(sg->id);
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	sg->created_at = sg->updated_at = now;
	sg->status = "open";
	sg->reporter_id = v->user_id[0] ? arena_strdup(a, v->user_id) : NULL; /* NULL: the system */
	sg->reporter_name = v->user_id[0] ? arena_strdup(a, v->name) : NULL;
	sg->cluster_size = 1;

	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	const char *head_alone = NULL;
	rc = sg->regulatory ? route(c, a, path, &sg->routed_party_id, &sg->routed_party_name) : 0;
	if (!rc)
		rc = find_cluster(c, a, sg, path, &sg->cluster_id, &head_alone);
	if (!rc && head_alone) {
		sg->cluster_size = 2;
		rc = rows_run(c, "UPDATE signals SET cluster_id = id WHERE id = ?1", 1, head_alone);
	} else if (!rc && sg->cluster_id) {
		/* it joins a cluster of this many, and itself */
		struct store_stmt *st = rows_prepare(c, "SELECT count(*) + 1 FROM signals WHERE cluster_id = ?1", 1,
				sg->cluster_id);
		if (!st) {
			rc = ERR_DB;
		} else {
			if ((rc = store_step(st)) == STORE_ROW)
				sg->cluster_size = store_int(st, 0);
			store_reset(st);
			rc = rc < 0 ? rc : 0;
		}
	}
	if (!rc) {
		struct store_stmt *st = rows_prepare(c,
			"INSERT INTO signals (id, kind, title, description, area_code, target_group, reporter_id,"
			" party_id, regulatory, rule, routed_party_id, status, cluster_id, created_at, updated_at, resident)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'open', ?12, ?13, ?13, ?14)", 8,
			sg->id, sg->kind, sg->title, sg->description, sg->area, sg->target_group, sg->reporter_id, sg->party_id);
		if (!st) {
			rc = ERR_DB;
		} else {
			store_bind_int(st, 9, sg->regulatory);
			store_bind_str(st, 10, sg->rule);
			store_bind_str(st, 11, sg->routed_party_id);
			store_bind_str(st, 12, sg->cluster_id);
			store_bind_str(st, 13, now);
			store_bind_int(st, 14, sg->resident);
			rc = store_run(st);
		}
	}
	if (!rc) {
		rc = rows_run(c,
			"INSERT INTO signal_search (rowid, title, description, rule)"
			" VALUES ((SELECT seq FROM signals WHERE id = ?1), ?2, ?3, ?4)", 4,
			sg->id, sg->title, sg->description, sg->rule ? sg->rule : "");
	}
	if (!rc)
		rc = activity_add_about(c, v, "create", "signal", sg->id, "", NULL, sg->kind);
	return rows_commit(s, rc);
}

int signal_reroute(struct store_conn *c, const char *party_id, bool leaving)
{
	/* the undecided regulatory signals routed to it or in its areas (and
	 * below), each to where route() sends it now */
	return rows_run(c,
		"UPDATE signals SET routed_party_id = (SELECT p.id FROM areas sa JOIN areas c"
		"   ON substr(sa.path, 1, length(c.path)) = c.path" ROUTE_TO
		"   AND sa.code = signals.area_code AND (?2 IS NULL OR p.id <> ?2)" ROUTE_ORDER ")"
		" WHERE regulatory = 1 AND status IN ('open', 'acknowledged')"
		"  AND NOT EXISTS (SELECT 1 FROM signal_decisions d WHERE d.signal_id = signals.id)"
		"  AND (routed_party_id = ?1 OR area_code IN (SELECT a.code FROM party_areas pa"
		"   JOIN areas c ON c.code = pa.area_code JOIN areas a ON substr(a.path, 1, length(c.path)) = c.path"
		"   WHERE pa.party_id = ?1))", 2, party_id, leaving ? party_id : NULL);
}

/* Sets a signal's status on the writer, with its activity entry. */
static int set_status(struct store_conn *c, const struct viewer *v, const char *id, const char *to,
		      const char *reason, const char *now)
{
	int rc = rows_run(c, "UPDATE signals SET status = ?2, status_reason = ?3, updated_at = ?4 WHERE id = ?1", 4,
			id, to, reason, now);
	if (!rc)
		rc = activity_add_about(c, v, "status", "signal", id, "status", NULL, to);
	return rc;
}

int signal_move(struct store *s, struct arena *a, const struct viewer *v, struct signal *sg,
		const char *to, const char *reason, struct problems *p)
{
	if (!sg->can_update)
		return ERR_FORBIDDEN;
	to = clean(a, to);
	reason = clean(a, reason);
	int t = to ? enum_find(signal_statuses, SIGNAL_STATUS_COUNT, to) : -1;
	if (!to)
		problems_add(p, "status", R_CHOOSE, 0);
	else if (t < 0)
		problems_add(p, "status", R_NOT_ONE_OF, 0);
	if (t == SIGNAL_DISMISSED && !reason)
		problems_add(p, "reason", R_REQUIRED, 0);
	else if (reason)
		valid_text(p, "reason", reason, false, SIGNAL_REASON_MAX, true);
	if (p->n)
		return ERR_INVALID;
	int from = enum_find(signal_statuses, SIGNAL_STATUS_COUNT, sg->status);
	if (from < 0 || !moves[from][t])
		return ERR_CONFLICT;
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = set_status(c, v, sg->id, to, reason, now);
	int crc = store_write_end(s, rc == 0);
	if (!rc && !crc) {
		sg->status = signal_statuses[t].key;
		sg->status_reason = reason;
		sg->updated_at = now;
	}
	return rc ? rc : crc;
}

/* Runs one statement of a cluster change with ?1 and ?2 bound. */
static int run2(struct store_conn *c, const char *sql, const char *a1, const char *a2)
{
	return rows_run(c, sql, 2, a1, a2);
}

/* Takes the signal id out of its cluster (cluster_id; NULL: none), on the
 * writer: a first signal hands the cluster to the next oldest, and a
 * cluster of one left behind is no cluster. */
static int leave_cluster(struct store_conn *c, const char *id, const char *cluster_id)
{
	if (!cluster_id)
		return 0;
	char left[UUID_STRLEN + 1]; /* the cluster it leaves behind, or "" */
	snprintf(left, sizeof left, "%s", cluster_id);
	int rc = 0;
	if (!strcmp(cluster_id, id)) {
		left[0] = 0;
		struct store_stmt *st = rows_prepare(c, "SELECT min(id) FROM signals WHERE cluster_id = ?1 AND id <> ?1", 1,
				id);
		if (!st)
			return ERR_DB;
		if (store_step(st) == STORE_ROW && !store_is_null(st, 0))
			snprintf(left, sizeof left, "%s", store_text(st, 0));
		store_reset(st);
		if (left[0])
			rc = run2(c, "UPDATE signals SET cluster_id = ?2 WHERE cluster_id = ?1 AND id <> ?1", id, left);
	}
	if (!rc)
		rc = run2(c, "UPDATE signals SET cluster_id = NULL WHERE id = ?1 AND ?2 IS NULL", id, NULL);
	if (!rc && left[0])
		rc = run2(c, "UPDATE signals SET cluster_id = NULL WHERE cluster_id = ?1"
			     " AND (SELECT count(*) FROM signals WHERE cluster_id = ?1) = 1 AND ?2 IS NULL", left, NULL);
	return rc;
}

int signal_erase_resident(struct store_conn *c, const char *user_id)
{
	enum { BATCH = 32 };
	for (;;) {
		char ids[BATCH][UUID_STRLEN + 1];
		size_t n = 0;
		struct store_stmt *st = rows_prepare(c,
			"SELECT s.id FROM signals s WHERE s.reporter_id = ?1 AND s.resident = 1 AND s.issue_id IS NULL"
			" AND NOT EXISTS (SELECT 1 FROM signal_decisions d WHERE d.signal_id = s.id)"
			" ORDER BY s.seq LIMIT 32", 1, user_id);
		if (!st)
			return ERR_DB;
		int rc;
		while ((rc = store_step(st)) == STORE_ROW && n < BATCH)
			snprintf(ids[n++], sizeof ids[0], "%s", store_text(st, 0));
		store_reset(st);
		if (rc < 0)
			return rc;
		if (!n)
			return 0;
		rc = 0;
		for (size_t i = 0; !rc && i < n; i++) {
			/* its cluster now (one that went before may have handed it on) */
			char cluster[UUID_STRLEN + 1] = "";
			struct store_stmt *q = store_prepare(c, "SELECT cluster_id FROM signals WHERE id = ?1");
			if (!q)
				return ERR_DB;
			store_bind_str(q, 1, ids[i]);
			if (store_step(q) == STORE_ROW && !store_is_null(q, 0))
				snprintf(cluster, sizeof cluster, "%s", store_text(q, 0));
			store_reset(q);
			rc = leave_cluster(c, ids[i], cluster[0] ? cluster : NULL);
			if (!rc)
				rc = run2(c, "DELETE FROM signal_search WHERE rowid = (SELECT seq FROM signals WHERE id = ?1)"
					     " AND ?2 IS NULL", ids[i], NULL);
			if (!rc)
				rc = run2(c, "DELETE FROM signals WHERE id = ?1 AND ?2 IS NULL", ids[i], NULL);
		}
		if (rc)
			return rc;
	}
}

int signal_set_cluster(struct store *s, struct arena *a, const struct viewer *v, const struct signal *sg,
		       const char *target, struct problems *p)
{
	struct signal tg;
	const char *id = sg->id;
	if (!sg->can_update)
		return ERR_FORBIDDEN;
	target = clean(a, target);
	if (target && (!strcmp(target, id) || signal_get(s, a, v, target, &tg)))
		problems_add(p, "cluster", R_NOT_ONE_OF, 0);
	if (p->n)
		return ERR_INVALID;
	char now[TIME_STRLEN + 1];
	time_now(now);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = leave_cluster(c, id, sg->cluster_id);
	if (!rc)
		rc = run2(c, "UPDATE signals SET updated_at = ?2 WHERE id = ?1", id, now);
	if (!rc && target) {
		/* into the target's cluster, which it starts if it stood alone */
		rc = run2(c, "UPDATE signals SET cluster_id = id WHERE id = ?1 AND cluster_id IS NULL AND ?2 IS NULL",
			  target, NULL);
		if (!rc)
			rc = run2(c, "UPDATE signals SET cluster_id = (SELECT cluster_id FROM signals WHERE id = ?2) WHERE id = ?1",
				  id, target);
	}
	if (!rc)
		rc = activity_add(c, v, "update", "signal", id, "cluster");
	return rows_commit(s, rc);
}

/* The nearest party of the viewer that handles a resident's signal in
 * area, to own the issue it becomes; NULL when there is none (a
 * coordinator or an admin takes it up). */
static int handler_of(struct store_conn *c, struct arena *a, const struct viewer *v, const char *area,
		      const char **party)
{
	*party = NULL;
	struct store_stmt *st = rows_prepare(c,
		"SELECT hp.id" HANDLERS("?1", "(SELECT path FROM areas WHERE code = ?2)")
		" ORDER BY length(c.path) DESC, hp.id LIMIT 1", 2, v->user_id, area);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW)
		*party = arena_strdup(a, store_text(st, 0));
	store_reset(st);
	return rc < 0 ? rc : 0;
}

/* The first n bytes of s at most, cut at a character's start. */
static const char *cut(struct arena *a, const char *s, size_t n)
{
	size_t len = strlen(s);
	if (len <= n)
		return s;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return arena_strndup(a, s, n);
}

/* Whether the viewer takes the signals of id's cluster they do not see
 * along: only who may handle signals in their own right, that is a
 * platform admin, a coordinator of its area, or a member of a verified
 * party that handles it. Anyone may make a party and report a signal that
 * joins a cluster, so a member of such a party (or a reporter) takes only
 * what they see. */
static int takes_whole(struct store_conn *c, const struct viewer *v, const char *id, bool *whole)
{
	struct relation r;
	int rc = relation_of(c, v, id, &r);
	*whole = !rc && (v->role == PROLE_ADMIN || (r.coordinated && v->role == PROLE_COORDINATOR) || r.vouched);
	return rc;
}

/* The signals that go along when ?1 is taken up (with its cluster ?2, or
 * NULL): it and those of the cluster not yet taken up and not dismissed,
 * all of them if ?22 (takes_whole), else those the viewer ?20 sees. */
#define TAKEN_WITH \
	" FROM signals s JOIN areas ar ON ar.code = s.area_code" \
	" WHERE (s.id = ?1 OR (?2 IS NOT NULL AND s.cluster_id = ?2 AND s.status <> 'dismissed'))" \
	"  AND s.issue_id IS NULL AND (?22 = 1 OR " SEES ")"

int signal_taken_with(struct store *s, const struct viewer *v, const struct signal *sg,
		      struct signal_along *out)
{
	memset(out, 0, sizeof *out);
	if (!sg->cluster_id || sg->issue_id)
		return 0;
	struct store_conn *c = store_reader(s);
	int rc = takes_whole(c, v, sg->id, &out->whole);
	if (rc)
		return rc;
	struct store_stmt *st = rows_prepare(c,
		"SELECT count(*), sum(" SEES ")" TAKEN_WITH, 2, sg->id, sg->cluster_id);
	if (!st)
		return ERR_DB;
	store_bind_str(st, 20, v->user_id);
	store_bind_int(st, 21, v->role == PROLE_ADMIN);
	store_bind_int(st, 22, 1);
	rc = store_step(st);
	if (rc == STORE_ROW) {
		long long all = store_int(st, 0), seen = store_int(st, 1);
		out->going = out->whole ? all : seen;
		out->staying = all - out->going;
		rc = 0;
	}
	store_reset(st);
	return rc < 0 ? rc : 0;
}

int signal_take_up(struct store *s, struct arena *a, const struct viewer *v, struct signal *sg,
		   const char *issue_id, struct issue *in, bool cluster, struct problems *p)
{
	if (!sg->can_update)
		return ERR_FORBIDDEN;
	if (sg->issue_id)
		return ERR_CONFLICT;
	const char *id = sg->id, *issue_title = NULL, *issue_status = "signalled";
	char *out = arena_alloc(a, UUID_STRLEN + 1);
	int rc = 0;
	issue_id = clean(a, issue_id);
	if (issue_id) {
		if (uuid_valid(issue_id, strlen(issue_id))) {
			struct store_stmt *st = rows_prepare(store_reader(s), "SELECT title, status FROM issues WHERE id = ?1", 1,
					issue_id);
			if (!st)
				return ERR_DB;
			if (store_step(st) == STORE_ROW) {
				issue_title = arena_strdup(a, store_text(st, 0));
				issue_status = arena_strdup(a, store_text(st, 1));
			}
			store_reset(st);
		}
		if (!issue_title)
			problems_add(p, "issueId", R_NOT_ONE_OF, 0);
		if (p->n)
			return ERR_INVALID;
		snprintf(out, UUID_STRLEN + 1, "%s", issue_id);
	} else {
		/* what the signal says, where the new issue's fields are left out */
		in->status = "signalled";
		if (!in->title || !*in->title)
			in->title = sg->title;
		if (!in->summary || !*in->summary)
			in->summary = cut(a, sg->description, 280);
		if (!in->description || !*in->description)
			in->description = sg->description;
		if (!in->area || !*in->area)
			in->area = sg->area;
		if ((!in->owner_party || !*in->owner_party) && sg->party_id)
			in->owner_party = sg->party_id;
		else if ((!in->owner_party || !*in->owner_party) && sg->resident &&
			 (rc = handler_of(store_reader(s), a, v, sg->area, &in->owner_party)))
			return rc;
		if (!in->target_groups.n && sg->target_group) {
			const char **tg = arena_alloc(a, sizeof *tg);
			tg[0] = sg->target_group;
			in->target_groups.v = tg;
			in->target_groups.n = 1;
		}
		if (p->n)
			return ERR_INVALID;
	}
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	if (!issue_id) {
		rc = issue_create_on(c, a, v, in, p);
		if (rc == 0 && p->n)
			rc = ERR_INVALID;
		snprintf(out, UUID_STRLEN + 1, "%s", in->id);
	}
	/* the signal, or every signal of its cluster not yet taken up (but
	 * the dismissed ones) that goes along (TAKEN_WITH): also those the
	 * viewer does not see, which stay hidden from them (taken_along) */
	bool whole = false;
	if (!rc)
		rc = takes_whole(c, v, id, &whole);
	enum { MAX_TAKEN = 500 };
	struct taken {
		const char *id, *reporter;
		bool seen;
	} *taken = arena_alloc(a, sizeof *taken * MAX_TAKEN);
	size_t n = 0;
	if (!rc) {
		struct store_stmt *st = rows_prepare(c,
			"SELECT s.id, s.reporter_id, " SEES TAKEN_WITH " ORDER BY s.seq LIMIT 500", 2,
			id, cluster ? sg->cluster_id : NULL);
		if (!st) {
			rc = ERR_DB;
		} else {
			store_bind_str(st, 20, v->user_id);
			store_bind_int(st, 21, v->role == PROLE_ADMIN);
			store_bind_int(st, 22, whole);
			int src;
			while ((src = store_step(st)) == STORE_ROW && n < MAX_TAKEN) {
				taken[n].id = arena_strdup(a, store_text(st, 0));
				taken[n].reporter = rows_opt(st, a, 1);
				taken[n].seen = store_int(st, 2) != 0;
				n++;
			}
			store_reset(st);
			if (src < 0)
				rc = src;
		}
	}
	for (size_t i = 0; !rc && i < n; i++) {
		struct store_stmt *st = store_prepare(c,
			"UPDATE signals SET issue_id = ?2, updated_at = ?3, taken_along = ?4,"
			" status = CASE WHEN status = 'addressed' THEN status ELSE 'acknowledged' END"
			" WHERE id = ?1");
		if (!st) {
			rc = ERR_DB;
			break;
		}
		store_bind_str(st, 1, taken[i].id);
		store_bind_str(st, 2, out);
		store_bind_str(st, 3, now);
		store_bind_int(st, 4, !taken[i].seen);
		rc = store_run(st);
		if (!rc)
			rc = activity_add_about(c, v, "take_up", "signal", taken[i].id, "issueId,status", out, NULL);
	}
	/* whoever reported one hears of it, once (the taker knows) */
	for (size_t i = 0; !rc && i < n; i++) {
		bool told = !taken[i].reporter || !strcmp(taken[i].reporter, v->user_id);
		for (size_t j = 0; j < i && !told; j++)
			told = taken[j].reporter && !strcmp(taken[j].reporter, taken[i].reporter);
		if (!told)
			rc = notify_person(c, v, taken[i].reporter, out, "your_signal", taken[i].id);
	}
	if (!rc && issue_id)
		rc = notify_followers(c, v, out, "signal", id);
	int crc = store_write_end(s, rc == 0);
	if (!rc && !crc) {
		sg->issue_id = out;
		sg->issue_title = issue_title ? issue_title : in->title;
		sg->issue_status = issue_status;
		if (strcmp(sg->status, "addressed") != 0)
			sg->status = "acknowledged";
		sg->updated_at = now;
	}
	return rc ? rc : crc;
}

int signal_decide(struct store *s, struct arena *a, const struct viewer *v, struct signal *sg,
		  struct signal_decision *d, struct problems *p)
{
	if (!sg->can_decide)
		return ERR_FORBIDDEN;
	if (!sg->regulatory || !strcmp(sg->status, "dismissed"))
		return ERR_CONFLICT;
	fields_validate(decision_fields, decision_nfields, d, store_reader(s), a, p);
	if (p->n)
		return ERR_INVALID;
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	uuid7_new(d->id);
	time_now(now);
	d->signal_id = sg->id;
	d->party_id = sg->routed_party_id;
	d->party_name = sg->routed_party_name;
	d->decided_at = now;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc;
	rc = rows_run(c,
		"INSERT INTO signal_decisions (id, signal_id, decision, reason, party_id, decided_by, decided_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", 7,
		d->id, sg->id, d->decision, d->reason, d->party_id, v->user_id[0] ? v->user_id : NULL, now);
	if (!rc)
		rc = activity_add_about(c, v, "decide", "signal", sg->id, "decision", d->id, d->decision);
	bool addressing = strcmp(sg->status, "addressed") != 0;
	if (!rc && addressing)
		rc = set_status(c, v, sg->id, "addressed", NULL, now);
	if (!rc && sg->issue_id)
		rc = notify_followers(c, v, sg->issue_id, "signal", sg->id);
	int crc = store_write_end(s, rc == 0);
	if (!rc && !crc && addressing) {
		sg->status = "addressed";
		sg->status_reason = NULL;
		sg->updated_at = now;
	}
	return rc ? rc : crc;
}

/* The columns of a decision, from col on: id, decision, reason, party id
 * and name, time; the decision of signal_id. */
#define DECISION_COLS "d.id, d.decision, d.reason, d.party_id, dp.name, d.decided_at"
static void read_decision(struct store_stmt *st, int col, struct arena *a, const char *signal_id,
			  struct signal_decision *d)
{
	snprintf(d->id, sizeof d->id, "%s", store_text(st, col));
	d->signal_id = signal_id;
	d->decision = arena_strdup(a, store_text(st, col + 1));
	d->reason = arena_strdup(a, store_text(st, col + 2));
	d->party_id = rows_opt(st, a, col + 3);
	d->party_name = rows_opt(st, a, col + 4);
	d->decided_at = arena_strdup(a, store_text(st, col + 5));
}

int signal_decisions(struct store *s, struct arena *a, const char *id,
		     struct signal_decision **items, size_t *n)
{
	*n = 0;
	*items = NULL;
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	/* the signal, with its decisions if it has any */
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT s.id, " DECISION_COLS " FROM signals s LEFT JOIN signal_decisions d ON d.signal_id = s.id"
		" LEFT JOIN parties dp ON dp.id = d.party_id WHERE s.id = ?1 ORDER BY d.seq LIMIT 100", 1,
		id);
	if (!st)
		return ERR_DB;
	struct signal_decision *list = arena_alloc(a, sizeof *list * 100);
	const char *found = NULL;
	int rc;
	while ((rc = store_step(st)) == STORE_ROW && *n < 100) {
		if (!found)
			found = arena_strdup(a, store_text(st, 0));
		if (!store_is_null(st, 1))
			read_decision(st, 1, a, found, &list[(*n)++]);
	}
	store_reset(st);
	*items = list;
	return rc < 0 ? rc : found ? 0 : ERR_NOTFOUND;
}

int signal_list_for_issue(struct store *s, struct arena *a, const struct viewer *v,
			  const char *issue_id, struct signal **items, size_t *n)
{
	*n = 0;
	/* a signal's columns come again with each of its decisions */
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT s.id, s.kind, s.title, s.status, s.regulatory, s.rule, s.area_code, ar.name, s.taken_along,"
		" ?20 IS NOT NULL AND " SEES ","
		" " DECISION_COLS " FROM signals s JOIN areas ar ON ar.code = s.area_code"
		" LEFT JOIN signal_decisions d ON d.signal_id = s.id LEFT JOIN parties dp ON dp.id = d.party_id"
		" WHERE s.issue_id = ?1 ORDER BY s.seq, d.seq LIMIT 2000", 1, issue_id);
	if (!st)
		return ERR_DB;
	bool known = v && v->authenticated && v->user_id[0];
	store_bind_str(st, 20, known ? v->user_id : NULL);
	store_bind_int(st, 21, known && v->role == PROLE_ADMIN);
	struct signal *list = arena_alloc(a, sizeof *list * 200);
	int rc;
	struct signal *o = NULL;
	while ((rc = store_step(st)) == STORE_ROW) {
		if (!o || strcmp(o->id, store_text(st, 0))) {
			if (*n == 200)
				break;
			o = &list[(*n)++];
			memset(o, 0, sizeof *o);
			snprintf(o->id, sizeof o->id, "%s", store_text(st, 0));
			o->kind = arena_strdup(a, store_text(st, 1));
			o->title = arena_strdup(a, store_text(st, 2));
			o->status = arena_strdup(a, store_text(st, 3));
			o->regulatory = store_int(st, 4) != 0;
			o->rule = rows_opt(st, a, 5);
			o->area = arena_strdup(a, store_text(st, 6));
			o->area_name = arena_strdup(a, store_text(st, 7));
			o->taken_along = store_int(st, 8) != 0;
			o->seen = store_int(st, 9) != 0;
			o->decisions = arena_alloc(a, sizeof *o->decisions * 100);
		}
		if (store_is_null(st, 10) || o->ndecisions == 100)
			continue;
		read_decision(st, 10, a, o->id, &o->decisions[o->ndecisions++]);
	}
	store_reset(st);
	*items = list;
	return rc < 0 ? rc : 0;
}

/* The fields of a signal, for the API, the report form, its pages and the
 * log. A report is never changed: what a reporter gives is create-only. */
#define UUID_EXAMPLE "\"01a21b9d-4816-7008-b39a-918dcc9128ab\""
#define TIME_EXAMPLE "\"2026-11-27T06:07:02Z\""
#define READ_REF(field, member, to, nl, en, what) \
	{ .name = field, .kind = FK_REF, .flags = F_READ_ONLY | F_NULLABLE, FIELD_AT(struct signal, member), \
	  .ref = to, .label = { nl, en }, .doc = what, .example = UUID_EXAMPLE }
#define READ_TEXT(field, member, n, nl, en, what, ex) \
	{ .name = field, .kind = FK_TEXT, .flags = F_READ_ONLY | F_NULLABLE, FIELD_AT(struct signal, member), \
	  .max = n, .label = { nl, en }, .doc = what, .example = ex }
const struct field_desc signal_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct signal, id),
	  .label = { "Nummer", "Number" }, .doc = "The identifier (id), a UUID version 7.", .example = UUID_EXAMPLE },
	{ .name = "kind", .kind = FK_ENUM, .flags = F_REQUIRED | F_CREATE_ONLY, FIELD_AT(struct signal, kind),
	  .keys = signal_kinds, .nkeys = SIGNAL_KIND_COUNT, .schema = "SignalKind",
	  .label = { "Soort signaal", "Kind of signal" } },
	{ .name = "title", .kind = FK_TEXT, .flags = F_REQUIRED | F_CREATE_ONLY, FIELD_AT(struct signal, title),
	  .min = 1, .max = SIGNAL_TITLE_MAX, .label = { "Titel", "Title" },
	  .hint = { "In één zin: wat zie je?", "In one sentence: what do you see?" },
	  .doc = "The title (titel).", .example = "\"Geen huiswerkbegeleiding in Overvecht\"" },
	{ .name = "description", .kind = FK_MARKDOWN, .flags = F_REQUIRED | F_CREATE_ONLY,
	  FIELD_AT(struct signal, description), .min = 1, .max = SIGNAL_DESCRIPTION_MAX,
	  .label = { "Beschrijving", "Description" },
	  .hint = { "Wat speelt er, voor wie en waar?", "What is going on, for whom and where?" },
	  .doc = "The description (beschrijving), in Markdown.",
	  .example = "\"Kinderen hebben na school geen plek voor huiswerkbegeleiding.\"" },
	{ .name = "area", .kind = FK_AREA, .flags = F_REQUIRED | F_CREATE_ONLY | F_MODEL_CHECKS, FIELD_AT(struct signal, area),
	  .max = 16, .label = { "Gebied", "Area" }, .doc = "The code of the area (gebied) concerned.", .example = "\"WK034403\"" },
	{ .name = "targetGroup", .kind = FK_TEXT, .flags = F_NULLABLE | F_CREATE_ONLY, FIELD_AT(struct signal, target_group),
	  .max = SIGNAL_TARGET_GROUP_MAX, .label = { "Doelgroep", "Target group" },
	  .hint = { "Eén doelgroep, kort. Bijvoorbeeld: jongeren, ouderen of mantelzorgers.",
		    "One target group, short. For example: young people, older people or carers." },
	  .doc = "The target group (doelgroep), stored in lower case, or null.", .example = "\"jongeren\"" },
	{ .name = "party", .kind = FK_REF, .flags = F_NULLABLE | F_CREATE_ONLY, FIELD_AT(struct signal, party_id),
	  .ref = "party", .label = { "Namens partij", "On behalf of party" },
	  .hint = { "De partij waarvoor je dit meldt (je bent er lid van), of jijzelf als bewoner.",
		    "The party you report this for (you are a member of it), or yourself as a resident." },
	  .doc = "The party reported for (namens partij), of which the reporter is a member (lid). Left out or null when"
		 " reported by a resident (signaal van een bewoner), for no party; null too when the party was removed.",
	  .example = UUID_EXAMPLE },
	{ .name = "resident", .kind = FK_BOOL, .flags = F_READ_ONLY, FIELD_AT(struct signal, resident),
	  .label = { "Als bewoner", "As a resident" }, .example = "false",
	  .doc = "Reported by a resident (door een bewoner), for no party. It goes to the members of the verified parties"
		 " that take the role detect_signals and serve its area or an area around it, and to the area's"
		 " coordinators; they see the reporter's name." },
	READ_REF("reporter", reporter_id, "user", "Melder", "Reporter",
		 "The reporter's user id (melder), or null once the account is gone."),
	READ_TEXT("reporterName", reporter_name, 200, "Gemeld door", "Reported by",
		  "The reporter's name (naam van de melder), or null.", "\"Rita de Melder\""),
	{ .name = "regulatory", .kind = FK_BOOL, .flags = F_CREATE_ONLY, FIELD_AT(struct signal, regulatory),
	  .label = { "Regels", "Rules" }, .example = "false",
	  .doc = "Whether a rule stands in the way (regelgeving staat in de weg); then rule is required." },
	{ .name = "rule", .kind = FK_TEXT, .flags = F_NULLABLE | F_CREATE_ONLY, FIELD_AT(struct signal, rule),
	  .max = SIGNAL_RULE_MAX, .label = { "Welke regel staat in de weg?", "Which rule stands in the way?" },
	  .hint = { "Vul dit alleen in als je hierboven hebt gekozen dat een regel in de weg staat. Noem de regel of de wet.",
		    "Only fill this in if you chose above that a rule stands in the way. Name the rule or the law." },
	  .doc = "The rule that stands in the way (regel), for a regulatory signal; else null (ignored when sent).",
	  .example = "\"Bijstandsregel: geen bijverdienen\"" },
	READ_REF("routedParty", routed_party_id, "party", "Doorgestuurd naar", "Sent to",
		 "The verified government party (geverifieerde overheidspartij) a regulatory signal is routed to: the one"
		 " serving its area, or else the nearest area above it that has one; null when there is none (the area's"
		 " coordinators decide) or the signal is not regulatory."),
	{ .name = "status", .kind = FK_ENUM, .flags = F_READ_ONLY, FIELD_AT(struct signal, status), .keys = signal_statuses,
	  .nkeys = SIGNAL_STATUS_COUNT, .schema = "SignalStatus", .label = { "Status", "Status" } },
	READ_TEXT("statusReason", status_reason, SIGNAL_REASON_MAX, "Reden", "Reason",
		  "The reason of the last status move (reden), or null.", "\"Dubbel gemeld.\""),
	READ_REF("issue", issue_id, "issue", "Vraagstuk", "Social issue",
		 "The social issue (vraagstuk) it is taken up in, or null."),
	READ_TEXT("issueStatus", issue_status, 20, "Status van het vraagstuk", "Status of the social issue",
		  "The status of that issue (status van het vraagstuk), or null: what became of the signal.", "\"signalled\""),
	READ_REF("cluster", cluster_id, "signal", "Groep", "Group",
		 "The cluster of similar signals (cluster van gelijke signalen): the id of its first signal, or null while"
		 " it stands alone. Changed with PATCH."),
	{ .name = "clusterSize", .kind = FK_INT, .flags = F_READ_ONLY, FIELD_AT(struct signal, cluster_size), .min = 1,
	  .max = 2147483647, .label = { "Signalen in de groep", "Signals in the group" }, .example = "10",
	  .doc = "How many signals its cluster has (aantal in het cluster); 1 when alone." },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct signal, created_at),
	  .label = { "Gemeld op", "Reported on" }, .doc = "When it was reported (gemeld op).", .example = TIME_EXAMPLE },
	{ .name = "updatedAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct signal, updated_at),
	  .label = { "Bijgewerkt", "Updated" }, .doc = "When it last changed (gewijzigd op).", .example = TIME_EXAMPLE },
};
const size_t signal_nfields = sizeof signal_fields / sizeof signal_fields[0];

/* The fields of a decision on a rule. */
const struct field_desc decision_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct signal_decision, id),
	  .label = { "Nummer", "Number" }, .doc = "The identifier (id), a UUID version 7.", .example = UUID_EXAMPLE },
	{ .name = "decision", .kind = FK_ENUM, .flags = F_REQUIRED, FIELD_AT(struct signal_decision, decision),
	  .keys = decision_kinds, .nkeys = DECISION_KIND_COUNT, .schema = "DecisionKind", .label = { "Besluit", "Decision" },
	  .doc = "The decision (besluit).", .example = "\"experiment\"" },
	{ .name = "reason", .kind = FK_MARKDOWN, .flags = F_REQUIRED, FIELD_AT(struct signal_decision, reason), .min = 1,
	  .max = SIGNAL_REASON_MAX, .label = { "Toelichting op het besluit", "Explanation of the decision" },
	  .doc = "Why (reden).", .example = "\"We proberen het twee jaar in de Gentdreef.\"" },
	{ .name = "party", .kind = FK_REF, .flags = F_READ_ONLY | F_NULLABLE, FIELD_AT(struct signal_decision, party_id),
	  .ref = "party", .label = { "Overheidspartij", "Government party" },
	  .doc = "The government party that decided (overheidspartij), or null.", .example = UUID_EXAMPLE },
	{ .name = "partyName", .kind = FK_TEXT, .flags = F_READ_ONLY | F_NULLABLE, FIELD_AT(struct signal_decision, party_name),
	  .max = 200, .label = { "Overheidspartij", "Government party" }, .doc = "Its name (naam), or null.",
	  .example = "\"Gemeente Utrecht, wijkbureau Overvecht\"" },
	{ .name = "decidedAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct signal_decision, decided_at),
	  .label = { "Besloten op", "Decided on" }, .doc = "When (besloten op).", .example = TIME_EXAMPLE },
};
const size_t decision_nfields = sizeof decision_fields / sizeof decision_fields[0];

static const struct export_part signal_exports[] = {
	{ "signals",
	  "SELECT id, title, kind, status, created_at, description, area_code, target_group, party_id,"
	  " resident, rule, issue_id FROM signals WHERE reporter_id = ?1 ORDER BY seq",
	  (const char *const[]){ "id", "title", "kind", "status", "createdAt", "description", "area", "targetGroup",
				 "party", "resident", "rule", "issue" }, 12, "sssssssssbss", false },
	{ "signalDecisions",
	  "SELECT id, signal_id, decision, reason, decided_at FROM signal_decisions WHERE decided_by = ?1 ORDER BY seq",
	  (const char *const[]){ "id", "signalId", "decision", "reason", "decidedAt" }, 5, NULL, false },
};
const struct entity_type signal_type = {
	.key = "signal", .table = "signals", .perm = OBJ_SIGNAL, .noun = { "Signaal", "Signal" },
	.page = "/signalen/", .api = "/api/v1/signals/",
	.name_sql = "SELECT title FROM signals WHERE id = ?1",
	.scope_sql = "SELECT id FROM signals WHERE area_code IN (" AREAS_COORDINATED_BY("?1") ")",
	.exports = signal_exports, .nexports = 2, .erase_fn = signal_erase_resident,
	.privacy_note = "What a resident reported and no one took up or decided on goes; the rest stays,"
			" reported by an erased account.",
	.registers = { "signals" },
	.fields = signal_fields, .nfields = sizeof signal_fields / sizeof signal_fields[0], .schema = "Signal",
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const signals_types[] = { &signal_type, NULL };
