/* The environmental factors of an issue (omgevingsfactoren): the section of
 * the issue's page (/vraagstukken/{id}) that shows them grouped by kind and
 * effect, with a summary and the add form for those who may, and a link
 * to the role ledger; and the pages behind its forms:
 * /vraagstukken/{id}/factoren (add, and the form again with its problems),
 * /vraagstukken/{id}/factoren/{fid}/bewerken and .../verwijderen. Who may
 * is the model's (factor.h, perm.c OBJ_FACTOR); the page only hides the
 * forms of those who may not. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/uuid.h"
#include "../model/factor.h"
#include "../model/issue.h"
#include "form_fields.h"
#include "html.h"
#include "issue_parts.h"
#include "layout.h"
#include "pages.h"

static const char *issue_url(struct http_req *r, const char *issue_id)
{
	return arena_printf(r->arena, "/vraagstukken/%s", issue_id);
}

/* The fields of a factor: the description's box is a small one. */
static void factor_form_fields(struct http_req *r, const struct factor *f, const struct problems *p)
{
	form_field(r, factor_fields, factor_nfields, "kind", f, NULL, p);
	form_field(r, factor_fields, factor_nfields, "effect", f, NULL, p);
	form_field_as(r, factor_fields, factor_nfields, "description", f, NULL, p, &(struct field_look){ .rows = 4 });
}

/* One effect's factors of one kind, with their buttons. */
static void effect_list(struct http_req *r, const char *issue_id, const struct factor *items, size_t n,
			int kind, int effect, bool can_edit)
{
	struct buf *b = &r->out;
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(items[i].kind, factor_kinds[kind].key) && !strcmp(items[i].effect, factor_effects[effect].key))
			count++;
	if (!count)
		return;
	html_f(b, "<h4 class=\"effect effect-%s\">%s</h4>\n<ul class=\"factors\">\n", factor_effects[effect].key,
	       factor_effects[effect].name[r->lang]);
	for (size_t i = 0; i < n; i++) {
		const struct factor *f = &items[i];
		if (strcmp(f->kind, factor_kinds[kind].key) || strcmp(f->effect, factor_effects[effect].key))
			continue;
		html_f(b, "<li><span lang=\"nl\">%s</span>", f->description);
		if (can_edit) {
			/* the buttons' names say which factor, for screen readers */
			char label[80];
			size_t len = strlen(f->description) < 60 ? strlen(f->description) : 60;
			while (len > 0 && (f->description[len] & 0xC0) == 0x80)
				len--; /* never cut a character in two */
			memcpy(label, f->description, len);
			label[len] = 0;
			html_f(b, " <span class=\"tools\"><a href=\"/vraagstukken/%s/factoren/%s/bewerken\" aria-label=\"%s\">%s</a>"
				  " <a href=\"/vraagstukken/%s/factoren/%s/verwijderen\" aria-label=\"%s\">%s</a></span>",
			       issue_id, f->id, arena_printf(r->arena, T(r, M_FACTOR_EDIT_LABEL), label), T(r, M_FACTOR_EDIT),
			       issue_id, f->id, arena_printf(r->arena, T(r, M_FACTOR_DELETE_LABEL), label), T(r, M_FACTOR_DELETE));
		}
		html_raw(b, "</li>\n");
	}
	html_raw(b, "</ul>\n");
}

