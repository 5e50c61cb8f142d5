#include "event.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/ical.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "area.h"
#include "cursor.h"
#include "notify.h"
#include "registry.h"
#include "rows.h"

const struct enum_entry event_statuses[EVENT_STATUS_COUNT] = {
	[EVENT_SCHEDULED] = { "scheduled", { "Gepland", "Scheduled" } },
	[EVENT_CANCELLED] = { "cancelled", { "Gaat niet door", "Cancelled" } },
};

const struct enum_entry reg_statuses[REG_STATUS_COUNT] = {
	[REG_REGISTERED] = { "registered", { "Aangemeld", "Registered" } },
	[REG_WAITING] = { "waiting", { "Op de wachtlijst", "On the waiting list" } },
	[REG_CANCELLED] = { "cancelled", { "Afgemeld", "Cancelled" } },
	[REG_ATTENDED] = { "attended", { "Was erbij", "Attended" } },
};

const struct enum_entry event_whens[WHEN_COUNT] = {
	[WHEN_ALL] = { "all", { "Alle", "All" } },
	[WHEN_UPCOMING] = { "upcoming", { "Komende", "Upcoming" } },
	[WHEN_PAST] = { "past", { "Geweest", "Past" } },
};

/* Who may: read public; create and change the organizer's members, the
 * coordinators of its area, platform admins; register anyone logged in. */
