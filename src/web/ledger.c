/* /vraagstukken/{id}/rollen: the role ledger of an issue (rollenregister):
 * a table of the dossier's roles against the five party kinds, who takes
 * which role, the empty roles and kinds with the parties nearby that could
 * fill them and why, and the forms to take a role for one of the viewer's
 * parties and to give one up. The computation is analysis/ledger.c's; who
 * may is the model's (ledger.h, perm.c OBJ_LEDGER). */
#include <string.h>

#include "../analysis/ledger.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/uuid.h"
#include "../model/issue.h"
#include "../model/ledger.h"
#include "../model/member.h"
#include "form_fields.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

/* What was typed in the take form, with its problems. */
struct take_form {
	const char *party;
	const char *role;
	const char *note;
	const struct problems *p;
};

/* The same for the table, the kinds and who does what: a name is Dutch. */
static void party_link_nl(struct http_req *r, const char *id, const char *name)
{
	html_f(&r->out, "<a href=\"/partijen/%s\" lang=\"nl\">%s</a>", id, name);
}

/* The candidates in order of fit, each with its reasons as a list. */
static void candidates(struct http_req *r, const struct ledger_candidate *c, size_t n)
{
	struct buf *b = &r->out;
	if (!n) {
		html_f(b, "<p class=\"meta\">%s</p>\n", T(r, M_LEDGER_NO_CANDIDATES));
		return;
	}
	html_raw(b, "<ol class=\"candidates\">\n");
	for (size_t i = 0; i < n; i++) {
		html_f(b, "<li><a href=\"/partijen/%s\">%s</a> <span class=\"kind kind-%s\">%s</span>\n<ul class=\"reasons\">\n",
		       c[i].id, c[i].name, party_kinds[c[i].kind].key, party_kinds[c[i].kind].name[r->lang]);
		enum ledger_reason why[LEDGER_REASONS_MAX];
		size_t nwhy = ledger_reasons_of(&c[i], why);
		for (size_t w = 0; w < nwhy; w++)
			html_f(b, "<li class=\"reason-%s\">%s</li>\n", ledger_reasons[why[w]].key,
			       ledger_reason_text(r->arena, &c[i], why[w], r->lang));
		html_raw(b, "</ul></li>\n");
	}
	html_raw(b, "</ol>\n");
}

/* The table of roles against kinds: text says filled or empty, not colour. */
static void role_table(struct http_req *r, const struct ledger *l)
{
	struct buf *b = &r->out;
	page_scroll_hint(r);
	html_f(b, "<div class=\"table-wrap wide\" role=\"region\" aria-labelledby=\"ledger-caption\" tabindex=\"0\">\n"
		  "<table class=\"ledger\">\n<caption id=\"ledger-caption\">%s</caption>\n<thead><tr><th scope=\"col\">%s</th>",
	       T(r, M_LEDGER_TABLE_CAPTION), T(r, M_ROLE));
	for (int k = 0; k < KIND_COUNT; k++)
		html_f(b, "<th scope=\"col\">%s</th>", party_kinds[k].name[r->lang]);
	html_f(b, "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n", T(r, M_LEDGER_STATE));
	for (size_t i = 0; i < l->nroles; i++) {
		const struct ledger_role_row *row = &l->roles[i];
		html_f(b, "<tr%s><th scope=\"row\">%s</th>", row->empty ? " class=\"empty\"" : "", row->role->name[r->lang]);
		for (int k = 0; k < KIND_COUNT; k++) {
			bool any = false;
			html_raw(b, "<td>");
			for (size_t j = 0; j < row->n; j++) {
				if (row->parties[j].kind != k)
					continue;
				if (any)
					html_raw(b, ", ");
				party_link_nl(r, row->parties[j].id, row->parties[j].name);
				any = true;
			}
			if (!any && (row->typical & (1u << k)))
				html_f(b, "<span class=\"meta\">%s</span>", T(r, M_LEDGER_TYPICAL));
			else if (!any)
				html_f(b, "<span class=\"visually-hidden\">%s</span><span aria-hidden=\"true\">–</span>",
				       T(r, M_LEDGER_NOBODY));
			html_raw(b, "</td>");
		}
		html_f(b, "<td class=\"%s\">%s</td></tr>\n", row->empty ? "gap" : "filled",
		       T(r, row->empty ? M_LEDGER_EMPTY : M_LEDGER_FILLED));
	}
	html_raw(b, "</tbody>\n</table>\n</div>\n");
}

