/* The partners of an initiative and the room for intrapreneurship it is granted:
 * the section of the initiative's page (/initiatieven/{id}) that lists the
 * partners (party, role in the page's language, contribution, hours, since)
 * and the hours employers grant their people, with the forms for those who
 * may; and the pages behind the forms:
 *   /initiatieven/{id}/partners                      add (and again with its problems)
 *   /initiatieven/{id}/partners/{pid}/bewerken       change
 *   /initiatieven/{id}/partners/{pid}/verwijderen    remove or withdraw
 *   /initiatieven/{id}/uren                          one's own hours
 *   /initiatieven/{id}/uren/verwijderen              remove them
 * Who may is the model's (partner.h, intrapreneur.h); the page only hides
 * the forms of those who may not. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/uuid.h"
#include "../store/store.h"
#include "../model/initiative.h"
#include "../model/intrapreneur.h"
#include "../model/member.h"
#include "../model/partner.h"
#include "../model/party.h"
#include "../model/role.h"
#include "form_fields.h"
#include "html.h"
#include "initiative_parts.h"
#include "layout.h"
#include "pages.h"

enum { CANDIDATES_MAX = 60 };

static const char *initiative_url(struct http_req *r, const char *id, const char *anchor)
{
	return arena_printf(r->arena, "/initiatieven/%s#%s", id, anchor);
}

static const char *role_name(struct http_req *r, const char *key)
{
	const struct role *ro = role_find(key);
	return ro ? ro->name[r->lang] : key;
}

/* A date (YYYY-MM-DD) for people. */
static const char *date_of(struct http_req *r, const char *date)
{
	return page_date(r, arena_printf(r->arena, "%sT12:00:00Z", date));
}

/* The roles of the catalogue as radio buttons. */
static void role_choices(struct http_req *r, const char *chosen, const struct problems *p)
{
	struct choice *c = arena_alloc(r->arena, sizeof *c * role_catalogue_count);
	for (size_t i = 0; i < role_catalogue_count; i++)
		c[i] = (struct choice){ role_catalogue[i].key, role_catalogue[i].name[r->lang],
					role_catalogue[i].description[r->lang],
					chosen && !strcmp(chosen, role_catalogue[i].key), 0 };
	const struct field_desc *d = fields_find(partner_fields, partner_nfields, "role");
	field_choices(r, "role", d->label[r->lang], d->hint[r->lang], c, role_catalogue_count, false, p);
}

/* The parties to choose from when adding one: the viewer's own, then those
 * serving the initiative's area (its own or one around or inside it), but
 * not those that are partners already. */
static struct choice *candidates(struct http_req *r, const char *initiative_id, const char *area,
				 const char *chosen, size_t *n)
{
	struct choice *c = arena_alloc(r->arena, sizeof *c * CANDIDATES_MAX);
	*n = 0;
	struct partner *now;
	size_t nnow = 0;
	if (partner_list_known(r->store, r->arena, &r->viewer, initiative_id, &now, &nnow))
		nnow = 0;
	struct membership *mine;
	size_t nmine = 0;
	if (member_of(r->store, r->arena, r->viewer.user_id, &mine, &nmine))
		nmine = 0;
	struct party *near = NULL;
	size_t nnear = 0;
	const char *next;
	struct problems p = { 0 };
	struct party_filter f = { .area = area && *area ? area : NULL, .limit = 50 };
	if (party_list(r->store, r->arena, &r->viewer, &f, &p, &near, &nnear, &next))
		nnear = 0;
	for (size_t i = 0; i < nmine + nnear && *n < CANDIDATES_MAX; i++) {
		const char *id = i < nmine ? mine[i].party_id : near[i - nmine].id;
		const char *name = i < nmine ? mine[i].party_name : near[i - nmine].name;
		bool skip = false;
		for (size_t j = 0; j < nnow && !skip; j++)
			skip = !strcmp(now[j].party_id, id);
		for (size_t j = 0; j < *n && !skip; j++)
			skip = !strcmp(c[j].value, id);
		if (!skip)
			c[(*n)++] = (struct choice){ id, name, NULL, chosen && !strcmp(chosen, id), 0 };
	}
	return c;
}

