/* /api/v1/areas: the tree of places. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../model/area.h"
#include "common.h"
#include "routes.h"

static json_t *area_json(struct http_req *r, const struct area *ar, bool with_count)
{
	json_t *o = json_object();
	json_object_set_new(o, "code", json_string(ar->code));
	json_object_set_new(o, "name", json_string(ar->name));
	json_object_set_new(o, "level", json_string(ar->level));
	json_object_set_new(o, "parent", api_str_or_null(ar->parent));
	if (with_count)
		json_object_set_new(o, "partyCount", json_integer(ar->party_count));
	json_object_set_new(o, "createdAt", json_string(ar->created_at));
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link(arena_printf(r->arena, "/api/v1/areas/%s", ar->code)));
	if (ar->parent)
		json_object_set_new(links, "parent", api_link(arena_printf(r->arena, "/api/v1/areas/%s", ar->parent)));
	json_object_set_new(o, "_links", links);
	return o;
}

void api_areas_list(struct http_req *r)
{
	static const char *const allowed[] = { "parent", "level", "q", "limit", "cursor", NULL };
	struct problems p = { 0 };
	struct area_filter f = { .with_counts = true };
	api_check_query(r, allowed, &f.limit, &p);
	f.parent = http_query(r, "parent");
	f.level = http_query(r, "level");
	f.q = http_query(r, "q");
	if (f.level && enum_find(area_levels, AREA_LEVEL_COUNT, f.level) < 0)
		problems_add(&p, "level", R_NOT_ONE_OF, 0);
	if (f.q)
		valid_text(&p, "q", f.q, false, 200, false);
	struct area parent;
	if (f.parent && area_get(r->store, r->arena, f.parent, &parent) == ERR_NOTFOUND)
		problems_add(&p, "parent", R_UNKNOWN_AREA, 0);
	const char *cursor = http_query(r, "cursor");
	if (cursor) {
		size_t n = strlen(cursor);
		char *raw = arena_alloc(r->arena, n + 2);
		long len = n < 2000 ? text_unbase64url(cursor, n, raw) : -1;
		if (len <= 0 || !text_utf8_valid(raw, (size_t)len) || memchr(raw, 0, (size_t)len))
			problems_add(&p, "cursor", R_BAD_FORMAT, 0);
		else
			f.cursor = raw;
	}
	if (p.n) {
		api_invalid(r, &p);
		return;
	}
	struct area *items;
	size_t n;
	const char *next;
	int rc = area_list(r->store, r->arena, &f, &items, &n, &next);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, area_json(r, &items[i], true));
	char *next_cursor = NULL;
	if (next) {
		next_cursor = arena_alloc(r->arena, (strlen(next) + 2) / 3 * 4 + 1);
		text_base64url((const unsigned char *)next, strlen(next), next_cursor);
	}
	const char *keys[] = { "parent", "level", "q", "limit" };
	const char *values[] = { f.parent, f.level, f.q, http_query(r, "limit") };
	json_t *o = json_object();
	json_object_set_new(o, "items", list);
	json_object_set_new(o, "_links", api_list_links(r, "/api/v1/areas", keys, values, 4, next_cursor));
	api_send(r, 200, o);
}

void api_areas_get(struct http_req *r)
{
	struct area ar;
	int rc = area_get(r->store, r->arena, r->params[0], &ar);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	api_send(r, 200, area_json(r, &ar, false));
}

void api_areas_create(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct area ar = { 0 };
	struct problems p = { 0 };
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(r->arena, key);
		if (!strcmp(k, "code"))
			ar.code = api_string(r, v, k, &p);
		else if (!strcmp(k, "name"))
			ar.name = api_string(r, v, k, &p);
		else if (!strcmp(k, "level"))
			ar.level = api_string(r, v, k, &p);
		else if (!strcmp(k, "parent"))
			ar.parent = api_string(r, v, k, &p);
		else if (!strcmp(k, "createdAt") || !strcmp(k, "_links") || !strcmp(k, "partyCount"))
			problems_add(&p, k, R_READ_ONLY, 0);
		else
			problems_add(&p, k, R_UNKNOWN_FIELD, 0);
	}
	json_decref(body);
	/* area_create adds its own problems to those of the JSON */
	int rc = area_create(r->store, &r->viewer, r->arena, &ar, &p);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/areas/%s", ar.code));
	api_send(r, 201, area_json(r, &ar, false));
}

const struct http_route api_areas_routes[] = {
	{ HM_GET, "/api/v1/areas", api_areas_list, RF_CACHE },
	{ HM_POST, "/api/v1/areas", api_areas_create, 0 },
	{ HM_GET, "/api/v1/areas/{code}", api_areas_get, RF_CACHE },
	{ 0 },
};