/* Every role a party has taken, with its note and, for those who may, the
 * button to give it up. */
static void who_does_what(struct http_req *r, const struct ledger *l)
{
	struct buf *b = &r->out;
	page_section(r, "who-title", T(r, M_LEDGER_WHO_TITLE));
	bool any = false;
	for (size_t i = 0; i < l->nroles; i++) {
		const struct ledger_role_row *row = &l->roles[i];
		for (size_t j = 0; j < row->n; j++) {
			const struct ledger_party *p = &row->parties[j];
			if (!any)
				html_raw(b, "<ul class=\"cards\">\n");
			any = true;
			html_f(b, "<li class=\"card\"><p><strong>%s</strong>: ", row->role->name[r->lang]);
			party_link_nl(r, p->id, p->name);
			html_f(b, " <span class=\"kind kind-%s\">%s</span></p>\n", party_kinds[p->kind].key,
			       party_kinds[p->kind].name[r->lang]);
			if (p->note && *p->note)
				html_f(b, "<p lang=\"nl\">%s</p>\n", p->note);
			if (ledger_can(r->store, &r->viewer, l->issue_id, p->id, ACT_DELETE))
				form_button(r, arena_printf(r->arena, "/vraagstukken/%s/rollen/%s/%s/teruggeven", l->issue_id,
							    row->role->key, p->id), T(r, M_LEDGER_GIVE_UP), "secondary",
					    arena_printf(r->arena, T(r, M_LEDGER_GIVE_UP_LABEL), p->name, row->role->name[r->lang]));
			html_raw(b, "</li>\n");
		}
	}
	if (any)
		html_raw(b, "</ul>\n");
	else
		html_f(b, "<p>%s</p>\n", T(r, M_LEDGER_WHO_NONE));
	html_raw(b, "</section>\n");
}

static void take_form(struct http_req *r, const struct ledger *l, const struct take_form *tf)
{
	struct buf *b = &r->out;
	html_f(b, "<section aria-labelledby=\"take-title\" id=\"oppakken\">\n<h2 id=\"take-title\">%s</h2>\n",
	       T(r, M_LEDGER_TAKE_TITLE));
	if (!r->viewer.authenticated) {
		html_f(b, "<p><a href=\"%s\">%s</a></p>\n</section>\n",
		       page_url(r, "/inloggen", "next", arena_printf(r->arena, "/vraagstukken/%s/rollen", l->issue_id), NULL, NULL),
		       T(r, M_LEDGER_TAKE_LOGIN));
		return;
	}
	struct membership *mine;
	size_t n = 0;
	if (member_of(r->store, r->arena, r->viewer.user_id, &mine, &n) || !n) {
		html_f(b, "<p>%s</p>\n</section>\n", T(r, M_LEDGER_TAKE_NO_PARTY));
		return;
	}
	html_f(b, "<p>%s</p>\n", T(r, M_LEDGER_TAKE_INTRO));
	form_fields_summary(r, tf->p, ledger_entry_fields, ledger_entry_nfields);
	form_begin(r, arena_printf(r->arena, "/vraagstukken/%s/rollen", l->issue_id), true);
	struct choice *pc = arena_alloc(r->arena, sizeof *pc * n);
	for (size_t i = 0; i < n; i++)
		pc[i] = (struct choice){ mine[i].party_id, mine[i].party_name, NULL,
					 n == 1 || (tf->party && !strcmp(tf->party, mine[i].party_id)), 0 };
	field_choices(r, "party", fields_find(ledger_entry_fields, ledger_entry_nfields, "party")->label[r->lang], NULL, pc, n, false, tf->p);
	struct choice *rc = arena_alloc(r->arena, sizeof *rc * l->nroles);
	for (size_t i = 0; i < l->nroles; i++)
		rc[i] = (struct choice){ l->roles[i].role->key, l->roles[i].role->name[r->lang],
					 l->roles[i].role->description[r->lang],
					 tf->role && !strcmp(tf->role, l->roles[i].role->key), 0 };
	field_choices(r, "role", T(r, M_ROLE), NULL, rc, l->nroles, false, tf->p);
	struct ledger_entry typed = { .note = tf->note };
	form_field(r, ledger_entry_fields, ledger_entry_nfields, "note", &typed, NULL, tf->p);
	form_submit_end(r, T(r, M_LEDGER_TAKE));
	html_raw(b, "</section>\n");
}