/* The add form's fields. */
static void add_fields(struct http_req *r, const char *initiative_id, const char *area, const struct partner *pt,
		       const struct form_typed *typed, const struct problems *p)
{
	size_t n;
	struct choice *c = candidates(r, initiative_id, area, pt->party_id, &n);
	const struct field_desc *d = fields_find(partner_fields, partner_nfields, "party");
	if (n)
		field_choices(r, "party", d->label[r->lang], d->hint[r->lang], c, n, false, p);
	else
		html_f(&r->out, "<p>%s</p>\n", T(r, M_PARTNER_NO_CANDIDATES));
	role_choices(r, pt->role, p);
	form_field(r, partner_fields, partner_nfields, "contribution", pt, typed, p);
	form_field(r, partner_fields, partner_nfields, "hoursPerWeek", pt, typed, p);
	form_field(r, partner_fields, partner_nfields, "since", pt, typed, p);
}

static void partners_table(struct http_req *r, const struct initiative_rel *rel, const char *initiative_id,
			   const struct partner *items, size_t n)
{
	struct buf *b = &r->out;
	bool *edit = arena_alloc(r->arena, sizeof *edit * (n ? n : 1));
	bool *own = arena_alloc(r->arena, sizeof *own * (n ? n : 1));
	bool any = false;
	/* who manages the partners may change each; else an admin of a
	 * partner party its own (partner_may_edit's rule, asked with the
	 * viewer's parties read once, not a query a row) */
	bool manages = partner_may(&r->viewer, rel, ACT_UPDATE);
	struct membership *mine = NULL;
	size_t nmine = 0;
	if (!manages && r->viewer.authenticated && member_of(r->store, r->arena, r->viewer.user_id, &mine, &nmine))
		nmine = 0;
	for (size_t i = 0; i < n; i++) {
		own[i] = false;
		for (size_t j = 0; j < nmine && !own[i]; j++)
			own[i] = mine[j].role == MEMBER_ADMIN && !strcmp(mine[j].party_id, items[i].party_id);
		edit[i] = manages || own[i];
		any = any || edit[i];
	}
	html_f(b, "<div class=\"table-wrap\">\n<table class=\"partners\">\n<caption>%s</caption>\n<thead><tr>"
		  "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		  "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
	       T(r, M_PARTNERS_CAPTION), T(r, M_PARTNER_COL_PARTY), T(r, M_PARTNER_COL_ROLE),
	       T(r, M_PARTNER_COL_CONTRIBUTION), T(r, M_PARTNER_COL_HOURS), T(r, M_PARTNER_COL_SINCE));
	if (any)
		html_f(b, "<th scope=\"col\">%s</th>", T(r, M_PARTNER_COL_ACTIONS));
	html_raw(b, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct partner *pt = &items[i];
		html_f(b, "<tr><th scope=\"row\"><a href=\"/partijen/%s\" lang=\"nl\">%s</a></th><td>%s</td>"
			  "<td lang=\"nl\">%s</td><td>",
		       pt->party_id, pt->party_name, role_name(r, pt->role), pt->contribution);
		if (pt->has_hours)
			html_f(b, "%lld", pt->hours_per_week);
		else
			html_f(b, "<span class=\"meta\">%s</span>", T(r, M_PARTNER_NO_HOURS));
		html_f(b, "</td><td><time datetime=\"%s\">%s</time></td>", pt->since, date_of(r, pt->since));
		if (any) {
			html_raw(b, "<td>");
			if (edit[i]) {
				const char *base = arena_printf(r->arena, "/initiatieven/%s/partners/%s", initiative_id, pt->id);
				html_f(b, "<a href=\"%s/bewerken\" aria-label=\"%s\">%s</a> "
					  "<a href=\"%s/verwijderen\" aria-label=\"%s\">%s</a>",
				       base, arena_printf(r->arena, T(r, M_PARTNER_EDIT_LABEL), pt->party_name), T(r, M_PARTNER_EDIT),
				       base,
				       arena_printf(r->arena, T(r, own[i] ? M_PARTNER_WITHDRAW_LABEL : M_PARTNER_DELETE_LABEL),
						    pt->party_name),
				       T(r, own[i] ? M_PARTNER_WITHDRAW : M_PARTNER_DELETE));
			}
			html_raw(b, "</td>");
		}
		html_raw(b, "</tr>\n");
	}
	html_raw(b, "</tbody>\n</table>\n</div>\n");
}