static const perm_rules event_rules = {
	[ACT_READ] = W_ANYONE,
	[ACT_CREATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
	[ACT_UPDATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
};

/* ---- times ---- */

bool event_time_utc(const char *s, char out[21])
{
	/* YYYY-MM-DDTHH:MM:SS, then Z or +HH:MM / -HH:MM; a fraction of a
	 * second is allowed and dropped */
	if (!s)
		return false;
	size_t len = strlen(s);
	if (len < 20 || len > 40)
		return false;
	char base[21];
	memcpy(base, s, 19);
	base[19] = 'Z';
	base[20] = 0;
	if (base[10] == 't')
		base[10] = 'T';
	time_t t;
	if (!time_parse(base, 20, &t))
		return false;
	const char *z = s + 19;
	if (*z == '.') {
		z++;
		if (!(*z >= '0' && *z <= '9'))
			return false;
		while (*z >= '0' && *z <= '9')
			z++;
	}
	long off = 0;
	if ((z[0] == 'Z' || z[0] == 'z') && !z[1]) {
		off = 0;
	} else if ((z[0] == '+' || z[0] == '-') && strlen(z) == 6 && z[3] == ':') {
		long long h, m;
		if (!text_parse_int(z + 1, 2, 0, 23, &h) || !text_parse_int(z + 4, 2, 0, 59, &m) ||
		    !(z[1] >= '0' && z[1] <= '9') || !(z[4] >= '0' && z[4] <= '9'))
			return false;
		off = (long)(h * 3600 + m * 60) * (z[0] == '-' ? -1 : 1);
	} else {
		return false;
	}
	time_format(t - off, out);
	return true;
}

bool event_time_from_local(const char *s, char out[21])
{
	if (!s)
		return false;
	size_t len = strlen(s);
	if (len != 16 && len != 19)
		return false;
	char probe[21];
	memcpy(probe, s, 16);
	memcpy(probe + 16, len == 19 ? s + 16 : ":00", 3);
	probe[19] = 'Z';
	probe[20] = 0;
	time_t t;
	if (!time_parse(probe, 20, &t)) /* its form and its ranges */
		return false;
	struct tm tm;
	gmtime_r(&t, &tm);
	/* the same wall clock in the process's zone: mktime knows its rules */
	tm.tm_isdst = -1;
	time_t local = mktime(&tm);
	if (local == (time_t)-1)
		return false;
	time_format(local, out);
	return true;
}

void event_time_to_local(const char *utc, char out[17])
{
	time_t t;
	out[0] = 0;
	if (!utc || !time_parse(utc, strlen(utc), &t))
		return;
	struct tm tm;
	localtime_r(&t, &tm);
	if (strftime(out, 17, "%Y-%m-%dT%H:%M", &tm) == 0)
		out[0] = 0;
}

/* The start of a date (YYYY-MM-DD) in the instance's zone, in UTC; days
 * later. */
static bool date_start(const char *date, int days, char out[21])
{
	if (!date || strlen(date) != 10)
		return false;
	char probe[21];
	snprintf(probe, sizeof probe, "%sT00:00:00Z", date);
	time_t t;
	if (!time_parse(probe, 20, &t))
		return false;
	struct tm tm;
	gmtime_r(&t, &tm);
	tm.tm_mday += days;
	tm.tm_isdst = -1;
	time_t local = mktime(&tm);
	if (local == (time_t)-1)
		return false;
	time_format(local, out);
	return true;
}

/* ---- reading ---- */

#define EVENT_COLS \
	"e.id, e.title, e.description, e.place, e.area_code, ar.name, e.starts_at, e.ends_at, e.capacity," \
	" e.organizer_party_id, CASE WHEN p.visibility = 'public' THEN p.name END, e.status, e.sequence," \
	" e.created_by, e.created_at, e.updated_at," \
	" (SELECT group_concat(x.issue_id, char(31)) FROM event_issues x WHERE x.event_id = e.id)," \
	" (SELECT group_concat(y.initiative_id, char(31)) FROM event_initiatives y WHERE y.event_id = e.id)," \
	" (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status IN ('registered', 'attended'))," \
	" (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'waiting')"
#define EVENT_FROM \
	"events e LEFT JOIN areas ar ON ar.code = e.area_code LEFT JOIN parties p ON p.id = e.organizer_party_id"
/* ?2 the viewer: their place in the organizer, whether they coordinate the
 * event's area (an area the organizer serves when it has none), their
 * registration and their place on the waiting list. */
#define VIEWER_COLS \
	", (SELECT role FROM memberships WHERE party_id = e.organizer_party_id AND user_id = ?2)," \
	" CASE WHEN e.area_code IS NOT NULL THEN " AREA_COORDINATED_BY("e.area_code", "?2") \
	"  ELSE " PARTY_COORDINATED_BY("e.organizer_party_id", "?2") " END," \
	" (SELECT status FROM event_registrations WHERE event_id = e.id AND user_id = ?2)," \
	" (SELECT count(*) FROM event_registrations w JOIN event_registrations me" \
	"   ON me.event_id = w.event_id AND me.user_id = ?2 AND me.status = 'waiting'" \
	"  WHERE w.event_id = e.id AND w.status = 'waiting' AND w.position <= me.position)"
enum { VIEWER_COL = 20 };

static int by_text(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void sort_links(struct event *ev)
{
	qsort(ev->issues.v, ev->issues.n, sizeof *ev->issues.v, by_text);
	qsort(ev->initiatives.v, ev->initiatives.n, sizeof *ev->initiatives.v, by_text);
}

static void counts(struct event *ev)
{
	ev->has_places_left = ev->has_capacity;
	ev->places_left = ev->has_capacity && ev->capacity > ev->registered ? ev->capacity - ev->registered : 0;
}

static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct event *out = row;
	memset(out, 0, sizeof *out);
	snprintf(out->id, sizeof out->id, "%s", store_text(st, 0));
	out->title = arena_strdup(a, store_text(st, 1));
	out->description = arena_strdup(a, store_text(st, 2));
	out->place = arena_strdup(a, store_text(st, 3));
	out->area = rows_opt(st, a, 4);
	out->area_name = rows_opt(st, a, 5);
	out->start = arena_strdup(a, store_text(st, 6));
	out->end = arena_strdup(a, store_text(st, 7));
	out->has_capacity = !store_is_null(st, 8);
	out->capacity = out->has_capacity ? store_int(st, 8) : 0;
	out->organizer = rows_opt(st, a, 9);
	out->organizer_name = rows_opt(st, a, 10);
	out->status = arena_strdup(a, store_text(st, 11));
	out->sequence = store_int(st, 12);
	out->created_by = rows_opt(st, a, 13);
	out->created_at = arena_strdup(a, store_text(st, 14));
	out->updated_at = arena_strdup(a, store_text(st, 15));
	rows_list(st, a, 16, EVENT_LINKS_MAX, &out->issues);
	rows_list(st, a, 17, EVENT_LINKS_MAX, &out->initiatives);
	out->registered = store_int(st, 18);
	out->waiting = store_int(st, 19);
	sort_links(out);
	counts(out);
}

static const char *viewer_id(const struct viewer *v)
{
	return v && v->authenticated && v->user_id[0] ? v->user_id : NULL;
}

int event_get(struct store *s, struct arena *a, const struct viewer *v, const char *id, struct event *out)
{
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " EVENT_COLS VIEWER_COLS " FROM " EVENT_FROM " WHERE e.id = ?1", 2, id, viewer_id(v));
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		read_row(st, a, out);
		if (viewer_id(v)) {
			int m = store_is_null(st, VIEWER_COL) ? -1
				: enum_find(member_roles, MEMBER_ROLE_COUNT, store_text(st, VIEWER_COL));
			out->member = m > 0 ? (enum member_role)m : MEMBER_NONE;
			out->coordinated = store_int(st, VIEWER_COL + 1) != 0;
			out->my_status = rows_opt(st, a, VIEWER_COL + 2);
			out->my_position = store_int(st, VIEWER_COL + 3);
		}
		rc = 0;
	} else if (rc == STORE_DONE) {
		rc = ERR_NOTFOUND;
	}
	store_reset(st);
	return rc;
}

bool event_can_change(const struct viewer *v, const struct event *ev)
{
	struct perm_target t = { NULL, true, ev->member, ev->coordinated };
	return perm_check_rules(v, event_rules, ACT_UPDATE, &t) == 0;
}

/* The viewer's relation to an event of this organizer and area. */
static int relation(struct store_conn *c, const struct viewer *v, const char *organizer, const char *area,
		    struct perm_target *t)
{
	memset(t, 0, sizeof *t);
	t->is_public = true;
	if (!viewer_id(v))
		return 0;
	struct store_stmt *st = rows_prepare(c,
		"SELECT (SELECT role FROM memberships WHERE party_id = ?1 AND user_id = ?2),"
		" CASE WHEN ?3 IS NOT NULL THEN " AREA_COORDINATED_BY("?3", "?2")
		"  ELSE " PARTY_COORDINATED_BY("?1", "?2") " END", 3, organizer, v->user_id, area);
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

/* ---- writing ---- */

/* Whether every id of l is a row of what (issues or initiatives). */
static int links_exist(struct store_conn *c, bool initiatives, const struct strlist *l, bool *ok)
{
	*ok = true;
	for (size_t i = 0; i < l->n && *ok; i++) {
		struct store_stmt *st = rows_prepare(c, initiatives ? "SELECT 1 FROM initiatives WHERE id = ?1"
								     : "SELECT 1 FROM issues WHERE id = ?1", 1, l->v[i]);
		if (!st)
			return ERR_DB;
		int rc = store_step(st);
		store_reset(st);
		if (rc < 0)
			return rc;
		*ok = rc == STORE_ROW;
	}
	return 0;
}

/* Cleans ev and lists every problem: the descriptors', and the model's
 * own: times in RFC 3339 (kept in UTC), the end after the start and not
 * more than EVENT_DAYS_MAX days later, an organizer, area and links that
 * exist. */
static int validate(struct store_conn *c, struct arena *a, struct event *ev, struct problems *p)
{
	fields_validate(event_fields, event_nfields, ev, c, a, p);
	int rc;
	char *start = arena_alloc(a, 21), *end = arena_alloc(a, 21);
	bool times = true;
	if (ev->start && !problems_find(p, "start")) {
		if (event_time_utc(ev->start, start))
			ev->start = start;
		else
			problems_add(p, "start", R_BAD_FORMAT, 0), times = false;
	} else {
		times = false;
	}
	if (ev->end && !problems_find(p, "end")) {
		if (event_time_utc(ev->end, end))
			ev->end = end;
		else
			problems_add(p, "end", R_BAD_FORMAT, 0), times = false;
	} else {
		times = false;
	}
	if (times) {
		time_t ts, te;
		time_parse(ev->start, 20, &ts);
		time_parse(ev->end, 20, &te);
		if (te <= ts)
			problems_add(p, "end", R_END_BEFORE_START, 0);
		else if (te - ts > (time_t)EVENT_DAYS_MAX * 86400)
			problems_add(p, "end", R_OUT_OF_RANGE, EVENT_DAYS_MAX);
	}
	if (ev->area && !problems_find(p, "area")) {
		struct store_stmt *st = rows_prepare(c, "SELECT name FROM areas WHERE code = ?1", 1, ev->area);
		if (!st)
			return ERR_DB;
		rc = store_step(st);
		ev->area_name = rc == STORE_ROW ? arena_strdup(a, store_text(st, 0)) : NULL;
		store_reset(st);
		if (rc < 0)
			return rc;
		if (rc != STORE_ROW)
			problems_add(p, "area", R_UNKNOWN_AREA, 0);
	}
	if (ev->organizer && !problems_find(p, "organizer")) {
		struct store_stmt *st = rows_prepare(c,
			"SELECT CASE WHEN visibility = 'public' THEN name END FROM parties WHERE id = ?1", 1, ev->organizer);
		if (!st)
			return ERR_DB;
		rc = store_step(st);
		ev->organizer_name = rc == STORE_ROW ? rows_opt(st, a, 0) : NULL;
		store_reset(st);
		if (rc < 0)
			return rc;
		if (rc != STORE_ROW)
			problems_add(p, "organizer", R_NOT_ONE_OF, 0);
	}
	bool ok;
	if (!problems_find(p, "issues")) {
		if ((rc = links_exist(c, false, &ev->issues, &ok)))
			return rc;
		if (!ok)
			problems_add(p, "issues", R_NOT_ONE_OF, 0);
	}
	if (!problems_find(p, "initiatives")) {
		if ((rc = links_exist(c, true, &ev->initiatives, &ok)))
			return rc;
		if (!ok)
			problems_add(p, "initiatives", R_NOT_ONE_OF, 0);
	}
	return 0;
}

/* The links, after the event's row, and its search entry when index. */
static int write_children(struct store_conn *c, const char *id, const struct event *ev, bool index)
{
	int rc = rows_run(c, "DELETE FROM event_issues WHERE event_id = ?1", 1, id);
	for (size_t i = 0; !rc && i < ev->issues.n; i++)
		rc = rows_run(c, "INSERT INTO event_issues (event_id, issue_id) VALUES (?1, ?2)", 2, id, ev->issues.v[i]);
	if (!rc)
		rc = rows_run(c, "DELETE FROM event_initiatives WHERE event_id = ?1", 1, id);
	for (size_t i = 0; !rc && i < ev->initiatives.n; i++)
		rc = rows_run(c, "INSERT INTO event_initiatives (event_id, initiative_id) VALUES (?1, ?2)", 2, id,
			      ev->initiatives.v[i]);
	if (rc || !index)
		return rc;
	return rows_run(c,
		"INSERT INTO event_search (rowid, title, description, place)"
		" VALUES ((SELECT seq FROM events WHERE id = ?1), ?2, ?3, ?4)", 4,
		id, ev->title, ev->description, ev->place);
}

int event_create(struct store *s, struct arena *a, const struct viewer *v, struct event *ev,
		 struct problems *p)
{
	if (!viewer_id(v))
		return ERR_AUTH;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = validate(c, a, ev, p);
	if (!rc && p->n)
		rc = ERR_INVALID;
	struct perm_target t;
	if (!rc && !(rc = relation(c, v, ev->organizer, ev->area, &t)))
		rc = perm_check_rules(v, event_rules, ACT_CREATE, &t);
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	if (!rc) {
		uuid7_new(ev->id);
		struct store_stmt *st = rows_prepare(c,
			"INSERT INTO events (id, title, description, place, area_code, starts_at, ends_at, capacity,"
			" organizer_party_id, status, sequence, created_by, created_at, updated_at)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, ?11, ?12, ?12)", 12,
			ev->id, ev->title, ev->description, ev->place, ev->area, ev->start, ev->end, NULL,
			ev->organizer, ev->status, v->user_id, now);
		if (!st)
			rc = ERR_DB;
		else {
			if (ev->has_capacity)
				store_bind_int(st, 8, ev->capacity);
			rc = store_run(st);
		}
	}
	if (!rc)
		rc = write_children(c, ev->id, ev, true);
	if (!rc)
		rc = activity_add(c, v, "create", "event", ev->id, NULL);
	/* the followers of its issues and of its initiatives hear of it, once */
	if (!rc)
		rc = notify_followers_once(c, v, (const char *const *)ev->issues.v, ev->issues.n,
					   (const char *const *)ev->initiatives.v, ev->initiatives.n, "event", ev->id);
	if ((rc = rows_commit(s, rc)))
		return rc;
	sort_links(ev);
	ev->sequence = 0;
	ev->created_by = arena_strdup(a, v->user_id);
	ev->created_at = ev->updated_at = now;
	ev->registered = ev->waiting = 0;
	ev->member = t.member;
	ev->coordinated = t.coordinated;
	counts(ev);
	return 0;
}

/* Moves waiting people up into the places free now, first come first; on
 * the writer, in the caller's transaction. */
static int move_up(struct store_conn *c, const char *event_id, const char *now)
{
	for (;;) {
		struct store_stmt *st = rows_prepare(c,
			"SELECT w.user_id FROM events e JOIN event_registrations w ON w.event_id = e.id"
			" WHERE e.id = ?1 AND w.status = 'waiting' AND (e.capacity IS NULL OR e.capacity >"
			"  (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id"
			"   AND r.status IN ('registered', 'attended')))"
			" ORDER BY w.position LIMIT 1", 1, event_id);
		if (!st)
			return ERR_DB;
		int rc = store_step(st);
		char user[UUID_STRLEN + 1] = "";
		if (rc == STORE_ROW)
			snprintf(user, sizeof user, "%s", store_text(st, 0));
		store_reset(st);
		if (rc != STORE_ROW)
			return rc < 0 ? rc : 0;
		rc = rows_run(c, "UPDATE event_registrations SET status = 'registered', updated_at = ?3"
				 " WHERE event_id = ?1 AND user_id = ?2", 3, event_id, user, now);
		if (!rc)
			rc = activity_add_about(c, NULL, "event_move_up", "event", event_id, "status", user, "registered");
		if (rc)
			return rc;
	}
}

static bool same(const char *x, const char *y)
{
	return strcmp(x ? x : "", y ? y : "") == 0;
}

int event_update(struct store *s, struct arena *a, const struct viewer *v, struct event *ev,
		 struct event *in, struct problems *p)
{
	if (!viewer_id(v))
		return ERR_AUTH;
	if (!event_can_change(v, ev))
		return ERR_FORBIDDEN;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = validate(c, a, in, p);
	if (!rc && p->n)
		rc = ERR_INVALID;
	/* handing it to another organizer or area needs the right there too */
	struct perm_target t = { NULL, true, ev->member, ev->coordinated };
	if (!rc && (!same(in->organizer, ev->organizer) || !same(in->area, ev->area))) {
		if (!(rc = relation(c, v, in->organizer, in->area, &t)))
			rc = perm_check_rules(v, event_rules, ACT_UPDATE, &t);
	}
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	if (!rc)
		rc = rows_run(c, "DELETE FROM event_search WHERE rowid = (SELECT seq FROM events WHERE id = ?1"
				 " AND (title IS NOT ?2 OR description IS NOT ?3 OR place IS NOT ?4))", 4,
			      ev->id, in->title, in->description, in->place);
	bool reindex = !rc && store_changes(c) > 0;
	if (!rc) {
		struct store_stmt *st = rows_prepare(c,
			"UPDATE events SET title = ?2, description = ?3, place = ?4, area_code = ?5, starts_at = ?6,"
			" ends_at = ?7, capacity = ?8, organizer_party_id = ?9, status = ?10, sequence = sequence + 1,"
			" updated_at = ?11 WHERE id = ?1", 11,
			ev->id, in->title, in->description, in->place, in->area, in->start, in->end, NULL,
			in->organizer, in->status, now);
		if (!st)
			rc = ERR_DB;
		else {
			if (in->has_capacity)
				store_bind_int(st, 8, in->capacity);
			rc = store_run(st);
		}
	}
	if (!rc)
		rc = write_children(c, ev->id, in, reindex);
	if (!rc && !strcmp(in->status, "scheduled"))
		rc = move_up(c, ev->id, now);
	if (!rc)
		rc = activity_add(c, v, "update", "event", ev->id, fields_changed(event_fields, event_nfields, ev, in, a));
	if ((rc = rows_commit(s, rc)))
		return rc;
	/* read it again: moving up changed the counts */
	struct event after;
	if (event_get(s, a, v, ev->id, &after) == 0) {
		*ev = after;
		return 0;
	}
	sort_links(in);
	in->sequence = ev->sequence + 1;
	in->updated_at = now;
	in->member = t.member;
	in->coordinated = t.coordinated;
	counts(in);
	*ev = *in;
	return 0;
}

/* ---- lists ---- */

/* ?1 ?2 starts from, before; ?3 ends at or after (upcoming), ?4 ended
 * before (past); ?5 ?6 the area's paths; ?7 organizer; ?8 issue; ?9
 * initiative; ?10 search; ?11 status; ?12 ?13 the cursor; ?14 limit. */
#define LIST_TESTS \
	" AND (?1 IS NULL OR e.starts_at >= ?1) AND (?2 IS NULL OR e.starts_at < ?2)" \
	" AND (?3 IS NULL OR e.ends_at >= ?3) AND (?4 IS NULL OR e.ends_at < ?4)" \
	" AND (?5 IS NULL OR (ar.path >= ?5 AND ar.path < ?6))" \
	" AND (?7 IS NULL OR e.organizer_party_id = ?7)" \
	" AND (?8 IS NULL OR EXISTS (SELECT 1 FROM event_issues x WHERE x.event_id = e.id AND x.issue_id = ?8))" \
	" AND (?9 IS NULL OR EXISTS (SELECT 1 FROM event_initiatives y WHERE y.event_id = e.id" \
	"      AND y.initiative_id = ?9))" \
	" AND (?10 IS NULL OR e.seq IN (SELECT rowid FROM event_search WHERE event_search MATCH ?10))" \
	" AND (?11 IS NULL OR e.status = ?11)"
/* An optional filter cannot use an index: a list starts from one filter
 * that is given and finds few (its driver, a plain condition), reads its
 * events and sorts them; else it walks the events in their order and
 * tests each (an organizer or a municipality walked 20,000 events). */
#define D_ALL "1 = 1"
#define D_AREA "e.area_code IN (SELECT code FROM areas WHERE path >= ?5 AND path < ?6)"
#define D_ORGANIZER "e.organizer_party_id = ?7"
#define D_ISSUE "e.id IN (SELECT event_id FROM event_issues WHERE issue_id = ?8)"
#define D_INITIATIVE "e.id IN (SELECT event_id FROM event_initiatives WHERE initiative_id = ?9)"
#define LISTS(driver) { \
	"SELECT " EVENT_COLS " FROM " EVENT_FROM " WHERE " driver LIST_TESTS \
	" AND (e.starts_at, e.id) > (?12, ?13) ORDER BY e.starts_at, e.id LIMIT ?14", \
	"SELECT " EVENT_COLS " FROM " EVENT_FROM " WHERE " driver LIST_TESTS \
	" AND (e.starts_at, e.id) < (?12, ?13) ORDER BY e.starts_at DESC, e.id DESC LIMIT ?14", \
}
enum { DRIVE_ALL, DRIVE_AREA, DRIVE_ORGANIZER, DRIVE_ISSUE, DRIVE_INITIATIVE, DRIVE_COUNT };
static const char *const list_sql[DRIVE_COUNT][2] = {
	[DRIVE_ALL] = LISTS(D_ALL),
	[DRIVE_AREA] = LISTS(D_AREA),
	[DRIVE_ORGANIZER] = LISTS(D_ORGANIZER),
	[DRIVE_ISSUE] = LISTS(D_ISSUE),
	[DRIVE_INITIATIVE] = LISTS(D_INITIATIVE),
};

/* Sorts past every real value, for the first page of a descending list. */
static const char past_all[] = "\xf4\x8f\xbf\xbf\xf4\x8f\xbf\xbf";

int event_list(struct store *s, struct arena *a, const struct viewer *v, const struct event_filter *f,
	       struct problems *p, struct event **items, size_t *n, const char **next)
{
	(void)v; /* events are public */
	*items = NULL;
	*n = 0;
	*next = NULL;
	int limit = valid_page(p, f->limit, NULL, NULL);
	char from[21], to[21], now[TIME_STRLEN + 1];
	time_now(now);
	const char *lo = NULL, *hi = NULL, *fts_q = NULL;
	char fts[512];
	if (f->from && !date_start(f->from, 0, from))
		problems_add(p, "from", R_BAD_FORMAT, 0);
	if (f->to && !date_start(f->to, 1, to))
		problems_add(p, "to", R_BAD_FORMAT, 0);
	int when = f->when ? enum_find(event_whens, WHEN_COUNT, f->when) : WHEN_ALL;
	if (when < 0)
		problems_add(p, "when", R_NOT_ONE_OF, 0);
	if (f->status && enum_find(event_statuses, EVENT_STATUS_COUNT, f->status) < 0)
		problems_add(p, "status", R_NOT_ONE_OF, 0);
	if (f->area && !area_range(s, a, f->area, &lo, &hi, NULL))
		problems_add(p, "area", R_UNKNOWN_AREA, 0);
	if (f->organizer && !uuid_valid(f->organizer, strlen(f->organizer)))
		problems_add(p, "organizer", R_BAD_FORMAT, 0);
	if (f->issue && !uuid_valid(f->issue, strlen(f->issue)))
		problems_add(p, "issue", R_BAD_FORMAT, 0);
	if (f->initiative && !uuid_valid(f->initiative, strlen(f->initiative)))
		problems_add(p, "initiative", R_BAD_FORMAT, 0);
	if (f->q && valid_text(p, "q", f->q, false, 200, false) && store_fts_query(f->q, fts, sizeof fts))
		fts_q = fts;
	bool desc = when == WHEN_PAST;
	if (f->sort && !strcmp(f->sort, "-start"))
		desc = true;
	else if (f->sort && !strcmp(f->sort, "start"))
		desc = false;
	else if (f->sort)
		problems_add(p, "sort", R_NOT_ONE_OF, 0);
	const char *after_value = desc ? past_all : "", *after_id = desc ? past_all : "";
	if (f->cursor && !cursor_decode(a, f->cursor, 1200, &after_value, &after_id))
		problems_add(p, "cursor", R_BAD_FORMAT, 0);
	if (p->n)
		return ERR_INVALID;
	/* a municipality's path is the third of its tree: a few events a
	 * week, where a province or the country holds thousands */
	int depth = 0;
	for (const char *c = lo; c && *c; c++)
		depth += *c == '/';
	int drive = f->initiative ? DRIVE_INITIATIVE
		  : f->issue ? DRIVE_ISSUE
		  : f->organizer ? DRIVE_ORGANIZER
		  : depth >= 3 ? DRIVE_AREA : DRIVE_ALL;
	struct store_stmt *st = rows_prepare(store_reader(s), list_sql[drive][desc], 13,
		f->from ? from : NULL, f->to ? to : NULL, when == WHEN_UPCOMING ? now : NULL,
		when == WHEN_PAST ? now : NULL, lo, hi, f->organizer, f->issue, f->initiative, fts_q, f->status,
		after_value, after_id);
	if (!st)
		return ERR_DB;
	struct event *list = arena_alloc(a, sizeof *list * (size_t)(limit + 1));
	int rc = rows_page(st, 14, a, read_row, list, sizeof *list, limit, n);
	if (rc < 0)
		return rc;
	*items = list;
	if (rc) {
		const struct event *last = &list[*n - 1];
		*next = cursor_encode(a, last->start, last->id);
	}
	return 0;
}

int event_list_linked(struct store *s, struct arena *a, const char *issue_id, const char *initiative_id,
		      size_t max, struct event **items, size_t *n)
{
	*items = NULL;
	*n = 0;
	char now[TIME_STRLEN + 1];
	time_now(now);
	struct store_stmt *st = rows_prepare(store_reader(s), issue_id
		? "SELECT " EVENT_COLS " FROM " EVENT_FROM
		  " WHERE e.id IN (SELECT event_id FROM event_issues WHERE issue_id = ?1)"
		  " ORDER BY CASE WHEN e.ends_at >= ?2 THEN 0 ELSE 1 END,"
		  " CASE WHEN e.ends_at >= ?2 THEN e.starts_at ELSE '' END, e.starts_at DESC, e.id LIMIT ?3"
		: "SELECT " EVENT_COLS " FROM " EVENT_FROM
		  " WHERE e.id IN (SELECT event_id FROM event_initiatives WHERE initiative_id = ?1)"
		  " ORDER BY CASE WHEN e.ends_at >= ?2 THEN 0 ELSE 1 END,"
		  " CASE WHEN e.ends_at >= ?2 THEN e.starts_at ELSE '' END, e.starts_at DESC, e.id LIMIT ?3",
		2, issue_id ? issue_id : initiative_id, now);
	if (!st)
		return ERR_DB;
	store_bind_int(st, 3, (int64_t)max);
	*items = arena_alloc(a, sizeof **items * (max + 1));
	return rows_read(st, a, read_row, *items, sizeof **items, max, n);
}

/* ---- registrations ---- */

#define REG_COLS \
	"r.event_id, r.user_id, u.name, r.status," \
	" CASE WHEN r.status = 'waiting' THEN (SELECT count(*) FROM event_registrations w" \
	"  WHERE w.event_id = r.event_id AND w.status = 'waiting' AND w.position <= r.position) ELSE 0 END," \
	" r.registered_at, r.updated_at"

static void read_reg(struct store_stmt *st, struct arena *a, void *row)
{
	struct event_registration *out = row;
	memset(out, 0, sizeof *out);
	out->event_id = arena_strdup(a, store_text(st, 0));
	out->user_id = arena_strdup(a, store_text(st, 1));
	out->user_name = rows_opt(st, a, 2);
	out->status = arena_strdup(a, store_text(st, 3));
	out->position = store_int(st, 4);
	out->registered_at = arena_strdup(a, store_text(st, 5));
	out->updated_at = arena_strdup(a, store_text(st, 6));
}

static int reg_read(struct store_conn *c, struct arena *a, const char *event_id, const char *user_id,
		    struct event_registration *out)
{
	struct store_stmt *st = rows_prepare(c,
		"SELECT " REG_COLS " FROM event_registrations r LEFT JOIN users u ON u.id = r.user_id"
		" WHERE r.event_id = ?1 AND r.user_id = ?2", 2, event_id, user_id);
	return rows_one(st, a, read_reg, out);
}

/* The event's status and whether it has started, on c. */
static int event_state(struct store_conn *c, const char *event_id, bool *cancelled, bool *started)
{
	if (!event_id || !uuid_valid(event_id, strlen(event_id)))
		return ERR_NOTFOUND;
	char now[TIME_STRLEN + 1];
	time_now(now);
	struct store_stmt *st = rows_prepare(c, "SELECT status, starts_at <= ?2 FROM events WHERE id = ?1", 2,
					     event_id, now);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		*cancelled = strcmp(store_text(st, 0), "scheduled") != 0;
		*started = store_int(st, 1) != 0;
		rc = 0;
	} else if (rc == STORE_DONE) {
		rc = ERR_NOTFOUND;
	}
	store_reset(st);
	return rc;
}

