/* /partijen/nieuw, /partijen/{id}/bewerken, /partijen/{id}/verwijderen:
 * adding, changing and removing a party through forms that work without
 * JavaScript, keep what was typed, and show each problem beside its field. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../model/party.h"
#include "../model/role.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

/* What the form holds besides the party: text as typed where it may not
 * parse. */
struct party_form {
	struct party pa;
	const char *capacity_text;
	const char *tags_text;
	const char *areas_text;
};

/* Splits values on commas (and, for codes, white space) into a list. */
static void split_into(struct http_req *r, const char *const *values, size_t nvalues, bool on_space,
		       struct strlist *out)
{
	size_t cap = 8;
	out->v = arena_alloc(r->arena, sizeof *out->v * cap);
	out->n = 0;
	for (size_t i = 0; i < nvalues; i++) {
		const char *p = values[i];
		while (*p) {
			size_t len = 0;
			while (p[len] && p[len] != ',' && !(on_space && (p[len] == ' ' || p[len] == '\n' || p[len] == '\r' || p[len] == '\t')))
				len++;
			if (len) {
				if (out->n == cap) {
					const char **nv = arena_alloc(r->arena, sizeof *nv * cap * 2);
					memcpy(nv, out->v, sizeof *nv * cap);
					out->v = nv;
					cap *= 2;
				}
				/* past the limits is the model's to report */
				out->v[out->n++] = arena_strndup(r->arena, p, len);
				if (out->n > 1000)
					return;
			}
			p += len;
			if (*p)
				p++;
		}
	}
}

