/* The API's route table: its prefix, how it answers, and its features, one
 * line each. Adding an endpoint is adding a row to its feature's routes and
 * a function (and its description in openapi.json). The order of the
 * features does not matter: no two routes take one method on one path,
 * but where one of them is the path itself, which wins (test_routes.c). */
#include "api.h"
#include "routes.h"

/* One line a feature: its file, api/NAME.c, ends with its routes, api_NAME_routes. */
#define FEATURES(F) \
	F(meta) \
	F(areas) \
	F(roles) \
	F(register) \
	F(parties) \
	F(verification) \
	F(members) \
	F(invitations) \
	F(issues) \
	F(factors) \
	F(ledger) \
	F(activity) \
	F(account) \
	F(voice) \
	F(users) \
	F(signup) \
	F(signals)

#define DECLARE(name) extern const struct http_route api_##name##_routes[];
FEATURES(DECLARE)
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