static void render(struct http_req *r, const struct issue *is, const struct ledger *l, const struct take_form *tf)
{
	struct buf *b = &r->out;
	const char *title = arena_printf(r->arena, T(r, M_LEDGER_TITLE_OF), is->title);
	page_begin(r, title, NAV_ISSUES);
	html_f(b, "<p class=\"crumbs\"><a href=\"/vraagstukken/%s\">%s: <span lang=\"nl\">%s</span></a></p>\n"
		  "<h1>%s: <span lang=\"nl\">%s</span></h1>\n<p class=\"description\">%s</p>\n",
	       is->id, T(r, M_BACK_TO_ISSUE), is->title, T(r, M_LEDGER_TITLE), is->title, T(r, M_LEDGER_INTRO));
	static const struct notice notices[] = { { "opgepakt", M_LEDGER_TAKEN }, { "teruggegeven", M_LEDGER_GIVEN_UP } };
	page_notices(r, NULL, notices, 2);

	long long empty = 0;
	for (size_t i = 0; i < l->nroles; i++)
		empty += l->roles[i].empty;
	html_raw(b, "<p><strong>");
	html_f(b, TP(r, M_LEDGER_SUMMARY, empty), empty, (long long)l->nroles);
	html_raw(b, "</strong> ");
	struct buf kinds = BUF_INIT(1024);
	for (int k = 0; k < KIND_COUNT; k++)
		if (l->kinds[k].empty)
			buf_printf(&kinds, "%s%s", kinds.len ? ", " : "", party_kinds[k].name[r->lang]);
	if (kinds.len)
		html_f(b, T(r, M_LEDGER_SUMMARY_KINDS), kinds.ptr);
	else
		html_f(b, "%s", T(r, M_LEDGER_ALL_KINDS));
	buf_release(&kinds);
	html_raw(b, "</p>\n");

	role_table(r, l);

	page_section(r, "kinds-title", T(r, M_LEDGER_KINDS_TITLE));
	html_raw(b, "<dl class=\"facts\">\n");
	for (int k = 0; k < KIND_COUNT; k++) {
		const struct ledger_kind_row *row = &l->kinds[k];
		html_f(b, "<dt>%s</dt>\n<dd>", party_kinds[k].name[r->lang]);
		if (row->empty)
			html_f(b, "<span class=\"gap\">%s</span> %s", T(r, M_LEDGER_EMPTY), T(r, M_LEDGER_KIND_EMPTY));
		for (size_t j = 0; j < row->n; j++) {
			if (j)
				html_raw(b, ", ");
			party_link_nl(r, row->parties[j].id, row->parties[j].name);
			if (row->parties[j].owner)
				html_f(b, " (%s)", T(r, M_LEDGER_OWNER));
		}
		html_raw(b, "</dd>\n");
	}
	html_raw(b, "</dl>\n</section>\n");

	page_section(r, "empty-roles-title", T(r, M_LEDGER_EMPTY_ROLES_TITLE));
	if (!empty) {
		html_f(b, "<p>%s</p>\n", T(r, M_LEDGER_NO_EMPTY_ROLES));
	} else {
		html_f(b, "<p>%s</p>\n", T(r, M_LEDGER_EMPTY_ROLES_INTRO));
		for (size_t i = 0; i < l->nroles; i++) {
			const struct ledger_role_row *row = &l->roles[i];
			if (!row->empty)
				continue;
			html_f(b, "<h3>%s</h3>\n<p>%s</p>\n", row->role->name[r->lang], row->role->description[r->lang]);
			candidates(r, row->cand, row->ncand);
		}
	}
	html_raw(b, "</section>\n");

	bool any_kind = false;
	for (int k = 0; k < KIND_COUNT; k++)
		any_kind |= l->kinds[k].empty;
	if (any_kind) {
		page_section(r, "empty-kinds-title", T(r, M_LEDGER_EMPTY_KINDS_TITLE));
		for (int k = 0; k < KIND_COUNT; k++) {
			if (!l->kinds[k].empty)
				continue;
			html_f(b, "<h3>%s</h3>\n<p>%s</p>\n", party_kinds[k].name[r->lang], party_kind_hint[k][r->lang]);
			candidates(r, l->kinds[k].cand, l->kinds[k].ncand);
		}
		html_raw(b, "</section>\n");
	}

	who_does_what(r, l);
	take_form(r, l, tf);
	page_end(r);
}

