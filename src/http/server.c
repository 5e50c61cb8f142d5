/* The server: libmicrohttpd glue, dispatch, and the response. */
#include "http.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../base/text.h"
#include "../model/settings.h"
#include "../model/user.h"
#include "../store/store.h"
#include "access.h"
#include "cache.h"
#include "conn.h"
#include "proxy.h"
#include "writers.h"

static atomic_int in_flight;
static unsigned char csrf_key[32];

/* What a request target may hold before it is refused with 414: beyond
 * these, libmicrohttpd 0.9.75 runs out of its connection's memory while it
 * splits the query, and then leaves the connection hanging instead of
 * answering. */
enum { URL_MAX = 8192, QUERY_PARAMS_MAX = 256 };

const char *http_status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 204: return "No Content";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 408: return "Request Timeout";
	case 409: return "Conflict";
	case 410: return "Gone";
	case 413: return "Content Too Large";
	case 414: return "URI Too Long";
	case 415: return "Unsupported Media Type";
	case 429: return "Too Many Requests";
	case 431: return "Request Header Fields Too Large";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	}
	return "Error";
}

static const char *lookup(struct http_req *r, enum MHD_ValueKind kind, const char *name)
{
	return MHD_lookup_connection_value(r->conn, kind, name);
}

const char *http_query(struct http_req *r, const char *name)
{
	const char *v = lookup(r, MHD_GET_ARGUMENT_KIND, name);
	if (v && !text_utf8_valid(v, strlen(v)))
		return NULL;
	return v;
}

struct each_ctx {
	void (*fn)(void *, const char *, const char *);
	void *ctx;
};

static enum MHD_Result each_cb(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct each_ctx *e = cls;
	if (key && text_utf8_valid(key, strlen(key)) && (!value || text_utf8_valid(value, strlen(value))))
		e->fn(e->ctx, key, value ? value : "");
	return MHD_YES;
}

void http_query_each(struct http_req *r, void (*fn)(void *ctx, const char *k, const char *v), void *ctx)
{
	struct each_ctx e = { fn, ctx };
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, each_cb, &e);
}

static enum MHD_Result bad_cb(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	const char **bad = cls;
	if (!text_utf8_valid(key, strlen(key)) || (value && !text_utf8_valid(value, strlen(value)))) {
		*bad = text_utf8_valid(key, strlen(key)) ? key : "?";
		return MHD_NO;
	}
	return MHD_YES;
}

const char *http_query_invalid(struct http_req *r)
{
	const char *bad = NULL;
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, bad_cb, &bad);
	return bad ? arena_strdup(r->arena, bad) : NULL;
}

/* The peer's address; false if it has none we know. */
static bool peer_of(struct http_req *r, struct addr *out)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	return ci && addr_from_sockaddr(ci->client_addr, out);
}

/* Whether the peer is a trusted proxy, whose forwarding headers count. */
static bool via_trusted_proxy(struct http_req *r)
{
	struct addr peer;
	return r->cfg->proxies && peer_of(r, &peer) && proxies_trust(r->cfg->proxies, &peer);
}

/* Joins the X-Forwarded-For headers into one list, in two passes: the
 * first (to == NULL) counts the bytes, the second copies them. Whole, never
 * cut: the client is found from the right, and a cap that dropped the list
 * would count a sender of a long header under the proxy's address. The head
 * is bounded by libmicrohttpd's connection memory, so is this. */
struct forwarded {
	char *to;
	size_t len;
};

static enum MHD_Result forwarded_cb(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct forwarded *f = cls;
	if (!key || !value || strcasecmp(key, "X-Forwarded-For") != 0)
		return MHD_YES;
	size_t n = strlen(value);
	if (f->to) {
		if (f->len)
			f->to[f->len] = ',';
		memcpy(f->to + f->len + (f->len > 0), value, n);
	}
	f->len += (f->len > 0) + n;
	return MHD_YES;
}

const char *http_client_address(struct http_req *r)
{
	if (r->client)
		return r->client;
	char *out = arena_alloc(r->arena, ADDR_TEXT_MAX);
	struct addr peer;
	if (!peer_of(r, &peer))
		return r->client = out;
	struct addr client = peer;
	if (r->cfg->proxies && proxies_trust(r->cfg->proxies, &peer)) {
		/* several X-Forwarded-For headers are one list, in their order */
		struct forwarded f = { 0 };
		MHD_get_connection_values(r->conn, MHD_HEADER_KIND, forwarded_cb, &f);
		if (f.len) {
			size_t len = f.len;
			f = (struct forwarded){ .to = arena_alloc(r->arena, len + 1) };
			MHD_get_connection_values(r->conn, MHD_HEADER_KIND, forwarded_cb, &f);
			f.to[f.len] = 0;
			client = proxies_client(r->cfg->proxies, &peer, f.to);
		}
	}
	addr_format(&client, out);
	return r->client = out;
}

const char *http_header(struct http_req *r, const char *name)
{
	return lookup(r, MHD_HEADER_KIND, name);
}

const char *http_cookie(struct http_req *r, const char *name)
{
	return lookup(r, MHD_COOKIE_KIND, name);
}

