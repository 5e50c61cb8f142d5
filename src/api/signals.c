/* /api/v1/signals: signals (signalen), their status moves, their uptake in
 * an issue and the decisions on regulatory ones. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/signal.h"
#include "api.h"
#include "common.h"
#include "routes.h"

/* A signal as the next value of w. */
static void write_signal(struct http_req *r, struct jw *w, const struct signal *sg)
{
	jw_obj(w);
	fields_write_json(signal_fields, signal_nfields, sg, w);
	jw_kobj(w, "_links");
	jw_klink(w, "self", arena_printf(r->arena, "/api/v1/signals/%s", sg->id));
	jw_klink(w, "decisions", arena_printf(r->arena, "/api/v1/signals/%s/decisions", sg->id));
	if (sg->issue_id)
		jw_klink(w, "issue", arena_printf(r->arena, "/api/v1/issues/%s", sg->issue_id));
	jw_end(w);
	jw_end(w);
}

static void send_signal(struct http_req *r, int status, const struct signal *sg)
{
	struct jw w;
	r->nocache = true;
	api_json_begin(r, status, &w);
	write_signal(r, &w, sg);
}

/* A decision as the next value of w. */
static void write_decision(struct http_req *r, struct jw *w, const struct signal_decision *d)
{
	jw_obj(w);
	fields_write_json(decision_fields, decision_nfields, d, w);
	jw_kobj(w, "_links");
	jw_klink(w, "signal", arena_printf(r->arena, "/api/v1/signals/%s", d->signal_id));
	jw_end(w);
	jw_end(w);
}

/* A 409 that names the moves a signal's status allows, in the detail and
 * as allowedStatuses (as the issues' status changes do). */
static void conflict_moves(struct http_req *r, const char *status)
{
	const char *allowed = signal_moves_from(status);
	struct jw w;
	api_json_begin(r, 409, &w);
	r->content_type = "application/problem+json";
	jw_obj(&w);
	jw_kstr(&w, "type", "about:blank");
	jw_kstr(&w, "title", "Conflict");
	jw_kint(&w, "status", 409);
	jw_kstr(&w, "detail", arena_printf(r->arena, "A signal that is '%s' can move to: %s.", status, allowed));
	jw_karr(&w, "allowedStatuses");
	for (const char *p = allowed; *p; p += strspn(p, ", ")) {
		jw_strn(&w, p, strcspn(p, ","));
		p += strcspn(p, ",");
	}
	jw_end(&w);
	jw_end(&w);
}

static void api_signals_list(struct http_req *r)
{
	/* the filters, then the cursor */
	static const char *const allowed[] = { "kind", "area", "status", "targetGroup", "regulatory",
					       "party", "q", "mine", "clusters", "limit", "cursor", NULL };
	enum { FILTERS = 10 };
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
	struct jw w;
	r->nocache = true;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_karr(&w, "items");
	for (size_t i = 0; i < n; i++)
		write_signal(r, &w, &items[i]);
	jw_end(&w);
	const char *values[FILTERS];
	for (size_t i = 0; i < FILTERS; i++)
		values[i] = http_query(r, allowed[i]);
	api_write_list_links(&w, r, "/api/v1/signals", allowed, values, FILTERS, next);
	jw_end(&w);
}

/* The signal of the URL, read for the viewer; answers and returns false
 * if it cannot. */
static bool load(struct http_req *r, struct signal *sg)
{
	int rc = signal_get(r->store, r->arena, &r->viewer, r->params[0], sg);
	if (rc)
		api_fail(r, rc);
	return rc == 0;
}

static void api_signals_get(struct http_req *r)
{
	struct signal sg;
	if (load(r, &sg))
		send_signal(r, 200, &sg);
}

static void api_signals_create(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct signal sg = { 0 };
	struct problems p = { 0 };
	fields_apply_json(signal_fields, signal_nfields, &sg, body, FIELDS_CREATE, r->arena, &p);
	json_decref(body);
	/* without a party (or with null): as a resident */
	sg.resident = !sg.party_id && !problems_find(&p, "party");
	int rc = signal_create(r->store, r->arena, &r->viewer, &sg, &p);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/signals/%s", sg.id));
	send_signal(r, 201, &sg);
}

