/* The pages' route table: every path the API's does not take, how they
 * answer, and the features, one line each. The order of the features does
 * not matter: no two routes take one method on one path, but where one of
 * them is the path itself, which wins (test_routes.c). */
#include "pages.h"
#include "web.h"

static const struct http_route *const features[] = {
	web_home_routes,
	web_static_routes,
	web_parties_routes,
	web_party_form_routes,
	web_verification_routes,
	web_members_routes,
	web_issues_routes,
	web_issue_form_routes,
	web_signals_routes,
	web_invitations_routes,
	web_part_factors_routes,
	web_ledger_routes,
	web_login_routes,
	web_signup_routes,
	web_password_routes,
	web_account_routes,
	web_part_voice_routes,
	web_notifications_routes,
	web_privacy_routes,
	web_opendata_routes,
	web_admin_routes,
	web_users_routes,
	NULL,
};

/* A page says what is wrong in its own words: the detail is for programs. */
static void error_page(struct http_req *r, int status, const char *detail)
{
	(void)detail;
	web_error_page(r, status);
}

const struct http_table web_table = {
	.prefix = "",
	.features = features,
	.client = HTTP_BROWSER,
	.body_max = 256 * 1024,
	.error = error_page,
};
