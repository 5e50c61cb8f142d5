/* /api/v1/parties: the directory of parties. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/party.h"
#include "common.h"
#include "routes.h"

static json_t *party_json(struct http_req *r, const struct party *pa)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(pa->id));
	json_object_set_new(o, "name", json_string(pa->name));
	json_object_set_new(o, "kind", json_string(pa->kind));
	json_object_set_new(o, "description", json_string(pa->description));
	json_object_set_new(o, "email", api_str_or_null(pa->email));
	json_object_set_new(o, "phone", api_str_or_null(pa->phone));
	json_object_set_new(o, "website", api_str_or_null(pa->website));
	json_object_set_new(o, "capacityHours", pa->has_capacity ? json_integer(pa->capacity_hours) : json_null());
	json_object_set_new(o, "visibility", json_string(pa->visibility));
	json_object_set_new(o, "areas", api_strlist(pa->areas.v, pa->areas.n));
	json_object_set_new(o, "roles", api_strlist(pa->roles.v, pa->roles.n));
	json_object_set_new(o, "tags", api_strlist(pa->tags.v, pa->tags.n));
	json_object_set_new(o, "createdAt", json_string(pa->created_at));
	json_object_set_new(o, "updatedAt", json_string(pa->updated_at));
	api_verification_fields(o, pa);
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link(arena_printf(r->arena, "/api/v1/parties/%s", pa->id)));
	json_object_set_new(links, "verification",
			    api_link(arena_printf(r->arena, "/api/v1/parties/%s/verification", pa->id)));
	json_object_set_new(o, "_links", links);
	return o;
}

/* Applies the fields of a JSON object to a party: all of them for a
 * create, the ones present for a merge patch (null clears a field). */
static void apply_json(struct http_req *r, json_t *body, struct party *pa, struct problems *p)
{
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(r->arena, key);
		if (!strcmp(k, "name")) {
			pa->name = api_string(r, v, k, p);
		} else if (!strcmp(k, "kind")) {
			pa->kind = api_string(r, v, k, p);
		} else if (!strcmp(k, "description")) {
			pa->description = api_string(r, v, k, p);
		} else if (!strcmp(k, "email")) {
			pa->email = api_string(r, v, k, p);
		} else if (!strcmp(k, "phone")) {
			pa->phone = api_string(r, v, k, p);
		} else if (!strcmp(k, "website")) {
			pa->website = api_string(r, v, k, p);
		} else if (!strcmp(k, "visibility")) {
			pa->visibility = api_string(r, v, k, p);
		} else if (!strcmp(k, "capacityHours")) {
			if (json_is_null(v))
				pa->has_capacity = false;
			else if (json_is_integer(v))
				pa->has_capacity = true, pa->capacity_hours = json_integer_value(v);
			else
				problems_add(p, k, R_WRONG_TYPE, JK_INTEGER);
		} else if (!strcmp(k, "areas")) {
			api_strings(r, v, k, &pa->areas.v, &pa->areas.n, PARTY_AREAS_MAX, p);
		} else if (!strcmp(k, "roles")) {
			api_strings(r, v, k, &pa->roles.v, &pa->roles.n, PARTY_ROLES_MAX, p);
		} else if (!strcmp(k, "tags")) {
			api_strings(r, v, k, &pa->tags.v, &pa->tags.n, PARTY_TAGS_MAX, p);
		} else if (!strcmp(k, "id") || !strcmp(k, "createdAt") || !strcmp(k, "updatedAt") ||
			   !strcmp(k, "verified") || !strcmp(k, "verifiedAt") || !strcmp(k, "verifiedBy") ||
			   !strcmp(k, "_links")) {
			problems_add(p, k, R_READ_ONLY, 0);
		} else {
			problems_add(p, k, R_UNKNOWN_FIELD, 0);
		}
	}
}

void api_parties_list(struct http_req *r)
{
	static const char *const allowed[] = { "kind", "area", "role", "tag", "q", "sort", "limit",
					       "cursor", NULL };
	struct problems p = { 0 };
	struct party_filter f = { 0 };
	api_check_query(r, allowed, &f.limit, &p);
	f.kind = http_query(r, "kind");
	f.area = http_query(r, "area");
	f.role = http_query(r, "role");
	f.tag = http_query(r, "tag");
	f.q = http_query(r, "q");
	f.cursor = http_query(r, "cursor");
	const char *sort = http_query(r, "sort");
	if (!party_sort_parse(sort, &f.sort))
		problems_add(&p, "sort", R_NOT_ONE_OF, 0);
	/* party_list adds its own problems to those found here */
	struct party *items;
	size_t n;
	const char *next;
	int rc = party_list(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, party_json(r, &items[i]));
	const char *keys[] = { "kind", "area", "role", "tag", "q", "sort", "limit" };
	const char *values[] = { f.kind, f.area, f.role, f.tag, f.q, sort, http_query(r, "limit") };
	json_t *o = json_object();
	json_object_set_new(o, "items", list);
	json_object_set_new(o, "_links", api_list_links(r, "/api/v1/parties", keys, values, 7, next));
	api_send(r, 200, o);
}

void api_parties_get(struct http_req *r)
{
	struct party pa;
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], &pa);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	api_send(r, 200, party_json(r, &pa));
}

/* Answers a create or a change: the problems, or the party as written. */
static void answer_saved(struct http_req *r, int rc, const struct problems *p, const struct party *pa, int status)
{
	if (rc == ERR_INVALID)
		api_invalid(r, p);
	else if (rc)
		api_fail(r, rc);
	else
		api_send(r, status, party_json(r, pa));
}

void api_parties_create(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct party pa = { 0 };
	struct problems p = { 0 };
	apply_json(r, body, &pa, &p);
	json_decref(body);
	int rc = party_create(r->store, r->arena, &r->viewer, &pa, &p);
	if (!rc)
		http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/parties/%s", pa.id));
	answer_saved(r, rc, &p, &pa, 201);
}

void api_parties_patch(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		api_fail(r, ERR_AUTH);
		return;
	}
	struct party pa;
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], &pa);
	if (!rc && !party_can_edit(&r->viewer, &pa))
		rc = ERR_FORBIDDEN;
	if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *body = api_body_object(r);
	if (!body)
		return;
	struct problems p = { 0 };
	const struct party was = pa;
	apply_json(r, body, &pa, &p);
	json_decref(body);
	rc = party_update_from(r->store, r->arena, &r->viewer, &was, &pa, &p);
	answer_saved(r, rc, &p, &pa, 200);
}

void api_parties_delete(struct http_req *r)
{
	int rc = party_delete(r->store, &r->viewer, r->params[0]);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	r->status = 204;
	r->content_type = NULL;
}
