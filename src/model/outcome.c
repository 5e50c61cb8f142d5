/* outcome: an initiative's outcomes (resultaten) and their measurements
 * (metingen), results.h. An outcome's latest value and the sums of costs
 * and savings are computed from its measurements on each read. */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "initiative.h"
#include "results_rules.h"
#include "rows.h"

/* The latest measurement: the last measured, of those the last made. */
#define OUTCOME_COLS \
	"o.id, o.initiative_id, o.indicator, o.unit, o.baseline, o.target, o.created_by, o.created_at, o.updated_at," \
	" (SELECT count(*) FROM outcome_measurements m WHERE m.outcome_id = o.id)," \
	" (SELECT COALESCE(sum(m.cost_cents), 0) FROM outcome_measurements m WHERE m.outcome_id = o.id)," \
	" (SELECT COALESCE(sum(m.savings_cents), 0) FROM outcome_measurements m WHERE m.outcome_id = o.id)," \
	" l.value, l.measured_on" \
	" FROM outcomes o LEFT JOIN outcome_measurements l ON l.id = (SELECT m.id FROM outcome_measurements m" \
	"   WHERE m.outcome_id = o.id ORDER BY m.measured_on DESC, m.seq DESC LIMIT 1)"

static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct outcome *o = row;
	memset(o, 0, sizeof *o);
	snprintf(o->id, sizeof o->id, "%s", store_text(st, 0));
	o->initiative_id = arena_strdup(a, store_text(st, 1));
	o->indicator = arena_strdup(a, store_text(st, 2));
	o->unit = arena_strdup(a, store_text(st, 3));
	if ((o->has_baseline = !store_is_null(st, 4)))
		o->baseline = store_int(st, 4);
	if ((o->has_target = !store_is_null(st, 5)))
		o->target = store_int(st, 5);
	o->created_by = rows_opt(st, a, 6);
	o->created_at = arena_strdup(a, store_text(st, 7));
	o->updated_at = arena_strdup(a, store_text(st, 8));
	o->measurements = store_int(st, 9);
	o->cost_cents = store_int(st, 10);
	o->savings_cents = store_int(st, 11);
	if ((o->has_latest = !store_is_null(st, 12)))
		o->latest_value = store_int(st, 12);
	o->latest_on = rows_opt(st, a, 13);
}

int outcome_list(struct store *s, struct arena *a, const char *initiative_id, struct outcome **items,
		 size_t *n, struct outcome_totals *tot)
{
	int rc = results_initiative_exists(s, initiative_id);
	return rc ? rc : outcome_list_known(s, a, initiative_id, items, n, tot);
}

int outcome_list_known(struct store *s, struct arena *a, const char *initiative_id, struct outcome **items,
		       size_t *n, struct outcome_totals *tot)
{
	int rc;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " OUTCOME_COLS " WHERE o.initiative_id = ?1 ORDER BY o.seq LIMIT 100", 1, initiative_id);
	if (!st)
		return ERR_DB;
	size_t cap = OUTCOMES_MAX + 10;
	*items = arena_alloc(a, sizeof **items * cap);
	if ((rc = rows_read(st, a, read_row, *items, sizeof **items, cap, n)))
		return rc;
	memset(tot, 0, sizeof *tot);
	for (size_t i = 0; i < *n; i++) {
		tot->cost_cents += (*items)[i].cost_cents;
		tot->savings_cents += (*items)[i].savings_cents;
	}
	return 0;
}

int outcome_get(struct store *s, struct arena *a, const char *initiative_id, const char *id,
		struct outcome *out)
{
	if (!id || !uuid_valid(id, strlen(id)) || !initiative_id)
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " OUTCOME_COLS " WHERE o.id = ?1 AND o.initiative_id = ?2", 2, id, initiative_id);
	return rows_one(st, a, read_row, out);
}

static void bind_opt(struct store_stmt *st, int i, bool given, long long v)
{
	if (given)
		store_bind_int(st, i, v);
	else
		store_bind_null(st, i);
}

