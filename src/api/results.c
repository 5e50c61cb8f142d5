/* The results of an initiative (model/results.h):
 * /api/v1/initiatives/{id}/milestones (mijlpalen), .../outcomes
 * (resultaten) with .../outcomes/{oid}/measurements (metingen),
 * .../lessons (lessen), .../flags (its flags), and the coordinators' list
 * of flagged initiatives, /api/v1/initiatives/flagged. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/results.h"
#include "common.h"

/* The initiative's API path; built here, so that these answers do not
 * depend on how the initiative's own type is registered. */
static const char *initiative_api(struct http_req *r, const char *id)
{
	return arena_printf(r->arena, "/api/v1/initiatives/%s", id);
}

static void links_begin(struct jw *w, struct http_req *r, const char *initiative_id, const char *self)
{
	jw_kobj(w, "_links");
	jw_klink(w, "self", self);
	jw_klink(w, "initiative", initiative_api(r, initiative_id));
}

/* ---- milestones ---- */

static void write_milestone(struct http_req *r, struct jw *w, const void *obj)
{
	const struct milestone *m = obj;
	jw_obj(w);
	fields_write_json(milestone_fields, milestone_nfields, m, w);
	const char *base = initiative_api(r, m->initiative_id);
	links_begin(w, r, m->initiative_id, arena_printf(r->arena, "%s/milestones/%s", base, m->id));
	jw_klink(w, "milestones", arena_printf(r->arena, "%s/milestones", base));
	jw_end(w);
	jw_end(w);
}

static void api_milestones_list(struct http_req *r)
{
	static const char *const allowed[] = { "status", "overdue", NULL };
	struct problems p = { 0 };
	int limit;
	api_check_query(r, allowed, &limit, &p);
	const char *status = http_query(r, "status"), *overdue = http_query(r, "overdue");
	if (status && enum_find(milestone_statuses, MS_STATUS_COUNT, status) < 0)
		problems_add(&p, "status", R_NOT_ONE_OF, 0);
	if (overdue && strcmp(overdue, "true") != 0 && strcmp(overdue, "false") != 0)
		problems_add(&p, "overdue", R_NOT_ONE_OF, 0);
	struct milestone *items;
	size_t n;
	int rc = milestone_list(r->store, r->arena, r->params[0], &items, &n);
	if (api_failed(r, rc, &p, NULL))
		return;
	if (p.n) {
		api_invalid(r, &p);
		return;
	}
	size_t o = 0;
	for (size_t i = 0; i < n; i++)
		if ((!status || !strcmp(items[i].status, status)) &&
		    (!overdue || items[i].overdue == !strcmp(overdue, "true")))
			items[o++] = items[i];
	api_send_list(r, arena_printf(r->arena, "%s/milestones", initiative_api(r, r->params[0])), allowed, NULL,
		      write_milestone, items, sizeof *items, o);
}

static void api_milestones_get(struct http_req *r)
{
	struct milestone m;
	int rc = milestone_get(r->store, r->arena, r->params[0], r->params[1], &m);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_milestone, &m);
}

static void api_milestones_create(struct http_req *r)
{
	struct milestone m = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, milestone_fields, milestone_nfields, &m, FIELDS_CREATE, &p))
		return;
	int rc = milestone_create(r->store, r->arena, &r->viewer, r->params[0], &m, &p);
	if (api_failed(r, rc, &p, "The initiative has the most milestones it can have (200)."))
		return;
	http_add_header(r, "Location", arena_printf(r->arena, "%s/milestones/%s", initiative_api(r, r->params[0]), m.id));
	api_send(r, 201, write_milestone, &m);
}

static void api_milestones_patch(struct http_req *r)
{
	struct milestone m;
	int rc = r->viewer.authenticated ? milestone_get(r->store, r->arena, r->params[0], r->params[1], &m) : ERR_AUTH;
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct problems p = { 0 };
	const struct milestone was = m;
	if (!api_read(r, milestone_fields, milestone_nfields, &m, FIELDS_PATCH, &p))
		return;
	rc = milestone_update(r->store, r->arena, &r->viewer, r->params[0], &was, &m, &p);
	if (!api_failed(r, rc, &p, NULL))
		api_send(r, 200, write_milestone, &m);
}

static void api_milestones_delete(struct http_req *r)
{
	api_no_content(r, milestone_delete(r->store, &r->viewer, r->params[0], r->params[1]), NULL);
}

/* ---- outcomes ---- */

