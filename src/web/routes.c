/* The pages' route table: every path the API's does not take, how they
 * answer, and the features, one line each. The order of the features does
 * not matter: no two routes take one method on one path, but where one of
 * them is the path itself, which wins (test_routes.c). */
#include "layout.h"
#include "pages.h"
#include "web.h"

/* One line a feature: its file, web/NAME.c, ends with its routes, web_NAME_routes. */
#define FEATURES(F) \
	F(home) \
	F(static) \
	F(parties) \
	F(party_form) \
	F(verification) \
	F(members) \
	F(issues) \
	F(issue_form) \
	F(signals) \
	F(invitations) \
	F(part_factors) \
	F(ledger) \
	F(login) \
	F(signup) \
	F(password) \
	F(account) \
	F(part_voice) \
	F(notifications) \
	F(privacy) \
	F(opendata) \
	F(admin) \
	F(users)

#define DECLARE(name) extern const struct http_route web_##name##_routes[];
FEATURES(DECLARE)
#define LIST(name) web_##name##_routes,
static const struct http_route *const features[] = { FEATURES(LIST) NULL };

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
