/* /initiatieven: initiatives as a board by stage (each stage a list, so
 * that screen readers and small screens read it as lists), one initiative
 * with its stages as a timeline, the form that decides on its stage (only
 * the moves allowed now), following it and offering to help, the forms that
 * start and change one, and the issue page's list of its initiatives. The
 * rules are the model's (model/initiative.h). */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/initiative.h"
#include "../model/issue.h"
#include "../model/member.h"
#include "../model/party.h"
#include "../model/results.h"
#include "filters.h"
#include "form_fields.h"
#include "html.h"
#include "initiative_parts.h"
#include "issue_parts.h"
#include "layout.h"
#include "pages.h"

/* The parts of other features stand empty until their files define them
 * (initiative_parts.h). */
__attribute__((weak)) void initiative_part_partners(struct http_req *r, const struct initiative *in)
{
	(void)r, (void)in;
}

__attribute__((weak)) void initiative_part_results(struct http_req *r, const struct initiative *in)
{
	(void)r, (void)in;
}

__attribute__((weak)) void initiative_part_events(struct http_req *r, const struct initiative *in)
{
	(void)r, (void)in;
}

static const char *stage_name(struct http_req *r, const char *key)
{
	return web_enum_name(r, initiative_stages, STAGE_COUNT, key);
}

static void stage_badge(struct http_req *r, const char *stage)
{
	html_f(&r->out, "<span class=\"status stage-%s\">%s</span>", stage, stage_name(r, stage));
}

static const char *path_of(struct http_req *r, const char *id)
{
	return arena_printf(r->arena, "/initiatieven/%s", id);
}

static void card(struct http_req *r, const struct initiative *in, bool show_stage, int level)
{
	struct buf *b = &r->out;
	html_f(b, "<li class=\"card\">\n<h%d lang=\"nl\"><a href=\"/initiatieven/%s\">%s</a></h%d>\n<p class=\"meta\">",
	       level, in->id, in->title, level);
	if (show_stage) {
		stage_badge(r, in->stage);
		html_raw(b, " · ");
	}
	html_f(b, "%s · %s", web_enum_name(r, initiative_types, ITYPE_COUNT, in->type), in->area_name);
	if (in->lead_name)
		html_f(b, " · <span lang=\"nl\">%s</span>", in->lead_name);
	html_raw(b, "</p>\n");
	html_f(b, "<p lang=\"nl\">%s</p>\n</li>\n", in->summary);
}

/* ---- the board ---- */

enum { NFILTERS = 7, BOARD_COLUMN = 10 };

static void filters_of(struct http_req *r, const struct initiative_filter *f, const char *sort, struct filter *out)
{
	const char **sorts = arena_alloc(r->arena, sizeof *sorts * INSORT_COUNT);
	sorts[INSORT_CREATED_DESC] = T(r, M_INIT_SORT_NEWEST);
	sorts[INSORT_CREATED] = T(r, M_INIT_SORT_OLDEST);
	sorts[INSORT_CHANGED_DESC] = T(r, M_INIT_SORT_CHANGED);
	const struct filter fl[NFILTERS] = {
		{ FILTER("q", FILTER_SEARCH, T(r, M_FILTER_Q), f->q) },
		{ FILTER("stage", FILTER_ENUM, T(r, M_INIT_STAGE), f->stage), .all = T(r, M_INIT_FILTER_STAGE_ALL),
		  .keys = initiative_stages, .n = STAGE_COUNT },
		{ FILTER("area", FILTER_AREA, T(r, M_AREA), f->area), .all = T(r, M_FILTER_AREA_ALL),
		  .hint = T(r, M_AREA_CODE_HINT) },
		{ FILTER("leadKind", FILTER_ENUM, T(r, M_INIT_LEAD_KIND), f->lead_kind), .all = T(r, M_INIT_FILTER_KIND_ALL),
		  .keys = party_kinds, .n = KIND_COUNT },
		{ FILTER("participationLevel", FILTER_ENUM, T(r, M_INIT_LEVEL), f->participation_level),
		  .all = T(r, M_INIT_FILTER_LEVEL_ALL), .keys = participation_levels, .n = PLEVEL_COUNT },
		{ FILTER("issue", FILTER_CHOICES, T(r, M_INIT_ISSUE), f->issue), .hint = T(r, M_INIT_ISSUE_HINT) },
		{ FILTER("sort", FILTER_SORT, T(r, M_FILTER_SORT), sort), .sorts = initiative_sorts, .sort_names = sorts,
		  .n = INSORT_COUNT },
	};
	memcpy(out, fl, sizeof fl);
}

/* Each stage a section with its heading and a list of its newest changed
 * initiatives, and a link to all of them. */