static void write_outcome(struct http_req *r, struct jw *w, const void *obj)
{
	const struct outcome *o = obj;
	jw_obj(w);
	fields_write_json(outcome_fields, outcome_nfields, o, w);
	const char *self = arena_printf(r->arena, "%s/outcomes/%s", initiative_api(r, o->initiative_id), o->id);
	links_begin(w, r, o->initiative_id, self);
	jw_klink(w, "measurements", arena_printf(r->arena, "%s/measurements", self));
	jw_end(w);
	jw_end(w);
}

static void api_outcomes_list(struct http_req *r)
{
	static const char *const allowed[] = { NULL };
	struct problems p = { 0 };
	int limit;
	api_check_query(r, allowed, &limit, &p);
	if (p.n) {
		api_invalid(r, &p);
		return;
	}
	struct outcome *items;
	size_t n;
	struct outcome_totals tot;
	int rc = outcome_list(r->store, r->arena, r->params[0], &items, &n, &tot);
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	api_write_items(r, &w, write_outcome, items, sizeof *items, n);
	jw_kobj(&w, "totals");
	jw_kint(&w, "costCents", tot.cost_cents);
	jw_kint(&w, "savingsCents", tot.savings_cents);
	jw_end(&w);
	api_write_list_links(&w, r, arena_printf(r->arena, "%s/outcomes", initiative_api(r, r->params[0])), allowed,
			     NULL);
	jw_end(&w);
}

static void api_outcomes_get(struct http_req *r)
{
	struct outcome o;
	int rc = outcome_get(r->store, r->arena, r->params[0], r->params[1], &o);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_outcome, &o);
}

static void api_outcomes_create(struct http_req *r)
{
	struct outcome o = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, outcome_fields, outcome_nfields, &o, FIELDS_CREATE, &p))
		return;
	int rc = outcome_create(r->store, r->arena, &r->viewer, r->params[0], &o, &p);
	if (api_failed(r, rc, &p, "The initiative has the most outcomes it can have (50)."))
		return;
	http_add_header(r, "Location", arena_printf(r->arena, "%s/outcomes/%s", initiative_api(r, r->params[0]), o.id));
	api_send(r, 201, write_outcome, &o);
}

static void api_outcomes_patch(struct http_req *r)
{
	struct outcome o;
	int rc = r->viewer.authenticated ? outcome_get(r->store, r->arena, r->params[0], r->params[1], &o) : ERR_AUTH;
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct problems p = { 0 };
	const struct outcome was = o;
	if (!api_read(r, outcome_fields, outcome_nfields, &o, FIELDS_PATCH, &p))
		return;
	rc = outcome_update(r->store, r->arena, &r->viewer, r->params[0], &was, &o, &p);
	if (!api_failed(r, rc, &p, NULL))
		api_send(r, 200, write_outcome, &o);
}

static void api_outcomes_delete(struct http_req *r)
{
	api_no_content(r, outcome_delete(r->store, &r->viewer, r->params[0], r->params[1]), NULL);
}

/* ---- measurements ---- */

static const char *measurements_path(struct http_req *r)
{
	return arena_printf(r->arena, "%s/outcomes/%s/measurements", initiative_api(r, r->params[0]), r->params[1]);
}

static void write_measurement(struct http_req *r, struct jw *w, const void *obj)
{
	const struct measurement *m = obj;
	jw_obj(w);
	fields_write_json(measurement_fields, measurement_nfields, m, w);
	jw_kobj(w, "_links");
	jw_klink(w, "self", arena_printf(r->arena, "%s/%s", measurements_path(r), m->id));
	jw_klink(w, "outcome", arena_printf(r->arena, "%s/outcomes/%s", initiative_api(r, r->params[0]), r->params[1]));
	jw_klink(w, "initiative", initiative_api(r, r->params[0]));
	jw_end(w);
	jw_end(w);
}

static void api_measurements_list(struct http_req *r)
{
	if (!api_no_query(r))
		return;
	struct measurement *items;
	size_t n;
	int rc = measurement_list(r->store, r->arena, r->params[0], r->params[1], &items, &n);
	if (!api_failed(r, rc, NULL, NULL))
		api_send_list(r, measurements_path(r), NULL, NULL, write_measurement, items, sizeof *items, n);
}

static void api_measurements_get(struct http_req *r)
{
	struct measurement m;
	int rc = measurement_get(r->store, r->arena, r->params[0], r->params[1], r->params[2], &m);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_measurement, &m);
}