static int write_row(struct store_conn *c, const struct outcome *in, bool create)
{
	struct store_stmt *st = create
		? rows_prepare(c, "INSERT INTO outcomes (id, initiative_id, indicator, unit, baseline, target, created_by,"
				  " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", 4,
			       in->id, in->initiative_id, in->indicator, in->unit)
		: rows_prepare(c, "UPDATE outcomes SET indicator = ?3, unit = ?4, baseline = ?5, target = ?6, updated_at = ?7"
				  " WHERE id = ?1 AND initiative_id = ?2", 4,
			       in->id, in->initiative_id, in->indicator, in->unit);
	if (!st)
		return ERR_DB;
	bind_opt(st, 5, in->has_baseline, in->baseline);
	bind_opt(st, 6, in->has_target, in->target);
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

int outcome_create(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		   struct outcome *in, struct problems *p)
{
	struct initiative_rel rel;
	int rc = results_check(s, v, initiative_id, ACT_CREATE, true, NULL, &rel);
	if (rc)
		return rc;
	fields_validate(outcome_fields, outcome_nfields, in, store_reader(s), a, p);
	if (p->n)
		return ERR_INVALID;
	uuid7_new(in->id);
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	in->initiative_id = initiative_id;
	in->created_at = in->updated_at = now;
	in->created_by = v->user_id[0] ? v->user_id : NULL;
	in->measurements = in->cost_cents = in->savings_cents = 0;
	in->has_latest = false;
	in->latest_on = NULL;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = results_count(c, "SELECT count(*) FROM outcomes WHERE initiative_id = ?1", initiative_id, OUTCOMES_MAX);
	if (!rc)
		rc = write_row(c, in, true);
	if (!rc)
		rc = activity_add(c, v, "create", "outcome", in->id, "");
	return rows_commit(s, rc);
}

int outcome_update(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		   const struct outcome *before, struct outcome *in, struct problems *p)
{
	struct initiative_rel rel;
	int rc = results_check(s, v, initiative_id, ACT_UPDATE, true, NULL, &rel);
	if (rc)
		return rc;
	const struct outcome old = *before;
	snprintf(in->id, sizeof in->id, "%s", old.id);
	fields_validate(outcome_fields, outcome_nfields, in, store_reader(s), a, p);
	if (p->n)
		return ERR_INVALID;
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	in->initiative_id = initiative_id;
	in->updated_at = now;
	const char *fields = fields_changed(outcome_fields, outcome_nfields, &old, in, a);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = write_row(c, in, false);
	if (!rc)
		rc = activity_add(c, v, "update", "outcome", in->id, fields);
	return rows_commit(s, rc);
}

int outcome_delete(struct store *s, const struct viewer *v, const char *initiative_id, const char *id)
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
	rc = rows_change(c, "DELETE FROM outcomes WHERE id = ?1 AND initiative_id = ?2", 2, id, initiative_id);
	if (!rc)
		rc = activity_add(c, v, "delete", "outcome", id, "");
	return rows_commit(s, rc);
}

/* ---- measurements ---- */

#define MEASUREMENT_COLS "id, outcome_id, measured_on, value, cost_cents, savings_cents, note, created_by, created_at"

static void read_measurement(struct store_stmt *st, struct arena *a, void *row)
{
	struct measurement *m = row;
	memset(m, 0, sizeof *m);
	snprintf(m->id, sizeof m->id, "%s", store_text(st, 0));
	m->outcome_id = arena_strdup(a, store_text(st, 1));
	m->measured_on = arena_strdup(a, store_text(st, 2));
	m->value = store_int(st, 3);
	m->has_value = true;
	if ((m->has_cost = !store_is_null(st, 4)))
		m->cost_cents = store_int(st, 4);
	if ((m->has_savings = !store_is_null(st, 5)))
		m->savings_cents = store_int(st, 5);
	m->note = arena_strdup(a, store_text(st, 6));
	m->created_by = rows_opt(st, a, 7);
	m->created_at = arena_strdup(a, store_text(st, 8));
}

