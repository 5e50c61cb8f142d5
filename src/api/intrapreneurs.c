/* /api/v1/initiatives/{id}/intrapreneurs: the room for intrapreneurship an
 * initiative is granted, the hours a week employers grant their people for it.
 *
 * Plain REST on a person's own resource: GET the list (totals, per party,
 * and the people the viewer may see), and /intrapreneurs/{user}, where
 * {user} is "me" or an account's id: GET one, PUT one's own hours (201 when
 * first recorded, 200 when changed), DELETE them. Anyone else's PUT or
 * DELETE is 403: hours are recorded only by the person themselves.
 * /api/v1/parties/{id}/intrapreneurship: a party's hours per initiative. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../model/intrapreneur.h"
#include "../model/party.h"
#include "common.h"

static const char *initiative_path(struct http_req *r, const char *id)
{
	return arena_printf(r->arena, "/api/v1/initiatives/%s", id);
}

/* One person's hours as the next value of w. */
static void write_one(struct http_req *r, struct jw *w, const void *obj)
{
	const struct intrapreneur *h = obj;
	const char *initiative = initiative_path(r, h->initiative_id);
	jw_obj(w);
	fields_write_json(intrapreneur_fields, intrapreneur_nfields, h, w);
	jw_kobj(w, "_links");
	jw_klink(w, "self", arena_printf(r->arena, "%s/intrapreneurs/%s", initiative, h->user_id));
	jw_klink(w, "initiative", initiative);
	jw_klink(w, "party", api_path(r, "party", h->party_id));
	jw_end(w);
	jw_end(w);
}

static void write_totals(struct jw *w, const char *key, const char *id_key, const char *name_key,
			 const struct intrapreneur_total *t, size_t n)
{
	jw_karr(w, key);
	for (size_t i = 0; i < n; i++) {
		jw_obj(w);
		jw_kstr(w, id_key, t[i].id);
		jw_kstr(w, name_key, t[i].name);
		jw_kint(w, "hoursPerWeek", t[i].hours);
		jw_kint(w, "people", t[i].people);
		jw_end(w);
	}
	jw_end(w);
}

static void api_intrapreneurs_list(struct http_req *r)
{
	if (!api_no_query(r))
		return;
	struct intrapreneurship in;
	int rc = intrapreneur_of_initiative(r->store, r->arena, &r->viewer, r->params[0], &in);
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_kint(&w, "hoursPerWeek", in.hours);
	jw_kint(&w, "people", in.people);
	write_totals(&w, "parties", "party", "partyName", in.parties, in.nparties);
	jw_kbool(&w, "namesShown", in.names_shown);
	api_write_items(r, &w, write_one, in.people_rows, sizeof *in.people_rows, in.npeople);
	const char *initiative = initiative_path(r, r->params[0]);
	jw_kobj(&w, "_links");
	jw_klink(&w, "self", arena_printf(r->arena, "%s/intrapreneurs", initiative));
	jw_klink(&w, "initiative", initiative);
	/* a link handed out must answer: only to hours the caller recorded */
	for (size_t i = 0; r->viewer.authenticated && i < in.npeople; i++)
		if (!strcmp(in.people_rows[i].user_id, r->viewer.user_id)) {
			jw_klink(&w, "mine", arena_printf(r->arena, "%s/intrapreneurs/me", initiative));
			break;
		}
	jw_end(&w);
	jw_end(&w);
}

static void api_intrapreneurs_get(struct http_req *r)
{
	struct intrapreneur h;
	int rc = intrapreneur_get(r->store, r->arena, &r->viewer, r->params[0], r->params[1], &h);
	if (!api_failed(r, rc, NULL, NULL))
		api_send(r, 200, write_one, &h);
}

static void api_intrapreneurs_put(struct http_req *r)
{
	struct intrapreneur h = { 0 };
	struct problems p = { 0 };
	if (!api_read(r, intrapreneur_fields, intrapreneur_nfields, &h, FIELDS_CREATE, &p))
		return;
	bool created;
	int rc = intrapreneur_set(r->store, r->arena, &r->viewer, r->params[0], r->params[1], &h, &p, &created);
	if (api_failed(r, rc, &p, NULL))
		return;
	if (created)
		http_add_header(r, "Location",
				arena_printf(r->arena, "%s/intrapreneurs/%s", initiative_path(r, r->params[0]), h.user_id));
	api_send(r, created ? 201 : 200, write_one, &h);
}

static void api_intrapreneurs_delete(struct http_req *r)
{
	api_no_content(r, intrapreneur_delete(r->store, &r->viewer, r->params[0], r->params[1]), NULL);
}

/* The room for intrapreneurship a party gives, per initiative: public
 * totals, for a party the viewer may see. */
static void api_party_intrapreneurship(struct http_req *r)
{
	if (!api_no_query(r))
		return;
	struct party pa;
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], &pa);
	struct intrapreneur_total *items = NULL;
	size_t n = 0;
	long long hours = 0;
	if (!rc)
		rc = intrapreneur_of_party(r->store, r->arena, pa.id, &items, &n, &hours);
	if (api_failed(r, rc, NULL, NULL))
		return;
	struct jw w;
	api_json_begin(r, 200, &w);
	jw_obj(&w);
	jw_kstr(&w, "party", pa.id);
	jw_kint(&w, "hoursPerWeek", hours);
	write_totals(&w, "initiatives", "initiative", "initiativeTitle", items, n);
	jw_kobj(&w, "_links");
	jw_klink(&w, "self", arena_printf(r->arena, "%s/intrapreneurship", api_path(r, "party", pa.id)));
	jw_klink(&w, "party", api_path(r, "party", pa.id));
	jw_end(&w);
	jw_end(&w);
}

const struct http_route api_intrapreneurs_routes[] = {
	{ HM_GET, "/api/v1/initiatives/{id}/intrapreneurs", api_intrapreneurs_list, RF_CACHE },
	{ HM_GET, "/api/v1/initiatives/{id}/intrapreneurs/{user}", api_intrapreneurs_get, 0 },
	{ HM_PUT, "/api/v1/initiatives/{id}/intrapreneurs/{user}", api_intrapreneurs_put, 0 },
	{ HM_DELETE, "/api/v1/initiatives/{id}/intrapreneurs/{user}", api_intrapreneurs_delete, 0 },
	{ HM_GET, "/api/v1/parties/{id}/intrapreneurship", api_party_intrapreneurship, RF_CACHE },
	{ 0 },
};
