/* /signalen: the inbox of signals (with similar ones grouped), the
 * viewer's own signals and what became of them, the report form, and one
 * signal with its cluster, its status moves, its uptake in an issue and
 * the decisions on a regulatory one. Forms work without JavaScript. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/issue.h"
#include "../model/member.h"
#include "../model/signal.h"
#include "form_fields.h"
#include "html.h"
#include "filters.h"
#include "layout.h"
#include "pages.h"

#define KIND_NAME(r, k) web_enum_name(r, signal_kinds, SIGNAL_KIND_COUNT, k)
#define STATUS_NAME(r, k) web_enum_name(r, signal_statuses, SIGNAL_STATUS_COUNT, k)
#define DECISION_NAME(r, k) web_enum_name(r, decision_kinds, DECISION_KIND_COUNT, k)
/* The label of a signal's field, as the report form has it. */
#define LABEL(r, name) fields_find(signal_fields, signal_nfields, name)->label[(r)->lang]

/* The issue a signal was taken up in, with its status. */
static void issue_line(struct http_req *r, const struct signal *sg)
{
	html_f(&r->out, "<p>%s: <a href=\"/vraagstukken/%s\">%s</a> (%s)</p>\n", T(r, M_SIG_ISSUE), sg->issue_id,
	       sg->issue_title ? sg->issue_title : sg->issue_id,
	       web_enum_name(r, issue_statuses, ISSUE_STATUS_COUNT, sg->issue_status));
}

/* The signals of sg's group (but sg, if others), each a link with its status. */
static void cluster_list(struct http_req *r, const struct signal *sg, bool others)
{
	struct signal *members;
	size_t n;
	html_raw(&r->out, "<ul>\n");
	if (signal_cluster(r->store, r->arena, &r->viewer, sg->cluster_id, &members, &n) == 0)
		for (size_t i = 0; i < n; i++)
			if (!others || strcmp(members[i].id, sg->id) != 0)
				html_f(&r->out, "<li><a href=\"/signalen/%s\">%s</a> (%s)</li>\n", members[i].id,
				       members[i].title, STATUS_NAME(r, members[i].status));
	html_raw(&r->out, "</ul>\n");
}

/* One signal in a list: title, kind, area, status and what became of it. */
static void signal_row(struct http_req *r, const struct signal *sg, bool with_cluster)
{
	struct buf *b = &r->out;
	html_f(b, "<li class=\"card\">\n<h3 lang=\"nl\"><a href=\"/signalen/%s\">%s</a></h3>\n", sg->id, sg->title);
	html_f(b, "<p class=\"meta\">%s · %s · %s", KIND_NAME(r, sg->kind), sg->area_name, STATUS_NAME(r, sg->status));
	if (sg->target_group)
		html_f(b, " · %s", sg->target_group);
	if (sg->regulatory)
		html_f(b, " · %s", T(r, M_SIG_REG_CHECK));
	html_raw(b, "</p>\n");
	if (sg->issue_id)
		issue_line(r, sg);
	if (with_cluster && sg->cluster_size > 1) {
		html_raw(b, "<details>\n<summary>");
		html_f(b, T(r, M_SIG_CLUSTER_COUNT), sg->cluster_size);
		html_raw(b, "</summary>\n");
		cluster_list(r, sg, false);
		html_raw(b, "</details>\n");
	}
	html_raw(b, "</li>\n");
}

/* Signals as cards, or the sentence none. */
static void signal_cards(struct http_req *r, const struct signal *items, size_t n, enum msg none, bool with_cluster)
{
	if (!n) {
		html_f(&r->out, "<p>%s</p>\n", T(r, none));
		return;
	}
	html_raw(&r->out, "<ul class=\"cards\">\n");
	for (size_t i = 0; i < n; i++)
		signal_row(r, &items[i], with_cluster);
	html_raw(&r->out, "</ul>\n");
}

