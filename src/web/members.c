/* /partijen/{id}/leden: the members of a party, adding a person by email,
 * changing a member's role, removing a member, and leaving a party
 * oneself; the pending invitations, and withdrawing one. The one "add" form
 * adds someone with an account at once and invites anyone else by email
 * (invitation_add_or_invite). Who may do what is the model's (perm.c,
 * OBJ_MEMBERS); the page shows only the forms the viewer may use, and the
 * model checks again. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../base/uuid.h"
#include "../model/invitation.h"
#include "../model/member.h"
#include "../model/party.h"
#include "form_fields.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

/* What the page shows besides the members: the add form as typed, with
 * its problems, or a change the model refused. */
struct add_form {
	const char *email;
	const char *role;
	const struct problems *p;
	bool last_admin; /* a change would have left the party without an admin */
};

/* The party of the URL, for a logged-in viewer who may see it; answers
 * and returns false otherwise. */
static bool load(struct http_req *r, struct party *pa)
{
	if (page_login_needed(r, NULL))
		return false;
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], pa);
	if (rc)
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : 500);
	return !rc;
}

/* A post from someone no longer logged in goes to the login, and from
 * there back to the members, not to the address of the post. */
static bool logged_in(struct http_req *r)
{
	if (!uuid_valid(r->params[0], strlen(r->params[0]))) {
		web_error_page(r, 404);
		return false;
	}
	return !page_login_needed(r, arena_printf(r->arena, "/partijen/%s/leden", r->params[0]));
}

/* Answers a failed change: the model's error as a page. */
static void fail(struct http_req *r, int rc)
{
	web_fail(r, rc, arena_printf(r->arena, "/partijen/%s/leden", r->params[0]));
}

static void role_form(struct http_req *r, const struct party *pa, const struct member *m)
{
	struct buf *b = &r->out;
	form_begin(r, arena_printf(r->arena, "/partijen/%s/leden/%s/rol", pa->id, m->user_id), true);
	const char *id = arena_printf(r->arena, "role-%s", m->user_id);
	html_raw(b, "<div class=\"inline\">\n<label class=\"visually-hidden\" for=\"");
	html_f(b, "%s\">", id);
	html_f(b, T(r, M_MEMBER_ROLE_OF), m->name);
	html_f(b, "</label>\n<select id=\"%s\" name=\"role\">\n", id);
	for (int i = MEMBER_MEMBER; i < MEMBER_ROLE_COUNT; i++)
		html_f(b, "<option value=\"%s\"%s>%s</option>\n", member_roles[i].key,
		       member_role_of(m->role) == (enum member_role)i ? " selected" : "", web_member_role(r, (enum member_role)i));
	html_f(b, "</select>\n<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button>\n</div>\n",
	       arena_printf(r->arena, T(r, M_MEMBER_ROLE_CHANGE_LABEL), m->name), T(r, M_MEMBER_ROLE_CHANGE));
	form_end(r);
}

static void members_table(struct http_req *r, const struct party *pa, const struct member *items, size_t n)
{
	struct buf *b = &r->out;
	bool can_update = party_can(&r->viewer, pa, OBJ_MEMBERS, ACT_UPDATE);
	bool can_delete = party_can(&r->viewer, pa, OBJ_MEMBERS, ACT_DELETE);
	page_section(r, "members-title", T(r, M_MEMBERS));
	if (!n) {
		html_f(b, "<p>%s</p>\n</section>\n", T(r, M_MEMBERS_NONE));
		return;
	}
	const char *heads[] = { T(r, M_NAME), T(r, M_ROLE), T(r, M_MEMBER_SINCE) };
	page_table_begin(r, "members-title", "members stack", heads, 3, can_delete ? T(r, M_MEMBER_ACTIONS) : NULL);
	for (size_t i = 0; i < n; i++) {
		const struct member *m = &items[i];
		bool self = strcmp(m->user_id, r->viewer.user_id) == 0;
		html_f(b, "<tr><th scope=\"row\">%s", m->name);
		if (self)
			html_f(b, " %s", T(r, M_MEMBER_YOU));
		html_f(b, "</th><td data-label=\"%s\">", T(r, M_ROLE));
		if (can_update)
			role_form(r, pa, m);
		else
			html_f(b, "%s", web_member_role(r, member_role_of(m->role)));
		html_f(b, "</td><td data-label=\"%s\"><time datetime=\"%s\">%s</time></td>", T(r, M_MEMBER_SINCE), m->since,
		       page_date(r, m->since));
		if (can_delete) {
			html_raw(b, "<td>");
			/* leaving is below, in words of its own */
			if (!self)
				form_button(r, arena_printf(r->arena, "/partijen/%s/leden/%s/verwijderen", pa->id, m->user_id),
					    T(r, M_MEMBER_REMOVE), "secondary",
					    arena_printf(r->arena, T(r, M_MEMBER_REMOVE_LABEL), m->name));
			html_raw(b, "</td>");
		}
		html_raw(b, "</tr>\n");
	}
	page_table_end(r);
	html_raw(b, "</section>\n");
}

