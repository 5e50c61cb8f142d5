#include "issue_parts.h"

#include "../base/arena.h"
#include "../model/issue.h"
#include "../model/signal.h"
#include "html.h"
#include "i18n.h"
#include "layout.h"
#include "pages.h"

/* The issue page's part (issue_parts.h): the signals taken up in the
 * issue, public: title, kind, area, the rule and its decisions; never the
 * reporter. Links to a signal only for those who may open it. A signal
 * taken along with its cluster by someone who did not see it is shown only
 * to those who may open it, and counted for the others (issue 8). */
void issue_part_signals(struct http_req *r, const struct issue *is)
{
	struct signal *items = NULL;
	size_t n = 0;
	if (signal_list_for_issue(r->store, r->arena, &r->viewer, is->id, &items, &n) || !n)
		return;
	long long unseen = 0;
	for (size_t i = 0; i < n; i++)
		unseen += !items[i].seen && items[i].taken_along;
	struct buf *b = &r->out;
	html_f(b, "<section aria-labelledby=\"signals\">\n<h2 id=\"signals\">%s</h2>\n", T(r, M_SIG_PART_TITLE));
	if ((long long)n > unseen)
		html_raw(b, "<ul class=\"signals\">\n");
	for (size_t i = 0; i < n; i++) {
		if (!items[i].seen && items[i].taken_along)
			continue;
		if (items[i].seen)
			html_f(b, "<li><a href=\"/signalen/%s\" lang=\"nl\">%s</a>", items[i].id, items[i].title);
		else
			html_f(b, "<li><span lang=\"nl\">%s</span>", items[i].title);
		html_f(b, " <span class=\"meta\">(%s, %s)</span>",
		       web_enum_name(r, signal_kinds, SIGNAL_KIND_COUNT, items[i].kind), items[i].area_name);
		if (items[i].regulatory) {
			html_f(b, "<br>%s: %s\n", T(r, M_SIG_RULE_SHORT), items[i].rule ? items[i].rule : "");
			web_signal_decisions(r, items[i].decisions, items[i].ndecisions, false);
		}
		html_raw(b, "</li>\n");
	}
	if ((long long)n > unseen)
		html_raw(b, "</ul>\n");
	if (unseen > 0)
		html_f(b, "<p>%s</p>\n", arena_printf(r->arena, TP(r, M_SIG_PART_OTHERS, unseen), unseen));
	html_raw(b, "</section>\n");
}
