/* /api/v1/registrations, /api/v1/email-confirmations,
 * /api/v1/email-confirmation-requests, /api/v1/password-reset-requests and
 * /api/v1/password-resets: making an account, confirming its email
 * address and choosing a new password, without logging in
 * (model/account.h). Each answers the same whether or not an address has
 * an account. */
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../model/account.h"
#include "api.h"
#include "common.h"

/* Answers a model result: 202 or 204 for 0, else the problem. */
static void answer(struct http_req *r, int rc, int status, const struct problems *p, long retry_after)
{
	if (rc == ERR_BUSY) {
		http_add_header(r, "Retry-After", arena_printf(r->arena, "%ld", retry_after));
		api_error(r, 429, "Too many requests that send mail came from your address; wait and try again.");
	} else if (!api_failed(r, rc, p, NULL)) {
		buf_reset(&r->out);
		r->status = status;
		r->content_type = NULL;
	}
}

static void api_registrations_create(struct http_req *r)
{
	static const char *const keys[] = { "name", "email", "password", "lang" };
	const char *v[4] = { NULL, NULL, NULL, NULL };
	struct problems p = { 0 };
	if (!api_read_strings(r, keys, v, 4, &p))
		return;
	enum lang lang = r->lang;
	if (v[3] && strcmp(v[3], "nl") == 0)
		lang = LANG_NL;
	else if (v[3] && strcmp(v[3], "en") == 0)
		lang = LANG_EN;
	else if (v[3])
		problems_add(&p, "lang", R_NOT_ONE_OF, 0);
	struct mail_request m = { .address = http_client_address(r) };
	int rc = account_register(r->store, r->arena, v[0], v[1], v[2], lang, NULL, &m, &p);
	answer(r, rc, 202, &p, m.retry_after);
}

static void api_email_confirmations_create(struct http_req *r)
{
	static const char *const keys[] = { "code" };
	const char *code = NULL;
	struct problems p = { 0 };
	if (!api_read_strings(r, keys, &code, 1, &p))
		return;
	answer(r, account_confirm(r->store, code, &p), 204, &p, 0);
}

static void api_email_confirmation_requests_create(struct http_req *r)
{
	static const char *const keys[] = { "email" };
	const char *email = NULL;
	struct problems p = { 0 };
	if (!api_read_strings(r, keys, &email, 1, &p))
		return;
	struct mail_request m = { .address = http_client_address(r) };
	int rc = account_resend(r->store, r->arena, email, NULL, &m, &p);
	answer(r, rc, 202, &p, m.retry_after);
}

static void api_password_reset_requests_create(struct http_req *r)
{
	static const char *const keys[] = { "email" };
	const char *email = NULL;
	struct problems p = { 0 };
	if (!api_read_strings(r, keys, &email, 1, &p))
		return;
	struct mail_request m = { .address = http_client_address(r) };
	int rc = account_reset_request(r->store, r->arena, email, &m, &p);
	answer(r, rc, 202, &p, m.retry_after);
}

static void api_password_resets_create(struct http_req *r)
{
	static const char *const keys[] = { "code", "password" };
	const char *v[2] = { NULL, NULL };
	struct problems p = { 0 };
	if (!api_read_strings(r, keys, v, 2, &p))
		return;
	answer(r, account_reset(r->store, r->arena, v[0], v[1], &p), 204, &p, 0);
}

const struct http_route api_signup_routes[] = {
	{ HM_POST, "/api/v1/registrations", api_registrations_create, 0 },
	{ HM_POST, "/api/v1/email-confirmations", api_email_confirmations_create, 0 },
	{ HM_POST, "/api/v1/email-confirmation-requests", api_email_confirmation_requests_create, 0 },
	{ HM_POST, "/api/v1/password-reset-requests", api_password_reset_requests_create, 0 },
	{ HM_POST, "/api/v1/password-resets", api_password_resets_create, 0 },
	{ 0 },
};