void http_add_header(struct http_req *r, const char *name, const char *value)
{
	if (r->nheaders == HTTP_HEADERS_MAX) {
		log_error("too many headers on a response; dropped %s", name);
		return;
	}
	r->headers[r->nheaders].name = name;
	r->headers[r->nheaders].value = value;
	r->nheaders++;
}

void http_set_cookie(struct http_req *r, const char *name, const char *value, long max_age)
{
	/* behind a proxy of ours that speaks HTTPS, the browser keeps it for
	 * HTTPS only; anyone else's say-so is not believed */
	const char *proto = http_header(r, "X-Forwarded-Proto");
	bool secure = proto && strcasecmp(proto, "https") == 0 && via_trusted_proxy(r);
	http_add_header(r, MHD_HTTP_HEADER_SET_COOKIE,
			arena_printf(r->arena, "%s=%s; Path=/; Max-Age=%ld; HttpOnly; SameSite=Lax%s",
				     name, max_age < 0 ? "" : value, max_age < 0 ? 0 : max_age,
				     secure ? "; Secure" : ""));
}

void http_redirect(struct http_req *r, const char *location)
{
	r->status = 303;
	r->content_type = "text/plain; charset=utf-8";
	buf_reset(&r->out);
	http_add_header(r, MHD_HTTP_HEADER_LOCATION, location);
}

static const char *make_csrf(struct arena *a, const char *prefix, const char *secret)
{
	unsigned char h[16];
	crypto_generichash_state st;
	crypto_generichash_init(&st, csrf_key, sizeof csrf_key, sizeof h);
	crypto_generichash_update(&st, (const unsigned char *)prefix, strlen(prefix));
	crypto_generichash_update(&st, (const unsigned char *)secret, strlen(secret));
	crypto_generichash_final(&st, h, sizeof h);
	char *out = arena_alloc(a, 33);
	text_hex(h, sizeof h, out);
	return out;
}

int http_login(struct http_req *r, const char *user_id)
{
	if (r->session)
		session_delete(r->store, r->session);
	char *token = arena_alloc(r->arena, SECRET_STRLEN + 1);
	int rc = session_create(r->store, user_id, token);
	if (rc)
		return rc;
	r->session = token;
	session_viewer(r->store, token, &r->viewer);
	r->csrf = make_csrf(r->arena, "s:", token);
	http_set_cookie(r, "kiem_session", token, SESSION_DAYS * 86400L);
	return 0;
}

void http_logout(struct http_req *r)
{
	if (r->session)
		session_delete(r->store, r->session);
	r->session = NULL;
	memset(&r->viewer, 0, sizeof r->viewer);
	http_set_cookie(r, "kiem_session", "", -1);
}

/* ---- forms ---- */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes a form's field name or value. A %00 becomes TEXT_NUL_MARK, not a
 * NUL: the value keeps its length, and the model's text check names the
 * field, as for a \u0000 in JSON (never a value silently cut short). */
static char *form_decode(struct arena *a, const char *p, size_t n)
{
	char *out = arena_alloc(a, n + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '+') {
			*o++ = ' ';
		} else if (p[i] == '%' && i + 2 < n && hexval(p[i + 1]) >= 0 && hexval(p[i + 2]) >= 0) {
			char c = (char)(hexval(p[i + 1]) << 4 | hexval(p[i + 2]));
			*o++ = c ? c : TEXT_NUL_MARK;
			i += 2;
		} else {
			*o++ = p[i];
		}
	}
	*o = 0;
	return out;
}

bool http_form_parse(struct http_req *r, struct form *f)
{
	enum { FIELDS_MAX = 400 };
	f->n = 0;
	f->keys = arena_alloc(r->arena, sizeof *f->keys * FIELDS_MAX);
	f->values = arena_alloc(r->arena, sizeof *f->values * FIELDS_MAX);
	const char *p = r->body ? r->body : "", *end = p + r->body_len;
	while (p < end) {
		const char *amp = memchr(p, '&', (size_t)(end - p));
		if (!amp)
			amp = end;
		const char *eq = memchr(p, '=', (size_t)(amp - p));
		if (amp > p) {
			if (f->n == FIELDS_MAX)
				return false;
			const char *kend = eq ? eq : amp;
			char *k = form_decode(r->arena, p, (size_t)(kend - p));
			char *v = eq ? form_decode(r->arena, eq + 1, (size_t)(amp - eq - 1)) : arena_strdup(r->arena, "");
			if (!text_utf8_valid(k, strlen(k)) || !text_utf8_valid(v, strlen(v)))
				return false;
			f->keys[f->n] = k;
			f->values[f->n] = v;
			f->n++;
		}
		p = amp + 1;
	}
	return true;
}

const char *form_get(const struct form *f, const char *key)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->keys[i], key) == 0)
			return f->values[i];
	return NULL;
}

size_t form_get_all(const struct form *f, const char *key, const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->keys[i], key) == 0) {
			if (n < max)
				out[n] = f->values[i];
			n++;
		}
	return n;
}

/* ---- dispatch ---- */

static enum http_method method_of(const char *m)
{
	static const struct {
		const char *name;
		enum http_method m;
	} map[] = {
		{ "GET", HM_GET }, { "POST", HM_POST }, { "PATCH", HM_PATCH }, { "DELETE", HM_DELETE },
		{ "PUT", HM_PUT }, { "HEAD", HM_HEAD }, { "OPTIONS", HM_OPTIONS },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].name, m) == 0)
			return map[i].m;
	return 0;
}

