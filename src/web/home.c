/* /: the ecosystem at a glance. */
#include <string.h>

#include "../base/arena.h"
#include "../analysis/overview.h"
#include "../base/err.h"
#include "../model/party.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

static void page_home(struct http_req *r)
{
	struct overview o;
	int rc = overview_get(r->store, r->arena, &o);
	if (rc == ERR_BUSY) {
		/* just started on a large directory: the first count takes a while */
		r->status = 503;
		r->nocache = true;
		http_add_header(r, "Retry-After", "5");
		page_message(r, 503, T(r, M_HOME_TITLE), T(r, M_HOME_COUNTING));
		return;
	}
	if (rc) {
		web_error_page(r, 500);
		return;
	}
	const long long *counts = o.by_kind;
	const struct party_area_counts *rows = o.rows;
	size_t nrows = o.nrows;
	long long total = o.total;
	struct buf *b = &r->out;
	page_begin(r, T(r, M_HOME_TITLE), NAV_HOME);
	html_f(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", T(r, M_HOME_TITLE), T(r, M_HOME_INTRO));
	if (http_query(r, "verwijderd"))
		page_notice(r, T(r, M_ERASED));
	/* figures being recounted are shown as they are, without a word on
	 * how kiem counts: they are at most a recount behind */
	if (o.stale)
		r->nocache = true; /* the new figures come without a write */

	html_f(b, "<section aria-labelledby=\"by-kind\">\n<h2 id=\"by-kind\">%s</h2>\n<p>%s</p>\n"
		  "<ul class=\"kinds\">\n",
	       T(r, M_HOME_BY_KIND), T(r, M_HOME_COUNTS_PUBLIC));
	for (int k = 0; k < KIND_COUNT; k++) {
		/* the kind, then how many: "9 partijen", "1 partij" */
		html_f(b, "<li class=\"kind-box kind-%s\"><a href=\"/partijen?kind=%s\">"
			  "<span class=\"label\">%s</span> <span class=\"count\">%s</span></a>\n"
			  "<p class=\"hint\">%s</p>",
		       party_kinds[k].key, party_kinds[k].key, party_kinds[k].name[r->lang],
		       arena_printf(r->arena, TP(r, M_HOME_PARTIES, counts[k]), counts[k]),
		       party_kind_hint[k][r->lang]);
		if (!counts[k])
			html_f(b, "<p class=\"gap\">%s</p>", T(r, M_HOME_MISSING));
		html_raw(b, "</li>\n");
	}
	html_raw(b, "</ul>\n<p><a href=\"/partijen\">");
	html_f(b, TP(r, M_HOME_ALL, total), total);
	html_raw(b, "</a></p>\n</section>\n");

	if (nrows) {
		html_f(b, "<section aria-labelledby=\"by-area\">\n<h2 id=\"by-area\">%s</h2>\n<p>%s</p>\n",
		       T(r, M_HOME_BY_AREA), T(r, M_HOME_BY_AREA_HINT));
		page_scroll_hint(r);
		html_f(b, "<div class=\"table-wrap wide\" role=\"region\" aria-labelledby=\"by-area\" tabindex=\"0\">\n"
			  "<table>\n<thead><tr><th scope=\"col\">%s</th>",
		       T(r, M_AREA));
		for (int k = 0; k < KIND_COUNT; k++)
			html_f(b, "<th scope=\"col\">%s</th>", party_kinds[k].name[r->lang]);
		html_f(b, "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n", T(r, M_TOTAL));
		for (size_t i = 0; i < nrows; i++) {
			bool sub = i > 0 && strcmp(rows[i].level, rows[0].level) != 0;
			html_f(b, "<tr><th scope=\"row\" class=\"%s\"><a href=\"/partijen?area=%s\">%s</a></th>",
			       sub ? "sub" : "top", rows[i].code, rows[i].name);
			for (int k = 0; k < KIND_COUNT; k++) {
				if (rows[i].counts[k])
					html_f(b, "<td><a href=\"/partijen?area=%s&amp;kind=%s\">%lld</a></td>",
					       rows[i].code, party_kinds[k].key, rows[i].counts[k]);
				else
					html_raw(b, "<td class=\"zero\">0</td>");
			}
			html_f(b, "<td>%lld</td></tr>\n", rows[i].total);
		}
		html_raw(b, "</tbody>\n</table>\n</div>\n</section>\n");
	}
	page_end(r);
}

const struct http_route web_home_routes[] = {
	{ HM_GET, "/", page_home, RF_CACHE },
	{ 0 },
};
