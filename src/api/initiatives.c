/* /api/v1/initiatives: initiatives (initiatieven), the decisions on their
 * stage, following them and offering to help. The rules are the model's
 * (model/initiative.h). */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/initiative.h"
#include "common.h"

/* An initiative as the next value of w. */
static void write_initiative(struct http_req *r, struct jw *w, const void *obj)
{
	const struct initiative *in = obj;
	/* the offers to help are for the lead's members: no link that others
	 * could not follow */
	static const char *const parts[] = { "stageDecisions", "stage-decisions" };
	jw_obj(w);
	fields_write_json(initiative_fields, initiative_nfields, in, w);
	const char *self = api_links(w, r, "initiative", in->id, NULL, NULL);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i += 2)
		jw_klink(w, parts[i], arena_printf(r->arena, "%s/%s", self, parts[i + 1]));
	if (in->lead_party)
		jw_klink(w, "leadParty", api_path(r, "party", in->lead_party));
	jw_end(w);
	jw_end(w);
}

static void api_initiatives_list(struct http_req *r)
{
	static const char *const allowed[] = { "issue", "area", "leadKind", "participationLevel", "stage", "q",
					       "sort", "limit", "cursor", NULL };
	struct problems p = { 0 };
	struct initiative_filter f = { 0 };
	api_check_query(r, allowed, &f.limit, &p);
	f.issue = http_query(r, "issue");
	f.area = http_query(r, "area");
	f.lead_kind = http_query(r, "leadKind");
	f.participation_level = http_query(r, "participationLevel");
	f.stage = http_query(r, "stage");
	f.q = http_query(r, "q");
	f.cursor = http_query(r, "cursor");
	if (!initiative_sort_parse(http_query(r, "sort"), &f.sort))
		problems_add(&p, "sort", R_NOT_ONE_OF, 0);
	struct initiative *items;
	size_t n;
	const char *next;
	int rc = initiative_list(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (!api_failed(r, rc, &p, NULL))
		api_send_list(r, "/api/v1/initiatives", allowed, next, write_initiative, items, sizeof *items, n);
}

static void api_initiatives_get(struct http_req *r)
{
	struct initiative in;
	int rc = initiative_get(r->store, r->arena, &r->viewer, r->params[0], &in, NULL, NULL);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_initiative, &in);
}

static void api_initiatives_create(struct http_req *r)
{
	struct initiative in = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, initiative_fields, initiative_nfields, &in, FIELDS_CREATE, &p))
		return;
	int rc = initiative_create(r->store, r->arena, &r->viewer, &in, &p);
	if (api_failed(r, rc, &p, NULL))
		return;
	http_add_header(r, "Location", api_path(r, "initiative", in.id));
	api_send(r, 201, write_initiative, &in);
}

static void api_initiatives_patch(struct http_req *r)
{
	struct initiative was;
	int rc = r->viewer.authenticated
		? initiative_get(r->store, r->arena, &r->viewer, r->params[0], &was, NULL, NULL) : ERR_AUTH;
	if (!rc && !initiative_can_manage(&r->viewer, &was))
		rc = ERR_FORBIDDEN;
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct initiative in = was;
	struct problems p = { 0 };
	if (!api_read(r, initiative_fields, initiative_nfields, &in, FIELDS_PATCH, &p))
		return;
	rc = initiative_update(r->store, r->arena, &r->viewer, &was, &in, &p);
	if (!api_failed(r, rc, &p, NULL))
		api_send(r, 200, write_initiative, &was);
}

static void api_initiatives_delete(struct http_req *r)
{
	api_no_content(r, initiative_delete(r->store, r->arena, &r->viewer, r->params[0]), NULL);
}

/* ---- stage decisions ---- */