static void api_measurements_create(struct http_req *r)
{
	struct measurement m = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, measurement_fields, measurement_nfields, &m, FIELDS_CREATE, &p))
		return;
	int rc = measurement_create(r->store, r->arena, &r->viewer, r->params[0], r->params[1], &m, &p);
	if (api_failed(r, rc, &p, "The outcome has the most measurements it can have (500)."))
		return;
	http_add_header(r, "Location", arena_printf(r->arena, "%s/%s", measurements_path(r), m.id));
	api_send(r, 201, write_measurement, &m);
}

static void api_measurements_delete(struct http_req *r)
{
	api_no_content(r, measurement_delete(r->store, &r->viewer, r->params[0], r->params[1], r->params[2]), NULL);
}

/* ---- lessons ---- */

static void write_lesson(struct http_req *r, struct jw *w, const void *obj)
{
	const struct lesson *l = obj;
	jw_obj(w);
	fields_write_json(lesson_fields, lesson_nfields, l, w);
	const char *base = initiative_api(r, l->initiative_id);
	links_begin(w, r, l->initiative_id, arena_printf(r->arena, "%s/lessons/%s", base, l->id));
	if (l->party_id)
		jw_klink(w, "party", api_path(r, "party", l->party_id));
	jw_end(w);
	jw_end(w);
}

static void api_lessons_list(struct http_req *r)
{
	static const char *const allowed[] = { "workingElement", "limit", "cursor", NULL };
	struct problems p = { 0 };
	struct lesson_filter f = { 0 };
	api_check_query(r, allowed, &f.limit, &p);
	f.working_element = http_query(r, "workingElement");
	f.cursor = http_query(r, "cursor");
	struct lesson *items;
	size_t n;
	const char *next;
	int rc = lesson_list(r->store, r->arena, r->params[0], &f, &p, &items, &n, &next);
	if (!api_failed(r, rc, &p, NULL))
		api_send_list(r, arena_printf(r->arena, "%s/lessons", initiative_api(r, r->params[0])), allowed, next,
			      write_lesson, items, sizeof *items, n);
}

static void api_lessons_get(struct http_req *r)
{
	struct lesson l;
	int rc = lesson_get(r->store, r->arena, r->params[0], r->params[1], &l);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_lesson, &l);
}

static void api_lessons_create(struct http_req *r)
{
	struct lesson l = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, lesson_fields, lesson_nfields, &l, FIELDS_CREATE, &p))
		return;
	int rc = lesson_create(r->store, r->arena, &r->viewer, r->params[0], &l, &p);
	if (api_failed(r, rc, &p, "The initiative has the most lessons it can have (1000)."))
		return;
	http_add_header(r, "Location", arena_printf(r->arena, "%s/lessons/%s", initiative_api(r, r->params[0]), l.id));
	api_send(r, 201, write_lesson, &l);
}

static void api_lessons_patch(struct http_req *r)
{
	struct lesson l;
	int rc = r->viewer.authenticated ? lesson_get(r->store, r->arena, r->params[0], r->params[1], &l) : ERR_AUTH;
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct problems p = { 0 };
	const struct lesson was = l;
	if (!api_read(r, lesson_fields, lesson_nfields, &l, FIELDS_PATCH, &p))
		return;
	rc = lesson_update(r->store, r->arena, &r->viewer, r->params[0], &was, &l, &p);
	if (!api_failed(r, rc, &p, NULL))
		api_send(r, 200, write_lesson, &l);
}

static void api_lessons_delete(struct http_req *r)
{
	api_no_content(r, lesson_delete(r->store, r->arena, &r->viewer, r->params[0], r->params[1]), NULL);
}

/* ---- flags ---- */

static void api_initiative_flags(struct http_req *r)
{
	if (!api_no_query(r))
		return;
	struct initiative_flags fl;
	int rc = results_flags(r->store, r->params[0], &fl);
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_kint(&w, "overdueMilestones", fl.overdue);
	jw_kbool(&w, "stalled", fl.stalled);
	jw_kint(&w, "daysInStage", fl.days_in_stage);
	jw_kint(&w, "stalledAfterDays", results_stalled_days);
	const char *base = initiative_api(r, r->params[0]);
	jw_kobj(&w, "_links");
	jw_klink(&w, "self", arena_printf(r->arena, "%s/flags", base));
	jw_klink(&w, "initiative", base);
	jw_klink(&w, "milestones", arena_printf(r->arena, "%s/milestones?overdue=true", base));
	jw_end(&w);
	jw_end(&w);
}