static void add_section(struct http_req *r, const struct party *pa, const struct add_form *af)
{
	page_section(r, "add-title", T(r, M_MEMBER_ADD_TITLE));
	form_begin(r, arena_printf(r->arena, "/partijen/%s/leden", pa->id), true);
	const struct invitation typed = { .email = af->email,
					  .role = af->role && *af->role ? af->role : member_roles[MEMBER_MEMBER].key };
	form_field_as(r, invitation_fields, invitation_nfields, "email", &typed, NULL, af->p,
		      &(struct field_look){ .hint = T(r, M_MEMBER_INVITE_HINT) });
	/* the roles in the page's words, each with what it may */
	const char *roles[] = { T(r, M_MEMBER_ROLE_MEMBER), T(r, M_MEMBER_ROLE_ADMIN) };
	const char *hints[] = { T(r, M_MEMBER_ROLE_MEMBER_HINT), T(r, M_MEMBER_ROLE_ADMIN_HINT) };
	form_field_as(r, invitation_fields, invitation_nfields, "role", &typed, NULL, af->p,
		      &(struct field_look){ .key_labels = roles, .key_hints = hints });
	form_submit_end(r, T(r, M_MEMBER_ADD_SUBMIT));
	html_raw(&r->out, "</section>\n");
}

static void invitations_section(struct http_req *r, const struct party *pa)
{
	struct invitation *items = NULL;
	size_t n = 0;
	if (invitation_list(r->store, r->arena, &r->viewer, pa->id, &items, &n) || !n)
		return;
	struct buf *b = &r->out;
	bool can_delete = party_can(&r->viewer, pa, OBJ_MEMBERS, ACT_DELETE);
	page_section(r, "invitations-title", T(r, M_INVITATIONS));
	html_f(b, "<p>%s</p>\n", T(r, M_INVITATIONS_INTRO));
	const char *heads[] = { T(r, M_EMAIL), T(r, M_ROLE), T(r, M_INVITATION_BY), T(r, M_INVITATION_EXPIRES) };
	page_table_begin(r, "invitations-title", "invitations stack", heads, 4,
			 can_delete ? T(r, M_MEMBER_ACTIONS) : NULL);
	for (size_t i = 0; i < n; i++) {
		const struct invitation *inv = &items[i];
		html_f(b, "<tr><th scope=\"row\">%s</th><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td>", inv->email,
		       T(r, M_ROLE), web_member_role(r, member_role_of(inv->role)), T(r, M_INVITATION_BY),
		       inv->invited_by_name ? inv->invited_by_name : T(r, M_INVITATION_NOBODY));
		html_f(b, "<td data-label=\"%s\"><time datetime=\"%s\">%s</time></td>", T(r, M_INVITATION_EXPIRES),
		       inv->expires_at, page_date(r, inv->expires_at));
		if (can_delete) {
			html_raw(b, "<td>");
			form_button(r, arena_printf(r->arena, "/partijen/%s/uitnodigingen/%s/intrekken", pa->id, inv->id),
				    T(r, M_INVITATION_WITHDRAW), "secondary",
				    arena_printf(r->arena, T(r, M_INVITATION_WITHDRAW_LABEL), inv->email));
			html_raw(b, "</td>");
		}
		html_raw(b, "</tr>\n");
	}
	page_table_end(r);
	html_raw(b, "</section>\n");
}

static void leave_section(struct http_req *r, const struct party *pa, const struct member *items, size_t n)
{
	struct buf *b = &r->out;
	page_section(r, "leave-title", T(r, M_MEMBER_LEAVE));
	size_t admins = 0;
	for (size_t i = 0; i < n; i++)
		admins += member_role_of(items[i].role) == MEMBER_ADMIN;
	/* the model keeps a party's last admin; say so before they try */
	if (pa->member == MEMBER_ADMIN && admins == 1) {
		html_f(b, "<p>%s</p>\n</section>\n", T(r, M_MEMBER_ONLY_ADMIN));
		return;
	}
	html_f(b, "<p>%s %s</p>\n", T(r, pa->member == MEMBER_ADMIN ? M_MEMBER_YOU_ADMIN : M_MEMBER_YOU_MEMBER),
	       T(r, M_MEMBER_LEAVE_HINT));
	form_begin(r, arena_printf(r->arena, "/partijen/%s/leden/%s/verwijderen", pa->id, r->viewer.user_id), true);
	html_f(b, "<div class=\"actions\"><button type=\"submit\" class=\"secondary\">%s</button></div>\n",
	       T(r, M_MEMBER_LEAVE));
	form_end(r);
	html_raw(b, "</section>\n");
}

