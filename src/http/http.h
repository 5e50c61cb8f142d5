/* http: the web server (libmicrohttpd), the route table, the request and
 * its response, cookies, sessions, language and CSRF.
 *
 * Routes are data: the layers above each give a route table (struct
 * http_table) for the paths under its prefix, made of their features' lists
 * of {methods, pattern, handler, flags}; a pattern's "{x}" segment matches
 * one path segment and is passed in req->params. The table says who sends
 * its requests (people in a browser, or programs), how large a body may be,
 * and how its errors are written. The server finds the route, answers 404
 * and 405 (with Allow) itself in the table's way, works out who the viewer
 * is (a session cookie from a browser, a bearer token from a program),
 * checks the CSRF token of every form post, and limits the size of every
 * body.
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
	RF_CACHE = 1, /* a read whose answer to anonymous visitors may be kept (cache.h) */
	RF_SECRET = 2, /* its path parameters are secrets: the access log shows the pattern */
};

typedef void (*http_handler)(struct http_req *r);

/* One route. A feature lists its routes in an array that ends with a row
 * without a pattern, { 0 }. */
struct http_route {
	unsigned methods;
	const char *pattern;
	http_handler fn;
	unsigned flags;
};

/* Who sends the requests of a table, which says how they are read. */
enum http_client {
	/* People in a browser: the session cookie, forms that carry the CSRF
	 * token, the language they ask for; answers vary by Cookie and
	 * Accept-Language. */
	HTTP_BROWSER,
	/* Programs: a bearer token (one that is not valid is 401), JSON bodies
	 * (application/merge-patch+json too, for PATCH). */
	HTTP_PROGRAM,
};

/* The routes under one prefix, and how to answer there. */
struct http_table {
	/* Its paths: the prefix itself and the paths under it ("/x" takes
	 * "/x" and "/x/..."); "" takes every path. The tables are tried in
	 * order, and the last takes the paths no other does. */
	const char *prefix;
	/* Its features' routes: a NULL-terminated list of arrays, each ended
	 * by { 0 }. A path's route is the first that matches it with the
	 * method, but a pattern that is the path itself wins over any with a
	 * parameter in its place, whatever their order. */
	const struct http_route *const *features;
	enum http_client client;
	size_t body_max; /* bytes; past it 413 */
	/* Writes an error answer of status, in req->out: detail says what is
	 * wrong in a sentence, or is NULL when the status says it all. */
	void (*error)(struct http_req *r, int status, const char *detail);
	/* A header every answer of the table carries (its name and value), or
	 * NULL. */
	const char *header, *header_value;
};

/* The table that takes path: the first whose prefix it lies under, else
 * the last of the NULL-terminated list. */
const struct http_table *http_table_of(const struct http_table *const *tables, const char *path);
/* The route of table t for method m and path, its parameters in params
 * (allocated from a), or NULL with *allowed the methods of the routes whose
 * patterns match (0: none does). */
const struct http_route *http_table_find(const struct http_table *t, struct arena *a, enum http_method m,
					 const char *path, const char **params, unsigned *allowed);

enum { HTTP_PARAMS_MAX = 4, HTTP_HEADERS_MAX = 16 };

/* The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are
 * believed (KIEM_TRUSTED_PROXIES); see http_proxies_parse(). */
struct http_proxies;

struct http_config {
	const char *listen;     /* "ADDR:PORT" */
	struct store *store;
	const struct http_table *const *tables; /* NULL-terminated; see http_table_of() */
	unsigned threads;
	/* threads for the requests that write, which wait for their commit
	 * without holding one of the workers above (writers.h); 0: 32 */
	unsigned write_threads;
	unsigned timeout_s;     /* idle connections are closed after this */
	unsigned max_connections;  /* in total */
	unsigned max_per_address;  /* from one address (an IPv6 /64); 0: no cap */
	unsigned header_timeout_s; /* a request head must arrive within this; else 408 */
	unsigned body_timeout_s;   /* and its body within this after the head */
	bool access_log;           /* a line for every request; else only 429 and 5xx */
	const struct http_proxies *proxies; /* NULL: nobody's forwarding headers */
	size_t cache_bytes;     /* for answers to anonymous reads; 0: none */
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
	const struct http_table *table; /* the one its path lies under */
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
	bool handled;      /* handled by a thread of writers.h: its answer is ready */
	struct writers_job *job; /* while it is handed to writers.h */
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
