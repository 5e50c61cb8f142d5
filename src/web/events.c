/* /bijeenkomsten: the list of events (upcoming first, past ones apart),
 * an event with its registration button and, for its organizer, the list
 * of who registered with their attendance; the forms to organise and change
 * one; and the iCalendar files of an event (/bijeenkomsten/{id}.ics) and of
 * an issue's events (/vraagstukken/{id}/bijeenkomsten.ics). Everything works
 * without JavaScript; the rules are the model's (model/event.h). */
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/timefmt.h"
#include "../model/event.h"
#include "../model/initiative.h"
#include "../model/issue.h"
#include "../model/member.h"
#include "../model/party.h"
#include "filters.h"
#include "form_fields.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

static const char *event_path(struct http_req *r, const char *id)
{
	return arena_printf(r->arena, "/bijeenkomsten/%s", id);
}

/* "15 juni 2026 om 19:00 tot 21:00" (the end's date when it differs). */
static void when(struct http_req *r, const struct event *ev)
{
	struct buf *b = &r->out;
	page_time(r, ev->start);
	html_f(b, " %s ", T(r, M_EVENT_UNTIL));
	/* the end's time alone when it is on the same day, in the zone */
	time_t ts, te;
	char ds[TIME_LOCAL_MAX] = "", de[TIME_LOCAL_MAX] = "", clock[16] = "";
	if (time_parse(ev->start, strlen(ev->start), &ts) && time_parse(ev->end, strlen(ev->end), &te)) {
		time_local_date(ts, r->lang, ds, sizeof ds);
		time_local_date(te, r->lang, de, sizeof de);
		time_local_clock(te, clock, sizeof clock);
	}
	if (*ds && !strcmp(ds, de)) {
		html_f(b, "<time datetime=\"%s\">%s</time>", ev->end, clock);
	} else {
		page_time(r, ev->end);
	}
}

static void status_note(struct http_req *r, const struct event *ev)
{
	if (!strcmp(ev->status, "cancelled"))
		html_f(&r->out, " <strong class=\"status status-cancelled\">%s</strong>", T(r, M_EVENT_CANCELLED_NOTE));
}

static void places(struct http_req *r, const struct event *ev)
{
	struct buf *b = &r->out;
	html_f(b, TP(r, M_EVENT_REGISTERED_N, ev->registered), ev->registered);
	if (ev->has_capacity) {
		html_raw(b, " · ");
		if (ev->places_left)
			html_f(b, TP(r, M_EVENT_PLACES_LEFT, ev->places_left), ev->places_left);
		else
			html_f(b, "%s", T(r, M_EVENT_FULL));
	}
	if (ev->waiting) {
		html_raw(b, " · ");
		html_f(b, TP(r, M_EVENT_WAITING_N, ev->waiting), ev->waiting);
	}
}

static void event_card(struct http_req *r, const struct event *ev, int level)
{
	struct buf *b = &r->out;
	html_f(b, "<li class=\"card\">\n<h%d lang=\"nl\"><a href=\"/bijeenkomsten/%s\">%s</a></h%d>\n<p class=\"meta\">",
	       level, ev->id, ev->title, level);
	when(r, ev);
	html_f(b, " · <span lang=\"nl\">%s</span>", ev->place);
	if (ev->organizer_name)
		html_f(b, " · <span lang=\"nl\">%s</span>", ev->organizer_name);
	status_note(r, ev);
	html_raw(b, "</p>\n<p class=\"meta\">");
	places(r, ev);
	html_raw(b, "</p>\n</li>\n");
}

static void cards(struct http_req *r, const struct event *items, size_t n, int level)
{
	html_raw(&r->out, "<ul class=\"cards\">\n");
	for (size_t i = 0; i < n; i++)
		event_card(r, &items[i], level);
	html_raw(&r->out, "</ul>\n");
}

/* ---- the list ---- */

