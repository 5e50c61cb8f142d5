/* /uitnodigingen/{code}: the page a party's invitation mail links to. It
 * shows the party, the role and who invited; a logged-out visitor is sent
 * to log in or to make an account (/registreren) and comes back here; a
 * logged-in one accepts or declines. Opening the page never uses the code
 * up; an unknown, used or expired code is answered with a page that says what to do
 * (410). */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/invitation.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

static const char *here(struct http_req *r)
{
	return arena_printf(r->arena, "/uitnodigingen/%s", r->params[0]);
}

static void gone(struct http_req *r)
{
	page_message(r, 410, T(r, M_INVITATION_GONE_TITLE), T(r, M_INVITATION_GONE_TEXT));
}

static void page_invitation(struct http_req *r)
{
	struct invitation inv;
	int rc = invitation_by_code(r->store, r->arena, r->params[0], &inv);
	if (rc == ERR_NOTFOUND) {
		gone(r);
		return;
	} else if (rc) {
		web_error_page(r, 500);
		return;
	}
	struct buf *b = &r->out;
	const char *title = arena_printf(r->arena, T(r, M_INVITATION_TITLE), inv.party_name);
	page_begin(r, title, NAV_NONE);
	html_f(b, "<h1>%s</h1>\n<p class=\"lead\">", title);
	if (inv.invited_by_name)
		html_f(b, T(r, M_INVITATION_FROM), inv.invited_by_name, inv.party_name);
	else
		html_f(b, T(r, M_INVITATION_FROM_NOBODY), inv.party_name);
	html_raw(b, "</p>\n<p>");
	html_f(b, T(r, M_INVITATION_ROLE), web_member_role(r, member_role_of(inv.role)));
	html_raw(b, " ");
	html_f(b, T(r, M_INVITATION_UNTIL), page_date(r, inv.expires_at));
	html_raw(b, "</p>\n");
	if (!r->viewer.authenticated) {
		html_raw(b, "<p>");
		html_f(b, T(r, M_INVITATION_LOGIN_TEXT), inv.email);
		html_raw(b, "</p>\n");
		html_f(b, "<p class=\"actions\"><a class=\"button\" href=\"%s\">%s</a>\n",
		       page_url(r, "/inloggen", "next", here(r), NULL, NULL), T(r, M_INVITATION_LOGIN));
		html_f(b, "<a href=\"%s\">%s</a></p>\n", page_url(r, "/registreren", "email", inv.email, "next", here(r)),
		       T(r, M_INVITATION_REGISTER));
		page_end(r);
		return;
	}
	html_raw(b, "<p>");
	html_f(b, T(r, M_INVITATION_AS), r->viewer.name);
	html_raw(b, "</p>\n<div class=\"actions\">\n");
	form_begin(r, arena_printf(r->arena, "%s/aannemen", here(r)), true);
	html_f(b, "<button type=\"submit\">%s</button>\n", T(r, M_INVITATION_ACCEPT));
	form_end(r);
	form_begin(r, arena_printf(r->arena, "%s/afslaan", here(r)), true);
	html_f(b, "<button type=\"submit\" class=\"secondary\">%s</button>\n", T(r, M_INVITATION_DECLINE));
	form_end(r);
	html_raw(b, "</div>\n");
	page_end(r);
}

static void page_invitation_accept(struct http_req *r)
{
	if (page_login_needed(r, here(r)))
		return;
	struct membership m;
	int rc = invitation_accept(r->store, r->arena, &r->viewer, r->params[0], &m);
	if (rc == ERR_NOTFOUND)
		gone(r);
	else if (rc)
		web_error_page(r, 500);
	else
		http_redirect(r, arena_printf(r->arena, "/partijen/%s/leden?aangenomen=1", m.party_id));
}

static void page_invitation_decline(struct http_req *r)
{
	if (page_login_needed(r, here(r)))
		return;
	int rc = invitation_decline(r->store, r->arena, &r->viewer, r->params[0]);
	if (rc == ERR_NOTFOUND)
		gone(r);
	else if (rc)
		web_error_page(r, 500);
	else
		page_message(r, 200, T(r, M_INVITATION_DECLINED_TITLE), T(r, M_INVITATION_DECLINED_TEXT));
}

const struct http_route web_invitations_routes[] = {
	{ HM_GET, "/uitnodigingen/{code}", page_invitation, RF_SECRET },
	{ HM_POST, "/uitnodigingen/{code}/aannemen", page_invitation_accept, RF_SECRET },
	{ HM_POST, "/uitnodigingen/{code}/afslaan", page_invitation_decline, RF_SECRET },
	{ 0 },
};
