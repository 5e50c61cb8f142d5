/* /api/v1/areas: the tree of places. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../base/text.h"
#include "../model/area.h"
#include "common.h"
#include "routes.h"

/* An area as a member of the open object or array of w; in a list, with
 * its count of parties. */
static void write_area(struct http_req *r, struct jw *w, const struct area *ar, bool with_count)
{
	jw_obj(w);
	fields_write_json(area_fields, area_nfields, ar, w);
	if (with_count)
		jw_kint(w, "partyCount", ar->party_count);
	jw_kobj(w, "_links");
	jw_klink(w, "self", arena_printf(r->arena, "/api/v1/areas/%s", ar->code));
	if (ar->parent)
		jw_klink(w, "parent", arena_printf(r->arena, "/api/v1/areas/%s", ar->parent));
	jw_end(w);
	jw_end(w);
}

static void send_area(struct http_req *r, int status, const struct area *ar)
{
	struct jw w;
	api_json_begin(r, status, &w);
	write_area(r, &w, ar, false);
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
	char *next_cursor = NULL;
	if (next) {
		next_cursor = arena_alloc(r->arena, (strlen(next) + 2) / 3 * 4 + 1);
		text_base64url((const unsigned char *)next, strlen(next), next_cursor);
	}
	const char *keys[] = { "parent", "level", "q", "limit" };
	const char *values[] = { f.parent, f.level, f.q, http_query(r, "limit") };
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_karr(&w, "items");
	for (size_t i = 0; i < n; i++)
		write_area(r, &w, &items[i], true);
	jw_end(&w);
	api_write_list_links(&w, r, "/api/v1/areas", keys, values, 4, next_cursor);
	jw_end(&w);
}

static void api_areas_get(struct http_req *r)
{
	struct area ar;
	int rc = area_get(r->store, r->arena, r->params[0], &ar);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	send_area(r, 200, &ar);
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
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/areas/%s", ar.code));
	send_area(r, 201, &ar);
}

const struct http_route api_areas_routes[] = {
	{ HM_GET, "/api/v1/areas", api_areas_list, RF_CACHE },
	{ HM_POST, "/api/v1/areas", api_areas_create, 0 },
	{ HM_GET, "/api/v1/areas/{code}", api_areas_get, RF_CACHE },
	{ 0 },
};