enum { NFILTERS = 8 };
static void filters_of(struct http_req *r, const struct event_filter *f, struct filter *out)
{
	const struct filter fl[NFILTERS] = {
		{ FILTER("q", FILTER_SEARCH, T(r, M_FILTER_Q), f->q) },
		{ FILTER("when", FILTER_ENUM, T(r, M_EVENTS_WHEN), f->when), .all = T(r, M_EVENTS_WHEN_ALL),
		  .keys = event_whens + 1, .n = WHEN_COUNT - 1 },
		{ FILTER("area", FILTER_AREA, T(r, M_AREA), f->area), .all = T(r, M_FILTER_AREA_ALL),
		  .hint = T(r, M_AREA_CODE_HINT) },
		{ FILTER("from", FILTER_TEXT, T(r, M_EVENTS_FROM), f->from), .hint = T(r, M_EVENTS_DATE_HINT) },
		{ FILTER("to", FILTER_TEXT, T(r, M_EVENTS_TO), f->to), .hint = T(r, M_EVENTS_DATE_HINT) },
		{ FILTER("issue", FILTER_TEXT, T(r, M_EVENTS_ISSUE_FILTER), f->issue) },
		{ FILTER("initiative", FILTER_TEXT, T(r, M_EVENTS_INITIATIVE_FILTER), f->initiative) },
		{ FILTER("organizer", FILTER_TEXT, T(r, M_EVENTS_ORGANIZER_FILTER), f->organizer) },
	};
	memcpy(out, fl, sizeof fl);
}

static void page_events(struct http_req *r)
{
	struct event_filter f = {
		.q = filters_param(r, "q"), .when = filters_param(r, "when"), .area = filters_param(r, "area"),
		.from = filters_param(r, "from"), .to = filters_param(r, "to"), .issue = filters_param(r, "issue"),
		.initiative = filters_param(r, "initiative"),
		.organizer = filters_param(r, "organizer"), .cursor = filters_param(r, "cursor"), .limit = 20,
	};
	/* without a choice of when: the upcoming ones, and the past apart */
	bool split = !f.when;
	struct event_filter up = f;
	if (split)
		up.when = "upcoming";
	struct problems p = { 0 };
	struct event *items = NULL, *past = NULL;
	size_t n = 0, npast = 0;
	const char *next = NULL, *past_next = NULL;
	int rc = event_list(r->store, r->arena, &r->viewer, &up, &p, &items, &n, &next);
	if (!rc && split && !f.cursor) {
		struct event_filter pf = f;
		pf.when = "past";
		pf.limit = 10;
		rc = event_list(r->store, r->arena, &r->viewer, &pf, &p, &past, &npast, &past_next);
	}
	if (!web_list_shown(r, rc))
		return;
	struct buf *b = &r->out;
	page_begin(r, T(r, M_EVENTS_TITLE), NAV_NONE);
	html_f(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", T(r, M_EVENTS_TITLE), T(r, M_EVENTS_INTRO));
	if (r->viewer.authenticated)
		html_f(b, "<p><a class=\"button\" href=\"/bijeenkomsten/nieuw\">%s</a></p>\n", T(r, M_EVENTS_ADD));
	else
		html_f(b, "<p><a href=\"/inloggen?next=/bijeenkomsten/nieuw\">%s</a></p>\n", T(r, M_EVENTS_ADD_LOGIN));
	struct filter fl[NFILTERS];
	filters_of(r, &f, fl);
	filters_form(r, "/bijeenkomsten", fl, NFILTERS, &p);
	bool filtered = f.q || f.area || f.from || f.to || f.issue || f.initiative || f.organizer || f.cursor;
	const char *heading = split || !strcmp(f.when, "upcoming") ? T(r, M_EVENTS_UPCOMING)
			      : !strcmp(f.when, "past") ? T(r, M_EVENTS_PAST) : T(r, M_EVENTS_RESULTS);
	html_f(b, "<section aria-labelledby=\"komend\">\n<h2 id=\"komend\">%s</h2>\n", heading);
	if (!n)
		html_f(b, "<p>%s</p>\n", T(r, filtered || p.n ? M_EVENTS_NONE : split ? M_EVENTS_NO_UPCOMING : M_EVENTS_EMPTY));
	else
		cards(r, items, n, 3);
	filters_paging(r, "/bijeenkomsten", fl, NFILTERS, f.cursor, next);
	html_raw(b, "</section>\n");
	if (split && npast) {
		html_f(b, "<section aria-labelledby=\"geweest\">\n<h2 id=\"geweest\">%s</h2>\n", T(r, M_EVENTS_PAST));
		cards(r, past, npast, 3);
		if (past_next)
			html_f(b, "<p><a href=\"%s\">%s</a></p>\n",
			       page_url(r, "/bijeenkomsten", "when", "past", "q", f.q), T(r, M_EVENTS_PAST_ALL));
		html_raw(b, "</section>\n");
	}
	page_end(r);
}

/* ---- iCalendar ---- */

static void send_calendar(struct http_req *r, const struct event *items, size_t n, const char *filename)
{
	struct buf cal = BUF_INIT(8u << 20);
	event_calendar(&cal, items, n);
	if (cal.err) {
		buf_release(&cal);
		web_error_page(r, 500);
		return;
	}
	r->status = 200;
	r->content_type = "text/calendar; charset=utf-8";
	http_add_header(r, "Content-Disposition", arena_printf(r->arena, "attachment; filename=\"%s\"", filename));
	buf_add(&r->out, cal.ptr, cal.len);
	buf_release(&cal);
}

static void page_event_ics(struct http_req *r, const char *id)
{
	struct event ev;
	int rc = event_get(r->store, r->arena, NULL, id, &ev);
	if (rc) {
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : 500);
		return;
	}
	send_calendar(r, &ev, 1, arena_printf(r->arena, "bijeenkomst-%s.ics", ev.id));
}

