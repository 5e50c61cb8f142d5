/* api: the JSON API under /api/v1, after the Dutch API Design Rules.
 *
 * Thin by design: each handler reads the request into the model's structs,
 * calls the model, and writes the answer. Validation, permissions and
 * storage are the model's. */
#ifndef KIEM_API_H
#define KIEM_API_H

#include <stddef.h>

#include "../http/http.h"

#define API_VERSION "1.0.0"

extern const struct http_route api_routes[];
extern const size_t api_routes_count;

/* Answers an error as application/problem+json. */
void api_error(struct http_req *r, int status, const char *detail);

#endif