/* The inbox's filters, as /signalen's form and paging links have them. */
static size_t filters_of(struct http_req *r, const struct signal_filter *f, struct filter *fl)
{
	static const struct choice regulatory[2] = { { "true", NULL, NULL, false, 0 }, { "false", NULL, NULL, false, 0 } };
	struct choice *reg = arena_alloc(r->arena, sizeof regulatory);
	memcpy(reg, regulatory, sizeof regulatory);
	reg[0].label = T(r, M_SIG_REG_ONLY);
	reg[1].label = T(r, M_SIG_REG_NOT);
	const struct filter all[] = {
		{ FILTER("q", FILTER_SEARCH, T(r, M_FILTER_Q), f->q) },
		{ FILTER("kind", FILTER_ENUM, LABEL(r, "kind"), f->kind), .all = T(r, M_SIG_KIND_ALL),
		  .keys = signal_kinds, .n = SIGNAL_KIND_COUNT },
		{ FILTER("area", FILTER_AREA, T(r, M_AREA), f->area), .all = T(r, M_FILTER_AREA_ALL) },
		{ FILTER("status", FILTER_ENUM, LABEL(r, "status"), f->status), .all = T(r, M_SIG_STATUS_ALL),
		  .keys = signal_statuses, .n = SIGNAL_STATUS_COUNT },
		{ FILTER("targetGroup", FILTER_TEXT, LABEL(r, "targetGroup"), f->target_group) },
		{ FILTER("regulatory", FILTER_CHOICES, LABEL(r, "regulatory"), f->regulatory), .all = T(r, M_SIG_REG_ALL),
		  .choices = reg, .n = 2 },
	};
	memcpy(fl, all, sizeof all);
	return sizeof all / sizeof all[0];
}

