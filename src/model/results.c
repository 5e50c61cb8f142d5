/* results: the rules the three kinds of results share (who may), the
 * flags (overdue milestones, stalled initiatives) and the coordinators'
 * list of flagged initiatives; and, at the end, the feature's types. */
#include "results.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "initiative.h"
#include "results_rules.h"
#include "rows.h"

long results_stalled_days = 180;

const struct enum_entry milestone_statuses[MS_STATUS_COUNT] = {
	[MS_PLANNED] = { "planned", { "Gepland", "Planned" } },
	[MS_IN_PROGRESS] = { "in_progress", { "Bezig", "In progress" } },
	[MS_DONE] = { "done", { "Klaar", "Done" } },
	[MS_CANCELLED] = { "cancelled", { "Vervallen", "Cancelled" } },
};
_Static_assert(sizeof milestone_statuses / sizeof milestone_statuses[0] == MS_STATUS_COUNT, "milestone statuses");

const struct enum_entry working_elements[WE_COUNT] = {
	[WE_BUILD_ECOSYSTEM] = { "build_ecosystem", { "Ecosysteem bouwen", "Building the ecosystem" } },
	[WE_OPEN_NETWORK] = { "open_network", { "Open netwerk", "Open network" } },
	[WE_LEARNING_ORGANISATION] = { "learning_organisation", { "Lerende organisatie", "Learning organisation" } },
	[WE_INTRAPRENEURSHIP] = { "intrapreneurship", { "Intrapreneurschap", "Intrapreneurship" } },
	[WE_ROOM_FOR_IDEAS] = { "room_for_ideas", { "Ruimte voor ideeën", "Room for ideas" } },
	[WE_CO_CREATION] = { "co_creation", { "Cocreatie", "Co-creation" } },
};
_Static_assert(sizeof working_elements / sizeof working_elements[0] == WE_COUNT, "working elements");

/* One table for the three: who may is decided by the relation the target
 * carries (results_target): "member" is a member of the lead party for
 * what manages, of the lead or a partner party for what adds; "owner" is
 * a lesson's author. */
static const perm_rules results_rules = {
	[ACT_READ] = W_ANYONE,
	[ACT_CREATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
	[ACT_UPDATE] = W_OWNER | W_MEMBER | W_COORDINATOR | W_ADMIN,
	[ACT_DELETE] = W_OWNER | W_MEMBER | W_COORDINATOR | W_ADMIN,
};

static struct perm_target target_of(const struct initiative_rel *rel, bool manage, const char *owner_id)
{
	bool member = rel->lead >= MEMBER_MEMBER || (!manage && rel->partner);
	return (struct perm_target){ owner_id, true, member ? MEMBER_MEMBER : MEMBER_NONE, rel->coordinated };
}

struct results_may results_may_of(const struct viewer *v, const struct initiative_rel *rel)
{
	struct perm_target add = target_of(rel, false, NULL), manage = target_of(rel, true, NULL);
	return (struct results_may){
		.add = rel->found && !perm_check_rules(v, results_rules, ACT_CREATE, &add),
		.manage = rel->found && !perm_check_rules(v, results_rules, ACT_UPDATE, &manage),
	};
}

int results_check(struct store *s, const struct viewer *v, const char *initiative_id, enum perm_action act,
		  bool manage, const char *owner_id, struct initiative_rel *rel)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	int rc = initiative_relation(store_reader(s), v, initiative_id, rel);
	if (rc)
		return rc;
	if (!rel->found)
		return ERR_NOTFOUND;
	struct perm_target t = target_of(rel, manage, owner_id);
	return perm_check_rules(v, results_rules, act, &t);
}

int results_initiative_exists(struct store *s, const char *initiative_id)
{
	if (!initiative_id || !uuid_valid(initiative_id, strlen(initiative_id)))
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(store_reader(s), "SELECT 1 FROM initiatives WHERE id = ?1", 1,
					     initiative_id);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	store_reset(st);
	return rc == STORE_ROW ? 0 : rc == STORE_DONE ? ERR_NOTFOUND : ERR_DB;
}

int results_count(struct store_conn *c, const char *sql, const char *id, long long max)
{
	struct store_stmt *st = rows_prepare(c, sql, 1, id);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	rc = rc == STORE_ROW ? (store_int(st, 0) >= max ? ERR_CONFLICT : 0) : ERR_DB;
	store_reset(st);
	return rc;
}

void results_today(char out[11])
{
	char now[TIME_STRLEN + 1];
	time_now(now);
	snprintf(out, 11, "%.10s", now);
}

/* Whole days from the RFC 3339 time since to now; 0 when it does not parse. */
static long long days_since(const char *since)
{
	time_t t;
	if (!since || !time_parse(since, strlen(since), &t))
		return 0;
	time_t now = time(NULL);
	return now > t ? (long long)((now - t) / 86400) : 0;
}

static bool stage_can_stall(const char *stage)
{
	return stage && strcmp(stage, "sustained") != 0 && strcmp(stage, "stopped") != 0;
}

/* The time before which a stage began for its initiative to be stalled. */
static void stalled_before(char out[TIME_STRLEN + 1])
{
	time_format(time(NULL) - (time_t)results_stalled_days * 86400, out);
}

#define OPEN_OVERDUE "m.status IN ('planned', 'in_progress') AND m.due < ?2"

