/* /account: who you are, your parties, your API tokens and your login
 * sessions; the download of your data and the erasure of your account. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../model/member.h"
#include "../model/privacy.h"
#include "../model/user.h"
#include "form_fields.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

/* The parties the viewer is in, with their place in each. */
static void parties_section(struct http_req *r)
{
	struct buf *b = &r->out;
	struct membership *items = NULL;
	size_t n = 0;
	member_of(r->store, r->arena, r->viewer.user_id, &items, &n);
	html_f(b, "<section id=\"parties\" aria-labelledby=\"parties-title\">\n<h2 id=\"parties-title\">%s</h2>\n",
	       T(r, M_MY_PARTIES));
	if (!n) {
		html_f(b, "<p>%s</p>\n</section>\n", T(r, M_MY_PARTIES_NONE));
		return;
	}
	const char *heads[] = { T(r, M_PARTY), T(r, M_ROLE), T(r, M_MEMBER_SINCE) };
	page_table_begin(r, "parties-title", "stack", heads, 3, NULL);
	for (size_t i = 0; i < n; i++)
		html_f(b, "<tr><td><a href=\"/partijen/%s\" lang=\"nl\">%s</a></td><td data-label=\"%s\">%s</td>"
			  "<td data-label=\"%s\"><time datetime=\"%s\">%s</time></td></tr>\n",
		       items[i].party_id, items[i].party_name, T(r, M_ROLE), web_member_role(r, items[i].role),
		       T(r, M_MEMBER_SINCE), items[i].since, page_date(r, items[i].since));
	page_table_end(r);
	html_raw(b, "</section>\n");
}

/* The viewer's login sessions, each with a button to end it. */
static void sessions_section(struct http_req *r)
{
	struct buf *b = &r->out;
	struct session_info *items = NULL;
	size_t n = 0;
	session_list(r->store, r->arena, &r->viewer, r->session, &items, &n);
	html_f(b, "<section id=\"sessions\" aria-labelledby=\"sessions-title\">\n<h2 id=\"sessions-title\">%s</h2>\n<p>",
	       T(r, M_SESSIONS_TITLE));
	html_f(b, T(r, M_SESSIONS_INTRO), (int)SESSION_IDLE_HOURS, (int)SESSION_DAYS);
	html_raw(b, "</p>\n");
	if (!n) {
		html_f(b, "<p>%s</p>\n</section>\n", T(r, M_SESSIONS_NONE));
		return;
	}
	const char *heads[] = { T(r, M_SESSION_STARTED), T(r, M_SESSION_LAST_SEEN), T(r, M_SESSION_EXPIRES) };
	page_table_begin(r, "sessions-title", "stack", heads, 3, T(r, M_SESSION_END));
	for (size_t i = 0; i < n; i++) {
		const struct session_info *si = &items[i];
		html_f(b, "<tr%s><td data-label=\"%s\">", si->current ? " class=\"current\"" : "", T(r, M_SESSION_STARTED));
		page_time(r, si->created_at);
		if (si->current)
			html_f(b, " <strong class=\"label\">%s</strong>", T(r, M_SESSION_CURRENT));
		html_f(b, "</td><td data-label=\"%s\">", T(r, M_SESSION_LAST_SEEN));
		page_time(r, si->last_seen_at);
		html_f(b, "</td><td data-label=\"%s\">", T(r, M_SESSION_EXPIRES));
		page_time(r, si->expires_at);
		html_raw(b, "</td><td>");
		form_button(r, arena_printf(r->arena, "/account/sessies/%s/beeindigen", si->id), T(r, M_SESSION_END),
			    "secondary", si->current ? T(r, M_SESSION_END_CURRENT)
			    : arena_printf(r->arena, T(r, M_SESSION_END_LABEL), page_datetime(r, si->created_at)));
		html_raw(b, "</td></tr>\n");
	}
	page_table_end(r);
	html_raw(b, "</section>\n");
}

/* The download of the viewer's data, and the erase form: the viewer types
 * their email address to confirm. */
static void privacy_section(struct http_req *r, const struct problems *p, const char *typed)
{
	struct buf *b = &r->out;
	html_f(b, "<section id=\"data\" aria-labelledby=\"data-title\">\n<h2 id=\"data-title\">%s</h2>\n<p>%s</p>\n"
		  "<p><a href=\"/account/gegevens\" download>%s</a></p>\n</section>\n",
	       T(r, M_DATA_TITLE), T(r, M_DATA_INTRO), T(r, M_DATA_DOWNLOAD));
	html_f(b, "<section id=\"erase\" aria-labelledby=\"erase-title\">\n<h2 id=\"erase-title\">%s</h2>\n<p>%s</p>\n",
	       T(r, M_ERASE_TITLE), T(r, M_ERASE_INTRO));
	form_error_summary(r, p, &(const struct field_label){ "email", T(r, M_ERASE_CONFIRM) }, 1);
	form_begin(r, "/account/verwijderen", true);
	const struct field f = { .name = "email", .label = T(r, M_ERASE_CONFIRM), .hint = T(r, M_ERASE_CONFIRM_HINT),
				 .value = typed, .required = true, .type = "email", .autocomplete = "off" };
	field_text(r, &f, p);
	html_f(b, "<div class=\"actions\"><button type=\"submit\" class=\"danger\">%s</button></div>\n",
	       T(r, M_ERASE_BUTTON));
	form_end(r);
	html_raw(b, "</section>\n");
}