void issue_part_factors(struct http_req *r, const struct issue *is)
{
	const char *issue_id = is->id;
	struct buf *b = &r->out;
	struct factor_filter flt = { .limit = 100 };
	struct problems p = { 0 };
	struct factor *items;
	size_t n;
	const char *next;
	struct factor_summary sum;
	if (factor_list_known(r->store, r->arena, issue_id, &flt, &p, &items, &n, &next, &sum))
		return;
	bool can_add = factor_may(&r->viewer, is, ACT_CREATE);
	bool can_edit = factor_may(&r->viewer, is, ACT_UPDATE);
	html_f(b, "<section id=\"factoren\" aria-labelledby=\"factors-title\">\n<h2 id=\"factors-title\">%s</h2>\n<p>%s</p>\n",
	       T(r, M_FACTORS_TITLE), T(r, M_FACTORS_INTRO));
	if (!sum.total) {
		html_f(b, "<p>%s</p>\n", T(r, M_FACTORS_NONE));
	} else {
		html_f(b, "<div class=\"table-wrap\">\n<table class=\"factor-summary\">\n<caption>%s</caption>\n"
			  "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		       T(r, M_FACTORS_SUMMARY_CAPTION), fields_find(factor_fields, factor_nfields, "kind")->label[r->lang], factor_effects[EFFECT_ENABLING].name[r->lang],
		       factor_effects[EFFECT_HINDERING].name[r->lang]);
		for (int k = 0; k < FACTOR_KIND_COUNT; k++)
			html_f(b, "<tr><th scope=\"row\">%s</th><td>%lld</td><td>%lld</td></tr>\n", factor_kinds[k].name[r->lang],
			       sum.count[k][EFFECT_ENABLING], sum.count[k][EFFECT_HINDERING]);
		html_raw(b, "</tbody>\n</table>\n</div>\n");
		for (int k = 0; k < FACTOR_KIND_COUNT; k++) {
			html_f(b, "<h3>%s <span class=\"hint\">(%s)</span></h3>\n", factor_kinds[k].name[r->lang],
			       factor_kind_hint[k][r->lang]);
			if (!sum.count[k][EFFECT_ENABLING] && !sum.count[k][EFFECT_HINDERING]) {
				html_f(b, "<p class=\"meta\">%s</p>\n", T(r, M_FACTORS_KIND_NONE));
				continue;
			}
			for (int e = 0; e < EFFECT_COUNT; e++)
				effect_list(r, issue_id, items, n, k, e, can_edit);
		}
	}
	if (can_add) {
		html_f(b, "<h3 id=\"factor-add-title\">%s</h3>\n", T(r, M_FACTOR_ADD_TITLE));
		form_begin(r, arena_printf(r->arena, "/vraagstukken/%s/factoren", issue_id), true);
		struct factor empty = { 0 };
		factor_form_fields(r, &empty, NULL);
		form_submit_end(r, T(r, M_FACTOR_ADD));
	} else if (!r->viewer.authenticated) {
		html_f(b, "<p>%s <a href=\"%s\">%s</a></p>\n", T(r, M_FACTORS_WHO),
		       page_url(r, "/inloggen", "next", arena_printf(r->arena, "/vraagstukken/%s#factoren", issue_id), NULL, NULL),
		       T(r, M_FACTORS_LOGIN));
	} else {
		html_f(b, "<p class=\"meta\">%s</p>\n", T(r, M_FACTORS_WHO));
	}
	html_f(b, "<p><a href=\"/vraagstukken/%s/rollen\">%s</a></p>\n</section>\n", issue_id, T(r, M_LEDGER_LINK));
}

/* The issue of the URL for a change; answers and returns false when there
 * is none or the viewer may not act on its factors. */
static bool load(struct http_req *r, struct issue *is, enum perm_action act)
{
	if (page_login_needed(r, uuid_valid(r->params[0], strlen(r->params[0]))
				       ? arena_printf(r->arena, "/vraagstukken/%s#factoren", r->params[0]) : "/"))
		return false;
	int rc = issue_get(r->store, r->arena, &r->viewer, r->params[0], is);
	if (!rc && !factor_may(&r->viewer, is, act))
		rc = ERR_FORBIDDEN;
	if (rc)
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : rc == ERR_FORBIDDEN ? 403 : 500);
	return !rc;
}

static void render_form(struct http_req *r, const struct issue *is, const struct factor *f, const struct problems *p,
			bool is_new)
{
	struct buf *b = &r->out;
	const char *title = T(r, is_new ? M_FACTOR_ADD_TITLE : M_FACTOR_EDIT_TITLE);
	page_begin(r, title, NAV_ISSUES);
	html_f(b, "<p class=\"crumbs\"><a href=\"%s#factoren\">%s: %s</a></p>\n<h1>%s</h1>\n",
	       issue_url(r, is->id), T(r, M_BACK_TO_ISSUE), is->title, title);
	html_f(b, "<p>%s</p>\n", T(r, M_FACTORS_INTRO));
	form_fields_summary(r, p, factor_fields, factor_nfields);
	form_begin(r, is_new ? arena_printf(r->arena, "/vraagstukken/%s/factoren", is->id)
			     : arena_printf(r->arena, "/vraagstukken/%s/factoren/%s/bewerken", is->id, f->id), true);
	factor_form_fields(r, f, p);
	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"%s#factoren\">%s</a></div>\n",
	       T(r, is_new ? M_FACTOR_ADD : M_SAVE), issue_url(r, is->id), T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

static void fail(struct http_req *r, int rc)
{
	if (rc == ERR_CONFLICT)
		page_message(r, 409, T(r, M_FACTOR_ADD_TITLE), T(r, M_FACTOR_FULL));
	else
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : rc == ERR_FORBIDDEN ? 403 : 500);
}