/* 0 when the outcome is the initiative's, else ERR_NOTFOUND. */
static int outcome_of(struct store *s, const char *initiative_id, const char *outcome_id)
{
	if (!outcome_id || !uuid_valid(outcome_id, strlen(outcome_id)) || !initiative_id)
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT 1 FROM outcomes WHERE id = ?1 AND initiative_id = ?2", 2, outcome_id, initiative_id);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	store_reset(st);
	return rc == STORE_ROW ? 0 : rc == STORE_DONE ? ERR_NOTFOUND : ERR_DB;
}

int measurement_list(struct store *s, struct arena *a, const char *initiative_id, const char *outcome_id,
		     struct measurement **items, size_t *n)
{
	int rc = outcome_of(s, initiative_id, outcome_id);
	if (rc)
		return rc;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " MEASUREMENT_COLS " FROM outcome_measurements WHERE outcome_id = ?1"
		" ORDER BY measured_on, seq LIMIT 1000", 1, outcome_id);
	if (!st)
		return ERR_DB;
	size_t cap = MEASUREMENTS_MAX + 10;
	*items = arena_alloc(a, sizeof **items * cap);
	return rows_read(st, a, read_measurement, *items, sizeof **items, cap, n);
}

int measurement_get(struct store *s, struct arena *a, const char *initiative_id, const char *outcome_id,
		    const char *id, struct measurement *out)
{
	int rc = outcome_of(s, initiative_id, outcome_id);
	if (rc)
		return rc;
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " MEASUREMENT_COLS " FROM outcome_measurements WHERE id = ?1 AND outcome_id = ?2", 2, id, outcome_id);
	return rows_one(st, a, read_measurement, out);
}

int measurement_create(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		       const char *outcome_id, struct measurement *in, struct problems *p)
{
	struct initiative_rel rel;
	int rc = results_check(s, v, initiative_id, ACT_CREATE, false, NULL, &rel);
	if (!rc)
		rc = outcome_of(s, initiative_id, outcome_id);
	if (rc)
		return rc;
	fields_validate(measurement_fields, measurement_nfields, in, store_reader(s), a, p);
	char today[11];
	results_today(today);
	if (in->measured_on && !problems_find(p, "measuredOn") && strcmp(in->measured_on, today) > 0)
		problems_add(p, "measuredOn", R_OUT_OF_RANGE, 0); /* not after today */
	if (!in->note)
		in->note = "";
	if (p->n)
		return ERR_INVALID;
	uuid7_new(in->id);
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	in->outcome_id = outcome_id;
	in->created_at = now;
	in->created_by = v->user_id[0] ? v->user_id : NULL;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = results_count(c, "SELECT count(*) FROM outcome_measurements WHERE outcome_id = ?1", outcome_id,
			   MEASUREMENTS_MAX);
	struct store_stmt *st = rc ? NULL
		: rows_prepare(c, "INSERT INTO outcome_measurements (id, outcome_id, measured_on, value, cost_cents,"
				  " savings_cents, note, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", 3,
			       in->id, outcome_id, in->measured_on);
	if (!rc && !st)
		rc = ERR_DB;
	if (st) {
		store_bind_int(st, 4, in->value);
		bind_opt(st, 5, in->has_cost, in->cost_cents);
		bind_opt(st, 6, in->has_savings, in->savings_cents);
		store_bind_str(st, 7, in->note);
		store_bind_str(st, 8, in->created_by);
		store_bind_str(st, 9, now);
		rc = store_run(st);
	}
	if (!rc)
		rc = activity_add(c, v, "create", "measurement", in->id, "");
	return rows_commit(s, rc);
}

