/* The API's features, one file each: each ends with its routes, and
 * routes.c lists them in the API's table. */
#ifndef KIEM_API_ROUTES_H
#define KIEM_API_ROUTES_H

#include "../http/http.h"

/* GET /api/v1/users/me (account.c), which PATCH (voice.c) answers with. */
void api_users_me(struct http_req *r);

#endif
