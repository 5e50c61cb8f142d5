/* /open-data: what the footer's "Open data" leads to. The API and the
 * downloads in plain words, for residents, journalists and researchers as
 * much as for developers, with links to the lists themselves and to the
 * OpenAPI document. */
#include "html.h"
#include "layout.h"
#include "pages.h"

/* The lists anyone may read, each a link with what it holds. */
static const struct {
	const char *href;
	enum msg name, text;
} lists[] = {
	{ "/api/v1/parties", M_OPEN_PARTIES, M_OPEN_PARTIES_TEXT },
	{ "/api/v1/issues", M_OPEN_ISSUES, M_OPEN_ISSUES_TEXT },
	{ "/api/v1/areas", M_OPEN_AREAS, M_OPEN_AREAS_TEXT },
	{ "/api/v1/roles", M_OPEN_ROLES, M_OPEN_ROLES_TEXT },
	{ "/api/v1/processing-activities", M_OPEN_REGISTER, M_OPEN_REGISTER_TEXT },
};

static void page_open_data(struct http_req *r)
{
	struct buf *b = &r->out;
	page_begin(r, T(r, M_FOOTER_API), NAV_NONE);
	html_f(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", T(r, M_FOOTER_API), T(r, M_OPEN_INTRO));

	html_f(b, "<section aria-labelledby=\"what\">\n<h2 id=\"what\">%s</h2>\n<ul>\n", T(r, M_OPEN_WHAT_TITLE));
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		html_f(b, "<li><a href=\"%s\">%s</a> %s</li>\n", lists[i].href, T(r, lists[i].name), T(r, lists[i].text));
	html_raw(b, "</ul>\n</section>\n");

	html_f(b, "<section aria-labelledby=\"how\">\n<h2 id=\"how\">%s</h2>\n<p>%s</p>\n<p>%s</p>\n",
	       T(r, M_OPEN_HOW_TITLE), T(r, M_OPEN_HOW_JSON), T(r, M_OPEN_HOW_PAGES));
	html_f(b, "<p>%s <a href=\"/api/v1/parties?kind=social_work\"><code>/api/v1/parties?kind=social_work</code></a></p>\n",
	       T(r, M_OPEN_HOW_FILTER));
	html_f(b, "<p>%s</p>\n<p>%s: <a href=\"/api/v1/openapi.json\"><code>/api/v1/openapi.json</code></a> (OpenAPI 3).</p>\n"
		  "</section>\n",
	       T(r, M_OPEN_HOW_TIME), T(r, M_OPEN_DOCS));

	html_f(b, "<section aria-labelledby=\"downloads\">\n<h2 id=\"downloads\">%s</h2>\n<p>%s <a href=\"/account#data\">%s</a></p>\n"
		  "<p>%s</p>\n</section>\n",
	       T(r, M_OPEN_DOWNLOAD_TITLE), T(r, M_OPEN_DOWNLOAD_OWN), T(r, M_OPEN_DOWNLOAD_OWN_LINK),
	       T(r, M_OPEN_DOWNLOAD_LISTS));

	html_f(b, "<section aria-labelledby=\"not-in\">\n<h2 id=\"not-in\">%s</h2>\n<p>%s</p>\n<p>%s "
		  "<a href=\"/account?tokens=1#tokens\">%s</a></p>\n</section>\n",
	       T(r, M_OPEN_NOT_TITLE), T(r, M_OPEN_NOT_TEXT), T(r, M_OPEN_WRITE), T(r, M_OPEN_WRITE_LINK));
	page_end(r);
}

const struct http_route web_opendata_routes[] = {
	{ HM_GET, "/open-data", page_open_data, RF_CACHE },
	{ 0 },
};