/* The viewer's API tokens, for programs. Residents need none, so only
 * those who have one, have just made one or ask for one (by opening the
 * folded part, or by a link with ?tokens=1) read about them; for everyone
 * else the explanation and the form are folded away under "for developers". */
static void tokens_section(struct http_req *r, const char *new_token, const struct problems *p, const char *name)
{
	struct buf *b = &r->out;
	struct api_token *tokens = NULL;
	size_t n = 0;
	token_list(r->store, r->arena, &r->viewer, &tokens, &n);
	bool open = n || new_token || p || http_query(r, "tokens");
	if (open)
		html_f(b, "<section id=\"tokens\" aria-labelledby=\"tokens-title\">\n<h2 id=\"tokens-title\">%s</h2>\n",
		       T(r, M_TOKENS_TITLE));
	else
		html_f(b, "<details id=\"tokens\" class=\"developers\">\n<summary>%s</summary>\n", T(r, M_TOKENS_ASK));
	html_f(b, "<p>%s</p>\n", T(r, M_TOKENS_INTRO));
	if (new_token) {
		html_f(b, "<div class=\"notice\" role=\"status\">\n<h3>%s</h3>\n<p>%s</p>\n"
			  "<p><code class=\"token\" id=\"new-token\">%s</code></p>\n</div>\n",
		       T(r, M_TOKEN_NEW), T(r, M_TOKEN_NEW_TEXT), new_token);
	}
	if (!n) {
		html_f(b, "<p>%s</p>\n", T(r, M_TOKENS_NONE));
	} else {
		const char *heads[] = { T(r, M_NAME), T(r, M_TOKEN_CREATED), T(r, M_TOKEN_USED) };
		page_table_begin(r, "tokens-title", "stack", heads, 3, T(r, M_TOKEN_REVOKE));
		for (size_t i = 0; i < n; i++) {
			html_f(b, "<tr><td>%s</td><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td><td>",
			       tokens[i].name, T(r, M_TOKEN_CREATED), page_date(r, tokens[i].created_at), T(r, M_TOKEN_USED),
			       tokens[i].last_used_at ? page_date(r, tokens[i].last_used_at) : T(r, M_NEVER));
			form_button(r, arena_printf(r->arena, "/account/tokens/%s/intrekken", tokens[i].id), T(r, M_TOKEN_REVOKE),
				    "secondary", arena_printf(r->arena, "%s: %s", T(r, M_TOKEN_REVOKE), tokens[i].name));
			html_raw(b, "</td></tr>\n");
		}
		page_table_end(r);
	}
	form_error_summary(r, p, &(const struct field_label){ "name", T(r, M_TOKEN_NAME) }, 1);
	form_begin(r, "/account/tokens", true);
	/* the model names a token "API" when it has no name; the page asks for one */
	const struct field_look look = { .label = T(r, M_TOKEN_NAME), .hint = T(r, M_TOKEN_NAME_HINT), .required = true };
	form_field_as(r, token_fields, token_nfields, "name", &(struct api_token){ .name = name }, NULL, p, &look);
	form_submit_end(r, T(r, M_TOKEN_CREATE));
	html_raw(b, open ? "</section>\n" : "</details>\n");
}

static void render(struct http_req *r, const char *new_token, const struct problems *p, const char *name,
		   const struct problems *erase_p, const char *typed)
{
	page_begin(r, T(r, M_ACCOUNT_TITLE), NAV_ACCOUNT);
	html_f(&r->out, "<h1>%s</h1>\n", T(r, M_ACCOUNT_TITLE));
	static const struct notice notices[] = {
		{ "ingetrokken", M_TOKEN_REVOKED }, { "verlaten", M_MEMBER_LEFT }, { "beeindigd", M_SESSION_ENDED },
	};
	page_notices(r, NULL, notices, 3);
	html_f(&r->out, "<dl class=\"facts\">\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n</dl>\n",
	       T(r, M_NAME), r->viewer.name, T(r, M_ROLE), platform_roles[r->viewer.role].name[r->lang]);
	web_notifications_link(r); /* the voice of residents (issue 4, part 3) */
	parties_section(r);
	tokens_section(r, new_token, p, name);
	sessions_section(r);
	privacy_section(r, erase_p, typed);
	page_end(r);
}