/* Matches path against pattern, filling params; true on a match. */
static bool match(struct arena *a, const char *pattern, const char *path, const char **params)
{
	int np = 0;
	const char *p = pattern, *s = path;
	while (*p && *s) {
		if (*p == '{') {
			const char *pe = strchr(p, '}');
			const char *se = strchr(s, '/');
			if (!se)
				se = s + strlen(s);
			if (se == s || np == HTTP_PARAMS_MAX)
				return false;
			params[np++] = arena_strndup(a, s, (size_t)(se - s));
			p = pe + 1;
			s = se;
		} else {
			if (*p != *s)
				return false;
			p++;
			s++;
		}
	}
	return !*p && !*s;
}

static void pick_language(struct http_req *r)
{
	const char *q = http_query(r, "lang");
	if (q && (strcmp(q, "nl") == 0 || strcmp(q, "en") == 0)) {
		r->lang = q[0] == 'e' ? LANG_EN : LANG_NL;
		http_set_cookie(r, "kiem_lang", q, 365L * 86400);
		return;
	}
	const char *c = http_cookie(r, "kiem_lang");
	if (c && (strcmp(c, "nl") == 0 || strcmp(c, "en") == 0)) {
		r->lang = c[0] == 'e' ? LANG_EN : LANG_NL;
		return;
	}
	/* Accept-Language: the first of nl or en with the highest weight */
	const char *al = http_header(r, "Accept-Language");
	r->lang = LANG_NL;
	if (!al)
		return;
	double best = -1;
	const char *p = al;
	for (int items = 0; *p && items < 32; items++) {
		while (*p == ' ' || *p == ',')
			p++;
		const char *tag = p;
		while (*p && *p != ',' && *p != ';')
			p++;
		size_t tlen = (size_t)(p - tag);
		double w = 1.0;
		if (*p == ';') {
			const char *qs = strstr(p, "q=");
			const char *comma = strchr(p, ',');
			if (qs && (!comma || qs < comma))
				w = strtod(qs + 2, NULL);
			while (*p && *p != ',')
				p++;
		}
		int lang = -1;
		if (tlen >= 2 && (tag[2] == '-' || tlen == 2 || tag[2] == ';' || tag[2] == ',')) {
			if (strncasecmp(tag, "nl", 2) == 0)
				lang = LANG_NL;
			else if (strncasecmp(tag, "en", 2) == 0)
				lang = LANG_EN;
		}
		if (lang >= 0 && w > 0 && w > best) { /* q=0: not acceptable */
			best = w;
			r->lang = (enum lang)lang;
		}
	}
}

/* Whether the request's table is for people in a browser. */
static bool browser(const struct http_req *r)
{
	return r->table->client == HTTP_BROWSER;
}

/* Who is asking: a bearer token from a program, the session cookie from a
 * browser. Returns false if a program sent a token that is not valid. */
static bool identify(struct http_req *r)
{
	memset(&r->viewer, 0, sizeof r->viewer);
	if (!browser(r)) {
		const char *auth = http_header(r, MHD_HTTP_HEADER_AUTHORIZATION);
		if (!auth)
			return true;
		if (strncasecmp(auth, "Bearer ", 7) != 0)
			return false;
		return token_viewer(r->store, auth + 7, &r->viewer) == 0;
	}
	const char *sess = http_cookie(r, "kiem_session");
	if (sess && session_viewer(r->store, sess, &r->viewer) == 0) {
		r->session = arena_strdup(r->arena, sess);
		r->csrf = make_csrf(r->arena, "s:", sess);
		return true;
	}
	if (sess)
		http_set_cookie(r, "kiem_session", "", -1);
	const char *anon = http_cookie(r, "kiem_csrf");
	if (anon && strlen(anon) == SECRET_STRLEN)
		r->csrf = make_csrf(r->arena, "a:", anon);
	return true;
}

const char *http_csrf_token(struct http_req *r)
{
	if (!r->csrf) {
		/* an anonymous visitor's first form: the cookie its token is made of */
		unsigned char raw[32];
		char *fresh = arena_alloc(r->arena, SECRET_STRLEN + 1);
		randombytes_buf(raw, sizeof raw);
		text_base64url(raw, sizeof raw, fresh);
		http_set_cookie(r, "kiem_csrf", fresh, 30L * 86400);
		r->csrf = make_csrf(r->arena, "a:", fresh);
	}
	return r->csrf;
}

static void error_response(struct http_req *r, int status, const char *detail)
{
	buf_reset(&r->out);
	r->status = status;
	r->table->error(r, status, detail);
}

static bool form_csrf_ok(struct http_req *r, const struct form *f)
{
	const char *t = form_get(f, "_csrf");
	return t && r->csrf && strlen(t) == strlen(r->csrf) &&
	       sodium_memcmp(t, r->csrf, strlen(t)) == 0;
}

static bool media_ok(struct http_req *r);

/* Whether the request comes without a session or a token. */
static bool anonymous(struct http_req *r)
{
	if (!browser(r))
		return !http_header(r, MHD_HTTP_HEADER_AUTHORIZATION);
	return !http_cookie(r, "kiem_session");
}

