/* The demo's results (issue 11, part E), on the demo initiatives
 * (demo_initiatives.c), found by title: milestones done, under way and
 * overdue, outcomes with measurements over the past months with their
 * costs and savings, lessons about the working elements, each written by a
 * member of the lead party; and one initiative stalled: "Taalcafé op de
 * werkvloer" began, and moved to its stage, 250 days ago (longer than
 * the default 180 of KIEM_STALLED_DAYS). Dates are relative to today, so
 * the demo keeps its overdue milestones whenever it is loaded. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../base/timefmt.h"
#include "../model/results.h"
#include "../model/rows.h"
#include "../store/store.h"
#include "cli.h"

struct demo_ms {
	const char *title;
	int due;           /* days from today; negative: past */
	const char *status;
	int progress;
};
struct demo_measure {
	int days_ago;
	long long value, cost, savings; /* cost and savings in cents, -1: none */
	const char *note;
};
struct demo_outcome {
	const char *indicator, *unit;
	long long baseline, target;
	struct demo_measure m[4];
};
struct demo_lesson {
	const char *body;
	const char *elements[3];
	int days_ago;
};
struct demo_results {
	const char *initiative;
	struct demo_ms ms[4];
	struct demo_outcome oc[2];
	struct demo_lesson ls[3];
};

static const struct demo_results demo[] = {
	{ "Koffie-uurtje in de flat",
	  { { "Ruimte in de flat geregeld", -300, "done", 100 }, { "Vijf vaste gastvrouwen en -heren", -200, "done", 100 },
	    { "Elke week open, ook in de zomer", 40, "in_progress", 80 } },
	  { { "Bewoners die elke week komen", "personen", 0, 25,
	      { { 240, 8, 30000, -1, "Geteld bij de deur" }, { 150, 17, 20000, 45000, "Geteld bij de deur" },
		{ 30, 24, 20000, 90000, "Minder huisbezoeken van het buurtteam nodig" } } } },
	  { { "Bewoners komen als een buurvrouw hen zelf uitnodigt; een folder werkt niet.", { "co_creation", "open_network" }, 200 },
	    { "Het buurtteam schuift aan zonder agenda. Zo horen ze zorgen eerder.", { "build_ecosystem", NULL }, 90 } } },
	{ "Maatjes voor mantelzorgers",
	  { { "Twintig maatjes getraind", -120, "done", 100 }, { "Afspraak met de thuiszorg over doorverwijzen", -30, "in_progress", 60 },
	    { "Maatjes in alle wijken", 90, "planned", 10 } },
	  { { "Mantelzorgers met een vrije middag per week", "mantelzorgers", 0, 60,
	      { { 120, 12, 150000, 60000, "Telling van de koppelingen" }, { 30, 31, 90000, 210000, "Minder respijtzorg ingekocht" } } },
	    { "Mantelzorgers die zich overbelast voelen", "procent", 64, 40, { { 150, 64, -1, -1, "Vragenlijst bij de start" }, { 20, 51, -1, -1, "Vragenlijst na een half jaar" } } } },
	  { { "Een vast maatje werkt beter dan een pool: vertrouwen kost tijd.", { "learning_organisation", "co_creation" }, 60 },
	    { "Werkgevers gaven mantelzorgers een middag vrij toen we het vroegen.", { "intrapreneurship", NULL }, 15 } } },
	{ "Jongerenplek in de oude bibliotheek",
	  { { "Inrichting bedacht door de jongeren", -90, "done", 100 }, { "Vergunning voor de verbouwing", -14, "planned", 0 },
	    { "Open voor de zomer", 120, "planned", 0 } },
	  { { "Jongeren die de plek bezoeken", "bezoeken per week", 0, 150, { { 20, 45, 250000, -1, "Proefweek" } } } },
	  { { "De jongeren kozen zelf de openingstijden: 's avonds laat, niet 's middags.", { "co_creation", "room_for_ideas" }, 25 } } },
	{ "Taalcafé op de werkvloer",
	  { { "Drie werkgevers doen mee", -60, "in_progress", 33 }, { "Taalmaatjes getraind", -20, "planned", 0 } },
	  { { "Statushouders die meedoen", "personen", 0, 30, { { 100, 4, 40000, -1, "Eerste groep" } } } },
	  { { "Werkgevers willen meedoen, maar geven geen uren zolang het niet bij hun eigen doelen past.", { "intrapreneurship", "build_ecosystem" }, 120 } } },
	{ "Energiecoaches aan de deur",
	  { { "Vijftig coaches aan het werk", -400, "done", 100 }, { "Alle flats in Overvecht bezocht", -100, "done", 100 } },
	  { { "Huishoudens geholpen", "huishoudens", 0, 2000,
	      { { 330, 420, 1800000, 2100000, "Eerste jaar" }, { 150, 1350, 1200000, 6500000, "Tweede jaar" }, { 10, 2210, 600000, 4300000, "Tot nu" } } } },
	  { { "Kleine maatregelen, zoals tochtstrips, doen meer dan een advies op papier.", { "learning_organisation", NULL }, 300 },
	    { "De corporatie betaalt nu de materialen: de besparing komt ook bij haar terecht.", { "build_ecosystem", "open_network" }, 40 } } },
};