int event_register(struct store *s, struct arena *a, const struct viewer *v, const char *event_id,
		   struct event_registration *out, bool *created, enum event_refusal *why)
{
	*created = false;
	*why = REFUSE_NONE;
	if (!viewer_id(v))
		return ERR_AUTH;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	bool cancelled = false, started = false;
	int rc = event_state(c, event_id, &cancelled, &started);
	if (!rc && cancelled)
		*why = REFUSE_CANCELLED, rc = ERR_CONFLICT;
	else if (!rc && started)
		*why = REFUSE_STARTED, rc = ERR_CONFLICT;
	struct event_registration old;
	int found = rc ? rc : reg_read(c, a, event_id, v->user_id, &old);
	if (!rc && found != 0 && found != ERR_NOTFOUND)
		rc = found;
	if (!rc && found == 0 && strcmp(old.status, "cancelled") != 0) {
		store_write_end(s, false);
		*out = old;
		return 0;
	}
	char now[TIME_STRLEN + 1];
	time_now(now);
	/* the count and the place are taken under the writer: a second
	 * request for the last place waits for this one and finds it taken */
	if (!rc) {
		struct store_stmt *st = rows_prepare(c,
			"SELECT CASE WHEN e.capacity IS NULL OR e.capacity >"
			"  (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id"
			"   AND r.status IN ('registered', 'attended'))"
			"  AND NOT EXISTS (SELECT 1 FROM event_registrations w WHERE w.event_id = e.id AND w.status = 'waiting')"
			" THEN 'registered' ELSE 'waiting' END,"
			" (SELECT COALESCE(max(position), 0) + 1 FROM event_registrations r WHERE r.event_id = e.id)"
			" FROM events e WHERE e.id = ?1", 1, event_id);
		char status[16] = "";
		long long position = 0;
		if (!st) {
			rc = ERR_DB;
		} else {
			rc = store_step(st);
			if (rc == STORE_ROW) {
				snprintf(status, sizeof status, "%s", store_text(st, 0));
				position = store_int(st, 1);
				rc = 0;
			} else if (rc == STORE_DONE) {
				rc = ERR_NOTFOUND;
			}
			store_reset(st);
		}
		if (!rc) {
			st = rows_prepare(c, found == 0
				? "UPDATE event_registrations SET status = ?3, position = ?4, registered_at = ?5, updated_at = ?5"
				  " WHERE event_id = ?1 AND user_id = ?2"
				: "INSERT INTO event_registrations (event_id, user_id, status, position, registered_at, updated_at)"
				  " VALUES (?1, ?2, ?3, ?4, ?5, ?5)", 5, event_id, v->user_id, status, NULL, now);
			if (!st)
				rc = ERR_DB;
			else {
				store_bind_int(st, 4, position);
				rc = store_run(st);
			}
		}
		if (!rc)
			rc = activity_add_about(c, v, "event_register", "event", event_id, "status", v->user_id, status);
		if (!rc)
			rc = reg_read(c, a, event_id, v->user_id, out);
	}
	if ((rc = rows_commit(s, rc)))
		return rc;
	*created = true;
	return 0;
}

