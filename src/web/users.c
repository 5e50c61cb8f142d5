/* /beheer/gebruikers: the accounts, for platform admins: finding someone
 * by name or email, blocking and unblocking an account, and appointing or
 * dismissing a coordinator of an area. The rules are the model's
 * (perm.c, OBJ_USERS; user.c); the pages check first only to answer
 * with a page instead of a bare error. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../base/uuid.h"
#include "../model/user.h"
#include "filters.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

enum { USERS_PAGE = 50 };

static const char *role_name(struct http_req *r, const char *key)
{
	int role = enum_find(platform_roles, PROLE_COUNT, key);
	return T(r, role == PROLE_ADMIN ? M_PROLE_ADMIN : role == PROLE_COORDINATOR ? M_PROLE_COORDINATOR :
										   M_PROLE_USER);
}

/* For platform admins only: a logged-out viewer goes to the login and
 * comes back to next; anyone else is answered 403. */
static bool admin_only(struct http_req *r, const char *next)
{
	if (page_login_needed(r, next))
		return false;
	if (!perm_can(&r->viewer, OBJ_USERS, ACT_READ, NULL)) {
		web_error_page(r, 403);
		return false;
	}
	return true;
}

static void users_table(struct http_req *r, const struct user *items, size_t n)
{
	struct buf *b = &r->out;
	const char *heads[] = { T(r, M_NAME), T(r, M_EMAIL), T(r, M_ROLE), T(r, M_USERS_BLOCKED), T(r, M_USERS_CREATED) };
	page_table_begin(r, "users-title", "users stack", heads, 5, NULL);
	for (size_t i = 0; i < n; i++) {
		const struct user *u = &items[i];
		html_f(b, "<tr><th scope=\"row\"><a href=\"/beheer/gebruikers/%s\">%s</a></th>", u->id, u->name);
		html_f(b, "<td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td>",
		       T(r, M_EMAIL), u->email, T(r, M_ROLE), role_name(r, u->role), T(r, M_USERS_BLOCKED),
		       T(r, u->blocked ? M_YES : M_NO));
		html_f(b, "<td data-label=\"%s\"><time datetime=\"%s\">%s</time></td></tr>\n", T(r, M_USERS_CREATED),
		       u->created_at, page_date(r, u->created_at));
	}
	page_table_end(r);
}

static void page_users(struct http_req *r)
{
	if (!admin_only(r, NULL))
		return;
	const char *q = filters_param(r, "q"), *cursor = filters_param(r, "cursor");
	struct problems p = { 0 };
	struct user *items = NULL;
	size_t n = 0;
	const char *next = NULL;
	int rc = user_list(r->store, r->arena, &r->viewer, q, cursor, USERS_PAGE, &items, &n, &next, &p);
	if (!web_list_shown(r, rc))
		return;
	struct buf *b = &r->out;
	page_begin(r, T(r, M_USERS_TITLE), NAV_USERS);
	html_f(b, "<h1 id=\"users-title\">%s</h1>\n", T(r, M_USERS_TITLE));
	/* a bad cursor is a problem of no field: the summary says it in words */
	form_error_summary(r, &p, &(const struct field_label){ "q", T(r, M_USERS_SEARCH) }, 1);
	html_f(b, "<p class=\"lead\">%s</p>\n", T(r, M_USERS_INTRO));
	form_begin(r, "/beheer/gebruikers", false);
	html_raw(b, "<div role=\"search\">\n");
	struct field qf = { .name = "q", .label = T(r, M_USERS_SEARCH), .value = q, .type = "search", .quiet = true };
	field_text(r, &qf, &p);
	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button></div>\n</div>\n",
	       T(r, M_FILTER_SUBMIT));
	form_end(r);
	if (!n && !p.n)
		html_f(b, "<p>%s</p>\n", T(r, M_USERS_NONE));
	else if (n)
		users_table(r, items, n);
	if (next || cursor)
		page_paging(r, T(r, M_PAGING), cursor ? page_url(r, "/beheer/gebruikers", "q", q, NULL, NULL) : NULL,
			    T(r, M_PAGE_FIRST), next ? page_url(r, "/beheer/gebruikers", "q", q, "cursor", next) : NULL,
			    T(r, M_PAGE_NEXT));
	page_end(r);
}

/* What the account page shows besides the account: the appoint form as
 * typed, with its problems, or a block the model refused. */
