/* /inloggen and /uitloggen. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../model/login.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

/* Where to go after logging in: only a path on this site. */
static const char *safe_next(const char *next)
{
	return text_local_path(next) ? next : "/account";
}

enum outcome { LOGIN_FORM, LOGIN_FAILED, LOGIN_THROTTLED, LOGIN_UNCONFIRMED };

static void render(struct http_req *r, const char *email, const char *next, enum outcome outcome,
		   long minutes)
{
	bool failed = outcome != LOGIN_FORM;
	struct buf *b = &r->out;
	page_begin(r, T(r, M_LOGIN_TITLE), NAV_LOGIN);
	html_f(b, "<h1>%s</h1>\n", T(r, M_LOGIN_TITLE));
	if (http_query(r, "uitgelogd"))
		page_notice(r, T(r, M_LOGGED_OUT));
	else if (http_query(r, "next") && !failed)
		page_notice(r, T(r, M_LOGIN_NEEDED));
	if (failed) {
		html_f(b, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"login-error\">"
			  "<h2>%s</h2>\n<p>", T(r, M_ERROR_SUMMARY));
		if (outcome == LOGIN_THROTTLED)
			html_f(b, T(r, M_LOGIN_THROTTLED), minutes);
		else if (outcome == LOGIN_UNCONFIRMED)
			html_f(b, "%s</p>\n<p>%s <a href=\"%s\">%s</a>", T(r, M_LOGIN_UNCONFIRMED),
			       T(r, M_LOGIN_UNCONFIRMED_AGAIN), page_url(r, "/bevestigen/opnieuw", "email", email, NULL, NULL),
			       T(r, M_RESEND_LINK));
		else
			html_f(b, "%s", T(r, M_LOGIN_FAILED));
		html_raw(b, "</p>\n</div>\n");
	}
	form_begin(r, "/inloggen", true);
	html_f(b, "<input type=\"hidden\" name=\"next\" value=\"%s\">\n", next);
	struct field e = { .name = "email", .label = T(r, M_EMAIL), .value = email, .type = "email",
			   .required = true, .autocomplete = "username" };
	field_text(r, &e, NULL);
	struct field pw = { .name = "password", .label = T(r, M_PASSWORD), .type = "password",
			    .required = true, .autocomplete = "current-password" };
	field_text(r, &pw, NULL);
	form_submit_end(r, T(r, M_LOGIN_SUBMIT));
	html_f(b, "<p><a href=\"%s\">%s</a></p>\n", page_url(r, "/wachtwoord-vergeten", "email", email, NULL, NULL),
	       T(r, M_LOGIN_FORGOT));
	html_f(b, "<p>%s <a href=\"%s\">%s</a></p>\n", T(r, M_LOGIN_REGISTER),
	       page_url(r, "/registreren", "next", strcmp(next, "/account") == 0 ? NULL : next, NULL, NULL),
	       T(r, M_LOGIN_REGISTER_LINK));
	page_end(r);
}

static void page_login(struct http_req *r)
{
	if (r->method != HM_POST) {
		render(r, "", safe_next(http_query(r, "next")), LOGIN_FORM, 0);
		return;
	}
	struct form f;
	if (!page_form(r, &f))
		return;
	const char *email = form_get(&f, "email"), *password = form_get(&f, "password");
	const char *next = safe_next(form_get(&f, "next"));
	struct login in;
	int rc = login_check(r->store, r->arena, email, password, http_client_address(r),
			     http_cookie(r, LOGIN_DEVICE_COOKIE), &in);
	if (rc == ERR_BUSY) {
		/* too many failures: not even the right password is let in now */
		r->status = 429;
		http_add_header(r, "Retry-After", arena_printf(r->arena, "%ld", in.wait));
		render(r, email ? email : "", next, LOGIN_THROTTLED, (in.wait + 59) / 60);
		return;
	}
	if (rc == ERR_UNCONFIRMED) {
		/* the right password, but no session yet */
		r->status = 403;
		render(r, email ? email : "", next, LOGIN_UNCONFIRMED, 0);
		return;
	}
	if (rc == ERR_AUTH) {
		r->status = 401;
		render(r, email ? email : "", next, LOGIN_FAILED, 0);
		return;
	}
	if (rc || http_login(r, in.user.id)) {
		web_error_page(r, 500);
		return;
	}
	/* this browser is known to the account from now on (model/login.h) */
	if (in.device[0])
		http_set_cookie(r, LOGIN_DEVICE_COOKIE, in.device, LOGIN_DEVICE_DAYS * 86400L);
	http_redirect(r, next);
}

static void page_logout(struct http_req *r)
{
	http_logout(r);
	http_redirect(r, "/inloggen?uitgelogd=1");
}

const struct http_route web_login_routes[] = {
	{ HM_GET | HM_POST, "/inloggen", page_login, 0 },
	{ HM_POST, "/uitloggen", page_logout, 0 },
	{ 0 },
};