int event_unregister(struct store *s, const struct viewer *v, const char *event_id, enum event_refusal *why)
{
	*why = REFUSE_NONE;
	if (!viewer_id(v))
		return ERR_AUTH;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	bool cancelled = false, started = false;
	int rc = event_state(c, event_id, &cancelled, &started);
	if (!rc && started)
		*why = REFUSE_STARTED, rc = ERR_CONFLICT;
	char now[TIME_STRLEN + 1];
	time_now(now);
	if (!rc) {
		rc = rows_run(c, "UPDATE event_registrations SET status = 'cancelled', updated_at = ?3"
				 " WHERE event_id = ?1 AND user_id = ?2 AND status IN ('registered', 'waiting')", 3,
			      event_id, v->user_id, now);
		if (!rc && store_changes(c) == 0)
			*why = REFUSE_NOT_REGISTERED, rc = ERR_CONFLICT;
	}
	if (!rc)
		rc = activity_add_about(c, v, "event_unregister", "event", event_id, "status", v->user_id, "cancelled");
	if (!rc && !cancelled)
		rc = move_up(c, event_id, now);
	return rows_commit(s, rc);
}

int event_registration_get(struct store *s, struct arena *a, const struct viewer *v, const char *event_id,
			   struct event_registration *out)
{
	if (!viewer_id(v))
		return ERR_AUTH;
	if (!event_id || !uuid_valid(event_id, strlen(event_id)))
		return ERR_NOTFOUND;
	int rc = reg_read(store_reader(s), a, event_id, v->user_id, out);
	if (!rc && !strcmp(out->status, "cancelled"))
		rc = ERR_NOTFOUND;
	return rc;
}

