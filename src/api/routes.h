/* The API's features, one file each: each ends with its routes, and
 * routes.c lists them in the API's table. */
#ifndef KIEM_API_ROUTES_H
#define KIEM_API_ROUTES_H

#include "../http/http.h"

extern const struct http_route api_meta_routes[];
extern const struct http_route api_areas_routes[];
extern const struct http_route api_roles_routes[];
extern const struct http_route api_register_routes[];
extern const struct http_route api_parties_routes[];
extern const struct http_route api_verification_routes[];
extern const struct http_route api_members_routes[];
extern const struct http_route api_invitations_routes[];
extern const struct http_route api_issues_routes[];
extern const struct http_route api_factors_routes[];
extern const struct http_route api_ledger_routes[];
extern const struct http_route api_activity_routes[];
extern const struct http_route api_account_routes[];
extern const struct http_route api_voice_routes[];
extern const struct http_route api_users_routes[];
extern const struct http_route api_signup_routes[];
extern const struct http_route api_signals_routes[];

/* GET /api/v1/users/me (account.c), which PATCH (voice.c) answers with. */
void api_users_me(struct http_req *r);

#endif
