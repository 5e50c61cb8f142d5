/* /api/v1/issues: social issues (vraagstukken) and their status timeline. */
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/issue.h"
#include "common.h"

/* An issue as the next value of w. */
static void write_issue(struct http_req *r, struct jw *w, const void *obj)
{
	const struct issue *is = obj;
	static const char *const parts[] = { "statusChanges", "status-changes", "roleLedger", "role-ledger",
					     "factors", "factors", "supports", "supports", "comments", "comments" };
	jw_obj(w);
	fields_write_json(issue_fields, issue_nfields, is, w);
	const char *self = api_links(w, r, "issue", is->id, NULL, NULL);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i += 2)
		jw_klink(w, parts[i], arena_printf(r->arena, "%s/%s", self, parts[i + 1]));
	if (is->owner_party)
		jw_klink(w, "ownerParty", api_path(r, "party", is->owner_party));
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
	if (!issue_sort_parse(http_query(r, "sort"), &f.sort))
		problems_add(&p, "sort", R_NOT_ONE_OF, 0);
	struct issue *items;
	size_t n;
	const char *next;
	int rc = issue_list(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (!api_failed(r, rc, &p, NULL))
		api_send_list(r, "/api/v1/issues", allowed, next, write_issue, items, sizeof *items, n);
}

static void api_issues_get(struct http_req *r)
{
	struct issue is;
	int rc = issue_get(r->store, r->arena, &r->viewer, r->params[0], &is);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_issue, &is);
}

static void api_issues_create(struct http_req *r)
{
	struct issue is = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, issue_fields, issue_nfields, &is, FIELDS_CREATE, &p))
		return;
	int rc = issue_create(r->store, r->arena, &r->viewer, &is, &p);
	if (api_failed(r, rc, &p, NULL))
		return;
	http_add_header(r, "Location", api_path(r, "issue", is.id));
	api_send(r, 201, write_issue, &is);
}

static void api_issues_patch(struct http_req *r)
{
	struct issue is;
	int rc = r->viewer.authenticated ? issue_get(r->store, r->arena, &r->viewer, r->params[0], &is) : ERR_AUTH;
	if (!rc && !issue_can(&r->viewer, &is, OBJ_ISSUE, ACT_UPDATE))
		rc = ERR_FORBIDDEN;
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct issue in = is;
	struct problems p = { 0 };
	if (!api_read(r, issue_fields, issue_nfields, &in, FIELDS_PATCH, &p))
		return;
	rc = issue_update(r->store, r->arena, &r->viewer, &is, &in, &p);
	if (!api_failed(r, rc, &p, NULL))
		api_send(r, 200, write_issue, &is);
}

static void write_transition(struct http_req *r, struct jw *w, const void *t)
{
	(void)r;
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
	if (!api_failed(r, rc, &p, NULL))
		api_send_list(r, arena_printf(r->arena, "%s/status-changes", api_path(r, "issue", r->params[0])),
			      allowed, next, write_transition, items, sizeof *items, n);
}

static void api_issue_status_create(struct http_req *r)
{
	struct problems p = { 0 };
	struct issue_transition t = { 0 };
	if (!api_read(r, issue_transition_fields, issue_transition_nfields, &t, FIELDS_CREATE, &p))
		return;
	const char *to = t.to;
	unsigned allowed = 0;
	int rc = issue_move(r->store, r->arena, &r->viewer, r->params[0], to, t.reason, &t, &p, &allowed);
	if (rc == ERR_CONFLICT) { /* a problem that names the moves allowed */
		const char *names = "";
		for (int i = 0; i < ISSUE_STATUS_COUNT; i++)
			if (allowed & (1u << i))
				names = arena_printf(r->arena, "%s%s%s", names, *names ? ", " : "", issue_statuses[i].key);
		api_conflict_moves(r, allowed
			? arena_printf(r->arena, "This issue cannot move to '%s' from its status; it can move to: %s.",
				       to ? to : "", names)
			: "This issue is archived; its status cannot change any more.", names);
		return;
	}
	if (api_failed(r, rc, p.n ? &p : NULL, NULL))
		return;
	const char *path = arena_printf(r->arena, "%s/status-changes", api_path(r, "issue", r->params[0]));
	http_add_header(r, "Location", path);
	api_send(r, 201, write_transition, &t);
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
