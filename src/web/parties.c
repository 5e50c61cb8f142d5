/* /partijen: the directory of parties (de sociale kaart), and one party. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/party.h"
#include "../model/role.h"
#include "filters.h"
#include "html.h"
#include "layout.h"
#include "pages.h"
#include "party_parts.h"

/* The first max characters of a text, cut at a word, with an ellipsis. */
static const char *excerpt(struct http_req *r, const char *md, size_t max)
{
	/* plain text: Markdown's emphasis and heading marks go, lines join */
	char *s = arena_strdup(r->arena, md), *o = s;
	for (const char *c = md; *c; c++) {
		if (*c == '*' || *c == '#' || *c == '_' || *c == '`')
			continue;
		*o++ = *c == '\n' || *c == '\r' ? ' ' : *c;
	}
	*o = 0;
	size_t len = strlen(s), chars = 0, cut = 0, i;
	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80) {
			if (chars == max)
				break;
			chars++;
			if (s[i] == ' ' || s[i] == '\n')
				cut = i;
		}
	}
	if (i >= len)
		return s;
	return arena_printf(r->arena, "%s …", arena_strndup(r->arena, s, cut ? cut : i));
}

static const char *kind_name(struct http_req *r, const char *key)
{
	return web_enum_name(r, party_kinds, KIND_COUNT, key);
}

/* The name of the party's i-th area: read with it, or looked up. */
static const char *party_area_name(struct http_req *r, const struct party *pa, size_t i)
{
	return i < pa->area_names.n ? pa->area_names.v[i] : web_area_name(r, pa->areas.v[i]);
}

static void party_card(struct http_req *r, const struct party *pa)
{
	struct buf *b = &r->out;
	html_f(b, "<li class=\"card\">\n<h3 lang=\"nl\"><a href=\"/partijen/%s\">%s</a></h3>\n", pa->id, pa->name);
	html_f(b, "<p class=\"meta\"><span class=\"kind kind-%s\">%s</span>", pa->kind, kind_name(r, pa->kind));
	if (pa->verified_at)
		html_f(b, " <span class=\"verified\">%s</span>", T(r, M_VERIFIED));
	for (size_t i = 0; i < pa->areas.n && i < 4; i++)
		html_f(b, "%s%s", i ? ", " : " · ", party_area_name(r, pa, i));
	if (pa->areas.n > 4)
		html_raw(b, ", …");
	html_raw(b, "</p>\n");
	if (pa->description && *pa->description)
		html_f(b, "<p lang=\"nl\">%s</p>\n", excerpt(r, pa->description, 180));
	if (pa->tags.n) {
		html_f(b, "<ul class=\"tags\" aria-label=\"%s\">", T(r, M_TAGS));
		for (size_t i = 0; i < pa->tags.n; i++)
			html_f(b, "<li lang=\"nl\"><a href=\"%s\">%s</a></li>", page_url(r, "/partijen", "tag", pa->tags.v[i], NULL, NULL),
			       pa->tags.v[i]);
		html_raw(b, "</ul>\n");
	}
	html_raw(b, "</li>\n");
}

/* The list's filters, as chosen now. */
enum { NFILTERS = 6 };
static void filters_of(struct http_req *r, const struct party_filter *f, const char *sort, struct filter *out)
{
	struct choice *roles = arena_alloc(r->arena, sizeof *roles * role_catalogue_count);
	for (size_t i = 0; i < role_catalogue_count; i++)
		roles[i] = (struct choice){ role_catalogue[i].key, role_catalogue[i].name[r->lang], NULL, false, 0 };
	const char **sorts = arena_alloc(r->arena, sizeof *sorts * SORT_COUNT);
	const enum msg sort_names[SORT_COUNT] = { M_SORT_NAME_ASC, M_SORT_NAME_DESC, M_SORT_CREATED_ASC,
						  M_SORT_CREATED_DESC };
	for (int i = 0; i < SORT_COUNT; i++)
		sorts[i] = T(r, sort_names[i]);
	const struct filter fl[NFILTERS] = {
		{ FILTER("q", FILTER_SEARCH, T(r, M_FILTER_Q), f->q) },
		{ FILTER("kind", FILTER_ENUM, T(r, M_KIND), f->kind), .all = T(r, M_FILTER_KIND_ALL), .keys = party_kinds,
		  .n = KIND_COUNT },
		{ FILTER("area", FILTER_AREA, T(r, M_AREA), f->area), .all = T(r, M_FILTER_AREA_ALL),
		  .hint = T(r, M_AREA_CODE_HINT) },
		{ FILTER("role", FILTER_CHOICES, T(r, M_ROLES), f->role), .all = T(r, M_FILTER_ROLE_ALL), .choices = roles,
		  .n = role_catalogue_count },
		{ FILTER("tag", FILTER_TEXT, T(r, M_FILTER_TAG), f->tag) },
		{ FILTER("sort", FILTER_SORT, T(r, M_FILTER_SORT), sort), .sorts = party_sorts, .sort_names = sorts,
		  .n = SORT_COUNT },
	};
	memcpy(out, fl, sizeof fl);
}

