/* http: the web server (libmicrohttpd), the route table, the request and
 * its response, cookies, sessions, language and CSRF.
 *
 * Routes are data: the layers above (api, web) each give a table of
 * {methods, pattern, handler, flags}; a pattern's "{x}" segment matches one
 * path segment and is passed in req->params. The server finds the route,
 * answers 404 and 405 (with Allow) itself, works out who the viewer is
 * (a session cookie on pages, a bearer token on the API), checks the CSRF
 * token of every form post, and limits the size of every body.
 *
 * A handler fills req->status, req->content_type and req->out, and may add
 * headers. Everything it allocates comes from req->arena, freed when the
 * response has been sent. */
#ifndef KIEM_HTTP_H
#define KIEM_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/buf.h"
#include "../base/lang.h"
#include "../model/perm.h"
#include "../model/valid.h"

struct arena;
struct store;
struct http_req;

enum http_method {
	HM_GET = 1, HM_POST = 2, HM_PATCH = 4, HM_DELETE = 8, HM_PUT = 16, HM_HEAD = 32,
	HM_OPTIONS = 64
};

enum route_flags {
	RF_API = 1,  /* a JSON API route: bearer tokens, problem+json errors */
	RF_PAGE = 2, /* an HTML page: session cookie, CSRF on posts */
	RF_CACHE = 4, /* a read whose answer to anonymous visitors may be kept (cache.h) */
};

typedef void (*http_handler)(struct http_req *r);

struct http_route {
	unsigned methods;
	const char *pattern;
	http_handler fn;
	unsigned flags;
};

enum { HTTP_PARAMS_MAX = 4, HTTP_HEADERS_MAX = 16 };

struct http_config {
	const char *listen;     /* "ADDR:PORT" */
	struct store *store;
	const struct http_route *const *tables; /* NULL-terminated list of tables */
	const size_t *table_sizes;
	unsigned threads;
	size_t max_api_body;    /* bytes; past it 413 */
	size_t max_form_body;
	unsigned timeout_s;     /* idle connections are closed after this */
	size_t cache_bytes;     /* for answers to anonymous reads; 0: none */
	const char *api_version;
	/* Renders an HTML error page (404, 403, ...) for page routes. */
	void (*page_error)(struct http_req *r, int status);
	/* Answers an API error as problem+json. */
	void (*api_error)(struct http_req *r, int status, const char *detail);
	/* When not NULL: told the address it listens on ("http://HOST:PORT",
	 * the port picked when 0 was asked for), once bound. */
	void (*on_listening)(const char *url);
};

struct http_req {
	struct arena *arena;
	struct store *store;
	const struct http_config *cfg;
	void *conn; /* the libmicrohttpd connection */

	enum http_method method;
	const char *path;
	const char *params[HTTP_PARAMS_MAX];
	unsigned flags; /* the route's */
	char *body;
	size_t body_len;

	struct viewer viewer;
	enum lang lang;
	const char *session; /* the session secret, when logged in by cookie */
	const char *csrf;    /* the CSRF token forms must carry; see http_csrf_token() */

	int status;
	const char *content_type;
	struct buf out;
	struct {
		const char *name;
		const char *value;
	} headers[HTTP_HEADERS_MAX];
	int nheaders;

	bool nocache; /* a handler sets this when its answer must not be kept */

	/* private to the server */
	size_t body_cap;
	size_t dropped;
	bool too_big;
	bool responded;
};

/* Serves until SIGTERM or SIGINT, then finishes the requests in flight and
 * returns 0. Non-zero if the server could not start. */
int http_serve(const struct http_config *cfg);

/* A query parameter, or NULL. Values that are not valid UTF-8 read as NULL. */
const char *http_query(struct http_req *r, const char *name);
/* Calls fn for every query parameter, in order. */
void http_query_each(struct http_req *r, void (*fn)(void *ctx, const char *k, const char *v), void *ctx);
/* The name of the first query parameter whose name or value is not valid
 * UTF-8 ("?" if the name itself is not), or NULL if all are valid. */
const char *http_query_invalid(struct http_req *r);
const char *http_header(struct http_req *r, const char *name);
const char *http_cookie(struct http_req *r, const char *name);

void http_add_header(struct http_req *r, const char *name, const char *value);
/* Sets a cookie: Path=/, HttpOnly, SameSite=Lax, and Secure when a proxy
 * says the request came over HTTPS (X-Forwarded-Proto); max_age < 0
 * deletes it. */
void http_set_cookie(struct http_req *r, const char *name, const char *value, long max_age);
/* 303 See Other to a path on this site. */
void http_redirect(struct http_req *r, const char *location);

/* The CSRF token a form must carry. An anonymous visitor without one is given
 * the cookie it is made of with this response. */
const char *http_csrf_token(struct http_req *r);
/* Starts a logged-in session for the user, replacing any current one (so a
 * session id never survives a login), and sets its cookie. */
int http_login(struct http_req *r, const char *user_id);
void http_logout(struct http_req *r);

/* A parsed application/x-www-form-urlencoded body. */
struct form {
	size_t n;
	const char **keys;
	const char **values;
};
/* Parses req->body; false when it is not valid UTF-8 or not a form. */
bool http_form_parse(struct http_req *r, struct form *f);
/* The first value of a field, or NULL. */
const char *form_get(const struct form *f, const char *key);
/* All values of a field (for checkboxes and multiple selects). */
size_t form_get_all(const struct form *f, const char *key, const char **out, size_t max);

/* The client's IP address as text ("" if unknown). */
const char *http_client_address(struct http_req *r);

/* The reason phrase of a status, in English. */
const char *http_status_text(int status);

#endif