/* The form of one's own hours. */
static void hours_form(struct http_req *r, const char *initiative_id, const struct intrapreneur *h,
		       const struct form_typed *typed, const struct problems *p, bool recorded)
{
	struct buf *b = &r->out;
	struct membership *mine;
	size_t n = 0;
	if (member_of(r->store, r->arena, r->viewer.user_id, &mine, &n) || !n) {
		html_f(b, "<p>%s</p>\n", T(r, M_INTRA_NO_PARTY));
		return;
	}
	html_f(b, "<p>%s</p>\n", T(r, M_INTRA_FORM_INTRO));
	form_fields_summary(r, p, intrapreneur_fields, intrapreneur_nfields);
	form_begin(r, arena_printf(r->arena, "/initiatieven/%s/uren", initiative_id), true);
	struct choice *c = arena_alloc(r->arena, sizeof *c * n);
	for (size_t i = 0; i < n; i++)
		c[i] = (struct choice){ mine[i].party_id, mine[i].party_name, NULL,
					n == 1 || (h->party_id && !strcmp(h->party_id, mine[i].party_id)), 0 };
	const struct field_desc *d = fields_find(intrapreneur_fields, intrapreneur_nfields, "party");
	field_choices(r, "party", d->label[r->lang], d->hint[r->lang], c, n, false, p);
	form_field(r, intrapreneur_fields, intrapreneur_nfields, "hoursPerWeek", h, typed, p);
	form_field(r, intrapreneur_fields, intrapreneur_nfields, "since", h, typed, p);
	form_submit_end(r, T(r, M_INTRA_SAVE));
	if (recorded)
		form_button(r, arena_printf(r->arena, "/initiatieven/%s/uren/verwijderen", initiative_id),
			    T(r, M_INTRA_REMOVE), "danger", NULL);
}

static void intrapreneurship(struct http_req *r, const char *initiative_id, const struct initiative_rel *rel)
{
	struct buf *b = &r->out;
	struct intrapreneurship in;
	if (intrapreneur_of_known(r->store, r->arena, &r->viewer, initiative_id, rel, &in))
		return;
	html_f(b, "<h3 id=\"intrapreneurs-title\">%s</h3>\n<p>%s</p>\n", T(r, M_INTRA_TITLE), T(r, M_INTRA_INTRO));
	if (!in.people) {
		html_f(b, "<p>%s</p>\n", T(r, M_INTRA_NONE));
	} else {
		html_f(b, "<p class=\"intrapreneur-total\">");
		html_f(b, TP(r, M_INTRA_TOTAL, in.hours), in.hours);
		html_raw(b, ", ");
		html_f(b, TP(r, M_INTRA_PEOPLE, in.people), in.people);
		html_raw(b, "</p>\n");
	}
	if (in.nparties) {
		html_f(b, "<div class=\"table-wrap\">\n<table class=\"intrapreneur-parties\">\n<caption>%s</caption>\n"
			  "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		       T(r, M_INTRA_PARTIES_CAPTION), T(r, M_INTRA_COL_EMPLOYER), T(r, M_PARTNER_COL_HOURS),
		       T(r, M_INTRA_COL_PEOPLE));
		for (size_t i = 0; i < in.nparties; i++)
			html_f(b, "<tr><th scope=\"row\"><a href=\"/partijen/%s\" lang=\"nl\">%s</a></th><td>%lld</td><td>%lld</td></tr>\n",
			       in.parties[i].id, in.parties[i].name, in.parties[i].hours, in.parties[i].people);
		html_raw(b, "</tbody>\n</table>\n</div>\n");
	}
	const struct intrapreneur *mine = NULL;
	if (in.npeople) {
		html_f(b, "<div class=\"table-wrap\">\n<table class=\"intrapreneur-people\">\n<caption>%s</caption>\n"
			  "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		       T(r, in.names_shown ? M_INTRA_PEOPLE_CAPTION : M_INTRA_MINE_CAPTION), T(r, M_INTRA_COL_PERSON),
		       T(r, M_INTRA_COL_EMPLOYER), T(r, M_PARTNER_COL_HOURS), T(r, M_PARTNER_COL_SINCE));
		for (size_t i = 0; i < in.npeople; i++) {
			const struct intrapreneur *h = &in.people_rows[i];
			if (!strcmp(h->user_id, r->viewer.user_id))
				mine = h;
			html_f(b, "<tr><th scope=\"row\">%s</th><td lang=\"nl\">%s</td><td>%lld</td><td><time datetime=\"%s\">%s</time></td></tr>\n",
			       h->name, h->party_name, h->hours_per_week, h->since, date_of(r, h->since));
		}
		html_raw(b, "</tbody>\n</table>\n</div>\n");
	}
	if (!r->viewer.authenticated)
		return;
	/* the form is a page of its own: beside the add form of partners, its
	 * fields would share their ids */
	html_f(b, "<h3 id=\"hours-title\">%s</h3>\n", T(r, M_INTRA_FORM_TITLE));
	struct membership *parties;
	size_t n = 0;
	if (member_of(r->store, r->arena, r->viewer.user_id, &parties, &n) || !n) {
		html_f(b, "<p>%s</p>\n", T(r, M_INTRA_NO_PARTY));
		return;
	}
	html_f(b, "<p>%s</p>\n<p><a href=\"/initiatieven/%s/uren\">%s</a></p>\n", T(r, M_INTRA_FORM_INTRO), initiative_id,
	       T(r, mine ? M_INTRA_CHANGE : M_INTRA_GIVE));
	if (mine)
		form_button(r, arena_printf(r->arena, "/initiatieven/%s/uren/verwijderen", initiative_id), T(r, M_INTRA_REMOVE),
			    "danger", NULL);
}

