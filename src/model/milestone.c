/* milestone: an initiative's milestones (mijlpalen), results.h. */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "initiative.h"
#include "notify.h"
#include "results_rules.h"
#include "rows.h"

#define MILESTONE_COLS "id, initiative_id, title, due, status, progress, created_by, created_at, updated_at"

static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct milestone *m = row;
	memset(m, 0, sizeof *m);
	snprintf(m->id, sizeof m->id, "%s", store_text(st, 0));
	m->initiative_id = arena_strdup(a, store_text(st, 1));
	m->title = arena_strdup(a, store_text(st, 2));
	m->due = arena_strdup(a, store_text(st, 3));
	m->status = arena_strdup(a, store_text(st, 4));
	m->progress = store_int(st, 5);
	m->has_progress = true;
	m->created_by = rows_opt(st, a, 6);
	m->created_at = arena_strdup(a, store_text(st, 7));
	m->updated_at = arena_strdup(a, store_text(st, 8));
}

/* Overdue: its due date has passed and it is neither done nor cancelled. */
static void mark(struct milestone *m, const char *today)
{
	m->overdue = m->due && strcmp(m->due, today) < 0 &&
		     (!strcmp(m->status, "planned") || !strcmp(m->status, "in_progress"));
}

int milestone_list(struct store *s, struct arena *a, const char *initiative_id, struct milestone **items,
		   size_t *n)
{
	int rc = results_initiative_exists(s, initiative_id);
	return rc ? rc : milestone_list_known(s, a, initiative_id, items, n);
}

int milestone_list_known(struct store *s, struct arena *a, const char *initiative_id, struct milestone **items,
			 size_t *n)
{
	int rc;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " MILESTONE_COLS " FROM milestones WHERE initiative_id = ?1 ORDER BY due, seq LIMIT 1000", 1,
		initiative_id);
	if (!st)
		return ERR_DB;
	size_t cap = MILESTONES_MAX + 10;
	*items = arena_alloc(a, sizeof **items * cap);
	if ((rc = rows_read(st, a, read_row, *items, sizeof **items, cap, n)))
		return rc;
	char today[11];
	results_today(today);
	for (size_t i = 0; i < *n; i++)
		mark(&(*items)[i], today);
	return 0;
}

int milestone_get(struct store *s, struct arena *a, const char *initiative_id, const char *id,
		  struct milestone *out)
{
	if (!id || !uuid_valid(id, strlen(id)) || !initiative_id)
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " MILESTONE_COLS " FROM milestones WHERE id = ?1 AND initiative_id = ?2", 2, id, initiative_id);
	int rc = rows_one(st, a, read_row, out);
	if (!rc) {
		char today[11];
		results_today(today);
		mark(out, today);
	}
	return rc;
}

/* The rules no descriptor says: progress 0 when not given, 100 when done. */
static void settle(struct milestone *in)
{
	if (!in->has_progress) {
		in->progress = 0;
		in->has_progress = true;
	}
	if (in->status && !strcmp(in->status, "done"))
		in->progress = 100;
}

static int write_row(struct store_conn *c, const struct milestone *in, bool create)
{
	struct store_stmt *st = create
		? rows_prepare(c, "INSERT INTO milestones (id, initiative_id, title, due, status, progress, created_by,"
				  " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", 5,
			       in->id, in->initiative_id, in->title, in->due, in->status)
		: rows_prepare(c, "UPDATE milestones SET title = ?3, due = ?4, status = ?5, progress = ?6, updated_at = ?7"
				  " WHERE id = ?1 AND initiative_id = ?2", 5,
			       in->id, in->initiative_id, in->title, in->due, in->status);
	if (!st)
		return ERR_DB;
	store_bind_int(st, 6, in->progress);
	if (create) {
		store_bind_str(st, 7, in->created_by);
		store_bind_str(st, 8, in->created_at);
	} else {
		store_bind_str(st, 7, in->updated_at);
	}
	int rc = store_run(st);
	if (!rc && !create && store_changes(c) == 0)
		rc = ERR_NOTFOUND;
	return rc;
}