static void page_parties(struct http_req *r)
{
	struct party_filter f = {
		.q = filters_param(r, "q"), .kind = filters_param(r, "kind"), .area = filters_param(r, "area"),
		.role = filters_param(r, "role"), .tag = filters_param(r, "tag"), .cursor = filters_param(r, "cursor"),
		.limit = 20, .sort = SORT_NAME,
	};
	struct problems p = { 0 };
	const char *sort = filters_param(r, "sort");
	if (!party_sort_parse(sort, &f.sort))
		problems_add(&p, "sort", R_NOT_ONE_OF, 0);
	struct party *items = NULL;
	size_t n = 0;
	const char *next = NULL;
	/* party_list adds its own problems to the sort's */
	int rc = party_list(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (!web_list_shown(r, rc))
		return;
	struct buf *b = &r->out;
	page_begin(r, T(r, M_PARTIES_TITLE), NAV_PARTIES);
	html_f(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", T(r, M_PARTIES_TITLE), T(r, M_PARTIES_INTRO));
	if (http_query(r, "verwijderd"))
		page_notice(r, T(r, M_DELETED));
	if (r->viewer.authenticated)
		html_f(b, "<p><a class=\"button\" href=\"/partijen/nieuw\">%s</a></p>\n", T(r, M_PARTY_ADD));
	else
		html_f(b, "<p><a href=\"/inloggen?next=/partijen/nieuw\">%s</a></p>\n", T(r, M_PARTY_ADD_LOGIN));
	struct filter fl[NFILTERS];
	filters_of(r, &f, sort, fl);
	filters_form(r, "/partijen", fl, NFILTERS, &p);
	html_f(b, "<section aria-labelledby=\"results\">\n<h2 id=\"results\">%s</h2>\n", T(r, M_PARTIES_RESULTS));
	if (!n) {
		html_f(b, "<p>%s</p>\n", T(r, M_PARTIES_NONE));
	} else {
		html_raw(b, "<ul class=\"cards\">\n");
		for (size_t i = 0; i < n; i++)
			party_card(r, &items[i]);
		html_raw(b, "</ul>\n");
	}
	filters_paging(r, "/partijen", fl, NFILTERS, f.cursor, next);
	html_raw(b, "</section>\n");
	html_f(b, "<p><a href=\"/samenwerkingen\">%s</a></p>\n", T(r, M_COAL_LINK_FROM_PARTIES)); /* issue 11 */
	page_end(r);
}

static void page_party(struct http_req *r)
{
	struct party pa;
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], &pa);
	if (rc) {
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : 500);
		return;
	}
	struct buf *b = &r->out;
	page_begin(r, pa.name, NAV_PARTIES);
	html_f(b, "<p class=\"crumbs\"><a href=\"/partijen\">%s</a></p>\n", T(r, M_BACK_TO_PARTIES));
	if (http_query(r, "opgeslagen"))
		page_notice(r, T(r, M_SAVED));
	else if (http_query(r, "geverifieerd"))
		page_notice(r, T(r, M_VERIFY_DONE));
	else if (http_query(r, "ingetrokken"))
		page_notice(r, T(r, M_UNVERIFY_DONE));
	html_f(b, "<h1 lang=\"nl\">%s</h1>\n<p class=\"meta\"><span class=\"kind kind-%s\">%s</span>", pa.name,
	       pa.kind, kind_name(r, pa.kind));
	if (pa.verified_at)
		html_f(b, " <span class=\"verified\">%s</span>", T(r, M_VERIFIED));
	html_raw(b, "</p>\n");
	bool edit = party_can_edit(&r->viewer, &pa), members = party_can(&r->viewer, &pa, OBJ_MEMBERS, ACT_READ),
	     del = party_can(&r->viewer, &pa, OBJ_PARTY, ACT_DELETE);
	if (edit || members || del) {
		html_raw(b, "<p class=\"actions\">");
		if (edit)
			html_f(b, "<a class=\"button\" href=\"/partijen/%s/bewerken\">%s</a> ", pa.id, T(r, M_EDIT));
		if (members)
			html_f(b, "<a class=\"button secondary\" href=\"/partijen/%s/leden\">%s</a> ", pa.id, T(r, M_MEMBERS));
		if (del)
			html_f(b, "<a class=\"button secondary\" href=\"/partijen/%s/verwijderen\">%s</a>", pa.id, T(r, M_DELETE));
		html_raw(b, "</p>\n");
	}
	html_raw(b, "<div class=\"description\" lang=\"nl\">\n");
	html_markdown(b, pa.description);
	html_raw(b, "</div>\n<dl class=\"facts\">\n");
	html_f(b, "<dt>%s</dt><dd>", T(r, M_AREAS));
	if (!pa.areas.n)
		html_f(b, "%s", T(r, M_NONE_GIVEN));
	for (size_t i = 0; i < pa.areas.n; i++)
		html_f(b, "%s<a href=\"/partijen?area=%s\">%s</a>", i ? ", " : "", pa.areas.v[i],
		       party_area_name(r, &pa, i));
	html_f(b, "</dd>\n<dt>%s</dt><dd>", T(r, M_ROLES));
	if (!pa.roles.n)
		html_f(b, "%s", T(r, M_NONE_GIVEN));
	else
		html_raw(b, "<ul>");
	for (size_t i = 0; i < pa.roles.n; i++) {
		const struct role *ro = role_find(pa.roles.v[i]);
		html_f(b, "<li><a href=\"/partijen?role=%s\">%s</a></li>", pa.roles.v[i],
		       ro ? ro->name[r->lang] : pa.roles.v[i]);
	}
	if (pa.roles.n)
		html_raw(b, "</ul>");
	html_f(b, "</dd>\n<dt>%s</dt><dd>", T(r, M_TAGS));
	if (!pa.tags.n)
		html_f(b, "%s", T(r, M_NONE_GIVEN));
	for (size_t i = 0; i < pa.tags.n; i++)
		html_f(b, "%s<a href=\"%s\" lang=\"nl\">%s</a>", i ? ", " : "",
		       page_url(r, "/partijen", "tag", pa.tags.v[i], NULL, NULL), pa.tags.v[i]);
	html_f(b, "</dd>\n<dt>%s</dt><dd>", T(r, M_CAPACITY));
	if (pa.has_capacity)
		html_f(b, TP(r, M_CAPACITY_HOURS, pa.capacity_hours), pa.capacity_hours);
	else
		html_f(b, "%s", T(r, M_NONE_GIVEN));
	html_raw(b, "</dd>\n");
	if (strcmp(pa.visibility, "public") != 0)
		html_f(b, "<dt>%s</dt><dd>%s</dd>\n", T(r, M_VISIBILITY),
		       party_visibilities[VIS_PRIVATE].name[r->lang]);
	html_f(b, "<dt>%s</dt><dd><time datetime=\"%s\">%s</time></dd>\n", T(r, M_UPDATED),
	       pa.updated_at, page_date(r, pa.updated_at));
	web_party_verification(r, &pa);
	html_raw(b, "</dl>\n");
	html_f(b, "<h2>%s</h2>\n<dl class=\"facts\">\n", T(r, M_CONTACT));
	html_f(b, "<dt>%s</dt><dd>", T(r, M_EMAIL));
	if (pa.email)
		html_f(b, "<a href=\"mailto:%s\">%s</a>", pa.email, pa.email);
	else
		html_f(b, "%s", T(r, M_NONE_GIVEN));
	html_f(b, "</dd>\n<dt>%s</dt><dd>%s</dd>\n", T(r, M_PHONE), pa.phone ? pa.phone : T(r, M_NONE_GIVEN));
	html_f(b, "<dt>%s</dt><dd>", T(r, M_WEBSITE));
	if (pa.website)
		html_f(b, "<a href=\"%s\" rel=\"nofollow noopener\">%s</a>", pa.website, pa.website);
	else
		html_f(b, "%s", T(r, M_NONE_GIVEN));
	html_raw(b, "</dd>\n</dl>\n");
	web_party_issues(r, pa.id); /* issues core */
	party_part_network(r, &pa); /* issue 11: coalitions and ties */
	party_part_intrapreneurship(r, &pa); /* issue 11: partners */
	page_end(r);
}

const struct http_route web_parties_routes[] = {
	{ HM_GET, "/partijen", page_parties, RF_CACHE },
	{ HM_GET, "/partijen/{id}", page_party, RF_CACHE },
	{ 0 },
};
