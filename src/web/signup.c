/* /registreren, /bevestigen and /bevestigen/opnieuw: making an account and
 * confirming its email address (model/account.h). */
#include <string.h>

#include "../base/err.h"
#include "../base/text.h"
#include "../model/account.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

/* next if it is a path on this site, else "". */
static const char *local_or_empty(const char *next)
{
	return text_local_path(next) ? next : "";
}

static void hidden_next(struct http_req *r, const char *next)
{
	if (*next)
		html_f(&r->out, "<input type=\"hidden\" name=\"next\" value=\"%s\">\n", next);
}

static void render_form(struct http_req *r, const char *name, const char *email, const char *next,
			const struct problems *p, long wait)
{
	page_begin(r, T(r, M_REG_TITLE), NAV_REGISTER);
	html_f(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", T(r, M_REG_TITLE), T(r, M_REG_INTRO));
	if (wait)
		web_mail_throttled_notice(r, wait);
	const struct field_label labels[] = {
		{ "name", T(r, M_NAME) }, { "email", T(r, M_EMAIL) }, { "password", T(r, M_PASSWORD) },
	};
	form_error_summary(r, p, labels, sizeof labels / sizeof labels[0]);
	form_begin(r, "/registreren", true);
	hidden_next(r, next);
	struct field fn = { .name = "name", .label = T(r, M_NAME), .hint = T(r, M_REG_NAME_HINT),
			    .value = name, .required = true, .autocomplete = "name" };
	field_text(r, &fn, p);
	struct field fe = { .name = "email", .label = T(r, M_EMAIL), .hint = T(r, M_REG_EMAIL_HINT),
			    .value = email, .type = "email", .required = true, .autocomplete = "email" };
	field_text(r, &fe, p);
	struct field fp = { .name = "password", .label = T(r, M_PASSWORD), .hint = T(r, M_REG_PASSWORD_HINT),
			    .type = "password", .required = true, .autocomplete = "new-password" };
	field_text(r, &fp, p);
	form_submit_end(r, T(r, M_REG_SUBMIT));
	html_f(&r->out, "<p>%s <a href=\"%s\">%s</a></p>\n", T(r, M_REG_HAVE_ACCOUNT),
	       page_url(r, "/inloggen", "next", next, NULL, NULL), T(r, M_NAV_LOGIN));
	page_end(r);
}

static void render_sent(struct http_req *r, const char *email, const char *next)
{
	struct buf *b = &r->out;
	page_begin(r, T(r, M_REG_SENT_TITLE), NAV_REGISTER);
	html_f(b, "<h1>%s</h1>\n<p>", T(r, M_REG_SENT_TITLE));
	html_f(b, T(r, M_REG_SENT_TEXT), email);
	html_f(b, "</p>\n<p>%s <a href=\"%s\">%s</a></p>\n", T(r, M_REG_SENT_NONE),
	       page_url(r, "/bevestigen/opnieuw", "email", email, "next", next), T(r, M_RESEND_LINK));
	page_end(r);
}

static void page_register(struct http_req *r)
{
	if (r->viewer.authenticated) {
		http_redirect(r, "/account");
		return;
	}
	if (r->method != HM_POST) {
		const char *email = http_query(r, "email");
		render_form(r, "", email ? email : "", local_or_empty(http_query(r, "next")), NULL, 0);
		return;
	}
	struct form f;
	if (!page_form(r, &f))
		return;
	const char *name = form_get(&f, "name"), *email = form_get(&f, "email");
	const char *next = local_or_empty(form_get(&f, "next"));
	struct problems p = { 0 };
	struct mail_request m = { .address = http_client_address(r) };
	int rc = account_register(r->store, r->arena, name, email, form_get(&f, "password"), r->lang, next,
				  &m, &p);
	if (rc == ERR_INVALID || rc == ERR_BUSY) {
		web_mail_refused(r, rc, m.retry_after);
		render_form(r, name ? name : "", email ? email : "", next, &p, m.retry_after);
		return;
	}
	if (rc) {
		web_error_page(r, 500);
		return;
	}
	render_sent(r, email, next);
}

/* The form that asks for a new confirmation link. */
static void resend_form(struct http_req *r, const char *email, const char *next, const struct problems *p)
{
	form_error_summary(r, p, &(const struct field_label){ "email", T(r, M_EMAIL) }, 1);
	form_begin(r, "/bevestigen/opnieuw", true);
	hidden_next(r, next);
	struct field fe = { .name = "email", .label = T(r, M_EMAIL), .value = email, .type = "email",
			    .required = true, .autocomplete = "email" };
	field_text(r, &fe, p);
	form_submit_end(r, T(r, M_RESEND_SUBMIT));
}

static void page_confirm(struct http_req *r)
{
	struct buf *b = &r->out;
	const char *next = local_or_empty(http_query(r, "next"));
	struct problems p = { 0 };
	int rc = account_confirm(r->store, http_query(r, "code"), &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		page_begin(r, T(r, M_LINK_BAD_TITLE), NAV_NONE);
		html_f(b, "<h1>%s</h1>\n<p>%s</p>\n", T(r, M_LINK_BAD_TITLE), T(r, M_CONFIRM_BAD_TEXT));
		html_f(b, "<p><a href=\"%s\">%s</a></p>\n", page_url(r, "/inloggen", "next", next, NULL, NULL),
		       T(r, M_CONFIRM_TO_LOGIN));
		html_f(b, "<h2>%s</h2>\n", T(r, M_RESEND_TITLE));
		resend_form(r, "", next, NULL);
		page_end(r);
		return;
	}
	if (rc) {
		web_error_page(r, 500);
		return;
	}
	page_begin(r, T(r, M_CONFIRM_DONE_TITLE), NAV_NONE);
	html_f(b, "<h1>%s</h1>\n", T(r, M_CONFIRM_DONE_TITLE));
	page_notice(r, T(r, M_CONFIRM_DONE_TEXT));
	html_f(b, "<p><a href=\"%s\">%s</a></p>\n", page_url(r, "/inloggen", "next", next, NULL, NULL),
	       T(r, M_CONFIRM_TO_LOGIN));
	page_end(r);
}

static void page_confirm_again(struct http_req *r)
{
	const char *email, *next;
	struct problems p = { 0 };
	struct mail_request m = { .address = http_client_address(r) };
	int rc = -1; /* not asked yet */
	if (r->method != HM_POST) {
		email = http_query(r, "email");
		next = local_or_empty(http_query(r, "next"));
	} else {
		struct form f;
		if (!page_form(r, &f))
			return;
		email = form_get(&f, "email");
		next = local_or_empty(form_get(&f, "next"));
		rc = account_resend(r->store, r->arena, email, next, &m, &p);
		if (rc == ERR_BUSY || rc == ERR_INVALID)
			web_mail_refused(r, rc, m.retry_after);
		else if (rc) {
			web_error_page(r, 500);
			return;
		}
	}
	page_begin(r, T(r, M_RESEND_TITLE), NAV_NONE);
	html_f(&r->out, "<h1>%s</h1>\n", T(r, M_RESEND_TITLE));
	if (rc == 0) {
		page_notice(r, T(r, M_RESEND_SENT));
	} else {
		if (rc == ERR_BUSY)
			web_mail_throttled_notice(r, m.retry_after);
		html_f(&r->out, "<p>%s</p>\n", T(r, M_RESEND_INTRO));
		resend_form(r, email ? email : "", next, &p);
	}
	page_end(r);
}

const struct http_route web_signup_routes[] = {
	{ HM_GET | HM_POST, "/registreren", page_register, 0 },
	{ HM_GET, "/bevestigen", page_confirm, 0 },
	{ HM_GET | HM_POST, "/bevestigen/opnieuw", page_confirm_again, 0 },
	{ 0 },
};