struct user_form {
	const char *area;
	const struct problems *p;
	bool self_block;
};

static void block_section(struct http_req *r, const struct user *u)
{
	struct buf *b = &r->out;
	page_section(r, "block-title", T(r, M_USER_BLOCK_TITLE));
	html_f(b, "<p>%s</p>\n", T(r, u->blocked ? M_USER_IS_BLOCKED : M_USER_NOT_BLOCKED));
	if (!u->blocked)
		html_f(b, "<p class=\"hint\">%s</p>\n", T(r, M_USER_BLOCK_HINT));
	form_begin(r, arena_printf(r->arena, "/beheer/gebruikers/%s/blokkeren", u->id), true);
	html_f(b, "<input type=\"hidden\" name=\"blocked\" value=\"%s\">\n", u->blocked ? "0" : "1");
	html_f(b, "<div class=\"actions\"><button type=\"submit\" class=\"secondary\">%s</button></div>\n",
	       T(r, u->blocked ? M_USER_UNBLOCK : M_USER_BLOCK));
	form_end(r);
	html_raw(b, "</section>\n");
}

static void areas_section(struct http_req *r, const struct user *u, const struct user_form *uf)
{
	struct buf *b = &r->out;
	const char **codes = NULL;
	size_t n = 0;
	user_coordinator_areas(r->store, r->arena, u->id, &codes, &n);
	page_section(r, "areas-title", T(r, M_USER_AREAS_TITLE));
	if (!n) {
		html_f(b, "<p>%s</p>\n", T(r, M_USER_AREAS_NONE));
	} else {
		html_raw(b, "<ul class=\"areas\">\n");
		for (size_t i = 0; i < n; i++) {
			const char *name = web_area_name(r, codes[i]);
			html_f(b, "<li>%s <code>%s</code>\n", name, codes[i]);
			form_button(r, arena_printf(r->arena, "/beheer/gebruikers/%s/coordinator/%s/ontslaan", u->id, codes[i]),
				    T(r, M_USER_DISMISS), "secondary", arena_printf(r->arena, T(r, M_USER_DISMISS_LABEL), name));
			html_raw(b, "</li>\n");
		}
		html_raw(b, "</ul>\n");
	}
	html_raw(b, "</section>\n");
	page_section(r, "appoint-title", T(r, M_USER_APPOINT_TITLE));
	form_begin(r, arena_printf(r->arena, "/beheer/gebruikers/%s/coordinator", u->id), true);
	struct field af = { .name = "area", .label = T(r, M_AREA_CODE), .hint = T(r, M_USER_APPOINT_HINT),
			    .value = uf->area, .required = true, .autocomplete = "off" };
	field_text(r, &af, uf->p);
	form_submit_end(r, T(r, M_USER_APPOINT_SUBMIT));
	html_raw(b, "</section>\n");
}

static void render(struct http_req *r, const struct user *u, const struct user_form *uf)
{
	struct buf *b = &r->out;
	page_begin(r, u->name, NAV_USERS);
	html_f(b, "<p class=\"crumbs\"><a href=\"/beheer/gebruikers\">%s</a></p>\n<h1>%s</h1>\n", T(r, M_USERS_BACK),
	       u->name);
	static const struct notice notices[] = {
		{ "geblokkeerd", M_USER_BLOCKED_DONE }, { "vrijgegeven", M_USER_UNBLOCKED_DONE },
		{ "benoemd", M_USER_APPOINTED }, { "ontslagen", M_USER_DISMISSED },
	};
	page_notices(r, NULL, notices, 4);
	if (uf->self_block)
		page_alert(r, "block-error", T(r, M_USER_NOT_POSSIBLE), T(r, M_USER_BLOCK_SELF));
	form_error_summary(r, uf->p, &(const struct field_label){ "area", T(r, M_AREA_CODE) }, 1);
	page_section(r, "details-title", T(r, M_USER_DETAILS));
	html_raw(b, "<dl class=\"facts\">\n");
	html_f(b, "<dt>%s</dt><dd>%s</dd>\n", T(r, M_NAME), u->name);
	html_f(b, "<dt>%s</dt><dd>%s</dd>\n", T(r, M_EMAIL), u->email);
	html_f(b, "<dt>%s</dt><dd>%s</dd>\n", T(r, M_ROLE), role_name(r, u->role));
	html_f(b, "<dt>%s</dt><dd>%s</dd>\n", T(r, M_USERS_BLOCKED), T(r, u->blocked ? M_YES : M_NO));
	html_f(b, "<dt>%s</dt><dd><time datetime=\"%s\">%s</time></dd>\n", T(r, M_USERS_CREATED), u->created_at,
	       page_date(r, u->created_at));
	html_raw(b, "</dl>\n</section>\n");
	block_section(r, u);
	areas_section(r, u, uf);
	page_end(r);
}