int milestone_create(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		     struct milestone *in, struct problems *p)
{
	struct initiative_rel rel;
	int rc = results_check(s, v, initiative_id, ACT_CREATE, false, NULL, &rel);
	if (rc)
		return rc;
	fields_validate(milestone_fields, milestone_nfields, in, store_reader(s), a, p);
	if (p->n)
		return ERR_INVALID;
	settle(in);
	uuid7_new(in->id);
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	in->initiative_id = initiative_id;
	in->created_at = in->updated_at = now;
	in->created_by = v->user_id[0] ? v->user_id : NULL;
	char today[11];
	results_today(today);
	mark(in, today);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = results_count(c, "SELECT count(*) FROM milestones WHERE initiative_id = ?1", initiative_id, MILESTONES_MAX);
	if (!rc)
		rc = write_row(c, in, true);
	if (!rc)
		rc = activity_add_about(c, v, "create", "milestone", in->id, "", NULL, in->status);
	if (!rc)
		rc = notify_initiative_followers(c, v, initiative_id, "milestone", in->id);
	return rows_commit(s, rc);
}

int milestone_update(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		     const struct milestone *before, struct milestone *in, struct problems *p)
{
	struct initiative_rel rel;
	int rc = results_check(s, v, initiative_id, ACT_UPDATE, true, NULL, &rel);
	if (rc)
		return rc;
	const struct milestone old = *before;
	snprintf(in->id, sizeof in->id, "%s", old.id);
	fields_validate(milestone_fields, milestone_nfields, in, store_reader(s), a, p);
	if (p->n)
		return ERR_INVALID;
	settle(in);
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	in->initiative_id = initiative_id;
	in->updated_at = now;
	in->created_at = old.created_at;
	in->created_by = old.created_by;
	char today[11];
	results_today(today);
	mark(in, today);
	const char *fields = fields_changed(milestone_fields, milestone_nfields, &old, in, a);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = write_row(c, in, false);
	if (!rc)
		rc = activity_add_about(c, v, "update", "milestone", in->id, fields, NULL, in->status);
	return rows_commit(s, rc);
}

int milestone_delete(struct store *s, const struct viewer *v, const char *initiative_id, const char *id)
{
	struct initiative_rel rel;
	int rc = results_check(s, v, initiative_id, ACT_DELETE, true, NULL, &rel);
	if (rc)
		return rc;
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_change(c, "DELETE FROM milestones WHERE id = ?1 AND initiative_id = ?2", 2, id, initiative_id);
	if (!rc)
		rc = activity_add(c, v, "delete", "milestone", id, "");
	return rows_commit(s, rc);
}

static const char *const status_hints[MS_STATUS_COUNT][LANG_COUNT] = {
	[MS_PLANNED] = { "nog niet begonnen", "not started yet" },
	[MS_IN_PROGRESS] = { "er wordt aan gewerkt", "being worked on" },
	[MS_DONE] = { "bereikt; de voortgang wordt 100%", "reached; the progress becomes 100%" },
	[MS_CANCELLED] = { "gaat niet meer door", "no longer going ahead" },
};

