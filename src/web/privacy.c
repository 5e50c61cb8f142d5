/* /privacy: what kiem keeps, why and for how long, in plain language. The
 * table is the processing register of model/register.c, the same one the
 * API serves at /api/v1/processing-activities. */
#include "../base/arena.h"
#include "../model/register.h"
#include "html.h"
#include "layout.h"
#include "pages.h"
#include "web.h"

const char *web_privacy_contact;
int web_inactive_days = 365, web_inactive_grace_days = 30;

static void cell_list(struct buf *b, const char *label, const char *const (*list)[LANG_COUNT], enum lang lang)
{
	size_t n = register_list_len(list);
	html_f(b, "<td data-label=\"%s\"><ul>", label);
	for (size_t i = 0; i < n; i++)
		html_f(b, "<li>%s</li>", list[i][lang]);
	html_raw(b, "</ul></td>");
}

/* One table of the register: a row per activity, these columns. */
enum col { COL_DATA, COL_PURPOSE, COL_BASIS, COL_RETENTION, COL_SUBJECTS, COL_RECIPIENTS };

static void register_table(struct http_req *r, const char *id, enum msg caption, const enum col *cols,
			   size_t ncols)
{
	static const enum msg heads[] = { [COL_DATA] = M_PRIVACY_COL_DATA, [COL_PURPOSE] = M_PRIVACY_COL_PURPOSE,
					  [COL_BASIS] = M_PRIVACY_COL_BASIS, [COL_RETENTION] = M_PRIVACY_COL_RETENTION,
					  [COL_SUBJECTS] = M_PRIVACY_COL_SUBJECTS,
					  [COL_RECIPIENTS] = M_PRIVACY_COL_RECIPIENTS };
	struct buf *b = &r->out;
	enum lang l = r->lang;
	html_f(b, "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"%s\" tabindex=\"0\">\n"
		  "<table class=\"register stack\">\n<caption id=\"%s\">%s</caption>\n<thead><tr><th scope=\"col\">%s</th>",
	       id, id, T(r, caption), T(r, M_PRIVACY_COL_WHAT));
	for (size_t c = 0; c < ncols; c++)
		html_f(b, "<th scope=\"col\">%s</th>", T(r, heads[cols[c]]));
	html_raw(b, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < register_count; i++) {
		const struct processing_activity *p = &register_activities[i];
		html_f(b, "<tr class=\"%s\"><th scope=\"row\">%s</th>", p->id, p->name[l]);
		for (size_t c = 0; c < ncols; c++) {
			const char *label = T(r, heads[cols[c]]); /* each cell with its column's name, for small screens */
			switch (cols[c]) {
			case COL_DATA: cell_list(b, label, p->categories, l); break;
			case COL_SUBJECTS: cell_list(b, label, p->subjects, l); break;
			case COL_RECIPIENTS: cell_list(b, label, p->recipients, l); break;
			case COL_PURPOSE: html_f(b, "<td data-label=\"%s\">%s</td>", label, p->purpose[l]); break;
			case COL_BASIS: html_f(b, "<td data-label=\"%s\">%s</td>", label, legal_bases[p->basis].name[l]); break;
			case COL_RETENTION: html_f(b, "<td data-label=\"%s\">%s</td>", label, p->retention[l]); break;
			}
		}
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tbody>\n</table>\n</div>\n");
}

static void data_tables(struct http_req *r)
{
	static const enum col why[] = { COL_DATA, COL_PURPOSE, COL_BASIS, COL_RETENTION };
	static const enum col who[] = { COL_SUBJECTS, COL_RECIPIENTS };
	html_f(&r->out, "<section aria-labelledby=\"data\">\n<h2 id=\"data\">%s</h2>\n", T(r, M_PRIVACY_DATA_TITLE));
	register_table(r, "why-caption", M_PRIVACY_DATA_CAPTION, why, sizeof why / sizeof why[0]);
	html_f(&r->out, "<p>%s</p>\n", T(r, M_PRIVACY_BASIS_NOTE));
	html_raw(&r->out, "<p id=\"privacy-inactive\">");
	if (web_inactive_days > 0)
		html_f(&r->out, T(r, M_PRIVACY_INACTIVE),
		       arena_printf(r->arena, TP(r, M_DAYS, web_inactive_days), (long long)web_inactive_days),
		       arena_printf(r->arena, TP(r, M_DAYS, web_inactive_grace_days),
				    (long long)web_inactive_grace_days));
	else
		html_f(&r->out, "%s", T(r, M_PRIVACY_INACTIVE_OFF));
	html_raw(&r->out, "</p>\n");
	register_table(r, "who-caption", M_PRIVACY_WHO_CAPTION, who, sizeof who / sizeof who[0]);
	html_raw(&r->out, "</section>\n");
}

static void page_privacy(struct http_req *r)
{
	struct buf *b = &r->out;
	page_begin(r, T(r, M_PRIVACY_TITLE), NAV_NONE);
	html_f(b, "<h1>%s</h1>\n<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">%s</h2>\n<ul>\n",
	       T(r, M_PRIVACY_TITLE), T(r, M_PRIVACY_SUMMARY_TITLE));
	static const enum msg summary[] = { M_PRIVACY_SUMMARY_1, M_PRIVACY_SUMMARY_2, M_PRIVACY_SUMMARY_3,
					    M_PRIVACY_SUMMARY_4 };
	for (size_t i = 0; i < sizeof summary / sizeof summary[0]; i++)
		html_f(b, "<li>%s</li>\n", T(r, summary[i]));
	html_raw(b, "</ul>\n</section>\n");

	html_f(b, "<section aria-labelledby=\"who\">\n<h2 id=\"who\">%s</h2>\n<p>%s</p>\n",
	       T(r, M_PRIVACY_WHO_TITLE), T(r, M_PRIVACY_WHO_TEXT));
	if (web_privacy_contact && *web_privacy_contact)
		html_f(b, "<p id=\"privacy-contact\">%s %s</p>\n", T(r, M_PRIVACY_CONTACT), web_privacy_contact);
	else
		html_f(b, "<p>%s</p>\n", T(r, M_PRIVACY_NO_CONTACT));
	html_raw(b, "</section>\n");

	data_tables(r);

	html_f(b, "<section aria-labelledby=\"not\">\n<h2 id=\"not\">%s</h2>\n<p>%s</p>\n</section>\n",
	       T(r, M_PRIVACY_NOT_TITLE), T(r, M_PRIVACY_NOT_TEXT));

	html_f(b, "<section aria-labelledby=\"rights\">\n<h2 id=\"rights\">%s</h2>\n<ul>\n",
	       T(r, M_PRIVACY_RIGHTS_TITLE));
	static const enum msg rights[] = { M_PRIVACY_RIGHT_ACCESS, M_PRIVACY_RIGHT_CORRECT, M_PRIVACY_RIGHT_ERASE,
					   M_PRIVACY_RIGHT_OBJECT };
	for (size_t i = 0; i < sizeof rights / sizeof rights[0]; i++)
		html_f(b, "<li>%s</li>\n", T(r, rights[i]));
	html_raw(b, "<li>");
	html_raw(b, T(r, M_PRIVACY_RIGHT_COMPLAINT_HTML)); /* a Dutch name in it keeps its lang */
	html_raw(b, "</li>\n");
	html_f(b, "</ul>\n<p><a href=\"/account\">%s</a></p>\n</section>\n", T(r, M_PRIVACY_TO_ACCOUNT));
	html_f(b, "<p>%s <a href=\"/api/v1/processing-activities\">/api/v1/processing-activities</a></p>\n",
	       T(r, M_PRIVACY_REGISTER));
	page_end(r);
}

const struct http_route web_privacy_routes[] = {
	{ HM_GET, "/privacy", page_privacy, RF_CACHE },
	{ 0 },
};
