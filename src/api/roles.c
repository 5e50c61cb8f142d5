/* /api/v1/roles: the catalogue of roles from the dossier. */
#include <string.h>

#include "../base/arena.h"
#include "../model/role.h"
#include "common.h"
#include "routes.h"

static json_t *role_json(struct http_req *r, const struct role *ro)
{
	json_t *o = json_object();
	json_object_set_new(o, "key", json_string(ro->key));
	json_object_set_new(o, "nameNl", json_string(ro->name[LANG_NL]));
	json_object_set_new(o, "nameEn", json_string(ro->name[LANG_EN]));
	json_object_set_new(o, "descriptionNl", json_string(ro->description[LANG_NL]));
	json_object_set_new(o, "descriptionEn", json_string(ro->description[LANG_EN]));
	json_t *kinds = json_array();
	const char *p = ro->typical_kinds;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t n = sp ? (size_t)(sp - p) : strlen(p);
		json_array_append_new(kinds, json_stringn(p, n));
		p += n;
		while (*p == ' ')
			p++;
	}
	json_object_set_new(o, "typicalKinds", kinds);
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link(arena_printf(r->arena, "/api/v1/roles/%s", ro->key)));
	json_object_set_new(o, "_links", links);
	return o;
}

void api_roles_list(struct http_req *r)
{
	static const char *const allowed[] = { NULL };
	struct problems p = { 0 };
	int limit;
	api_check_query(r, allowed, &limit, &p);
	if (p.n) {
		api_invalid(r, &p);
		return;
	}
	struct role *items;
	size_t n;
	int rc = role_list(r->store, r->arena, &items, &n);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, role_json(r, &items[i]));
	json_t *o = json_object();
	json_object_set_new(o, "items", list);
	json_object_set_new(o, "_links", api_list_links(r, "/api/v1/roles", NULL, NULL, 0, NULL));
	api_send(r, 200, o);
}

void api_roles_get(struct http_req *r)
{
	struct role ro;
	int rc = role_get(r->store, r->arena, r->params[0], &ro);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	api_send(r, 200, role_json(r, &ro));
}

const struct http_route api_roles_routes[] = {
	{ HM_GET, "/api/v1/roles", api_roles_list, RF_CACHE },
	{ HM_GET, "/api/v1/roles/{key}", api_roles_get, RF_CACHE },
	{ 0 },
};
