/* What the API's handlers share: JSON in and out, problems, paging. */
#ifndef KIEM_API_COMMON_H
#define KIEM_API_COMMON_H

#include <jansson.h>
#include <stdbool.h>

#include "../http/http.h"
#include "../model/valid.h"

enum { JSON_DEPTH_MAX = 32 };

/* 400 with invalidParams listing every problem. */
void api_invalid(struct http_req *r, const struct problems *p);
/* Answers a model error code (ERR_NOTFOUND, ERR_AUTH, ...) as a problem. */
void api_fail(struct http_req *r, int rc);
/* Parses the body as a JSON object; on failure answers 400 and returns NULL.
 * The caller releases the result. */
json_t *api_body_object(struct http_req *r);
/* For a create: answers 401 if the viewer is anonymous, else parses the
 * body as api_body_object() does. */
json_t *api_write_body(struct http_req *r);
/* For a write that needs no body (a PUT or POST that only says "do it"):
 * none, or an empty JSON object. Answers (401, 400) and returns false
 * otherwise. */
bool api_empty_body(struct http_req *r);
/* Checks that the request's query has only these parameters and that
 * "limit" is 1..100; adds problems. *limit is set to the limit (default 20). */
void api_check_query(struct http_req *r, const char *const *allowed, int *limit, struct problems *p);
/* A string value or NULL for JSON null; adds R_WRONG_TYPE if neither. */
const char *api_string(struct http_req *r, json_t *v, const char *field, struct problems *p);
/* An array of strings into a NULL-free list; adds problems. */
bool api_strings(struct http_req *r, json_t *v, const char *field, const char ***out, size_t *n,
		 size_t max, struct problems *p);
/* Starts an answer written straight into the response with a streaming
 * writer (jw.h): the status, the JSON content type, an empty body. */
struct jw;
void api_json_begin(struct http_req *r, int status, struct jw *w);
/* The collection's _links, as the member "_links" of the open object of w:
 * self (the request as made) and next (with the cursor), built from the
 * query parameters given in keys/values. */
void api_write_list_links(struct jw *w, struct http_req *r, const char *path, const char *const *keys,
			  const char *const *values, size_t n, const char *next_cursor);
/* The OpenAPI document as served, with the schemas of the registered
 * entities generated from their fields (schema.c); NULL if it cannot be
 * built. */
const char *api_openapi_document(size_t *len);

#endif