static void key_param(void *ctx, const char *k, const char *v)
{
	struct buf *b = ctx;
	text_url_encode(b, k); /* encoded: an '&' in a value is not a separator */
	buf_addc(b, '=');
	text_url_encode(b, v);
	buf_addc(b, '&');
}

/* What tells one anonymous read from another: the path, the query and,
 * in a browser, the language. False if the query is not valid UTF-8. */
static bool cache_key(struct http_req *r, struct buf *key)
{
	if (http_query_invalid(r))
		return false;
	buf_adds(key, r->path);
	buf_addc(key, '?');
	http_query_each(r, key_param, key);
	buf_printf(key, "|%d", browser(r) ? (int)r->lang : -1);
	return !key->err;
}

const struct http_table *http_table_of(const struct http_table *const *tables, const char *path)
{
	for (; tables[1]; tables++) {
		size_t n = strlen(tables[0]->prefix);
		if (strncmp(path, tables[0]->prefix, n) == 0 && (!n || !path[n] || path[n] == '/'))
			break;
	}
	return tables[0];
}

const struct http_route *http_table_find(const struct http_table *t, struct arena *a, enum http_method m,
					 const char *path, const char **params, unsigned *allowed)
{
	*allowed = 0;
	/* a pattern that is the path itself (/x/me) wins over one with a
	 * parameter in its place (/x/{id}), for every method */
	bool literal = false;
	for (const struct http_route *const *f = t->features; *f && !literal; f++)
		for (const struct http_route *rt = *f; rt->pattern && !literal; rt++)
			literal = strcmp(rt->pattern, path) == 0;
	for (const struct http_route *const *f = t->features; *f; f++) {
		for (const struct http_route *rt = *f; rt->pattern; rt++) {
			const char *tmp[HTTP_PARAMS_MAX] = { 0 };
			if (literal ? strcmp(rt->pattern, path) != 0 : !match(a, rt->pattern, path, tmp))
				continue;
			*allowed |= rt->methods;
			if (rt->methods & m) {
				memcpy(params, tmp, sizeof tmp);
				return rt;
			}
		}
	}
	return NULL;
}

static void dispatch(struct http_req *r)
{
	bool people = browser(r);
	if (people)
		pick_language(r);

	size_t plen = strlen(r->path);
	if (!text_utf8_valid(r->path, plen) || (plen > 1 && r->path[plen - 1] == '/')) {
		if (people)
			identify(r);
		error_response(r, 404, "There is nothing at this address. (Addresses have no trailing slash.)");
		return;
	}
	unsigned allowed = 0;
	const char *params[HTTP_PARAMS_MAX] = { 0 };
	enum http_method m = r->method == HM_HEAD ? HM_GET : r->method;
	const struct http_route *found = http_table_find(r->table, r->arena, m, r->path, params, &allowed);
	if (!found && !allowed) {
		if (people)
			identify(r);
		error_response(r, 404, "There is nothing at this address.");
		return;
	}
	if (!found) {
		struct buf allow = BUF_INIT(256);
		static const char *names[] = { "GET", "POST", "PATCH", "DELETE", "PUT", "HEAD", "OPTIONS" };
		if (allowed & HM_GET)
			allowed |= HM_HEAD;
		for (int i = 0; i < 7; i++)
			if (allowed & (1u << i))
				buf_printf(&allow, "%s%s", allow.len ? ", " : "", names[i]);
		http_add_header(r, MHD_HTTP_HEADER_ALLOW, arena_strdup(r->arena, allow.ptr));
		buf_release(&allow);
		if (people)
			identify(r);
		error_response(r, 405, "This method is not allowed here; see the Allow header.");
		return;
	}
	r->flags = found->flags;
	memcpy(r->params, params, sizeof params);
	if ((r->flags & RF_SECRET) && r->target) {
		/* the log shows /uitnodigingen/{code}, not the code */
		const char *q = strchr(r->target, '?');
		r->target = arena_printf(r->arena, "%s%s", found->pattern, q ? q : "");
	}
	bool read = r->method == HM_GET || r->method == HM_HEAD;
	/* an anonymous read may have been answered before, at this generation
	 * (read only then: on PostgreSQL it is a round trip, cache.h) */
	struct buf key = BUF_INIT(16 * 1024);
	bool cacheable = read && (r->flags & RF_CACHE) && anonymous(r) && cache_key(r, &key);
	uint64_t generation = cacheable ? store_generation(r->store) : 0;
	if (cacheable) {
		int status;
		const char *ctype;
		if (cache_get(key.ptr, key.len, generation, &r->out, &status, &ctype)) {
			r->status = status;
			r->content_type = ctype;
			buf_release(&key);
			return;
		}
	}
	/* a read sees one snapshot from the viewer's lookup to its last query */
	bool snapshot = read;
	if (snapshot && store_read_begin(r->store))
		snapshot = false;
	if (!media_ok(r)) {
		if (people)
			identify(r);
		error_response(r, 415, "Send the body as application/json"
				       " (or application/merge-patch+json for PATCH).");
		if (snapshot)
			store_read_end(r->store);
		buf_release(&key);
		return;
	}
	if (!identify(r)) {
		http_add_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
		error_response(r, 401, "The bearer token is not valid. Create a new one on /account.");
		if (snapshot)
			store_read_end(r->store);
		buf_release(&key);
		return;
	}
	struct form form;
	if (people && r->method == HM_POST && !http_form_parse(r, &form))
		error_response(r, 400, NULL); /* not UTF-8, or too many fields */
	else if (people && r->method == HM_POST && !form_csrf_ok(r, &form))
		error_response(r, 403, NULL);
	else
		found->fn(r);
	if (snapshot)
		store_read_end(r->store);
	if (cacheable && r->status == 200 && !r->nheaders && !r->nocache && !r->out.err && r->content_type)
		cache_put(key.ptr, key.len, generation, r->status, r->content_type, r->out.ptr, r->out.len);
	buf_release(&key);
}