static bool board(struct http_req *r, const struct initiative_filter *f, const struct filter *fl)
{
	struct buf *b = &r->out;
	long long counts[STAGE_COUNT];
	struct problems p = { 0 };
	if (initiative_count_stages(r->store, r->arena, f, &p, counts))
		return false;
	html_f(b, "<section aria-labelledby=\"bord\">\n<h2 id=\"bord\">%s</h2>\n<p class=\"hint\">%s</p>\n"
		  "<div class=\"board\">\n", T(r, M_INIT_BOARD), T(r, M_INIT_BOARD_HINT));
	for (int s = 0; s < STAGE_COUNT; s++) {
		const char *key = initiative_stages[s].key;
		html_f(b, "<section class=\"board-column\" aria-labelledby=\"fase-%s\">\n<h3 id=\"fase-%s\">%s"
			  " <span class=\"count\">(", key, key, stage_name(r, key));
		html_f(b, TP(r, M_INIT_IN_STAGE_N, counts[s]), counts[s]);
		html_raw(b, ")</span></h3>\n");
		struct initiative_filter one = *f;
		one.stage = key;
		one.sort = INSORT_CHANGED_DESC;
		one.cursor = NULL;
		one.limit = BOARD_COLUMN;
		struct initiative *items = NULL;
		size_t n = 0;
		const char *next = NULL;
		if (counts[s] && initiative_list(r->store, r->arena, &r->viewer, &one, &p, &items, &n, &next))
			return false;
		if (!n) {
			html_f(b, "<p>%s</p>\n", T(r, M_INIT_STAGE_EMPTY));
		} else {
			html_raw(b, "<ul class=\"cards\">\n");
			for (size_t i = 0; i < n; i++)
				card(r, &items[i], false, 4);
			html_raw(b, "</ul>\n");
		}
		if (next) {
			struct filter all[NFILTERS];
			memcpy(all, fl, sizeof all);
			all[1].value = key;
			const char *what = arena_printf(r->arena, TP(r, M_INIT_IN_STAGE_N, counts[s]), counts[s]);
			html_f(b, "<p><a href=\"%s\">", filters_url(r, "/initiatieven", all, NFILTERS, NULL));
			html_f(b, T(r, M_INIT_STAGE_ALL), what);
			html_f(b, "<span class=\"visually-hidden\"> (%s)</span></a></p>\n", stage_name(r, key));
		}
		html_raw(b, "</section>\n");
	}
	html_raw(b, "</div>\n</section>\n");
	return true;
}

