/* /api/v1/activity: the audit trail (activiteitenlog), newest first, for
 * platform admins, and for coordinators the entries about parties in their
 * areas. Entries name the fields a change touched, never their values;
 * member changes say whom they were about and which role was given. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/activity.h"
#include "common.h"
#include "routes.h"

/* The log keeps the field names comma-separated; the API gives a list. */
static json_t *fields_json(const char *fields)
{
	json_t *a = json_array();
	const char *s = fields;
	while (s && *s) {
		const char *e = strchr(s, ',');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		if (len)
			json_array_append_new(a, json_stringn(s, len));
		s = e ? e + 1 : NULL;
	}
	return a;
}

static json_t *activity_json(const struct activity *e)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(e->id));
	json_object_set_new(o, "at", json_string(e->at));
	json_object_set_new(o, "actorId", api_str_or_null(e->actor_id));
	json_object_set_new(o, "actorName", api_str_or_null(e->actor_name));
	json_object_set_new(o, "action", json_string(e->action));
	json_object_set_new(o, "objectType", json_string(e->object_type));
	json_object_set_new(o, "objectId", json_string(e->object_id));
	json_object_set_new(o, "fields", fields_json(e->fields));
	json_object_set_new(o, "subjectId", api_str_or_null(e->subject_id));
	json_object_set_new(o, "subjectName", api_str_or_null(e->subject_name));
	json_object_set_new(o, "detail", api_str_or_null(e->detail));
	return o;
}

void api_activity_list(struct http_req *r)
{
	static const char *const allowed[] = { "objectType", "objectId", "actor", "limit", "cursor", NULL };
	struct problems p = { 0 };
	struct activity_filter f = { 0 };
	api_check_query(r, allowed, &f.limit, &p);
	f.object_type = http_query(r, "objectType");
	f.object_id = http_query(r, "objectId");
	f.actor = http_query(r, "actor");
	f.cursor = http_query(r, "cursor");
	/* activity_list checks who may first, then adds its problems to these */
	struct activity *items;
	size_t n;
	const char *next;
	int rc = activity_list(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, activity_json(&items[i]));
	const char *keys[] = { "objectType", "objectId", "actor", "limit" };
	const char *values[] = { f.object_type, f.object_id, f.actor, http_query(r, "limit") };
	json_t *o = json_object();
	json_object_set_new(o, "items", list);
	json_object_set_new(o, "_links", api_list_links(r, "/api/v1/activity", keys, values, 4, next));
	api_send(r, 200, o);
}

const struct http_route api_activity_routes[] = {
	{ HM_GET, "/api/v1/activity", api_activity_list, 0 },
	{ 0 },
};
