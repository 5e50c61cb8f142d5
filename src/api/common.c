#include "common.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../base/text.h"
#include "../model/registry.h"
#include "api.h"

/* Opens a problem+json answer (RFC 9457) with its common members. */
static void problem_begin(struct http_req *r, struct jw *w, int status, const char *detail)
{
	api_json_begin(r, status, w);
	r->content_type = "application/problem+json";
	jw_obj(w);
	jw_kstr(w, "type", "about:blank");
	jw_kstr(w, "title", http_status_text(status));
	jw_kint(w, "status", status);
	if (detail)
		jw_kstr(w, "detail", detail);
	/* the id of its line in the server's log, for whoever reports it */
	jw_kstr(w, "requestId", r->id);
}

void api_error(struct http_req *r, int status, const char *detail)
{
	struct jw w;
	problem_begin(r, &w, status, detail);
	jw_end(&w);
}

void api_invalid(struct http_req *r, const struct problems *p)
{
	char detail[96];
	snprintf(detail, sizeof detail, "The request has %zu problem%s; see invalidParams.", p->n,
		 p->n == 1 ? "" : "s");
	struct jw w;
	problem_begin(r, &w, 400, detail);
	jw_karr(&w, "invalidParams");
	for (size_t i = 0; i < p->n; i++) {
		char reason[256];
		problem_text(&p->v[i], LANG_EN, reason, sizeof reason);
		jw_obj(&w);
		jw_kstr(&w, "name", p->v[i].field);
		jw_kstr(&w, "reason", reason);
		jw_end(&w);
	}
	jw_end(&w);
	jw_end(&w);
}

void api_fail(struct http_req *r, int rc)
{
	switch (rc) {
	case ERR_NOTFOUND:
		api_error(r, 404, "There is no such resource, or you may not see it.");
		return;
	case ERR_AUTH:
		http_add_header(r, "WWW-Authenticate", "Bearer");
		api_error(r, 401, "Log in first: send 'Authorization: Bearer TOKEN' (create a token on /account).");
		return;
	case ERR_FORBIDDEN:
		api_error(r, 403, "You may not do this.");
		return;
	case ERR_CONFLICT:
		api_error(r, 409, "This clashes with what is stored.");
		return;
	default:
		api_error(r, 500, "Something went wrong on our side; nothing was changed. Try again.");
	}
}

/* Deepest nesting of arrays and objects, outside strings. */
static int json_depth(const char *p, size_t n)
{
	int depth = 0, max = 0;
	bool in_str = false;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = false;
		} else if (c == '"') {
			in_str = true;
		} else if (c == '[' || c == '{') {
			if (++depth > max)
				max = depth;
		} else if (c == ']' || c == '}') {
			depth--;
		}
	}
	return max;
}

json_t *api_body_object(struct http_req *r)
{
	if (!r->body_len) {
		api_error(r, 400, "The request has no body; send a JSON object.");
		return NULL;
	}
	if (json_depth(r->body, r->body_len) > JSON_DEPTH_MAX) {
		api_error(r, 400, "The JSON is nested too deeply.");
		return NULL;
	}
	json_error_t e;
	/* a \u0000 is let in, and marked by api_string(), so that the field's
	 * text check names it (as a form's %00) instead of the whole body failing */
	json_t *v = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &e);
	if (!v) {
		char detail[320];
		snprintf(detail, sizeof detail, "The body is not valid JSON (UTF-8): %s, at line %d column %d.",
			 e.text, e.line, e.column);
		api_error(r, 400, detail);
		return NULL;
	}
	if (!json_is_object(v)) {
		json_decref(v);
		api_error(r, 400, "The body must be a JSON object.");
		return NULL;
	}
	return v;
}

json_t *api_write_body(struct http_req *r)
{
	return api_logged_in(r) ? api_body_object(r) : NULL;
}