void initiative_part_partners(struct http_req *r, const struct initiative *in)
{
	struct buf *b = &r->out;
	struct partner *items;
	size_t n;
	if (partner_list_known(r->store, r->arena, &r->viewer, in->id, &items, &n))
		return;
	html_f(b, "<section id=\"partners\" aria-labelledby=\"partners-title\">\n<h2 id=\"partners-title\">%s</h2>\n<p>%s</p>\n",
	       T(r, M_PARTNERS_TITLE), T(r, M_PARTNERS_INTRO));
	if (n)
		partners_table(r, &in->rel, in->id, items, n);
	else
		html_f(b, "<p>%s</p>\n", T(r, M_PARTNERS_NONE));
	if (partner_may(&r->viewer, &in->rel, ACT_CREATE)) {
		html_f(b, "<h3 id=\"partner-add-title\">%s</h3>\n<p>%s</p>\n", T(r, M_PARTNER_ADD_TITLE),
		       T(r, M_PARTNER_ADD_INTRO));
		form_begin(r, arena_printf(r->arena, "/initiatieven/%s/partners", in->id), true);
		struct partner empty = { 0 };
		add_fields(r, in->id, in->area, &empty, NULL, NULL);
		form_submit_end(r, T(r, M_PARTNER_ADD));
	} else if (!r->viewer.authenticated) {
		html_f(b, "<p>%s <a href=\"%s\">%s</a></p>\n", T(r, M_PARTNERS_WHO),
		       page_url(r, "/inloggen", "next", initiative_url(r, in->id, "partners"), NULL, NULL),
		       T(r, M_PARTNERS_LOGIN));
	} else {
		html_f(b, "<p class=\"meta\">%s</p>\n", T(r, M_PARTNERS_WHO));
	}
	intrapreneurship(r, in->id, &in->rel);
	html_raw(b, "</section>\n");
}

/* The initiative of the URL, for a form: answers and returns false when
 * the viewer is logged out (to the login) or there is none. */
static bool load(struct http_req *r, struct initiative_rel *rel)
{
	bool valid = uuid_valid(r->params[0], strlen(r->params[0]));
	if (page_login_needed(r, valid ? initiative_url(r, r->params[0], "partners") : "/"))
		return false;
	int rc = valid ? initiative_relation(store_reader(r->store), &r->viewer, r->params[0], rel) : 0;
	if (rc || !valid || !rel->found) {
		web_error_page(r, rc ? 500 : 404);
		return false;
	}
	return true;
}

static void crumbs(struct http_req *r, const struct initiative_rel *rel, const char *title)
{
	html_f(&r->out, "<p class=\"crumbs\"><a href=\"%s\">%s: <span lang=\"nl\">%s</span></a></p>\n<h1>%s</h1>\n",
	       initiative_url(r, r->params[0], "partners"), T(r, M_BACK_TO_INITIATIVE), rel->title, title);
}

static void fail(struct http_req *r, int rc)
{
	if (rc == ERR_CONFLICT)
		page_message(r, 409, T(r, M_PARTNER_ADD_TITLE), T(r, M_PARTNERS_FULL));
	else
		web_fail(r, rc, initiative_url(r, r->params[0], "partners"));
}

