/* The room for intrapreneurship a party gives (the dossier's working
 * element `intrapreneurship`): the section of the party's page
 * (/partijen/{id}) with the hours a week its people get, per initiative,
 * and their total. Totals only, no names: they are public
 * (model/intrapreneur.h). */
#include "../base/arena.h"
#include "../model/intrapreneur.h"
#include "../model/party.h"
#include "html.h"
#include "layout.h"
#include "party_parts.h"

void party_part_intrapreneurship(struct http_req *r, const struct party *pa)
{
	struct buf *b = &r->out;
	struct intrapreneur_total *items;
	size_t n;
	long long hours;
	if (intrapreneur_of_party(r->store, r->arena, pa->id, &items, &n, &hours))
		return;
	html_f(b, "<section id=\"intrapreneurschap\" aria-labelledby=\"intrapreneurship-title\">\n"
		  "<h2 id=\"intrapreneurship-title\">%s</h2>\n<p>%s</p>\n",
	       T(r, M_INTRA_PARTY_TITLE), T(r, M_INTRA_PARTY_INTRO));
	if (!n) {
		html_f(b, "<p>%s</p>\n</section>\n", T(r, M_INTRA_PARTY_NONE));
		return;
	}
	html_f(b, "<p class=\"intrapreneur-total\">");
	html_f(b, TP(r, M_INTRA_PARTY_TOTAL, hours), hours);
	html_f(b, "</p>\n<div class=\"table-wrap\">\n<table class=\"intrapreneur-initiatives\">\n<caption>%s</caption>\n"
		  "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
	       T(r, M_INTRA_PARTY_CAPTION), T(r, M_INTRA_COL_INITIATIVE), T(r, M_PARTNER_COL_HOURS),
	       T(r, M_INTRA_COL_PEOPLE));
	for (size_t i = 0; i < n; i++)
		html_f(b, "<tr><th scope=\"row\"><a href=\"/initiatieven/%s\" lang=\"nl\">%s</a></th><td>%lld</td><td>%lld</td></tr>\n",
		       items[i].id, items[i].name, items[i].hours, items[i].people);
	html_raw(b, "</tbody>\n</table>\n</div>\n</section>\n");
}