int event_registrations(struct store *s, struct arena *a, const struct viewer *v, const char *event_id,
			struct event_registration **items, size_t *n)
{
	*items = NULL;
	*n = 0;
	struct event ev;
	int rc = event_get(s, a, v, event_id, &ev);
	if (rc)
		return rc;
	if (!viewer_id(v))
		return ERR_AUTH;
	if (!event_can_change(v, &ev))
		return ERR_FORBIDDEN;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " REG_COLS " FROM event_registrations r LEFT JOIN users u ON u.id = r.user_id"
		" WHERE r.event_id = ?1 AND r.status <> 'cancelled'"
		" ORDER BY CASE r.status WHEN 'waiting' THEN 1 ELSE 0 END, r.position LIMIT ?2", 1, ev.id);
	if (!st)
		return ERR_DB;
	store_bind_int(st, 2, EVENT_REGISTRATIONS_MAX);
	*items = arena_alloc(a, sizeof **items * EVENT_REGISTRATIONS_MAX);
	return rows_read(st, a, read_reg, *items, sizeof **items, EVENT_REGISTRATIONS_MAX, n);
}

int event_attendance(struct store *s, struct arena *a, const struct viewer *v, const char *event_id,
		     const char *user_id, bool attended, struct event_registration *out)
{
	struct event ev;
	int rc = event_get(s, a, v, event_id, &ev);
	if (rc)
		return rc;
	if (!viewer_id(v))
		return ERR_AUTH;
	if (!event_can_change(v, &ev))
		return ERR_FORBIDDEN;
	if (!user_id || !uuid_valid(user_id, strlen(user_id)))
		return ERR_NOTFOUND;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	char now[TIME_STRLEN + 1];
	time_now(now);
	rc = reg_read(c, a, ev.id, user_id, out);
	if (!rc && strcmp(out->status, "registered") != 0 && strcmp(out->status, "attended") != 0)
		rc = ERR_INVALID;
	if (!rc)
		rc = rows_run(c, "UPDATE event_registrations SET status = ?3, updated_at = ?4"
				 " WHERE event_id = ?1 AND user_id = ?2", 4,
			      ev.id, user_id, attended ? "attended" : "registered", now);
	if (!rc)
		rc = activity_add_about(c, v, "event_attendance", "event", ev.id, "status", user_id,
					attended ? "attended" : "registered");
	if (!rc)
		rc = reg_read(c, a, ev.id, user_id, out);
	return rows_commit(s, rc);
}

