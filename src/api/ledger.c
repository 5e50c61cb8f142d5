/* /api/v1/issues/{id}/role-ledger: the role ledger of an issue (rollen):
 * the dossier's roles against the five party kinds, who fills each role,
 * which roles and kinds are empty, and who in the area could fill them.
 * A party takes a role with a POST and gives it up with a DELETE of its
 * entry. */
#include "../analysis/ledger.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/ledger.h"
#include "common.h"
#include "routes.h"

/* A party taking part; in a role's list (role not NULL) with its note and
 * a link to its entry. */
static void write_party(struct http_req *r, struct jw *w, const struct ledger_party *p, const char *issue_id,
			const char *role)
{
	jw_obj(w);
	jw_kstr(w, "id", p->id);
	jw_kstr(w, "name", p->name);
	jw_kstr(w, "kind", party_kinds[p->kind].key);
	if (role)
		jw_kstr(w, "note", p->note);
	else
		jw_kbool(w, "owner", p->owner);
	jw_kobj(w, "_links");
	jw_klink(w, "self", arena_printf(r->arena, "/api/v1/parties/%s", p->id));
	if (role)
		jw_klink(w, "entry",
			 arena_printf(r->arena, "/api/v1/issues/%s/role-ledger/%s/%s", issue_id, role, p->id));
	jw_end(w);
	jw_end(w);
}

static void write_kinds(struct jw *w, const char *key, unsigned bits)
{
	jw_karr(w, key);
	for (int k = 0; k < KIND_COUNT; k++)
		if (bits & (1u << k))
			jw_str(w, party_kinds[k].key);
	jw_end(w);
}

/* The candidates for one empty role or kind (key and value name which),
 * each with why: its reasons (a key and a text in English; the page says
 * them in Dutch too), and the facts they rest on. */
static void write_candidates(struct http_req *r, struct jw *w, const char *key, const char *value,
			     const struct ledger_candidate *c, size_t n)
{
	jw_obj(w);
	jw_kstr(w, key, value);
	jw_karr(w, "parties");
	for (size_t i = 0; i < n; i++) {
		jw_obj(w);
		jw_kstr(w, "id", c[i].id);
		jw_kstr(w, "name", c[i].name);
		jw_kstr(w, "kind", party_kinds[c[i].kind].key);
		jw_kstr(w, "match", ledger_matches[c[i].match]);
		jw_kstr(w, "area", c[i].area_code);
		jw_kstr(w, "areaName", c[i].area_name);
		jw_kstr(w, "areaRelation", ledger_wheres[c[i].where]);
		jw_kstrs(w, "matchedTags", c[i].tags, c[i].ntags);
		if (c[i].has_capacity)
			jw_kint(w, "capacityHours", c[i].capacity_hours);
		else
			jw_knull(w, "capacityHours");
		enum ledger_reason why[LEDGER_REASONS_MAX];
		size_t nwhy = ledger_reasons_of(&c[i], why);
		struct buf line = BUF_INIT(4096);
		jw_karr(w, "reasons");
		for (size_t k = 0; k < nwhy; k++) {
			const char *text = ledger_reason_text(r->arena, &c[i], why[k], LANG_EN);
			jw_obj(w);
			jw_kstr(w, "code", ledger_reasons[why[k]].key);
			jw_kstr(w, "text", text);
			jw_end(w);
			buf_printf(&line, "%s%s", k ? " " : "", text);
		}
		jw_end(w);
		jw_kstr(w, "reason", line.ptr);
		buf_release(&line);
		jw_kobj(w, "_links");
		jw_klink(w, "self", arena_printf(r->arena, "/api/v1/parties/%s", c[i].id));
		jw_end(w);
		jw_end(w);
	}
	jw_end(w);
	jw_end(w);
}