static void page_issue_ics(struct http_req *r)
{
	struct issue is;
	int rc = issue_get(r->store, r->arena, NULL, r->params[0], &is);
	struct event *items = NULL;
	size_t n = 0;
	if (!rc)
		rc = event_list_linked(r->store, r->arena, is.id, NULL, 500, &items, &n);
	if (rc) {
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : 500);
		return;
	}
	send_calendar(r, items, n, arena_printf(r->arena, "vraagstuk-%s-bijeenkomsten.ics", is.id));
}

/* ---- one event ---- */

static void registration_box(struct http_req *r, const struct event *ev, bool open)
{
	struct buf *b = &r->out;
	page_section(r, "aanmelden", T(r, M_EVENT_REGISTRATION));
	static const struct notice notices[] = {
		{ "aangemeld", M_EVENT_DONE_REGISTERED }, { "wachtlijst", M_EVENT_DONE_WAITING },
		{ "afgemeld", M_EVENT_DONE_UNREGISTERED }, { "aanwezigheid", M_EVENT_DONE_ATTENDANCE },
		{ "gaat-niet-door", M_EVENT_REFUSED_CANCELLED }, { "begonnen", M_EVENT_REFUSED_STARTED },
		{ "niet-aangemeld", M_EVENT_REFUSED_NOT_REGISTERED },
	};
	page_notices(r, "aanmelding", notices, sizeof notices / sizeof notices[0]);
	html_raw(b, "<p>");
	places(r, ev);
	html_raw(b, "</p>\n");
	const char *mine = ev->my_status;
	if (mine && !strcmp(mine, "registered"))
		html_f(b, "<p><strong>%s</strong></p>\n", T(r, M_EVENT_YOU_REGISTERED));
	else if (mine && !strcmp(mine, "attended"))
		html_f(b, "<p><strong>%s</strong></p>\n", T(r, M_EVENT_YOU_ATTENDED));
	else if (mine && !strcmp(mine, "waiting")) {
		html_raw(b, "<p><strong>");
		html_f(b, T(r, M_EVENT_YOU_WAITING), ev->my_position);
		html_raw(b, "</strong></p>\n");
	}
	if (!strcmp(ev->status, "cancelled"))
		html_f(b, "<p>%s</p>\n", T(r, M_EVENT_CANCELLED_NOTE));
	else if (!open)
		html_f(b, "<p>%s</p>\n", T(r, M_EVENT_PAST_NOTE));
	else if (!r->viewer.authenticated)
		html_f(b, "<p><a href=\"/inloggen?next=%s\">%s</a></p>\n", event_path(r, ev->id), T(r, M_EVENT_LOGIN));
	else if (mine && (!strcmp(mine, "registered") || !strcmp(mine, "waiting")))
		form_button(r, arena_printf(r->arena, "/bijeenkomsten/%s/afmelden", ev->id),
			    T(r, !strcmp(mine, "waiting") ? M_EVENT_LEAVE_WAITING : M_EVENT_UNREGISTER), "secondary", NULL);
	else if (!mine || !strcmp(mine, "cancelled"))
		form_button(r, arena_printf(r->arena, "/bijeenkomsten/%s/aanmelden", ev->id),
			    T(r, ev->has_capacity && !ev->places_left ? M_EVENT_REGISTER_WAIT : M_EVENT_REGISTER), NULL,
			    NULL);
	html_raw(b, "</section>\n");
}