static void page_signals(struct http_req *r)
{
	if (page_login_needed(r, NULL))
		return;
	struct signal_filter f = {
		.q = filters_param(r, "q"), .kind = filters_param(r, "kind"), .area = filters_param(r, "area"),
		.status = filters_param(r, "status"), .target_group = filters_param(r, "targetGroup"),
		.regulatory = filters_param(r, "regulatory"), .cursor = filters_param(r, "cursor"), .limit = 20,
		.clusters = true,
	};
	struct problems p = { 0 };
	struct signal *items = NULL, *mine = NULL;
	size_t n = 0, nmine = 0;
	const char *next = NULL, *next_mine = NULL;
	int rc = signal_list(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (!web_list_shown(r, rc))
		return;
	struct problems none = { 0 };
	/* the viewer's own, paged with a cursor of their own ("mijn") */
	struct signal_filter fm = { .mine = true, .limit = 20, .cursor = filters_param(r, "mijn") };
	rc = signal_list(r->store, r->arena, &r->viewer, &fm, &none, &mine, &nmine, &next_mine);
	if (rc == ERR_INVALID) { /* a cursor that is not kiem's: the first page */
		fm.cursor = NULL;
		none.n = 0;
		rc = signal_list(r->store, r->arena, &r->viewer, &fm, &none, &mine, &nmine, &next_mine);
	}
	if (rc) {
		web_error_page(r, 500);
		return;
	}
	struct buf *b = &r->out;
	page_begin(r, T(r, M_SIG_TITLE), NAV_SIGNALS);
	html_f(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", T(r, M_SIG_TITLE), T(r, M_SIG_INTRO));
	if (http_query(r, "gemeld"))
		page_notice(r, T(r, M_SIG_SAVED));
	html_f(b, "<p><a class=\"button\" href=\"/signalen/nieuw\">%s</a></p>\n", T(r, M_SIG_ADD));

	page_section(r, "mine", T(r, M_SIG_MINE));
	signal_cards(r, mine, nmine, M_SIG_MINE_NONE, false);
	if (next_mine || fm.cursor)
		page_paging(r, T(r, M_SIG_MINE_PAGING), fm.cursor ? "/signalen" : NULL, T(r, M_PAGE_FIRST),
			    next_mine ? arena_printf(r->arena, "/signalen?mijn=%s", next_mine) : NULL, T(r, M_PAGE_NEXT));
	html_raw(b, "</section>\n");

	page_section(r, "inbox", T(r, M_SIG_INBOX));
	html_f(b, "<p>%s</p>\n", T(r, M_SIG_INBOX_HINT));
	struct filter fl[6];
	size_t nfl = filters_of(r, &f, fl);
	filters_form(r, "/signalen", fl, nfl, &p);
	signal_cards(r, items, n, M_SIG_INBOX_NONE, true);
	filters_paging(r, "/signalen", fl, nfl, f.cursor, next);
	html_raw(b, "</section>\n");
	page_end(r);
}

/* The report form, with what was typed and the problems. */
static void render_new(struct http_req *r, const struct signal *sg, const struct form_typed *typed,
		       const struct problems *p)
{
	struct buf *b = &r->out;
	page_begin(r, T(r, M_SIG_NEW_TITLE), NAV_SIGNALS);
	html_f(b, "<p class=\"crumbs\"><a href=\"/signalen\">%s</a></p>\n<h1>%s</h1>\n", T(r, M_SIG_BACK),
	       T(r, M_SIG_NEW_TITLE));
	struct membership *ms = NULL;
	size_t nms = 0;
	if (member_of(r->store, r->arena, r->viewer.user_id, &ms, &nms))
		nms = 0;
	form_fields_summary(r, p, signal_fields, signal_nfields);
	form_begin(r, "/signalen/nieuw", true);
	/* for one of the viewer's parties, or as a resident (issue 8) */
	const char *chosen = sg->resident ? "resident" : sg->party_id;
	if (nms) {
		struct choice *pc = arena_alloc(r->arena, sizeof *pc * (nms + 1));
		for (size_t i = 0; i < nms; i++)
			pc[i] = (struct choice){ ms[i].party_id, ms[i].party_name, NULL,
						 chosen ? !strcmp(chosen, ms[i].party_id) : nms == 1 && !p, 0 };
		pc[nms] = (struct choice){ "resident", T(r, M_SIG_AS_RESIDENT_CHOICE), T(r, M_SIG_AS_RESIDENT_HINT),
					   chosen && !strcmp(chosen, "resident"), 0 };
		const struct field_desc *d = fields_find(signal_fields, signal_nfields, "party");
		field_choices(r, "party", d->label[r->lang], d->hint[r->lang], pc, nms + 1, false, p);
	} else {
		html_f(b, "<p>%s</p>\n<input type=\"hidden\" name=\"party\" value=\"resident\">\n", T(r, M_SIG_PARTY_NONE));
	}
	static const char *const plain[] = { "kind", "title", "description" };
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++)
		form_field(r, signal_fields, signal_nfields, plain[i], sg, typed, p);
	/* one area, picked from the tree */
	const struct field code = { .name = "area", .label = T(r, M_AREA_CODE), .value = sg->area, .required = true };
	web_area_pick(r, &code, T(r, M_AREA), NULL, 300, p);
	form_field(r, signal_fields, signal_nfields, "targetGroup", sg, typed, p);
	struct choice reg = { "true", T(r, M_SIG_REG_CHECK), T(r, M_SIG_REG_HINT), sg->regulatory, 0 };
	field_choices(r, "regulatory", LABEL(r, "regulatory"), NULL, &reg, 1, true, p);
	/* always shown: the form works without JavaScript */
	form_field(r, signal_fields, signal_nfields, "rule", sg, typed, p);
	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"/signalen\">%s</a></div>\n",
	       T(r, M_SIG_SUBMIT), T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

static void page_signal_new(struct http_req *r)
{
	if (page_login_needed(r, NULL))
		return;
	struct signal sg = { 0 };
	struct form_typed typed = { 0 };
	if (r->method != HM_POST) {
		render_new(r, &sg, &typed, NULL);
		return;
	}
	struct form f;
	if (!page_form(r, &f))
		return;
	struct problems p = { 0 };
	form_read_fields(r, &f, signal_fields, signal_nfields, &sg, &typed, &p);
	if (sg.party_id && !strcmp(sg.party_id, "resident")) {
		sg.party_id = NULL;
		sg.resident = true;
	}
	const char *typed_rule = sg.rule;
	int rc = signal_create(r->store, r->arena, &r->viewer, &sg, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		sg.rule = typed_rule;
		render_new(r, &sg, &typed, &p);
		return;
	}
	if (rc)
		web_error_page(r, rc == ERR_FORBIDDEN ? 403 : 500);
	else
		http_redirect(r, arena_printf(r->arena, "/signalen/%s?gemeld=1", sg.id));
}

/* Which form of the signal page failed, to show its problems beside it. */
enum which { F_NONE, F_MOVE, F_TAKE_UP, F_LINK, F_DECIDE };

struct page_state {
	enum which failed;
	const struct problems *p;
	const char *message;  /* a sentence above the failed form, or NULL */
	const struct form *typed;
};

static const char *typed(const struct page_state *ps, enum which w, const char *name)
{
	return ps->failed == w && ps->typed ? form_get(ps->typed, name) : NULL;
}

static void form_problems(struct http_req *r, const struct page_state *ps, enum which w,
			  const struct field_label *labels, size_t n)
{
	if (ps->failed != w)
		return;
	if (ps->message)
		html_f(&r->out, "<div class=\"error-summary\" role=\"alert\"><p>%s</p></div>\n", ps->message);
	else
		form_error_summary(r, ps->p, labels, n);
}

static void move_form(struct http_req *r, const struct signal *sg, const struct page_state *ps)
{
	const struct problems *p = ps->failed == F_MOVE ? ps->p : NULL;
	page_section(r, "move", T(r, M_SIG_MOVE_TITLE));
	const struct field_label labels[] = { { "status", T(r, M_SIG_MOVE_TO) }, { "reason", LABEL(r, "statusReason") } };
	form_problems(r, ps, F_MOVE, labels, 2);
	form_begin(r, arena_printf(r->arena, "/signalen/%s/status", sg->id), true);
	struct choice st[SIGNAL_STATUS_COUNT];
	size_t n = 0;
	const char *want = typed(ps, F_MOVE, "status");
	for (int i = 0; i < SIGNAL_STATUS_COUNT; i++)
		if (strcmp(signal_statuses[i].key, sg->status) != 0)
			st[n++] = (struct choice){ signal_statuses[i].key, signal_statuses[i].name[r->lang], NULL,
						   want && !strcmp(want, signal_statuses[i].key), 0 };
	field_choices(r, "status", T(r, M_SIG_MOVE_TO), NULL, st, n, false, p);
	struct field reason = { .name = "reason", .label = LABEL(r, "statusReason"), .hint = T(r, M_SIG_MOVE_REASON_HINT),
				.value = typed(ps, F_MOVE, "reason") };
	field_textarea(r, &reason, 3, p);
	form_submit_end(r, T(r, M_SIG_MOVE_TITLE));
	html_raw(&r->out, "</section>\n");
}

static void take_up_forms(struct http_req *r, const struct signal *sg, const struct page_state *ps)
{
	struct buf *b = &r->out;
	const struct problems *p = ps->failed == F_TAKE_UP ? ps->p : NULL;
	page_section(r, "take-up", T(r, M_SIG_TAKE_UP_TITLE));
	html_f(b, "<p>%s</p>\n", T(r, M_SIG_TAKE_UP_HINT));
	const struct field_label labels[] = {
		{ "issueTitle", T(r, M_SIG_ISSUE_TITLE) }, { "issueSummary", T(r, M_SIG_ISSUE_SUMMARY) },
		{ "ownerParty", T(r, M_SIG_PARTY) }, { "area", T(r, M_AREA) },
	};
	form_problems(r, ps, F_TAKE_UP, labels, 4);
	form_begin(r, arena_printf(r->arena, "/signalen/%s/vraagstuk", sg->id), true);
	struct field title = { .name = "issueTitle", .label = T(r, M_SIG_ISSUE_TITLE),
			       .value = ps->failed == F_TAKE_UP ? typed(ps, F_TAKE_UP, "issueTitle") : sg->title };
	field_text(r, &title, p);
	struct field summary = { .name = "issueSummary", .label = T(r, M_SIG_ISSUE_SUMMARY),
				 .value = typed(ps, F_TAKE_UP, "issueSummary") };
	field_textarea(r, &summary, 3, p);
	/* what goes along with the group, counted as it will go (issue 8) */
	struct signal_along along;
	if (signal_taken_with(r->store, &r->viewer, sg, &along))
		along = (struct signal_along){ 0 };
	const char *along_hint = T(r, along.whole ? M_SIG_TAKE_UP_CLUSTER_HINT : M_SIG_TAKE_UP_SEEN_HINT);
	if (along.going > 1) {
		const char *label = arena_printf(r->arena, T(r, along.whole ? M_SIG_TAKE_UP_CLUSTER : M_SIG_TAKE_UP_SEEN),
						 along.going);
		struct choice c = { "true", label, along_hint,
				    ps->failed != F_TAKE_UP || typed(ps, F_TAKE_UP, "cluster"), 0 };
		field_choices(r, "cluster", T(r, M_SIG_CLUSTER_TITLE), NULL, &c, 1, true, p);
	} else if (along.staying) {
		html_f(b, "<p class=\"hint\">%s</p>\n", along_hint);
	}
	form_submit_end(r, T(r, M_SIG_TAKE_UP_SUBMIT));

	/* or an issue that is there already */
	struct issue_filter f = { .limit = 100 };
	struct problems none = { 0 };
	struct issue *issues = NULL;
	size_t n = 0;
	const char *next;
	if (issue_list(r->store, r->arena, &r->viewer, &f, &none, &issues, &n, &next) == 0 && n) {
		html_f(b, "<h3 id=\"link\">%s</h3>\n", T(r, M_SIG_LINK_TITLE));
		form_problems(r, ps, F_LINK, (const struct field_label[]){ { "issueId", T(r, M_SIG_ISSUE) } }, 1);
		form_begin(r, arena_printf(r->arena, "/signalen/%s/vraagstuk", sg->id), true);
		struct choice *ic = arena_alloc(r->arena, sizeof *ic * n);
		const char *want = typed(ps, F_LINK, "issueId");
		for (size_t i = 0; i < n; i++)
			ic[i] = (struct choice){ issues[i].id, issues[i].title, NULL, want && !strcmp(want, issues[i].id), 0 };
		field_select(r, "issueId", T(r, M_SIG_ISSUE), T(r, M_SIG_LINK_CHOOSE), ic, n);
		if (along.going > 1) {
			/* the group goes along here too: say so (issue 8) */
			html_f(b, "<p class=\"hint\">%s %s</p>\n",
			       arena_printf(r->arena, T(r, along.whole ? M_SIG_LINK_CLUSTER : M_SIG_LINK_SEEN), along.going),
			       along_hint);
			html_raw(b, "<input type=\"hidden\" name=\"cluster\" value=\"true\">\n");
		} else if (along.staying) {
			html_f(b, "<p class=\"hint\">%s</p>\n", along_hint);
		}
		form_submit_end(r, T(r, M_SIG_LINK_SUBMIT));
	}
	html_raw(b, "</section>\n");
}

void web_signal_decisions(struct http_req *r, const struct signal_decision *ds, size_t n, bool heading_if_none)
{
	struct buf *b = &r->out;
	if (!n && !heading_if_none)
		return;
	if (!n) {
		html_f(b, "<p>%s</p>\n", T(r, M_SIG_DECISIONS_NONE));
		return;
	}
	html_raw(b, "<ul class=\"decisions\">\n");
	for (size_t i = 0; i < n; i++) {
		html_f(b, "<li><strong>%s</strong>", DECISION_NAME(r, ds[i].decision));
		if (ds[i].party_name) {
			html_raw(b, " ");
			html_f(b, T(r, M_SIG_DECIDED_BY), ds[i].party_name);
		}
		html_raw(b, ", ");
		page_time(r, ds[i].decided_at);
		html_f(b, "<br>%s</li>\n", ds[i].reason);
	}
	html_raw(b, "</ul>\n");
}

static void decide_form(struct http_req *r, const struct signal *sg, const struct page_state *ps)
{
	const struct problems *p = ps->failed == F_DECIDE ? ps->p : NULL;
	html_f(&r->out, "<h3>%s</h3>\n<p>%s</p>\n", T(r, M_SIG_DECIDE_TITLE), T(r, M_SIG_DECIDE_HINT));
	const char *reason_label = fields_find(decision_fields, decision_nfields, "reason")->label[r->lang];
	const struct field_label labels[] = { { "decision", T(r, M_SIG_DECISION) }, { "decisionReason", reason_label } };
	form_problems(r, ps, F_DECIDE, labels, 2);
	form_begin(r, arena_printf(r->arena, "/signalen/%s/besluit", sg->id), true);
	const struct signal_decision d = { .decision = typed(ps, F_DECIDE, "decision") };
	form_field(r, decision_fields, decision_nfields, "decision", &d, &(struct form_typed){ 0 }, p);
	struct field reason = { .name = "decisionReason", .label = reason_label, .required = true,
				.value = typed(ps, F_DECIDE, "decisionReason") };
	field_textarea(r, &reason, 4, p);
	form_submit_end(r, T(r, M_SIG_DECIDE_SUBMIT));
}

static void render_signal(struct http_req *r, const struct signal *sg, const struct page_state *ps)
{
	struct buf *b = &r->out;
	page_begin(r, sg->title, NAV_SIGNALS);
	html_f(b, "<p class=\"crumbs\"><a href=\"/signalen\">%s</a></p>\n", T(r, M_SIG_BACK));
	static const struct notice notices[] = { { "gemeld", M_SIG_SAVED }, { "gelukt", M_SIG_DONE } };
	page_notices(r, NULL, notices, 2);
	html_f(b, "<h1 lang=\"nl\">%s</h1>\n<p class=\"meta\">%s · %s</p>\n", sg->title, KIND_NAME(r, sg->kind),
	       STATUS_NAME(r, sg->status));
	html_raw(b, "<div class=\"description\" lang=\"nl\">\n");
	html_markdown(b, sg->description);
	html_raw(b, "</div>\n<dl class=\"facts\">\n");
	html_f(b, "<dt>%s</dt><dd>%s</dd>\n", T(r, M_AREA), sg->area_name);
	html_f(b, "<dt>%s</dt><dd>%s</dd>\n", LABEL(r, "targetGroup"), sg->target_group ? sg->target_group : T(r, M_NONE_GIVEN));
	html_f(b, "<dt>%s</dt><dd>%s", LABEL(r, "reporterName"), sg->reporter_name ? sg->reporter_name : T(r, M_NONE_GIVEN));
	if (sg->party_name)
		html_f(b, " (%s)", sg->party_name);
	else if (sg->resident)
		html_f(b, "%s", T(r, M_SIG_AS_RESIDENT));
	html_f(b, "</dd>\n<dt>%s</dt><dd>", LABEL(r, "createdAt"));
	page_time(r, sg->created_at);
	html_raw(b, "</dd>\n");
	if (sg->status_reason)
		html_f(b, "<dt>%s</dt><dd>%s</dd>\n", LABEL(r, "statusReason"), sg->status_reason);
	if (sg->regulatory) {
		html_f(b, "<dt>%s</dt><dd>%s</dd>\n", T(r, M_SIG_RULE_SHORT), sg->rule ? sg->rule : "");
		html_f(b, "<dt>%s</dt><dd>%s</dd>\n", LABEL(r, "routedParty"),
		       sg->routed_party_name ? sg->routed_party_name : T(r, M_SIG_ROUTED_NONE));
	}
	html_raw(b, "</dl>\n");

	page_section(r, "outcome", T(r, M_SIG_OUTCOME));
	if (sg->issue_id)
		issue_line(r, sg);
	else
		html_f(b, "<p>%s</p>\n", T(r, M_SIG_ISSUE_NONE));
	if (sg->regulatory) {
		html_f(b, "<h3>%s</h3>\n", T(r, M_SIG_DECISIONS));
		struct signal_decision *ds = NULL;
		size_t n = 0;
		if (!signal_decisions(r->store, r->arena, sg->id, &ds, &n))
			web_signal_decisions(r, ds, n, true);
		if (sg->can_decide && strcmp(sg->status, "dismissed") != 0)
			decide_form(r, sg, ps);
	}
	html_raw(b, "</section>\n");

	if (sg->cluster_size > 1) {
		page_section(r, "cluster", T(r, M_SIG_CLUSTER_TITLE));
		html_raw(b, "<p>");
		html_f(b, T(r, M_SIG_CLUSTER_COUNT), sg->cluster_size);
		html_raw(b, "</p>\n");
		cluster_list(r, sg, true);
		if (sg->can_update) {
			form_begin(r, arena_printf(r->arena, "/signalen/%s/uit-groep", sg->id), true);
			html_f(b, "<p class=\"hint\">%s</p>\n<div class=\"actions\"><button type=\"submit\" class=\"secondary\">%s</button></div>\n",
			       T(r, M_SIG_UNCLUSTER_HINT), T(r, M_SIG_UNCLUSTER));
			form_end(r);
		}
		html_raw(b, "</section>\n");
	}
	if (sg->can_update) {
		move_form(r, sg, ps);
		if (!sg->issue_id)
			take_up_forms(r, sg, ps);
	}
	page_end(r);
}

static void page_signal(struct http_req *r)
{
	if (page_login_needed(r, NULL))
		return;
	struct signal sg;
	int rc = signal_get(r->store, r->arena, &r->viewer, r->params[0], &sg);
	if (rc) {
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : 500);
		return;
	}
	struct page_state ps = { 0 };
	render_signal(r, &sg, &ps);
}

/* For a form on the signal page: the signal, and the parsed form. */
static bool load(struct http_req *r, struct signal *sg, struct form *f)
{
	if (page_login_needed(r, NULL))
		return false;
	int rc = signal_get(r->store, r->arena, &r->viewer, r->params[0], sg);
	if (rc) {
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : 500);
		return false;
	}
	return page_form(r, f);
}