static void write_decision(struct http_req *r, struct jw *w, const void *obj)
{
	const struct stage_decision *d = obj;
	jw_obj(w);
	fields_write_json(stage_decision_fields, stage_decision_nfields, d, w);
	if (d->party_id) {
		jw_kobj(w, "_links");
		jw_klink(w, "party", api_path(r, "party", d->party_id));
		jw_end(w);
	}
	jw_end(w);
}

static void api_decisions_list(struct http_req *r)
{
	static const char *const allowed[] = { "limit", "cursor", NULL };
	struct problems p = { 0 };
	int limit;
	api_check_query(r, allowed, &limit, &p);
	struct stage_decision *items;
	size_t n;
	const char *next;
	int rc = initiative_decisions(r->store, r->arena, r->params[0], http_query(r, "cursor"), limit, &p, &items, &n,
				      &next);
	if (!api_failed(r, rc, &p, NULL))
		api_send_list(r, arena_printf(r->arena, "%s/stage-decisions", api_path(r, "initiative", r->params[0])),
			      allowed, next, write_decision, items, sizeof *items, n);
}

/* 409 for a move not allowed: the problem, and allowedMoves listing the
 * stages it may move to now (none from stopped). */
static void conflict_moves(struct http_req *r, const char *to, unsigned allowed)
{
	struct jw w;
	api_json_begin(r, 409, &w);
	r->content_type = "application/problem+json";
	const char *names = "";
	for (int i = 0; i < STAGE_COUNT; i++)
		if (allowed & (1u << i))
			names = arena_printf(r->arena, "%s%s%s", names, *names ? ", " : "", initiative_stages[i].key);
	jw_obj(&w);
	jw_kstr(&w, "type", "about:blank");
	jw_kstr(&w, "title", "Conflict");
	jw_kint(&w, "status", 409);
	jw_kstr(&w, "detail", allowed
		? arena_printf(r->arena, "This initiative cannot move to '%s' from its stage; one stage at a time:"
			       " it can move to: %s.", to ? to : "", names)
		: "This initiative is stopped; its stage cannot change any more.");
	jw_karr(&w, "allowedMoves");
	for (int i = 0; i < STAGE_COUNT; i++)
		if (allowed & (1u << i))
			jw_str(&w, initiative_stages[i].key);
	jw_end(&w);
	jw_end(&w);
}

static void api_decisions_create(struct http_req *r)
{
	struct problems p = { 0 };
	struct stage_decision d = { 0 };
	if (!api_read(r, stage_decision_fields, stage_decision_nfields, &d, FIELDS_CREATE, &p))
		return;
	unsigned allowed = 0;
	const char *to = d.to;
	int rc = initiative_decide(r->store, r->arena, &r->viewer, r->params[0], &d, &p, &allowed);
	if (rc == ERR_CONFLICT) {
		conflict_moves(r, to, allowed);
		return;
	}
	if (api_failed(r, rc, p.n ? &p : NULL, NULL))
		return;
	http_add_header(r, "Location",
			arena_printf(r->arena, "%s/stage-decisions", api_path(r, "initiative", r->params[0])));
	api_send(r, 201, write_decision, &d);
}

/* ---- follows ---- */

static void send_follow(struct http_req *r, int status, const char *since)
{
	struct jw w;
	api_json_begin(r, status, &w);
	jw_obj(&w);
	jw_kbool(&w, "following", true);
	jw_kstr(&w, "since", since);
	api_links(&w, r, "initiative", r->params[0], "follows", "me");
	jw_klink(&w, "initiative", api_path(r, "initiative", r->params[0]));
	jw_end(&w);
	jw_end(&w);
}

static void api_follow_get(struct http_req *r)
{
	bool following;
	const char *since;
	int rc = initiative_follow_get(r->store, r->arena, &r->viewer, r->params[0], &following, &since);
	if (!rc && !following)
		rc = ERR_NOTFOUND;
	if (!api_failed(r, rc, NULL, NULL))
		send_follow(r, 200, since);
}

