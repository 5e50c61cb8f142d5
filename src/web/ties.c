/* A party's network on its page (/partijen/{id}, the section "netwerk"):
 * its ties each way, the parties it shares an initiative or coalition
 * with, its initiatives and coalitions; and the pages behind the form that
 * records a tie, /partijen/{id}/relaties, and the one that removes one,
 * /partijen/{id}/relaties/{tie}/verwijderen. Who may is the model's
 * (tie.h). */
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/uuid.h"
#include "../model/initiative.h"
#include "../model/party.h"
#include "../model/role.h"
#include "../model/tie.h"
#include "form_fields.h"
#include "html.h"
#include "layout.h"
#include "pages.h"
#include "party_parts.h"

/* Part B's section; empty until its file defines it. */
__attribute__((weak)) void party_part_intrapreneurship(struct http_req *r, const struct party *p)
{
	(void)r;
	(void)p;
}

/* The markup of a link to /prefix/id named name, escaped, in the arena. */
static const char *link_to(struct http_req *r, const char *prefix, const char *id, const char *name)
{
	struct buf b = BUF_INIT(4096);
	html_f(&b, "<a href=\"/%s/%s\" lang=\"nl\">%s</a>", prefix, id, name);
	const char *out = arena_strdup(r->arena, b.ptr);
	buf_release(&b);
	return out;
}

static const char *party_link(struct http_req *r, const char *id, const char *name)
{
	return link_to(r, "partijen", id, name);
}

/* A text with %s for each of the markups of links, its own words escaped. */
static void with_links(struct http_req *r, const char *fmt, const char *const *links, size_t n)
{
	size_t used = 0;
	for (const char *s = fmt; *s;) {
		const char *at = strstr(s, "%s");
		size_t len = at ? (size_t)(at - s) : strlen(s);
		html_f(&r->out, "%s", arena_strndup(r->arena, s, len));
		if (!at)
			break;
		if (used < n)
			html_raw(&r->out, links[used++]);
		s = at + 2;
	}
}

/* What the form to record a tie holds, as typed. */
struct tie_typed {
	const char *direction; /* "out" or "in" */
	const char *other;
	struct tie t;
};

/* The parties to choose the other from: the first 100 by name, or NULL
 * (a box for its id serves). */
static struct choice *other_choices(struct http_req *r, const char *self, const char *current, size_t *n)
{
	struct party_filter f = { .limit = 100, .sort = SORT_NAME };
	struct problems p = { 0 };
	struct party *items;
	size_t np;
	const char *next;
	*n = 0;
	if (party_list(r->store, r->arena, &r->viewer, &f, &p, &items, &np, &next) || next)
		return NULL;
	struct choice *c = arena_alloc(r->arena, sizeof *c * (np + 1));
	for (size_t i = 0; i < np; i++)
		if (strcmp(items[i].id, self) != 0)
			c[(*n)++] = (struct choice){ arena_strdup(r->arena, items[i].id), items[i].name, NULL,
						     current && !strcmp(current, items[i].id), 0 };
	return c;
}

/* The form that records a tie of the party pa; its problems on "from" and
 * "to" are the other party's. */