/* The account of the URL, for a platform admin; answers and returns false
 * otherwise. */
static bool load(struct http_req *r, struct user *u)
{
	const char *id = r->params[0];
	if (!uuid_valid(id, strlen(id))) {
		web_error_page(r, 404);
		return false;
	}
	if (!admin_only(r, arena_printf(r->arena, "/beheer/gebruikers/%s", id)))
		return false;
	int rc = user_get(r->store, r->arena, id, u);
	if (rc)
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : 500);
	return !rc;
}

static void fail(struct http_req *r, int rc)
{
	web_fail(r, rc, arena_printf(r->arena, "/beheer/gebruikers/%s", r->params[0]));
}

/* Answers a change of the account u: the page again saying why when the
 * model refused it (409: an admin blocking themselves; 400: the area code),
 * the error, or the account with the notice. */
static void answer(struct http_req *r, const struct user *u, int rc, const char *notice, const char *area,
		   const struct problems *p)
{
	if (rc == ERR_CONFLICT || rc == ERR_INVALID) {
		r->status = rc == ERR_CONFLICT ? 409 : 400;
		const struct user_form uf = { area ? area : "", p, rc == ERR_CONFLICT };
		render(r, u, &uf);
	} else if (rc) {
		fail(r, rc);
	} else {
		http_redirect(r, arena_printf(r->arena, "/beheer/gebruikers/%s?%s=1", u->id, notice));
	}
}

static void page_user(struct http_req *r)
{
	struct user u;
	if (!load(r, &u))
		return;
	struct user_form uf = { "", NULL, false };
	render(r, &u, &uf);
}

static void page_user_block(struct http_req *r)
{
	struct user u;
	if (!load(r, &u))
		return;
	struct form f;
	if (!page_form(r, &f))
		return;
	const char *v = form_get(&f, "blocked");
	if (!v || (strcmp(v, "1") != 0 && strcmp(v, "0") != 0)) {
		web_error_page(r, 400);
		return;
	}
	bool blocked = v[0] == '1';
	int rc = blocked == u.blocked ? 0 : user_set_blocked(r->store, &r->viewer, u.id, blocked);
	answer(r, &u, rc, blocked ? "geblokkeerd" : "vrijgegeven", NULL, NULL);
}

static void page_user_appoint(struct http_req *r)
{
	struct user u;
	if (!load(r, &u))
		return;
	struct form f;
	if (!page_form(r, &f))
		return;
	const char *area = form_get(&f, "area");
	/* spaces around a pasted code are no mistake of the person's */
	const char *trimmed = area ? text_trim(r->arena, area, strlen(area)) : "";
	struct problems p = { 0 };
	int rc;
	if (!*trimmed) {
		problems_add(&p, "area", R_REQUIRED, 0);
		rc = ERR_INVALID;
	} else {
		rc = user_set_coordinator(r->store, &r->viewer, u.id, trimmed, true, &p);
	}
	answer(r, &u, rc, "benoemd", area, &p);
}

static void page_user_dismiss(struct http_req *r)
{
	struct user u;
	if (!load(r, &u))
		return;
	struct problems p = { 0 };
	int rc = user_set_coordinator(r->store, &r->viewer, u.id, r->params[1], false, &p);
	/* no such area: nothing to dismiss from */
	answer(r, &u, rc == ERR_INVALID ? ERR_NOTFOUND : rc, "ontslagen", NULL, NULL);
}

const struct http_route web_users_routes[] = {
	{ HM_GET, "/beheer/gebruikers", page_users, 0 },
	{ HM_GET, "/beheer/gebruikers/{id}", page_user, 0 },
	{ HM_POST, "/beheer/gebruikers/{id}/blokkeren", page_user_block, 0 },
	{ HM_POST, "/beheer/gebruikers/{id}/coordinator", page_user_appoint, 0 },
	{ HM_POST, "/beheer/gebruikers/{id}/coordinator/{code}/ontslaan", page_user_dismiss, 0 },
	{ 0 },
};