int results_flags(struct store *s, const char *initiative_id, struct initiative_flags *out)
{
	memset(out, 0, sizeof *out);
	char today[11];
	results_today(today);
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT i.stage, i.stage_changed_at,"
		" (SELECT count(*) FROM milestones m WHERE m.initiative_id = i.id AND " OPEN_OVERDUE ")"
		" FROM initiatives i WHERE i.id = ?1", 2, initiative_id, today);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		out->days_in_stage = days_since(store_text(st, 1));
		out->stalled = stage_can_stall(store_text(st, 0)) && out->days_in_stage > results_stalled_days;
		out->overdue = store_int(st, 2);
		rc = 0;
	} else {
		rc = rc == STORE_DONE ? ERR_NOTFOUND : ERR_DB;
	}
	store_reset(st);
	return rc;
}

void results_flags_of(const char *stage, const char *stage_changed_at, const struct milestone *items, size_t n,
		      struct initiative_flags *out)
{
	memset(out, 0, sizeof *out);
	out->days_in_stage = days_since(stage_changed_at);
	out->stalled = stage_can_stall(stage) && out->days_in_stage > results_stalled_days;
	for (size_t i = 0; i < n; i++)
		out->overdue += items[i].overdue;
}

bool results_flagged_may(const struct viewer *v)
{
	return v && v->authenticated && (v->role == PROLE_ADMIN || v->role == PROLE_COORDINATOR);
}

static void read_flagged(struct store_stmt *st, struct arena *a, void *row)
{
	struct flagged *f = row;
	memset(f, 0, sizeof *f);
	snprintf(f->id, sizeof f->id, "%s", store_text(st, 0));
	f->title = arena_strdup(a, store_text(st, 1));
	f->stage = arena_strdup(a, store_text(st, 2));
	f->area = arena_strdup(a, store_text(st, 3));
	f->area_name = arena_strdup(a, store_text(st, 4));
	f->stage_since = arena_strdup(a, store_text(st, 5));
	f->overdue = store_int(st, 6);
	f->oldest_overdue = rows_opt(st, a, 7);
	f->days_in_stage = days_since(f->stage_since);
	f->stalled = stage_can_stall(f->stage) && f->days_in_stage > results_stalled_days;
}

/* ?1 the coordinator (NULL: an admin, every area), ?2 today, ?3 the time
 * before which a stage began to be stalled, ?4 the reason, ?5 an area,
 * ?6 the cursor (an id), ?7 the page's size and one more. */
static const char flagged_sql[] =
	"SELECT i.id, i.title, i.stage, i.area_code, ar.name, i.stage_changed_at,"
	" (SELECT count(*) FROM milestones m WHERE m.initiative_id = i.id AND " OPEN_OVERDUE "),"
	" (SELECT min(m.due) FROM milestones m WHERE m.initiative_id = i.id AND " OPEN_OVERDUE ")"
	" FROM initiatives i JOIN areas ar ON ar.code = i.area_code"
	" WHERE (?1 IS NULL OR i.area_code IN (" AREAS_COORDINATED_BY("?1") "))"
	" AND (?5 IS NULL OR ar.path LIKE (SELECT path FROM areas WHERE code = ?5) || '%')"
	" AND (((?4 IS NULL OR ?4 = 'stalled') AND i.stage NOT IN ('sustained', 'stopped') AND i.stage_changed_at < ?3)"
	"  OR ((?4 IS NULL OR ?4 = 'overdue') AND EXISTS (SELECT 1 FROM milestones m WHERE m.initiative_id = i.id AND " OPEN_OVERDUE ")))"
	" AND (?6 IS NULL OR i.id > ?6)"
	" ORDER BY i.id LIMIT ?7";

int results_flagged(struct store *s, struct arena *a, const struct viewer *v, const struct flagged_filter *f,
		    struct problems *p, struct flagged **items, size_t *n, const char **next)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	if (!results_flagged_may(v))
		return ERR_FORBIDDEN;
	valid_page(p, f->limit, NULL, NULL);
	if (f->reason && strcmp(f->reason, "stalled") != 0 && strcmp(f->reason, "overdue") != 0)
		problems_add(p, "reason", R_NOT_ONE_OF, 0);
	if (f->area && (strlen(f->area) > 20 || !*f->area))
		problems_add(p, "area", R_UNKNOWN_AREA, 0);
	if (f->cursor && !uuid_valid(f->cursor, strlen(f->cursor)))
		problems_add(p, "cursor", R_BAD_FORMAT, 0);
	if (p->n)
		return ERR_INVALID;
	int limit = f->limit > 0 ? f->limit : 20;
	char today[11], before[TIME_STRLEN + 1];
	results_today(today);
	stalled_before(before);
	struct store_stmt *st = rows_prepare(store_reader(s), flagged_sql, 6,
		v->role == PROLE_ADMIN ? NULL : v->user_id, today, before, f->reason, f->area, f->cursor);
	if (!st)
		return ERR_DB;
	struct flagged *list = arena_alloc(a, sizeof *list * (size_t)(limit + 1));
	int rc = rows_page(st, 7, a, read_flagged, list, sizeof *list, limit, n);
	if (rc < 0)
		return rc;
	*items = list;
	*next = rc == 1 ? list[*n - 1].id : NULL;
	return 0;
}

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const results_types[] = {
	&milestone_type, &outcome_type, &measurement_type, &lesson_type, NULL,
};
