/* /api/v1/signals: signals (signalen), their status moves, their uptake in
 * an issue and the decisions on regulatory ones. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/signal.h"
#include "api.h"
#include "common.h"
#include "routes.h"

static json_t *signal_json(struct http_req *r, const struct signal *sg)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(sg->id));
	json_object_set_new(o, "kind", json_string(sg->kind));
	json_object_set_new(o, "title", json_string(sg->title));
	json_object_set_new(o, "description", json_string(sg->description));
	json_object_set_new(o, "area", json_string(sg->area));
	json_object_set_new(o, "targetGroup", api_str_or_null(sg->target_group));
	json_object_set_new(o, "party", api_str_or_null(sg->party_id));
	json_object_set_new(o, "resident", json_boolean(sg->resident));
	json_object_set_new(o, "reporter", api_str_or_null(sg->reporter_id));
	json_object_set_new(o, "reporterName", api_str_or_null(sg->reporter_name));
	json_object_set_new(o, "regulatory", json_boolean(sg->regulatory));
	json_object_set_new(o, "rule", api_str_or_null(sg->rule));
	json_object_set_new(o, "routedParty", api_str_or_null(sg->routed_party_id));
	json_object_set_new(o, "status", json_string(sg->status));
	json_object_set_new(o, "statusReason", api_str_or_null(sg->status_reason));
	json_object_set_new(o, "issue", api_str_or_null(sg->issue_id));
	json_object_set_new(o, "issueStatus", api_str_or_null(sg->issue_status));
	json_object_set_new(o, "cluster", api_str_or_null(sg->cluster_id));
	json_object_set_new(o, "clusterSize", json_integer(sg->cluster_size));
	json_object_set_new(o, "createdAt", json_string(sg->created_at));
	json_object_set_new(o, "updatedAt", json_string(sg->updated_at));
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link(arena_printf(r->arena, "/api/v1/signals/%s", sg->id)));
	json_object_set_new(links, "decisions",
			    api_link(arena_printf(r->arena, "/api/v1/signals/%s/decisions", sg->id)));
	if (sg->issue_id)
		json_object_set_new(links, "issue",
				    api_link(arena_printf(r->arena, "/api/v1/issues/%s", sg->issue_id)));
	json_object_set_new(o, "_links", links);
	return o;
}

static json_t *decision_json(struct http_req *r, const struct signal_decision *d)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(d->id));
	json_object_set_new(o, "decision", json_string(d->decision));
	json_object_set_new(o, "reason", json_string(d->reason));
	json_object_set_new(o, "party", api_str_or_null(d->party_id));
	json_object_set_new(o, "partyName", api_str_or_null(d->party_name));
	json_object_set_new(o, "decidedAt", json_string(d->decided_at));
	json_t *links = json_object();
	json_object_set_new(links, "signal",
			    api_link(arena_printf(r->arena, "/api/v1/signals/%s", d->signal_id)));
	json_object_set_new(o, "_links", links);
	return o;
}

/* A 409 that names the moves a signal's status allows, in the detail and
 * as allowedStatuses (as the issues' status changes do). */
static void conflict_moves(struct http_req *r, const char *status)
{
	const char *allowed = signal_moves_from(status);
	json_t *list = json_array();
	const char *p = allowed;
	while (*p) {
		size_t n = strcspn(p, ",");
		json_array_append_new(list, json_stringn(p, n));
		p += n;
		while (*p == ',' || *p == ' ')
			p++;
	}
	json_t *o = json_object();
	json_object_set_new(o, "type", json_string("about:blank"));
	json_object_set_new(o, "title", json_string("Conflict"));
	json_object_set_new(o, "status", json_integer(409));
	json_object_set_new(o, "detail", json_string(arena_printf(r->arena,
		"A signal that is '%s' can move to: %s.", status, allowed)));
	json_object_set_new(o, "allowedStatuses", list);
	api_send(r, 409, o);
	r->content_type = "application/problem+json";
}

void api_signals_list(struct http_req *r)
{
	static const char *const allowed[] = { "kind", "area", "status", "targetGroup", "regulatory",
					       "party", "q", "mine", "clusters", "limit", "cursor", NULL };
	struct problems p = { 0 };
	struct signal_filter f = { 0 };
	api_check_query(r, allowed, &f.limit, &p);
	f.kind = http_query(r, "kind");
	f.area = http_query(r, "area");
	f.status = http_query(r, "status");
	f.target_group = http_query(r, "targetGroup");
	f.regulatory = http_query(r, "regulatory");
	f.party = http_query(r, "party");
	f.q = http_query(r, "q");
	f.cursor = http_query(r, "cursor");
	const char *mine = http_query(r, "mine"), *clusters = http_query(r, "clusters");
	if (mine && strcmp(mine, "true") && strcmp(mine, "false"))
		problems_add(&p, "mine", R_NOT_ONE_OF, 0);
	if (clusters && strcmp(clusters, "true") && strcmp(clusters, "false"))
		problems_add(&p, "clusters", R_NOT_ONE_OF, 0);
	f.mine = mine && !strcmp(mine, "true");
	f.clusters = clusters && !strcmp(clusters, "true");
	struct signal *items;
	size_t n;
	const char *next;
	int rc = signal_list(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, signal_json(r, &items[i]));
	const char *keys[] = { "kind", "area", "status", "targetGroup", "regulatory", "party", "q",
			       "mine", "clusters", "limit" };
	const char *values[] = { f.kind, f.area, f.status, f.target_group, f.regulatory, f.party, f.q,
				 mine, clusters, http_query(r, "limit") };
	json_t *o = json_object();
	json_object_set_new(o, "items", list);
	json_object_set_new(o, "_links", api_list_links(r, "/api/v1/signals", keys, values, 10, next));
	r->nocache = true;
	api_send(r, 200, o);
}

