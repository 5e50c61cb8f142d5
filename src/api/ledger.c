/* /api/v1/issues/{id}/role-ledger: the role ledger of an issue (rollen):
 * the dossier's roles against the five party kinds, who fills each role,
 * which roles and kinds are empty, and who in the area could fill them.
 * A party takes a role with a POST and gives it up with a DELETE of its
 * entry. */
#include <string.h>

#include "../analysis/ledger.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../model/ledger.h"
#include "common.h"
#include "routes.h"

/* A party taking part; in a role's list (role not NULL) with its note and
 * a link to its entry. */
static json_t *party_json(struct http_req *r, const struct ledger_party *p, const char *issue_id, const char *role)
{
	bool with_note = role != NULL;
	json_t *o = json_object();
	json_object_set_new(o, "id", json_string(p->id));
	json_object_set_new(o, "name", json_string(p->name));
	json_object_set_new(o, "kind", json_string(party_kinds[p->kind].key));
	if (with_note)
		json_object_set_new(o, "note", json_string(p->note));
	else
		json_object_set_new(o, "owner", json_boolean(p->owner));
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link(arena_printf(r->arena, "/api/v1/parties/%s", p->id)));
	if (with_note)
		json_object_set_new(links, "entry", api_link(arena_printf(r->arena, "/api/v1/issues/%s/role-ledger/%s/%s",
									   issue_id, role, p->id)));
	json_object_set_new(o, "_links", links);
	return o;
}

static json_t *kinds_json(unsigned bits)
{
	json_t *a = json_array();
	for (int k = 0; k < KIND_COUNT; k++)
		if (bits & (1u << k))
			json_array_append_new(a, json_string(party_kinds[k].key));
	return a;
}

/* A candidate, with why: its reasons (a key and a text in English; the
 * page says them in Dutch too), and the facts they rest on. */
static json_t *candidates_json(struct http_req *r, const struct ledger_candidate *c, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object(), *tags = json_array(), *reasons = json_array();
		json_object_set_new(o, "id", json_string(c[i].id));
		json_object_set_new(o, "name", json_string(c[i].name));
		json_object_set_new(o, "kind", json_string(party_kinds[c[i].kind].key));
		json_object_set_new(o, "match", json_string(ledger_matches[c[i].match]));
		json_object_set_new(o, "area", json_string(c[i].area_code));
		json_object_set_new(o, "areaName", json_string(c[i].area_name));
		json_object_set_new(o, "areaRelation", json_string(ledger_wheres[c[i].where]));
		for (size_t t = 0; t < c[i].ntags; t++)
			json_array_append_new(tags, json_string(c[i].tags[t]));
		json_object_set_new(o, "matchedTags", tags);
		json_object_set_new(o, "capacityHours", c[i].has_capacity ? json_integer(c[i].capacity_hours) : json_null());
		enum ledger_reason why[LEDGER_REASONS_MAX];
		size_t nwhy = ledger_reasons_of(&c[i], why);
		struct buf line = BUF_INIT(4096);
		for (size_t w = 0; w < nwhy; w++) {
			const char *text = ledger_reason_text(r->arena, &c[i], why[w], LANG_EN);
			json_t *reason = json_object();
			json_object_set_new(reason, "code", json_string(ledger_reasons[why[w]].key));
			json_object_set_new(reason, "text", json_string(text));
			json_array_append_new(reasons, reason);
			buf_printf(&line, "%s%s", w ? " " : "", text);
		}
		json_object_set_new(o, "reasons", reasons);
		json_object_set_new(o, "reason", json_string(line.ptr));
		buf_release(&line);
		json_t *links = json_object();
		json_object_set_new(links, "self", api_link(arena_printf(r->arena, "/api/v1/parties/%s", c[i].id)));
		json_object_set_new(o, "_links", links);
		json_array_append_new(a, o);
	}
	return a;
}

