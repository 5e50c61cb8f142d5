/* /account/meldingen: the viewer's notifications about the issues they
 * follow, newest first, each a sentence that links to the issue; marking
 * one or all read; and the choice of a daily email digest. The rules are
 * the model's (model/notify.h). */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/uuid.h"
#include "../model/notify.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

static enum msg event_msg(const char *event)
{
	static const struct notice events[] = {
		{ "comment", M_NOTE_EV_COMMENT }, { "status", M_NOTE_EV_STATUS }, { "signal", M_NOTE_EV_SIGNAL },
		{ "factor", M_NOTE_EV_FACTOR }, { "your_signal", M_NOTE_EV_YOUR_SIGNAL },
		{ "stage", M_NOTE_EV_STAGE }, /* initiatives (issue 11) */
		{ "event", M_NOTE_EV_EVENT }, /* events (issue 11) */
	};
	for (size_t i = 0; i < sizeof events / sizeof events[0]; i++)
		if (!strcmp(event, events[i].key))
			return events[i].text;
	return M_NOTE_EV_OTHER;
}

const char *web_notification_text(struct http_req *r, const struct notification *nt)
{
	return arena_printf(r->arena, T(r, event_msg(nt->event)), nt->actor_name ? nt->actor_name : T(r, M_NOTE_SOMEONE),
			    nt->issue_title ? arena_printf(r->arena, "'%s'", nt->issue_title) : T(r, M_NOTE_GONE));
}

static void render(struct http_req *r)
{
	struct buf *b = &r->out;
	bool unread = http_query(r, "nieuw") != NULL;
	const char *q = http_query(r, "q");
	if (q && !*q)
		q = NULL;
	struct notification_filter f = { .unread = unread, .q = q, .cursor = http_query(r, "na"), .limit = 20 };
	if (f.cursor && !uuid_valid(f.cursor, strlen(f.cursor)))
		f.cursor = NULL;
	struct notification *items = NULL;
	size_t n = 0;
	const char *next = NULL;
	struct problems p = { 0 };
	int rc = notification_list(r->store, r->arena, &r->viewer, &f, &items, &n, &next, &p);
	if (rc == ERR_INVALID) { /* a search too long: show all, with the message */
		f.q = NULL;
		rc = notification_list(r->store, r->arena, &r->viewer, &f, &items, &n, &next, &(struct problems){ 0 });
	}
	long long count = 0;
	if (!rc)
		rc = notification_unread(r->store, &r->viewer, &count);
	bool digest = false;
	if (!rc)
		rc = notification_digest_get(r->store, &r->viewer, &digest);
	if (rc) {
		web_error_page(r, 500);
		return;
	}
	page_begin(r, T(r, M_NOTE_TITLE), NAV_ACCOUNT);
	html_f(b, "<h1>%s</h1>\n", T(r, M_NOTE_TITLE));
	static const struct notice notices[] = { { "gelezen", M_NOTE_MARKED }, { "opgeslagen", M_NOTE_DIGEST_SAVED } };
	page_notices(r, NULL, notices, 2);
	html_f(b, "<p>%s</p>\n", T(r, M_NOTE_INTRO));
	form_begin(r, "/account/meldingen", false);
	html_f(b, "<fieldset class=\"filters\">\n<legend>%s</legend>\n", T(r, M_FILTER_LEGEND));
	struct field fq = { .name = "q", .label = T(r, M_NOTE_SEARCH), .value = q, .quiet = true, .type = "search" };
	field_text(r, &fq, &p);
	struct choice only[] = { { "1", T(r, M_NOTE_SHOW_UNREAD), NULL, unread, 0 } };
	field_choices(r, "nieuw", T(r, M_NOTE_SHOW), NULL, only, 1, true, NULL);
	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button></div>\n</fieldset>\n", T(r, M_FILTER_SUBMIT));
	form_end(r);
	if (count)
		form_button(r, "/account/meldingen/alles-gelezen", T(r, M_NOTE_MARK_ALL), "secondary", NULL);
	if (!n) {
		html_f(b, "<p>%s</p>\n", T(r, unread ? M_NOTE_NONE_UNREAD : M_NOTE_NONE));
	} else {
		html_raw(b, "<ul class=\"notifications\">\n");
		for (size_t i = 0; i < n; i++) {
			const struct notification *nt = &items[i];
			const char *text = web_notification_text(r, nt);
			html_f(b, "<li class=\"%s\">", nt->read_at ? "read" : "unread");
			if (!nt->read_at)
				html_f(b, "<strong class=\"badge\">%s</strong> ", T(r, M_NOTE_NEW));
			if (nt->issue_id)
				html_f(b, "<a href=\"/vraagstukken/%s\">%s</a>", nt->issue_id, text);
			else if (nt->initiative_id)
				html_f(b, "<a href=\"/initiatieven/%s\">%s</a>", nt->initiative_id, text);
			else
				html_f(b, "%s", text);
			html_raw(b, " <span class=\"when\">");
			page_time(r, nt->created_at);
			html_raw(b, "</span>");
			if (!nt->read_at)
				form_button(r, arena_printf(r->arena, "/account/meldingen/%s/gelezen", nt->id), T(r, M_NOTE_MARK),
					    "link", arena_printf(r->arena, T(r, M_NOTE_MARK_LABEL), text));
			html_raw(b, "</li>\n");
		}
		html_raw(b, "</ul>\n");
	}
	if (next) {
		const char *base = page_url(r, "/account/meldingen", "nieuw", unread ? "1" : NULL, "q", f.q);
		html_f(b, "<nav aria-label=\"%s\"><p><a href=\"%s%sna=%s\">%s</a></p></nav>\n", T(r, M_PAGING), base,
		       strchr(base, '?') ? "&" : "?", next, T(r, M_PAGE_NEXT));
	}

	page_section(r, "digest-title", T(r, M_NOTE_DIGEST_TITLE));
	form_begin(r, "/account/meldingen/email", true);
	struct choice c[] = {
		{ "1", T(r, M_NOTE_DIGEST_ON), NULL, digest, 0 },
		{ "0", T(r, M_NOTE_DIGEST_OFF), NULL, !digest, 0 },
	};
	field_choices(r, "digest", T(r, M_NOTE_DIGEST_LEGEND), T(r, M_NOTE_DIGEST_HINT), c, 2, false, NULL);
	form_submit_end(r, T(r, M_NOTE_DIGEST_SAVE));
	html_raw(b, "</section>\n");
	page_end(r);
}

