/* The pages of an initiative's results: its results page
 * (/initiatieven/{id}/resultaten), the forms that add, change and remove
 * milestones (/mijlpalen), outcomes (/resultaten/nieuw, /resultaten/{oid}),
 * measurements (/resultaten/{oid}/metingen) and lessons (/lessen/nieuw,
 * /lessen/{lid}), the lessons log filtered by working element
 * (/initiatieven/{id}/lessen?element=), and the coordinators' list of
 * initiatives that need attention (/initiatieven/aandacht). The forms of
 * the four kinds are one form page, told by a table (struct kind) what
 * differs. Who may is the model's (results.h); a page only hides what the
 * viewer may not do, and answers 403 when they ask anyway. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/uuid.h"
#include "../model/initiative.h"
#include "../model/results.h"
#include "form_fields.h"
#include "html.h"
#include "layout.h"
#include "results_pages.h"

/* What one kind of result's form pages need. */
struct kind {
	const char *anchor;                    /* on the initiative's page */
	const struct field_desc *fields;
	const size_t *nfields;
	size_t size;                           /* of its struct */
	bool add_manages;                      /* adding it is managing (outcomes) */
	enum msg add_title, add, edit_title, delete_title, delete_confirm;
	const char *const *form;               /* its fields in the form, NULL-terminated */
	/* r->params: the initiative's id, then the parent's (an outcome's for a
	 * measurement) or the item's */
	int (*get)(struct http_req *r, const char *id, void *out);
	int (*create)(struct http_req *r, void *in, struct problems *p);
	int (*update)(struct http_req *r, const void *was, void *in, struct problems *p);
	int (*remove)(struct http_req *r, const char *id);
	const char *(*name)(const void *obj);
	const char *(*author)(const void *obj); /* who may change their own, or NULL */
};

static const char *ini_id(struct http_req *r)
{
	return r->params[0];
}

static int ms_get(struct http_req *r, const char *id, void *out)
{
	return milestone_get(r->store, r->arena, ini_id(r), id, out);
}
static int ms_create(struct http_req *r, void *in, struct problems *p)
{
	return milestone_create(r->store, r->arena, &r->viewer, ini_id(r), in, p);
}
static int ms_update(struct http_req *r, const void *was, void *in, struct problems *p)
{
	return milestone_update(r->store, r->arena, &r->viewer, ini_id(r), was, in, p);
}
static int ms_remove(struct http_req *r, const char *id)
{
	return milestone_delete(r->store, &r->viewer, ini_id(r), id);
}
static const char *ms_name(const void *obj)
{
	return ((const struct milestone *)obj)->title;
}

static int oc_get(struct http_req *r, const char *id, void *out)
{
	return outcome_get(r->store, r->arena, ini_id(r), id, out);
}
static int oc_create(struct http_req *r, void *in, struct problems *p)
{
	return outcome_create(r->store, r->arena, &r->viewer, ini_id(r), in, p);
}
static int oc_update(struct http_req *r, const void *was, void *in, struct problems *p)
{
	return outcome_update(r->store, r->arena, &r->viewer, ini_id(r), was, in, p);
}
static int oc_remove(struct http_req *r, const char *id)
{
	return outcome_delete(r->store, &r->viewer, ini_id(r), id);
}
static const char *oc_name(const void *obj)
{
	return ((const struct outcome *)obj)->indicator;
}

static int mm_create(struct http_req *r, void *in, struct problems *p)
{
	return measurement_create(r->store, r->arena, &r->viewer, ini_id(r), r->params[1], in, p);
}

static int ls_get(struct http_req *r, const char *id, void *out)
{
	return lesson_get(r->store, r->arena, ini_id(r), id, out);
}
static int ls_create(struct http_req *r, void *in, struct problems *p)
{
	return lesson_create(r->store, r->arena, &r->viewer, ini_id(r), in, p);
}
static int ls_update(struct http_req *r, const void *was, void *in, struct problems *p)
{
	return lesson_update(r->store, r->arena, &r->viewer, ini_id(r), was, in, p);
}
static int ls_remove(struct http_req *r, const char *id)
{
	return lesson_delete(r->store, r->arena, &r->viewer, ini_id(r), id);
}
static const char *ls_name(const void *obj)
{
	return ((const struct lesson *)obj)->body;
}
static const char *ls_author(const void *obj)
{
	return ((const struct lesson *)obj)->author_id;
}