/* After a form: back to the signal, or the page again with the problems. */
static void answer(struct http_req *r, struct signal *sg, int rc, struct page_state *ps)
{
	if (!rc) {
		http_redirect(r, arena_printf(r->arena, "/signalen/%s?gelukt=1", sg->id));
		return;
	}
	if (rc != ERR_INVALID && rc != ERR_CONFLICT) {
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : rc == ERR_FORBIDDEN ? 403 : 500);
		return;
	}
	r->status = rc == ERR_CONFLICT ? 409 : 400;
	render_signal(r, sg, ps);
}

/* Gives the model's field names the page's (two forms share a page). */
static void rename_fields(struct problems *p, const char *from, const char *to)
{
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->v[i].field, from))
			p->v[i].field = to;
}

static void page_signal_move(struct http_req *r)
{
	struct signal sg;
	struct form f;
	if (!load(r, &sg, &f))
		return;
	struct problems p = { 0 };
	int rc = signal_move(r->store, r->arena, &r->viewer, &sg, form_get(&f, "status"), form_get(&f, "reason"), &p);
	struct page_state ps = { F_MOVE, &p, NULL, &f };
	if (rc == ERR_CONFLICT)
		ps.message = arena_printf(r->arena, T(r, M_SIG_MOVE_NOT_ALLOWED), signal_moves_from(sg.status));
	answer(r, &sg, rc, &ps);
}