static void write_flagged(struct http_req *r, struct jw *w, const void *obj)
{
	const struct flagged *f = obj;
	jw_obj(w);
	jw_kstr(w, "id", f->id);
	jw_kstr(w, "title", f->title);
	jw_kstr(w, "stage", f->stage);
	jw_kstr(w, "area", f->area);
	jw_kstr(w, "areaName", f->area_name);
	jw_kstr(w, "stageChangedAt", f->stage_since);
	jw_kint(w, "daysInStage", f->days_in_stage);
	jw_kbool(w, "stalled", f->stalled);
	jw_kint(w, "overdueMilestones", f->overdue);
	if (f->oldest_overdue)
		jw_kstr(w, "oldestOverdueDue", f->oldest_overdue);
	else
		jw_knull(w, "oldestOverdueDue");
	jw_kobj(w, "_links");
	jw_klink(w, "self", initiative_api(r, f->id));
	jw_klink(w, "flags", arena_printf(r->arena, "%s/flags", initiative_api(r, f->id)));
	jw_end(w);
	jw_end(w);
}

static void api_flagged_list(struct http_req *r)
{
	static const char *const allowed[] = { "reason", "area", "limit", "cursor", NULL };
	struct problems p = { 0 };
	struct flagged_filter f = { 0 };
	api_check_query(r, allowed, &f.limit, &p);
	f.reason = http_query(r, "reason");
	f.area = http_query(r, "area");
	f.cursor = http_query(r, "cursor");
	struct flagged *items;
	size_t n;
	const char *next;
	int rc = results_flagged(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (api_failed(r, rc, &p, NULL))
		return;
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	api_write_items(r, &w, write_flagged, items, sizeof *items, n);
	jw_kint(&w, "stalledAfterDays", results_stalled_days);
	api_write_list_links(&w, r, "/api/v1/initiatives/flagged", allowed, next);
	jw_end(&w);
}

/* What tells of overdue or stalled depends on the day, not only on the data:
 * never kept in the answer cache, which only a write makes stale. */
const struct http_route api_results_routes[] = {
	{ HM_GET, "/api/v1/initiatives/flagged", api_flagged_list, 0 },
	{ HM_GET, "/api/v1/initiatives/{id}/flags", api_initiative_flags, 0 },
	{ HM_GET, "/api/v1/initiatives/{id}/milestones", api_milestones_list, 0 },
	{ HM_POST, "/api/v1/initiatives/{id}/milestones", api_milestones_create, 0 },
	{ HM_GET, "/api/v1/initiatives/{id}/milestones/{milestoneId}", api_milestones_get, 0 },
	{ HM_PATCH, "/api/v1/initiatives/{id}/milestones/{milestoneId}", api_milestones_patch, 0 },
	{ HM_DELETE, "/api/v1/initiatives/{id}/milestones/{milestoneId}", api_milestones_delete, 0 },
	{ HM_GET, "/api/v1/initiatives/{id}/outcomes", api_outcomes_list, RF_CACHE },
	{ HM_POST, "/api/v1/initiatives/{id}/outcomes", api_outcomes_create, 0 },
	{ HM_GET, "/api/v1/initiatives/{id}/outcomes/{outcomeId}", api_outcomes_get, RF_CACHE },
	{ HM_PATCH, "/api/v1/initiatives/{id}/outcomes/{outcomeId}", api_outcomes_patch, 0 },
	{ HM_DELETE, "/api/v1/initiatives/{id}/outcomes/{outcomeId}", api_outcomes_delete, 0 },
	{ HM_GET, "/api/v1/initiatives/{id}/outcomes/{outcomeId}/measurements", api_measurements_list, RF_CACHE },
	{ HM_POST, "/api/v1/initiatives/{id}/outcomes/{outcomeId}/measurements", api_measurements_create, 0 },
	{ HM_GET, "/api/v1/initiatives/{id}/outcomes/{outcomeId}/measurements/{measurementId}", api_measurements_get,
	  RF_CACHE },
	{ HM_DELETE, "/api/v1/initiatives/{id}/outcomes/{outcomeId}/measurements/{measurementId}",
	  api_measurements_delete, 0 },
	{ HM_GET, "/api/v1/initiatives/{id}/lessons", api_lessons_list, RF_CACHE },
	{ HM_POST, "/api/v1/initiatives/{id}/lessons", api_lessons_create, 0 },
	{ HM_GET, "/api/v1/initiatives/{id}/lessons/{lessonId}", api_lessons_get, RF_CACHE },
	{ HM_PATCH, "/api/v1/initiatives/{id}/lessons/{lessonId}", api_lessons_patch, 0 },
	{ HM_DELETE, "/api/v1/initiatives/{id}/lessons/{lessonId}", api_lessons_delete, 0 },
	{ 0 },
};