static void render(struct http_req *r, const struct party *pa, const struct add_form *af)
{
	struct member *items = NULL;
	size_t n = 0;
	int rc = member_list(r->store, r->arena, &r->viewer, pa->id, &items, &n);
	if (rc) {
		fail(r, rc);
		return;
	}
	struct buf *b = &r->out;
	const char *title = arena_printf(r->arena, T(r, M_MEMBERS_TITLE), pa->name);
	page_begin(r, title, NAV_PARTIES);
	html_raw(b, "<p class=\"crumbs\">");
	html_f(b, "<a href=\"/partijen/%s\">", pa->id);
	html_f(b, T(r, M_BACK_TO_PARTY), pa->name);
	html_f(b, "</a></p>\n<h1>%s</h1>\n", title);
	static const struct notice notices[] = {
		{ "toegevoegd", M_MEMBER_ADDED }, { "uitgenodigd", M_INVITE_SENT }, { "ingetrokken", M_INVITATION_WITHDRAWN },
		{ "aangenomen", M_INVITATION_ACCEPTED }, { "gewijzigd", M_MEMBER_ROLE_CHANGED }, { "verwijderd", M_MEMBER_REMOVED },
	};
	page_notices(r, NULL, notices, 6);
	if (af->last_admin)
		page_alert(r, "change-error", T(r, M_MEMBER_NOT_POSSIBLE), T(r, M_MEMBER_LAST_ADMIN));
	form_fields_summary(r, af->p, invitation_fields, invitation_nfields);
	html_f(b, "<p class=\"lead\">%s</p>\n", T(r, M_MEMBERS_INTRO));
	members_table(r, pa, items, n);
	if (party_can(&r->viewer, pa, OBJ_MEMBERS, ACT_CREATE)) {
		invitations_section(r, pa);
		add_section(r, pa, af);
	}
	if (pa->member != MEMBER_NONE)
		leave_section(r, pa, items, n);
	page_end(r);
}

/* Answers a change the model refused because the party would be left
 * without an admin: the members page again, saying why (409). */
static void refused(struct http_req *r)
{
	struct party pa;
	int rc = party_get(r->store, r->arena, &r->viewer, r->params[0], &pa);
	if (rc) {
		fail(r, rc);
		return;
	}
	r->status = 409;
	struct add_form af = { "", NULL, NULL, true };
	render(r, &pa, &af);
}

/* Answers a change of the members: the page again when it would leave the
 * party without an admin, the error, or the members with the notice. */
static void answer(struct http_req *r, int rc, const char *notice)
{
	if (rc == ERR_CONFLICT)
		refused(r);
	else if (rc)
		fail(r, rc);
	else
		http_redirect(r, arena_printf(r->arena, "/partijen/%s/leden?%s=1", r->params[0], notice));
}

static void page_members(struct http_req *r)
{
	struct party pa;
	if (!load(r, &pa))
		return;
	if (r->method != HM_POST) {
		if (!party_can(&r->viewer, &pa, OBJ_MEMBERS, ACT_READ)) {
			web_error_page(r, 403);
			return;
		}
		struct add_form af = { "", NULL, NULL, false };
		render(r, &pa, &af);
		return;
	}
	struct form f;
	if (!page_form(r, &f))
		return;
	const char *email = form_get(&f, "email"), *role = form_get(&f, "role");
	struct problems p = { 0 };
	/* spaces around a pasted address are no mistake of the person's */
	const char *trimmed = email ? text_trim(r->arena, email, strlen(email)) : NULL;
	bool invited = false;
	int rc = invitation_add_or_invite(r->store, r->arena, &r->viewer, pa.id, trimmed, role, r->lang, &invited, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		struct add_form af = { email ? email : "", role, &p, false };
		render(r, &pa, &af);
		return;
	}
	answer(r, rc, invited ? "uitgenodigd" : "toegevoegd");
}

static void page_member_role(struct http_req *r)
{
	struct form f;
	if (!logged_in(r) || !page_form(r, &f))
		return;
	struct problems p = { 0 };
	/* the form offers only the roles there are: a wrong one is a 400 */
	answer(r, member_set_role(r->store, r->arena, &r->viewer, r->params[0], r->params[1], form_get(&f, "role"), &p),
	       "gewijzigd");
}

static void page_member_remove(struct http_req *r)
{
	if (!logged_in(r))
		return;
	int rc = member_remove(r->store, r->arena, &r->viewer, r->params[0], r->params[1]);
	/* who left may no longer see the members, or the party */
	if (!rc && strcmp(r->params[1], r->viewer.user_id) == 0)
		http_redirect(r, "/account?verlaten=1");
	else
		answer(r, rc, "verwijderd");
}

static void page_invitation_withdraw(struct http_req *r)
{
	if (logged_in(r))
		answer(r, invitation_withdraw(r->store, r->arena, &r->viewer, r->params[0], r->params[1]), "ingetrokken");
}

const struct http_route web_members_routes[] = {
	{ HM_GET | HM_POST, "/partijen/{id}/leden", page_members, 0 },
	{ HM_POST, "/partijen/{id}/leden/{user}/rol", page_member_role, 0 },
	{ HM_POST, "/partijen/{id}/leden/{user}/verwijderen", page_member_remove, 0 },
	{ HM_POST, "/partijen/{id}/uitnodigingen/{invitation}/intrekken", page_invitation_withdraw, 0 },
	{ 0 },
};
