/* The API's route table: its prefix, how it answers, and the routes of
 * every feature of ../features.h. Adding an endpoint is adding a row to its feature's routes and
 * a function (and its description in openapi.json). The order of the
 * features does not matter: no two routes take one method on one path,
 * but where one of them is the path itself, which wins (test_routes.c). */
#include "../features.h"
#include "api.h"
#include "routes.h"

/* Each feature's routes, in the order of ../features.h: api/NAME.c ends
 * with api_NAME_routes; a feature without any has the empty list. */
#define ROUTES(name) __attribute__((weak)) const struct http_route api_##name##_routes[] = { { 0 } };
FEATURES(ROUTES)
#define LIST(name) api_##name##_routes,
static const struct http_route *const features[] = { FEATURES(LIST) NULL };

const struct http_table api_table = {
	.prefix = "/api",
	.features = features,
	.client = HTTP_PROGRAM,
	.body_max = 256 * 1024,
	.error = api_error,
	.header = "API-Version",
	.header_value = API_VERSION,
};
