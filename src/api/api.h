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

/* The API's route table: the paths under /api, bearer tokens, JSON
 * bodies, problem+json errors and the API-Version header (routes.c). */
extern const struct http_table api_table;

/* Answers an error as application/problem+json. */
void api_error(struct http_req *r, int status, const char *detail);

#endif