/* ---- iCalendar ---- */

void event_calendar(struct buf *b, const struct event *items, size_t n)
{
	ical_begin(b, "-//kiem//NONSGML kiem bijeenkomsten//NL");
	time_t now = time(NULL);
	for (size_t i = 0; i < n; i++) {
		const struct event *ev = &items[i];
		time_t start = 0, end = 0;
		time_parse(ev->start, strlen(ev->start), &start);
		time_parse(ev->end, strlen(ev->end), &end);
		char uid[UUID_STRLEN + 16];
		snprintf(uid, sizeof uid, "%s@kiem", ev->id);
		ical_event(b, &(struct ical_event){ .uid = uid, .stamp = now, .start = start, .end = end,
						    .sequence = ev->sequence, .cancelled = !strcmp(ev->status, "cancelled"),
						    .summary = ev->title, .description = ev->description,
						    .location = ev->place });
	}
	ical_end(b);
}

/* ---- the descriptors and the registry ---- */

#define AT(member) FIELD_AT(struct event, member)
#define TIME_EXAMPLE "\"2026-11-27T06:05:33Z\""
const struct field_desc event_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, AT(id), .label = { "Nummer", "Number" },
	  .doc = "The identifier (id), a UUID version 7.", .example = "\"01a21b9b-ef12-7389-b34f-05f66f35eaac\"" },
	{ .name = "title", .kind = FK_TEXT, .flags = F_REQUIRED, AT(title), .min = 1, .max = EVENT_TITLE_MAX,
	  .label = { "Titel", "Title" },
	  .hint = { "Kort en duidelijk, zoals: Ontwerpavond buurtkamer Overvecht.",
		    "Short and clear, like: Design evening for the Overvecht community room." },
	  .doc = "The title (titel).", .example = "\"Ontwerpavond buurtkamer\"" },
	{ .name = "description", .kind = FK_MARKDOWN, AT(description), .max = EVENT_DESCRIPTION_MAX,
	  .label = { "Beschrijving", "Description" },
	  .hint = { "Wat gaan jullie doen, en voor wie is het? Je kunt Markdown gebruiken, zoals **vet** en lijstjes.",
		    "What will you do, and who is it for? You can use Markdown, like **bold** and lists." },
	  .doc = "The description (beschrijving), in Markdown; empty when not given.",
	  .example = "\"We ontwerpen **samen** de buurtkamer.\"" },
	{ .name = "place", .kind = FK_TEXT, .flags = F_REQUIRED, AT(place), .min = 1, .max = EVENT_PLACE_MAX,
	  .label = { "Plaats", "Place" },
	  .hint = { "Het adres of de plek, zoals: Buurthuis De Boog, Zamenhofdreef 1, Utrecht. Of: online.",
		    "The address or place, like: Buurthuis De Boog, Zamenhofdreef 1, Utrecht. Or: online." },
	  .doc = "Where (plaats): an address, a place, or \"online\".", .example = "\"Buurthuis De Boog, Utrecht\"" },
	{ .name = "area", .kind = FK_AREA, .flags = F_NULLABLE | F_MODEL_CHECKS, AT(area), .max = 16,
	  .label = { "Gebied", "Area" }, .hint = { "In welk gebied is het? Mag leeg blijven.",
						   "In which area is it? May stay empty." },
	  .doc = "The code of the area (gebied), or null.", .example = "\"WK034403\"" },
	{ .name = "areaName", .kind = FK_TEXT, .flags = F_READ_ONLY | F_NULLABLE, AT(area_name), .max = 200,
	  .label = { "Naam van het gebied", "Name of the area" }, .doc = "The area's name, or null.",
	  .example = "\"Overvecht\"" },
	{ .name = "start", .kind = FK_TIME, .flags = F_REQUIRED, AT(start), .max = 40, .label = { "Begin", "Start" },
	  .hint = { "De dag en het tijdstip waarop het begint.", "The day and time it starts." },
	  .doc = "When it starts (begin), RFC 3339; answered in UTC.", .example = "\"2026-06-15T17:00:00Z\"" },
	{ .name = "end", .kind = FK_TIME, .flags = F_REQUIRED, AT(end), .max = 40, .label = { "Einde", "End" },
	  .hint = { "De dag en het tijdstip waarop het eindigt: na het begin.", "The day and time it ends: after the start." },
	  .doc = "When it ends (einde), RFC 3339, after the start and at most 14 days later; answered in UTC.",
	  .example = "\"2026-06-15T19:00:00Z\"" },
	{ .name = "capacity", .kind = FK_INT, .flags = F_NULLABLE, AT(capacity), FIELD_HAS(struct event, has_capacity),
	  .min = 1, .max = EVENT_CAPACITY_MAX, .label = { "Aantal plaatsen", "Places" },
	  .hint = { "Hoeveel mensen kunnen meedoen? Leeg: geen grens. Wie zich aanmeldt als het vol is, komt op de wachtlijst.",
		    "How many people can take part? Empty: no limit. Whoever registers when it is full goes on the waiting list." },
	  .doc = "How many places (aantal plaatsen), 1 or more, or null for no limit. Lowered below the number"
		 " registered, everyone registered keeps their place.", .example = "25" },
	{ .name = "organizer", .kind = FK_REF, .flags = F_REQUIRED | F_NULLABLE, AT(organizer), .ref = "party",
	  .label = { "Organisator", "Organizer" },
	  .hint = { "De partij die de bijeenkomst organiseert. Je kiest uit de partijen waar je lid van bent.",
		    "The party that organises the event. You choose from the parties you are a member of." },
	  .doc = "The id of the organizing party (organisator); null when it was removed. To set it, the caller must"
		 " be a member of it, a coordinator of the area or a platform administrator.",
	  .example = "\"01a21b9b-eab2-7153-a00d-9c466e28560b\"" },
	{ .name = "organizerName", .kind = FK_TEXT, .flags = F_READ_ONLY | F_NULLABLE, AT(organizer_name), .max = 200,
	  .label = { "Naam van de organisator", "Name of the organizer" },
	  .doc = "The organizer's name, or null when it was removed or is not public.", .example = "\"Buurtteam Overvecht\"" },
	{ .name = "issues", .kind = FK_REF, .flags = F_LIST, AT(issues), .ref = "issue", .max_items = EVENT_LINKS_MAX,
	  .label = { "Vraagstukken", "Social issues" },
	  .hint = { "De vraagstukken waar de bijeenkomst over gaat.", "The social issues the event is about." },
	  .doc = "The ids of the social issues it is about (vraagstukken), at most 20.", .example = "[]" },
	{ .name = "initiatives", .kind = FK_REF, .flags = F_LIST, AT(initiatives), .ref = "initiative",
	  .max_items = EVENT_LINKS_MAX, .label = { "Initiatieven", "Initiatives" },
	  .hint = { "De initiatieven waar de bijeenkomst bij hoort.", "The initiatives the event belongs to." },
	  .doc = "The ids of the initiatives it belongs to (initiatieven), at most 20.", .example = "[]" },
	{ .name = "status", .kind = FK_ENUM, AT(status), .keys = event_statuses, .nkeys = EVENT_STATUS_COUNT,
	  .def = "scheduled", .schema = "EventStatus", .label = { "Status", "Status" },
	  .doc = "scheduled (gepland) or cancelled (gaat niet door): a cancelled event takes no registrations and"
		 " is STATUS:CANCELLED in its iCalendar file." },
	{ .name = "sequence", .kind = FK_INT, .flags = F_READ_ONLY, AT(sequence), .min = 0, .max = 2147483647,
	  .label = { "Versie", "Version" }, .doc = "Counted up on every change: iCalendar's SEQUENCE.", .example = "0" },
	{ .name = "registered", .kind = FK_INT, .flags = F_READ_ONLY, AT(registered), .min = 0, .max = 2147483647,
	  .label = { "Aangemeld", "Registered" }, .doc = "How many people have a place (registered or attended).",
	  .example = "12" },
	{ .name = "waiting", .kind = FK_INT, .flags = F_READ_ONLY, AT(waiting), .min = 0, .max = 2147483647,
	  .label = { "Op de wachtlijst", "Waiting" }, .doc = "How many are on the waiting list.", .example = "0" },
	{ .name = "placesLeft", .kind = FK_INT, .flags = F_READ_ONLY | F_NULLABLE, AT(places_left),
	  FIELD_HAS(struct event, has_places_left), .min = 0, .max = 2147483647,
	  .label = { "Plaatsen over", "Places left" }, .doc = "Places left, or null without a capacity.", .example = "13" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(created_at),
	  .label = { "Aangemaakt op", "Created" }, .doc = "When it was made.", .example = TIME_EXAMPLE },
	{ .name = "updatedAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(updated_at), .label = { "Bijgewerkt", "Updated" },
	  .doc = "When it last changed.", .example = TIME_EXAMPLE },
};
const size_t event_nfields = sizeof event_fields / sizeof event_fields[0];
#undef AT

