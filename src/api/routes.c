/* The API's route table: its prefix, how it answers, and its features, one
 * line each. Adding an endpoint is adding a row to its feature's routes and
 * a function (and its description in openapi.json). The order of the
 * features does not matter: no two routes take one method on one path,
 * but where one of them is the path itself, which wins (test_routes.c). */
#include "api.h"
#include "routes.h"

static const struct http_route *const features[] = {
	api_meta_routes,
	api_areas_routes,
	api_roles_routes,
	api_register_routes,
	api_parties_routes,
	api_verification_routes,
	api_members_routes,
	api_invitations_routes,
	api_issues_routes,
	api_factors_routes,
	api_ledger_routes,
	api_activity_routes,
	api_account_routes,
	api_voice_routes,
	api_users_routes,
	api_signup_routes,
	api_signals_routes,
	NULL,
};

const struct http_table api_table = {
	.prefix = "/api",
	.features = features,
	.client = HTTP_PROGRAM,
	.body_max = 256 * 1024,
	.error = api_error,
	.header = "API-Version",
	.header_value = API_VERSION,
};