static void render_add(struct http_req *r, const struct initiative_rel *rel, const struct partner *pt,
		       const struct form_typed *typed, const struct problems *p)
{
	page_begin(r, T(r, M_PARTNER_ADD_TITLE), NAV_NONE);
	crumbs(r, rel, T(r, M_PARTNER_ADD_TITLE));
	html_f(&r->out, "<p>%s</p>\n", T(r, M_PARTNER_ADD_INTRO));
	form_fields_summary(r, p, partner_fields, partner_nfields);
	form_begin(r, arena_printf(r->arena, "/initiatieven/%s/partners", r->params[0]), true);
	add_fields(r, r->params[0], rel->area, pt, typed, p);
	form_submit_end(r, T(r, M_PARTNER_ADD));
	page_end(r);
}

/* /initiatieven/{id}/partners: the add form, and its post. */
static void page_partner_add(struct http_req *r)
{
	struct initiative_rel rel;
	if (!load(r, &rel))
		return;
	if (!partner_may(&r->viewer, &rel, ACT_CREATE)) {
		web_error_page(r, 403);
		return;
	}
	struct partner pt = { 0 };
	struct form_typed typed = { 0 };
	if (r->method != HM_POST) {
		render_add(r, &rel, &pt, &typed, NULL);
		return;
	}
	struct form fm;
	if (!page_form(r, &fm))
		return;
	struct problems p = { 0 };
	form_read_fields(r, &fm, partner_fields, partner_nfields, &pt, &typed, &p);
	int rc = partner_create(r->store, r->arena, &r->viewer, r->params[0], &pt, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		render_add(r, &rel, &pt, &typed, &p);
		return;
	}
	if (rc)
		fail(r, rc);
	else
		http_redirect(r, initiative_url(r, r->params[0], "partners"));
}

/* The partner of the URL, and whether the viewer may change it. */
static bool load_partner(struct http_req *r, struct initiative_rel *rel, struct partner *pt, bool *own_only)
{
	if (!load(r, rel))
		return false;
	int rc = partner_get(r->store, r->arena, &r->viewer, r->params[0], r->params[1], pt);
	if (!rc && !partner_may_edit(r->store, &r->viewer, rel, pt, own_only))
		rc = ERR_FORBIDDEN;
	if (rc)
		fail(r, rc);
	return !rc;
}