static void page_initiatives(struct http_req *r)
{
	struct initiative_filter f = {
		.q = filters_param(r, "q"), .stage = filters_param(r, "stage"), .area = filters_param(r, "area"),
		.lead_kind = filters_param(r, "leadKind"), .participation_level = filters_param(r, "participationLevel"),
		.issue = filters_param(r, "issue"), .cursor = filters_param(r, "cursor"), .limit = 20,
	};
	struct problems p = { 0 };
	const char *sort = filters_param(r, "sort");
	if (!initiative_sort_parse(sort, &f.sort))
		problems_add(&p, "sort", R_NOT_ONE_OF, 0);
	/* a stage chosen, or a bad filter: one list with paging; else the board */
	struct initiative *items = NULL;
	size_t n = 0;
	const char *next = NULL;
	int rc = initiative_list(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (!web_list_shown(r, rc))
		return;
	bool as_list = f.stage || p.n;
	struct buf *b = &r->out;
	page_begin(r, T(r, M_INIT_TITLE), NAV_INITIATIVES);
	static const struct notice notices[] = { { "verwijderd", M_INIT_DELETED } };
	page_notices(r, NULL, notices, 1);
	html_f(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", T(r, M_INIT_TITLE), T(r, M_INIT_INTRO));
	if (r->viewer.authenticated)
		html_f(b, "<p><a class=\"button\" href=\"/initiatieven/nieuw\">%s</a></p>\n", T(r, M_INIT_ADD));
	else
		html_f(b, "<p><a href=\"/inloggen?next=/initiatieven/nieuw\">%s</a></p>\n", T(r, M_INIT_ADD_LOGIN));
	if (results_flagged_may(&r->viewer)) /* coordinators and admins: their list (part E) */
		html_f(b, "<p><a href=\"/initiatieven/aandacht\">%s</a></p>\n", T(r, M_FL_TITLE));
	struct filter fl[NFILTERS];
	filters_of(r, &f, sort, fl);
	filters_form(r, "/initiatieven", fl, NFILTERS, &p);
	if (!as_list) {
		if (!board(r, &f, fl)) {
			r->out.len = 0;
			web_error_page(r, 500);
			return;
		}
		page_end(r);
		return;
	}
	html_f(b, "<section aria-labelledby=\"results\">\n<h2 id=\"results\">%s</h2>\n", T(r, M_INIT_RESULTS));
	if (!n) {
		html_f(b, "<p>%s</p>\n", T(r, M_INIT_NONE));
	} else {
		html_raw(b, "<ul class=\"cards\">\n");
		for (size_t i = 0; i < n; i++)
			card(r, &items[i], true, 3);
		html_raw(b, "</ul>\n");
	}
	filters_paging(r, "/initiatieven", fl, NFILTERS, f.cursor, next);
	html_raw(b, "</section>\n");
	page_end(r);
}

/* ---- one initiative ---- */

static void steps(struct http_req *r, const struct initiative *in)
{
	struct buf *b = &r->out;
	int now = enum_find(initiative_stages, STAGE_COUNT, in->stage);
	html_f(b, "<ol class=\"steps\" aria-label=\"%s\">\n", T(r, M_INIT_STEPS));
	for (int i = STAGE_IDEA; i <= STAGE_SUSTAINED; i++) {
		const char *cls = i == now ? "current" : now != STAGE_STOPPED && i < now ? "done" : "todo";
		html_f(b, "<li class=\"%s\"", cls);
		if (i == now)
			html_raw(b, " aria-current=\"step\"");
		html_f(b, ">%s", initiative_stages[i].name[r->lang]);
		if (i == now)
			html_f(b, " <span class=\"visually-hidden\">(%s)</span>", T(r, M_INIT_STEP_NOW));
		html_raw(b, "</li>\n");
	}
	html_raw(b, "</ol>\n");
	if (now == STAGE_STOPPED) {
		html_raw(b, "<p class=\"meta\">");
		stage_badge(r, in->stage);
		html_f(b, " %s</p>\n", T(r, M_INIT_STOPPED_NOTE));
	}
}

static void timeline(struct http_req *r, const struct stage_decision *items, size_t n)
{
	struct buf *b = &r->out;
	html_f(b, "<section aria-labelledby=\"tijdlijn\">\n<h2 id=\"tijdlijn\">%s</h2>\n<ol class=\"timeline\">\n",
	       T(r, M_INIT_TIMELINE));
	const struct field_desc *d = stage_decision_fields;
	for (size_t i = 0; i < n; i++) {
		const struct stage_decision *t = &items[i];
		html_raw(b, "<li>");
		page_time(r, t->decided_at);
		html_raw(b, " <strong>");
		if (t->from)
			html_f(b, T(r, M_INIT_TIMELINE_MOVE), stage_name(r, t->from), stage_name(r, t->to));
		else
			html_f(b, T(r, M_INIT_TIMELINE_START), stage_name(r, t->to));
		html_raw(b, "</strong> ");
		if (t->decider_name)
			html_f(b, T(r, M_INIT_TIMELINE_BY), t->decider_name);
		else
			html_f(b, "%s", T(r, M_INIT_TIMELINE_SYSTEM));
		if (t->party_name) {
			html_raw(b, ", ");
			html_f(b, T(r, M_INIT_TIMELINE_FOR), t->party_name);
		}
		const char *texts[] = { t->rationale, t->evidence, t->lessons };
		const char *names[] = { "rationale", "evidence", "lessons" };
		bool any = false;
		for (size_t k = 0; k < 3; k++) {
			if (!texts[k] || !*texts[k])
				continue;
			if (!any)
				html_raw(b, "<dl class=\"decision\">");
			any = true;
			const struct field_desc *fd = fields_find(d, stage_decision_nfields, names[k]);
			html_f(b, "<dt>%s</dt><dd lang=\"nl\">", fd->label[r->lang]);
			html_markdown(b, texts[k]);
			html_raw(b, "</dd>");
		}
		if (any)
			html_raw(b, "</dl>");
		html_raw(b, "</li>\n");
	}
	html_raw(b, "</ol>\n</section>\n");
}

/* The form that decides on the stage: only the moves allowed now; what
 * was typed kept, each problem beside its field. */
static void decide_form(struct http_req *r, const struct initiative *in, const struct stage_decision *typed,
			const struct problems *p)
{
	int now = enum_find(initiative_stages, STAGE_COUNT, in->stage);
	unsigned allowed = now < 0 ? 0 : initiative_moves((enum initiative_stage)now);
	if (!allowed || !initiative_can_manage(&r->viewer, in))
		return;
	page_section(r, "fase-besluit", T(r, M_INIT_DECIDE_TITLE));
	html_f(&r->out, "<p>%s</p>\n", T(r, M_INIT_DECIDE_HINT));
	const struct field_desc *d = stage_decision_fields;
	size_t nd = stage_decision_nfields;
	form_fields_summary(r, p, d, nd);
	form_begin(r, arena_printf(r->arena, "/initiatieven/%s/fase", in->id), true);
	struct choice c[STAGE_COUNT];
	size_t n = 0;
	const char *to = typed ? typed->to : NULL;
	for (int i = 0; i < STAGE_COUNT; i++)
		if (allowed & (1u << i))
			c[n++] = (struct choice){ initiative_stages[i].key, initiative_stages[i].name[r->lang], NULL,
						  to && !strcmp(to, initiative_stages[i].key), 0 };
	const struct field_desc *td = fields_find(d, nd, "to");
	field_choices(r, td->name, td->label[r->lang], td->hint[r->lang], c, n, false, p);
	struct stage_decision empty = { 0 };
	const struct stage_decision *v = typed ? typed : &empty;
	form_field_as(r, d, nd, "rationale", v, NULL, p, &(struct field_look){ .rows = 3 });
	form_field_as(r, d, nd, "evidence", v, NULL, p, &(struct field_look){ .rows = 3 });
	form_field_as(r, d, nd, "lessons", v, NULL, p, &(struct field_look){ .rows = 3 });
	form_submit_end(r, T(r, M_INIT_DECIDE_SUBMIT));
	html_raw(&r->out, "</section>\n");
}

static void facts(struct http_req *r, const struct initiative *in)
{
	struct buf *b = &r->out;
	html_f(b, "<h2>%s</h2>\n<dl class=\"facts\">\n", T(r, M_INIT_FACTS));
	html_f(b, "<dt>%s</dt><dd>", T(r, M_INIT_STAGE));
	stage_badge(r, in->stage);
	html_f(b, "</dd>\n<dt>%s</dt><dd>%s</dd>\n", T(r, M_INIT_TYPE),
	       web_enum_name(r, initiative_types, ITYPE_COUNT, in->type));
	html_f(b, "<dt>%s</dt><dd>", T(r, M_INIT_LEAD));
	if (in->lead_party && in->lead_name)
		html_f(b, "<a href=\"/partijen/%s\" lang=\"nl\">%s</a>", in->lead_party, in->lead_name);
	else if (in->lead_party)
		html_f(b, "%s", T(r, M_INIT_LEAD_PRIVATE));
	else
		html_f(b, "%s", T(r, M_INIT_LEAD_GONE));
	html_f(b, "</dd>\n<dt>%s</dt><dd><a href=\"/initiatieven?area=%s\">%s</a></dd>\n", T(r, M_AREA), in->area,
	       in->area_name);
	html_f(b, "<dt>%s</dt><dd>", T(r, M_INIT_ISSUES));
	if (!in->issues.n)
		html_f(b, "%s", T(r, M_NONE_GIVEN));
	else {
		html_raw(b, "<ul>");
		for (size_t i = 0; i < in->issues.n; i++) {
			struct issue is;
			if (issue_get(r->store, r->arena, NULL, in->issues.v[i], &is))
				continue;
			html_f(b, "<li><a href=\"/vraagstukken/%s\" lang=\"nl\">%s</a></li>", is.id, is.title);
		}
		html_raw(b, "</ul>");
	}
	html_f(b, "</dd>\n<dt>%s</dt><dd>", T(r, M_TARGET_GROUPS));
	if (!in->target_groups.n)
		html_f(b, "%s", T(r, M_NONE_GIVEN));
	else {
		html_f(b, "<ul class=\"tags\" aria-label=\"%s\">", T(r, M_TARGET_GROUPS));
		for (size_t i = 0; i < in->target_groups.n; i++)
			html_f(b, "<li lang=\"nl\">%s</li>", in->target_groups.v[i]);
		html_raw(b, "</ul>");
	}
	html_f(b, "</dd>\n<dt>%s</dt><dd>%s</dd>\n", T(r, M_INIT_LEVEL),
	       web_enum_name(r, participation_levels, PLEVEL_COUNT, in->participation_level));
	html_f(b, "<dt>%s</dt><dd>", T(r, M_INIT_BUDGET));
	if (in->has_budget)
		html_f(b, "%s", page_euros(r, in->budget_cents));
	else
		html_f(b, "%s", T(r, M_NONE_GIVEN));
	html_f(b, "</dd>\n<dt>%s</dt><dd>", T(r, M_UPDATED));
	page_time(r, in->updated_at);
	html_raw(b, "</dd>\n</dl>\n");
}

static void follow_part(struct http_req *r, const struct initiative *in)
{
	struct buf *b = &r->out;
	page_section(r, "volgen", T(r, M_INIT_FOLLOW_TITLE));
	if (!r->viewer.authenticated) {
		html_f(b, "<p><a href=\"/inloggen?next=/initiatieven/%s\">%s</a></p>\n</section>\n", in->id,
		       T(r, M_INIT_FOLLOW_LOGIN));
		return;
	}
	html_f(b, "<p>%s</p>\n", T(r, in->following ? M_INIT_YOU_FOLLOW : M_INIT_FOLLOW_HINT));
	form_button(r, arena_printf(r->arena, "/initiatieven/%s/%s", in->id, in->following ? "ontvolgen" : "volgen"),
		    T(r, in->following ? M_INIT_UNFOLLOW : M_INIT_FOLLOW), "secondary", NULL);
	html_raw(b, "</section>\n");
}

static void help_part(struct http_req *r, const struct initiative *in, const char *typed, const struct problems *p)
{
	struct buf *b = &r->out;
	page_section(r, "meehelpen", T(r, M_INIT_HELP_TITLE));
	html_f(b, "<p>");
	html_f(b, TP(r, M_INIT_HELP_COUNT, in->interested), in->interested);
	html_raw(b, "</p>\n");
	if (r->viewer.authenticated) {
		struct initiative_interest mine = { 0 };
		if (in->offered)
			initiative_interest_get(r->store, r->arena, &r->viewer, in->id, &mine);
		html_f(b, "<p>%s</p>\n", T(r, in->offered ? M_INIT_HELP_YOURS : M_INIT_HELP_HINT));
		form_begin(r, arena_printf(r->arena, "/initiatieven/%s/helpen", in->id), true);
		struct initiative_interest v = { .message = typed ? typed : mine.message };
		form_field_as(r, interest_fields, interest_nfields, "message", &v, NULL, p, &(struct field_look){ .rows = 3 });
		form_submit_end(r, T(r, in->offered ? M_INIT_HELP_CHANGE : M_INIT_HELP_SUBMIT));
		if (in->offered)
			form_button(r, arena_printf(r->arena, "/initiatieven/%s/niet-helpen", in->id), T(r, M_INIT_HELP_WITHDRAW),
				    "secondary", NULL);
	}
	if (initiative_can_read_interest(&r->viewer, in)) {
		struct initiative_interest *items;
		size_t n;
		html_f(b, "<h3>%s</h3>\n", T(r, M_INIT_HELP_LIST));
		if (initiative_interest_list(r->store, r->arena, &r->viewer, in->id, &items, &n) == 0) {
			if (!n)
				html_f(b, "<p>%s</p>\n", T(r, M_INIT_HELP_LIST_NONE));
			else {
				html_raw(b, "<ul class=\"offers\">\n");
				for (size_t i = 0; i < n; i++) {
					html_f(b, "<li><strong>%s</strong> ", items[i].user_name ? items[i].user_name : "?");
					page_time(r, items[i].created_at);
					if (*items[i].message)
						html_f(b, "<p lang=\"nl\">%s</p>", items[i].message);
					html_raw(b, "</li>\n");
				}
				html_raw(b, "</ul>\n");
			}
		}
	}
	html_raw(b, "</section>\n");
}

/* The page of an initiative, loaded once with its decisions and handed to
 * each part. */
static void render_initiative(struct http_req *r, const struct stage_decision *typed, const char *help,
			      const struct problems *p, const struct problems *help_p)
{
	struct initiative one, *in = &one;
	struct stage_decision *items;
	size_t n;
	int rc = initiative_get(r->store, r->arena, &r->viewer, r->params[0], in, &items, &n);
	if (rc) {
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : 500);
		return;
	}
	struct buf *b = &r->out;
	page_begin(r, in->title, NAV_INITIATIVES);
	html_f(b, "<p class=\"crumbs\"><a href=\"/initiatieven\">%s</a></p>\n", T(r, M_INIT_BACK));
	static const struct notice notices[] = {
		{ "opgeslagen", M_INIT_SAVED }, { "besloten", M_INIT_DECIDED }, { "gevolgd", M_INIT_FOLLOWED },
		{ "ontvolgd", M_INIT_UNFOLLOWED }, { "aangemeld", M_INIT_OFFERED }, { "ingetrokken", M_INIT_WITHDRAWN },
	};
	page_notices(r, NULL, notices, sizeof notices / sizeof notices[0]);
	html_f(b, "<h1 lang=\"nl\">%s</h1>\n", in->title);
	steps(r, in);
	bool manage = initiative_can_manage(&r->viewer, in), del = initiative_can_delete(&r->viewer, in);
	if (manage || del) {
		html_raw(b, "<p class=\"actions\">");
		if (manage)
			html_f(b, "<a class=\"button\" href=\"/initiatieven/%s/bewerken\">%s</a> ", in->id, T(r, M_EDIT));
		if (del)
			html_f(b, "<a class=\"button secondary\" href=\"/initiatieven/%s/verwijderen\">%s</a>", in->id,
			       T(r, M_DELETE));
		html_raw(b, "</p>\n");
	}
	html_f(b, "<p class=\"lead\" lang=\"nl\">%s</p>\n<div class=\"description\" lang=\"nl\">\n", in->summary);
	html_markdown(b, in->description);
	html_raw(b, "</div>\n");
	facts(r, in);
	timeline(r, items, n);
	decide_form(r, in, typed, p);
	initiative_part_partners(r, in);
	initiative_part_results(r, in);
	initiative_part_events(r, in);
	follow_part(r, in);
	help_part(r, in, help, help_p);
	page_end(r);
}

static void page_initiative(struct http_req *r)
{
	render_initiative(r, NULL, NULL, NULL, NULL);
}

static void page_initiative_decide(struct http_req *r)
{
	struct form f;
	if (page_login_needed(r, path_of(r, r->params[0])) || !page_form(r, &f))
		return;
	struct stage_decision d = { 0 };
	struct problems p = { 0 };
	struct form_typed typed = { 0 };
	form_read_fields(r, &f, stage_decision_fields, stage_decision_nfields, &d, &typed, &p);
	struct stage_decision kept = d;
	unsigned allowed = 0;
	int rc = initiative_decide(r->store, r->arena, &r->viewer, r->params[0], &d, &p, &allowed);
	if (!rc) {
		http_redirect(r, arena_printf(r->arena, "/initiatieven/%s?besloten=1#tijdlijn", r->params[0]));
		return;
	}
	int status = 400;
	if (rc == ERR_CONFLICT) {
		problems_add(&p, "to", R_MOVE_NOT_ALLOWED, 0);
		rc = ERR_INVALID;
		status = 409;
	}
	if (rc == ERR_INVALID) {
		r->status = status;
		render_initiative(r, &kept, NULL, &p, NULL);
		return;
	}
	web_fail(r, rc, path_of(r, r->params[0]));
}

static bool posted_by_someone(struct http_req *r)
{
	if (!uuid_valid(r->params[0], strlen(r->params[0]))) {
		web_error_page(r, 404);
		return false;
	}
	return !page_login_needed(r, path_of(r, r->params[0]));
}

static void back(struct http_req *r, int rc, const char *done, const char *anchor)
{
	if (rc)
		web_fail(r, rc, path_of(r, r->params[0]));
	else
		http_redirect(r, arena_printf(r->arena, "/initiatieven/%s?%s=1#%s", r->params[0], done, anchor));
}

static void page_follow(struct http_req *r)
{
	bool created;
	if (posted_by_someone(r))
		back(r, initiative_follow_add(r->store, r->arena, &r->viewer, r->params[0], &created), "gevolgd", "volgen");
}

static void page_unfollow(struct http_req *r)
{
	if (!posted_by_someone(r))
		return;
	int rc = initiative_follow_remove(r->store, r->arena, &r->viewer, r->params[0]);
	bool following;
	/* no longer followed already (another tab): the same outcome */
	if (rc == ERR_NOTFOUND)
		rc = initiative_follow_get(r->store, r->arena, &r->viewer, r->params[0], &following, NULL);
	back(r, rc, "ontvolgd", "volgen");
}

static void page_help(struct http_req *r)
{
	struct form f;
	if (!posted_by_someone(r) || !page_form(r, &f))
		return;
	struct initiative_interest in = { .message = form_get(&f, "message") };
	const char *typed = in.message;
	struct problems p = { 0 };
	bool created;
	int rc = initiative_interest_add(r->store, r->arena, &r->viewer, r->params[0], &in, &p, &created);
	if (rc == ERR_INVALID) {
		r->status = 400;
		render_initiative(r, NULL, typed, NULL, &p);
		return;
	}
	back(r, rc, "aangemeld", "meehelpen");
}

static void page_help_withdraw(struct http_req *r)
{
	if (!posted_by_someone(r))
		return;
	int rc = initiative_interest_remove(r->store, r->arena, &r->viewer, r->params[0]);
	/* withdrawn already (another tab): the same outcome, if the initiative is there */
	struct initiative in;
	if (rc == ERR_NOTFOUND)
		rc = initiative_get(r->store, r->arena, NULL, r->params[0], &in, NULL, NULL);
	back(r, rc, "ingetrokken", "meehelpen");
}

static void page_delete(struct http_req *r)
{
	if (page_login_needed(r, NULL))
		return;
	struct initiative in;
	int rc = initiative_get(r->store, r->arena, &r->viewer, r->params[0], &in, NULL, NULL);
	if (!rc && !initiative_can_delete(&r->viewer, &in))
		rc = ERR_FORBIDDEN;
	if (rc) {
		web_fail(r, rc, NULL);
		return;
	}
	if (r->method == HM_POST) {
		struct form f;
		if (!page_form(r, &f))
			return;
		rc = initiative_delete(r->store, r->arena, &r->viewer, in.id);
		if (rc)
			web_fail(r, rc, NULL);
		else
			http_redirect(r, "/initiatieven?verwijderd=1");
		return;
	}
	struct buf *b = &r->out;
	page_begin(r, T(r, M_INIT_DELETE_TITLE), NAV_INITIATIVES);
	html_f(b, "<h1>%s</h1>\n<p>", T(r, M_INIT_DELETE_TITLE));
	html_f(b, T(r, M_INIT_DELETE_CONFIRM), in.title);
	html_raw(b, "</p>\n");
	form_begin(r, arena_printf(r->arena, "/initiatieven/%s/verwijderen", in.id), true);
	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"/initiatieven/%s\">%s</a></div>\n",
	       T(r, M_DELETE_YES), in.id, T(r, M_DELETE_NO));
	form_end(r);
	page_end(r);
}