static void api_ledger_get(struct http_req *r)
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
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_kstr(&w, "issue", l.issue_id);
	jw_kstr(&w, "area", l.area_code);
	jw_karr(&w, "roles");
	for (size_t i = 0; i < l.nroles; i++) {
		const struct ledger_role_row *row = &l.roles[i];
		jw_obj(&w);
		jw_kstr(&w, "role", row->role->key);
		jw_kstr(&w, "name", row->role->name[LANG_EN]);
		write_kinds(&w, "typicalKinds", row->typical);
		jw_karr(&w, "parties");
		for (size_t j = 0; j < row->n; j++)
			write_party(r, &w, &row->parties[j], l.issue_id, row->role->key);
		jw_end(&w);
		jw_kbool(&w, "empty", row->empty);
		jw_end(&w);
	}
	jw_end(&w);
	jw_karr(&w, "kinds");
	unsigned empty_kinds = 0;
	for (int k = 0; k < KIND_COUNT; k++) {
		const struct ledger_kind_row *row = &l.kinds[k];
		jw_obj(&w);
		jw_kstr(&w, "kind", party_kinds[k].key);
		jw_karr(&w, "parties");
		for (size_t j = 0; j < row->n; j++)
			write_party(r, &w, &row->parties[j], l.issue_id, NULL);
		jw_end(&w);
		jw_kbool(&w, "empty", row->empty);
		jw_end(&w);
		if (row->empty)
			empty_kinds |= 1u << k;
	}
	jw_end(&w);
	jw_karr(&w, "emptyRoles");
	for (size_t i = 0; i < l.nroles; i++)
		if (l.roles[i].empty)
			jw_str(&w, l.roles[i].role->key);
	jw_end(&w);
	write_kinds(&w, "emptyKinds", empty_kinds);
	jw_kobj(&w, "candidates");
	jw_karr(&w, "roles");
	for (size_t i = 0; i < l.nroles; i++)
		if (l.roles[i].empty)
			write_candidates(r, &w, "role", l.roles[i].role->key, l.roles[i].cand, l.roles[i].ncand);
	jw_end(&w);
	jw_karr(&w, "kinds");
	for (int k = 0; k < KIND_COUNT; k++)
		if (l.kinds[k].empty)
			write_candidates(r, &w, "kind", party_kinds[k].key, l.kinds[k].cand, l.kinds[k].ncand);
	jw_end(&w);
	jw_end(&w);
	jw_kobj(&w, "_links");
	jw_klink(&w, "self", arena_printf(r->arena, "/api/v1/issues/%s/role-ledger", l.issue_id));
	jw_klink(&w, "issue", arena_printf(r->arena, "/api/v1/issues/%s", l.issue_id));
	jw_end(&w);
	jw_end(&w);
}

/* An entry of the ledger as the answer. */
static void send_entry(struct http_req *r, int status, const struct ledger_entry *e)
{
	struct jw w;
	api_json_begin(r, status, &w);
	jw_obj(&w);
	fields_write_json(ledger_entry_fields, ledger_entry_nfields, e, &w);
	jw_kobj(&w, "_links");
	jw_klink(&w, "self", arena_printf(r->arena, "/api/v1/issues/%s/role-ledger/%s/%s", e->issue_id, e->role,
					  e->party_id));
	jw_klink(&w, "ledger", arena_printf(r->arena, "/api/v1/issues/%s/role-ledger", e->issue_id));
	jw_end(&w);
	jw_end(&w);
}

static void api_ledger_entry_get(struct http_req *r)
{
	struct ledger_entry e;
	int rc = ledger_get(r->store, r->arena, &r->viewer, r->params[0], r->params[1], r->params[2], &e);
	if (rc) {
		api_fail(r, rc);
		return;
	}
	send_entry(r, 200, &e);
}

static void api_ledger_take(struct http_req *r)
{
	json_t *body = api_write_body(r);
	if (!body)
		return;
	struct ledger_entry e = { 0 };
	struct problems p = { 0 };
	fields_apply_json(ledger_entry_fields, ledger_entry_nfields, &e, body, FIELDS_CREATE, r->arena, &p);
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
	send_entry(r, 201, &e);
}

static void api_ledger_give_up(struct http_req *r)
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