/* PATCH: the one field a signal changes after its report is its cluster
 * (null: out of it; a signal's id: into that signal's cluster); the others
 * are read-only. */
static void api_signals_patch(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		api_fail(r, ERR_AUTH);
		return;
	}
	json_t *body = api_body_object(r);
	if (!body)
		return;
	struct problems p = { 0 };
	json_t *cluster = json_object_get(body, "cluster");
	bool has_cluster = cluster != NULL;
	const char *target = cluster ? api_string(r, cluster, "cluster", &p) : NULL;
	json_object_del(body, "cluster");
	struct signal ignored = { 0 };
	fields_apply_json(signal_fields, signal_nfields, &ignored, body, FIELDS_PATCH, r->arena, &p);
	json_decref(body);
	if (!has_cluster && !p.n)
		problems_add(&p, "cluster", R_REQUIRED, 0);
	struct signal sg;
	if (!load(r, &sg))
		return;
	int rc = signal_set_cluster(r->store, r->arena, &r->viewer, &sg, target, &p);
	if (rc == ERR_INVALID)
		api_invalid(r, &p);
	else if (rc)
		api_fail(r, rc);
	else if (load(r, &sg)) /* the clusters' sizes changed: read again */
		send_signal(r, 200, &sg);
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

static void api_signals_move(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	static const char *const known[] = { "status", "reason", NULL };
	struct problems p = { 0 };
	unknown_fields(body, known, &p, r);
	const char *to = field(r, body, "status", &p), *reason = field(r, body, "reason", &p);
	json_decref(body);
	struct signal sg;
	if (!load(r, &sg))
		return;
	int rc = signal_move(r->store, r->arena, &r->viewer, &sg, to, reason, &p);
	if (rc == ERR_CONFLICT)
		conflict_moves(r, sg.status);
	else if (rc == ERR_INVALID)
		api_invalid(r, &p);
	else if (rc)
		api_fail(r, rc);
	else
		send_signal(r, 201, &sg);
}

static void api_signals_take_up(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	static const char *const known[] = { "issueId", "cluster", "title", "summary", "description",
					     "area", "ownerParty", "targetGroups", NULL };
	struct problems p = { 0 };
	unknown_fields(body, known, &p, r);
	struct issue in = { 0 };
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
	json_decref(body);
	struct signal sg;
	if (!load(r, &sg))
		return;
	int rc = signal_take_up(r->store, r->arena, &r->viewer, &sg, issue_id, &in, cluster, &p);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
	} else if (rc == ERR_CONFLICT) {
		api_error(r, 409, "This signal is already taken up in an issue.");
	} else if (rc) {
		api_fail(r, rc);
	} else {
		http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/issues/%s", sg.issue_id));
		send_signal(r, 201, &sg);
	}
}

static void api_signals_decisions_list(struct http_req *r)
{
	struct signal_decision *items;
	size_t n;
	int rc = signal_decisions(r->store, r->arena, r->params[0], &items, &n);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	struct jw w;
	r->nocache = true;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_karr(&w, "items");
	for (size_t i = 0; i < n; i++)
		write_decision(r, &w, &items[i]);
	jw_end(&w);
	jw_kobj(&w, "_links");
	jw_klink(&w, "self", arena_printf(r->arena, "/api/v1/signals/%s/decisions", r->params[0]));
	jw_end(&w);
	jw_end(&w);
}

static void api_signals_decide(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct signal_decision d = { 0 };
	struct problems p = { 0 };
	fields_apply_json(decision_fields, decision_nfields, &d, body, FIELDS_CREATE, r->arena, &p);
	json_decref(body);
	struct signal sg;
	if (!load(r, &sg))
		return;
	int rc = signal_decide(r->store, r->arena, &r->viewer, &sg, &d, &p);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
	} else if (rc == ERR_CONFLICT) {
		api_error(r, 409, "Only a regulatory signal that was not dismissed takes a decision.");
	} else if (rc) {
		api_fail(r, rc);
	} else {
		struct jw w;
		api_json_begin(r, 201, &w);
		write_decision(r, &w, &d);
	}
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