static void add_security_headers(struct MHD_Response *resp)
{
	MHD_add_response_header(resp, "Content-Security-Policy",
		"default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
		"frame-ancestors 'none'; base-uri 'none'");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
}

static enum MHD_Result send_response(struct http_req *r)
{
	size_t len = 0;
	char *body = buf_take(&r->out, &len);
	if (!body) {
		static char fail[] = "response too large";
		body = strdup(fail);
		len = body ? strlen(body) : 0;
		r->status = 500;
		r->content_type = "text/plain; charset=utf-8";
	}
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!resp) {
		free(body);
		return MHD_NO;
	}
	r->sent = r->method == HM_HEAD ? 0 : len;
	add_security_headers(resp);
	MHD_add_response_header(resp, "X-Request-Id", r->id);
	if (r->table->header)
		MHD_add_response_header(resp, r->table->header, r->table->header_value);
	if (r->content_type)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type);
	bool cache_set = false;
	for (int i = 0; i < r->nheaders; i++) {
		MHD_add_response_header(resp, r->headers[i].name, r->headers[i].value);
		if (strcasecmp(r->headers[i].name, "Cache-Control") == 0)
			cache_set = true;
	}
	if (!cache_set)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (browser(r))
		MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Cookie, Accept-Language");
	if (!r->status)
		r->status = 200;
	/* no deadline while it is answered; if the reaper was first, it has
	 * answered 408 and this connection closes */
	if (!conn_busy(r->track)) {
		MHD_destroy_response(resp);
		return MHD_NO;
	}
	enum MHD_Result ret = MHD_queue_response(r->conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	r->responded = true;
	return ret;
}

static bool media_type_is(const char *ct, const char *want)
{
	if (!ct)
		return false;
	size_t n = strlen(want);
	while (*ct == ' ')
		ct++;
	return strncasecmp(ct, want, n) == 0 && (ct[n] == 0 || ct[n] == ';' || ct[n] == ' ');
}

struct framing {
	int lengths, codings;
	const char *length;  /* the first Content-Length */
	bool lengths_differ;
	bool chunked;        /* the one Transfer-Encoding is "chunked" */
};

static enum MHD_Result framing_cb(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	struct framing *f = cls;
	if (!key || !value)
		return MHD_YES;
	if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0) {
		if (f->lengths++ && strcmp(f->length, value) != 0)
			f->lengths_differ = true;
		if (!f->length)
			f->length = value;
	} else if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0) {
		f->codings++;
		f->chunked = strcasecmp(value, "chunked") == 0;
	}
	return MHD_YES;
}

/* Whether the body's length is told in one way only: a Content-Length (or
 * several that agree) or Transfer-Encoding: chunked, not both. Otherwise a
 * proxy in front and kiem may read the body differently, and a request
 * smuggled inside one would be served (RFC 9112, 6.3). */
static bool length_clear(struct http_req *r)
{
	struct framing f = { 0 };
	MHD_get_connection_values(r->conn, MHD_HEADER_KIND, framing_cb, &f);
	if (f.codings)
		return f.codings == 1 && f.chunked && !f.lengths;
	return !f.lengths_differ;
}

/* Checks what can be checked before the body arrives: its declared size.
 * A body declared too large is answered 413 at once when the client waits
 * for "100 Continue" or the body is huge; otherwise it is read and dropped
 * first, so the client sees the answer rather than a reset connection. */
static bool precheck(struct http_req *r)
{
	bool people = browser(r);
	if (r->too_long) {
		if (people) {
			pick_language(r);
			identify(r);
		}
		error_response(r, 414, "The address is too long, or has too many query parameters.");
		return false;
	}
	if (!length_clear(r)) {
		/* the body cannot be told from what follows it: the connection
		 * closes, so nothing after it is read as a request */
		http_add_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
		if (people)
			pick_language(r);
		error_response(r, 400, "The length of the body is ambiguous: send Content-Length or "
				       "Transfer-Encoding: chunked, once, and not both.");
		return false;
	}
	size_t max = r->table->body_max;
	const char *cl = http_header(r, MHD_HTTP_HEADER_CONTENT_LENGTH);
	long long len = 0;
	if (cl && (!text_parse_int(cl, strlen(cl), 0, (long long)1 << 50, &len) || (size_t)len > max)) {
		if (!http_header(r, "Expect") && len > 0 && (size_t)len <= 32 * max) {
			r->too_big = true;
			return true;
		}
		if (people) {
			pick_language(r);
			identify(r);
		}
		error_response(r, 413, "The request body is too large.");
		return false;
	}
	return true;
}