static void tie_form(struct http_req *r, const struct party *pa, const struct tie_typed *typed,
		     const struct problems *p)
{
	static const struct tie_typed none = { 0 };
	if (!typed)
		typed = &none;
	struct problems shown = { 0 };
	for (size_t i = 0; p && i < p->n; i++) {
		shown.v[shown.n] = p->v[i];
		if (!strcmp(p->v[i].field, "from") || !strcmp(p->v[i].field, "to"))
			shown.v[shown.n].field = "other";
		shown.n++;
	}
	const struct field_label labels[] = {
		{ "other", T(r, M_TIE_OTHER) }, { "kind", fields_find(tie_fields, tie_nfields, "kind")->label[r->lang] },
		{ "since", fields_find(tie_fields, tie_nfields, "since")->label[r->lang] },
		{ "note", fields_find(tie_fields, tie_nfields, "note")->label[r->lang] },
	};
	form_error_summary(r, &shown, labels, sizeof labels / sizeof labels[0]);
	form_begin(r, arena_printf(r->arena, "/partijen/%s/relaties", pa->id), true);
	bool in = typed->direction && !strcmp(typed->direction, "in");
	const struct choice dir[2] = { { "out", T(r, M_TIE_DIRECTION_OUT), NULL, !in, 0 },
				       { "in", T(r, M_TIE_DIRECTION_IN), NULL, in, 0 } };
	field_choices(r, "direction", T(r, M_TIE_DIRECTION), NULL, dir, 2, false, &shown);
	size_t n;
	struct choice *c = problems_find(&shown, "other") ? NULL : other_choices(r, pa->id, typed->other, &n);
	if (c && n) {
		field_select(r, "other", T(r, M_TIE_OTHER), NULL, c, n);
	} else {
		struct field f = { .name = "other", .label = T(r, M_TIE_OTHER), .hint = T(r, M_TIE_OTHER_ID_HINT),
				   .value = typed->other, .required = true };
		field_text(r, &f, &shown);
	}
	form_field(r, tie_fields, tie_nfields, "kind", &typed->t, NULL, &shown);
	form_field(r, tie_fields, tie_nfields, "since", &typed->t, NULL, &shown);
	form_field(r, tie_fields, tie_nfields, "note", &typed->t, NULL, &shown);
	form_submit_end(r, T(r, M_TIE_ADD));
}

/* One tie as a sentence, "X financiert Y", with since and its button (for
 * who may record ties of pa, can, or else of the other party). */
static void tie_item(struct http_req *r, const struct party *pa, const struct network_link *l, bool can)
{
	struct buf *b = &r->out;
	int k = enum_find(tie_kinds, TIE_KIND_COUNT, l->kind);
	const char *self = party_link(r, pa->id, pa->name), *other = party_link(r, l->party, l->party_name);
	html_raw(b, "<li>");
	if (k >= 0)
		with_links(r, tie_kind_sentence[k][r->lang], (const char *const[]){ l->outgoing ? self : other,
										   l->outgoing ? other : self }, 2);
	html_f(b, " <span class=\"meta\">%s %s</span>", T(r, M_COAL_SINCE), page_date(r, l->since));
	if (can || (r->viewer.authenticated && tie_can(r->store, &r->viewer, l->party)))
		html_f(b, " <a href=\"/partijen/%s/relaties/%s/verwijderen\" aria-label=\"%s\">%s</a>", pa->id, l->tie_id,
		       arena_printf(r->arena, T(r, M_TIE_REMOVE_LABEL), l->party_name), T(r, M_TIE_REMOVE));
	html_raw(b, "</li>\n");
}

