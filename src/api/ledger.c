/* /api/v1/issues/{id}/role-ledger: the role ledger of an issue (rollen):
 * the dossier's roles against the five party kinds, who fills each role,
 * which roles and kinds are empty, and who in the area could fill them.
 * A party takes a role with a POST and gives it up with a DELETE of its
 * entry. */
#include "../analysis/ledger.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/jw.h"
#include "../model/ledger.h"
#include "common.h"

/* The path of a party's entry in a role of the issue's ledger. */
static const char *entry_path(struct http_req *r, const char *issue_id, const char *role, const char *party_id)
{
	return arena_printf(r->arena, "%s/role-ledger/%s/%s", api_path(r, "issue", issue_id), role, party_id);
}

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
	api_links(w, r, "party", p->id, NULL, NULL);
	if (role)
		jw_klink(w, "entry", entry_path(r, issue_id, role, p->id));
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
		api_links(w, r, "party", c[i].id, NULL, NULL);
		jw_end(w);
		jw_end(w);
	}
	jw_end(w);
	jw_end(w);
}

static void api_ledger_get(struct http_req *r)
{
	struct ledger l;
	if (!api_no_query(r) || api_failed(r, ledger_compute(r->store, r->arena, &r->viewer, r->params[0], &l), NULL, NULL))
		return;
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
	api_links(&w, r, "issue", l.issue_id, "role-ledger", NULL);
	jw_klink(&w, "issue", api_path(r, "issue", l.issue_id));
	jw_end(&w);
	jw_end(&w);
}

/* An entry of the ledger as the next value of w. */
static void write_entry(struct http_req *r, struct jw *w, const void *obj)
{
	const struct ledger_entry *e = obj;
	jw_obj(w);
	fields_write_json(ledger_entry_fields, ledger_entry_nfields, e, w);
	jw_kobj(w, "_links");
	jw_klink(w, "self", entry_path(r, e->issue_id, e->role, e->party_id));
	jw_klink(w, "ledger", arena_printf(r->arena, "%s/role-ledger", api_path(r, "issue", e->issue_id)));
	jw_end(w);
	jw_end(w);
}

static void api_ledger_entry_get(struct http_req *r)
{
	struct ledger_entry e;
	int rc = ledger_get(r->store, r->arena, &r->viewer, r->params[0], r->params[1], r->params[2], &e);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_entry, &e);
}

static void api_ledger_take(struct http_req *r)
{
	struct ledger_entry e = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, ledger_entry_fields, ledger_entry_nfields, &e, FIELDS_CREATE, &p))
		return;
	int rc = ledger_take(r->store, r->arena, &r->viewer, r->params[0], &e, &p);
	if (api_failed(r, rc, &p, NULL))
		return;
	http_add_header(r, "Location", entry_path(r, r->params[0], e.role, e.party_id));
	api_send(r, 201, write_entry, &e);
}

static void api_ledger_give_up(struct http_req *r)
{
	api_no_content(r, ledger_give_up(r->store, &r->viewer, r->params[0], r->params[1], r->params[2]), NULL);
}

const struct http_route api_ledger_routes[] = {
	{ HM_GET, "/api/v1/issues/{id}/role-ledger", api_ledger_get, RF_CACHE },
	{ HM_POST, "/api/v1/issues/{id}/role-ledger", api_ledger_take, 0 },
	{ HM_GET, "/api/v1/issues/{id}/role-ledger/{role}/{partyId}", api_ledger_entry_get, RF_CACHE },
	{ HM_DELETE, "/api/v1/issues/{id}/role-ledger/{role}/{partyId}", api_ledger_give_up, 0 },
	{ 0 },
};
