/* /partijen/nieuw, /partijen/{id}/bewerken, /partijen/{id}/verwijderen:
 * adding, changing and removing a party through forms that work without
 * JavaScript, keep what was typed, and show each problem beside its field. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/party.h"
#include "../model/role.h"
#include "form_fields.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

/* What the form holds: the party, and the text as typed where it may not
 * parse. */
struct party_form {
	struct party pa;
	struct form_typed typed;
};

static void render_form(struct http_req *r, const struct party_form *pf, const struct problems *p, bool is_new)
{
	struct buf *b = &r->out;
	const struct party *pa = &pf->pa;
	const char *title = T(r, is_new ? M_PARTY_NEW_TITLE : M_PARTY_EDIT_TITLE);
	page_begin(r, title, NAV_PARTIES);
	html_f(b, "<p class=\"crumbs\"><a href=\"/partijen\">%s</a></p>\n<h1>%s</h1>\n",
	       T(r, M_BACK_TO_PARTIES), title);
	form_fields_summary(r, p, party_fields, party_nfields);
	form_begin(r, is_new ? "/partijen/nieuw" : arena_printf(r->arena, "/partijen/%s/bewerken", pa->id), true);
	static const char *const main[] = { "name", "kind", "description", "areas", "roles", "tags" };
	for (size_t i = 0; i < sizeof main / sizeof main[0]; i++)
		form_field(r, party_fields, party_nfields, main[i], pa, &pf->typed, p);
	html_f(b, "<fieldset>\n<legend>%s</legend>\n", T(r, M_CONTACT_LEGEND));
	static const char *const contact[] = { "email", "phone", "website" };
	for (size_t i = 0; i < sizeof contact / sizeof contact[0]; i++)
		form_field(r, party_fields, party_nfields, contact[i], pa, &pf->typed, p);
	html_raw(b, "</fieldset>\n");
	form_field(r, party_fields, party_nfields, "capacityHours", pa, &pf->typed, p);
	form_field(r, party_fields, party_nfields, "visibility", pa, &pf->typed, p);
	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"%s\">%s</a></div>\n",
	       T(r, M_SAVE), is_new ? "/partijen" : arena_printf(r->arena, "/partijen/%s", pa->id), T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

/* Loads the party of the URL for a change (ACT_UPDATE) or its removal
 * (ACT_DELETE); answers and returns false if the viewer may not. */
static bool load_for_change(struct http_req *r, struct party *pa, enum perm_action act)
{
	if (page_login_needed(r, NULL))
		return false;
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], pa);
	if (!rc && !party_can(&r->viewer, pa, OBJ_PARTY, act))
		rc = ERR_FORBIDDEN;
	if (rc)
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : rc == ERR_FORBIDDEN ? 403 : 500);
	return !rc;
}

/* /partijen/nieuw (is_new) and /partijen/{id}/bewerken: the form, and its
 * post. */
static void party_form_page(struct http_req *r, bool is_new)
{
	struct party_form pf = { 0 };
	if (is_new ? page_login_needed(r, NULL) : !load_for_change(r, &pf.pa, ACT_UPDATE))
		return;
	if (r->method != HM_POST) {
		if (is_new)
			pf.pa.visibility = "public";
		else
			form_typed_from(r, party_fields, party_nfields, &pf.pa, &pf.typed);
		render_form(r, &pf, NULL, is_new);
		return;
	}
	struct form f;
	if (!page_form(r, &f))
		return;
	struct problems p = { 0 };
	const struct party was = pf.pa;
	form_read_fields(r, &f, party_fields, party_nfields, &pf.pa, &pf.typed, &p);
	int rc = is_new ? party_create(r->store, r->arena, &r->viewer, &pf.pa, &p)
			: party_update(r->store, r->arena, &r->viewer, &was, &pf.pa, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		render_form(r, &pf, &p, is_new);
		return;
	}
	if (rc)
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : rc == ERR_FORBIDDEN ? 403 : 500);
	else
		http_redirect(r, arena_printf(r->arena, "/partijen/%s?opgeslagen=1", pf.pa.id));
}

static void page_party_new(struct http_req *r)
{
	party_form_page(r, true);
}

static void page_party_edit(struct http_req *r)
{
	party_form_page(r, false);
}

static void page_party_delete(struct http_req *r)
{
	struct party pa;
	if (!load_for_change(r, &pa, ACT_DELETE))
		return;
	if (r->method == HM_POST) {
		int rc = party_delete(r->store, &r->viewer, pa.id);
		if (rc) {
			web_error_page(r, rc == ERR_NOTFOUND ? 404 : rc == ERR_FORBIDDEN ? 403 : 500);
			return;
		}
		http_redirect(r, "/partijen?verwijderd=1");
		return;
	}
	struct buf *b = &r->out;
	page_begin(r, T(r, M_DELETE_TITLE), NAV_PARTIES);
	html_f(b, "<h1>%s</h1>\n<p>", T(r, M_DELETE_TITLE));
	html_f(b, T(r, M_DELETE_CONFIRM), pa.name);
	html_raw(b, "</p>\n");
	form_begin(r, arena_printf(r->arena, "/partijen/%s/verwijderen", pa.id), true);
	html_f(b, "<div class=\"actions\"><button type=\"submit\" class=\"danger\">%s</button> "
		  "<a href=\"/partijen/%s\">%s</a></div>\n",
	       T(r, M_DELETE_YES), pa.id, T(r, M_DELETE_NO));
	form_end(r);
	page_end(r);
}

const struct http_route web_party_form_routes[] = {
	{ HM_GET | HM_POST, "/partijen/nieuw", page_party_new, 0 },
	{ HM_GET | HM_POST, "/partijen/{id}/bewerken", page_party_edit, 0 },
	{ HM_GET | HM_POST, "/partijen/{id}/verwijderen", page_party_delete, 0 },
	{ 0 },
};
