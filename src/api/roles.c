/* /api/v1/roles: the catalogue of roles from the dossier. */
#include <string.h>

#include "../base/arena.h"
#include "../base/jw.h"
#include "../model/role.h"
#include "common.h"

static void write_role(struct http_req *r, struct jw *w, const void *obj)
{
	const struct role *ro = obj;
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
	struct role *items;
	size_t n;
	if (api_no_query(r) && !api_failed(r, role_list(r->store, r->arena, &items, &n), NULL, NULL))
		api_send_list(r, "/api/v1/roles", NULL, NULL, write_role, items, sizeof *items, n);
}

static void api_roles_get(struct http_req *r)
{
	struct role ro;
	if (!api_failed(r, role_get(r->store, r->arena, r->params[0], &ro), NULL, NULL))
		api_send(r, 200, write_role, &ro);
}

const struct http_route api_roles_routes[] = {
	{ HM_GET, "/api/v1/roles", api_roles_list, RF_CACHE },
	{ HM_GET, "/api/v1/roles/{key}", api_roles_get, RF_CACHE },
	{ 0 },
};