const struct field_desc milestone_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct milestone, id),
	  .label = { "Nummer", "Number" }, .doc = "Its identifier (mijlpaal-id).",
	  .example = "\"01a21b02-1c3d-7e4f-8a9b-0c1d2e3f4a5b\"" },
	{ .name = "initiative", .kind = FK_REF, .flags = F_READ_ONLY, FIELD_AT(struct milestone, initiative_id),
	  .ref = "initiative", .label = { "Initiatief", "Initiative" },
	  .doc = "The initiative (initiatief) it belongs to.", .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fb\"" },
	{ .name = "title", .kind = FK_TEXT, .flags = F_REQUIRED, FIELD_AT(struct milestone, title), .min = 1, .max = 200,
	  .label = { "Mijlpaal", "Milestone" },
	  .hint = { "Wat is er bereikt als deze mijlpaal klaar is? Hoogstens 200 tekens.",
		    "What has been reached when this milestone is done? At most 200 characters." },
	  .doc = "What is reached (titel van de mijlpaal).", .example = "\"Eerste tien deelnemers\"" },
	{ .name = "due", .kind = FK_DATE, .flags = F_REQUIRED, FIELD_AT(struct milestone, due),
	  .label = { "Klaar op", "Due" }, .hint = { "De datum waarop de mijlpaal bereikt moet zijn.",
						    "The date by which the milestone should be reached." },
	  .doc = "The date it should be reached by (streefdatum), YYYY-MM-DD.", .example = "\"2027-03-01\"" },
	{ .name = "status", .kind = FK_ENUM, FIELD_AT(struct milestone, status), .keys = milestone_statuses,
	  .nkeys = MS_STATUS_COUNT, .def = "planned", .key_hints = status_hints, .schema = "MilestoneStatus",
	  .label = { "Stand", "Status" },
	  .doc = "Where it stands (stand): planned (gepland), in_progress (bezig), done (klaar: progress becomes 100), "
		 "cancelled (vervallen). Default planned." },
	{ .name = "progress", .kind = FK_INT, .flags = F_NULLABLE, FIELD_AT(struct milestone, progress),
	  FIELD_HAS(struct milestone, has_progress), .min = 0, .max = 100, .label = { "Voortgang (procent)", "Progress (percent)" },
	  .hint = { "Een getal van 0 tot en met 100.", "A number from 0 to 100." },
	  .doc = "How far it is (voortgang), 0-100 percent; 0 when not given, 100 when done.", .example = "40" },
	{ .name = "overdue", .kind = FK_BOOL, .flags = F_READ_ONLY, FIELD_AT(struct milestone, overdue),
	  .label = { "Over tijd", "Overdue" },
	  .doc = "Computed: the due date has passed and it is neither done nor cancelled (over tijd).",
	  .example = "false" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct milestone, created_at),
	  .label = { "Vastgelegd op", "Recorded" }, .doc = "When it was recorded (vastgelegd op), UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
	{ .name = "updatedAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct milestone, updated_at),
	  .label = { "Gewijzigd op", "Changed" }, .doc = "When it last changed (gewijzigd op), UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
};
const size_t milestone_nfields = sizeof milestone_fields / sizeof milestone_fields[0];

static const struct export_part milestone_exports[] = {
	{ "milestonesCreated",
	  "SELECT m.id, m.initiative_id, i.title, m.title, m.due, m.status, m.created_at, m.updated_at"
	  " FROM milestones m JOIN initiatives i ON i.id = m.initiative_id WHERE m.created_by = ?1 ORDER BY m.seq",
	  (const char *const[]){ "id", "initiativeId", "initiativeTitle", "title", "due", "status", "createdAt",
				 "updatedAt" }, 8, NULL, false },
};
static const char *const milestone_erase[] = {
	"UPDATE milestones SET created_by = NULL WHERE created_by = ?1",
};
const struct entity_type milestone_type = {
	.key = "milestone", .table = "milestones", .perm = OBJ_COUNT, /* its own rules: results.c */
	.noun = { "Mijlpaal", "Milestone" },
	.name_sql = "SELECT title FROM milestones WHERE id = ?1",
	.scope_sql = "SELECT m.id FROM milestones m JOIN initiatives i ON i.id = m.initiative_id"
		     " WHERE i.area_code IN (" AREAS_COORDINATED_BY("?1") ")",
	.exports = milestone_exports, .nexports = 1, .erase = milestone_erase, .nerase = 1,
	.privacy_note = "Milestones belong to the initiative: they stay, without who recorded them.",
	.registers = { "initiative_results" },
	.fields = milestone_fields, .nfields = sizeof milestone_fields / sizeof milestone_fields[0],
	.schema = "Milestone",
};