/* /vraagstukken/{id}/factoren (is_new) and .../factoren/{fid}/bewerken:
 * the form, and its post. */
static void factor_form_page(struct http_req *r, bool is_new)
{
	struct issue is;
	if (!load(r, &is, is_new ? ACT_CREATE : ACT_UPDATE))
		return;
	struct factor f = { 0 };
	int rc = is_new ? 0 : factor_get(r->store, r->arena, is.id, r->params[1], &f);
	if (rc) {
		fail(r, rc);
		return;
	}
	if (r->method != HM_POST) {
		render_form(r, &is, &f, NULL, is_new);
		return;
	}
	struct form fm;
	if (!page_form(r, &fm))
		return;
	const struct factor was = f;
	struct problems p = { 0 };
	form_read_fields(r, &fm, factor_fields, factor_nfields, &f, &(struct form_typed){ 0 }, &p);
	rc = is_new ? factor_create(r->store, r->arena, &r->viewer, is.id, &f, &p)
		    : factor_update(r->store, r->arena, &r->viewer, is.id, &was, &f, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		render_form(r, &is, &f, &p, is_new);
		return;
	}
	if (rc)
		fail(r, rc);
	else
		http_redirect(r, arena_printf(r->arena, "/vraagstukken/%s#factoren", is.id));
}

static void page_factor_add(struct http_req *r)
{
	factor_form_page(r, true);
}

static void page_factor_edit(struct http_req *r)
{
	factor_form_page(r, false);
}

static void page_factor_delete(struct http_req *r)
{
	struct issue is;
	if (!load(r, &is, ACT_DELETE))
		return;
	struct factor f;
	int rc = factor_get(r->store, r->arena, is.id, r->params[1], &f);
	if (rc) {
		fail(r, rc);
		return;
	}
	if (r->method == HM_POST) {
		if ((rc = factor_delete(r->store, &r->viewer, is.id, f.id))) {
			fail(r, rc);
			return;
		}
		http_redirect(r, arena_printf(r->arena, "/vraagstukken/%s#factoren", is.id));
		return;
	}
	page_begin(r, T(r, M_FACTOR_DELETE_TITLE), NAV_ISSUES);
	html_f(&r->out, "<p class=\"crumbs\"><a href=\"%s#factoren\">%s: %s</a></p>\n<h1>%s</h1>\n<p>%s</p>\n<blockquote><p>%s</p></blockquote>\n",
	       issue_url(r, is.id), T(r, M_BACK_TO_ISSUE), is.title, T(r, M_FACTOR_DELETE_TITLE),
	       T(r, M_FACTOR_DELETE_CONFIRM), f.description);
	form_begin(r, arena_printf(r->arena, "/vraagstukken/%s/factoren/%s/verwijderen", is.id, f.id), true);
	html_f(&r->out, "<div class=\"actions\"><button type=\"submit\" class=\"danger\">%s</button> <a href=\"%s#factoren\">%s</a></div>\n",
	       T(r, M_FACTOR_DELETE_YES), issue_url(r, is.id), T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

const struct http_route web_factors_routes[] = {
	{ HM_GET | HM_POST, "/vraagstukken/{id}/factoren", page_factor_add, 0 },
	{ HM_GET | HM_POST, "/vraagstukken/{id}/factoren/{factor}/bewerken", page_factor_edit, 0 },
	{ HM_GET | HM_POST, "/vraagstukken/{id}/factoren/{factor}/verwijderen", page_factor_delete, 0 },
	{ 0 },
};