static void page_signal_take_up(struct http_req *r)
{
	struct signal sg;
	struct form f;
	if (!load(r, &sg, &f))
		return;
	struct problems p = { 0 };
	struct issue in = { .title = form_get(&f, "issueTitle"), .summary = form_get(&f, "issueSummary") };
	const char *issue_id = form_get(&f, "issueId");
	const char *cluster = form_get(&f, "cluster");
	int rc = signal_take_up(r->store, r->arena, &r->viewer, &sg, issue_id && *issue_id ? issue_id : NULL, &in,
				cluster && !strcmp(cluster, "true"), &p);
	rename_fields(&p, "title", "issueTitle");
	rename_fields(&p, "summary", "issueSummary");
	struct page_state ps = { issue_id ? F_LINK : F_TAKE_UP, &p, NULL, &f };
	if (rc == ERR_CONFLICT)
		ps.message = T(r, M_SIG_ALREADY);
	answer(r, &sg, rc, &ps);
}

static void page_signal_decide(struct http_req *r)
{
	struct signal sg;
	struct form f;
	if (!load(r, &sg, &f))
		return;
	struct problems p = { 0 };
	struct signal_decision d = { .decision = form_get(&f, "decision"), .reason = form_get(&f, "decisionReason") };
	int rc = signal_decide(r->store, r->arena, &r->viewer, &sg, &d, &p);
	rename_fields(&p, "reason", "decisionReason");
	struct page_state ps = { F_DECIDE, &p, NULL, &f };
	if (rc == ERR_CONFLICT)
		ps.message = T(r, M_SIG_DECIDE_CONFLICT);
	answer(r, &sg, rc, &ps);
}

static void page_signal_uncluster(struct http_req *r)
{
	struct signal sg;
	struct form f;
	if (!load(r, &sg, &f))
		return;
	struct problems p = { 0 };
	int rc = signal_set_cluster(r->store, r->arena, &r->viewer, &sg, NULL, &p);
	struct page_state ps = { F_NONE, &p, NULL, &f };
	answer(r, &sg, rc, &ps);
}

const struct http_route web_signals_routes[] = {
	{ HM_GET, "/signalen", page_signals, 0 },
	{ HM_GET | HM_POST, "/signalen/nieuw", page_signal_new, 0 },
	{ HM_GET, "/signalen/{id}", page_signal, 0 },
	{ HM_POST, "/signalen/{id}/status", page_signal_move, 0 },
	{ HM_POST, "/signalen/{id}/vraagstuk", page_signal_take_up, 0 },
	{ HM_POST, "/signalen/{id}/besluit", page_signal_decide, 0 },
	{ HM_POST, "/signalen/{id}/uit-groep", page_signal_uncluster, 0 },
	{ 0 },
};