static void send_signal(struct http_req *r, const char *id, int status)
{
	struct signal sg;
	int rc = signal_get(r->store, r->arena, &r->viewer, id, &sg);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	r->nocache = true;
	api_send(r, status, signal_json(r, &sg));
}

void api_signals_get(struct http_req *r)
{
	send_signal(r, r->params[0], 200);
}

void api_signals_create(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct signal_input in = { 0 };
	struct problems p = { 0 };
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(r->arena, key);
		if (!strcmp(k, "kind"))
			in.kind = api_string(r, v, k, &p);
		else if (!strcmp(k, "title"))
			in.title = api_string(r, v, k, &p);
		else if (!strcmp(k, "description"))
			in.description = api_string(r, v, k, &p);
		else if (!strcmp(k, "area"))
			in.area = api_string(r, v, k, &p);
		else if (!strcmp(k, "targetGroup"))
			in.target_group = api_string(r, v, k, &p);
		else if (!strcmp(k, "party"))
			in.party = api_string(r, v, k, &p);
		else if (!strcmp(k, "rule"))
			in.rule = api_string(r, v, k, &p);
		else if (!strcmp(k, "regulatory")) {
			if (json_is_boolean(v))
				in.regulatory = json_is_true(v);
			else
				problems_add(&p, k, R_WRONG_TYPE, JK_BOOLEAN);
		} else if (!strcmp(k, "id") || !strcmp(k, "status") || !strcmp(k, "routedParty") ||
			   !strcmp(k, "cluster") || !strcmp(k, "issue") || !strcmp(k, "createdAt") ||
			   !strcmp(k, "resident"))
			problems_add(&p, k, R_READ_ONLY, 0);
		else
			problems_add(&p, k, R_UNKNOWN_FIELD, 0);
	}
	/* without a party (or with null): as a resident */
	in.as_resident = !in.party && !problems_find(&p, "party");
	char id[UUID_STRLEN + 1];
	int rc = signal_create(r->store, r->arena, &r->viewer, &in, id, &p);
	json_decref(body);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/signals/%s", id));
	send_signal(r, id, 201);
}

/* PATCH: the one field a signal changes after its report is its cluster
 * (null: out of it; a signal's id: into that signal's cluster). */
void api_signals_patch(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		api_fail(r, ERR_AUTH);
		return;
	}
	json_t *body = api_body_object(r);
	if (!body)
		return;
	struct problems p = { 0 };
	const char *key;
	json_t *v;
	const char *target = NULL;
	bool has_cluster = false;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(r->arena, key);
		if (!strcmp(k, "cluster")) {
			has_cluster = true;
			target = api_string(r, v, k, &p);
		} else if (!strcmp(k, "id") || !strcmp(k, "kind") || !strcmp(k, "title") || !strcmp(k, "description") ||
			   !strcmp(k, "area") || !strcmp(k, "targetGroup") || !strcmp(k, "party") || !strcmp(k, "regulatory") ||
			   !strcmp(k, "rule") || !strcmp(k, "status") || !strcmp(k, "issue") || !strcmp(k, "routedParty") ||
			   !strcmp(k, "clusterSize") || !strcmp(k, "createdAt") || !strcmp(k, "updatedAt") ||
			   !strcmp(k, "resident")) {
			problems_add(&p, k, R_READ_ONLY, 0);
		} else {
			problems_add(&p, k, R_UNKNOWN_FIELD, 0);
		}
	}
	if (!has_cluster && !p.n)
		problems_add(&p, "cluster", R_REQUIRED, 0);
	int rc = signal_set_cluster(r->store, r->arena, &r->viewer, r->params[0], target, &p);
	json_decref(body);
	if (rc == ERR_INVALID)
		api_invalid(r, &p);
	else if (rc)
		api_fail(r, rc);
	else
		send_signal(r, r->params[0], 200);
}

/* Reads the fields of a small JSON body; unknown ones are problems. */
static const char *field(struct http_req *r, json_t *body, const char *name, struct problems *p)
{
	json_t *v = json_object_get(body, name);
	return v ? api_string(r, v, name, p) : NULL;
}