static const struct kind milestone_kind = {
	"mijlpalen", milestone_fields, &milestone_nfields, sizeof(struct milestone), false,
	M_MS_ADD_TITLE, M_MS_ADD, M_MS_EDIT_TITLE, M_MS_DELETE_TITLE, M_MS_DELETE_CONFIRM,
	(const char *const[]){ "title", "due", "status", "progress", NULL },
	ms_get, ms_create, ms_update, ms_remove, ms_name, NULL,
};
static const struct kind outcome_kind = {
	"resultaten-metingen", outcome_fields, &outcome_nfields, sizeof(struct outcome), true,
	M_OC_ADD_TITLE, M_OC_ADD, M_OC_EDIT_TITLE, M_OC_DELETE_TITLE, M_OC_DELETE_CONFIRM,
	(const char *const[]){ "indicator", "unit", "baseline", "target", NULL },
	oc_get, oc_create, oc_update, oc_remove, oc_name, NULL,
};
static const struct kind measurement_kind = {
	"resultaten-metingen", measurement_fields, &measurement_nfields, sizeof(struct measurement), false,
	M_MM_ADD_TITLE, M_MM_ADD, M_MM_ADD_TITLE, M_MM_ADD_TITLE, M_MM_ADD_TITLE,
	(const char *const[]){ "measuredOn", "value", "costCents", "savingsCents", "note", NULL },
	NULL, mm_create, NULL, NULL, NULL, NULL,
};
static const struct kind lesson_kind = {
	"lessen", lesson_fields, &lesson_nfields, sizeof(struct lesson), false,
	M_LS_ADD_TITLE, M_LS_ADD, M_LS_EDIT_TITLE, M_LS_DELETE_TITLE, M_LS_DELETE_CONFIRM,
	(const char *const[]){ "body", "workingElements", "learnedOn", NULL },
	ls_get, ls_create, ls_update, ls_remove, ls_name, ls_author,
};

static const char *initiative_url(struct http_req *r, const char *id, const char *anchor)
{
	return arena_printf(r->arena, "/initiatieven/%s%s%s", id, anchor ? "#" : "", anchor ? anchor : "");
}

static void fail(struct http_req *r, int rc)
{
	if (rc == ERR_CONFLICT)
		page_message(r, 409, T(r, M_RES_TITLE), T(r, M_RES_FULL));
	else
		web_fail(r, rc, NULL);
}

/* The initiative of the URL, with the viewer's relation; answers (a login
 * first for an anonymous viewer when login) and returns false when there
 * is none. */
static bool load(struct http_req *r, struct initiative *in, bool login, const char *anchor)
{
	const char *id = r->params[0];
	if (login && page_login_needed(r, uuid_valid(id, strlen(id)) ? initiative_url(r, id, anchor) : "/"))
		return false;
	struct stage_decision *ds;
	size_t nd;
	int rc = initiative_get(r->store, r->arena, &r->viewer, id, in, &ds, &nd);
	if (rc)
		web_fail(r, rc, NULL);
	return !rc;
}

/* The lesson's working elements as checkboxes (a list of keys the generic
 * forms write as a text box). */
static void elements_field(struct http_req *r, const struct lesson *l, const struct problems *p)
{
	struct choice c[WE_COUNT];
	for (int k = 0; k < WE_COUNT; k++)
		c[k] = (struct choice){ working_elements[k].key, working_elements[k].name[r->lang], NULL,
					strlist_has(&l->working_elements, working_elements[k].key), 0 };
	const struct field_desc *d = fields_find(lesson_fields, lesson_nfields, "workingElements");
	field_choices(r, d->name, d->label[r->lang], d->hint[r->lang], c, WE_COUNT, true, p);
}

