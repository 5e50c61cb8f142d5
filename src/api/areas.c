/* /api/v1/areas: the tree of places. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../base/text.h"
#include "../model/area.h"
#include "common.h"

/* An area as the next value of w; in a list, with its count of parties. */
static void write_area_count(struct http_req *r, struct jw *w, const struct area *ar, bool with_count)
{
	jw_obj(w);
	fields_write_json(area_fields, area_nfields, ar, w);
	if (with_count)
		jw_kint(w, "partyCount", ar->party_count);
	api_links(w, r, "area", ar->code, NULL, NULL);
	if (ar->parent)
		jw_klink(w, "parent", api_path(r, "area", ar->parent));
	jw_end(w);
	jw_end(w);
}

static void write_area(struct http_req *r, struct jw *w, const void *ar)
{
	write_area_count(r, w, ar, false);
}

static void write_area_in_list(struct http_req *r, struct jw *w, const void *ar)
{
	write_area_count(r, w, ar, true);
}

static void api_areas_list(struct http_req *r)
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
	struct area *items;
	size_t n;
	const char *next;
	if (api_failed(r, p.n ? ERR_INVALID : area_list(r->store, r->arena, &f, &items, &n, &next), &p, NULL))
		return;
	char *next_cursor = NULL;
	if (next) {
		next_cursor = arena_alloc(r->arena, (strlen(next) + 2) / 3 * 4 + 1);
		text_base64url((const unsigned char *)next, strlen(next), next_cursor);
	}
	api_send_list(r, "/api/v1/areas", allowed, next_cursor, write_area_in_list, items, sizeof *items, n);
}

static void api_areas_get(struct http_req *r)
{
	struct area ar;
	if (!api_failed(r, area_get(r->store, r->arena, r->params[0], &ar), NULL, NULL))
		api_send(r, 200, write_area, &ar);
}

static void api_areas_create(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct area ar = { 0 };
	struct problems p = { 0 };
	/* the count is a list's, not one of the fields */
	if (json_object_get(body, "partyCount")) {
		problems_add(&p, "partyCount", R_READ_ONLY, 0);
		json_object_del(body, "partyCount");
	}
	fields_apply_json(area_fields, area_nfields, &ar, body, FIELDS_CREATE, r->arena, &p);
	json_decref(body);
	/* area_create adds its own problems to those of the JSON */
	int rc = area_create(r->store, &r->viewer, r->arena, &ar, &p);
	if (api_failed(r, rc, &p, NULL))
		return;
	http_add_header(r, "Location", api_path(r, "area", ar.code));
	api_send(r, 201, write_area, &ar);
}

const struct http_route api_areas_routes[] = {
	{ HM_GET, "/api/v1/areas", api_areas_list, RF_CACHE },
	{ HM_POST, "/api/v1/areas", api_areas_create, 0 },
	{ HM_GET, "/api/v1/areas/{code}", api_areas_get, RF_CACHE },
	{ 0 },
};
