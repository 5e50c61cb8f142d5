/* /samenwerkingen: coalitions of parties around social issues
 * (samenwerkingsverbanden): the list with its filters and search, one
 * coalition with its partners and issues, and the forms that start,
 * change and remove one and add, change and withdraw its partners. Who may
 * is the model's (coalition.h); the pages only hide the forms of those who
 * may not. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/uuid.h"
#include "../model/coalition.h"
#include "../model/issue.h"
#include "../model/member.h"
#include "../model/party.h"
#include "../model/role.h"
#include "filters.h"
#include "form_fields.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

static const char *coalition_url(struct http_req *r, const char *id)
{
	return arena_printf(r->arena, "/samenwerkingen/%s", id);
}

static void coalition_card(struct http_req *r, const struct coalition *c)
{
	struct buf *b = &r->out;
	html_f(b, "<li class=\"card\">\n<h3 lang=\"nl\"><a href=\"/samenwerkingen/%s\">%s</a></h3>\n<p class=\"meta\">%s · ",
	       c->id, c->name, c->area_name);
	html_f(b, TP(r, M_COAL_PARTNERS_N, c->partners), c->partners);
	html_f(b, " · %s %s</p>\n", T(r, M_COAL_SINCE), page_date(r, c->since));
	html_raw(b, "</li>\n");
}

/* The list's filters, as chosen now. */
enum { NFILTERS = 5 };
static void filters_of(struct http_req *r, const struct coalition_filter *f, const char *sort, struct filter *out)
{
	const char **sorts = arena_alloc(r->arena, sizeof *sorts * CSORT_COUNT);
	const enum msg names[CSORT_COUNT] = { M_SORT_NAME_ASC, M_SORT_NAME_DESC, M_SORT_CREATED_ASC, M_SORT_CREATED_DESC };
	for (int i = 0; i < CSORT_COUNT; i++)
		sorts[i] = T(r, names[i]);
	const struct filter fl[NFILTERS] = {
		{ FILTER("q", FILTER_SEARCH, T(r, M_FILTER_Q), f->q) },
		{ FILTER("area", FILTER_AREA, T(r, M_AREA), f->area), .all = T(r, M_FILTER_AREA_ALL),
		  .hint = T(r, M_AREA_CODE_HINT) },
		{ FILTER("issue", FILTER_CHOICES, T(r, M_COAL_FILTER_ISSUE), f->issue), .all = T(r, M_COAL_FILTER_ISSUE_ALL),
		  .hint = T(r, M_COAL_FILTER_ISSUE_HINT) },
		{ FILTER("party", FILTER_CHOICES, T(r, M_COAL_FILTER_PARTY), f->party), .all = T(r, M_COAL_FILTER_PARTY_ALL),
		  .hint = T(r, M_COAL_FILTER_PARTY_HINT) },
		{ FILTER("sort", FILTER_SORT, T(r, M_FILTER_SORT), sort), .sorts = coalition_sorts, .sort_names = sorts,
		  .n = CSORT_COUNT },
	};
	memcpy(out, fl, sizeof fl);
}