/* Who registered, for the organizer: registered first, then waiting, with
 * a button to mark attendance. */
static void registration_list(struct http_req *r, const struct event *ev)
{
	struct event_registration *items;
	size_t n;
	if (event_registrations(r->store, r->arena, &r->viewer, ev->id, &items, &n))
		return;
	struct buf *b = &r->out;
	page_section(r, "deelnemers", T(r, M_EVENT_LIST_TITLE));
	if (!n) {
		html_f(b, "<p>%s</p>\n</section>\n", T(r, M_EVENT_LIST_NONE));
		return;
	}
	const char *heads[] = { T(r, M_EVENT_LIST_NAME), T(r, M_EVENT_LIST_STATUS) };
	page_table_begin(r, "deelnemers", "registrations", heads, 2, T(r, M_EVENT_LIST_ACTIONS));
	for (size_t i = 0; i < n; i++) {
		const struct event_registration *g = &items[i];
		const char *name = g->user_name ? g->user_name : T(r, M_EVENT_ERASED);
		html_f(b, "<tr><td>%s</td><td>", name);
		if (!strcmp(g->status, "waiting"))
			html_f(b, T(r, M_EVENT_WAITING_PLACE), g->position);
		else
			html_f(b, "%s", web_enum_name(r, reg_statuses, REG_STATUS_COUNT, g->status));
		html_raw(b, "</td><td>");
		if (strcmp(g->status, "waiting") != 0) {
			bool attended = !strcmp(g->status, "attended");
			form_button(r, arena_printf(r->arena, "/bijeenkomsten/%s/aanwezig/%s/%s", ev->id, g->user_id,
						    attended ? "nee" : "ja"),
				    T(r, attended ? M_EVENT_MARK_ABSENT : M_EVENT_MARK_ATTENDED), "secondary",
				    arena_printf(r->arena, T(r, attended ? M_EVENT_MARK_ABSENT_FOR : M_EVENT_MARK_ATTENDED_FOR),
						 name));
		}
		html_raw(b, "</td></tr>\n");
	}
	page_table_end(r);
	html_raw(b, "</section>\n");
}

