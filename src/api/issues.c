/* /api/v1/issues: social issues (vraagstukken) and their status timeline. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/issue.h"
#include "common.h"
#include "routes.h"

static json_t *issue_json(struct http_req *r, const struct issue *is)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(is->id));
	json_object_set_new(o, "title", json_string(is->title));
	json_object_set_new(o, "summary", json_string(is->summary));
	json_object_set_new(o, "description", json_string(is->description));
	json_object_set_new(o, "area", json_string(is->area));
	json_object_set_new(o, "ownerParty", api_str_or_null(is->owner_party));
	json_object_set_new(o, "ownerPartyName", api_str_or_null(is->owner_name));
	json_object_set_new(o, "targetGroups", api_strlist(is->target_groups.v, is->target_groups.n));
	json_object_set_new(o, "status", json_string(is->status));
	json_object_set_new(o, "supporters", json_integer(is->supporters));
	json_object_set_new(o, "createdAt", json_string(is->created_at));
	json_object_set_new(o, "updatedAt", json_string(is->updated_at));
	json_object_set_new(o, "statusChangedAt", json_string(is->status_changed_at));
	const char *self = arena_printf(r->arena, "/api/v1/issues/%s", is->id);
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link(self));
	json_object_set_new(links, "statusChanges", api_link(arena_printf(r->arena, "%s/status-changes", self)));
	json_object_set_new(links, "roleLedger", api_link(arena_printf(r->arena, "%s/role-ledger", self)));
	json_object_set_new(links, "factors", api_link(arena_printf(r->arena, "%s/factors", self)));
	json_object_set_new(links, "supports", api_link(arena_printf(r->arena, "%s/supports", self)));
	json_object_set_new(links, "comments", api_link(arena_printf(r->arena, "%s/comments", self)));
	if (is->owner_party)
		json_object_set_new(links, "ownerParty",
				    api_link(arena_printf(r->arena, "/api/v1/parties/%s", is->owner_party)));
	json_object_set_new(o, "_links", links);
	return o;
}

/* Applies the fields of a JSON object to an input: all of them for a
 * create, the ones present for a merge patch. */
static void apply_json(struct http_req *r, json_t *body, struct issue_input *in, bool creating,
		       struct problems *p)
{
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(r->arena, key);
		if (!strcmp(k, "title")) {
			in->title = api_string(r, v, k, p);
		} else if (!strcmp(k, "summary")) {
			in->summary = api_string(r, v, k, p);
		} else if (!strcmp(k, "description")) {
			in->description = api_string(r, v, k, p);
		} else if (!strcmp(k, "area")) {
			in->area = api_string(r, v, k, p);
		} else if (!strcmp(k, "ownerParty")) {
			in->owner_party = api_string(r, v, k, p);
		} else if (!strcmp(k, "targetGroups")) {
			if (json_is_null(v))
				in->target_groups.n = 0;
			else
				api_strings(r, v, k, &in->target_groups.v, &in->target_groups.n,
					    ISSUE_GROUPS_MAX, p);
		} else if (!strcmp(k, "status") && creating) {
			in->status = api_string(r, v, k, p);
		} else if (!strcmp(k, "status")) {
			problems_add(p, k, R_READ_ONLY, 0); /* moves go through status-changes */
		} else if (!strcmp(k, "id") || !strcmp(k, "createdAt") || !strcmp(k, "updatedAt") ||
			   !strcmp(k, "statusChangedAt") || !strcmp(k, "supporters") ||
			   !strcmp(k, "ownerPartyName") || !strcmp(k, "_links")) {
			problems_add(p, k, R_READ_ONLY, 0);
		} else {
			problems_add(p, k, R_UNKNOWN_FIELD, 0);
		}
	}
}

void api_issues_list(struct http_req *r)
{
	static const char *const allowed[] = { "status", "area", "ownerParty", "targetGroup", "q",
					       "sort", "limit", "cursor", NULL };
	struct problems p = { 0 };
	struct issue_filter f = { 0 };
	api_check_query(r, allowed, &f.limit, &p);
	f.status = http_query(r, "status");
	f.area = http_query(r, "area");
	f.owner_party = http_query(r, "ownerParty");
	f.target_group = http_query(r, "targetGroup");
	f.q = http_query(r, "q");
	f.cursor = http_query(r, "cursor");
	const char *sort = http_query(r, "sort");
	if (!issue_sort_parse(sort, &f.sort))
		problems_add(&p, "sort", R_NOT_ONE_OF, 0);
	struct issue *items;
	size_t n;
	const char *next;
	int rc = issue_list(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, issue_json(r, &items[i]));
	const char *keys[] = { "status", "area", "ownerParty", "targetGroup", "q", "sort", "limit" };
	const char *values[] = { f.status, f.area, f.owner_party, f.target_group, f.q, sort,
				 http_query(r, "limit") };
	json_t *o = json_object();
	json_object_set_new(o, "items", list);
	json_object_set_new(o, "_links", api_list_links(r, "/api/v1/issues", keys, values, 7, next));
	api_send(r, 200, o);
}

void api_issues_get(struct http_req *r)
{
	struct issue is;
	int rc = issue_get(r->store, r->arena, &r->viewer, r->params[0], &is);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	api_send(r, 200, issue_json(r, &is));
}

