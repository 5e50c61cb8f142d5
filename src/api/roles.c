/* /api/v1/roles: the catalogue of roles from the dossier. */
#include <string.h>

#include "../base/arena.h"
#include "../base/jw.h"
#include "../model/role.h"
#include "common.h"
#include "routes.h"

static void write_role(struct http_req *r, struct jw *w, const struct role *ro)
{
	jw_obj(w);
	jw_kstr(w, "key", ro->key);
	jw_kstr(w, "nameNl", ro->name[LANG_NL]);
	jw_kstr(w, "nameEn", ro->name[LANG_EN]);
	jw_kstr(w, "descriptionNl", ro->description[LANG_NL]);
	jw_kstr(w, "descriptionEn", ro->description[LANG_EN]);
	jw_karr(w, "typicalKinds");
	for (const char *p = ro->typical_kinds; *p;) {
		size_t n = strcspn(p, " ");
		if (n)
			jw_strn(w, p, n);
		p += n;
		while (*p == ' ')
			p++;
	}
	jw_end(w);
	jw_kobj(w, "_links");
	jw_klink(w, "self", arena_printf(r->arena, "/api/v1/roles/%s", ro->key));
	jw_end(w);
	jw_end(w);
}

static void api_roles_list(struct http_req *r)
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
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_karr(&w, "items");
	for (size_t i = 0; i < n; i++)
		write_role(r, &w, &items[i]);
	jw_end(&w);
	api_write_list_links(&w, r, "/api/v1/roles", NULL, NULL, 0, NULL);
	jw_end(&w);
}

static void api_roles_get(struct http_req *r)
{
	struct role ro;
	int rc = role_get(r->store, r->arena, r->params[0], &ro);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	struct jw w;
	api_json_begin(r, 200, &w);
	write_role(r, &w, &ro);
}

const struct http_route api_roles_routes[] = {
	{ HM_GET, "/api/v1/roles", api_roles_list, RF_CACHE },
	{ HM_GET, "/api/v1/roles/{key}", api_roles_get, RF_CACHE },
	{ 0 },
};
