/* /wachtwoord-vergeten and /wachtwoord-herstellen: a new password through
 * a link sent by mail (model/account.h). Opening the link only shows the
 * form: mail scanners follow links, and must not use the link up. */
#include <string.h>

#include "../base/err.h"
#include "../model/account.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

static void forgot_form(struct http_req *r, const char *email, const struct problems *p, long wait)
{
	page_begin(r, T(r, M_FORGOT_TITLE), NAV_NONE);
	html_f(&r->out, "<h1>%s</h1>\n", T(r, M_FORGOT_TITLE));
	if (wait)
		web_mail_throttled_notice(r, wait);
	html_f(&r->out, "<p>%s</p>\n", T(r, M_FORGOT_INTRO));
	form_error_summary(r, p, &(const struct field_label){ "email", T(r, M_EMAIL) }, 1);
	form_begin(r, "/wachtwoord-vergeten", true);
	struct field fe = { .name = "email", .label = T(r, M_EMAIL), .value = email, .type = "email",
			    .required = true, .autocomplete = "email" };
	field_text(r, &fe, p);
	form_submit_end(r, T(r, M_FORGOT_SUBMIT));
	page_end(r);
}

static void page_password_forgot(struct http_req *r)
{
	if (r->method != HM_POST) {
		const char *email = http_query(r, "email");
		forgot_form(r, email ? email : "", NULL, 0);
		return;
	}
	struct form f;
	if (!page_form(r, &f))
		return;
	const char *email = form_get(&f, "email");
	struct problems p = { 0 };
	struct mail_request m = { .address = http_client_address(r) };
	int rc = account_reset_request(r->store, r->arena, email, &m, &p);
	if (rc == ERR_INVALID || rc == ERR_BUSY) {
		web_mail_refused(r, rc, m.retry_after);
		forgot_form(r, email ? email : "", &p, m.retry_after);
		return;
	}
	if (rc) {
		web_error_page(r, 500);
		return;
	}
	struct buf *b = &r->out;
	page_begin(r, T(r, M_REG_SENT_TITLE), NAV_NONE);
	html_f(b, "<h1>%s</h1>\n<p>", T(r, M_REG_SENT_TITLE));
	html_f(b, T(r, M_FORGOT_SENT), email);
	html_raw(b, "</p>\n");
	page_end(r);
}

/* The link does not work: say so, and offer to ask again. */
static void reset_bad(struct http_req *r)
{
	r->status = 400;
	page_begin(r, T(r, M_LINK_BAD_TITLE), NAV_NONE);
	html_f(&r->out, "<h1>%s</h1>\n<p>%s</p>\n<p><a href=\"/wachtwoord-vergeten\">%s</a></p>\n",
	       T(r, M_LINK_BAD_TITLE), T(r, M_RESET_BAD_TEXT), T(r, M_RESET_ASK_AGAIN));
	page_end(r);
}

static void reset_form(struct http_req *r, const char *code, const struct problems *p)
{
	page_begin(r, T(r, M_RESET_TITLE), NAV_NONE);
	html_f(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", T(r, M_RESET_TITLE), T(r, M_RESET_INTRO));
	form_error_summary(r, p, &(const struct field_label){ "password", T(r, M_NEW_PASSWORD) }, 1);
	form_begin(r, "/wachtwoord-herstellen", true);
	html_f(&r->out, "<input type=\"hidden\" name=\"code\" value=\"%s\">\n", code);
	struct field fp = { .name = "password", .label = T(r, M_NEW_PASSWORD), .hint = T(r, M_REG_PASSWORD_HINT),
			    .type = "password", .required = true, .autocomplete = "new-password" };
	field_text(r, &fp, p);
	form_submit_end(r, T(r, M_RESET_SUBMIT));
	page_end(r);
}

static void page_password_reset(struct http_req *r)
{
	if (r->method != HM_POST) {
		const char *code = http_query(r, "code");
		int rc = account_reset_check(r->store, code);
		if (rc == ERR_NOTFOUND)
			reset_bad(r);
		else if (rc)
			web_error_page(r, 500);
		else
			reset_form(r, code, NULL);
		return;
	}
	struct form f;
	if (!page_form(r, &f))
		return;
	const char *code = form_get(&f, "code");
	struct problems p = { 0 };
	int rc = account_reset(r->store, r->arena, code, form_get(&f, "password"), &p);
	if (rc == ERR_INVALID && problems_find(&p, "code")) {
		reset_bad(r);
		return;
	}
	if (rc == ERR_INVALID) {
		r->status = 400;
		reset_form(r, code, &p);
		return;
	}
	if (rc) {
		web_error_page(r, 500);
		return;
	}
	/* the session of this browser ended with the others */
	http_logout(r);
	page_begin(r, T(r, M_RESET_DONE_TITLE), NAV_NONE);
	html_f(&r->out, "<h1>%s</h1>\n", T(r, M_RESET_DONE_TITLE));
	page_notice(r, T(r, M_RESET_DONE_TEXT));
	html_f(&r->out, "<p><a href=\"/inloggen\">%s</a></p>\n", T(r, M_CONFIRM_TO_LOGIN));
	page_end(r);
}

const struct http_route web_password_routes[] = {
	{ HM_GET | HM_POST, "/wachtwoord-vergeten", page_password_forgot, 0 },
	{ HM_GET | HM_POST, "/wachtwoord-herstellen", page_password_reset, 0 },
	{ 0 },
};