static void page_notifications(struct http_req *r)
{
	if (page_login_needed(r, NULL))
		return;
	render(r);
}

static void page_notification_read(struct http_req *r)
{
	if (page_login_needed(r, "/account/meldingen"))
		return;
	int rc = notification_mark(r->store, &r->viewer, r->params[0], true);
	if (rc)
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : 500);
	else
		http_redirect(r, "/account/meldingen?gelezen=1");
}

static void page_notifications_read_all(struct http_req *r)
{
	if (page_login_needed(r, "/account/meldingen"))
		return;
	int rc = notification_mark_all(r->store, &r->viewer, NULL);
	if (rc)
		web_error_page(r, 500);
	else
		http_redirect(r, "/account/meldingen?gelezen=1");
}

static void page_notifications_digest(struct http_req *r)
{
	struct form f;
	if (page_login_needed(r, "/account/meldingen") || !page_form(r, &f))
		return;
	const char *v = form_get(&f, "digest");
	if (!v || (strcmp(v, "1") && strcmp(v, "0"))) {
		web_error_page(r, 400);
		return;
	}
	int rc = notification_digest_set(r->store, &r->viewer, !strcmp(v, "1"));
	if (rc)
		web_error_page(r, 500);
	else
		http_redirect(r, "/account/meldingen?opgeslagen=1");
}

/* The link from /account, with the count of unread notifications. */
void web_notifications_link(struct http_req *r)
{
	long long count = 0;
	notification_unread(r->store, &r->viewer, &count);
	html_raw(&r->out, "<p><a href=\"/account/meldingen\">");
	html_f(&r->out, T(r, M_NOTE_LINK), count);
	html_raw(&r->out, "</a></p>\n");
}

const struct http_route web_notifications_routes[] = {
	{ HM_GET, "/account/meldingen", page_notifications, 0 },
	{ HM_POST, "/account/meldingen/alles-gelezen", page_notifications_read_all, 0 },
	{ HM_POST, "/account/meldingen/email", page_notifications_digest, 0 },
	{ HM_POST, "/account/meldingen/{id}/gelezen", page_notification_read, 0 },
	{ 0 },
};