int measurement_delete(struct store *s, const struct viewer *v, const char *initiative_id,
		       const char *outcome_id, const char *id)
{
	struct initiative_rel rel;
	int rc = results_check(s, v, initiative_id, ACT_DELETE, true, NULL, &rel);
	if (!rc)
		rc = outcome_of(s, initiative_id, outcome_id);
	if (rc)
		return rc;
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_change(c, "DELETE FROM outcome_measurements WHERE id = ?1 AND outcome_id = ?2", 2, id, outcome_id);
	if (!rc)
		rc = activity_add(c, v, "delete", "measurement", id, "");
	return rows_commit(s, rc);
}

enum { VALUE_MAX = 1000000000 }; /* a billion: the limit of an indicator's value */

const struct field_desc outcome_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct outcome, id),
	  .label = { "Nummer", "Number" }, .doc = "Its identifier (resultaat-id).",
	  .example = "\"01a21b02-1c3d-7e4f-8a9b-0c1d2e3f4a5b\"" },
	{ .name = "initiative", .kind = FK_REF, .flags = F_READ_ONLY, FIELD_AT(struct outcome, initiative_id),
	  .ref = "initiative", .label = { "Initiatief", "Initiative" },
	  .doc = "The initiative (initiatief) it belongs to.", .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fb\"" },
	{ .name = "indicator", .kind = FK_TEXT, .flags = F_REQUIRED, FIELD_AT(struct outcome, indicator), .min = 1,
	  .max = 200, .label = { "Indicator", "Indicator" },
	  .hint = { "Wat meet je? Bijvoorbeeld: aantal bewoners dat meedoet. Hoogstens 200 tekens.",
		    "What do you measure? For example: number of residents taking part. At most 200 characters." },
	  .doc = "What is measured (indicator).", .example = "\"Bewoners die meedoen\"" },
	{ .name = "unit", .kind = FK_TEXT, .flags = F_REQUIRED, FIELD_AT(struct outcome, unit), .min = 1, .max = 50,
	  .label = { "Eenheid", "Unit" },
	  .hint = { "Waarin meet je? Bijvoorbeeld: personen, procent, uren. Hoogstens 50 tekens.",
		    "In what do you measure? For example: people, percent, hours. At most 50 characters." },
	  .doc = "The unit of the values (eenheid); values are whole numbers in it.", .example = "\"personen\"" },
	{ .name = "baseline", .kind = FK_INT, .flags = F_NULLABLE, FIELD_AT(struct outcome, baseline),
	  FIELD_HAS(struct outcome, has_baseline), .min = -VALUE_MAX, .max = VALUE_MAX,
	  .label = { "Beginwaarde", "Baseline" }, .hint = { "De waarde bij de start, een heel getal.",
							    "The value at the start, a whole number." },
	  .doc = "The value at the start (nulmeting), a whole number in the unit.", .example = "12" },
	{ .name = "target", .kind = FK_INT, .flags = F_NULLABLE, FIELD_AT(struct outcome, target),
	  FIELD_HAS(struct outcome, has_target), .min = -VALUE_MAX, .max = VALUE_MAX,
	  .label = { "Doel", "Target" }, .hint = { "De waarde die je wilt bereiken, een heel getal.",
						   "The value you aim for, a whole number." },
	  .doc = "The value aimed for (streefwaarde), a whole number in the unit.", .example = "50" },
	{ .name = "measurementCount", .kind = FK_INT, .flags = F_READ_ONLY, FIELD_AT(struct outcome, measurements),
	  .max = MEASUREMENTS_MAX, .label = { "Metingen", "Measurements" },
	  .doc = "Computed: how many measurements it has (aantal metingen).", .example = "3" },
	{ .name = "latestValue", .kind = FK_INT, .flags = F_READ_ONLY | F_NULLABLE, FIELD_AT(struct outcome, latest_value),
	  FIELD_HAS(struct outcome, has_latest), .min = -VALUE_MAX, .max = VALUE_MAX,
	  .label = { "Laatste meting", "Latest measurement" },
	  .doc = "Computed: the value of the latest measurement (laatste meting), or null.", .example = "31" },
	{ .name = "latestMeasuredOn", .kind = FK_DATE, .flags = F_READ_ONLY | F_NULLABLE, FIELD_AT(struct outcome, latest_on),
	  .label = { "Gemeten op", "Measured on" },
	  .doc = "Computed: the date of the latest measurement (meetdatum), or null.", .example = "\"2026-10-01\"" },
	{ .name = "costCentsTotal", .kind = FK_MONEY, .flags = F_READ_ONLY, FIELD_AT(struct outcome, cost_cents),
	  .max = 1LL << 53, .label = { "Kosten samen", "Total costs" },
	  .doc = "Computed: the costs of all its measurements together (kosten), euro cents.", .example = "150000" },
	{ .name = "savingsCentsTotal", .kind = FK_MONEY, .flags = F_READ_ONLY, FIELD_AT(struct outcome, savings_cents),
	  .max = 1LL << 53, .label = { "Besparing samen", "Total savings" },
	  .doc = "Computed: the savings of all its measurements together (besparing), euro cents.", .example = "420000" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct outcome, created_at),
	  .label = { "Vastgelegd op", "Recorded" }, .doc = "When it was recorded (vastgelegd op), UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
	{ .name = "updatedAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct outcome, updated_at),
	  .label = { "Gewijzigd op", "Changed" }, .doc = "When it last changed (gewijzigd op), UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
};
const size_t outcome_nfields = sizeof outcome_fields / sizeof outcome_fields[0];

