/* /api/v1/ties: ties between parties (relaties), and a party's connections
 * (/api/v1/parties/{id}/connections: its ties each way, the ties that
 * follow from the initiatives and coalitions it shares with others, its
 * initiatives and its coalitions). Not "network": that name is kept for
 * the ecosystem's network analysis (/api/v1/network). */
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/party.h"
#include "../model/tie.h"
#include "common.h"

static void write_tie(struct http_req *r, struct jw *w, const void *obj)
{
	const struct tie *t = obj;
	jw_obj(w);
	fields_write_json(tie_fields, tie_nfields, t, w);
	api_links(w, r, "tie", t->id, NULL, NULL);
	jw_klink(w, "from", api_path(r, "party", t->from));
	jw_klink(w, "to", api_path(r, "party", t->to));
	jw_end(w);
	jw_end(w);
}

static void api_ties_list(struct http_req *r)
{
	static const char *const allowed[] = { "party", "kind", "limit", "cursor", NULL };
	struct problems p = { 0 };
	struct tie_filter f = { 0 };
	api_check_query(r, allowed, &f.limit, &p);
	f.party = http_query(r, "party");
	f.kind = http_query(r, "kind");
	f.cursor = http_query(r, "cursor");
	struct tie *items;
	size_t n;
	const char *next;
	int rc = tie_list(r->store, r->arena, &r->viewer, &f, &p, &items, &n, &next);
	if (!api_failed(r, rc, &p, NULL))
		api_send_list(r, "/api/v1/ties", allowed, next, write_tie, items, sizeof *items, n);
}

static void api_ties_get(struct http_req *r)
{
	struct tie t;
	int rc = tie_get(r->store, r->arena, &r->viewer, r->params[0], &t);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_tie, &t);
}

static void api_ties_create(struct http_req *r)
{
	struct tie t = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, tie_fields, tie_nfields, &t, FIELDS_CREATE, &p))
		return;
	const char *dup = NULL;
	int rc = tie_create(r->store, r->arena, &r->viewer, &t, &p, &dup);
	if (api_failed(r, rc, &p, dup ? arena_printf(r->arena, "A tie of the kind '%s' from this party to the other"
						     " exists already: %s.", t.kind, api_path(r, "tie", dup)) : NULL))
		return;
	http_add_header(r, "Location", api_path(r, "tie", t.id));
	api_send(r, 201, write_tie, &t);
}

static void api_ties_delete(struct http_req *r)
{
	api_no_content(r, tie_delete(r->store, &r->viewer, r->params[0]), NULL);
}

/* A link to another party: a tie, or one derived from what they share. */
static void write_link(struct http_req *r, struct jw *w, const struct network_link *l)
{
	jw_obj(w);
	jw_kstr(w, "party", l->party);
	jw_kstr(w, "partyName", l->party_name);
	jw_kstr(w, "partyKind", l->party_kind);
	jw_kbool(w, "derived", l->derived);
	if (l->derived) {
		jw_kstr(w, "kind", "partners_with");
		jw_kobj(w, "via");
		jw_kstr(w, "type", l->via);
		jw_kstr(w, "id", l->via_id);
		jw_kstr(w, "name", l->via_name);
		jw_end(w);
	} else {
		jw_kstr(w, "id", l->tie_id);
		jw_kstr(w, "kind", l->kind);
		jw_kstr(w, "direction", l->outgoing ? "outgoing" : "incoming");
		jw_kstr(w, "since", l->since);
	}
	jw_kobj(w, "_links");
	if (!l->derived)
		jw_klink(w, "self", api_path(r, "tie", l->tie_id));
	jw_klink(w, "party", api_path(r, "party", l->party));
	if (l->derived)
		jw_klink(w, "via", arena_printf(r->arena, "/api/v1/%s/%s",
						l->via[0] == 'c' ? "coalitions" : "initiatives", l->via_id));
	jw_end(w);
	jw_end(w);
}

static void write_places(struct http_req *r, struct jw *w, const char *key, const struct network_place *pl,
			 size_t n, bool initiative)
{
	jw_karr(w, key);
	for (size_t i = 0; i < n; i++) {
		jw_obj(w);
		jw_kstr(w, "id", pl[i].id);
		jw_kstr(w, initiative ? "title" : "name", pl[i].name);
		jw_kstr(w, "role", pl[i].role);
		if (initiative)
			jw_kstr(w, "stage", pl[i].stage);
		else
			jw_kbool(w, "admin", pl[i].admin);
		jw_kobj(w, "_links");
		jw_klink(w, "self", arena_printf(r->arena, "/api/v1/%s/%s", initiative ? "initiatives" : "coalitions",
						 pl[i].id));
		jw_end(w);
		jw_end(w);
	}
	jw_end(w);
}

static void api_party_connections(struct http_req *r)
{
	if (!api_no_query(r))
		return;
	struct party pa;
	struct network net;
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], &pa);
	if (!rc)
		rc = tie_network(r->store, r->arena, &r->viewer, pa.id, &net);
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_kstr(&w, "party", pa.id);
	jw_karr(&w, "ties");
	for (size_t i = 0; i < net.nties; i++)
		write_link(r, &w, &net.ties[i]);
	for (size_t i = 0; i < net.nderived; i++)
		write_link(r, &w, &net.derived[i]);
	jw_end(&w);
	write_places(r, &w, "initiatives", net.initiatives, net.ninitiatives, true);
	write_places(r, &w, "coalitions", net.coalitions, net.ncoalitions, false);
	const char *self = api_links(&w, r, "party", pa.id, "connections", NULL);
	(void)self;
	jw_klink(&w, "party", api_path(r, "party", pa.id));
	jw_klink(&w, "ties", arena_printf(r->arena, "/api/v1/ties?party=%s", pa.id));
	jw_end(&w);
	jw_end(&w);
}

const struct http_route api_ties_routes[] = {
	{ HM_GET, "/api/v1/ties", api_ties_list, RF_CACHE },
	{ HM_POST, "/api/v1/ties", api_ties_create, 0 },
	{ HM_GET, "/api/v1/ties/{id}", api_ties_get, RF_CACHE },
	{ HM_DELETE, "/api/v1/ties/{id}", api_ties_delete, 0 },
	{ HM_GET, "/api/v1/parties/{id}/connections", api_party_connections, RF_CACHE },
	{ 0 },
};