/* ---- the forms that start and change one ---- */

/* The parties to offer as lead: the viewer's own, and for coordinators
 * and admins the first hundred of all (a field for the id if there are
 * more). Keeps the current lead among them. False when a field for the id
 * serves instead. */
static bool lead_choices(struct http_req *r, const char *current, struct choice **out, size_t *n)
{
	enum { MAX = 100 };
	struct choice *c = arena_alloc(r->arena, sizeof *c * (MAX + 64));
	size_t count = 0;
	if (r->viewer.role == PROLE_ADMIN || r->viewer.role == PROLE_COORDINATOR) {
		struct party_filter f = { .limit = MAX, .sort = SORT_NAME };
		struct problems p = { 0 };
		struct party *items;
		size_t np;
		const char *next;
		if (party_list(r->store, r->arena, &r->viewer, &f, &p, &items, &np, &next) || next)
			return false;
		for (size_t i = 0; i < np; i++)
			c[count++] = (struct choice){ arena_strdup(r->arena, items[i].id), items[i].name, NULL, false, 0 };
	} else {
		struct membership *ms;
		size_t nm;
		if (member_of(r->store, r->arena, r->viewer.user_id, &ms, &nm) == 0)
			for (size_t i = 0; i < nm && count < MAX; i++)
				c[count++] = (struct choice){ arena_strdup(r->arena, ms[i].party_id), ms[i].party_name,
							      NULL, false, 0 };
	}
	bool found = false;
	for (size_t i = 0; i < count; i++)
		if (current && !strcmp(c[i].value, current))
			c[i].checked = found = true;
	if (current && !found) {
		struct party pa;
		if (party_get(r->store, r->arena, &r->viewer, current, &pa) == 0)
			c[count++] = (struct choice){ arena_strdup(r->arena, pa.id), pa.name, NULL, true, 0 };
	}
	*out = c;
	*n = count;
	return true;
}