bool api_empty_body(struct http_req *r)
{
	if (!r->body_len)
		return true;
	json_t *body = api_write_body(r);
	if (!body)
		return false;
	struct problems p = { 0 };
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v)
		problems_add(&p, arena_strdup(r->arena, key), R_UNKNOWN_FIELD, 0);
	json_decref(body);
	if (p.n)
		api_invalid(r, &p);
	return p.n == 0;
}

struct query_check {
	const char *const *allowed;
	struct problems *p;
	struct arena *a;
};

static void check_one(void *ctx, const char *k, const char *v)
{
	(void)v;
	struct query_check *q = ctx;
	for (const char *const *a = q->allowed; *a; a++)
		if (strcmp(*a, k) == 0)
			return;
	problems_add(q->p, arena_strdup(q->a, k), R_UNKNOWN_FIELD, 0);
}

void api_check_query(struct http_req *r, const char *const *allowed, int *limit, struct problems *p)
{
	struct query_check q = { allowed, p, r->arena };
	const char *bad = http_query_invalid(r);
	if (bad)
		problems_add(p, bad, R_BAD_UTF8, 0);
	http_query_each(r, check_one, &q);
	*limit = 20;
	const char *l = http_query(r, "limit");
	long long v;
	if (l && !text_parse_int(l, strlen(l), 1, 100, &v))
		problems_add_range(p, "limit", 1, 100);
	else if (l)
		*limit = (int)v;
}

const char *api_string(struct http_req *r, json_t *v, const char *field, struct problems *p)
{
	if (json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		problems_add(p, field, R_WRONG_TYPE, JK_STRING);
		return NULL;
	}
	return text_dup_marking_nul(r->arena, json_string_value(v), json_string_length(v));
}

bool api_strings(struct http_req *r, json_t *v, const char *field, const char ***out, size_t *n,
		 size_t max, struct problems *p)
{
	*out = NULL;
	*n = 0;
	if (json_is_null(v))
		return true;
	if (!json_is_array(v)) {
		problems_add(p, field, R_WRONG_TYPE, JK_ARRAY_OF_STRINGS);
		return false;
	}
	size_t count = json_array_size(v);
	if (count > max) {
		problems_add(p, field, R_TOO_MANY, (long)max);
		return false;
	}
	const char **list = arena_alloc(r->arena, sizeof *list * (count + 1));
	for (size_t i = 0; i < count; i++) {
		json_t *item = json_array_get(v, i);
		if (!json_is_string(item)) {
			problems_add(p, field, R_WRONG_TYPE, JK_ARRAY_OF_STRINGS);
			return false;
		}
		list[i] = text_dup_marking_nul(r->arena, json_string_value(item), json_string_length(item));
	}
	*out = list;
	*n = count;
	return true;
}

static const char *query_url(struct http_req *r, const char *path, const char *const *query, const char *cursor)
{
	struct buf b = BUF_INIT(16384);
	buf_adds(&b, path);
	char sep = '?';
	for (const char *const *k = query; k && *k; k++) {
		const char *v = http_query(r, *k);
		if (!v || strcmp(*k, "cursor") == 0)
			continue;
		buf_addc(&b, sep);
		sep = '&';
		buf_adds(&b, *k);
		buf_addc(&b, '=');
		text_url_encode(&b, v);
	}
	if (cursor) {
		buf_addc(&b, sep);
		buf_adds(&b, "cursor=");
		text_url_encode(&b, cursor);
	}
	const char *s = arena_strdup(r->arena, b.ptr);
	buf_release(&b);
	return s;
}

void api_write_list_links(struct jw *w, struct http_req *r, const char *path, const char *const *query,
			  const char *next_cursor)
{
	jw_kobj(w, "_links");
	jw_klink(w, "self", query_url(r, path, query, http_query(r, "cursor")));
	if (next_cursor)
		jw_klink(w, "next", query_url(r, path, query, next_cursor));
	jw_end(w);
}

void api_json_begin(struct http_req *r, int status, struct jw *w)
{
	buf_reset(&r->out);
	r->status = status;
	r->content_type = "application/json";
	jw_init(w, &r->out);
}

