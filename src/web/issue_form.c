/* /vraagstukken/nieuw and /vraagstukken/{id}/bewerken: writing down and
 * changing a social issue through forms that work without JavaScript, keep
 * what was typed, and show each problem beside its field. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/issue.h"
#include "../model/member.h"
#include "form_fields.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

/* What the form holds: the issue, and the text as typed of its lists. */
struct issue_form {
	struct issue is; /* its id "" for a new one */
	struct form_typed typed;
};

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

/* The descriptor of the issue's field called name. */
static const struct field_desc *desc(const char *name)
{
	return fields_find(issue_fields, issue_nfields, name);
}

/* A field whose widget no descriptor says: its label and hint, and the
 * value. */
static struct field field_of(struct http_req *r, const char *name, const char *value)
{
	const struct field_desc *d = desc(name);
	return (struct field){ .name = d->name, .label = d->label[r->lang], .hint = d->hint[r->lang],
			       .value = value, .required = d->flags & F_REQUIRED };
}

static void render_form(struct http_req *r, const struct issue_form *ff, const struct problems *p)
{
	struct buf *b = &r->out;
	const struct issue *is = &ff->is;
	bool is_new = !is->id[0];
	const char *title = T(r, is_new ? M_ISSUE_NEW_TITLE : M_ISSUE_EDIT_TITLE);
	page_begin(r, title, NAV_ISSUES);
	html_f(b, "<p class=\"crumbs\"><a href=\"/vraagstukken\">%s</a></p>\n<h1>%s</h1>\n", T(r, M_BACK_TO_ISSUES),
	       title);
	struct choice *owners;
	size_t nowners = 0;
	bool pick = owner_choices(r, is->owner_party, &owners, &nowners);
	if (is_new && pick && !nowners) {
		html_f(b, "<p>%s</p>\n<p><a class=\"button\" href=\"/partijen/nieuw\">%s</a></p>\n",
		       T(r, M_ISSUE_NO_PARTIES), T(r, M_PARTY_ADD));
		page_end(r);
		return;
	}
	if (is_new && nowners == 1 && !is->owner_party)
		owners[0].checked = true;
	form_fields_summary(r, p, issue_fields, issue_nfields);
	form_begin(r, is_new ? "/vraagstukken/nieuw" : arena_printf(r->arena, "/vraagstukken/%s/bewerken", is->id), true);

	form_field(r, issue_fields, issue_nfields, "title", is, &ff->typed, p);
	form_field_as(r, issue_fields, issue_nfields, "summary", is, &ff->typed, p, &(struct field_look){ .rows = 3 });
	form_field(r, issue_fields, issue_nfields, "description", is, &ff->typed, p);

	/* one area, from the tree */
	struct field f = field_of(r, "area", is->area), code = f;
	code.label = T(r, M_AREA_CODE);
	code.hint = T(r, M_AREA_CODE_HINT);
	web_area_pick(r, &code, f.label, f.hint, 200, p);

	/* the owner, from the parties the viewer may choose */
	f = field_of(r, "ownerParty", is->owner_party);
	if (pick) {
		field_choices(r, f.name, f.label, f.hint, owners, nowners, false, p);
	} else {
		f.hint = T(r, M_ISSUE_OWNER_ID_HINT);
		field_text(r, &f, p);
	}

	form_field(r, issue_fields, issue_nfields, "targetGroups", is, &ff->typed, p);

	if (is_new) {
		/* the statuses to start in, under the form's own label */
		const struct field_desc *d = desc("status");
		bool signalled = is->status && !strcmp(is->status, "signalled");
		struct choice st[2];
		for (int i = 0; i < 2; i++)
			st[i] = (struct choice){ d->keys[i].key, d->keys[i].name[r->lang], d->key_hints[i][r->lang],
						 signalled == !strcmp(d->keys[i].key, "signalled"), 0 };
		field_choices(r, d->name, T(r, M_ISSUE_START), NULL, st, 2, false, p);
	}
	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"%s\">%s</a></div>\n",
	       T(r, M_SAVE), is_new ? "/vraagstukken" : arena_printf(r->arena, "/vraagstukken/%s", is->id),
	       T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

/* /vraagstukken/nieuw (is_new) and /vraagstukken/{id}/bewerken: the form,
 * and its post. */
static void issue_form_page(struct http_req *r, bool is_new)
{
	if (page_login_needed(r, NULL))
		return;
	struct issue_form ff = { 0 };
	struct issue was;
	int rc = is_new ? 0 : issue_get(r->store, r->arena, &r->viewer, r->params[0], &was);
	if (!rc && !is_new && !issue_can(&r->viewer, &was, OBJ_ISSUE, ACT_UPDATE))
		rc = ERR_FORBIDDEN;
	if (rc) {
		web_fail(r, rc, NULL);
		return;
	}
	if (!is_new)
		ff.is = was;
	if (r->method != HM_POST) {
		if (!is_new)
			form_typed_from(r, issue_fields, issue_nfields, &was, &ff.typed);
		render_form(r, &ff, NULL);
		return;
	}
	struct form f;
	if (!page_form(r, &f))
		return;
	struct problems p = { 0 };
	form_read_fields(r, &f, issue_fields, issue_nfields, &ff.is, &ff.typed, &p);
	rc = is_new ? issue_create(r->store, r->arena, &r->viewer, &ff.is, &p)
		    : issue_update(r->store, r->arena, &r->viewer, &was, &ff.is, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		render_form(r, &ff, &p);
		return;
	}
	if (rc)
		web_fail(r, rc, NULL);
	else
		http_redirect(r, arena_printf(r->arena, "/vraagstukken/%s?opgeslagen=1", ff.is.id));
}

static void page_issue_new(struct http_req *r)
{
	issue_form_page(r, true);
}

static void page_issue_edit(struct http_req *r)
{
	issue_form_page(r, false);
}

const struct http_route web_issue_form_routes[] = {
	{ HM_GET | HM_POST, "/vraagstukken/nieuw", page_issue_new, 0 },
	{ HM_GET | HM_POST, "/vraagstukken/{id}/bewerken", page_issue_edit, 0 },
	{ 0 },
};