/* The issues to offer: the hundred newest, and those chosen. */
static void issue_choices(struct http_req *r, const struct strlist *chosen, const struct problems *p)
{
	enum { MAX = 100 };
	struct issue_filter f = { .limit = MAX };
	struct issue *items = NULL;
	size_t n = 0;
	const char *next;
	issue_list(r->store, r->arena, &r->viewer, &f, &(struct problems){ 0 }, &items, &n, &next);
	struct choice *c = arena_alloc(r->arena, sizeof *c * (MAX + INITIATIVE_ISSUES_MAX + 1));
	size_t count = 0;
	for (size_t i = 0; i < chosen->n; i++) {
		struct issue is;
		if (issue_get(r->store, r->arena, NULL, chosen->v[i], &is) == 0)
			c[count++] = (struct choice){ arena_strdup(r->arena, is.id), is.title, NULL, true, 0 };
	}
	for (size_t i = 0; i < n; i++)
		if (!strlist_has(chosen, items[i].id))
			c[count++] = (struct choice){ arena_strdup(r->arena, items[i].id), items[i].title, NULL, false, 0 };
	const struct field_desc *d = fields_find(initiative_fields, initiative_nfields, "issues");
	if (!count) {
		html_f(&r->out, "<p>%s</p>\n", T(r, M_INIT_ISSUES_NONE));
		return;
	}
	field_choices(r, d->name, d->label[r->lang], d->hint[r->lang], c, count, true, p);
}