void api_send(struct http_req *r, int status, api_writer *write, const void *obj)
{
	struct jw w;
	api_json_begin(r, status, &w);
	write(r, &w, obj);
}

void api_write_items(struct http_req *r, struct jw *w, api_writer *write, const void *items, size_t size,
		     size_t n)
{
	jw_karr(w, "items");
	for (size_t i = 0; i < n; i++)
		write(r, w, (const char *)items + i * size);
	jw_end(w);
}

void api_send_list(struct http_req *r, const char *path, const char *const *query, const char *next_cursor,
		   api_writer *write, const void *items, size_t size, size_t n)
{
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	api_write_items(r, &w, write, items, size, n);
	api_write_list_links(&w, r, path, query, next_cursor);
	jw_end(&w);
}

bool api_failed(struct http_req *r, int rc, const struct problems *p, const char *conflict)
{
	if (!rc)
		return false;
	if (rc == ERR_INVALID && p)
		api_invalid(r, p);
	else if (rc == ERR_CONFLICT && conflict)
		api_error(r, 409, conflict);
	else
		api_fail(r, rc);
	return true;
}

void api_no_content(struct http_req *r, int rc, const char *conflict)
{
	if (api_failed(r, rc, NULL, conflict))
		return;
	r->status = 204;
	r->content_type = NULL;
}

void api_conflict_moves(struct http_req *r, const char *detail, const char *names)
{
	struct jw w;
	api_json_begin(r, 409, &w);
	r->content_type = "application/problem+json";
	jw_obj(&w);
	jw_kstr(&w, "type", "about:blank");
	jw_kstr(&w, "title", "Conflict");
	jw_kint(&w, "status", 409);
	jw_kstr(&w, "detail", detail);
	jw_karr(&w, "allowedStatuses");
	for (const char *p = names; *p; p += strspn(p, ", ")) {
		jw_strn(&w, p, strcspn(p, ","));
		p += strcspn(p, ",");
	}
	jw_end(&w);
	jw_end(&w);
}

bool api_read(struct http_req *r, const struct field_desc *f, size_t n, void *obj, enum field_op op,
	      struct problems *p)
{
	json_t *body = api_write_body(r);
	if (!body)
		return false;
	fields_apply_json(f, n, obj, body, op, r->arena, p);
	json_decref(body);
	return true;
}

bool api_read_strings(struct http_req *r, const char *const *keys, const char **values, size_t n,
		      struct problems *p)
{
	json_t *body = api_body_object(r);
	if (!body)
		return false;
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(r->arena, key);
		size_t i = 0;
		while (i < n && strcmp(keys[i], k) != 0)
			i++;
		if (i < n)
			values[i] = api_string(r, v, k, p);
		else
			problems_add(p, k, R_UNKNOWN_FIELD, 0);
	}
	json_decref(body);
	return true;
}

bool api_logged_in(struct http_req *r)
{
	if (!r->viewer.authenticated)
		api_fail(r, ERR_AUTH);
	return r->viewer.authenticated;
}

bool api_no_query(struct http_req *r)
{
	static const char *const none[] = { NULL };
	struct problems p = { 0 };
	int limit;
	api_check_query(r, none, &limit, &p);
	if (p.n)
		api_invalid(r, &p);
	return p.n == 0;
}

const char *api_path(struct http_req *r, const char *type, const char *id)
{
	const struct entity_type *t = registry_find(type);
	return arena_printf(r->arena, "%s%s", t && t->api ? t->api : "", id);
}

const char *api_links(struct jw *w, struct http_req *r, const char *type, const char *id, const char *sub,
		      const char *sub_id)
{
	const char *self = api_path(r, type, id);
	if (sub)
		self = arena_printf(r->arena, "%s/%s%s%s", self, sub, sub_id ? "/" : "", sub_id ? sub_id : "");
	jw_kobj(w, "_links");
	jw_klink(w, "self", self);
	return self;
}