static const char *join(struct http_req *r, const struct strlist *l)
{
	struct buf b = BUF_INIT(64 * 1024);
	for (size_t i = 0; i < l->n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", l->v[i]);
	const char *s = arena_strdup(r->arena, b.ptr);
	buf_release(&b);
	return s;
}

static void read_form(struct http_req *r, const struct form *f, struct party_form *pf, struct problems *p)
{
	struct party *pa = &pf->pa;
	pa->name = form_get(f, "name");
	pa->kind = form_get(f, "kind");
	pa->description = form_get(f, "description");
	pa->email = form_get(f, "email");
	pa->phone = form_get(f, "phone");
	pa->website = form_get(f, "website");
	pa->visibility = form_get(f, "visibility");
	pf->capacity_text = form_get(f, "capacityHours");
	const char *cap = pf->capacity_text ? text_trim(r->arena, pf->capacity_text, strlen(pf->capacity_text)) : "";
	long long hours;
	pa->has_capacity = false;
	if (*cap) {
		if (text_parse_int(cap, strlen(cap), 0, PARTY_CAPACITY_MAX, &hours)) {
			pa->has_capacity = true;
			pa->capacity_hours = hours;
		} else {
			problems_add(p, "capacityHours", R_OUT_OF_RANGE, PARTY_CAPACITY_MAX);
		}
	}
	const char *vals[PARTY_AREAS_MAX * 4];
	size_t n = form_get_all(f, "areas", vals, sizeof vals / sizeof vals[0]);
	if (n > sizeof vals / sizeof vals[0])
		n = sizeof vals / sizeof vals[0];
	split_into(r, vals, n, true, &pa->areas);
	pf->areas_text = join(r, &pa->areas);
	n = form_get_all(f, "roles", vals, sizeof vals / sizeof vals[0]);
	if (n > sizeof vals / sizeof vals[0])
		n = sizeof vals / sizeof vals[0];
	split_into(r, vals, n, false, &pa->roles);
	pf->tags_text = form_get(f, "tags");
	const char *tags = pf->tags_text ? pf->tags_text : "";
	split_into(r, &tags, 1, false, &pa->tags);
}

static bool in_list(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return true;
	return false;
}

static void render_form(struct http_req *r, const struct party_form *pf, const struct problems *p, bool is_new)
{
	struct buf *b = &r->out;
	const struct party *pa = &pf->pa;
	const char *title = T(r, is_new ? M_PARTY_NEW_TITLE : M_PARTY_EDIT_TITLE);
	page_begin(r, title, NAV_PARTIES);
	html_f(b, "<p class=\"crumbs\"><a href=\"/partijen\">%s</a></p>\n<h1>%s</h1>\n",
	       T(r, M_BACK_TO_PARTIES), title);
	const struct field_label labels[] = {
		{ "name", T(r, M_NAME) }, { "kind", T(r, M_KIND) }, { "description", T(r, M_DESCRIPTION) },
		{ "email", T(r, M_EMAIL) }, { "phone", T(r, M_PHONE) }, { "website", T(r, M_WEBSITE) },
		{ "capacityHours", T(r, M_CAPACITY_LABEL) }, { "areas", T(r, M_AREAS) },
		{ "roles", T(r, M_ROLES) }, { "tags", T(r, M_TAGS) }, { "visibility", T(r, M_VISIBILITY) },
	};
	form_error_summary(r, p, labels, sizeof labels / sizeof labels[0]);
	form_begin(r, is_new ? "/partijen/nieuw" : arena_printf(r->arena, "/partijen/%s/bewerken", pa->id), true);

	struct field name = { .name = "name", .label = T(r, M_NAME), .hint = T(r, M_NAME_HINT),
			      .value = pa->name, .required = true, .autocomplete = "organization" };
	field_text(r, &name, p);

	struct choice kinds[KIND_COUNT];
	for (int i = 0; i < KIND_COUNT; i++)
		kinds[i] = (struct choice){ party_kinds[i].key, party_kinds[i].name[r->lang], party_kind_hint[i][r->lang],
					    pa->kind && !strcmp(pa->kind, party_kinds[i].key), 0 };
	field_choices(r, "kind", T(r, M_KIND), arena_printf(r->arena, "%s %s", T(r, M_KIND_HINT), T(r, M_KIND_GOV_VERIFY_HINT)),
		      kinds, KIND_COUNT, false, p);

	struct field desc = { .name = "description", .label = T(r, M_DESCRIPTION), .hint = T(r, M_DESCRIPTION_HINT),
			      .value = pa->description };
	field_textarea(r, &desc, 8, p);

	struct area *areas = NULL;
	size_t nareas = 0;
	if (web_area_choices(r, 200, &areas, &nareas) && nareas) {
		struct choice *ac = arena_alloc(r->arena, sizeof *ac * nareas);
		for (size_t i = 0; i < nareas; i++)
			ac[i] = (struct choice){ areas[i].code, areas[i].name, NULL, in_list(&pa->areas, areas[i].code),
						 area_depth(&areas[i]) - 1 };
		field_choices(r, "areas", T(r, M_AREAS), T(r, M_AREAS_HINT), ac, nareas, true, p);
	} else {
		struct field af = { .name = "areas", .label = T(r, M_AREAS), .hint = T(r, M_AREAS_CODES_HINT),
				    .value = pf->areas_text };
		field_text(r, &af, p);
	}

	struct choice *rc = arena_alloc(r->arena, sizeof *rc * role_catalogue_count);
	for (size_t i = 0; i < role_catalogue_count; i++)
		rc[i] = (struct choice){ role_catalogue[i].key, role_catalogue[i].name[r->lang],
					 role_catalogue[i].description[r->lang], in_list(&pa->roles, role_catalogue[i].key), 0 };
	field_choices(r, "roles", T(r, M_ROLES), T(r, M_ROLES_HINT), rc, role_catalogue_count, true, p);

	struct field tags = { .name = "tags", .label = T(r, M_TAGS), .hint = T(r, M_TAGS_HINT), .value = pf->tags_text };
	field_text(r, &tags, p);

	html_f(b, "<fieldset>\n<legend>%s</legend>\n", T(r, M_CONTACT_LEGEND));
	struct field email = { .name = "email", .label = T(r, M_EMAIL), .value = pa->email, .type = "email",
			       .autocomplete = "email" };
	field_text(r, &email, p);
	struct field phone = { .name = "phone", .label = T(r, M_PHONE), .value = pa->phone, .type = "tel",
			       .autocomplete = "tel" };
	field_text(r, &phone, p);
	struct field web = { .name = "website", .label = T(r, M_WEBSITE), .value = pa->website, .type = "url",
			     .autocomplete = "url" };
	field_text(r, &web, p);
	html_raw(b, "</fieldset>\n");

	struct field cap = { .name = "capacityHours", .label = T(r, M_CAPACITY_LABEL), .hint = T(r, M_CAPACITY_HINT),
			     .value = pf->capacity_text, .inputmode = "numeric" };
	field_text(r, &cap, p);

	struct choice vis[VIS_COUNT];
	for (int i = 0; i < VIS_COUNT; i++)
		vis[i] = (struct choice){ party_visibilities[i].key, party_visibilities[i].name[r->lang], NULL,
					  pa->visibility ? !strcmp(pa->visibility, party_visibilities[i].key) : i == 0, 0 };
	field_choices(r, "visibility", T(r, M_VISIBILITY), T(r, M_VISIBILITY_HINT), vis, VIS_COUNT, false, p);

	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"%s\">%s</a></div>\n",
	       T(r, M_SAVE), is_new ? "/partijen" : arena_printf(r->arena, "/partijen/%s", pa->id), T(r, M_CANCEL));
	form_end(r);
	page_end(r);
}