struct init_form {
	struct initiative in; /* its id "" for a new one */
	struct form_typed typed;
};

static void render_form(struct http_req *r, const struct init_form *ff, const struct problems *p)
{
	struct buf *b = &r->out;
	const struct initiative *in = &ff->in;
	bool is_new = !in->id[0];
	const char *title = T(r, is_new ? M_INIT_NEW_TITLE : M_INIT_EDIT_TITLE);
	page_begin(r, title, NAV_INITIATIVES);
	html_f(b, "<p class=\"crumbs\"><a href=\"/initiatieven\">%s</a></p>\n<h1>%s</h1>\n", T(r, M_INIT_BACK), title);
	struct choice *leads;
	size_t nleads = 0;
	bool pick = lead_choices(r, in->lead_party, &leads, &nleads);
	if (is_new && pick && !nleads) {
		html_f(b, "<p>%s</p>\n<p><a class=\"button\" href=\"/partijen/nieuw\">%s</a></p>\n", T(r, M_INIT_NO_PARTIES),
		       T(r, M_PARTY_ADD));
		page_end(r);
		return;
	}
	if (is_new && nleads == 1 && !in->lead_party)
		leads[0].checked = true;
	const struct field_desc *d = initiative_fields;
	size_t nd = initiative_nfields;
	form_fields_summary(r, p, d, nd);
	form_begin(r, is_new ? "/initiatieven/nieuw" : arena_printf(r->arena, "/initiatieven/%s/bewerken", in->id), true);
	form_field(r, d, nd, "title", in, &ff->typed, p);
	form_field_as(r, d, nd, "summary", in, &ff->typed, p, &(struct field_look){ .rows = 3 });
	form_field(r, d, nd, "description", in, &ff->typed, p);
	form_field(r, d, nd, "type", in, &ff->typed, p);
	const struct field_desc *ld = fields_find(d, nd, "leadParty");
	struct field f = { .name = ld->name, .label = ld->label[r->lang], .hint = ld->hint[r->lang],
			   .value = in->lead_party, .required = true };
	if (pick) {
		field_choices(r, f.name, f.label, f.hint, leads, nleads, false, p);
	} else {
		f.hint = T(r, M_INIT_LEAD_ID_HINT);
		field_text(r, &f, p);
	}
	issue_choices(r, &in->issues, p);
	const struct field_desc *ad = fields_find(d, nd, "area");
	struct field code = { .name = ad->name, .label = T(r, M_AREA_CODE), .hint = T(r, M_AREA_CODE_HINT),
			      .value = in->area, .required = true };
	web_area_pick(r, &code, ad->label[r->lang], ad->hint[r->lang], 200, p);
	form_field(r, d, nd, "targetGroups", in, &ff->typed, p);
	form_field(r, d, nd, "participationLevel", in, &ff->typed, p);
	form_field(r, d, nd, "budgetCents", in, &ff->typed, p);
	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"%s\">%s</a></div>\n",
	       T(r, M_SAVE), is_new ? "/initiatieven" : path_of(r, in->id), T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

static void form_page(struct http_req *r, bool is_new)
{
	if (page_login_needed(r, NULL))
		return;
	struct init_form ff = { 0 };
	struct initiative was;
	int rc = is_new ? 0 : initiative_get(r->store, r->arena, &r->viewer, r->params[0], &was, NULL, NULL);
	if (!rc && !is_new && !initiative_can_manage(&r->viewer, &was))
		rc = ERR_FORBIDDEN;
	if (rc) {
		web_fail(r, rc, NULL);
		return;
	}
	if (!is_new)
		ff.in = was;
	if (r->method != HM_POST) {
		if (!is_new) {
			form_typed_from(r, initiative_fields, initiative_nfields, &was, &ff.typed);
		} else { /* started from an issue's page: that issue ticked */
			const char *issue = filters_param(r, "issue");
			if (issue && uuid_valid(issue, strlen(issue))) {
				const char **v = arena_alloc(r->arena, sizeof *v);
				v[0] = issue;
				ff.in.issues = (struct strlist){ v, 1 };
			}
		}
		render_form(r, &ff, NULL);
		return;
	}
	struct form f;
	if (!page_form(r, &f))
		return;
	struct problems p = { 0 };
	/* a number that did not parse is a problem of its own; the model adds
	 * the rest, so that the form shows them all at once */
	form_read_fields(r, &f, initiative_fields, initiative_nfields, &ff.in, &ff.typed, &p);
	rc = is_new ? initiative_create(r->store, r->arena, &r->viewer, &ff.in, &p)
			    : initiative_update(r->store, r->arena, &r->viewer, &was, &ff.in, &p);
	if (!rc && p.n) /* not reached: the model refuses what has problems */
		rc = ERR_INVALID;
	if (rc == ERR_INVALID) {
		r->status = 400;
		render_form(r, &ff, &p);
		return;
	}
	if (rc)
		web_fail(r, rc, NULL);
	else
		http_redirect(r, arena_printf(r->arena, "/initiatieven/%s?opgeslagen=1", ff.in.id));
}

static void page_new(struct http_req *r)
{
	form_page(r, true);
}

static void page_edit(struct http_req *r)
{
	form_page(r, false);
}

/* ---- on the issue's page ---- */

void issue_part_initiatives(struct http_req *r, const struct issue *is)
{
	enum { MAX = 50 };
	struct initiative *items;
	size_t n;
	if (initiative_list_by_issue(r->store, r->arena, is->id, MAX, &items, &n))
		return;
	struct buf *b = &r->out;
	page_section(r, "initiatieven", T(r, M_INIT_ISSUE_PART));
	if (!n) {
		html_f(b, "<p>%s</p>\n", T(r, M_INIT_ISSUE_PART_NONE));
	} else {
		html_raw(b, "<ul class=\"cards\">\n");
		for (size_t i = 0; i < n; i++)
			card(r, &items[i], true, 3);
		html_raw(b, "</ul>\n");
	}
	if (r->viewer.authenticated)
		html_f(b, "<p><a href=\"/initiatieven/nieuw?issue=%s\">%s</a></p>\n", is->id, T(r, M_INIT_ISSUE_PART_ADD));
	html_raw(b, "</section>\n");
}

const struct http_route web_initiatives_routes[] = {
	{ HM_GET, "/initiatieven", page_initiatives, RF_CACHE },
	{ HM_GET | HM_POST, "/initiatieven/nieuw", page_new, 0 },
	{ HM_GET, "/initiatieven/{id}", page_initiative, RF_CACHE },
	{ HM_GET | HM_POST, "/initiatieven/{id}/bewerken", page_edit, 0 },
	{ HM_GET | HM_POST, "/initiatieven/{id}/verwijderen", page_delete, 0 },
	{ HM_POST, "/initiatieven/{id}/fase", page_initiative_decide, 0 },
	{ HM_POST, "/initiatieven/{id}/volgen", page_follow, 0 },
	{ HM_POST, "/initiatieven/{id}/ontvolgen", page_unfollow, 0 },
	{ HM_POST, "/initiatieven/{id}/helpen", page_help, 0 },
	{ HM_POST, "/initiatieven/{id}/niet-helpen", page_help_withdraw, 0 },
	{ 0 },
};