static void page_event_show(struct http_req *r, const char *id)
{
	struct event ev;
	int rc = event_get(r->store, r->arena, &r->viewer, id, &ev);
	if (rc) {
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : 500);
		return;
	}
	char now[TIME_STRLEN + 1];
	time_now(now);
	bool open = strcmp(ev.start, now) > 0;
	struct buf *b = &r->out;
	page_begin(r, ev.title, NAV_NONE);
	html_f(b, "<p class=\"crumbs\"><a href=\"/bijeenkomsten\">%s</a></p>\n", T(r, M_EVENTS_BACK));
	static const struct notice saved[] = { { "opgeslagen", M_EVENT_SAVED } };
	page_notices(r, NULL, saved, 1);
	html_f(b, "<h1 lang=\"nl\">%s</h1>\n", ev.title);
	if (!strcmp(ev.status, "cancelled"))
		html_f(b, "<p class=\"meta\"><strong class=\"status status-cancelled\">%s</strong></p>\n",
		       T(r, M_EVENT_CANCELLED_NOTE));
	if (event_can_change(&r->viewer, &ev))
		html_f(b, "<p class=\"actions\"><a class=\"button\" href=\"/bijeenkomsten/%s/bewerken\">%s</a></p>\n", ev.id,
		       T(r, M_EDIT));
	html_f(b, "<h2>%s</h2>\n<dl class=\"facts\">\n<dt>%s</dt><dd>", T(r, M_EVENT_FACTS), T(r, M_EVENT_WHEN));
	when(r, &ev);
	html_f(b, "</dd>\n<dt>%s</dt><dd lang=\"nl\">%s</dd>\n", T(r, M_EVENT_PLACE), ev.place);
	if (ev.area)
		html_f(b, "<dt>%s</dt><dd><a href=\"/bijeenkomsten?area=%s\">%s</a></dd>\n", T(r, M_AREA), ev.area,
		       ev.area_name ? ev.area_name : ev.area);
	html_f(b, "<dt>%s</dt><dd>", T(r, M_EVENT_ORGANIZER));
	if (ev.organizer && ev.organizer_name)
		html_f(b, "<a href=\"/partijen/%s\" lang=\"nl\">%s</a>", ev.organizer, ev.organizer_name);
	else
		html_f(b, "%s", T(r, ev.organizer ? M_EVENT_ORGANIZER_PRIVATE : M_EVENT_ORGANIZER_GONE));
	html_f(b, "</dd>\n<dt>%s</dt><dd>", T(r, M_EVENT_PLACES));
	if (ev.has_capacity)
		html_f(b, "%lld", ev.capacity);
	else
		html_f(b, "%s", T(r, M_EVENT_NO_LIMIT));
	html_raw(b, "</dd>\n</dl>\n<div class=\"description\" lang=\"nl\">\n");
	html_markdown(b, ev.description);
	html_raw(b, "</div>\n");
	if (ev.issues.n) {
		html_f(b, "<h2>%s</h2>\n<ul>\n", T(r, M_EVENT_LINKED_ISSUES));
		for (size_t i = 0; i < ev.issues.n; i++) {
			struct issue is;
			if (issue_get(r->store, r->arena, NULL, ev.issues.v[i], &is) == 0)
				html_f(b, "<li><a href=\"/vraagstukken/%s\" lang=\"nl\">%s</a></li>\n", is.id, is.title);
		}
		html_raw(b, "</ul>\n");
	}
	if (ev.initiatives.n) {
		html_f(b, "<h2>%s</h2>\n<ul>\n", T(r, M_EVENT_LINKED_INITIATIVES));
		for (size_t i = 0; i < ev.initiatives.n; i++) {
			struct initiative in;
			if (initiative_get(r->store, r->arena, NULL, ev.initiatives.v[i], &in, NULL, NULL) == 0)
				html_f(b, "<li><a href=\"/initiatieven/%s\" lang=\"nl\">%s</a></li>\n", in.id, in.title);
		}
		html_raw(b, "</ul>\n");
	}
	html_f(b, "<p><a href=\"/bijeenkomsten/%s.ics\">%s</a></p>\n", ev.id, T(r, M_EVENT_CALENDAR));
	registration_box(r, &ev, open);
	if (event_can_change(&r->viewer, &ev))
		registration_list(r, &ev);
	page_end(r);
}