static void fill_from(struct http_req *r, struct party_form *pf)
{
	char cap[32] = "";
	if (pf->pa.has_capacity)
		pf->capacity_text = arena_printf(r->arena, "%lld", pf->pa.capacity_hours);
	else
		pf->capacity_text = arena_strdup(r->arena, cap);
	pf->tags_text = join(r, &pf->pa.tags);
	pf->areas_text = join(r, &pf->pa.areas);
}

void page_party_new(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		page_require_login(r);
		return;
	}
	struct party_form pf = { 0 };
	struct problems p = { 0 };
	if (r->method != HM_POST) {
		pf.pa.visibility = "public";
		render_form(r, &pf, NULL, true);
		return;
	}
	struct form f;
	if (!http_form_parse(r, &f)) {
		r->cfg->page_error(r, 400);
		return;
	}
	read_form(r, &f, &pf, &p);
	int rc = party_create(r->store, r->arena, &r->viewer, &pf.pa, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		render_form(r, &pf, &p, true);
		return;
	}
	if (rc) {
		r->cfg->page_error(r, rc == ERR_FORBIDDEN ? 403 : 500);
		return;
	}
	http_redirect(r, arena_printf(r->arena, "/partijen/%s?opgeslagen=1", pf.pa.id));
}

/* Loads the party of the URL for a change (ACT_UPDATE) or its removal
 * (ACT_DELETE); answers and returns false if the viewer may not. */
static bool load_for_change(struct http_req *r, struct party *pa, enum perm_action act)
{
	if (!r->viewer.authenticated) {
		page_require_login(r);
		return false;
	}
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], pa);
	if (!rc && !party_can(&r->viewer, pa, OBJ_PARTY, act))
		rc = ERR_FORBIDDEN;
	if (rc) {
		r->cfg->page_error(r, rc == ERR_NOTFOUND ? 404 : rc == ERR_FORBIDDEN ? 403 : 500);
		return false;
	}
	return true;
}

void page_party_edit(struct http_req *r)
{
	struct party_form pf = { 0 };
	if (!load_for_change(r, &pf.pa, ACT_UPDATE))
		return;
	if (r->method != HM_POST) {
		fill_from(r, &pf);
		render_form(r, &pf, NULL, false);
		return;
	}
	struct form f;
	if (!http_form_parse(r, &f)) {
		r->cfg->page_error(r, 400);
		return;
	}
	struct problems p = { 0 };
	const struct party was = pf.pa;
	read_form(r, &f, &pf, &p);
	int rc = party_update_from(r->store, r->arena, &r->viewer, &was, &pf.pa, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		render_form(r, &pf, &p, false);
		return;
	}
	if (rc) {
		r->cfg->page_error(r, rc == ERR_NOTFOUND ? 404 : rc == ERR_FORBIDDEN ? 403 : 500);
		return;
	}
	http_redirect(r, arena_printf(r->arena, "/partijen/%s?opgeslagen=1", pf.pa.id));
}

void page_party_delete(struct http_req *r)
{
	struct party pa;
	if (!load_for_change(r, &pa, ACT_DELETE))
		return;
	if (r->method == HM_POST) {
		int rc = party_delete(r->store, &r->viewer, pa.id);
		if (rc) {
			r->cfg->page_error(r, rc == ERR_NOTFOUND ? 404 : rc == ERR_FORBIDDEN ? 403 : 500);
			return;
		}
		http_redirect(r, "/partijen?verwijderd=1");
		return;
	}
	struct buf *b = &r->out;
	page_begin(r, T(r, M_DELETE_TITLE), NAV_PARTIES);
	html_f(b, "<h1>%s</h1>\n<p>", T(r, M_DELETE_TITLE));
	html_f(b, T(r, M_DELETE_CONFIRM), pa.name);
	html_raw(b, "</p>\n");
	form_begin(r, arena_printf(r->arena, "/partijen/%s/verwijderen", pa.id), true);
	html_f(b, "<div class=\"actions\"><button type=\"submit\" class=\"danger\">%s</button> "
		  "<a href=\"/partijen/%s\">%s</a></div>\n",
	       T(r, M_DELETE_YES), pa.id, T(r, M_DELETE_NO));
	form_end(r);
	page_end(r);
}
