/* The results of an initiative: the section of its page (/initiatieven/{id})
 * and of its results page (/initiatieven/{id}/resultaten, results.c). It
 * shows the flags (stalled, milestones overdue), the milestones with their
 * progress (a <progress> bar named for screen readers, and the same as
 * text), the outcomes with baseline, target and latest measurement and the
 * totals of costs and savings, and the newest lessons with their working
 * elements; and, for those who may (model/results.h), the links to the
 * forms. */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../model/initiative.h"
#include "../model/results.h"
#include "html.h"
#include "initiative_parts.h"
#include "layout.h"
#include "results_pages.h"

enum { LESSONS_SHOWN = 5 };

const char *results_date(struct http_req *r, const char *date)
{
	if (!date || strlen(date) != 10)
		return date ? date : "";
	return page_date(r, arena_printf(r->arena, "%sT12:00:00Z", date));
}

/* The flags, from the initiative and its milestones as read for the page. */
static void flags(struct http_req *r, const struct initiative *in, const struct milestone *ms, size_t n)
{
	struct initiative_flags fl;
	results_flags_of(in->stage, in->stage_changed_at, ms, n, &fl);
	struct buf *b = &r->out;
	if (fl.stalled)
		html_f(b, "<p class=\"notice flag flag-stalled\">%s</p>\n",
		       arena_printf(r->arena, T(r, M_RES_STALLED),
				    web_enum_name(r, initiative_stages, STAGE_COUNT, in->stage), fl.days_in_stage,
				    results_stalled_days));
	if (fl.overdue)
		html_f(b, "<p class=\"notice flag flag-overdue\">%s</p>\n", arena_printf(r->arena, T(r, M_RES_OVERDUE), fl.overdue));
}

/* The tools of one item: a link to change it and one to remove it, named
 * for screen readers after it. */
static void tools(struct http_req *r, const char *edit, const char *remove, const char *name)
{
	html_f(&r->out, " <span class=\"tools\"><a href=\"%s\" aria-label=\"%s\">%s</a> <a href=\"%s\" aria-label=\"%s\">%s</a></span>",
	       edit, arena_printf(r->arena, T(r, M_RES_EDIT_LABEL), name), T(r, M_RES_EDIT), remove,
	       arena_printf(r->arena, T(r, M_RES_DELETE_LABEL), name), T(r, M_RES_DELETE));
}

static void milestones(struct http_req *r, const struct initiative *in, const struct results_may *may, int h,
		       const struct milestone *items, size_t n)
{
	struct buf *b = &r->out;
	html_f(b, "<h%d id=\"mijlpalen\">%s</h%d>\n", h + 1, T(r, M_MS_TITLE), h + 1);
	if (!n)
		html_f(b, "<p>%s</p>\n", T(r, M_MS_NONE));
	else
		html_raw(b, "<ul class=\"milestones\">\n");
	for (size_t i = 0; i < n; i++) {
		const struct milestone *m = &items[i];
		const char *pid = arena_printf(r->arena, "ms-%s", m->id);
		html_f(b, "<li class=\"milestone status-%s%s\"><span class=\"milestone-title\" id=\"%s\">%s</span>", m->status,
		       m->overdue ? " overdue" : "", pid, m->title);
		html_f(b, " <span class=\"meta\">(%s, %s)</span>", web_enum_name(r, milestone_statuses, MS_STATUS_COUNT, m->status),
		       arena_printf(r->arena, T(r, M_MS_DUE), results_date(r, m->due)));
		if (m->overdue)
			html_f(b, " <strong class=\"badge badge-overdue\">%s</strong>", T(r, M_MS_OVERDUE));
		/* the bar for the eye, the same in words for everyone */
		html_f(b, "<br><progress max=\"100\" value=\"%lld\" aria-label=\"%s\">%lld%%</progress> <span class=\"progress-text\">%s</span>",
		       m->progress, arena_printf(r->arena, T(r, M_MS_PROGRESS_LABEL), m->title), m->progress,
		       arena_printf(r->arena, T(r, M_MS_PROGRESS_TEXT), m->progress));
		if (may->manage)
			tools(r, arena_printf(r->arena, "/initiatieven/%s/mijlpalen/%s/bewerken", in->id, m->id),
			      arena_printf(r->arena, "/initiatieven/%s/mijlpalen/%s/verwijderen", in->id, m->id), m->title);
		html_raw(b, "</li>\n");
	}
	if (n)
		html_raw(b, "</ul>\n");
	if (may->add)
		html_f(b, "<p><a href=\"/initiatieven/%s/mijlpalen\">%s</a></p>\n", in->id, T(r, M_MS_ADD_TITLE));
}

