/* A party's verification on its page (issue 8): whether a platform admin
 * or a coordinator of its areas vouched for it, and for them the
 * button to verify it or to withdraw that (/partijen/{id}/verificatie and
 * .../verificatie/intrekken). The rules are model/verification.h's. */
#include "../base/arena.h"
#include "../base/err.h"
#include "../model/party.h"
#include "../model/verification.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

void web_party_verification(struct http_req *r, const struct party *pa)
{
	struct buf *b = &r->out;
	html_f(b, "<dt>%s</dt><dd>", T(r, M_VERIFICATION));
	if (!pa->verified_at)
		html_f(b, "%s %s", T(r, M_NOT_VERIFIED), T(r, M_NOT_VERIFIED_HINT));
	else if (pa->verified_by_name)
		html_f(b, T(r, M_VERIFIED_BY), pa->verified_by_name, page_date(r, pa->verified_at));
	else
		html_f(b, T(r, M_VERIFIED_ON), page_date(r, pa->verified_at));
	if (pa->verified_at)
		html_f(b, " %s", T(r, M_VERIFIED_HINT));
	if (verification_can(&r->viewer, pa)) {
		form_begin(r, arena_printf(r->arena, pa->verified_at ? "/partijen/%s/verificatie/intrekken"
								    : "/partijen/%s/verificatie", pa->id), true);
		if (!pa->verified_at)
			html_f(b, "<p class=\"hint\">%s</p>\n", T(r, M_VERIFY_HINT));
		html_f(b, "<div class=\"actions\"><button type=\"submit\"%s>%s</button></div>\n",
		       pa->verified_at ? " class=\"secondary\"" : "", T(r, pa->verified_at ? M_UNVERIFY : M_VERIFY));
		form_end(r);
	}
	html_raw(b, "</dd>\n");
}

static void change(struct http_req *r, bool verify)
{
	if (page_login_needed(r, NULL))
		return;
	bool created;
	int rc = verify ? verification_grant(r->store, r->arena, &r->viewer, r->params[0], &created)
			: verification_withdraw(r->store, r->arena, &r->viewer, r->params[0]);
	if (rc)
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : rc == ERR_FORBIDDEN ? 403 : 500);
	else
		http_redirect(r, arena_printf(r->arena, "/partijen/%s?%s=1", r->params[0], verify ? "geverifieerd" : "ingetrokken"));
}

static void page_party_verify(struct http_req *r)
{
	change(r, true);
}

static void page_party_unverify(struct http_req *r)
{
	change(r, false);
}

const struct http_route web_verification_routes[] = {
	{ HM_POST, "/partijen/{id}/verificatie", page_party_verify, 0 },
	{ HM_POST, "/partijen/{id}/verificatie/intrekken", page_party_unverify, 0 },
	{ 0 },
};