static void page_issue_roles(struct http_req *r)
{
	struct issue is;
	int rc = issue_get(r->store, r->arena, &r->viewer, r->params[0], &is);
	if (rc) {
		web_fail(r, rc, NULL);
		return;
	}
	struct take_form tf = { 0 };
	struct problems p = { 0 };
	if (r->method == HM_POST) {
		struct form fm;
		if (page_login_needed(r, arena_printf(r->arena, "/vraagstukken/%s/rollen", is.id)) || !page_form(r, &fm))
			return;
		struct ledger_entry e = { 0 };
		form_read_fields(r, &fm, ledger_entry_fields, ledger_entry_nfields, &e, &(struct form_typed){ 0 }, &p);
		tf = (struct take_form){ e.party_id, e.role, e.note, &p };
		rc = ledger_take(r->store, r->arena, &r->viewer, is.id, &e, &p);
		if (!rc) {
			http_redirect(r, arena_printf(r->arena, "/vraagstukken/%s/rollen?opgepakt=1", is.id));
			return;
		}
		if (rc == ERR_CONFLICT) {
			page_message(r, 409, T(r, M_LEDGER_TAKE_TITLE), T(r, M_LEDGER_FULL));
			return;
		}
		if (rc != ERR_INVALID) {
			web_fail(r, rc, NULL);
			return;
		}
		r->status = 400;
	}
	struct ledger l;
	if ((rc = ledger_compute(r->store, r->arena, &r->viewer, is.id, &l))) {
		web_fail(r, rc, NULL);
		return;
	}
	render(r, &is, &l, &tf); /* page_begin keeps a status of 400 */
}

static void page_issue_role_give_up(struct http_req *r)
{
	if (!uuid_valid(r->params[0], strlen(r->params[0]))) {
		web_error_page(r, 404);
		return;
	}
	if (page_login_needed(r, arena_printf(r->arena, "/vraagstukken/%s/rollen", r->params[0])))
		return;
	int rc = ledger_give_up(r->store, &r->viewer, r->params[0], r->params[1], r->params[2]);
	if (rc)
		web_fail(r, rc, NULL);
	else
		http_redirect(r, arena_printf(r->arena, "/vraagstukken/%s/rollen?teruggegeven=1", r->params[0]));
}

const struct http_route web_ledger_routes[] = {
	{ HM_GET | HM_POST, "/vraagstukken/{id}/rollen", page_issue_roles, RF_CACHE },
	{ HM_POST, "/vraagstukken/{id}/rollen/{role}/{party}/teruggeven", page_issue_role_give_up, 0 },
	{ 0 },
};