static void page_coalitions(struct http_req *r)
{
	struct coalition_filter f = {
		.q = filters_param(r, "q"), .area = filters_param(r, "area"), .issue = filters_param(r, "issue"),
		.party = filters_param(r, "party"), .cursor = filters_param(r, "cursor"), .limit = 20,
	};
	struct problems p = { 0 };
	const char *sort = filters_param(r, "sort");
	if (!coalition_sort_parse(sort, &f.sort))
		problems_add(&p, "sort", R_NOT_ONE_OF, 0);
	struct coalition *items = NULL;
	size_t n = 0;
	const char *next = NULL;
	int rc = coalition_list(r->store, r->arena, &f, &p, &items, &n, &next);
	if (!web_list_shown(r, rc))
		return;
	bool filtered = f.q || f.area || f.issue || f.party || f.cursor;
	struct buf *b = &r->out;
	page_begin(r, T(r, M_COAL_TITLE), NAV_COALITIONS);
	html_f(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", T(r, M_COAL_TITLE), T(r, M_COAL_INTRO));
	if (http_query(r, "verwijderd"))
		page_notice(r, T(r, M_COAL_DELETED));
	if (r->viewer.authenticated)
		html_f(b, "<p><a class=\"button\" href=\"/samenwerkingen/nieuw\">%s</a></p>\n", T(r, M_COAL_ADD));
	else
		html_f(b, "<p><a href=\"/inloggen?next=/samenwerkingen/nieuw\">%s</a></p>\n", T(r, M_COAL_ADD_LOGIN));
	struct filter fl[NFILTERS];
	filters_of(r, &f, sort, fl);
	filters_form(r, "/samenwerkingen", fl, NFILTERS, &p);
	html_f(b, "<section aria-labelledby=\"results\">\n<h2 id=\"results\">%s</h2>\n", T(r, M_COAL_RESULTS));
	if (!n) {
		html_f(b, "<p>%s</p>\n", T(r, filtered || p.n ? M_COAL_NONE : M_COAL_EMPTY));
	} else {
		html_raw(b, "<ul class=\"cards\">\n");
		for (size_t i = 0; i < n; i++)
			coalition_card(r, &items[i]);
		html_raw(b, "</ul>\n");
	}
	filters_paging(r, "/samenwerkingen", fl, NFILTERS, f.cursor, next);
	html_raw(b, "</section>\n");
	page_end(r);
}

/* ---- choices: parties and issues ---- */

/* Public parties by name (for a coordinator or admin, those they may see),
 * at most 100; false when there are more, and a box for the id serves. */
static bool party_choices(struct http_req *r, const char *current, struct choice **out, size_t *n)
{
	enum { MAX = 100 };
	struct party_filter f = { .limit = MAX, .sort = SORT_NAME };
	struct problems p = { 0 };
	struct party *items;
	size_t np;
	const char *next;
	*out = NULL;
	*n = 0;
	if (party_list(r->store, r->arena, &r->viewer, &f, &p, &items, &np, &next) || next)
		return false;
	struct choice *c = arena_alloc(r->arena, sizeof *c * (np + 1));
	for (size_t i = 0; i < np; i++)
		c[i] = (struct choice){ arena_strdup(r->arena, items[i].id), items[i].name, NULL,
					current && !strcmp(current, items[i].id), 0 };
	*out = c;
	*n = np;
	return true;
}

/* The parties to start a coalition for: the viewer's own, and for admins
 * all of them (as party_choices). */
static bool own_party_choices(struct http_req *r, const char *current, struct choice **out, size_t *n)
{
	if (r->viewer.role == PROLE_ADMIN)
		return party_choices(r, current, out, n);
	struct membership *ms;
	size_t nm = 0;
	*n = 0;
	if (member_of(r->store, r->arena, r->viewer.user_id, &ms, &nm))
		nm = 0;
	struct choice *c = arena_alloc(r->arena, sizeof *c * (nm + 1));
	for (size_t i = 0; i < nm; i++)
		c[i] = (struct choice){ arena_strdup(r->arena, ms[i].party_id), ms[i].party_name, NULL,
					(current && !strcmp(current, ms[i].party_id)) || nm == 1, 0 };
	*out = c;
	*n = nm;
	return true;
}

/* The newest 100 issues as boxes, the chosen ones among them; false when
 * there are more, and a box for their ids serves. */
static bool issue_choices(struct http_req *r, const struct strlist *chosen, struct choice **out, size_t *n)
{
	enum { MAX = 100 };
	struct issue_filter f = { .limit = MAX };
	struct problems p = { 0 };
	struct issue *items;
	size_t ni;
	const char *next;
	*out = NULL;
	*n = 0;
	if (issue_list(r->store, r->arena, &r->viewer, &f, &p, &items, &ni, &next) || next)
		return false;
	struct choice *c = arena_alloc(r->arena, sizeof *c * (ni + 1));
	for (size_t i = 0; i < ni; i++)
		c[i] = (struct choice){ arena_strdup(r->arena, items[i].id), items[i].title, items[i].area_name,
					strlist_has(chosen, items[i].id), 0 };
	*out = c;
	*n = ni;
	return true;
}

static const struct field_desc *desc(const char *name)
{
	return fields_find(coalition_fields, coalition_nfields, name);
}

/* A field whose widget no descriptor says: its label and hint, and the value. */
static struct field field_of(struct http_req *r, const char *name, const char *value)
{
	const struct field_desc *d = desc(name);
	return (struct field){ .name = d->name, .label = d->label[r->lang], .hint = d->hint[r->lang], .value = value,
			       .required = d->flags & F_REQUIRED };
}

/* ---- the form of a coalition ---- */

struct coalition_form {
	struct coalition c; /* its id "" for a new one */
	struct form_typed typed;
};

static void render_form(struct http_req *r, const struct coalition_form *ff, const struct problems *p)
{
	struct buf *b = &r->out;
	const struct coalition *c = &ff->c;
	bool is_new = !c->id[0];
	const char *title = T(r, is_new ? M_COAL_NEW_TITLE : M_COAL_EDIT_TITLE);
	page_begin(r, title, NAV_COALITIONS);
	html_f(b, "<p class=\"crumbs\"><a href=\"/samenwerkingen\">%s</a></p>\n<h1>%s</h1>\n", T(r, M_COAL_BACK), title);
	struct choice *own = NULL;
	size_t nown = 0;
	bool pick = !is_new || own_party_choices(r, c->party, &own, &nown);
	if (is_new && pick && !nown) {
		html_f(b, "<p>%s</p>\n<p><a class=\"button\" href=\"/partijen/nieuw\">%s</a></p>\n", T(r, M_COAL_NO_PARTIES),
		       T(r, M_PARTY_ADD));
		page_end(r);
		return;
	}
	form_fields_summary(r, p, coalition_fields, coalition_nfields);
	form_begin(r, is_new ? "/samenwerkingen/nieuw" : arena_printf(r->arena, "/samenwerkingen/%s/bewerken", c->id), true);
	if (is_new) {
		struct field f = field_of(r, "party", c->party);
		f.required = true;
		if (pick) {
			field_choices(r, f.name, f.label, f.hint, own, nown, false, p);
		} else {
			f.hint = T(r, M_COAL_PARTY_ID_HINT);
			field_text(r, &f, p);
		}
	}
	form_field(r, coalition_fields, coalition_nfields, "name", c, &ff->typed, p);
	form_field_as(r, coalition_fields, coalition_nfields, "description", c, &ff->typed, p,
		      &(struct field_look){ .rows = 5 });
	struct field f = field_of(r, "area", c->area), code = f;
	code.label = T(r, M_AREA_CODE);
	code.hint = T(r, M_AREA_CODE_HINT);
	web_area_pick(r, &code, f.label, f.hint, 200, p);
	form_field(r, coalition_fields, coalition_nfields, "since", c, &ff->typed, p);
	struct choice *issues;
	size_t nissues;
	f = field_of(r, "issues", NULL);
	if (issue_choices(r, &c->issues, &issues, &nissues)) {
		if (nissues)
			field_choices(r, f.name, f.label, f.hint, issues, nissues, true, p);
	} else {
		form_field_as(r, coalition_fields, coalition_nfields, "issues", c, &ff->typed, p,
			      &(struct field_look){ .hint = T(r, M_COAL_ISSUES_ID_HINT) });
	}
	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"%s\">%s</a></div>\n", T(r, M_SAVE),
	       is_new ? "/samenwerkingen" : coalition_url(r, c->id), T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

/* /samenwerkingen/nieuw (is_new) and /samenwerkingen/{id}/bewerken. */
static void coalition_form_page(struct http_req *r, bool is_new)
{
	if (page_login_needed(r, NULL))
		return;
	struct coalition_form ff = { 0 };
	struct coalition was;
	int rc = is_new ? 0 : coalition_get(r->store, r->arena, &r->viewer, r->params[0], &was);
	if (!rc && !is_new && !coalition_can(&r->viewer, &was, ACT_UPDATE))
		rc = ERR_FORBIDDEN;
	if (rc) {
		web_fail(r, rc, NULL);
		return;
	}
	if (!is_new)
		ff.c = was;
	if (r->method != HM_POST) {
		if (!is_new)
			form_typed_from(r, coalition_fields, coalition_nfields, &was, &ff.typed);
		render_form(r, &ff, NULL);
		return;
	}
	struct form f;
	if (!page_form(r, &f))
		return;
	struct problems p = { 0 };
	form_read_fields(r, &f, coalition_fields, coalition_nfields, &ff.c, &ff.typed, &p);
	rc = is_new ? coalition_create(r->store, r->arena, &r->viewer, &ff.c, &p)
		    : coalition_update(r->store, r->arena, &r->viewer, &was, &ff.c, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		render_form(r, &ff, &p);
		return;
	}
	if (rc)
		web_fail(r, rc, NULL);
	else
		http_redirect(r, arena_printf(r->arena, "/samenwerkingen/%s?opgeslagen=1", ff.c.id));
}

static void page_coalition_new(struct http_req *r)
{
	coalition_form_page(r, true);
}

static void page_coalition_edit(struct http_req *r)
{
	coalition_form_page(r, false);
}

/* ---- one coalition ---- */

/* A select of the roles of the catalogue, with "none" first. */
static void role_select(struct http_req *r, const char *current)
{
	const struct field_desc *d = fields_find(coalition_partner_fields, coalition_partner_nfields, "role");
	struct choice *c = arena_alloc(r->arena, sizeof *c * role_catalogue_count);
	for (size_t i = 0; i < role_catalogue_count; i++)
		c[i] = (struct choice){ role_catalogue[i].key, role_catalogue[i].name[r->lang], NULL,
					current && !strcmp(current, role_catalogue[i].key), 0 };
	field_select(r, d->name, d->label[r->lang], T(r, M_COAL_ROLE_NONE), c, role_catalogue_count);
	html_f(&r->out, "<p class=\"hint\">%s</p>\n", d->hint[r->lang]);
}

/* The partner's fields but the party: role, contribution, since, admin. */
static void partner_fields(struct http_req *r, const struct coalition_partner *pa, const struct problems *p)
{
	role_select(r, pa->role);
	form_field_as(r, coalition_partner_fields, coalition_partner_nfields, "contribution", pa, NULL, p,
		      &(struct field_look){ .rows = 3 });
	form_field(r, coalition_partner_fields, coalition_partner_nfields, "since", pa, NULL, p);
	form_field(r, coalition_partner_fields, coalition_partner_nfields, "admin", pa, NULL, p);
}

static void add_partner_form(struct http_req *r, const struct coalition *c, const struct coalition_partner *typed,
			     const struct problems *p)
{
	struct buf *b = &r->out;
	const struct field_desc *d = fields_find(coalition_partner_fields, coalition_partner_nfields, "party");
	html_f(b, "<h3 id=\"partner-add\">%s</h3>\n", T(r, M_COAL_PARTNER_ADD_TITLE));
	form_fields_summary(r, p, coalition_partner_fields, coalition_partner_nfields);
	form_begin(r, arena_printf(r->arena, "/samenwerkingen/%s/partners", c->id), true);
	struct choice *parties;
	size_t n;
	struct field f = { .name = d->name, .label = d->label[r->lang], .hint = T(r, M_COAL_PARTNER_ID_HINT),
			   .value = typed ? typed->party : NULL, .required = true };
	/* a select, unless there are too many to choose from or the party
	 * chosen has a problem to show beside its box */
	if (!(p && problems_find(p, "party")) && party_choices(r, f.value, &parties, &n) && n)
		field_select(r, d->name, d->label[r->lang], NULL, parties, n);
	else
		field_text(r, &f, p);
	struct coalition_partner empty = { 0 };
	partner_fields(r, typed ? typed : &empty, p);
	form_submit_end(r, T(r, M_COAL_PARTNER_ADD));
}

static void partners_section(struct http_req *r, const struct coalition *c, const struct coalition_partner *typed,
			     const struct problems *p)
{
	struct buf *b = &r->out;
	struct coalition_partner *items;
	size_t n;
	if (coalition_partners(r->store, r->arena, c->id, &items, &n))
		n = 0;
	bool edit = coalition_can(&r->viewer, c, ACT_UPDATE);
	page_section(r, "partners", T(r, M_COAL_PARTNERS));
	const struct field_desc *fd = coalition_partner_fields;
	size_t nf = coalition_partner_nfields;
	const char *heads[] = { fields_find(fd, nf, "party")->label[r->lang], fields_find(fd, nf, "partyKind")->label[r->lang],
				fields_find(fd, nf, "role")->label[r->lang], fields_find(fd, nf, "contribution")->label[r->lang],
				fields_find(fd, nf, "since")->label[r->lang] };
	bool any_tools = false;
	bool *can_remove = arena_alloc(r->arena, sizeof *can_remove * (n + 1));
	for (size_t i = 0; i < n; i++)
		any_tools |= edit || (can_remove[i] = coalition_partner_can_remove(r->store, &r->viewer, c, &items[i]));
	page_table_begin(r, "partners", "partners", heads, 5, any_tools ? T(r, M_COAL_PARTNER_EDIT) : NULL);
	for (size_t i = 0; i < n; i++) {
		const struct coalition_partner *pa = &items[i];
		const char *name = pa->party_name ? pa->party_name : T(r, M_COAL_PARTNER_PRIVATE);
		html_raw(b, "<tr><th scope=\"row\">");
		if (pa->party_name)
			html_f(b, "<a href=\"/partijen/%s\" lang=\"nl\">%s</a>", pa->party, pa->party_name);
		else
			html_f(b, "%s", name);
		if (pa->admin)
			html_f(b, " <span class=\"badge\">%s</span>", T(r, M_COAL_MANAGES));
		const struct role *ro = pa->role ? role_find(pa->role) : NULL;
		html_f(b, "</th><td>%s</td><td>%s</td><td lang=\"nl\">%s</td><td>%s</td>",
		       web_enum_name(r, party_kinds, KIND_COUNT, pa->party_kind), ro ? ro->name[r->lang] : "–",
		       pa->contribution, page_date(r, pa->since));
		if (any_tools) {
			html_raw(b, "<td class=\"tools\">");
			if (edit)
				html_f(b, "<a href=\"/samenwerkingen/%s/partners/%s/bewerken\" aria-label=\"%s\">%s</a> ", c->id,
				       pa->id, arena_printf(r->arena, T(r, M_COAL_PARTNER_EDIT_LABEL), name),
				       T(r, M_COAL_PARTNER_EDIT));
			if (edit || can_remove[i])
				html_f(b, "<a href=\"/samenwerkingen/%s/partners/%s/verwijderen\" aria-label=\"%s\">%s</a>",
				       c->id, pa->id, arena_printf(r->arena, T(r, M_COAL_PARTNER_REMOVE_LABEL), name),
				       T(r, M_COAL_PARTNER_REMOVE));
			html_raw(b, "</td>");
		}
		html_raw(b, "</tr>\n");
	}
	page_table_end(r);
	if (edit)
		add_partner_form(r, c, typed, p);
	else if (!r->viewer.authenticated)
		html_f(b, "<p>%s <a href=\"%s\">%s</a></p>\n", T(r, M_COAL_WHO),
		       page_url(r, "/inloggen", "next", coalition_url(r, c->id), NULL, NULL), T(r, M_COAL_LOGIN));
	else
		html_f(b, "<p class=\"meta\">%s</p>\n", T(r, M_COAL_WHO));
	html_raw(b, "</section>\n");
}

static void render_coalition(struct http_req *r, const struct coalition_partner *typed, const struct problems *p)
{
	struct coalition c;
	int rc = coalition_get(r->store, r->arena, &r->viewer, r->params[0], &c);
	if (rc) {
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : 500);
		return;
	}
	struct buf *b = &r->out;
	page_begin(r, c.name, NAV_COALITIONS);
	html_f(b, "<p class=\"crumbs\"><a href=\"/samenwerkingen\">%s</a></p>\n", T(r, M_COAL_BACK));
	static const struct notice notices[] = {
		{ "opgeslagen", M_COAL_SAVED }, { "toegevoegd", M_COAL_PARTNER_ADDED },
		{ "gewijzigd", M_COAL_PARTNER_SAVED }, { "teruggetrokken", M_COAL_PARTNER_REMOVED },
	};
	page_notices(r, NULL, notices, sizeof notices / sizeof notices[0]);
	html_f(b, "<h1 lang=\"nl\">%s</h1>\n", c.name);
	bool edit = coalition_can(&r->viewer, &c, ACT_UPDATE), del = coalition_can(&r->viewer, &c, ACT_DELETE);
	if (edit || del) {
		html_raw(b, "<p class=\"actions\">");
		if (edit)
			html_f(b, "<a class=\"button\" href=\"/samenwerkingen/%s/bewerken\">%s</a> ", c.id, T(r, M_EDIT));
		if (del)
			html_f(b, "<a class=\"button secondary\" href=\"/samenwerkingen/%s/verwijderen\">%s</a>", c.id,
			       T(r, M_DELETE));
		html_raw(b, "</p>\n");
	}
	html_raw(b, "<div class=\"description\" lang=\"nl\">\n");
	html_markdown(b, c.description);
	html_f(b, "</div>\n<h2>%s</h2>\n<dl class=\"facts\">\n", T(r, M_COAL_FACTS));
	html_f(b, "<dt>%s</dt><dd><a href=\"/samenwerkingen?area=%s\">%s</a></dd>\n", T(r, M_AREA), c.area, c.area_name);
	html_f(b, "<dt>%s</dt><dd>%s</dd>\n", T(r, M_COAL_SINCE), page_date(r, c.since));
	html_f(b, "<dt>%s</dt><dd>", T(r, M_UPDATED));
	page_time(r, c.updated_at);
	html_raw(b, "</dd>\n</dl>\n");
	page_section(r, "vraagstukken", T(r, M_COAL_ISSUES));
	if (!c.issues.n)
		html_f(b, "<p>%s</p>\n", T(r, M_COAL_ISSUES_NONE));
	else
		html_raw(b, "<ul>\n");
	for (size_t i = 0; i < c.issues.n; i++) {
		struct issue is;
		if (issue_get(r->store, r->arena, NULL, c.issues.v[i], &is))
			continue;
		html_f(b, "<li><a href=\"/vraagstukken/%s\" lang=\"nl\">%s</a> <span class=\"meta\">%s</span></li>\n", is.id,
		       is.title, web_issue_status(r, is.status));
	}
	if (c.issues.n)
		html_raw(b, "</ul>\n");
	html_raw(b, "</section>\n");
	partners_section(r, &c, typed, p);
	page_end(r);
}

static void page_coalition(struct http_req *r)
{
	render_coalition(r, NULL, NULL);
}

/* The error page of a change to partners, in the words of the problem. */
static void partner_fail(struct http_req *r, int rc, const char *dup, bool adding)
{
	if (rc == ERR_CONFLICT)
		page_message(r, 409, T(r, M_COAL_PARTNERS),
			     T(r, dup ? M_COAL_PARTNER_DUPLICATE : adding ? M_COAL_PARTNER_FULL : M_COAL_LAST_MANAGER));
	else
		web_fail(r, rc, r->params[0] && uuid_valid(r->params[0], strlen(r->params[0]))
				 ? coalition_url(r, r->params[0]) : NULL);
}

/* POST /samenwerkingen/{id}/partners: add a partner; the page again with
 * the form's problems. */
static void page_partner_add(struct http_req *r)
{
	struct form f;
	if (page_login_needed(r, NULL) || !page_form(r, &f))
		return;
	struct coalition_partner pa = { 0 };
	struct problems p = { 0 };
	form_read_fields(r, &f, coalition_partner_fields, coalition_partner_nfields, &pa, &(struct form_typed){ 0 }, &p);
	if (pa.role && !*pa.role)
		pa.role = NULL;
	const char *dup = NULL;
	int rc = coalition_partner_add(r->store, r->arena, &r->viewer, r->params[0], &pa, &p, &dup);
	if (!rc) {
		http_redirect(r, arena_printf(r->arena, "/samenwerkingen/%s?toegevoegd=1#partners", r->params[0]));
		return;
	}
	if (rc == ERR_INVALID) {
		r->status = 400;
		render_coalition(r, &pa, &p);
		return;
	}
	partner_fail(r, rc, dup, true);
}

/* The coalition and the partner of the URL, for a change; answers and
 * returns false when there is none. */
static bool load_partner(struct http_req *r, struct coalition *c, struct coalition_partner *pa)
{
	if (page_login_needed(r, NULL))
		return false;
	int rc = coalition_get(r->store, r->arena, &r->viewer, r->params[0], c);
	if (!rc)
		rc = coalition_partner_get(r->store, r->arena, c->id, r->params[1], pa);
	if (rc)
		web_fail(r, rc, NULL);
	return !rc;
}

static void partner_page_head(struct http_req *r, const struct coalition *c, const char *title)
{
	page_begin(r, title, NAV_COALITIONS);
	html_f(&r->out, "<p class=\"crumbs\"><a href=\"/samenwerkingen/%s#partners\" lang=\"nl\">%s</a></p>\n<h1>%s</h1>\n",
	       c->id, c->name, title);
}

/* /samenwerkingen/{id}/partners/{pid}/bewerken */
static void page_partner_edit(struct http_req *r)
{
	struct coalition c;
	struct coalition_partner pa;
	if (!load_partner(r, &c, &pa))
		return;
	if (!coalition_can(&r->viewer, &c, ACT_UPDATE)) {
		web_fail(r, ERR_FORBIDDEN, NULL);
		return;
	}
	struct problems p = { 0 };
	const struct coalition_partner was = pa;
	if (r->method == HM_POST) {
		struct form f;
		if (!page_form(r, &f))
			return;
		form_read_fields(r, &f, coalition_partner_fields, coalition_partner_nfields, &pa, &(struct form_typed){ 0 }, &p);
		if (pa.role && !*pa.role)
			pa.role = NULL;
		int rc = coalition_partner_update(r->store, r->arena, &r->viewer, &was, &pa, &p);
		if (!rc) {
			http_redirect(r, arena_printf(r->arena, "/samenwerkingen/%s?gewijzigd=1#partners", c.id));
			return;
		}
		if (rc == ERR_CONFLICT) {
			r->status = 409; /* the alert below says why */
		} else if (rc != ERR_INVALID) {
			partner_fail(r, rc, NULL, false);
			return;
		} else {
			r->status = 400;
		}
	}
	partner_page_head(r, &c, T(r, M_COAL_PARTNER_EDIT_TITLE));
	if (r->status == 409)
		page_alert(r, "conflict", T(r, M_COAL_PARTNER_EDIT_TITLE), T(r, M_COAL_LAST_MANAGER));
	html_f(&r->out, "<p><strong lang=\"nl\">%s</strong></p>\n",
	       pa.party_name ? pa.party_name : T(r, M_COAL_PARTNER_PRIVATE));
	form_fields_summary(r, &p, coalition_partner_fields, coalition_partner_nfields);
	form_begin(r, arena_printf(r->arena, "/samenwerkingen/%s/partners/%s/bewerken", c.id, pa.id), true);
	partner_fields(r, &pa, &p);
	html_f(&r->out, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"/samenwerkingen/%s#partners\">%s</a></div>\n",
	       T(r, M_SAVE), c.id, T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

/* /samenwerkingen/{id}/partners/{pid}/verwijderen: confirm, then withdraw. */
static void page_partner_remove(struct http_req *r)
{
	struct coalition c;
	struct coalition_partner pa;
	if (!load_partner(r, &c, &pa))
		return;
	if (!coalition_partner_can_remove(r->store, &r->viewer, &c, &pa)) {
		web_fail(r, ERR_FORBIDDEN, NULL);
		return;
	}
	if (r->method == HM_POST) {
		struct form f;
		if (!page_form(r, &f))
			return;
		int rc = coalition_partner_remove(r->store, &r->viewer, c.id, pa.id);
		if (rc) {
			partner_fail(r, rc, NULL, false);
			return;
		}
		http_redirect(r, arena_printf(r->arena, "/samenwerkingen/%s?teruggetrokken=1#partners", c.id));
		return;
	}
	partner_page_head(r, &c, T(r, M_COAL_PARTNER_REMOVE_TITLE));
	html_f(&r->out, "<p>%s</p>\n<p><strong lang=\"nl\">%s</strong></p>\n", T(r, M_COAL_PARTNER_REMOVE_CONFIRM),
	       pa.party_name ? pa.party_name : T(r, M_COAL_PARTNER_PRIVATE));
	form_begin(r, arena_printf(r->arena, "/samenwerkingen/%s/partners/%s/verwijderen", c.id, pa.id), true);
	html_f(&r->out, "<div class=\"actions\"><button type=\"submit\" class=\"danger\">%s</button> <a href=\"/samenwerkingen/%s#partners\">%s</a></div>\n",
	       T(r, M_COAL_PARTNER_REMOVE_YES), c.id, T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

/* /samenwerkingen/{id}/verwijderen: confirm, then remove. */
static void page_coalition_delete(struct http_req *r)
{
	if (page_login_needed(r, NULL))
		return;
	struct coalition c;
	int rc = coalition_get(r->store, r->arena, &r->viewer, r->params[0], &c);
	if (!rc && !coalition_can(&r->viewer, &c, ACT_DELETE))
		rc = ERR_FORBIDDEN;
	if (rc) {
		web_fail(r, rc, NULL);
		return;
	}
	if (r->method == HM_POST) {
		struct form f;
		if (!page_form(r, &f))
			return;
		if ((rc = coalition_delete(r->store, &r->viewer, c.id)))
			web_fail(r, rc, NULL);
		else
			http_redirect(r, "/samenwerkingen?verwijderd=1");
		return;
	}
	page_begin(r, T(r, M_COAL_DELETE_TITLE), NAV_COALITIONS);
	html_f(&r->out, "<p class=\"crumbs\"><a href=\"/samenwerkingen/%s\" lang=\"nl\">%s</a></p>\n<h1>%s</h1>\n<p>%s</p>\n",
	       c.id, c.name, T(r, M_COAL_DELETE_TITLE), T(r, M_COAL_DELETE_CONFIRM));
	form_begin(r, arena_printf(r->arena, "/samenwerkingen/%s/verwijderen", c.id), true);
	html_f(&r->out, "<div class=\"actions\"><button type=\"submit\" class=\"danger\">%s</button> <a href=\"/samenwerkingen/%s\">%s</a></div>\n",
	       T(r, M_COAL_DELETE_YES), c.id, T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

const struct http_route web_coalitions_routes[] = {
	{ HM_GET, "/samenwerkingen", page_coalitions, RF_CACHE },
	{ HM_GET | HM_POST, "/samenwerkingen/nieuw", page_coalition_new, 0 },
	{ HM_GET, "/samenwerkingen/{id}", page_coalition, RF_CACHE },
	{ HM_GET | HM_POST, "/samenwerkingen/{id}/bewerken", page_coalition_edit, 0 },
	{ HM_GET | HM_POST, "/samenwerkingen/{id}/verwijderen", page_coalition_delete, 0 },
	{ HM_POST, "/samenwerkingen/{id}/partners", page_partner_add, 0 },
	{ HM_GET | HM_POST, "/samenwerkingen/{id}/partners/{partner}/bewerken", page_partner_edit, 0 },
	{ HM_GET | HM_POST, "/samenwerkingen/{id}/partners/{partner}/verwijderen", page_partner_remove, 0 },
	{ 0 },
};