/* Whether the body is of the media type the route takes. A write without a
 * body (a support, a follow) has no type to check. */
static bool media_ok(struct http_req *r)
{
	if (r->method != HM_POST && r->method != HM_PATCH && r->method != HM_PUT)
		return true;
	if (r->body_len == 0)
		return true;
	const char *ct = http_header(r, MHD_HTTP_HEADER_CONTENT_TYPE);
	if (!browser(r))
		return media_type_is(ct, "application/json") ||
		       (r->method == HM_PATCH && media_type_is(ct, "application/merge-patch+json"));
	return media_type_is(ct, "application/x-www-form-urlencoded");
}

/* Decodes %HH in the path and query, except %00: a NUL would cut the
 * C string short, so it stays as text and matches no route. */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	char *o = s;
	for (char *p = s; *p; p++) {
		if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0 && (p[1] != '0' || p[2] != '0')) {
			*o++ = (char)(hexval(p[1]) << 4 | hexval(p[2]));
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = 0;
	return (size_t)(o - s);
}

/* The request target as the access log shows it: the path as sent, every
 * query value a '*'. */
static char *log_target(struct arena *a, const char *uri, const char *query)
{
	size_t params = 0;
	size_t plen = query ? (size_t)(query - uri) : strlen(uri);
	bool plain = true;
	for (size_t i = 0; i < plen && plain; i++)
		plain = (unsigned char)uri[i] > 0x20 && (unsigned char)uri[i] < 0x7f;
	if (plain && !query)
		return arena_strndup(a, uri, plen); /* most requests */
	struct buf t = BUF_INIT(URL_MAX + 64);
	char *path = arena_strndup(a, uri, plen);
	access_escape(&t, path);
	for (const char *p = query; p && *p && params <= QUERY_PARAMS_MAX && !t.err;) {
		p++;
		const char *amp = strchr(p, '&'), *end = amp ? amp : p + strlen(p);
		const char *eq = memchr(p, '=', (size_t)(end - p));
		if (end > p) {
			buf_addc(&t, params++ ? '&' : '?');
			access_escape(&t, arena_strndup(a, p, (size_t)((eq ? eq : end) - p)));
			if (eq)
				buf_adds(&t, "=*");
		}
		p = amp;
	}
	/* past the limit: not the raw path, which may hold control bytes */
	char *out = arena_strdup(a, t.err ? "-" : t.ptr);
	buf_release(&t);
	return out;
}

/* When the path lies under a route whose parameters are secrets
 * (RF_SECRET), the access log shows the route's fixed start and "{...}"
 * instead of the rest, whether or not the route then matches: a wrong
 * method or a trailing slash must not log a live code either. */
static char *log_hide_secret(const struct http_config *cfg, struct arena *a, char *target)
{
	for (const struct http_table *const *t = cfg->tables; *t; t++)
		for (const struct http_route *const *f = (*t)->features; *f; f++)
			for (const struct http_route *rt = *f; rt->pattern; rt++) {
				if (!(rt->flags & RF_SECRET))
					continue;
				const char *brace = strchr(rt->pattern, '{');
				size_t n = brace ? (size_t)(brace - rt->pattern) : strlen(rt->pattern);
				if (n && strncmp(target, rt->pattern, n) == 0 && target[n] && target[n] != '?') {
					const char *q = strchr(target, '?'); /* its values are '*' already */
					return arena_printf(a, "%.*s{...}%s", (int)n, rt->pattern, q ? q : "");
				}
			}
	return target;
}

/* libmicrohttpd's URI log callback, called when a request line has arrived
 * and before its query is split: the request starts here. A query past the
 * limits is cut off before libmicrohttpd splits it (which would exhaust the
 * connection's memory) and the request answered 414. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	const struct http_config *cfg = cls;
	struct http_req *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	r->t0 = (double)ts.tv_sec * 1000 + (double)ts.tv_nsec / 1e6;
	r->arena = arena_new();
	r->store = cfg->store;
	r->cfg = cfg;
	r->conn = conn;
	r->track = conn_of(conn);
	conn_request_opened(r->track);
	access_new_id(r->id);
	buf_init(&r->out, 64u << 20);
	/* room for most answers at once (a page of the party list is 16 KB),
	 * rather than a realloc at every doubling from 64 bytes */
	buf_reserve(&r->out, 16 * 1024);
	r->status = 200;

	size_t len = strlen(uri), params = 0;
	char *query = strchr(uri, '?');
	r->target = log_hide_secret(cfg, r->arena, log_target(r->arena, uri, query));
	/* libmicrohttpd keeps a record for every '&', empty parameters too */
	for (const char *p = query; p && *p && params <= QUERY_PARAMS_MAX; p = strchr(p + 1, '&'))
		params++;
	if (len > URL_MAX || params > QUERY_PARAMS_MAX) {
		r->too_long = true;
		/* libmicrohttpd hands this callback its own writable buffer; the
		 * query it is about to split ends here, empty */
		if (query)
			query[1] = 0;
	}
	return r;
}

/* Runs the request's handler, counting its statements for the log. */
static void handle(struct http_req *r)
{
	uint64_t q0 = store_queries();
	dispatch(r);
	r->queries = store_queries() - q0;
}