/* Answers a create or a change: the problems, or the issue as written. */
static void answer_saved(struct http_req *r, int rc, const struct problems *p, const struct issue *is, int status)
{
	if (rc == ERR_INVALID)
		api_invalid(r, p);
	else if (rc)
		api_fail(r, rc);
	else
		api_send(r, status, issue_json(r, is));
}

void api_issues_create(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct issue_input in = { 0 };
	struct problems p = { 0 };
	apply_json(r, body, &in, true, &p);
	json_decref(body);
	struct issue is;
	int rc = issue_create(r->store, r->arena, &r->viewer, &in, &is, &p);
	if (!rc)
		http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/issues/%s", is.id));
	answer_saved(r, rc, &p, &is, 201);
}

void api_issues_patch(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		api_fail(r, ERR_AUTH);
		return;
	}
	struct issue is;
	int rc = issue_get(r->store, r->arena, &r->viewer, r->params[0], &is);
	if (!rc && !issue_can(&r->viewer, &is, OBJ_ISSUE, ACT_UPDATE))
		rc = ERR_FORBIDDEN;
	if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *body = api_body_object(r);
	if (!body)
		return;
	struct issue_input in = {
		.title = is.title, .summary = is.summary, .description = is.description,
		.area = is.area, .owner_party = is.owner_party, .target_groups = is.target_groups,
	};
	struct problems p = { 0 };
	apply_json(r, body, &in, false, &p);
	json_decref(body);
	rc = issue_update(r->store, r->arena, &r->viewer, &is, &in, &p);
	answer_saved(r, rc, &p, &is, 200);
}

static json_t *transition_json(const struct issue_transition *t)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(t->id));
	json_object_set_new(o, "from", api_str_or_null(t->from));
	json_object_set_new(o, "status", json_string(t->to));
	json_object_set_new(o, "reason", json_string(t->reason));
	json_object_set_new(o, "actorName", api_str_or_null(t->actor_name));
	json_object_set_new(o, "at", json_string(t->at));
	return o;
}

void api_issue_status_list(struct http_req *r)
{
	static const char *const allowed[] = { "limit", "cursor", NULL };
	struct problems p = { 0 };
	int limit;
	api_check_query(r, allowed, &limit, &p);
	struct issue_transition *items;
	size_t n;
	const char *next;
	int rc = issue_transitions(r->store, r->arena, r->params[0], http_query(r, "cursor"), limit,
				   &p, &items, &n, &next);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, transition_json(&items[i]));
	const char *keys[] = { "limit" };
	const char *values[] = { http_query(r, "limit") };
	json_t *o = json_object();
	json_object_set_new(o, "items", list);
	json_object_set_new(o, "_links", api_list_links(r,
		arena_printf(r->arena, "/api/v1/issues/%s/status-changes", r->params[0]), keys, values, 1, next));
	api_send(r, 200, o);
}

void api_issue_status_create(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct problems p = { 0 };
	const char *to = NULL, *reason = NULL, *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(r->arena, key);
		if (!strcmp(k, "status"))
			to = api_string(r, v, k, &p);
		else if (!strcmp(k, "reason"))
			reason = api_string(r, v, k, &p);
		else
			problems_add(&p, k, R_UNKNOWN_FIELD, 0);
	}
	json_decref(body);
	struct issue_transition t;
	unsigned allowed = 0;
	int rc = issue_move(r->store, r->arena, &r->viewer, r->params[0], to, reason, &t, &p, &allowed);
	if (rc == ERR_INVALID && p.n) {
		api_invalid(r, &p);
		return;
	}
	if (rc == ERR_CONFLICT) {
		json_t *list = json_array();
		char names[200] = "";
		size_t used = 0;
		for (int s = 0; s < ISSUE_STATUS_COUNT; s++) {
			if (!(allowed & (1u << s)))
				continue;
			json_array_append_new(list, json_string(issue_statuses[s].key));
			int w = snprintf(names + used, sizeof names - used, "%s%s", used ? ", " : "",
					 issue_statuses[s].key);
			if (w > 0 && (size_t)w < sizeof names - used)
				used += (size_t)w;
		}
		json_t *o = json_object();
		json_object_set_new(o, "type", json_string("about:blank"));
		json_object_set_new(o, "title", json_string("Conflict"));
		json_object_set_new(o, "status", json_integer(409));
		json_object_set_new(o, "detail", json_string(allowed
			? arena_printf(r->arena, "This issue cannot move to '%s' from its status; it can move to: %s.",
				       to ? to : "", names)
			: "This issue is archived; its status cannot change any more."));
		json_object_set_new(o, "allowedStatuses", list);
		api_send(r, 409, o);
		r->content_type = "application/problem+json";
		return;
	}
	if (rc) {
		api_fail(r, rc);
		return;
	}
	http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/issues/%s/status-changes", r->params[0]));
	api_send(r, 201, transition_json(&t));
}

const struct http_route api_issues_routes[] = {
	{ HM_GET, "/api/v1/issues", api_issues_list, RF_CACHE },
	{ HM_POST, "/api/v1/issues", api_issues_create, 0 },
	{ HM_GET, "/api/v1/issues/{id}", api_issues_get, RF_CACHE },
	{ HM_PATCH, "/api/v1/issues/{id}", api_issues_patch, 0 },
	{ HM_GET, "/api/v1/issues/{id}/status-changes", api_issue_status_list, RF_CACHE },
	{ HM_POST, "/api/v1/issues/{id}/status-changes", api_issue_status_create, 0 },
	{ 0 },
};