static void network_section(struct http_req *r, const struct party *pa, const struct tie_typed *typed,
			    const struct problems *p)
{
	struct network net;
	if (tie_network(r->store, r->arena, &r->viewer, pa->id, &net))
		return;
	struct buf *b = &r->out;
	bool can = r->viewer.authenticated && tie_can(r->store, &r->viewer, pa->id);
	page_section(r, "netwerk", T(r, M_NET_TITLE));
	static const struct notice notices[] = { { "vastgelegd", M_TIE_ADDED }, { "verwijderd", M_TIE_REMOVED } };
	page_notices(r, "relatie", notices, 2);
	html_f(b, "<p>%s</p>\n", T(r, M_NET_INTRO));

	html_f(b, "<h3>%s</h3>\n", T(r, M_NET_TIES));
	if (!net.nties)
		html_f(b, "<p>%s</p>\n", T(r, M_NET_TIES_NONE));
	else
		html_raw(b, "<ul class=\"ties\">\n");
	for (size_t i = 0; i < net.nties; i++)
		tie_item(r, pa, &net.ties[i], can);
	if (net.nties)
		html_raw(b, "</ul>\n");

	html_f(b, "<h3>%s</h3>\n", T(r, M_NET_DERIVED));
	if (!net.nderived)
		html_f(b, "<p>%s</p>\n", T(r, M_NET_DERIVED_NONE));
	else
		html_raw(b, "<ul class=\"ties derived\">\n");
	for (size_t i = 0; i < net.nderived; i++) {
		const struct network_link *l = &net.derived[i];
		bool coalition = !strcmp(l->via, "coalition");
		const char *via = link_to(r, coalition ? "samenwerkingen" : "initiatieven", l->via_id, l->via_name);
		html_f(b, "<li>");
		html_raw(b, party_link(r, l->party, l->party_name));
		html_raw(b, " · ");
		with_links(r, T(r, coalition ? M_NET_VIA_COALITION : M_NET_VIA_INITIATIVE), &via, 1);
		html_raw(b, "</li>\n");
	}
	if (net.nderived)
		html_raw(b, "</ul>\n");

	html_f(b, "<h3>%s</h3>\n", T(r, M_NET_INITIATIVES));
	if (!net.ninitiatives)
		html_f(b, "<p>%s</p>\n", T(r, M_NET_INITIATIVES_NONE));
	else
		html_raw(b, "<ul>\n");
	for (size_t i = 0; i < net.ninitiatives; i++) {
		const struct network_place *pl = &net.initiatives[i];
		const struct role *ro = pl->role ? role_find(pl->role) : NULL;
		html_f(b, "<li><a href=\"/initiatieven/%s\" lang=\"nl\">%s</a> <span class=\"meta\">%s · %s</span></li>\n",
		       pl->id, pl->name,
		       pl->role && !strcmp(pl->role, "lead") ? T(r, M_NET_LEAD) : ro ? ro->name[r->lang] : T(r, M_COAL_ROLE_NONE),
		       web_enum_name(r, initiative_stages, STAGE_COUNT, pl->stage));
	}
	if (net.ninitiatives)
		html_raw(b, "</ul>\n");

	html_f(b, "<h3>%s</h3>\n", T(r, M_NET_COALITIONS));
	if (!net.ncoalitions)
		html_f(b, "<p>%s</p>\n", T(r, M_NET_COALITIONS_NONE));
	else
		html_raw(b, "<ul>\n");
	for (size_t i = 0; i < net.ncoalitions; i++) {
		const struct network_place *pl = &net.coalitions[i];
		const struct role *ro = pl->role ? role_find(pl->role) : NULL;
		html_f(b, "<li><a href=\"/samenwerkingen/%s\" lang=\"nl\">%s</a>", pl->id, pl->name);
		if (ro || pl->admin)
			html_f(b, " <span class=\"meta\">%s%s%s</span>", ro ? ro->name[r->lang] : "", ro && pl->admin ? " · " : "",
			       pl->admin ? T(r, M_COAL_MANAGES) : "");
		html_raw(b, "</li>\n");
	}
	if (net.ncoalitions)
		html_raw(b, "</ul>\n");

	if (can) {
		html_f(b, "<h3 id=\"relatie-toevoegen\">%s</h3>\n", T(r, M_TIE_ADD_TITLE));
		tie_form(r, pa, typed, p);
	} else if (!r->viewer.authenticated) {
		html_f(b, "<p>%s <a href=\"%s\">%s</a></p>\n", T(r, M_TIE_WHO),
		       page_url(r, "/inloggen", "next", arena_printf(r->arena, "/partijen/%s#netwerk", pa->id), NULL, NULL),
		       T(r, M_COAL_LOGIN));
	}
	html_raw(b, "</section>\n");
}

void party_part_network(struct http_req *r, const struct party *pa)
{
	network_section(r, pa, NULL, NULL);
}

/* The party of the URL, readable by the viewer; answers and returns false
 * when there is none. */
static bool load(struct http_req *r, struct party *pa)
{
	if (page_login_needed(r, uuid_valid(r->params[0], strlen(r->params[0]))
				       ? arena_printf(r->arena, "/partijen/%s#netwerk", r->params[0]) : "/"))
		return false;
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], pa);
	if (rc)
		web_fail(r, rc, NULL);
	return !rc;
}

static void page_head(struct http_req *r, const struct party *pa, const char *title)
{
	page_begin(r, title, NAV_PARTIES);
	html_f(&r->out, "<p class=\"crumbs\"><a href=\"/partijen/%s#netwerk\" lang=\"nl\">", pa->id);
	html_f(&r->out, T(r, M_TIE_BACK), pa->name);
	html_f(&r->out, "</a></p>\n<h1>%s</h1>\n", title);
}