/* A request that may write: a write waits on its thread for its batch's
 * commit (store.h), so it runs on a thread of writers.h, not on one of
 * libmicrohttpd's workers. A GET can write too (a session's "last seen",
 * at most every five minutes), briefly: it stays on its worker. */
static bool writes(const struct http_req *r)
{
	return r->method == HM_POST || r->method == HM_PATCH || r->method == HM_PUT || r->method == HM_DELETE;
}

/* handle() on a thread of writers.h, for a suspended connection: when the
 * answer is ready, libmicrohttpd is told to go on with the connection and
 * calls on_request again, which sends it. r is the worker's again from the
 * resume on. */
static void handle_aside(void *arg)
{
	struct http_req *r = arg;
	handle(r);
	r->handled = true;
	MHD_resume_connection(r->conn);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version, const char *upload_data,
				  size_t *upload_data_size, void **con_cls)
{
	(void)version;
	const struct http_config *cfg = cls;
	struct http_req *r = *con_cls;
	if (!r)
		return MHD_NO; /* out of memory at its start */
	if (!r->started) {
		/* in flight from its head on: a stop waits for it to finish */
		r->started = true;
		atomic_fetch_add(&in_flight, 1);
		r->conn = conn;
		r->path = arena_strdup(r->arena, url);
		r->method = method_of(method);
		r->table = http_table_of(cfg->tables, r->path);
		if (r->method) {
			r->verb = arena_strdup(r->arena, method);
		} else { /* any token: written escaped */
			struct buf v = BUF_INIT(64);
			access_escape(&v, method);
			r->verb = v.err ? "?" : arena_strdup(r->arena, v.ptr);
			buf_release(&v);
		}
		/* the reaper may have answered a head that came too late */
		if (!conn_head_arrived(r->track))
			return MHD_NO;
		const char *id = http_header(r, "X-Request-Id");
		if (id && access_id_ok(id) && via_trusted_proxy(r))
			snprintf(r->id, sizeof r->id, "%s", id);
		if (!precheck(r))
			return send_response(r);
		return MHD_YES;
	}
	if (*upload_data_size) {
		size_t n = *upload_data_size;
		*upload_data_size = 0;
		if (r->responded)
			return MHD_YES;
		size_t max = r->table->body_max;
		if (r->too_big || r->body_len + n > max) {
			/* A body without a Content-Length that grows past the limit:
			 * read and drop it, answering 413 at its end; a body far past
			 * the limit closes the connection. */
			r->too_big = true;
			r->dropped += n;
			return r->dropped > 16 * max ? MHD_NO : MHD_YES;
		}
		if (r->body_len + n + 1 > r->body_cap) {
			size_t cap = r->body_cap ? r->body_cap : 4096;
			while (cap < r->body_len + n + 1)
				cap *= 2;
			char *nb = realloc(r->body, cap);
			if (!nb)
				return MHD_NO;
			r->body = nb;
			r->body_cap = cap;
		}
		memcpy(r->body + r->body_len, upload_data, n);
		r->body_len += n;
		r->body[r->body_len] = 0;
		return MHD_YES;
	}
	if (r->handled)
		return send_response(r); /* back from writers.h, resumed */
	if (r->responded)
		return MHD_YES;
	/* the whole body is here: no deadline while it is handled */
	if (!conn_busy(r->track))
		return MHD_NO;
	if (r->too_big) {
		if (browser(r)) {
			pick_language(r);
			identify(r);
		}
		error_response(r, 413, "The request body is too large.");
		return send_response(r);
	}
	if (!r->method) {
		http_add_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD, POST, PATCH, DELETE");
		error_response(r, 405, "This method is not supported.");
		return send_response(r);
	}
	if (writes(r)) {
		/* the worker's other connections go on while this one waits
		 * for its commit; the answer is sent when it comes back here */
		r->job = arena_alloc(r->arena, sizeof *r->job);
		*r->job = (struct writers_job){ .fn = handle_aside, .arg = r };
		MHD_suspend_connection(conn);
		if (!writers_run(r->job))
			handle_aside(r); /* no thread for it (stopping): here, then */
		return MHD_YES;
	}
	handle(r);
	return send_response(r);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)toe;
	struct http_req *r = *con_cls;
	struct conn *c = r ? r->track : conn_of(conn);
	int status = 0;
	if (r && r->responded) {
		status = r->status;
	} else if (conn_reaped(c)) {
		status = 408;
	} else {
		/* libmicrohttpd answered it itself (a head too large), or the
		 * client went away before the answer */
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_HTTP_STATUS);
		status = ci ? (int)ci->http_status : 0;
	}
	if (r) {
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		double ms = (double)ts.tv_sec * 1000 + (double)ts.tv_nsec / 1e6 - r->t0;
		access_line(status, r->verb, r->target, r->sent, ms, r->queries, r->id);
	}
	conn_request_ended(c);
	if (!r)
		return;
	bool started = r->started;
	buf_release(&r->out);
	free(r->body);
	arena_free(r->arena);
	free(r);
	*con_cls = NULL;
	if (started)
		atomic_fetch_sub(&in_flight, 1);
}

static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	char line[512];
	vsnprintf(line, sizeof line, fmt, ap);
	size_t n = strlen(line);
	while (n && line[n - 1] == '\n')
		line[--n] = 0;
	log_debug("http: %s", line);
}