#define AT(member) FIELD_AT(struct event_registration, member)
const struct field_desc event_registration_fields[] = {
	{ .name = "user", .kind = FK_REF, .flags = F_READ_ONLY, AT(user_id), .ref = "user",
	  .label = { "Persoon", "Person" }, .doc = "The id of the person.", .example = "\"01a21b9b-eab2-7153-a00d-9c466e28560b\"" },
	{ .name = "name", .kind = FK_TEXT, .flags = F_READ_ONLY | F_NULLABLE, AT(user_name), .max = 200,
	  .label = { "Naam", "Name" }, .doc = "The person's name.", .example = "\"Rita Bewoner\"" },
	{ .name = "status", .kind = FK_ENUM, .flags = F_REQUIRED, AT(status), .keys = reg_statuses,
	  .nkeys = REG_STATUS_COUNT, .schema = "RegistrationStatus", .label = { "Status", "Status" },
	  .doc = "registered (aangemeld), waiting (op de wachtlijst), cancelled (afgemeld) or attended (was erbij)."
		 " The organizer changes registered to attended, or back." },
	{ .name = "position", .kind = FK_INT, .flags = F_READ_ONLY, AT(position), .min = 0, .max = 2147483647,
	  .label = { "Plaats op de wachtlijst", "Place on the waiting list" },
	  .doc = "The place on the waiting list, 1 first; 0 when not waiting.", .example = "0" },
	{ .name = "registeredAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(registered_at),
	  .label = { "Aangemeld op", "Registered" }, .doc = "When the person registered.", .example = TIME_EXAMPLE },
	{ .name = "updatedAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(updated_at),
	  .label = { "Bijgewerkt", "Updated" }, .doc = "When the status last changed.", .example = TIME_EXAMPLE },
};
const size_t event_registration_nfields = sizeof event_registration_fields / sizeof event_registration_fields[0];
#undef AT