/* A whole number in the outcome's unit, or a dash. */
static const char *value(struct http_req *r, bool given, long long v, const char *unit)
{
	return given ? arena_printf(r->arena, "%s %s", page_number(r, v), unit) : "–";
}

static void outcomes(struct http_req *r, const struct initiative *in, const struct results_may *may, int h)
{
	struct buf *b = &r->out;
	struct outcome *items;
	size_t n;
	struct outcome_totals tot;
	html_f(b, "<h%d id=\"resultaten-metingen\">%s</h%d>\n", h + 1, T(r, M_OC_TITLE), h + 1);
	if (outcome_list_known(r->store, r->arena, in->id, &items, &n, &tot))
		return;
	if (!n) {
		html_f(b, "<p>%s</p>\n", T(r, M_OC_NONE));
	} else {
		const char *heads[] = { fields_find(outcome_fields, outcome_nfields, "indicator")->label[r->lang],
					T(r, M_OC_BASELINE), T(r, M_OC_TARGET), T(r, M_OC_LATEST), T(r, M_OC_COSTS),
					T(r, M_OC_SAVINGS) };
		/* a matrix of indicators and figures: on a small screen it
		 * scrolls in its own region, the indicators kept in sight */
		page_scroll_hint(r);
		html_f(b, "<div class=\"table-wrap wide\" role=\"region\" aria-labelledby=\"outcomes-caption\" tabindex=\"0\">\n"
			  "<table class=\"outcomes\">\n<caption id=\"outcomes-caption\">%s</caption>\n<thead><tr>",
		       T(r, M_OC_CAPTION));
		for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
			html_f(b, "<th scope=\"col\">%s</th>", heads[i]);
		if (may->add || may->manage)
			html_f(b, "<th scope=\"col\"><span class=\"visually-hidden\">%s</span></th>", T(r, M_RES_EDIT));
		html_raw(b, "</tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < n; i++) {
			const struct outcome *o = &items[i];
			html_f(b, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td>", o->indicator,
			       value(r, o->has_baseline, o->baseline, o->unit), value(r, o->has_target, o->target, o->unit));
			if (o->has_latest)
				html_f(b, "%s <span class=\"meta\">%s</span>", value(r, true, o->latest_value, o->unit),
				       arena_printf(r->arena, T(r, M_OC_ON), results_date(r, o->latest_on)));
			else
				html_f(b, "<span class=\"meta\">%s</span>", T(r, M_OC_NOT_YET));
			html_f(b, "</td><td class=\"num\">%s</td><td class=\"num\">%s</td>", page_euros(r, o->cost_cents),
			       page_euros(r, o->savings_cents));
			if (may->add || may->manage) {
				html_raw(b, "<td>");
				if (may->add)
					html_f(b, "<a href=\"/initiatieven/%s/resultaten/%s/metingen\" aria-label=\"%s: %s\">%s</a>", in->id, o->id,
					       T(r, M_MM_ADD_TITLE), o->indicator, T(r, M_MM_ADD_TITLE));
				if (may->manage)
					tools(r, arena_printf(r->arena, "/initiatieven/%s/resultaten/%s/bewerken", in->id, o->id),
					      arena_printf(r->arena, "/initiatieven/%s/resultaten/%s/verwijderen", in->id, o->id),
					      o->indicator);
				html_raw(b, "</td>");
			}
			html_raw(b, "</tr>\n");
		}
		html_f(b, "</tbody>\n<tfoot><tr><th scope=\"row\">%s</th><td></td><td></td><td></td><td class=\"num\">%s</td>"
			  "<td class=\"num\">%s</td>", T(r, M_OC_TOTAL), page_euros(r, tot.cost_cents),
		       page_euros(r, tot.savings_cents));
		html_raw(b, may->add || may->manage ? "<td></td></tr></tfoot>\n</table>\n</div>\n" : "</tr></tfoot>\n</table>\n</div>\n");
	}
	if (may->manage)
		html_f(b, "<p><a href=\"/initiatieven/%s/resultaten/nieuw\">%s</a></p>\n", in->id, T(r, M_OC_ADD_TITLE));
}

/* The working elements of a lesson, as names. */
static const char *element_names(struct http_req *r, const struct lesson *l)
{
	if (!l->working_elements.n)
		return T(r, M_LS_OTHER);
	const char *s = "";
	for (size_t i = 0; i < l->working_elements.n; i++)
		s = arena_printf(r->arena, "%s%s%s", s, i ? ", " : "",
				 web_enum_name(r, working_elements, WE_COUNT, l->working_elements.v[i]));
	return s;
}