static int parse_listen(const char *listen, struct sockaddr_storage *ss, socklen_t *len)
{
	char host[128];
	const char *colon = strrchr(listen, ':');
	if (!colon || (size_t)(colon - listen) >= sizeof host)
		return ERR_USAGE;
	size_t hl = (size_t)(colon - listen);
	memcpy(host, listen, hl);
	host[hl] = 0;
	if (hl >= 2 && host[0] == '[' && host[hl - 1] == ']') {
		memmove(host, host + 1, hl - 2);
		host[hl - 2] = 0;
	}
	long long port;
	if (!text_parse_int(colon + 1, strlen(colon + 1), 0, 65535, &port))
		return ERR_USAGE;
	struct addrinfo hints = { 0 }, *res = NULL;
	hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(host[0] ? host : NULL, colon + 1, &hints, &res) || !res)
		return ERR_USAGE;
	memcpy(ss, res->ai_addr, res->ai_addrlen);
	*len = res->ai_addrlen;
	freeaddrinfo(res);
	return 0;
}

int http_serve(const struct http_config *cfg)
{
	struct sockaddr_storage ss;
	socklen_t sslen;
	if (parse_listen(cfg->listen, &ss, &sslen)) {
		log_error("cannot listen on '%s': give ADDRESS:PORT, like 127.0.0.1:8080", cfg->listen);
		return ERR_USAGE;
	}
	(void)sslen;
	cache_init(cfg->cache_bytes);
	if (settings_key(cfg->store, "csrf_key", csrf_key)) {
		log_error("cannot read or make the CSRF key");
		cache_release();
		return ERR_DB;
	}
	/* room for many idle connections */
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 65536) {
		rl.rlim_cur = rl.rlim_max < 65536 ? rl.rlim_max : 65536;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	unsigned conn_limit = cfg->max_connections ? cfg->max_connections : 20000;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < (rlim_t)conn_limit + 100) {
		conn_limit = rl.rlim_cur > 200 ? (unsigned)rl.rlim_cur - 100 : 100;
		log_info("at most %u connections: the open-file limit ('ulimit -n') allows no more",
			 conn_limit);
	}
	access_init(cfg->access_log);
	struct conn_limits limits = {
		.per_address = cfg->max_per_address,
		.head_s = cfg->header_timeout_s,
		.body_s = cfg->body_timeout_s,
		.proxies = cfg->proxies,
	};
	if (conn_start(&limits)) {
		log_error("cannot start the worker that ends slow requests");
		cache_release();
		return ERR_NOMEM;
	}

	/* the threads libmicrohttpd starts inherit this mask, so only this
	 * thread sees the signals */
	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (writers_start(cfg->write_threads ? cfg->write_threads : 32)) {
		log_error("out of memory for the threads of writes");
		conn_stop();
		cache_release();
		return ERR_NOMEM;
	}
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC |
			 MHD_USE_ERROR_LOG | MHD_USE_TURBO | MHD_ALLOW_SUSPEND_RESUME;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	struct MHD_Daemon *d = MHD_start_daemon(flags, 0, conn_accept, NULL, on_request, (void *)cfg,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		MHD_OPTION_THREAD_POOL_SIZE, cfg->threads,
		MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout_s,
		MHD_OPTION_CONNECTION_LIMIT, conn_limit,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024,
		MHD_OPTION_LISTEN_BACKLOG_SIZE, 4096,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_NOTIFY_CONNECTION, conn_notify, NULL,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, (void *)cfg,
		MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
		MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
		MHD_OPTION_END);
	if (!d) {
		log_error("cannot listen on %s: %s (is another server using the port?)", cfg->listen,
			  strerror(errno));
		writers_stop();
		conn_stop();
		cache_release();
		return ERR_IO;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	unsigned port = info ? info->port : 0;
	char host[INET6_ADDRSTRLEN] = "?";
	if (ss.ss_family == AF_INET)
		inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, host, sizeof host);
	else
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, host, sizeof host);
	char url[INET6_ADDRSTRLEN + 24];
	snprintf(url, sizeof url, "http://%s%s%s:%u", ss.ss_family == AF_INET6 ? "[" : "", host,
		 ss.ss_family == AF_INET6 ? "]" : "", port);
	if (cfg->on_listening)
		cfg->on_listening(url);
	log_info("listening on %s/ with %u threads (and up to %u for writes)", url, cfg->threads,
		 cfg->write_threads ? cfg->write_threads : 32);

	int sig = 0;
	sigwait(&sigs, &sig);
	log_info("received %s: finishing the requests in flight", sig == SIGTERM ? "SIGTERM" : "SIGINT");
	MHD_quiesce_daemon(d);
	for (int i = 0; i < 100 && atomic_load(&in_flight) > 0; i++) {
		struct timespec ts = { 0, 100 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	if (atomic_load(&in_flight) > 0) {
		log_warn("%d request(s) still running after 10 s: stopping their queries",
			 atomic_load(&in_flight));
		store_interrupt(cfg->store);
	}
	/* every write handed over has its answer and its connection back
	 * before libmicrohttpd stops: it must have no suspended connection */
	writers_stop();
	MHD_stop_daemon(d);
	conn_stop();
	cache_release();
	log_info("stopped");
	return 0;
}