static void page_account(struct http_req *r)
{
	if (page_login_needed(r, NULL))
		return;
	render(r, NULL, NULL, "", NULL, "");
}

static void page_token_create(struct http_req *r)
{
	struct form f;
	if (page_login_needed(r, NULL) || !page_form(r, &f))
		return;
	const char *name = form_get(&f, "name");
	if (!name || !*name)
		name = "API";
	char secret[TOKEN_STRLEN + 1];
	struct api_token t;
	struct problems p = { 0 };
	int rc = token_create(r->store, r->arena, &r->viewer, name, secret, &t, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		render(r, NULL, &p, name, NULL, "");
		return;
	}
	if (rc) {
		web_error_page(r, 500);
		return;
	}
	/* shown once, on this answer to the post; never stored in plain text */
	render(r, secret, NULL, "", NULL, "");
}

static void page_token_revoke(struct http_req *r)
{
	if (page_login_needed(r, NULL))
		return;
	int rc = token_revoke(r->store, &r->viewer, r->params[0]);
	if (rc)
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : 500);
	else
		http_redirect(r, "/account?ingetrokken=1");
}

static void page_session_end(struct http_req *r)
{
	if (page_login_needed(r, "/account"))
		return;
	const char *id = r->params[0];
	char current[65] = "";
	if (r->session)
		secret_hash(r->session, current);
	int rc = session_revoke(r->store, &r->viewer, id);
	if (rc) {
		web_error_page(r, rc == ERR_NOTFOUND ? 404 : 500);
		return;
	}
	/* ending this session is logging out */
	if (r->session && strncmp(current, id, 16) == 0) {
		http_logout(r);
		http_redirect(r, "/inloggen?uitgelogd=1");
		return;
	}
	http_redirect(r, "/account?beeindigd=1");
}

static int dump_cb(const char *p, size_t n, void *ctx)
{
	buf_add(ctx, p, n);
	return 0;
}

/* /account/gegevens: the viewer's data as a file, the same document as
 * GET /api/v1/users/me/export. */
static void page_account_export(struct http_req *r)
{
	if (page_login_needed(r, "/account"))
		return;
	buf_reset(&r->out);
	if (privacy_export(r->store, &r->viewer, &r->out)) {
		web_error_page(r, 500);
		return;
	}
	const char *day = privacy_export_day(r->arena, r->out.ptr);
	/* indented, for people who open the file */
	json_t *doc = json_loadb(r->out.ptr, r->out.len, 0, NULL);
	if (doc) {
		buf_reset(&r->out);
		json_dump_callback(doc, dump_cb, &r->out, JSON_INDENT(2));
		json_decref(doc);
	}
	r->status = 200;
	r->content_type = "application/json";
	http_add_header(r, "Content-Disposition",
			arena_printf(r->arena, "attachment; filename=\"kiem-export-%s.json\"", day));
}

/* /account/verwijderen: erases the account once the viewer has typed its
 * email address, then logs out. */
static void page_account_erase(struct http_req *r)
{
	struct form f;
	if (page_login_needed(r, NULL) || !page_form(r, &f))
		return;
	const char *typed = form_get(&f, "email");
	if (!typed)
		typed = "";
	struct user u;
	if (user_get(r->store, r->arena, r->viewer.user_id, &u)) {
		web_error_page(r, 500);
		return;
	}
	struct problems p = { 0 };
	/* the stored address is in lower case; what is typed is compared so */
	const char *t = text_trim(r->arena, typed, strlen(typed));
	if (!*t)
		problems_add(&p, "email", R_REQUIRED, 0);
	else if (strcasecmp(t, u.email) != 0)
		problems_add(&p, "email", R_NOT_CONFIRMED, 0);
	if (p.n) {
		r->status = 400;
		render(r, NULL, NULL, "", &p, typed);
		return;
	}
	int rc = privacy_erase(r->store, &r->viewer);
	if (rc == ERR_CONFLICT) {
		page_message(r, 409, T(r, M_ERASE_TITLE), T(r, M_ERASE_LAST_ADMIN));
		return;
	}
	if (rc) {
		web_error_page(r, 500);
		return;
	}
	/* the session is already gone with the account; this clears the cookie */
	http_logout(r);
	http_redirect(r, "/?verwijderd=1");
}

const struct http_route web_account_routes[] = {
	{ HM_GET, "/account", page_account, 0 },
	{ HM_POST, "/account/tokens", page_token_create, 0 },
	{ HM_POST, "/account/tokens/{id}/intrekken", page_token_revoke, 0 },
	{ HM_POST, "/account/sessies/{id}/beeindigen", page_session_end, 0 },
	{ HM_GET, "/account/gegevens", page_account_export, 0 },
	{ HM_POST, "/account/verwijderen", page_account_erase, 0 },
	{ 0 },
};