static const struct export_part event_exports[] = {
	{ "eventsCreated", "SELECT id, title, starts_at, created_at FROM events WHERE created_by = ?1 ORDER BY created_at, id",
	  (const char *const[]){ "id", "title", "start", "createdAt" }, 4, NULL, false },
};
static const char *const event_erase[] = {
	"UPDATE events SET created_by = NULL WHERE created_by = ?1",
};
const struct entity_type event_type = {
	.key = "event", .table = "events", .perm = OBJ_ISSUE, .noun = { "Bijeenkomst", "Event" },
	.page = "/bijeenkomsten/", .api = "/api/v1/events/",
	.name_sql = "SELECT title FROM events WHERE id = ?1",
	.scope_sql = "SELECT id FROM events WHERE area_code IN (" AREAS_COORDINATED_BY("?1") ")",
	.exports = event_exports, .nexports = 1, .erase = event_erase, .nerase = 1,
	.registers = { "events" },
	.fields = event_fields, .nfields = sizeof event_fields / sizeof event_fields[0], .schema = "Event",
};

static const struct export_part registration_exports[] = {
	{ "eventRegistrations",
	  "SELECT r.event_id, e.title, e.starts_at, r.status, r.registered_at FROM event_registrations r"
	  " JOIN events e ON e.id = r.event_id WHERE r.user_id = ?1 ORDER BY r.registered_at, r.event_id",
	  (const char *const[]){ "eventId", "eventTitle", "start", "status", "registeredAt" }, 5, NULL, false },
};

/* Erasing a person takes their registrations away; a place it frees in
 * an event still to come goes to the first on its waiting list. */
static int registration_erase(struct store_conn *c, const char *user_id)
{
	char now[TIME_STRLEN + 1];
	time_now(now);
	struct store_stmt *st = rows_prepare(c,
		"SELECT r.event_id FROM event_registrations r JOIN events e ON e.id = r.event_id"
		" WHERE r.user_id = ?1 AND r.status = 'registered' AND e.starts_at > ?2", 2, user_id, now);
	if (!st)
		return ERR_DB;
	enum { MAX = 1000 };
	char (*ids)[UUID_STRLEN + 1] = calloc(MAX, sizeof *ids);
	if (!ids) {
		store_reset(st);
		return ERR_NOMEM;
	}
	size_t n = 0;
	int rc;
	while ((rc = store_step(st)) == STORE_ROW && n < MAX)
		snprintf(ids[n++], sizeof ids[0], "%s", store_text(st, 0));
	store_reset(st);
	rc = rc < 0 ? rc : 0;
	if (!rc)
		rc = rows_run(c, "DELETE FROM event_registrations WHERE user_id = ?1", 1, user_id);
	for (size_t i = 0; !rc && i < n; i++)
		rc = move_up(c, ids[i], now);
	free(ids);
	return rc;
}
static const char *const registration_erase_sql[] = {
	"DELETE FROM event_registrations WHERE user_id = ?1 AND status <> 'registered'",
};
const struct entity_type event_registration_type = {
	.key = "event_registration", .table = "event_registrations", .perm = OBJ_ISSUE,
	.noun = { "Aanmelding voor een bijeenkomst", "Registration for an event" },
	.exports = registration_exports, .nexports = 1, .erase = registration_erase_sql, .nerase = 1,
	.erase_fn = registration_erase,
	.registers = { "events" },
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const events_types[] = { &event_registration_type, &event_type, NULL };