/* /bijeenkomsten/{id}, and /bijeenkomsten/{id}.ics (one pattern: a
 * parameter takes its whole segment). */
static void page_event(struct http_req *r)
{
	const char *id = r->params[0];
	size_t len = strlen(id);
	if (len > 4 && !strcmp(id + len - 4, ".ics"))
		page_event_ics(r, arena_strndup(r->arena, id, len - 4));
	else
		page_event_show(r, id);
}

/* ---- registering ---- */

static void back(struct http_req *r, const char *notice)
{
	http_redirect(r, arena_printf(r->arena, "/bijeenkomsten/%s?aanmelding=%s#aanmelden", r->params[0], notice));
}

static const char *refused(enum event_refusal why)
{
	return why == REFUSE_CANCELLED ? "gaat-niet-door" : why == REFUSE_STARTED ? "begonnen" : "niet-aangemeld";
}

static void page_event_register(struct http_req *r)
{
	struct form f;
	if (page_login_needed(r, event_path(r, r->params[0])) || !page_form(r, &f))
		return;
	struct event_registration g;
	bool created;
	enum event_refusal why;
	int rc = event_register(r->store, r->arena, &r->viewer, r->params[0], &g, &created, &why);
	if (rc == ERR_CONFLICT)
		back(r, refused(why));
	else if (rc)
		web_fail(r, rc, event_path(r, r->params[0]));
	else
		back(r, !strcmp(g.status, "waiting") ? "wachtlijst" : "aangemeld");
}

static void page_event_unregister(struct http_req *r)
{
	struct form f;
	if (page_login_needed(r, event_path(r, r->params[0])) || !page_form(r, &f))
		return;
	enum event_refusal why;
	int rc = event_unregister(r->store, &r->viewer, r->params[0], &why);
	if (rc == ERR_CONFLICT)
		back(r, refused(why));
	else if (rc)
		web_fail(r, rc, event_path(r, r->params[0]));
	else
		back(r, "afgemeld");
}

static void page_event_attendance(struct http_req *r)
{
	struct form f;
	if (page_login_needed(r, event_path(r, r->params[0])) || !page_form(r, &f))
		return;
	bool yes = !strcmp(r->params[2], "ja");
	if (!yes && strcmp(r->params[2], "nee") != 0) {
		web_error_page(r, 404);
		return;
	}
	struct event_registration g;
	int rc = event_attendance(r->store, r->arena, &r->viewer, r->params[0], r->params[1], yes, &g);
	if (rc == ERR_INVALID)
		rc = ERR_CONFLICT;
	if (rc)
		web_fail(r, rc, event_path(r, r->params[0]));
	else
		http_redirect(r, arena_printf(r->arena, "/bijeenkomsten/%s?aanmelding=aanwezigheid#deelnemers", r->params[0]));
}

/* ---- the form ---- */

struct event_form {
	struct event ev;
	struct form_typed typed;
	const char *start_local, *end_local; /* as typed, or from the stored times */
};

/* The parties to offer as organizer: the viewer's own; for admins and
 * coordinators a box for the id when they are a member of none. */
static bool organizer_choices(struct http_req *r, const char *current, struct choice **out, size_t *n)
{
	struct membership *ms;
	size_t nm = 0;
	struct choice *c = NULL;
	size_t count = 0;
	if (member_of(r->store, r->arena, r->viewer.user_id, &ms, &nm) == 0 && nm) {
		c = arena_alloc(r->arena, sizeof *c * (nm + 1));
		for (size_t i = 0; i < nm && i < 100; i++)
			c[count++] = (struct choice){ arena_strdup(r->arena, ms[i].party_id), ms[i].party_name, NULL,
						      current && !strcmp(current, ms[i].party_id), 0 };
	}
	bool found = false;
	for (size_t i = 0; i < count; i++)
		found |= c[i].checked;
	if ((current && !found) || !count)
		return false; /* a box for the id */
	if (count == 1 && !current)
		c[0].checked = true;
	*out = c;
	*n = count;
	return true;
}