static void render_edit(struct http_req *r, const struct initiative_rel *rel, const struct partner *pt,
			const struct form_typed *typed, const struct problems *p, bool own_only)
{
	struct buf *b = &r->out;
	page_begin(r, T(r, M_PARTNER_EDIT_TITLE), NAV_NONE);
	crumbs(r, rel, arena_printf(r->arena, "%s: %s", T(r, M_PARTNER_EDIT_TITLE), pt->party_name));
	form_fields_summary(r, p, partner_fields, partner_nfields);
	form_begin(r, arena_printf(r->arena, "/initiatieven/%s/partners/%s/bewerken", r->params[0], pt->id), true);
	if (own_only) {
		html_f(b, "<p>%s</p>\n<dl class=\"facts\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>\n",
		       T(r, M_PARTNER_EDIT_OWN), T(r, M_PARTNER_COL_ROLE), role_name(r, pt->role), T(r, M_PARTNER_COL_SINCE),
		       date_of(r, pt->since));
	} else {
		role_choices(r, pt->role, p);
	}
	form_field(r, partner_fields, partner_nfields, "contribution", pt, typed, p);
	form_field(r, partner_fields, partner_nfields, "hoursPerWeek", pt, typed, p);
	if (!own_only)
		form_field(r, partner_fields, partner_nfields, "since", pt, typed, p);
	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"%s\">%s</a></div>\n",
	       T(r, M_SAVE), initiative_url(r, r->params[0], "partners"), T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

static void page_partner_edit(struct http_req *r)
{
	struct initiative_rel rel;
	struct partner pt;
	bool own_only;
	if (!load_partner(r, &rel, &pt, &own_only))
		return;
	struct form_typed typed = { 0 };
	if (r->method != HM_POST) {
		form_typed_from(r, partner_fields, partner_nfields, &pt, &typed);
		render_edit(r, &rel, &pt, &typed, NULL, own_only);
		return;
	}
	struct form fm;
	if (!page_form(r, &fm))
		return;
	const struct partner was = pt;
	struct problems p = { 0 };
	form_read_fields(r, &fm, partner_fields, partner_nfields, &pt, &typed, &p);
	if (own_only) { /* not on the form: as they were */
		pt.role = was.role;
		pt.since = was.since;
	}
	int rc = partner_update(r->store, r->arena, &r->viewer, r->params[0], &was, &pt, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		render_edit(r, &rel, &pt, &typed, &p, own_only);
		return;
	}
	if (rc)
		fail(r, rc);
	else
		http_redirect(r, initiative_url(r, r->params[0], "partners"));
}

static void page_partner_delete(struct http_req *r)
{
	struct initiative_rel rel;
	struct partner pt;
	bool own_only;
	if (!load_partner(r, &rel, &pt, &own_only))
		return;
	if (r->method == HM_POST) {
		struct form fm;
		if (!page_form(r, &fm))
			return;
		int rc = partner_delete(r->store, r->arena, &r->viewer, r->params[0], pt.id);
		if (rc)
			fail(r, rc);
		else
			http_redirect(r, initiative_url(r, r->params[0], "partners"));
		return;
	}
	const char *title = T(r, own_only ? M_PARTNER_WITHDRAW : M_PARTNER_DELETE_TITLE);
	page_begin(r, title, NAV_NONE);
	crumbs(r, &rel, arena_printf(r->arena, "%s: %s", title, pt.party_name));
	html_f(&r->out, "<p>%s</p>\n", T(r, M_PARTNER_DELETE_CONFIRM));
	form_begin(r, arena_printf(r->arena, "/initiatieven/%s/partners/%s/verwijderen", r->params[0], pt.id), true);
	html_f(&r->out, "<div class=\"actions\"><button type=\"submit\" class=\"danger\">%s</button> <a href=\"%s\">%s</a></div>\n",
	       T(r, M_PARTNER_DELETE_YES), initiative_url(r, r->params[0], "partners"), T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

/* /initiatieven/{id}/uren: one's own hours (the form is on the
 * initiative's page; this page shows it again with its problems). */
static void page_hours(struct http_req *r)
{
	struct initiative_rel rel;
	if (!load(r, &rel))
		return;
	struct intrapreneur h = { 0 };
	struct form_typed typed = { 0 };
	struct problems p = { 0 };
	bool recorded = intrapreneur_get(r->store, r->arena, &r->viewer, r->params[0], "me", &h) == 0;
	if (r->method == HM_POST) {
		struct form fm;
		if (!page_form(r, &fm))
			return;
		h = (struct intrapreneur){ 0 };
		form_read_fields(r, &fm, intrapreneur_fields, intrapreneur_nfields, &h, &typed, &p);
		bool created;
		int rc = intrapreneur_set(r->store, r->arena, &r->viewer, r->params[0], "me", &h, &p, &created);
		if (!rc) {
			http_redirect(r, initiative_url(r, r->params[0], "intrapreneurs-title"));
			return;
		}
		if (rc != ERR_INVALID) {
			fail(r, rc);
			return;
		}
		r->status = 400;
	} else if (recorded) {
		form_typed_from(r, intrapreneur_fields, intrapreneur_nfields, &h, &typed);
	}
	page_begin(r, T(r, M_INTRA_FORM_TITLE), NAV_NONE);
	crumbs(r, &rel, T(r, M_INTRA_FORM_TITLE));
	hours_form(r, r->params[0], &h, &typed, r->method == HM_POST ? &p : NULL, recorded);
	page_end(r);
}

static void page_hours_delete(struct http_req *r)
{
	struct initiative_rel rel;
	if (!load(r, &rel))
		return;
	struct form fm;
	if (!page_form(r, &fm))
		return;
	int rc = intrapreneur_delete(r->store, &r->viewer, r->params[0], "me");
	if (rc)
		fail(r, rc);
	else
		http_redirect(r, initiative_url(r, r->params[0], "intrapreneurs-title"));
}

const struct http_route web_partners_routes[] = {
	{ HM_GET | HM_POST, "/initiatieven/{id}/partners", page_partner_add, 0 },
	{ HM_GET | HM_POST, "/initiatieven/{id}/partners/{partner}/bewerken", page_partner_edit, 0 },
	{ HM_GET | HM_POST, "/initiatieven/{id}/partners/{partner}/verwijderen", page_partner_delete, 0 },
	{ HM_GET | HM_POST, "/initiatieven/{id}/uren", page_hours, 0 },
	{ HM_POST, "/initiatieven/{id}/uren/verwijderen", page_hours_delete, 0 },
	{ 0 },
};
