/* The events of an issue (on /vraagstukken/{id}) and of an initiative (on
 * /initiatieven/{id}): the upcoming first, then the past, with a link to
 * the issue's calendar file and to the list filtered on it. */
#include "../base/arena.h"
#include "../model/event.h"
#include "../model/initiative.h"
#include "../model/issue.h"
#include "html.h"
#include "initiative_parts.h"
#include "issue_parts.h"
#include "layout.h"

enum { PART_MAX = 10 };

static void part(struct http_req *r, const char *issue_id, const char *initiative_id)
{
	struct event *items = NULL;
	size_t n = 0;
	if (event_list_linked(r->store, r->arena, issue_id, initiative_id, PART_MAX, &items, &n))
		return;
	struct buf *b = &r->out;
	html_f(b, "<section id=\"bijeenkomsten\" aria-labelledby=\"bijeenkomsten-titel\">\n"
		  "<h2 id=\"bijeenkomsten-titel\">%s</h2>\n", T(r, M_EVENTS_PART_TITLE));
	if (!n) {
		html_f(b, "<p>%s</p>\n", T(r, M_EVENTS_PART_NONE));
	} else {
		html_raw(b, "<ul>\n");
		for (size_t i = 0; i < n; i++) {
			const struct event *ev = &items[i];
			html_f(b, "<li><a href=\"/bijeenkomsten/%s\" lang=\"nl\">%s</a> · ", ev->id, ev->title);
			page_time(r, ev->start);
			if (ev->status[0] == 'c')
				html_f(b, " · <strong>%s</strong>", T(r, M_EVENT_CANCELLED_NOTE));
			html_raw(b, "</li>\n");
		}
		html_raw(b, "</ul>\n");
	}
	html_f(b, "<p><a href=\"/bijeenkomsten?%s=%s\">%s</a>", issue_id ? "issue" : "initiative",
	       issue_id ? issue_id : initiative_id, T(r, M_EVENTS_PART_ALL));
	if (issue_id)
		html_f(b, " · <a href=\"/vraagstukken/%s/bijeenkomsten.ics\">%s</a>", issue_id, T(r, M_EVENTS_PART_CALENDAR));
	html_raw(b, "</p>\n</section>\n");
}

void issue_part_events(struct http_req *r, const struct issue *is)
{
	part(r, is->id, NULL);
}

void initiative_part_events(struct http_req *r, const struct initiative *in)
{
	part(r, NULL, in->id);
}
