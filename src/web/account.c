/* /account: who you are, and your API tokens. */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../model/user.h"
#include "html.h"
#include "layout.h"
#include "pages.h"

static void render(struct http_req *r, const char *new_token, const struct problems *p, const char *name)
{
	struct buf *b = &r->out;
	page_begin(r, T(r, M_ACCOUNT_TITLE), NAV_ACCOUNT);
	html_f(b, "<h1>%s</h1>\n", T(r, M_ACCOUNT_TITLE));
	if (http_query(r, "ingetrokken"))
		page_notice(r, T(r, M_TOKEN_REVOKED));
	html_f(b, "<dl class=\"facts\">\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n</dl>\n",
	       T(r, M_NAME), r->viewer.name, T(r, M_ROLE), platform_roles[r->viewer.role].name[r->lang]);
	html_f(b, "<h2>%s</h2>\n<p>%s</p>\n", T(r, M_TOKENS_TITLE), T(r, M_TOKENS_INTRO));
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
		html_f(b, "<table>\n<caption class=\"visually-hidden\">%s</caption>\n<thead><tr>"
			  "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			  "<th scope=\"col\"><span class=\"visually-hidden\">%s</span></th></tr></thead>\n<tbody>\n",
		       T(r, M_TOKENS_TITLE), T(r, M_NAME), T(r, M_TOKEN_CREATED), T(r, M_TOKEN_USED), T(r, M_TOKEN_REVOKE));
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
		html_raw(b, "</tbody>\n</table>\n");
	}
	const struct field_label labels[] = { { "name", T(r, M_TOKEN_NAME) } };
	form_error_summary(r, p, labels, 1);
	form_begin(r, "/account/tokens", true);
	struct field f = { .name = "name", .label = T(r, M_TOKEN_NAME), .hint = T(r, M_TOKEN_NAME_HINT),
			   .value = name, .required = true };
	field_text(r, &f, p);
	html_f(b, "<div class=\"actions\"><button type=\"submit\">%s</button></div>\n", T(r, M_TOKEN_CREATE));
	form_end(r);
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