void results_lesson_item(struct http_req *r, const char *initiative_id, const struct lesson *l, bool can_edit)
{
	struct buf *b = &r->out;
	html_raw(b, "<li class=\"lesson\"><div class=\"lesson-body\">");
	html_markdown(b, l->body);
	html_f(b, "</div><p class=\"meta\">%s", arena_printf(r->arena, T(r, M_LS_LEARNED), results_date(r, l->learned_on)));
	if (l->party_name)
		html_f(b, ", %s", arena_printf(r->arena, T(r, M_LS_ON_BEHALF), l->party_name));
	html_f(b, ". %s: %s.", T(r, M_LS_ELEMENTS), element_names(r, l));
	if (can_edit) {
		char label[64];
		size_t len = strlen(l->body) < 50 ? strlen(l->body) : 50;
		while (len > 0 && (l->body[len] & 0xC0) == 0x80)
			len--; /* never cut a character in two */
		memcpy(label, l->body, len);
		label[len] = 0;
		tools(r, arena_printf(r->arena, "/initiatieven/%s/lessen/%s/bewerken", initiative_id, l->id),
		      arena_printf(r->arena, "/initiatieven/%s/lessen/%s/verwijderen", initiative_id, l->id), label);
	}
	html_raw(b, "</p></li>\n");
}

static void lessons(struct http_req *r, const struct initiative *in, const struct results_may *may, int h)
{
	struct buf *b = &r->out;
	html_f(b, "<h%d id=\"lessen\">%s</h%d>\n<p>%s</p>\n", h + 1, T(r, M_LS_TITLE), h + 1, T(r, M_LS_INTRO));
	struct lesson_filter f = { .limit = LESSONS_SHOWN };
	struct problems p = { 0 };
	struct lesson *items;
	size_t n;
	const char *next;
	if (lesson_list_known(r->store, r->arena, in->id, &f, &p, &items, &n, &next))
		return;
	if (!n) {
		html_f(b, "<p>%s</p>\n", T(r, M_LS_NONE));
	} else {
		html_raw(b, "<ul class=\"lessons\">\n");
		for (size_t i = 0; i < n; i++)
			results_lesson_item(r, in->id, &items[i], lesson_may_edit(&r->viewer, may, &items[i]));
		html_raw(b, "</ul>\n");
	}
	/* the whole log, and filtered by each working element */
	html_f(b, "<nav aria-label=\"%s\"><ul class=\"inline\"><li><a href=\"/initiatieven/%s/lessen\">%s</a></li>", T(r, M_LS_FILTER),
	       in->id, T(r, M_LS_ALL));
	for (int k = 0; k < WE_COUNT; k++)
		html_f(b, "<li><a href=\"/initiatieven/%s/lessen?element=%s\">%s</a></li>", in->id, working_elements[k].key,
		       working_elements[k].name[r->lang]);
	html_raw(b, "</ul></nav>\n");
	if (may->add)
		html_f(b, "<p><a href=\"/initiatieven/%s/lessen/nieuw\">%s</a></p>\n", in->id, T(r, M_LS_ADD_TITLE));
}

void results_section(struct http_req *r, const struct initiative *in, int h)
{
	struct buf *b = &r->out;
	struct results_may may = results_may_of(&r->viewer, &in->rel);
	html_f(b, "<section id=\"resultaten\" aria-labelledby=\"results-title\">\n<h%d id=\"results-title\">%s</h%d>\n<p>%s</p>\n",
	       h, T(r, M_RES_TITLE), h, T(r, M_RES_INTRO));
	/* three statements: the milestones (which the flags count too), the
	 * outcomes with their sums, the newest lessons */
	struct milestone *ms = NULL;
	size_t nms = 0;
	if (milestone_list_known(r->store, r->arena, in->id, &ms, &nms))
		nms = 0;
	flags(r, in, ms, nms);
	milestones(r, in, &may, h, ms, nms);
	outcomes(r, in, &may, h);
	lessons(r, in, &may, h);
	if (!may.add && !r->viewer.authenticated)
		html_f(b, "<p>%s <a href=\"%s\">%s</a></p>\n", T(r, M_RES_WHO_ADD),
		       page_url(r, "/inloggen", "next", arena_printf(r->arena, "/initiatieven/%s#resultaten", in->id), NULL, NULL),
		       T(r, M_RES_LOGIN));
	else if (!may.add)
		html_f(b, "<p class=\"meta\">%s</p>\n", T(r, M_RES_WHO_ADD));
	if (results_flagged_may(&r->viewer)) /* coordinators and platform admins: their list */
		html_f(b, "<p><a href=\"/initiatieven/aandacht\">%s</a></p>\n", T(r, M_FL_TITLE));
	html_raw(b, "</section>\n");
}

void initiative_part_results(struct http_req *r, const struct initiative *in)
{
	results_section(r, in, 2);
}