static void unknown_fields(json_t *body, const char *const *known, struct problems *p,
			   struct http_req *r)
{
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		bool ok = false;
		for (const char *const *k = known; *k && !ok; k++)
			ok = !strcmp(*k, key);
		if (!ok)
			problems_add(p, arena_strdup(r->arena, key), R_UNKNOWN_FIELD, 0);
	}
}

void api_signals_move(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	static const char *const known[] = { "status", "reason", NULL };
	struct problems p = { 0 };
	unknown_fields(body, known, &p, r);
	const char *to = field(r, body, "status", &p), *reason = field(r, body, "reason", &p);
	int rc = signal_move(r->store, r->arena, &r->viewer, r->params[0], to, reason, &p);
	json_decref(body);
	if (rc == ERR_CONFLICT) {
		struct signal sg;
		if (signal_get(r->store, r->arena, &r->viewer, r->params[0], &sg) == 0) {
			conflict_moves(r, sg.status);
			return;
		}
	}
	if (rc == ERR_INVALID)
		api_invalid(r, &p);
	else if (rc)
		api_fail(r, rc);
	else
		send_signal(r, r->params[0], 201);
}

void api_signals_take_up(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	static const char *const known[] = { "issueId", "cluster", "title", "summary", "description",
					     "area", "ownerParty", "targetGroups", NULL };
	struct problems p = { 0 };
	unknown_fields(body, known, &p, r);
	struct issue_input in = { 0 };
	const char *issue_id = field(r, body, "issueId", &p);
	in.title = field(r, body, "title", &p);
	in.summary = field(r, body, "summary", &p);
	in.description = field(r, body, "description", &p);
	in.area = field(r, body, "area", &p);
	in.owner_party = field(r, body, "ownerParty", &p);
	json_t *tg = json_object_get(body, "targetGroups");
	if (tg)
		api_strings(r, tg, "targetGroups", &in.target_groups.v, &in.target_groups.n, 10, &p);
	bool cluster = false;
	json_t *cl = json_object_get(body, "cluster");
	if (cl && !json_is_boolean(cl))
		problems_add(&p, "cluster", R_WRONG_TYPE, JK_BOOLEAN);
	else if (cl)
		cluster = json_is_true(cl);
	if (issue_id && (in.title || in.summary || in.description || in.area || in.owner_party || tg))
		problems_add(&p, "issueId", R_NOT_ONE_OF, 0); /* either an issue or a new one's fields */
	char out[UUID_STRLEN + 1];
	int rc = signal_take_up(r->store, r->arena, &r->viewer, r->params[0], issue_id, &in, cluster, out, &p);
	json_decref(body);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
	} else if (rc == ERR_CONFLICT) {
		api_error(r, 409, "This signal is already taken up in an issue.");
	} else if (rc) {
		api_fail(r, rc);
	} else {
		http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/issues/%s", out));
		send_signal(r, r->params[0], 201);
	}
}

void api_signals_decisions_list(struct http_req *r)
{
	struct signal_decision *items;
	size_t n;
	int rc = signal_decisions(r->store, r->arena, r->params[0], &items, &n);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(list, decision_json(r, &items[i]));
	json_t *o = json_object();
	json_object_set_new(o, "items", list);
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link(arena_printf(r->arena, "/api/v1/signals/%s/decisions", r->params[0])));
	json_object_set_new(o, "_links", links);
	r->nocache = true;
	api_send(r, 200, o);
}

void api_signals_decide(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	static const char *const known[] = { "decision", "reason", NULL };
	struct problems p = { 0 };
	unknown_fields(body, known, &p, r);
	const char *decision = field(r, body, "decision", &p), *reason = field(r, body, "reason", &p);
	int rc = signal_decide(r->store, r->arena, &r->viewer, r->params[0], decision, reason, &p);
	json_decref(body);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc == ERR_CONFLICT) {
		api_error(r, 409, "Only a regulatory signal that was not dismissed takes a decision.");
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	struct signal_decision *items;
	size_t n;
	if ((rc = signal_decisions(r->store, r->arena, r->params[0], &items, &n)) || n == 0) {
		api_fail(r, rc ? rc : ERR_DB);
		return;
	}
	api_send(r, 201, decision_json(r, &items[n - 1]));
}

const struct http_route api_signals_routes[] = {
	{ HM_GET, "/api/v1/signals", api_signals_list, 0 },
	{ HM_POST, "/api/v1/signals", api_signals_create, 0 },
	{ HM_GET, "/api/v1/signals/{id}", api_signals_get, 0 },
	{ HM_PATCH, "/api/v1/signals/{id}", api_signals_patch, 0 },
	{ HM_POST, "/api/v1/signals/{id}/status-changes", api_signals_move, 0 },
	{ HM_POST, "/api/v1/signals/{id}/issue", api_signals_take_up, 0 },
	{ HM_GET, "/api/v1/signals/{id}/decisions", api_signals_decisions_list, 0 },
	{ HM_POST, "/api/v1/signals/{id}/decisions", api_signals_decide, 0 },
	{ 0 },
};