/* /partijen/{id}/relaties: the form on a page of its own, and its post;
 * the form again with its problems beside the fields. */
static void page_tie_add(struct http_req *r)
{
	struct party pa;
	if (!load(r, &pa))
		return;
	struct tie_typed typed = { 0 };
	struct problems p = { 0 };
	int rc = 0;
	if (r->method == HM_POST) {
		struct form f;
		if (!page_form(r, &f))
			return;
		typed.direction = form_get(&f, "direction");
		typed.other = form_get(&f, "other");
		if (typed.other && !*typed.other)
			typed.other = NULL;
		form_read_fields(r, &f, tie_fields, tie_nfields, &typed.t, &(struct form_typed){ 0 }, &p);
		bool in = typed.direction && !strcmp(typed.direction, "in");
		typed.t.from = in ? typed.other : pa.id;
		typed.t.to = in ? pa.id : typed.other;
		const char *dup = NULL;
		rc = tie_create(r->store, r->arena, &r->viewer, &typed.t, &p, &dup);
		if (!rc) {
			http_redirect(r, arena_printf(r->arena, "/partijen/%s?relatie=vastgelegd#netwerk", pa.id));
			return;
		}
		if (rc != ERR_INVALID && rc != ERR_CONFLICT) {
			web_fail(r, rc, NULL);
			return;
		}
		r->status = rc == ERR_CONFLICT ? 409 : 400;
	} else if (!tie_can(r->store, &r->viewer, pa.id)) {
		web_fail(r, ERR_FORBIDDEN, NULL);
		return;
	}
	page_head(r, &pa, T(r, M_TIE_ADD_TITLE));
	if (rc == ERR_CONFLICT)
		page_alert(r, "conflict", T(r, M_TIE_ADD_TITLE), T(r, M_TIE_DUPLICATE));
	tie_form(r, &pa, &typed, &p);
	page_end(r);
}

/* /partijen/{id}/relaties/{tie}/verwijderen: confirm, then remove. */
static void page_tie_remove(struct http_req *r)
{
	struct party pa;
	if (!load(r, &pa))
		return;
	struct tie t;
	int rc = tie_get(r->store, r->arena, &r->viewer, r->params[1], &t);
	if (!rc && strcmp(t.from, pa.id) && strcmp(t.to, pa.id))
		rc = ERR_NOTFOUND; /* not a tie of this party */
	if (!rc && !tie_can(r->store, &r->viewer, t.from) && !tie_can(r->store, &r->viewer, t.to))
		rc = ERR_FORBIDDEN;
	if (!rc && r->method == HM_POST) {
		struct form f;
		if (!page_form(r, &f))
			return;
		if (!(rc = tie_delete(r->store, &r->viewer, t.id))) {
			http_redirect(r, arena_printf(r->arena, "/partijen/%s?relatie=verwijderd#netwerk", pa.id));
			return;
		}
	}
	if (rc) {
		web_fail(r, rc, NULL);
		return;
	}
	page_head(r, &pa, T(r, M_TIE_REMOVE_TITLE));
	int k = enum_find(tie_kinds, TIE_KIND_COUNT, t.kind);
	html_f(&r->out, "<p>%s</p>\n<p><strong>", T(r, M_TIE_REMOVE_CONFIRM));
	if (k >= 0)
		html_f(&r->out, tie_kind_sentence[k][r->lang], t.from_name, t.to_name);
	html_raw(&r->out, "</strong></p>\n");
	form_begin(r, arena_printf(r->arena, "/partijen/%s/relaties/%s/verwijderen", pa.id, t.id), true);
	html_f(&r->out, "<div class=\"actions\"><button type=\"submit\" class=\"danger\">%s</button> <a href=\"/partijen/%s#netwerk\">%s</a></div>\n",
	       T(r, M_TIE_REMOVE_YES), pa.id, T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

const struct http_route web_ties_routes[] = {
	{ HM_GET | HM_POST, "/partijen/{id}/relaties", page_tie_add, 0 },
	{ HM_GET | HM_POST, "/partijen/{id}/relaties/{tie}/verwijderen", page_tie_remove, 0 },
	{ 0 },
};