static void api_follow_put(struct http_req *r)
{
	bool created = false, following;
	const char *since = NULL;
	if (!api_empty_body(r))
		return;
	int rc = initiative_follow_add(r->store, r->arena, &r->viewer, r->params[0], &created);
	if (!rc)
		rc = initiative_follow_get(r->store, r->arena, &r->viewer, r->params[0], &following, &since);
	if (!api_failed(r, rc, NULL, NULL))
		send_follow(r, created ? 201 : 200, since);
}

static void api_follow_delete(struct http_req *r)
{
	api_no_content(r, initiative_follow_remove(r->store, r->arena, &r->viewer, r->params[0]), NULL);
}

/* ---- offers to help ---- */

static void write_interest(struct http_req *r, struct jw *w, const void *obj)
{
	(void)r;
	jw_obj(w);
	fields_write_json(interest_fields, interest_nfields, obj, w);
	jw_end(w);
}

static void api_interest_list(struct http_req *r)
{
	if (!api_no_query(r))
		return;
	struct initiative_interest *items;
	size_t n;
	int rc = initiative_interest_list(r->store, r->arena, &r->viewer, r->params[0], &items, &n);
	if (!api_failed(r, rc, NULL, NULL))
		api_send_list(r, arena_printf(r->arena, "%s/interest", api_path(r, "initiative", r->params[0])), NULL,
			      NULL, write_interest, items, sizeof *items, n);
}

static void api_interest_create(struct http_req *r)
{
	struct initiative_interest in = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, interest_fields, interest_nfields, &in, FIELDS_CREATE, &p))
		return;
	bool created = false;
	int rc = initiative_interest_add(r->store, r->arena, &r->viewer, r->params[0], &in, &p, &created);
	if (api_failed(r, rc, &p, NULL))
		return;
	http_add_header(r, "Location",
			arena_printf(r->arena, "%s/interest/me", api_path(r, "initiative", r->params[0])));
	api_send(r, created ? 201 : 200, write_interest, &in);
}

static void api_interest_me_get(struct http_req *r)
{
	struct initiative_interest in;
	int rc = initiative_interest_get(r->store, r->arena, &r->viewer, r->params[0], &in);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_interest, &in);
}

static void api_interest_me_delete(struct http_req *r)
{
	api_no_content(r, initiative_interest_remove(r->store, r->arena, &r->viewer, r->params[0]), NULL);
}

const struct http_route api_initiatives_routes[] = {
	{ HM_GET, "/api/v1/initiatives", api_initiatives_list, RF_CACHE },
	{ HM_POST, "/api/v1/initiatives", api_initiatives_create, 0 },
	{ HM_GET, "/api/v1/initiatives/{id}", api_initiatives_get, RF_CACHE },
	{ HM_PATCH, "/api/v1/initiatives/{id}", api_initiatives_patch, 0 },
	{ HM_DELETE, "/api/v1/initiatives/{id}", api_initiatives_delete, 0 },
	{ HM_GET, "/api/v1/initiatives/{id}/stage-decisions", api_decisions_list, RF_CACHE },
	{ HM_POST, "/api/v1/initiatives/{id}/stage-decisions", api_decisions_create, 0 },
	{ HM_GET, "/api/v1/initiatives/{id}/follows/me", api_follow_get, 0 },
	{ HM_PUT, "/api/v1/initiatives/{id}/follows/me", api_follow_put, 0 },
	{ HM_DELETE, "/api/v1/initiatives/{id}/follows/me", api_follow_delete, 0 },
	{ HM_GET, "/api/v1/initiatives/{id}/interest", api_interest_list, 0 },
	{ HM_POST, "/api/v1/initiatives/{id}/interest", api_interest_create, 0 },
	{ HM_GET, "/api/v1/initiatives/{id}/interest/me", api_interest_me_get, 0 },
	{ HM_DELETE, "/api/v1/initiatives/{id}/interest/me", api_interest_me_delete, 0 },
	{ 0 },
};
