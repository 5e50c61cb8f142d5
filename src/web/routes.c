/* The pages' route table: every path the API's does not take, how they
 * answer, and the pages of every feature of ../features.h. The order of the features does
 * not matter: no two routes take one method on one path, but where one of
 * them is the path itself, which wins (test_routes.c). */
#include "../features.h"
#include "layout.h"
#include "pages.h"
#include "web.h"

/* Each feature's pages, in the order of ../features.h: web/NAME.c ends
 * with web_NAME_routes; a feature without any has the empty list. */
#define ROUTES(name) __attribute__((weak)) const struct http_route web_##name##_routes[] = { { 0 } };
FEATURES(ROUTES)
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