static void render_form(struct http_req *r, const struct kind *k, const struct initiative *in, const void *obj,
			const struct form_typed *typed, const struct problems *p, const char *action, enum msg title,
			enum msg button, const char *about)
{
	struct buf *b = &r->out;
	page_begin(r, T(r, title), NAV_INITIATIVES);
	html_f(b, "<p class=\"crumbs\"><a href=\"%s\">%s: %s</a></p>\n<h1>%s</h1>\n", initiative_url(r, in->id, k->anchor),
	       T(r, M_RES_BACK), in->title, T(r, title));
	if (about)
		html_f(b, "<p>%s</p>\n", about);
	form_fields_summary(r, p, k->fields, *k->nfields);
	form_begin(r, action, true);
	for (const char *const *f = k->form; *f; f++) {
		if (k == &lesson_kind && !strcmp(*f, "workingElements"))
			elements_field(r, obj, p);
		else if (k == &lesson_kind && !strcmp(*f, "body"))
			form_field_as(r, k->fields, *k->nfields, *f, obj, typed, p, &(struct field_look){ .rows = 6 });
		else
			form_field(r, k->fields, *k->nfields, *f, obj, typed, p);
	}
	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"%s\">%s</a></div>\n", T(r, button),
	       initiative_url(r, in->id, k->anchor), T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

/* Whether the viewer may change or remove obj (or add, when obj is NULL). */
static bool may(struct http_req *r, const struct kind *k, const struct initiative *in, const void *obj)
{
	struct results_may m = results_may_of(&r->viewer, &in->rel);
	if (!obj)
		return k->add_manages ? m.manage : m.add;
	if (m.manage)
		return true;
	const char *author = k->author ? k->author(obj) : NULL;
	return author && r->viewer.authenticated && !strcmp(author, r->viewer.user_id);
}

/* The form that adds (item_param < 0) or changes the item whose id is
 * r->params[item_param]; and its post. */
static void form_page(struct http_req *r, const struct kind *k, int item_param, const char *action)
{
	struct initiative in;
	if (!load(r, &in, true, k->anchor))
		return;
	void *obj = arena_alloc(r->arena, k->size);
	memset(obj, 0, k->size);
	int rc = item_param >= 0 ? k->get(r, r->params[item_param], obj) : 0;
	if (!rc && !may(r, k, &in, item_param >= 0 ? obj : NULL))
		rc = ERR_FORBIDDEN;
	const char *about = NULL;
	if (!rc && k == &measurement_kind) { /* a measurement: of which outcome */
		struct outcome o;
		rc = outcome_get(r->store, r->arena, in.id, r->params[1], &o);
		if (!rc)
			about = arena_printf(r->arena, "%s: %s (%s)", fields_find(outcome_fields, outcome_nfields, "indicator")->label[r->lang],
					     o.indicator, o.unit);
	}
	if (rc) {
		fail(r, rc);
		return;
	}
	enum msg title = item_param >= 0 ? k->edit_title : k->add_title;
	enum msg button = item_param >= 0 ? M_SAVE : k->add;
	struct form_typed typed = { 0 };
	if (r->method != HM_POST) {
		form_typed_from(r, k->fields, *k->nfields, obj, &typed);
		render_form(r, k, &in, obj, &typed, NULL, action, title, button, about);
		return;
	}
	struct form fm;
	if (!page_form(r, &fm))
		return;
	void *was = arena_alloc(r->arena, k->size);
	memcpy(was, obj, k->size);
	struct problems p = { 0 };
	form_read_fields(r, &fm, k->fields, *k->nfields, obj, &typed, &p);
	if (k == &lesson_kind) /* the form has no party: a change keeps it, a new one takes the writer's */
		((struct lesson *)obj)->party_id = ((struct lesson *)was)->party_id;
	rc = item_param >= 0 ? k->update(r, was, obj, &p) : k->create(r, obj, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		render_form(r, k, &in, obj, &typed, &p, action, title, button, about);
		return;
	}
	if (rc)
		fail(r, rc);
	else
		http_redirect(r, initiative_url(r, in.id, k->anchor));
}

static void delete_page(struct http_req *r, const struct kind *k, const char *action)
{
	struct initiative in;
	if (!load(r, &in, true, k->anchor))
		return;
	void *obj = arena_alloc(r->arena, k->size);
	int rc = k->get(r, r->params[1], obj);
	if (!rc && !may(r, k, &in, obj))
		rc = ERR_FORBIDDEN;
	if (!rc && r->method == HM_POST)
		rc = k->remove(r, r->params[1]);
	if (rc) {
		fail(r, rc);
		return;
	}
	if (r->method == HM_POST) {
		http_redirect(r, initiative_url(r, in.id, k->anchor));
		return;
	}
	struct buf *b = &r->out;
	page_begin(r, T(r, k->delete_title), NAV_INITIATIVES);
	html_f(b, "<p class=\"crumbs\"><a href=\"%s\">%s: %s</a></p>\n<h1>%s</h1>\n<p>%s</p>\n<blockquote><p>%s</p></blockquote>\n",
	       initiative_url(r, in.id, k->anchor), T(r, M_RES_BACK), in.title, T(r, k->delete_title), T(r, k->delete_confirm),
	       k->name(obj));
	form_begin(r, action, true);
	html_f(b, "<div class=\"actions\"><button type=\"submit\" class=\"danger\">%s</button> <a href=\"%s\">%s</a></div>\n",
	       T(r, M_RES_DELETE_YES), initiative_url(r, in.id, k->anchor), T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

static const char *path(struct http_req *r, const char *rest)
{
	return arena_printf(r->arena, "/initiatieven/%s/%s", r->params[0], rest);
}
static const char *item_path(struct http_req *r, const char *kind, const char *what)
{
	return arena_printf(r->arena, "/initiatieven/%s/%s/%s/%s", r->params[0], kind, r->params[1], what);
}

static void page_milestone_add(struct http_req *r)
{
	form_page(r, &milestone_kind, -1, path(r, "mijlpalen"));
}
static void page_milestone_edit(struct http_req *r)
{
	form_page(r, &milestone_kind, 1, item_path(r, "mijlpalen", "bewerken"));
}
static void page_milestone_delete(struct http_req *r)
{
	delete_page(r, &milestone_kind, item_path(r, "mijlpalen", "verwijderen"));
}
static void page_outcome_add(struct http_req *r)
{
	form_page(r, &outcome_kind, -1, path(r, "resultaten/nieuw"));
}
static void page_outcome_edit(struct http_req *r)
{
	form_page(r, &outcome_kind, 1, item_path(r, "resultaten", "bewerken"));
}
static void page_outcome_delete(struct http_req *r)
{
	delete_page(r, &outcome_kind, item_path(r, "resultaten", "verwijderen"));
}
static void page_measurement_add(struct http_req *r)
{
	form_page(r, &measurement_kind, -1, item_path(r, "resultaten", "metingen"));
}
static void page_lesson_add(struct http_req *r)
{
	form_page(r, &lesson_kind, -1, path(r, "lessen/nieuw"));
}
static void page_lesson_edit(struct http_req *r)
{
	form_page(r, &lesson_kind, 1, item_path(r, "lessen", "bewerken"));
}
static void page_lesson_delete(struct http_req *r)
{
	delete_page(r, &lesson_kind, item_path(r, "lessen", "verwijderen"));
}

/* /initiatieven/{id}/resultaten: the results as a page of their own. */
static void page_results(struct http_req *r)
{
	struct initiative in;
	if (!load(r, &in, false, NULL))
		return;
	struct buf *b = &r->out;
	const char *title = arena_printf(r->arena, T(r, M_RES_PAGE_TITLE), in.title);
	page_begin(r, title, NAV_INITIATIVES);
	html_f(b, "<p class=\"crumbs\"><a href=\"%s\">%s: %s</a></p>\n<h1>%s</h1>\n", initiative_url(r, in.id, NULL),
	       T(r, M_RES_BACK), in.title, title);
	results_section(r, &in, 2);
	page_end(r);
}

/* /initiatieven/{id}/lessen?element=KEY: the lessons log, newest first,
 * filtered by a working element. */
static void page_lessons(struct http_req *r)
{
	struct initiative in;
	if (!load(r, &in, false, NULL))
		return;
	struct lesson_filter f = { .working_element = http_query(r, "element"), .cursor = http_query(r, "cursor"),
				   .limit = 20 };
	if (f.working_element && !*f.working_element)
		f.working_element = NULL;
	struct problems p = { 0 };
	struct lesson *items = NULL;
	size_t n = 0;
	const char *next = NULL;
	int rc = lesson_list(r->store, r->arena, in.id, &f, &p, &items, &n, &next);
	if (!web_list_shown(r, rc))
		return;
	struct buf *b = &r->out;
	const char *title = arena_printf(r->arena, T(r, M_LS_LOG_TITLE), in.title);
	page_begin(r, title, NAV_INITIATIVES);
	html_f(b, "<p class=\"crumbs\"><a href=\"%s\">%s: %s</a></p>\n<h1>%s</h1>\n<p>%s</p>\n",
	       initiative_url(r, in.id, "lessen"), T(r, M_RES_BACK), in.title, title, T(r, M_LS_INTRO));
	/* the filter: a link per working element, the current one marked */
	html_f(b, "<nav aria-label=\"%s\"><ul class=\"inline filter\">", T(r, M_LS_FILTER));
	html_f(b, f.working_element ? "<li><a href=\"/initiatieven/%s/lessen\">%s</a></li>"
				    : "<li><a href=\"/initiatieven/%s/lessen\" aria-current=\"page\">%s</a></li>",
	       in.id, T(r, M_LS_ALL));
	for (int k = 0; k < WE_COUNT; k++) {
		bool on = f.working_element && !strcmp(f.working_element, working_elements[k].key);
		html_f(b, on ? "<li><a href=\"/initiatieven/%s/lessen?element=%s\" aria-current=\"page\">%s</a></li>"
			     : "<li><a href=\"/initiatieven/%s/lessen?element=%s\">%s</a></li>",
		       in.id, working_elements[k].key, working_elements[k].name[r->lang]);
	}
	html_raw(b, "</ul></nav>\n");
	if (rc == ERR_INVALID) {
		html_f(b, "<p>%s</p>\n", T(r, M_LS_NONE_ELEMENT));
		page_end(r);
		return;
	}
	const char *el = f.working_element ? web_enum_name(r, working_elements, WE_COUNT, f.working_element) : NULL;
	html_f(b, "<h2 id=\"lessons-list\">%s</h2>\n", el ? arena_printf(r->arena, T(r, M_LS_ABOUT), el) : T(r, M_LS_ALL));
	struct results_may m = results_may_of(&r->viewer, &in.rel);
	if (!n) {
		html_f(b, "<p>%s</p>\n", T(r, f.working_element ? M_LS_NONE_ELEMENT : M_LS_NONE));
	} else {
		html_raw(b, "<ul class=\"lessons\">\n");
		for (size_t i = 0; i < n; i++)
			results_lesson_item(r, in.id, &items[i], lesson_may_edit(&r->viewer, &m, &items[i]));
		html_raw(b, "</ul>\n");
	}
	const char *here = f.working_element ? arena_printf(r->arena, "/initiatieven/%s/lessen?element=%s", in.id, f.working_element)
					     : arena_printf(r->arena, "/initiatieven/%s/lessen", in.id);
	if (next || f.cursor)
		page_paging(r, T(r, M_LS_TITLE), f.cursor ? here : NULL, T(r, M_LS_FIRST),
			    next ? arena_printf(r->arena, "%s%scursor=%s", here, f.working_element ? "&" : "?", next) : NULL,
			    T(r, M_LS_NEXT));
	if (m.add)
		html_f(b, "<p><a href=\"/initiatieven/%s/lessen/nieuw\">%s</a></p>\n", in.id, T(r, M_LS_ADD_TITLE));
	page_end(r);
}

/* /initiatieven/aandacht?reden=stalled|overdue: the coordinators' list. */
static void page_flagged(struct http_req *r)
{
	if (page_login_needed(r, "/initiatieven/aandacht"))
		return;
	struct flagged_filter f = { .reason = http_query(r, "reden"), .cursor = http_query(r, "cursor"), .limit = 50 };
	if (f.reason && !*f.reason)
		f.reason = NULL;
	struct problems p = { 0 };
	struct flagged *items = NULL;
	size_t n = 0;
	const char *next = NULL;
	int rc = results_flagged(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (!web_list_shown(r, rc))
		return;
	struct buf *b = &r->out;
	page_begin(r, T(r, M_FL_TITLE), NAV_INITIATIVES);
	html_f(b, "<h1>%s</h1>\n<p>%s</p>\n", T(r, M_FL_TITLE), arena_printf(r->arena, T(r, M_FL_INTRO), results_stalled_days));
	form_begin(r, "/initiatieven/aandacht", false);
	struct choice c[] = {
		{ "", T(r, M_FL_REASON_ALL), NULL, !f.reason, 0 },
		{ "stalled", T(r, M_FL_REASON_STALLED), NULL, f.reason && !strcmp(f.reason, "stalled"), 0 },
		{ "overdue", T(r, M_FL_REASON_OVERDUE), NULL, f.reason && !strcmp(f.reason, "overdue"), 0 },
	};
	field_choices(r, "reden", T(r, M_FL_REASON), NULL, c, 3, false, &p);
	form_submit_end(r, T(r, M_FL_FILTER));
	if (rc == ERR_INVALID || !n) {
		html_f(b, "<p>%s</p>\n", T(r, M_FL_NONE));
		page_end(r);
		return;
	}
	const char *heads[] = { T(r, M_FL_INITIATIVE), T(r, M_FL_AREA), T(r, M_FL_STAGE), T(r, M_FL_WHY) };
	html_f(b, "<h2 id=\"flagged-title\">%s</h2>\n", T(r, M_FL_LIST));
	page_table_begin(r, "flagged-title", "flagged", heads, 4, NULL);
	for (size_t i = 0; i < n; i++) {
		const struct flagged *x = &items[i];
		html_f(b, "<tr><th scope=\"row\"><a href=\"/initiatieven/%s#resultaten\">%s</a></th><td>%s</td><td>%s, %s</td><td><ul>",
		       x->id, x->title, x->area_name, web_enum_name(r, initiative_stages, STAGE_COUNT, x->stage),
		       page_date(r, x->stage_since));
		if (x->stalled)
			html_f(b, "<li>%s: %s</li>", T(r, M_FL_REASON_STALLED),
			       arena_printf(r->arena, T(r, M_FL_STALLED_DAYS), x->days_in_stage));
		if (x->overdue)
			html_f(b, "<li>%s</li>", arena_printf(r->arena, T(r, M_FL_OVERDUE_N), x->overdue, results_date(r, x->oldest_overdue)));
		html_raw(b, "</ul></td></tr>\n");
	}
	page_table_end(r);
	const char *here = f.reason ? arena_printf(r->arena, "/initiatieven/aandacht?reden=%s", f.reason) : "/initiatieven/aandacht";
	if (next || f.cursor)
		page_paging(r, T(r, M_FL_TITLE), f.cursor ? here : NULL, T(r, M_FL_FIRST),
			    next ? arena_printf(r->arena, "%s%scursor=%s", here, f.reason ? "&" : "?", next) : NULL, T(r, M_FL_NEXT));
	page_end(r);
}

const struct http_route web_results_routes[] = {
	{ HM_GET, "/initiatieven/aandacht", page_flagged, 0 },
	{ HM_GET, "/initiatieven/{id}/resultaten", page_results, 0 },
	{ HM_GET | HM_POST, "/initiatieven/{id}/mijlpalen", page_milestone_add, 0 },
	{ HM_GET | HM_POST, "/initiatieven/{id}/mijlpalen/{milestone}/bewerken", page_milestone_edit, 0 },
	{ HM_GET | HM_POST, "/initiatieven/{id}/mijlpalen/{milestone}/verwijderen", page_milestone_delete, 0 },
	{ HM_GET | HM_POST, "/initiatieven/{id}/resultaten/nieuw", page_outcome_add, 0 },
	{ HM_GET | HM_POST, "/initiatieven/{id}/resultaten/{outcome}/bewerken", page_outcome_edit, 0 },
	{ HM_GET | HM_POST, "/initiatieven/{id}/resultaten/{outcome}/verwijderen", page_outcome_delete, 0 },
	{ HM_GET | HM_POST, "/initiatieven/{id}/resultaten/{outcome}/metingen", page_measurement_add, 0 },
	{ HM_GET, "/initiatieven/{id}/lessen", page_lessons, 0 },
	{ HM_GET | HM_POST, "/initiatieven/{id}/lessen/nieuw", page_lesson_add, 0 },
	{ HM_GET | HM_POST, "/initiatieven/{id}/lessen/{lesson}/bewerken", page_lesson_edit, 0 },
	{ HM_GET | HM_POST, "/initiatieven/{id}/lessen/{lesson}/verwijderen", page_lesson_delete, 0 },
	{ 0 },
};
