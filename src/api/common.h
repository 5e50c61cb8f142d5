/* What the API's handlers share: JSON in and out, problems, paging. */
#ifndef KIEM_API_COMMON_H
#define KIEM_API_COMMON_H

#include <jansson.h>
#include <stdbool.h>

#include "../http/http.h"
#include "../model/fields.h"
#include "../model/valid.h"

enum { JSON_DEPTH_MAX = 32 };

/* 400 with invalidParams listing every problem. */
void api_invalid(struct http_req *r, const struct problems *p);
/* Answers a model error code (ERR_NOTFOUND, ERR_AUTH, ...) as a problem. */
void api_fail(struct http_req *r, int rc);
/* Parses the body as a JSON object; on failure answers 400 and returns NULL.
 * The caller releases the result. */
json_t *api_body_object(struct http_req *r);
/* For what only a logged-in viewer may do: answers 401 and returns false
 * for an anonymous one. */
bool api_logged_in(struct http_req *r);
/* For a write: answers 401 if the viewer is anonymous, else parses the
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
/* For a write: answers 401 to an anonymous viewer, else reads the body
 * (api_body_object) and applies it to obj as fields_apply_json() does,
 * adding to p. False when it answered. */
bool api_read(struct http_req *r, const struct field_desc *f, size_t n, void *obj, enum field_op op,
	      struct problems *p);
/* Reads the body's members named in keys as strings into values (api_string);
 * any other member is a problem. False (and answered) if the body is no
 * JSON object. */
bool api_read_strings(struct http_req *r, const char *const *keys, const char **values, size_t n,
		      struct problems *p);
/* Answers 400 and returns false if the request has any query parameter
 * (for what comes on one page and takes no filter). */
bool api_no_query(struct http_req *r);

/* Answers a model call that failed and returns true; answers nothing and
 * returns false when rc is 0. ERR_INVALID is 400 with the problems of p
 * (when p is given), ERR_CONFLICT a 409 with conflict as its detail (when
 * given); the others are as api_fail() answers them. */
bool api_failed(struct http_req *r, int rc, const struct problems *p, const char *conflict);
/* 204 without a body when rc is 0, else as api_failed(). */
void api_no_content(struct http_req *r, int rc, const char *conflict);
/* 409 for a status that cannot move: detail, and allowedStatuses listing
 * the moves in names ("open, addressed"). */
void api_conflict_moves(struct http_req *r, const char *detail, const char *names);

/* Starts an answer written straight into the response with a streaming
 * writer (jw.h): the status, the JSON content type, an empty body. */
struct jw;
void api_json_begin(struct http_req *r, int status, struct jw *w);
/* Writes obj as the next value of w: each resource has one, which the
 * answers below take. */
typedef void api_writer(struct http_req *r, struct jw *w, const void *obj);
/* Answers obj with this status, as write() writes it. */
void api_send(struct http_req *r, int status, api_writer *write, const void *obj);
/* The member "items" of the open object of w: n items of size bytes each,
 * as write() writes them. */
void api_write_items(struct http_req *r, struct jw *w, api_writer *write, const void *items, size_t size,
		     size_t n);
/* The collection's _links, as the member "_links" of the open object of w:
 * self (the request as made) and next (with the cursor), with the
 * parameters of query (the list api_check_query() took, or NULL) that the
 * request gave, but the cursor. */
void api_write_list_links(struct jw *w, struct http_req *r, const char *path, const char *const *query,
			  const char *next_cursor);
/* Answers a collection's page: its items (api_write_items) and its links
 * (api_write_list_links). */
void api_send_list(struct http_req *r, const char *path, const char *const *query, const char *next_cursor,
		   api_writer *write, const void *items, size_t size, size_t n);

/* The API path of the object of the registered type (registry.h, by its
 * key) with this id, in the request's arena: "/api/v1/parties/<id>". The
 * type must have an API path. */
const char *api_path(struct http_req *r, const char *type, const char *id);
/* Opens the member "_links" of the open object of w with "self": the
 * object's api_path(), followed by "/" and sub when sub is given, and "/"
 * and sub_id when that is (a factor is "factors" and its id under its
 * issue). Returns that path; the caller adds its other links and closes
 * "_links" with jw_end(). */
const char *api_links(struct jw *w, struct http_req *r, const char *type, const char *id, const char *sub,
		      const char *sub_id);
/* The OpenAPI document as served, with the schemas of the registered
 * entities generated from their fields (schema.c); NULL if it cannot be
 * built. */
const char *api_openapi_document(size_t *len);

#endif
