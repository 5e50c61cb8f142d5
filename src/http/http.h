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
 * response has been sent.
 *
 * Before a request reaches a route, the server refuses what no handler
 * should see: a URL over 8 KiB or with more than 256 query parameters (414),
 * a head too large (431), a body whose length is ambiguous (both
 * Content-Length and Transfer-Encoding, two different Content-Lengths, a
 * coding other than chunked: 400, and the connection is closed). It caps
 * connections per address and in total, and answers 408 to a head or body
 * that takes too long (conn.h). Every response carries X-Request-Id, and
 * every request is one line of the access log (access.h). */
#ifndef KIEM_HTTP_H
#define KIEM_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/buf.h"
#include "../base/lang.h"
#include "../model/perm.h"
#include "../model/valid.h"

struct arena;
struct store;
struct http_req;
struct conn;

enum http_method {
	HM_GET = 1, HM_POST = 2, HM_PATCH = 4, HM_DELETE = 8, HM_PUT = 16, HM_HEAD = 32,
	HM_OPTIONS = 64
};

enum route_flags {
	RF_API = 1,  /* a JSON API route: bearer tokens, problem+json errors */
	RF_PAGE = 2, /* an HTML page: session cookie, CSRF on posts */
	RF_CACHE = 4, /* a read whose answer to anonymous visitors may be kept (cache.h) */
	RF_SECRET = 8, /* its path parameters are secrets: the access log shows the pattern */
};

typedef void (*http_handler)(struct http_req *r);

struct http_route {
	unsigned methods;
	const char *pattern;
	http_handler fn;
	unsigned flags;
};

enum { HTTP_PARAMS_MAX = 4, HTTP_HEADERS_MAX = 16 };

/* The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are
 * believed (KIEM_TRUSTED_PROXIES); see http_proxies_parse(). */
struct http_proxies;

struct http_config {
	const char *listen;     /* "ADDR:PORT" */
	struct store *store;
	const struct http_route *const *tables; /* NULL-terminated list of tables */
	const size_t *table_sizes;
	unsigned threads;
	size_t max_api_body;    /* bytes; past it 413 */
	size_t max_form_body;
	unsigned timeout_s;     /* idle connections are closed after this */
	unsigned max_connections;  /* in total */
	unsigned max_per_address;  /* from one address (an IPv6 /64); 0: no cap */
	unsigned header_timeout_s; /* a request head must arrive within this; else 408 */
	unsigned body_timeout_s;   /* and its body within this after the head */
	bool access_log;           /* a line for every request; else only 429 and 5xx */
	const struct http_proxies *proxies; /* NULL: nobody's forwarding headers */
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

	char id[65]; /* the request id (X-Request-Id) */

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
	bool started;      /* its head has been seen by on_request */
	bool too_long;     /* its URL is over the limits: 414 */
	struct conn *track; /* its connection's deadlines (conn.h) */
	double t0;         /* when its request line arrived, in ms */
	uint64_t queries;  /* the statements its handler ran, for the access log */
	char *target;      /* the path and query as the access log shows them */
	const char *verb;  /* the method as sent, for the log */
	size_t sent;       /* bytes of the body answered */
	const char *client; /* http_client_address(), once worked out */
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
/* Sets a cookie: Path=/, HttpOnly, SameSite=Lax, and Secure when a trusted
 * proxy says the request came over HTTPS (X-Forwarded-Proto); max_age < 0
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

/* The client's IP address as text ("" if unknown): the peer's, or, when the
 * peer is a trusted proxy, the rightmost address in X-Forwarded-For that is
 * not a trusted proxy. An IPv4 client is dotted, also on an IPv6 socket. */
const char *http_client_address(struct http_req *r);

/* Parses KIEM_TRUSTED_PROXIES: addresses and CIDR ranges, IPv4 and IPv6,
 * separated by commas ("10.0.0.1, 10.1.0.0/16, fd00::/8"). Empty or NULL
 * text is no proxies (*out NULL). A bad entry is ERR_USAGE, with what is
 * wrong in why. */
int http_proxies_parse(const char *text, struct http_proxies **out, char *why, size_t why_len);
void http_proxies_free(struct http_proxies *p);

/* The reason phrase of a status, in English. */
const char *http_status_text(int status);

#endif