static void render_form(struct http_req *r, const struct event_form *ff, const struct problems *p)
{
	struct buf *b = &r->out;
	const struct event *ev = &ff->ev;
	bool is_new = !ev->id[0];
	const char *title = T(r, is_new ? M_EVENT_NEW_TITLE : M_EVENT_EDIT_TITLE);
	page_begin(r, title, NAV_NONE);
	html_f(b, "<p class=\"crumbs\"><a href=\"/bijeenkomsten\">%s</a></p>\n<h1>%s</h1>\n", T(r, M_EVENTS_BACK), title);
	struct choice *orgs = NULL;
	size_t norgs = 0;
	bool pick = organizer_choices(r, ev->organizer, &orgs, &norgs);
	if (is_new && !pick && r->viewer.role == PROLE_USER && !ev->organizer) {
		html_f(b, "<p>%s</p>\n<p><a class=\"button\" href=\"/partijen/nieuw\">%s</a></p>\n", T(r, M_EVENT_NO_PARTIES),
		       T(r, M_PARTY_ADD));
		page_end(r);
		return;
	}
	form_fields_summary(r, p, event_fields, event_nfields);
	form_begin(r, is_new ? "/bijeenkomsten/nieuw" : arena_printf(r->arena, "/bijeenkomsten/%s/bewerken", ev->id), true);
	form_field(r, event_fields, event_nfields, "title", ev, &ff->typed, p);
	form_field(r, event_fields, event_nfields, "description", ev, &ff->typed, p);
	const struct field_desc *sd = fields_find(event_fields, event_nfields, "start");
	const struct field_desc *ed = fields_find(event_fields, event_nfields, "end");
	field_text(r, &(struct field){ .name = "start", .label = sd->label[r->lang], .hint = T(r, M_EVENT_START_HINT),
				       .value = ff->start_local, .required = true, .type = "datetime-local" }, p);
	field_text(r, &(struct field){ .name = "end", .label = ed->label[r->lang], .hint = T(r, M_EVENT_END_HINT),
				       .value = ff->end_local, .required = true, .type = "datetime-local" }, p);
	form_field(r, event_fields, event_nfields, "place", ev, &ff->typed, p);
	/* an area is optional: a select whose first option is none */
	const struct field_desc *ad = fields_find(event_fields, event_nfields, "area");
	size_t nareas = 0;
	struct choice *areas = web_area_choices(r, 300, &nareas);
	if (areas && nareas) {
		for (size_t i = 0; i < nareas; i++)
			areas[i].checked = ev->area && !strcmp(ev->area, areas[i].value);
		field_select(r, "area", ad->label[r->lang], T(r, M_NONE_GIVEN), areas, nareas);
	} else {
		field_text(r, &(struct field){ .name = "area", .label = T(r, M_AREA_CODE), .hint = T(r, M_AREA_CODE_HINT),
					       .value = ev->area }, p);
	}
	form_field(r, event_fields, event_nfields, "capacity", ev, &ff->typed, p);
	const struct field_desc *od = fields_find(event_fields, event_nfields, "organizer");
	if (pick)
		field_choices(r, "organizer", od->label[r->lang], od->hint[r->lang], orgs, norgs, false, p);
	else
		field_text(r, &(struct field){ .name = "organizer", .label = od->label[r->lang], .hint = T(r, M_ISSUE_OWNER_ID_HINT),
					       .value = ev->organizer, .required = true }, p);
	form_field_as(r, event_fields, event_nfields, "issues", ev, &ff->typed, p,
		      &(struct field_look){ .hint = T(r, M_EVENT_LINKS_HINT) });
	form_field_as(r, event_fields, event_nfields, "initiatives", ev, &ff->typed, p,
		      &(struct field_look){ .hint = T(r, M_EVENT_LINKS_HINT) });
	if (!is_new)
		form_field(r, event_fields, event_nfields, "status", ev, &ff->typed, p);
	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"%s\">%s</a></div>\n",
	       T(r, M_EVENT_SAVE), is_new ? "/bijeenkomsten" : event_path(r, ev->id), T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

static void event_form_page(struct http_req *r, bool is_new)
{
	if (page_login_needed(r, NULL))
		return;
	struct event_form ff = { 0 };
	struct event was;
	int rc = is_new ? 0 : event_get(r->store, r->arena, &r->viewer, r->params[0], &was);
	if (!rc && !is_new && !event_can_change(&r->viewer, &was))
		rc = ERR_FORBIDDEN;
	if (rc) {
		web_fail(r, rc, NULL);
		return;
	}
	if (!is_new) {
		ff.ev = was;
		char *s = arena_alloc(r->arena, 17), *e = arena_alloc(r->arena, 17);
		event_time_to_local(was.start, s);
		event_time_to_local(was.end, e);
		ff.start_local = s;
		ff.end_local = e;
	}
	if (r->method != HM_POST) {
		if (!is_new)
			form_typed_from(r, event_fields, event_nfields, &was, &ff.typed);
		render_form(r, &ff, NULL);
		return;
	}
	struct form f;
	if (!page_form(r, &f))
		return;
	struct problems p = { 0 };
	form_read_fields(r, &f, event_fields, event_nfields, &ff.ev, &ff.typed, &p);
	/* the form's times are local: the model takes RFC 3339 */
	ff.start_local = ff.ev.start;
	ff.end_local = ff.ev.end;
	char *s = arena_alloc(r->arena, 21), *e = arena_alloc(r->arena, 21);
	if (ff.ev.start && event_time_from_local(ff.ev.start, s))
		ff.ev.start = s;
	if (ff.ev.end && event_time_from_local(ff.ev.end, e))
		ff.ev.end = e;
	if (ff.ev.area && !*ff.ev.area)
		ff.ev.area = NULL;
	rc = is_new ? event_create(r->store, r->arena, &r->viewer, &ff.ev, &p)
		    : event_update(r->store, r->arena, &r->viewer, &was, &ff.ev, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		if (!is_new)
			snprintf(ff.ev.id, sizeof ff.ev.id, "%s", was.id);
		render_form(r, &ff, &p);
		return;
	}
	if (rc)
		web_fail(r, rc, NULL);
	else
		http_redirect(r, arena_printf(r->arena, "/bijeenkomsten/%s?opgeslagen=1", is_new ? ff.ev.id : was.id));
}

static void page_event_new(struct http_req *r)
{
	event_form_page(r, true);
}

static void page_event_edit(struct http_req *r)
{
	event_form_page(r, false);
}

const struct http_route web_events_routes[] = {
	{ HM_GET, "/bijeenkomsten", page_events, 0 },
	{ HM_GET | HM_POST, "/bijeenkomsten/nieuw", page_event_new, 0 },
	{ HM_GET, "/bijeenkomsten/{id}", page_event, 0 },
	{ HM_GET | HM_POST, "/bijeenkomsten/{id}/bewerken", page_event_edit, 0 },
	{ HM_POST, "/bijeenkomsten/{id}/aanmelden", page_event_register, 0 },
	{ HM_POST, "/bijeenkomsten/{id}/afmelden", page_event_unregister, 0 },
	{ HM_POST, "/bijeenkomsten/{id}/aanwezig/{user}/{yes}", page_event_attendance, 0 },
	{ HM_GET, "/vraagstukken/{id}/bijeenkomsten.ics", page_issue_ics, 0 },
	{ 0 },
};
