/* /api/v1/issues: social issues (vraagstukken) and their status timeline. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/issue.h"
#include "common.h"
#include "routes.h"

/* An issue as a member of the open object or array of w. */
static void write_issue(struct http_req *r, struct jw *w, const struct issue *is)
{
	const char *self = arena_printf(r->arena, "/api/v1/issues/%s", is->id);
	static const char *const parts[] = { "statusChanges", "status-changes", "roleLedger", "role-ledger",
					     "factors", "factors", "supports", "supports", "comments", "comments" };
	jw_obj(w);
	fields_write_json(issue_fields, issue_nfields, is, w);
	jw_kobj(w, "_links");
	jw_klink(w, "self", self);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i += 2)
		jw_klink(w, parts[i], arena_printf(r->arena, "%s/%s", self, parts[i + 1]));
	if (is->owner_party)
		jw_klink(w, "ownerParty", arena_printf(r->arena, "/api/v1/parties/%s", is->owner_party));
	jw_end(w);
	jw_end(w);
}

static void api_issues_list(struct http_req *r)
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
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_karr(&w, "items");
	for (size_t i = 0; i < n; i++)
		write_issue(r, &w, &items[i]);
	jw_end(&w);
	const char *keys[] = { "status", "area", "ownerParty", "targetGroup", "q", "sort", "limit" };
	const char *values[] = { f.status, f.area, f.owner_party, f.target_group, f.q, sort,
				 http_query(r, "limit") };
	api_write_list_links(&w, r, "/api/v1/issues", keys, values, 7, next);
	jw_end(&w);
}

/* Answers with the problems, or the issue (as read or as written). */
static void answer(struct http_req *r, int rc, const struct problems *p, const struct issue *is, int status)
{
	if (rc == ERR_INVALID && p) {
		api_invalid(r, p);
	} else if (rc) {
		api_fail(r, rc);
	} else {
		struct jw w;
		api_json_begin(r, status, &w);
		write_issue(r, &w, is);
	}
}

static void api_issues_get(struct http_req *r)
{
	struct issue is;
	int rc = issue_get(r->store, r->arena, &r->viewer, r->params[0], &is);
	answer(r, rc, NULL, &is, 200);
}

static void api_issues_create(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct issue is = { 0 };
	struct problems p = { 0 };
	fields_apply_json(issue_fields, issue_nfields, &is, body, FIELDS_CREATE, r->arena, &p);
	json_decref(body);
	int rc = issue_create(r->store, r->arena, &r->viewer, &is, &p);
	if (!rc)
		http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/issues/%s", is.id));
	answer(r, rc, &p, &is, 201);
}

static void api_issues_patch(struct http_req *r)
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
	struct issue in = is;
	struct problems p = { 0 };
	fields_apply_json(issue_fields, issue_nfields, &in, body, FIELDS_PATCH, r->arena, &p);
	json_decref(body);
	rc = issue_update(r->store, r->arena, &r->viewer, &is, &in, &p);
	answer(r, rc, &p, &is, 200);
}

static void write_transition(struct jw *w, const struct issue_transition *t)
{
	jw_obj(w);
	fields_write_json(issue_transition_fields, issue_transition_nfields, t, w);
	jw_end(w);
}

static void api_issue_status_list(struct http_req *r)
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
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_karr(&w, "items");
	for (size_t i = 0; i < n; i++)
		write_transition(&w, &items[i]);
	jw_end(&w);
	const char *keys[] = { "limit" };
	const char *values[] = { http_query(r, "limit") };
	api_write_list_links(&w, r, arena_printf(r->arena, "/api/v1/issues/%s/status-changes", r->params[0]),
			     keys, values, 1, next);
	jw_end(&w);
}

static void api_issue_status_create(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct problems p = { 0 };
	struct issue_transition t = { 0 };
	fields_apply_json(issue_transition_fields, issue_transition_nfields, &t, body, FIELDS_CREATE, r->arena, &p);
	json_decref(body);
	const char *to = t.to;
	unsigned allowed = 0;
	int rc = issue_move(r->store, r->arena, &r->viewer, r->params[0], to, t.reason, &t, &p, &allowed);
	if (rc == ERR_INVALID && p.n) {
		api_invalid(r, &p);
		return;
	}
	if (rc == ERR_CONFLICT) { /* a problem that names the moves allowed */
		const char *names = "";
		for (int i = 0; i < ISSUE_STATUS_COUNT; i++)
			if (allowed & (1u << i))
				names = arena_printf(r->arena, "%s%s%s", names, *names ? ", " : "", issue_statuses[i].key);
		struct jw w;
		api_json_begin(r, 409, &w);
		r->content_type = "application/problem+json";
		jw_obj(&w);
		jw_kstr(&w, "type", "about:blank");
		jw_kstr(&w, "title", "Conflict");
		jw_kint(&w, "status", 409);
		jw_kstr(&w, "detail", allowed
			? arena_printf(r->arena, "This issue cannot move to '%s' from its status; it can move to: %s.",
				       to ? to : "", names)
			: "This issue is archived; its status cannot change any more.");
		jw_karr(&w, "allowedStatuses");
		for (int i = 0; i < ISSUE_STATUS_COUNT; i++)
			if (allowed & (1u << i))
				jw_str(&w, issue_statuses[i].key);
		jw_end(&w);
		jw_end(&w);
		return;
	}
	if (rc) {
		api_fail(r, rc);
		return;
	}
	http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/issues/%s/status-changes", r->params[0]));
	struct jw w;
	api_json_begin(r, 201, &w);
	write_transition(&w, &t);
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
