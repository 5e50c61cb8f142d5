/* /vraagstukken: the list of social issues, one issue with its timeline,
 * and the form that moves its status. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/issue.h"
#include "filters.h"
#include "form_fields.h"
#include "html.h"
#include "issue_parts.h"
#include "layout.h"
#include "pages.h"

const char *web_issue_status(struct http_req *r, const char *key)
{
	return web_enum_name(r, issue_statuses, ISSUE_STATUS_COUNT, key);
}

static void status_badge(struct http_req *r, const char *status)
{
	html_f(&r->out, "<span class=\"status status-%s\">%s</span>", status, web_issue_status(r, status));
}

static void target_groups(struct http_req *r, const struct strlist *l)
{
	struct buf *b = &r->out;
	html_f(b, "<ul class=\"tags\" aria-label=\"%s\">", T(r, M_TARGET_GROUPS));
	for (size_t i = 0; i < l->n; i++)
		html_f(b, "<li lang=\"nl\"><a href=\"%s\">%s</a></li>",
		       page_url(r, "/vraagstukken", "targetGroup", l->v[i], NULL, NULL), l->v[i]);
	html_raw(b, "</ul>\n");
}

static void issue_card(struct http_req *r, const struct issue *is)
{
	struct buf *b = &r->out;
	html_f(b, "<li class=\"card\">\n<h3 lang=\"nl\"><a href=\"/vraagstukken/%s\">%s</a></h3>\n<p class=\"meta\">",
	       is->id, is->title);
	status_badge(r, is->status);
	html_f(b, " · %s", is->area_name);
	if (is->owner_name)
		html_f(b, " · <span lang=\"nl\">%s</span>", is->owner_name);
	html_raw(b, "</p>\n");
	html_f(b, "<p lang=\"nl\">%s</p>\n", is->summary);
	if (is->target_groups.n)
		target_groups(r, &is->target_groups);
	html_raw(b, "</li>\n");
}

/* The list's filters, as chosen now. */
enum { NFILTERS = 6 };
static void filters_of(struct http_req *r, const struct issue_filter *f, const char *sort, struct filter *out)
{
	/* the owners as a select, unless there are too many */
	struct issue_owner *owners = NULL;
	size_t nowners = 0;
	bool more = false;
	struct choice *oc = NULL;
	if (issue_owners(r->store, r->arena, 200, &owners, &nowners, &more) == 0 && !more) {
		oc = arena_alloc(r->arena, sizeof *oc * (nowners + 1));
		for (size_t i = 0; i < nowners; i++)
			oc[i] = (struct choice){ owners[i].id, owners[i].name, NULL, false, 0 };
	}
	const char **sorts = arena_alloc(r->arena, sizeof *sorts * ISORT_COUNT);
	sorts[ISORT_CREATED_DESC] = T(r, M_SORT_ISSUE_NEWEST);
	sorts[ISORT_CREATED] = T(r, M_SORT_ISSUE_OLDEST);
	sorts[ISORT_CHANGED_DESC] = T(r, M_SORT_ISSUE_CHANGED);
	const struct filter fl[NFILTERS] = {
		{ FILTER("q", FILTER_SEARCH, T(r, M_FILTER_Q), f->q) },
		{ FILTER("status", FILTER_ENUM, T(r, M_ISSUE_STATUS), f->status), .all = T(r, M_FILTER_STATUS_ALL),
		  .keys = issue_statuses, .n = ISSUE_STATUS_COUNT },
		{ FILTER("area", FILTER_AREA, T(r, M_AREA), f->area), .all = T(r, M_FILTER_AREA_ALL),
		  .hint = T(r, M_AREA_CODE_HINT) },
		{ FILTER("ownerParty", FILTER_CHOICES, T(r, M_ISSUE_OWNER), f->owner_party),
		  .all = T(r, M_FILTER_OWNER_ALL), .hint = T(r, M_ISSUE_OWNER_ID_HINT), .choices = oc, .n = nowners },
		{ FILTER("targetGroup", FILTER_TEXT, T(r, M_TARGET_GROUP), f->target_group) },
		{ FILTER("sort", FILTER_SORT, T(r, M_FILTER_SORT), sort), .sorts = issue_sorts, .sort_names = sorts,
		  .n = ISORT_COUNT },
	};
	memcpy(out, fl, sizeof fl);
}

