/* The API's route table: adding an endpoint is adding a row and a function
 * (and its description in openapi.json). */
#include "api.h"
#include "routes.h"

const struct http_route api_routes[] = {
	{ HM_GET, "/api/v1/health", api_health, RF_API },
	{ HM_GET, "/api/v1/openapi.json", api_openapi, RF_API },
	{ HM_GET, "/api/v1/areas", api_areas_list, RF_API | RF_CACHE },
	{ HM_POST, "/api/v1/areas", api_areas_create, RF_API },
	{ HM_GET, "/api/v1/areas/{code}", api_areas_get, RF_API | RF_CACHE },
	{ HM_GET, "/api/v1/roles", api_roles_list, RF_API | RF_CACHE },
	{ HM_GET, "/api/v1/roles/{key}", api_roles_get, RF_API | RF_CACHE },
	{ HM_GET, "/api/v1/processing-activities", api_register_list, RF_API | RF_CACHE },
	{ HM_GET, "/api/v1/parties", api_parties_list, RF_API | RF_CACHE },
	{ HM_POST, "/api/v1/parties", api_parties_create, RF_API },
	{ HM_GET, "/api/v1/parties/{id}", api_parties_get, RF_API | RF_CACHE },
	{ HM_PATCH, "/api/v1/parties/{id}", api_parties_patch, RF_API },
	{ HM_DELETE, "/api/v1/parties/{id}", api_parties_delete, RF_API },
	{ HM_GET, "/api/v1/parties/{id}/members", api_members_list, RF_API },
	{ HM_POST, "/api/v1/parties/{id}/members", api_members_add, RF_API },
	{ HM_GET, "/api/v1/parties/{id}/members/{userId}", api_members_get, RF_API },
	{ HM_PATCH, "/api/v1/parties/{id}/members/{userId}", api_members_patch, RF_API },
	{ HM_DELETE, "/api/v1/parties/{id}/members/{userId}", api_members_delete, RF_API },
	{ HM_GET, "/api/v1/activity", api_activity_list, RF_API },
	{ HM_GET, "/api/v1/users/me", api_users_me, RF_API },
	{ HM_DELETE, "/api/v1/users/me", api_users_me_delete, RF_API },
	{ HM_GET, "/api/v1/users/me/export", api_users_me_export, RF_API },
	{ HM_GET, "/api/v1/users", api_users_list, RF_API },
	{ HM_GET, "/api/v1/users/{id}", api_users_get, RF_API },
	{ HM_PATCH, "/api/v1/users/{id}", api_users_patch, RF_API },
	{ HM_POST, "/api/v1/users/{id}/coordinator-areas", api_users_appoint, RF_API },
	{ HM_DELETE, "/api/v1/users/{id}/coordinator-areas/{code}", api_users_dismiss, RF_API },
	{ HM_GET, "/api/v1/tokens", api_tokens_list, RF_API },
	{ HM_POST, "/api/v1/tokens", api_tokens_create, RF_API },
	{ HM_DELETE, "/api/v1/tokens/{id}", api_tokens_delete, RF_API },
	{ HM_GET, "/api/v1/sessions", api_sessions_list, RF_API },
	{ HM_DELETE, "/api/v1/sessions/{id}", api_sessions_delete, RF_API },
};
const size_t api_routes_count = sizeof api_routes / sizeof api_routes[0];