const struct field_desc measurement_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct measurement, id),
	  .label = { "Nummer", "Number" }, .doc = "Its identifier (meting-id).",
	  .example = "\"01a21b02-1c3d-7e4f-8a9b-0c1d2e3f4a5b\"" },
	{ .name = "outcome", .kind = FK_REF, .flags = F_READ_ONLY, FIELD_AT(struct measurement, outcome_id),
	  .ref = "outcome", .label = { "Resultaat", "Outcome" },
	  .doc = "The outcome (resultaat) it measures.", .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fb\"" },
	{ .name = "measuredOn", .kind = FK_DATE, .flags = F_REQUIRED, FIELD_AT(struct measurement, measured_on),
	  .label = { "Gemeten op", "Measured on" }, .hint = { "De datum van de meting, niet later dan vandaag.",
							      "The date of the measurement, not after today." },
	  .doc = "The date of the measurement (meetdatum), YYYY-MM-DD, not after today.", .example = "\"2026-10-01\"" },
	{ .name = "value", .kind = FK_INT, .flags = F_REQUIRED, FIELD_AT(struct measurement, value),
	  FIELD_HAS(struct measurement, has_value), .min = -VALUE_MAX, .max = VALUE_MAX,
	  .label = { "Waarde", "Value" }, .hint = { "Wat je mat, een heel getal in de eenheid van het resultaat.",
						    "What you measured, a whole number in the outcome's unit." },
	  .doc = "The value measured (meetwaarde), a whole number in the outcome's unit.", .example = "31" },
	{ .name = "costCents", .kind = FK_MONEY, .flags = F_NULLABLE, FIELD_AT(struct measurement, cost_cents),
	  FIELD_HAS(struct measurement, has_cost), .min = 0, .max = 100000000000LL,
	  .label = { "Kosten (euro)", "Costs (euro)" },
	  .hint = { "Wat het in deze periode kostte, in euro. Mag leeg.", "What it cost in this period, in euro. May be empty." },
	  .doc = "The costs of the period (kosten), euro cents.", .example = "50000" },
	{ .name = "savingsCents", .kind = FK_MONEY, .flags = F_NULLABLE, FIELD_AT(struct measurement, savings_cents),
	  FIELD_HAS(struct measurement, has_savings), .min = 0, .max = 100000000000LL,
	  .label = { "Besparing (euro)", "Savings (euro)" },
	  .hint = { "Wat het in deze periode bespaarde, in euro. Mag leeg.", "What it saved in this period, in euro. May be empty." },
	  .doc = "The savings of the period (besparing), euro cents.", .example = "140000" },
	{ .name = "note", .kind = FK_TEXT, FIELD_AT(struct measurement, note), .max = 1000,
	  .label = { "Toelichting", "Note" }, .hint = { "Hoe is er gemeten? Hoogstens 1000 tekens.",
							"How was it measured? At most 1000 characters." },
	  .doc = "How it was measured (toelichting).", .example = "\"Telling bij de inloop\"" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct measurement, created_at),
	  .label = { "Vastgelegd op", "Recorded" }, .doc = "When it was recorded (vastgelegd op), UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
};
const size_t measurement_nfields = sizeof measurement_fields / sizeof measurement_fields[0];

