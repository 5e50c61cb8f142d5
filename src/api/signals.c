/* /api/v1/signals: signals (signalen), their status moves, their uptake in
 * an issue and the decisions on regulatory ones. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/signal.h"
#include "common.h"

/* A signal as the next value of w. */
static void write_signal(struct http_req *r, struct jw *w, const void *obj)
{
	const struct signal *sg = obj;
	jw_obj(w);
	fields_write_json(signal_fields, signal_nfields, sg, w);
	const char *self = api_links(w, r, "signal", sg->id, NULL, NULL);
	jw_klink(w, "decisions", arena_printf(r->arena, "%s/decisions", self));
	if (sg->issue_id)
		jw_klink(w, "issue", api_path(r, "issue", sg->issue_id));
	jw_end(w);
	jw_end(w);
}

/* The signal as written, or the failure; a signal's answer is never kept
 * (what the viewer sees of it is theirs). */
static void answer(struct http_req *r, int rc, const struct problems *p, const char *conflict, int status,
		   const struct signal *sg)
{
	r->nocache = true;
	if (!api_failed(r, rc, p, conflict))
		api_send(r, status, write_signal, sg);
}

/* A decision as the next value of w. */
static void write_decision(struct http_req *r, struct jw *w, const void *obj)
{
	const struct signal_decision *d = obj;
	jw_obj(w);
	fields_write_json(decision_fields, decision_nfields, d, w);
	jw_kobj(w, "_links");
	jw_klink(w, "signal", api_path(r, "signal", d->signal_id));
	jw_end(w);
	jw_end(w);
}

static void api_signals_list(struct http_req *r)
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
	r->nocache = true;
	if (!api_failed(r, rc, &p, NULL))
		api_send_list(r, "/api/v1/signals", allowed, next, write_signal, items, sizeof *items, n);
}

/* The signal of the URL, read for the viewer; answers and returns false
 * if it cannot. */
static bool load(struct http_req *r, struct signal *sg)
{
	return !api_failed(r, signal_get(r->store, r->arena, &r->viewer, r->params[0], sg), NULL, NULL);
}

static void api_signals_get(struct http_req *r)
{
	struct signal sg;
	if (load(r, &sg))
		answer(r, 0, NULL, NULL, 200, &sg);
}

static void api_signals_create(struct http_req *r)
{
	struct signal sg = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, signal_fields, signal_nfields, &sg, FIELDS_CREATE, &p))
		return;
	/* without a party (or with null): as a resident */
	sg.resident = !sg.party_id && !problems_find(&p, "party");
	int rc = signal_create(r->store, r->arena, &r->viewer, &sg, &p);
	if (!rc)
		http_add_header(r, "Location", api_path(r, "signal", sg.id));
	answer(r, rc, &p, NULL, 201, &sg);
}

/* PATCH: the one field a signal changes after its report is its cluster
 * (null: out of it; a signal's id: into that signal's cluster); the others
 * are read-only. */
static void api_signals_patch(struct http_req *r)
{
	json_t *body = api_write_body(r);
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
	if (!api_failed(r, rc, &p, NULL) && load(r, &sg)) /* the clusters' sizes changed: read again */
		answer(r, 0, NULL, NULL, 200, &sg);
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
	static const char *const keys[] = { "status", "reason" };
	const char *v[2] = { NULL, NULL };
	struct problems p = { 0 };
	struct signal sg;
	if (!api_logged_in(r) || !api_read_strings(r, keys, v, 2, &p) || !load(r, &sg))
		return;
	int rc = signal_move(r->store, r->arena, &r->viewer, &sg, v[0], v[1], &p);
	if (rc == ERR_CONFLICT) {
		const char *moves = signal_moves_from(sg.status);
		api_conflict_moves(r, arena_printf(r->arena, "A signal that is '%s' can move to: %s.", sg.status, moves),
				   moves);
		return;
	}
	answer(r, rc, &p, NULL, 201, &sg);
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
	if (!rc)
		http_add_header(r, "Location", api_path(r, "issue", sg.issue_id));
	answer(r, rc, &p, "This signal is already taken up in an issue.", 201, &sg);
}

static void api_signals_decisions_list(struct http_req *r)
{
	struct signal_decision *items;
	size_t n;
	int rc = signal_decisions(r->store, r->arena, r->params[0], &items, &n);
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct jw w;
	r->nocache = true;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	api_write_items(r, &w, write_decision, items, sizeof *items, n);
	api_links(&w, r, "signal", r->params[0], "decisions", NULL);
	jw_end(&w);
	jw_end(&w);
}

static void api_signals_decide(struct http_req *r)
{
	struct signal_decision d = { 0 };
	struct problems p = { 0 };
	struct signal sg;
	if (!api_read(r, decision_fields, decision_nfields, &d, FIELDS_CREATE, &p) || !load(r, &sg))
		return;
	int rc = signal_decide(r->store, r->arena, &r->viewer, &sg, &d, &p);
	if (!api_failed(r, rc, &p, "Only a regulatory signal that was not dismissed takes a decision."))
		api_send(r, 201, write_decision, &d);
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