static void date_from_today(int days, char out[11])
{
	char t[TIME_STRLEN + 1];
	time_format(time(NULL) + (time_t)days * 86400, t);
	snprintf(out, 11, "%.10s", t);
}

/* The initiative's id and a member of its lead party to write as (else
 * the admin), by the initiative's title. */
static int find(struct store *s, struct arena *a, const char *title, const char **id, struct viewer *as)
{
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT i.id, (SELECT m.user_id FROM memberships m WHERE m.party_id = i.lead_party_id ORDER BY m.created_at LIMIT 1)"
		" FROM initiatives i WHERE i.title = ?1 ORDER BY i.seq LIMIT 1", 1, title);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	*id = NULL;
	if (rc == STORE_ROW) {
		*id = arena_strdup(a, store_text(st, 0));
		if (!store_is_null(st, 1)) {
			*as = (struct viewer){ .authenticated = true, .role = PROLE_USER };
			snprintf(as->user_id, sizeof as->user_id, "%s", store_text(st, 1));
		}
	}
	store_reset(st);
	return rc < 0 ? ERR_DB : 0;
}

static int one(struct store *s, struct arena *a, const struct demo_results *d)
{
	struct viewer as = { .authenticated = true, .role = PROLE_ADMIN };
	const char *id;
	int rc = find(s, a, d->initiative, &id, &as);
	if (rc || !id)
		return rc; /* the demo's initiatives changed: nothing to attach to */
	struct problems p = { 0 };
	for (size_t i = 0; i < 4 && d->ms[i].title; i++) {
		char *due = arena_alloc(a, 11);
		date_from_today(d->ms[i].due, due);
		struct milestone m = { .title = d->ms[i].title, .due = due, .status = d->ms[i].status,
				       .progress = d->ms[i].progress, .has_progress = true };
		if ((rc = milestone_create(s, a, &as, id, &m, &p)))
			goto fail;
	}
	for (size_t i = 0; i < 2 && d->oc[i].indicator; i++) {
		const struct demo_outcome *o = &d->oc[i];
		struct outcome out = { .indicator = o->indicator, .unit = o->unit, .baseline = o->baseline,
				       .target = o->target, .has_baseline = true, .has_target = true };
		if ((rc = outcome_create(s, a, &as, id, &out, &p)))
			goto fail;
		for (size_t j = 0; j < 4 && o->m[j].note; j++) {
			char *on = arena_alloc(a, 11);
			date_from_today(-o->m[j].days_ago, on);
			struct measurement m = { .measured_on = on, .value = o->m[j].value, .has_value = true,
						 .cost_cents = o->m[j].cost, .has_cost = o->m[j].cost >= 0,
						 .savings_cents = o->m[j].savings, .has_savings = o->m[j].savings >= 0,
						 .note = o->m[j].note };
			if ((rc = measurement_create(s, a, &as, id, out.id, &m, &p)))
				goto fail;
		}
	}
	for (size_t i = 0; i < 3 && d->ls[i].body; i++) {
		const char **v = arena_alloc(a, sizeof *v * 3);
		size_t n = 0;
		for (size_t j = 0; j < 3 && d->ls[i].elements[j]; j++)
			v[n++] = d->ls[i].elements[j];
		char *on = arena_alloc(a, 11);
		date_from_today(-d->ls[i].days_ago, on);
		struct lesson l = { .body = d->ls[i].body, .working_elements = { v, n }, .learned_on = on };
		if ((rc = lesson_create(s, a, &as, id, &l, &p)))
			goto fail;
	}
	return 0;
fail:
	log_error("demo results of %s: %s", d->initiative, demo_why(rc, &p));
	return rc;
}

/* One initiative stalled: it began, and took its stage, long ago. */
static int stall(struct store *s, struct arena *a, const char *title, int days)
{
	const char *id;
	struct viewer as;
	int rc = find(s, a, title, &id, &as);
	if (rc || !id)
		return rc;
	char then[TIME_STRLEN + 1];
	time_format(time(NULL) - (time_t)days * 86400, then);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_run(c, "UPDATE initiatives SET created_at = ?2, updated_at = ?2, stage_changed_at = ?2 WHERE id = ?1", 2,
		      id, then);
	if (!rc)
		rc = rows_run(c, "UPDATE stage_decisions SET decided_at = ?2 WHERE initiative_id = ?1", 2, id, then);
	return rows_commit(s, rc);
}

int demo_results(struct store *s)
{
	struct arena *a = arena_new();
	if (!a)
		return ERR_NOMEM;
	int rc = 0;
	for (size_t i = 0; !rc && i < sizeof demo / sizeof demo[0]; i++)
		rc = one(s, a, &demo[i]);
	if (!rc)
		rc = stall(s, a, "Taalcafé op de werkvloer", 250);
	arena_free(a);
	return rc;
}
