/* /account: who you are, your parties, your API tokens and your login
 * sessions. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/member.h"
#include "../model/user.h"
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
	html_f(b, "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"parties-title\" tabindex=\"0\">\n"
		  "<table>\n<thead><tr>"
		  "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
	       T(r, M_PARTY), T(r, M_ROLE), T(r, M_MEMBER_SINCE));
	for (size_t i = 0; i < n; i++)
		html_f(b, "<tr><td><a href=\"/partijen/%s\">%s</a></td><td>%s</td><td><time datetime=\"%s\">%s</time></td></tr>\n",
		       items[i].party_id, items[i].party_name, web_member_role(r, items[i].role), items[i].since,
		       page_date(r, items[i].since));
	html_raw(b, "</tbody>\n</table>\n</div>\n</section>\n");
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
	html_f(b, "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"sessions-title\" tabindex=\"0\">\n"
		  "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		  "<th scope=\"col\"><span class=\"visually-hidden\">%s</span></th></tr></thead>\n<tbody>\n",
	       T(r, M_SESSION_STARTED), T(r, M_SESSION_LAST_SEEN), T(r, M_SESSION_EXPIRES), T(r, M_SESSION_END));
	for (size_t i = 0; i < n; i++) {
		const struct session_info *si = &items[i];
		html_raw(b, si->current ? "<tr class=\"current\"><td>" : "<tr><td>");
		page_time(r, si->created_at);
		if (si->current)
			html_f(b, " <strong class=\"label\">%s</strong>", T(r, M_SESSION_CURRENT));
		html_raw(b, "</td><td>");
		page_time(r, si->last_seen_at);
		html_raw(b, "</td><td>");
		page_time(r, si->expires_at);
		html_raw(b, "</td><td>");
		form_begin(r, arena_printf(r->arena, "/account/sessies/%s/beeindigen", si->id), true);
		html_f(b, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button>\n",
		       si->current ? T(r, M_SESSION_END_CURRENT)
				   : arena_printf(r->arena, T(r, M_SESSION_END_LABEL), page_datetime(r, si->created_at)),
		       T(r, M_SESSION_END));
		form_end(r);
		html_raw(b, "</td></tr>\n");
	}
	html_raw(b, "</tbody>\n</table>\n</div>\n</section>\n");
}

static void render(struct http_req *r, const char *new_token, const struct problems *p, const char *name)
{
	struct buf *b = &r->out;
	page_begin(r, T(r, M_ACCOUNT_TITLE), NAV_ACCOUNT);
	html_f(b, "<h1>%s</h1>\n", T(r, M_ACCOUNT_TITLE));
	if (http_query(r, "ingetrokken"))
		page_notice(r, T(r, M_TOKEN_REVOKED));
	else if (http_query(r, "verlaten"))
		page_notice(r, T(r, M_MEMBER_LEFT));
	else if (http_query(r, "beeindigd"))
		page_notice(r, T(r, M_SESSION_ENDED));
	html_f(b, "<dl class=\"facts\">\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n</dl>\n",
	       T(r, M_NAME), r->viewer.name, T(r, M_ROLE), platform_roles[r->viewer.role].name[r->lang]);
	parties_section(r);
	html_f(b, "<section id=\"tokens\" aria-labelledby=\"tokens-title\">\n<h2 id=\"tokens-title\">%s</h2>\n<p>%s</p>\n",
	       T(r, M_TOKENS_TITLE), T(r, M_TOKENS_INTRO));
	if (new_token) {
		html_f(b, "<div class=\"notice\" role=\"status\">\n<h3>%s</h3>\n<p>%s</p>\n"
			  "<p><code class=\"token\" id=\"new-token\">%s</code></p>\n</div>\n",
		       T(r, M_TOKEN_NEW), T(r, M_TOKEN_NEW_TEXT), new_token);
	}
	struct api_token *tokens = NULL;
	size_t n = 0;
	token_list(r->store, r->arena, &r->viewer, &tokens, &n);
	if (!n) {
		html_f(b, "<p>%s</p>\n", T(r, M_TOKENS_NONE));
	} else {
		html_f(b, "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"tokens-title\" tabindex=\"0\">\n"
			  "<table>\n<thead><tr>"
			  "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			  "<th scope=\"col\"><span class=\"visually-hidden\">%s</span></th></tr></thead>\n<tbody>\n",
		       T(r, M_NAME), T(r, M_TOKEN_CREATED), T(r, M_TOKEN_USED), T(r, M_TOKEN_REVOKE));
		for (size_t i = 0; i < n; i++) {
			html_f(b, "<tr><td>%s</td><td>%s</td><td>%s</td><td>", tokens[i].name,
			       page_date(r, tokens[i].created_at),
			       tokens[i].last_used_at ? page_date(r, tokens[i].last_used_at) : T(r, M_NEVER));
			form_begin(r, arena_printf(r->arena, "/account/tokens/%s/intrekken", tokens[i].id), true);
			html_f(b, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s: %s\">%s</button>\n",
			       T(r, M_TOKEN_REVOKE), tokens[i].name, T(r, M_TOKEN_REVOKE));
			form_end(r);
			html_raw(b, "</td></tr>\n");
		}
		html_raw(b, "</tbody>\n</table>\n</div>\n");
	}
	const struct field_label labels[] = { { "name", T(r, M_TOKEN_NAME) } };
	form_error_summary(r, p, labels, 1);
	form_begin(r, "/account/tokens", true);
	struct field f = { .name = "name", .label = T(r, M_TOKEN_NAME), .hint = T(r, M_TOKEN_NAME_HINT),
			   .value = name, .required = true };
	field_text(r, &f, p);
	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button></div>\n", T(r, M_TOKEN_CREATE));
	form_end(r);
	html_raw(b, "</section>\n");
	sessions_section(r);
	page_end(r);
}

void page_account(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		page_require_login(r);
		return;
	}
	render(r, NULL, NULL, "");
}

void page_token_create(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		page_require_login(r);
		return;
	}
	struct form f;
	if (!http_form_parse(r, &f)) {
		r->cfg->page_error(r, 400);
		return;
	}
	const char *name = form_get(&f, "name");
	if (!name || !*name)
		name = "API";
	char secret[TOKEN_STRLEN + 1];
	struct api_token t;
	struct problems p = { 0 };
	int rc = token_create(r->store, r->arena, &r->viewer, name, secret, &t, &p);
	if (rc == ERR_INVALID) {
		r->status = 400;
		render(r, NULL, &p, name);
		return;
	}
	if (rc) {
		r->cfg->page_error(r, 500);
		return;
	}
	/* shown once, on this answer to the post; never stored in plain text */
	render(r, secret, NULL, "");
}

void page_token_revoke(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		page_require_login(r);
		return;
	}
	int rc = token_revoke(r->store, &r->viewer, r->params[0]);
	if (rc) {
		r->cfg->page_error(r, rc == ERR_NOTFOUND ? 404 : 500);
		return;
	}
	http_redirect(r, "/account?ingetrokken=1");
}

void page_session_end(struct http_req *r)
{
	if (!r->viewer.authenticated) {
		page_login_redirect(r, "/account");
		return;
	}
	const char *id = r->params[0];
	char current[65] = "";
	if (r->session)
		secret_hash(r->session, current);
	int rc = session_revoke(r->store, &r->viewer, id);
	if (rc) {
		r->cfg->page_error(r, rc == ERR_NOTFOUND ? 404 : 500);
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