static void page_issues(struct http_req *r)
{
	struct issue_filter f = {
		.q = filters_param(r, "q"), .status = filters_param(r, "status"), .area = filters_param(r, "area"),
		.owner_party = filters_param(r, "ownerParty"), .target_group = filters_param(r, "targetGroup"),
		.cursor = filters_param(r, "cursor"), .limit = 20,
	};
	struct problems p = { 0 };
	const char *sort = filters_param(r, "sort");
	if (!issue_sort_parse(sort, &f.sort))
		problems_add(&p, "sort", R_NOT_ONE_OF, 0);
	struct issue *items = NULL;
	size_t n = 0;
	const char *next = NULL;
	int rc = issue_list(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (!web_list_shown(r, rc))
		return;
	bool filtered = f.q || f.status || f.area || f.owner_party || f.target_group || f.cursor;
	struct buf *b = &r->out;
	page_begin(r, T(r, M_ISSUES_TITLE), NAV_ISSUES);
	html_f(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", T(r, M_ISSUES_TITLE), T(r, M_ISSUES_INTRO));
	if (r->viewer.authenticated)
		html_f(b, "<p><a class=\"button\" href=\"/vraagstukken/nieuw\">%s</a></p>\n", T(r, M_ISSUE_ADD));
	else
		html_f(b, "<p><a href=\"/inloggen?next=/vraagstukken/nieuw\">%s</a></p>\n", T(r, M_ISSUE_ADD_LOGIN));
	struct filter fl[NFILTERS];
	filters_of(r, &f, sort, fl);
	filters_form(r, "/vraagstukken", fl, NFILTERS, &p);
	html_f(b, "<section aria-labelledby=\"results\">\n<h2 id=\"results\">%s</h2>\n", T(r, M_ISSUES_RESULTS));
	if (!n) {
		html_f(b, "<p>%s</p>\n", T(r, filtered || p.n ? M_ISSUES_NONE : M_ISSUES_EMPTY));
	} else {
		html_raw(b, "<ul class=\"cards\">\n");
		for (size_t i = 0; i < n; i++)
			issue_card(r, &items[i]);
		html_raw(b, "</ul>\n");
	}
	filters_paging(r, "/vraagstukken", fl, NFILTERS, f.cursor, next);
	html_raw(b, "</section>\n");
	page_end(r);
}

/* The path from signalled to closed, with the issue's place on it. */
static void steps(struct http_req *r, const struct issue *is)
{
	struct buf *b = &r->out;
	int now = enum_find(issue_statuses, ISSUE_STATUS_COUNT, is->status);
	html_f(b, "<ol class=\"steps\" aria-label=\"%s\">\n", T(r, M_ISSUE_STEPS));
	for (int i = ISSUE_SIGNALLED; i <= ISSUE_CLOSED; i++) {
		const char *cls = i == now ? "current" : now != ISSUE_ARCHIVED && i < now ? "done" : "todo";
		html_f(b, "<li class=\"%s\"", cls);
		if (i == now)
			html_raw(b, " aria-current=\"step\"");
		html_f(b, ">%s", issue_statuses[i].name[r->lang]);
		if (i == now)
			html_f(b, " <span class=\"visually-hidden\">(%s)</span>", T(r, M_ISSUE_STEP_NOW));
		html_raw(b, "</li>\n");
	}
	html_raw(b, "</ol>\n");
	if (now == ISSUE_ARCHIVED) {
		html_f(b, "<p class=\"meta\">");
		status_badge(r, is->status);
		html_f(b, " %s</p>\n", T(r, M_ISSUE_ARCHIVED_NOTE));
	}
}

static void timeline(struct http_req *r, const struct issue_transition *items, size_t n)
{
	struct buf *b = &r->out;
	html_f(b, "<section aria-labelledby=\"tijdlijn\">\n<h2 id=\"tijdlijn\">%s</h2>\n<ol class=\"timeline\">\n",
	       T(r, M_ISSUE_TIMELINE));
	for (size_t i = 0; i < n; i++) {
		const struct issue_transition *t = &items[i];
		html_raw(b, "<li>");
		page_time(r, t->at);
		html_raw(b, " <strong>");
		if (t->from)
			html_f(b, T(r, M_ISSUE_TIMELINE_MOVE), web_issue_status(r, t->from), web_issue_status(r, t->to));
		else
			html_f(b, T(r, M_ISSUE_TIMELINE_START), web_issue_status(r, t->to));
		html_raw(b, "</strong> ");
		if (t->actor_name)
			html_f(b, T(r, M_ISSUE_TIMELINE_BY), t->actor_name);
		else
			html_f(b, "%s", T(r, M_ISSUE_TIMELINE_SYSTEM));
		if (*t->reason)
			html_f(b, "<p class=\"reason\" lang=\"nl\">%s</p>", t->reason);
		html_raw(b, "</li>\n");
	}
	html_raw(b, "</ol>\n</section>\n");
}

/* The form that moves the status: only the moves allowed now. */
static void move_form(struct http_req *r, const struct issue *is, const char *to, const char *reason,
		      const struct problems *p)
{
	int now = enum_find(issue_statuses, ISSUE_STATUS_COUNT, is->status);
	unsigned allowed = now < 0 ? 0 : issue_moves((enum issue_status)now);
	if (!allowed || !issue_can(&r->viewer, is, OBJ_ISSUE_STATUS, ACT_CREATE))
		return;
	page_section(r, "status-veranderen", T(r, M_ISSUE_MOVE_TITLE));
	const struct field_desc *d = issue_transition_fields;
	form_fields_summary(r, p, d, issue_transition_nfields);
	form_begin(r, arena_printf(r->arena, "/vraagstukken/%s/status", is->id), true);
	struct choice c[ISSUE_STATUS_COUNT];
	size_t n = 0;
	for (int i = 0; i < ISSUE_STATUS_COUNT; i++)
		if (allowed & (1u << i))
			c[n++] = (struct choice){ issue_statuses[i].key, issue_statuses[i].name[r->lang], NULL,
						  to && !strcmp(to, issue_statuses[i].key), 0 };
	/* only the moves allowed now, and the reason in a smaller box */
	const struct field_desc *sd = fields_find(d, issue_transition_nfields, "status");
	field_choices(r, sd->name, sd->label[r->lang], sd->hint[r->lang], c, n, false, p);
	form_field_as(r, d, issue_transition_nfields, "reason", &(struct issue_transition){ .reason = reason }, NULL, p,
		      &(struct field_look){ .rows = 3 });
	form_submit_end(r, T(r, M_ISSUE_MOVE_SUBMIT));
	html_raw(&r->out, "</section>\n");
}

/* The page of an issue, loaded once with its timeline (issue_get_timeline)
 * and handed to each part. */
static void render_issue(struct http_req *r, const char *to, const char *reason, const struct problems *p)
{
	struct issue one, *is = &one;
	struct issue_transition *items;
	size_t n;
	int rc = issue_get_timeline(r->store, r->arena, &r->viewer, r->params[0], is, &items, &n);
	if (rc) {
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : 500);
		return;
	}
	struct buf *b = &r->out;
	page_begin(r, is->title, NAV_ISSUES);
	html_f(b, "<p class=\"crumbs\"><a href=\"/vraagstukken\">%s</a></p>\n", T(r, M_BACK_TO_ISSUES));
	static const struct notice notices[] = { { "opgeslagen", M_ISSUE_SAVED }, { "verplaatst", M_ISSUE_MOVED } };
	page_notices(r, NULL, notices, 2);
	html_f(b, "<h1 lang=\"nl\">%s</h1>\n", is->title);
	steps(r, is);
	if (issue_can(&r->viewer, is, OBJ_ISSUE, ACT_UPDATE))
		html_f(b, "<p class=\"actions\"><a class=\"button\" href=\"/vraagstukken/%s/bewerken\">%s</a></p>\n",
		       is->id, T(r, M_EDIT));
	html_f(b, "<p class=\"lead\" lang=\"nl\">%s</p>\n<div class=\"description\" lang=\"nl\">\n", is->summary);
	html_markdown(b, is->description);
	html_f(b, "</div>\n<h2>%s</h2>\n<dl class=\"facts\">\n", T(r, M_ISSUE_FACTS));
	html_f(b, "<dt>%s</dt><dd>", T(r, M_ISSUE_STATUS));
	status_badge(r, is->status);
	html_f(b, "</dd>\n<dt>%s</dt><dd><a href=\"/vraagstukken?area=%s\">%s</a></dd>\n", T(r, M_AREA), is->area,
	       is->area_name);
	html_f(b, "<dt>%s</dt><dd>", T(r, M_ISSUE_OWNER));
	if (is->owner_party && is->owner_name)
		html_f(b, "<a href=\"/partijen/%s\" lang=\"nl\">%s</a>", is->owner_party, is->owner_name);
	else if (is->owner_party) /* a private party's name is for those who may see it */
		html_f(b, "%s", T(r, M_ISSUE_OWNER_PRIVATE));
	else
		html_f(b, "%s", T(r, M_ISSUE_OWNER_GONE));
	html_f(b, "</dd>\n<dt>%s</dt><dd>", T(r, M_TARGET_GROUPS));
	if (is->target_groups.n)
		target_groups(r, &is->target_groups);
	else
		html_f(b, "%s", T(r, M_NONE_GIVEN));
	html_f(b, "</dd>\n<dt>%s</dt><dd>", T(r, M_ISSUE_SUPPORTERS));
	html_f(b, TP(r, M_ISSUE_SUPPORTERS_N, is->supporters), is->supporters);
	html_f(b, "</dd>\n<dt>%s</dt><dd>", T(r, M_UPDATED));
	page_time(r, is->updated_at);
	html_raw(b, "</dd>\n</dl>\n");
	html_f(b, "<p><a href=\"/vraagstukken/%s/rollen\">%s</a></p>\n", is->id, T(r, M_ISSUE_ROLES_LINK));
	timeline(r, items, n);
	move_form(r, is, to, reason, p);
	issue_part_signals(r, is);
	issue_part_factors(r, is);
	issue_part_initiatives(r, is);
	issue_part_voice(r, is);
	issue_part_events(r, is);
	page_end(r);
}

static void page_issue(struct http_req *r)
{
	render_issue(r, NULL, NULL, NULL);
}

static void page_issue_move(struct http_req *r)
{
	struct form f;
	if (page_login_needed(r, arena_printf(r->arena, "/vraagstukken/%s", r->params[0])) || !page_form(r, &f))
		return;
	const char *to = form_get(&f, "status"), *reason = form_get(&f, "reason");
	struct problems p = { 0 };
	struct issue_transition t;
	unsigned allowed = 0;
	int rc = issue_move(r->store, r->arena, &r->viewer, r->params[0], to, reason, &t, &p, &allowed);
	if (!rc) {
		http_redirect(r, arena_printf(r->arena, "/vraagstukken/%s?verplaatst=1#tijdlijn", r->params[0]));
		return;
	}
	int status = 400;
	if (rc == ERR_CONFLICT) {
		problems_add(&p, "status", R_MOVE_NOT_ALLOWED, 0);
		rc = ERR_INVALID;
		status = 409;
	}
	if (rc == ERR_INVALID) {
		r->status = status;
		render_issue(r, to, reason, &p);
		return;
	}
	web_error_page(r, rc == ERR_NOTFOUND ? 404 : rc == ERR_FORBIDDEN ? 403 : 500);
}

void web_party_issues(struct http_req *r, const char *party_id)
{
	struct issue *items;
	size_t n;
	if (issue_list_by_owner(r->store, r->arena, party_id, 10, &items, &n) || !n)
		return;
	struct buf *b = &r->out;
	html_f(b, "<h2>%s</h2>\n<ul>\n", T(r, M_PARTY_ISSUES));
	for (size_t i = 0; i < n; i++) {
		html_f(b, "<li><a href=\"/vraagstukken/%s\" lang=\"nl\">%s</a> ", items[i].id, items[i].title);
		status_badge(r, items[i].status);
		html_raw(b, "</li>\n");
	}
	html_f(b, "</ul>\n<p><a href=\"/vraagstukken?ownerParty=%s\">%s</a></p>\n", party_id, T(r, M_PARTY_ISSUES_ALL));
}

const struct http_route web_issues_routes[] = {
	{ HM_GET, "/vraagstukken", page_issues, RF_CACHE },
	{ HM_GET, "/vraagstukken/{id}", page_issue, RF_CACHE },
	{ HM_POST, "/vraagstukken/{id}/status", page_issue_move, 0 },
	{ 0 },
};