void api_ledger_get(struct http_req *r)
{
	struct problems p = { 0 };
	int limit;
	static const char *const allowed[] = { NULL };
	api_check_query(r, allowed, &limit, &p);
	if (p.n) {
		api_invalid(r, &p);
		return;
	}
	struct ledger l;
	int rc = ledger_compute(r->store, r->arena, &r->viewer, r->params[0], &l);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	json_t *roles = json_array(), *kinds = json_array(), *empty_roles = json_array(),
	       *empty_kinds = json_array(), *cand_roles = json_array(), *cand_kinds = json_array();
	for (size_t i = 0; i < l.nroles; i++) {
		const struct ledger_role_row *row = &l.roles[i];
		json_t *o = json_object(), *ps = json_array();
		json_object_set_new(o, "role", json_string(row->role->key));
		json_object_set_new(o, "name", json_string(row->role->name[LANG_EN]));
		json_object_set_new(o, "typicalKinds", kinds_json(row->typical));
		for (size_t j = 0; j < row->n; j++)
			json_array_append_new(ps, party_json(r, &row->parties[j], l.issue_id, row->role->key));
		json_object_set_new(o, "parties", ps);
		json_object_set_new(o, "empty", json_boolean(row->empty));
		json_array_append_new(roles, o);
		if (row->empty) {
			json_array_append_new(empty_roles, json_string(row->role->key));
			json_t *c = json_object();
			json_object_set_new(c, "role", json_string(row->role->key));
			json_object_set_new(c, "parties", candidates_json(r, row->cand, row->ncand));
			json_array_append_new(cand_roles, c);
		}
	}
	for (int k = 0; k < KIND_COUNT; k++) {
		const struct ledger_kind_row *row = &l.kinds[k];
		json_t *o = json_object(), *ps = json_array();
		json_object_set_new(o, "kind", json_string(party_kinds[k].key));
		for (size_t j = 0; j < row->n; j++)
			json_array_append_new(ps, party_json(r, &row->parties[j], l.issue_id, NULL));
		json_object_set_new(o, "parties", ps);
		json_object_set_new(o, "empty", json_boolean(row->empty));
		json_array_append_new(kinds, o);
		if (row->empty) {
			json_array_append_new(empty_kinds, json_string(party_kinds[k].key));
			json_t *c = json_object();
			json_object_set_new(c, "kind", json_string(party_kinds[k].key));
			json_object_set_new(c, "parties", candidates_json(r, row->cand, row->ncand));
			json_array_append_new(cand_kinds, c);
		}
	}
	json_t *cand = json_object();
	json_object_set_new(cand, "roles", cand_roles);
	json_object_set_new(cand, "kinds", cand_kinds);
	json_t *o = json_object();
	json_object_set_new(o, "issue", json_string(l.issue_id));
	json_object_set_new(o, "area", json_string(l.area_code));
	json_object_set_new(o, "roles", roles);
	json_object_set_new(o, "kinds", kinds);
	json_object_set_new(o, "emptyRoles", empty_roles);
	json_object_set_new(o, "emptyKinds", empty_kinds);
	json_object_set_new(o, "candidates", cand);
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link(arena_printf(r->arena, "/api/v1/issues/%s/role-ledger", l.issue_id)));
	json_object_set_new(links, "issue", api_link(arena_printf(r->arena, "/api/v1/issues/%s", l.issue_id)));
	json_object_set_new(o, "_links", links);
	api_send(r, 200, o);
}

static json_t *entry_json(struct http_req *r, const struct ledger_entry *e)
{
	json_t *o = json_object();
	json_object_set_new(o, "issue", json_string(e->issue_id));
	json_object_set_new(o, "role", json_string(e->role));
	json_object_set_new(o, "party", json_string(e->party_id));
	json_object_set_new(o, "note", json_string(e->note));
	json_object_set_new(o, "createdAt", json_string(e->created_at));
	json_t *links = json_object();
	json_object_set_new(links, "self", api_link(arena_printf(r->arena, "/api/v1/issues/%s/role-ledger/%s/%s",
								  e->issue_id, e->role, e->party_id)));
	json_object_set_new(links, "ledger", api_link(arena_printf(r->arena, "/api/v1/issues/%s/role-ledger", e->issue_id)));
	json_object_set_new(o, "_links", links);
	return o;
}

void api_ledger_entry_get(struct http_req *r)
{
	struct ledger_entry e;
	int rc = ledger_get(r->store, r->arena, &r->viewer, r->params[0], r->params[1], r->params[2], &e);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	api_send(r, 200, entry_json(r, &e));
}

void api_ledger_take(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct ledger_entry e = { 0 };
	struct problems p = { 0 };
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		const char *k = arena_strdup(r->arena, key);
		if (!strcmp(k, "role"))
			e.role = api_string(r, v, k, &p);
		else if (!strcmp(k, "party"))
			e.party_id = api_string(r, v, k, &p);
		else if (!strcmp(k, "note"))
			e.note = api_string(r, v, k, &p);
		else if (!strcmp(k, "issue") || !strcmp(k, "createdAt") || !strcmp(k, "_links"))
			problems_add(&p, k, R_READ_ONLY, 0);
		else
			problems_add(&p, k, R_UNKNOWN_FIELD, 0);
	}
	json_decref(body);
	int rc = ledger_take(r->store, r->arena, &r->viewer, r->params[0], &e, &p);
	if (rc == ERR_INVALID) {
		api_invalid(r, &p);
		return;
	} else if (rc) {
		api_fail(r, rc);
		return;
	}
	http_add_header(r, "Location", arena_printf(r->arena, "/api/v1/issues/%s/role-ledger/%s/%s",
						    r->params[0], e.role, e.party_id));
	api_send(r, 201, entry_json(r, &e));
}

void api_ledger_give_up(struct http_req *r)
{
	int rc = ledger_give_up(r->store, &r->viewer, r->params[0], r->params[1], r->params[2]);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	r->status = 204;
	r->content_type = NULL;
}

const struct http_route api_ledger_routes[] = {
	{ HM_GET, "/api/v1/issues/{id}/role-ledger", api_ledger_get, RF_CACHE },
	{ HM_POST, "/api/v1/issues/{id}/role-ledger", api_ledger_take, 0 },
	{ HM_GET, "/api/v1/issues/{id}/role-ledger/{role}/{partyId}", api_ledger_entry_get, RF_CACHE },
	{ HM_DELETE, "/api/v1/issues/{id}/role-ledger/{role}/{partyId}", api_ledger_give_up, 0 },
	{ 0 },
};
