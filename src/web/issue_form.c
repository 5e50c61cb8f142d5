/* /vraagstukken/nieuw and /vraagstukken/{id}/bewerken: writing down and
 * changing a social issue through forms that work without JavaScript, keep
 * what was typed, and show each problem beside its field. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/issue.h"
#include "../model/member.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

struct issue_form {
	char id[UUID_STRLEN + 1]; /* "" for a new one */
	struct issue_input in;
	const char *groups_text;
};

/* Splits on commas. */
static struct strlist split_groups(struct http_req *r, const char *s)
{
	struct strlist l = { arena_alloc(r->arena, sizeof(char *) * 64), 0 };
	while (s && *s && l.n < 64) {
		const char *comma = strchr(s, ',');
		size_t n = comma ? (size_t)(comma - s) : strlen(s);
		if (n)
			l.v[l.n++] = arena_strndup(r->arena, s, n);
		s = comma ? comma + 1 : NULL;
	}
	return l;
}

static const char *join(struct http_req *r, const struct strlist *l)
{
	struct buf b = BUF_INIT(64 * 1024);
	for (size_t i = 0; i < l->n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", l->v[i]);
	const char *s = arena_strdup(r->arena, b.ptr ? b.ptr : "");
	buf_release(&b);
	return s;
}

static void read_form(struct http_req *r, const struct form *f, struct issue_form *ff, bool is_new)
{
	ff->in.title = form_get(f, "title");
	ff->in.summary = form_get(f, "summary");
	ff->in.description = form_get(f, "description");
	ff->in.area = form_get(f, "area");
	ff->in.owner_party = form_get(f, "ownerParty");
	if (ff->in.owner_party && !*ff->in.owner_party)
		ff->in.owner_party = NULL;
	if (ff->in.area && !*ff->in.area)
		ff->in.area = NULL;
	ff->groups_text = form_get(f, "targetGroups");
	ff->in.target_groups = split_groups(r, ff->groups_text);
	if (is_new)
		ff->in.status = form_get(f, "status");
}

/* The parties to offer as owner: the viewer's own, and for coordinators
 * and admins the first hundred of all (a field for the id if there are
 * more). Keeps the current owner among them. Returns false when a field
 * for the id serves instead. */
static bool owner_choices(struct http_req *r, const char *current, struct choice **out, size_t *n)
{
	enum { MAX = 100 };
	struct choice *c = arena_alloc(r->arena, sizeof *c * (MAX + 64));
	size_t count = 0;
	bool all = r->viewer.role == PROLE_ADMIN || r->viewer.role == PROLE_COORDINATOR;
	if (all) {
		struct party_filter f = { .limit = MAX, .sort = SORT_NAME };
		struct problems p = { 0 };
		struct party *items;
		size_t np;
		const char *next;
		if (party_list(r->store, r->arena, &r->viewer, &f, &p, &items, &np, &next) || next)
			return false;
		for (size_t i = 0; i < np; i++)
			c[count++] = (struct choice){ arena_strdup(r->arena, items[i].id), items[i].name, NULL, false, 0 };
	} else {
		struct membership *ms;
		size_t nm;
		if (member_of(r->store, r->arena, r->viewer.user_id, &ms, &nm) == 0)
			for (size_t i = 0; i < nm && count < MAX; i++)
				c[count++] = (struct choice){ arena_strdup(r->arena, ms[i].party_id), ms[i].party_name,
							      NULL, false, 0 };
	}
	bool found = false;
	for (size_t i = 0; i < count; i++)
		if (current && !strcmp(c[i].value, current))
			c[i].checked = found = true;
	if (current && !found) {
		struct party pa;
		if (party_get(r->store, r->arena, &r->viewer, current, &pa) == 0)
			c[count++] = (struct choice){ arena_strdup(r->arena, pa.id), pa.name, NULL, true, 0 };
	}
	*out = c;
	*n = count;
	return true;
}

static void render_form(struct http_req *r, const struct issue_form *ff, const struct problems *p)
{
	struct buf *b = &r->out;
	bool is_new = !ff->id[0];
	const char *title = T(r, is_new ? M_ISSUE_NEW_TITLE : M_ISSUE_EDIT_TITLE);
	page_begin(r, title, NAV_ISSUES);
	html_f(b, "<p class=\"crumbs\"><a href=\"/vraagstukken\">%s</a></p>\n<h1>%s</h1>\n", T(r, M_BACK_TO_ISSUES),
	       title);
	struct choice *owners;
	size_t nowners = 0;
	bool pick = owner_choices(r, ff->in.owner_party, &owners, &nowners);
	if (is_new && pick && !nowners) {
		html_f(b, "<p>%s</p>\n<p><a class=\"button\" href=\"/partijen/nieuw\">%s</a></p>\n",
		       T(r, M_ISSUE_NO_PARTIES), T(r, M_PARTY_ADD));
		page_end(r);
		return;
	}
	if (is_new && nowners == 1 && !ff->in.owner_party)
		owners[0].checked = true;
	const struct field_label labels[] = {
		{ "title", T(r, M_ISSUE_TITLE_LABEL) }, { "summary", T(r, M_ISSUE_SUMMARY) },
		{ "description", T(r, M_DESCRIPTION) }, { "area", T(r, M_AREA) },
		{ "ownerParty", T(r, M_ISSUE_OWNER) }, { "targetGroups", T(r, M_TARGET_GROUPS) },
		{ "status", T(r, M_ISSUE_START) },
	};
	form_error_summary(r, p, labels, sizeof labels / sizeof labels[0]);
	form_begin(r, is_new ? "/vraagstukken/nieuw" : arena_printf(r->arena, "/vraagstukken/%s/bewerken", ff->id), true);

	struct field tf = { .name = "title", .label = T(r, M_ISSUE_TITLE_LABEL), .hint = T(r, M_ISSUE_TITLE_HINT),
			    .value = ff->in.title, .required = true };
	field_text(r, &tf, p);
	struct field sf = { .name = "summary", .label = T(r, M_ISSUE_SUMMARY), .hint = T(r, M_ISSUE_SUMMARY_HINT),
			    .value = ff->in.summary, .required = true };
	field_textarea(r, &sf, 3, p);
	struct field df = { .name = "description", .label = T(r, M_DESCRIPTION), .hint = T(r, M_ISSUE_DESCRIPTION_HINT),
			    .value = ff->in.description };
	field_textarea(r, &df, 8, p);

	struct area *areas = NULL;
	size_t nareas = 0;
	if (web_area_choices(r, 200, &areas, &nareas) && nareas) {
		struct choice *ac = arena_alloc(r->arena, sizeof *ac * nareas);
		for (size_t i = 0; i < nareas; i++)
			ac[i] = (struct choice){ areas[i].code, areas[i].name, NULL,
						 ff->in.area && !strcmp(ff->in.area, areas[i].code), area_depth(&areas[i]) - 1 };
		field_choices(r, "area", T(r, M_AREA), T(r, M_ISSUE_AREA_HINT), ac, nareas, false, p);
	} else {
		struct field af = { .name = "area", .label = T(r, M_AREA_CODE), .hint = T(r, M_AREA_CODE_HINT),
				    .value = ff->in.area, .required = true };
		field_text(r, &af, p);
	}

	if (pick) {
		field_choices(r, "ownerParty", T(r, M_ISSUE_OWNER), T(r, M_ISSUE_OWNER_HINT), owners, nowners, false, p);
	} else {
		struct field of = { .name = "ownerParty", .label = T(r, M_ISSUE_OWNER), .hint = T(r, M_ISSUE_OWNER_ID_HINT),
				    .value = ff->in.owner_party, .required = true };
		field_text(r, &of, p);
	}

	struct field gf = { .name = "targetGroups", .label = T(r, M_TARGET_GROUPS), .hint = T(r, M_TARGET_GROUPS_HINT),
			    .value = ff->groups_text };
	field_text(r, &gf, p);

	if (is_new) {
		bool signalled = ff->in.status && !strcmp(ff->in.status, "signalled");
		struct choice st[2] = {
			{ "formulated", issue_statuses[ISSUE_FORMULATED].name[r->lang], T(r, M_ISSUE_START_FORMULATED_HINT), !signalled, 0 },
			{ "signalled", issue_statuses[ISSUE_SIGNALLED].name[r->lang], T(r, M_ISSUE_START_SIGNALLED_HINT), signalled, 0 },
		};
		field_choices(r, "status", T(r, M_ISSUE_START), NULL, st, 2, false, p);
	}
	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"%s\">%s</a></div>\n",
	       T(r, M_SAVE), is_new ? "/vraagstukken" : arena_printf(r->arena, "/vraagstukken/%s", ff->id),
	       T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

static void fail(struct http_req *r, int rc)
{
	r->cfg->page_error(r, rc == ERR_NOTFOUND ? 404 : rc == ERR_FORBIDDEN ? 403 : 500);
}

void page_issue_new(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		page_require_login(r);
		return;
	}
	struct issue_form ff = { 0 };
	if (r->method != HM_POST) {
		render_form(r, &ff, NULL);
		return;
	}
	struct form f;
	if (!http_form_parse(r, &f)) {
		r->cfg->page_error(r, 400);
		return;
	}
	read_form(r, &f, &ff, true);
	struct problems p = { 0 };
	struct issue is;
	int rc = issue_create(r->store, r->arena, &r->viewer, &ff.in, &is, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		render_form(r, &ff, &p);
		return;
	}
	if (rc) {
		fail(r, rc);
		return;
	}
	http_redirect(r, arena_printf(r->arena, "/vraagstukken/%s?opgeslagen=1", is.id));
}

void page_issue_edit(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		page_require_login(r);
		return;
	}
	struct issue is;
	int rc = issue_get(r->store, r->arena, &r->viewer, r->params[0], &is);
	if (!rc && !issue_can(&r->viewer, &is, OBJ_ISSUE, ACT_UPDATE))
		rc = ERR_FORBIDDEN;
	if (rc) {
		fail(r, rc);
		return;
	}
	struct issue_form ff = { 0 };
	memcpy(ff.id, is.id, sizeof ff.id);
	if (r->method != HM_POST) {
		ff.in = (struct issue_input){ .title = is.title, .summary = is.summary, .description = is.description,
					      .area = is.area, .owner_party = is.owner_party,
					      .target_groups = is.target_groups };
		ff.groups_text = join(r, &is.target_groups);
		render_form(r, &ff, NULL);
		return;
	}
	struct form f;
	if (!http_form_parse(r, &f)) {
		r->cfg->page_error(r, 400);
		return;
	}
	read_form(r, &f, &ff, false);
	struct problems p = { 0 };
	rc = issue_update(r->store, r->arena, &r->viewer, &is, &ff.in, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		render_form(r, &ff, &p);
		return;
	}
	if (rc) {
		fail(r, rc);
		return;
	}
	http_redirect(r, arena_printf(r->arena, "/vraagstukken/%s?opgeslagen=1", is.id));
}

const struct http_route web_issue_form_routes[] = {
	{ HM_GET | HM_POST, "/vraagstukken/nieuw", page_issue_new, 0 },
	{ HM_GET | HM_POST, "/vraagstukken/{id}/bewerken", page_issue_edit, 0 },
	{ 0 },
};