static const struct export_part outcome_exports[] = {
	{ "outcomesCreated",
	  "SELECT o.id, o.initiative_id, i.title, o.indicator, o.unit, o.created_at, o.updated_at"
	  " FROM outcomes o JOIN initiatives i ON i.id = o.initiative_id WHERE o.created_by = ?1 ORDER BY o.seq",
	  (const char *const[]){ "id", "initiativeId", "initiativeTitle", "indicator", "unit", "createdAt",
				 "updatedAt" }, 7, NULL, false },
};
static const char *const outcome_erase[] = {
	"UPDATE outcomes SET created_by = NULL WHERE created_by = ?1",
};
const struct entity_type outcome_type = {
	.key = "outcome", .table = "outcomes", .perm = OBJ_COUNT, /* its own rules: results.c */
	.noun = { "Resultaat", "Outcome" },
	.name_sql = "SELECT indicator FROM outcomes WHERE id = ?1",
	.scope_sql = "SELECT o.id FROM outcomes o JOIN initiatives i ON i.id = o.initiative_id"
		     " WHERE i.area_code IN (" AREAS_COORDINATED_BY("?1") ")",
	.exports = outcome_exports, .nexports = 1, .erase = outcome_erase, .nerase = 1,
	.privacy_note = "Outcomes belong to the initiative: they stay, without who recorded them.",
	.registers = { "initiative_results" },
	.fields = outcome_fields, .nfields = sizeof outcome_fields / sizeof outcome_fields[0], .schema = "Outcome",
};

static const struct export_part measurement_exports[] = {
	{ "measurementsCreated",
	  "SELECT m.id, m.outcome_id, o.indicator, m.measured_on, m.note, m.created_at"
	  " FROM outcome_measurements m JOIN outcomes o ON o.id = m.outcome_id WHERE m.created_by = ?1 ORDER BY m.seq",
	  (const char *const[]){ "id", "outcomeId", "indicator", "measuredOn", "note", "createdAt" }, 6, NULL, false },
};
static const char *const measurement_erase[] = {
	"UPDATE outcome_measurements SET created_by = NULL WHERE created_by = ?1",
};
const struct entity_type measurement_type = {
	.key = "measurement", .table = "outcome_measurements", .perm = OBJ_COUNT,
	.noun = { "Meting", "Measurement" },
	.name_sql = "SELECT o.indicator FROM outcome_measurements m JOIN outcomes o ON o.id = m.outcome_id WHERE m.id = ?1",
	.scope_sql = "SELECT m.id FROM outcome_measurements m JOIN outcomes o ON o.id = m.outcome_id"
		     " JOIN initiatives i ON i.id = o.initiative_id WHERE i.area_code IN (" AREAS_COORDINATED_BY("?1") ")",
	.exports = measurement_exports, .nexports = 1, .erase = measurement_erase, .nerase = 1,
	.privacy_note = "Measurements belong to the outcome: they stay, without who recorded them.",
	.registers = { "initiative_results" },
	.fields = measurement_fields, .nfields = sizeof measurement_fields / sizeof measurement_fields[0],
	.schema = "Measurement",
};
