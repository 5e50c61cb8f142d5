/* /api/v1/activity: the audit trail (activiteitenlog), newest first, for
 * platform admins, and for coordinators the entries about parties in their
 * areas. Entries name the fields a change touched, never their values;
 * member changes say whom they were about and which role was given. */
#include "../base/jw.h"
#include "../model/activity.h"
#include "common.h"

static void write_entry(struct http_req *r, struct jw *w, const void *obj)
{
	const struct activity *e = obj;
	(void)r;
	jw_obj(w);
	jw_kstr(w, "id", e->id);
	jw_kstr(w, "at", e->at);
	jw_kstr(w, "actorId", e->actor_id);
	jw_kstr(w, "actorName", e->actor_name);
	jw_kstr(w, "action", e->action);
	jw_kstr(w, "objectType", e->object_type);
	jw_kstr(w, "objectId", e->object_id);
	jw_kcsv(w, "fields", e->fields); /* the log keeps them comma-separated */
	jw_kstr(w, "subjectId", e->subject_id);
	jw_kstr(w, "subjectName", e->subject_name);
	jw_kstr(w, "detail", e->detail);
	jw_end(w);
}

static void api_activity_list(struct http_req *r)
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
	if (!api_failed(r, rc, &p, NULL))
		api_send_list(r, "/api/v1/activity", allowed, next, write_entry, items, sizeof *items, n);
}

const struct http_route api_activity_routes[] = {
	{ HM_GET, "/api/v1/activity", api_activity_list, 0 },
	{ 0 },
};
