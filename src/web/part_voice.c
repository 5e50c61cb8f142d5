/* The voice of residents on an issue's page (/vraagstukken/{id}): support
 * with its count, following, and the comments with their replies; the
 * forms to post, edit (the author, in the first 15 minutes) and hide (a
 * moderator, with a reason). Each form posts to a route of its own here,
 * which redirects back to the issue with a notice (?stem=...), or, when
 * something is not filled in right, shows the form on a page of its own
 * with the message beside the field and the text kept. The rules are the
 * model's (model/voice.h); the page shows only what the viewer may do. */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/uuid.h"
#include "../model/issue.h"
#include "../model/voice.h"
#include "form_fields.h"
#include "html.h"
#include "issue_parts.h"
#include "layout.h"
#include "pages.h"

/* The notices of ?stem= after a change, in the order of the forms. */
static const struct notice notices[] = {
	{ "gesteund", M_VOICE_SUPPORTED }, { "al-gesteund", M_VOICE_ALREADY },
	{ "ingetrokken", M_VOICE_WITHDRAWN }, { "gevolgd", M_VOICE_FOLLOWED },
	{ "ontvolgd", M_VOICE_UNFOLLOWED }, { "geplaatst", M_VOICE_COMMENTED },
	{ "aangepast", M_VOICE_CHANGED }, { "verborgen", M_VOICE_HIDDEN_DONE },
	{ "getoond", M_VOICE_SHOWN_DONE }, { "niet-meer", M_VOICE_EDIT_CLOSED },
	{ "al-verborgen", M_VOICE_HIDE_ALREADY },
};

static const char *issue_path(struct http_req *r, const char *issue_id)
{
	return arena_printf(r->arena, "/vraagstukken/%s", issue_id);
}

/* Back to the issue of the URL with a notice, at the comment (or at the
 * voice section when comment_id is NULL). */
static void back(struct http_req *r, const char *notice, const char *comment_id)
{
	http_redirect(r, arena_printf(r->arena, "/vraagstukken/%s?stem=%s#%s%s", r->params[0], notice,
				      comment_id ? "reactie-" : "stem", comment_id ? comment_id : ""));
}

/* The box of a comment's text as its descriptor says it, rows high. */
static void body_field(struct http_req *r, const char *typed, int rows, const struct problems *p)
{
	form_field_as(r, comment_fields, comment_nfields, "body", &(struct comment){ .body = typed }, NULL, p,
		      &(struct field_look){ .rows = rows });
}

/* The comment form: a new comment (parent NULL) or a reply. Replies get
 * their own ids, as there are many on a page. */
static void comment_form(struct http_req *r, const char *issue_id, const struct comment *parent,
			 const char *typed, const struct problems *p)
{
	form_begin(r, arena_printf(r->arena, "/vraagstukken/%s/reacties", issue_id), true);
	if (!parent) {
		body_field(r, typed, 5, p);
		form_submit_end(r, T(r, M_VOICE_COMMENT_SUBMIT));
		return;
	}
	/* many replies on a page: each box has an id of its own */
	html_f(&r->out, "<input type=\"hidden\" name=\"parentId\" value=\"%s\">\n", parent->id);
	html_f(&r->out, "<div class=\"field\">\n<label for=\"reply-%s\">%s</label>\n"
		  "<textarea id=\"reply-%s\" name=\"body\" rows=\"3\"></textarea>\n</div>\n",
	       parent->id, T(r, M_VOICE_REPLY_BODY), parent->id);
	form_submit_end(r, T(r, M_VOICE_REPLY_SUBMIT));
}

static void one_comment(struct http_req *r, const char *issue_id, const struct comment *c)
{
	struct buf *b = &r->out;
	html_f(b, "<article class=\"comment%s\" id=\"reactie-%s\">\n<p class=\"comment-meta\">", c->parent_id ? " reply" : "",
	       c->id);
	html_f(b, T(r, M_VOICE_WROTE), c->author_name ? c->author_name : T(r, M_VOICE_ERASED));
	html_raw(b, " ");
	page_time(r, c->created_at);
	if (c->edited_at) {
		html_f(b, " <span class=\"edited\">(%s ", T(r, M_VOICE_EDITED));
		page_time(r, c->edited_at);
		html_raw(b, ")</span>");
	}
	html_raw(b, "</p>\n");
	if (c->hidden_at) {
		html_raw(b, "<p class=\"hidden-comment\"><em>");
		html_f(b, T(r, M_VOICE_HIDDEN), c->hidden_reason ? c->hidden_reason : "");
		html_raw(b, "</em></p>\n");
		if (c->body) {
			html_f(b, "<p>%s</p>\n<div class=\"comment-body own-hidden\" lang=\"nl\">", T(r, M_VOICE_HIDDEN_OWN));
			html_markdown(b, c->body);
			html_raw(b, "</div>\n");
		}
	} else {
		html_raw(b, "<div class=\"comment-body\" lang=\"nl\">");
		html_markdown(b, c->body ? c->body : "");
		html_raw(b, "</div>\n");
	}
	bool any = c->can_edit || c->can_hide || c->can_unhide;
	if (any)
		html_raw(b, "<div class=\"actions\">\n");
	if (c->can_edit)
		html_f(b, "<a href=\"/vraagstukken/%s/reacties/%s/bewerken\">%s</a>\n", issue_id, c->id, T(r, M_VOICE_EDIT));
	if (c->can_hide)
		html_f(b, "<a href=\"/vraagstukken/%s/reacties/%s/verbergen\">%s</a>\n", issue_id, c->id, T(r, M_VOICE_HIDE));
	if (c->can_unhide)
		form_button(r, arena_printf(r->arena, "/vraagstukken/%s/reacties/%s/tonen", issue_id, c->id),
			    T(r, M_VOICE_UNHIDE), "secondary", NULL);
	if (any)
		html_raw(b, "</div>\n");
}

void issue_part_voice(struct http_req *r, const struct issue *is)
{
	const char *issue_id = is->id;
	struct buf *b = &r->out;
	html_f(b, "<section id=\"stem\" aria-labelledby=\"stem-title\">\n<h2 id=\"stem-title\">%s</h2>\n",
	       T(r, M_VOICE_TITLE));
	page_notices(r, "stem", notices, sizeof notices / sizeof notices[0]);
	html_raw(b, "<p class=\"supporters\"><strong>");
	html_f(b, T(r, M_VOICE_SUPPORTERS), is->supporters);
	html_raw(b, "</strong></p>\n");
	if (!r->viewer.authenticated) {
		html_f(b, "<p><a href=\"/inloggen?next=%s\">%s</a></p>\n", issue_path(r, issue_id), T(r, M_VOICE_LOGIN));
	} else {
		html_raw(b, "<div class=\"voice-actions\">\n");
		html_f(b, "<p>%s</p>\n", T(r, is->supported ? M_VOICE_YOU_SUPPORT : M_VOICE_SUPPORT_HINT));
		form_button(r, arena_printf(r->arena, "/vraagstukken/%s/%s", issue_id, is->supported ? "steun-intrekken" : "steunen"),
			    T(r, is->supported ? M_VOICE_WITHDRAW : M_VOICE_SUPPORT), is->supported ? "secondary" : NULL, NULL);
		html_f(b, "<p>%s</p>\n", T(r, is->following ? M_VOICE_YOU_FOLLOW : M_VOICE_FOLLOW_HINT));
		form_button(r, arena_printf(r->arena, "/vraagstukken/%s/%s", issue_id, is->following ? "ontvolgen" : "volgen"),
			    T(r, is->following ? M_VOICE_UNFOLLOW : M_VOICE_FOLLOW), "secondary", NULL);
		html_raw(b, "</div>\n");
	}

	html_f(b, "<h3 id=\"reacties\">%s</h3>\n", T(r, M_VOICE_COMMENTS));
	struct comment_filter f = { .q = http_query(r, "reacties-q"), .cursor = http_query(r, "reacties-na"), .limit = 20 };
	if (f.cursor && !uuid_valid(f.cursor, strlen(f.cursor)))
		f.cursor = NULL;
	if (f.q && (!*f.q || strlen(f.q) > 200))
		f.q = NULL;
	struct comment *items = NULL;
	size_t n = 0;
	const char *next = NULL;
	struct problems p = { 0 };
	struct voice_issue vi = { .title = is->title, .area_code = is->area, .coordinated = is->coordinated };
	snprintf(vi.id, sizeof vi.id, "%s", is->id);
	comment_list_known(r->store, r->arena, &r->viewer, &vi, &f, &items, &n, &next, &p);
	if (n || f.q) {
		/* a search in the comments: a GET form back to this page */
		form_begin(r, arena_printf(r->arena, "%s#reacties", issue_path(r, issue_id)), false);
		struct field fq = { .name = "reacties-q", .label = T(r, M_VOICE_SEARCH), .value = f.q, .quiet = true,
				    .type = "search" };
		html_raw(b, "<div class=\"inline\">\n");
		field_text(r, &fq, NULL);
		html_f(b, "<button type=\"submit\" class=\"secondary\">%s</button>\n</div>\n", T(r, M_FILTER_SUBMIT));
		form_end(r);
	}
	if (!n)
		html_f(b, "<p>%s</p>\n", T(r, f.q ? M_VOICE_NONE_FOUND : M_VOICE_NO_COMMENTS));
	for (size_t i = 0; i < n; i++) {
		const struct comment *c = &items[i];
		if (c->parent_id)
			continue;
		html_raw(b, "<div class=\"thread\">\n");
		one_comment(r, issue_id, c);
		size_t j = i + 1;
		if (j < n && items[j].parent_id) {
			html_f(b, "<div class=\"replies\" role=\"group\" aria-label=\"%s\">\n", T(r, M_VOICE_REPLIES));
			for (; j < n && items[j].parent_id; j++) {
				one_comment(r, issue_id, &items[j]);
				html_raw(b, "</article>\n");
			}
			html_raw(b, "</div>\n");
		}
		if (r->viewer.authenticated) {
			html_raw(b, "<details class=\"reply-form\">\n<summary>");
			html_f(b, T(r, M_VOICE_REPLY_TO), c->author_name ? c->author_name : T(r, M_VOICE_ERASED));
			html_raw(b, "</summary>\n");
			comment_form(r, issue_id, c, NULL, NULL);
			html_raw(b, "</details>\n");
		}
		html_raw(b, "</article>\n</div>\n");
	}
	if (next)
		html_f(b, "<p><a href=\"%s#reacties\">%s</a></p>\n",
		       page_url(r, issue_path(r, issue_id), "reacties-q", f.q, "reacties-na", next), T(r, M_VOICE_MORE));
	if (r->viewer.authenticated) {
		html_f(b, "<h3>%s</h3>\n", T(r, M_VOICE_COMMENT_NEW));
		comment_form(r, issue_id, NULL, NULL, NULL);
	}
	html_raw(b, "</section>\n");
}

/* ---- the posts ---- */

/* A post from someone logged out goes to the login, and back to the issue. */
static bool logged_in(struct http_req *r)
{
	if (!uuid_valid(r->params[0], strlen(r->params[0]))) {
		web_error_page(r, 404);
		return false;
	}
	return !page_login_needed(r, issue_path(r, r->params[0]));
}

static void fail(struct http_req *r, int rc)
{
	web_fail(r, rc, issue_path(r, r->params[0]));
}

/* Answers a change: back with the notice done, or with conflict when the
 * model refused it (ERR_CONFLICT, or NULL for an error). */
static void answer(struct http_req *r, int rc, const char *done, const char *conflict, const char *comment_id)
{
	if (rc == ERR_CONFLICT && conflict)
		back(r, conflict, comment_id);
	else if (rc)
		fail(r, rc);
	else
		back(r, done, comment_id);
}

static void page_voice_support(struct http_req *r)
{
	if (logged_in(r))
		answer(r, support_add(r->store, r->arena, &r->viewer, r->params[0]), "gesteund", "al-gesteund", NULL);
}

static void page_voice_withdraw(struct http_req *r)
{
	if (!logged_in(r))
		return;
	int rc = support_withdraw(r->store, r->arena, &r->viewer, r->params[0]);
	/* withdrawn already (another tab): the same outcome, if the issue is there */
	if (rc == ERR_NOTFOUND && !support_get(r->store, r->arena, &r->viewer, r->params[0], &(struct support_state){ 0 }))
		rc = 0;
	answer(r, rc, "ingetrokken", NULL, NULL);
}

static void page_voice_follow(struct http_req *r)
{
	bool created;
	if (logged_in(r))
		answer(r, follow_add(r->store, r->arena, &r->viewer, r->params[0], &created), "gevolgd", NULL, NULL);
}

static void page_voice_unfollow(struct http_req *r)
{
	if (!logged_in(r))
		return;
	int rc = follow_remove(r->store, r->arena, &r->viewer, r->params[0]);
	if (rc == ERR_NOTFOUND) {
		struct support_state st;
		rc = support_get(r->store, r->arena, &r->viewer, r->params[0], &st);
	}
	answer(r, rc, "ontvolgd", NULL, NULL);
}

/* A form on a page of its own, for when the form on the issue page was
 * not filled in right, and for editing and hiding: its one field is name,
 * labelled label in the summary of the problems. */
static void form_page(struct http_req *r, int status, const char *title, const char *intro,
		      const struct comment *c, const struct problems *p, const char *name, const char *label)
{
	struct buf *b = &r->out;
	page_begin(r, title, NAV_NONE);
	r->status = status;
	html_f(b, "<h1>%s</h1>\n", title);
	form_error_summary(r, p, &(struct field_label){ name, label }, 1);
	if (intro)
		html_f(b, "<p>%s</p>\n", intro);
	if (c && c->body && !c->hidden_at) {
		html_raw(b, "<blockquote class=\"comment-body\" lang=\"nl\">");
		html_markdown(b, c->body);
		html_raw(b, "</blockquote>\n");
	}
}

static void page_end_back(struct http_req *r)
{
	html_f(&r->out, "<p><a href=\"%s#stem\">%s</a></p>\n", issue_path(r, r->params[0]), T(r, M_VOICE_BACK));
	page_end(r);
}

static const char *body_label(struct http_req *r)
{
	return fields_find(comment_fields, comment_nfields, "body")->label[r->lang];
}

static void page_voice_comment(struct http_req *r)
{
	struct form f;
	if (!logged_in(r) || !page_form(r, &f))
		return;
	const char *body = form_get(&f, "body"), *parent = form_get(&f, "parentId");
	struct problems p = { 0 };
	struct comment c = { .parent_id = parent, .body = body };
	int rc = comment_add(r->store, r->arena, &r->viewer, r->params[0], &c, &p);
	if (rc != ERR_INVALID) {
		answer(r, rc, "geplaatst", NULL, c.id);
		return;
	}
	form_page(r, 400, T(r, M_VOICE_COMMENT_NEW), NULL, NULL, &p, "body", body_label(r));
	form_begin(r, arena_printf(r->arena, "/vraagstukken/%s/reacties", r->params[0]), true);
	if (parent && uuid_valid(parent, strlen(parent)) && !problems_find(&p, "parentId"))
		html_f(&r->out, "<input type=\"hidden\" name=\"parentId\" value=\"%s\">\n", parent);
	body_field(r, body, 6, &p);
	form_submit_end(r, T(r, M_VOICE_COMMENT_SUBMIT));
	page_end_back(r);
}

/* The comment of the URL, for its author (edit) or a moderator (hide);
 * answers and returns false when there is none or the viewer may not. */
static bool load(struct http_req *r, struct comment *c, bool hide)
{
	if (!logged_in(r))
		return false;
	int rc = comment_get(r->store, r->arena, &r->viewer, r->params[0], r->params[1], c);
	if (!rc && (hide ? !c->can_hide && !c->hidden_at : !c->author_id || strcmp(c->author_id, r->viewer.user_id)))
		rc = ERR_FORBIDDEN;
	if (rc)
		fail(r, rc);
	return !rc;
}

static void page_voice_comment_edit(struct http_req *r)
{
	struct comment c;
	if (!load(r, &c, false))
		return;
	if (!c.can_edit) {
		back(r, "niet-meer", c.id);
		return;
	}
	const char *typed = c.body;
	struct problems p = { 0 };
	struct form f;
	if (r->method == HM_POST) {
		if (!page_form(r, &f))
			return;
		typed = form_get(&f, "body");
		int rc = comment_edit(r->store, r->arena, &r->viewer, r->params[0], &c, typed, &p);
		if (rc != ERR_INVALID) {
			answer(r, rc, "aangepast", "niet-meer", c.id);
			return;
		}
	}
	form_page(r, p.n ? 400 : 200, T(r, M_VOICE_EDIT_TITLE), NULL, NULL, &p, "body", body_label(r));
	form_begin(r, arena_printf(r->arena, "/vraagstukken/%s/reacties/%s/bewerken", r->params[0], c.id), true);
	body_field(r, typed, 6, &p);
	form_submit_end(r, T(r, M_SAVE));
	page_end_back(r);
}

static void page_voice_comment_hide(struct http_req *r)
{
	struct comment c;
	if (!load(r, &c, true))
		return;
	const char *typed = NULL;
	struct problems p = { 0 };
	struct form f;
	if (r->method == HM_POST) {
		if (!page_form(r, &f))
			return;
		typed = form_get(&f, "reason");
		int rc = comment_hide(r->store, r->arena, &r->viewer, r->params[0], c.id, typed, &p, NULL);
		if (rc != ERR_INVALID) {
			answer(r, rc, "verborgen", "al-verborgen", c.id);
			return;
		}
	} else if (c.hidden_at) {
		back(r, "al-verborgen", c.id);
		return;
	}
	form_page(r, p.n ? 400 : 200, T(r, M_VOICE_HIDE_TITLE), T(r, M_VOICE_HIDE_INTRO), &c, &p, "reason",
		  T(r, M_VOICE_HIDE_REASON));
	form_begin(r, arena_printf(r->arena, "/vraagstukken/%s/reacties/%s/verbergen", r->params[0], c.id), true);
	const struct field fl = { .name = "reason", .label = T(r, M_VOICE_HIDE_REASON),
				  .hint = T(r, M_VOICE_HIDE_REASON_HINT), .value = typed, .required = true, .type = "text" };
	field_text(r, &fl, &p);
	form_submit_end(r, T(r, M_VOICE_HIDE_SUBMIT));
	page_end_back(r);
}

static void page_voice_comment_unhide(struct http_req *r)
{
	if (!logged_in(r))
		return;
	int rc = comment_unhide(r->store, r->arena, &r->viewer, r->params[0], r->params[1]);
	/* shown already (another tab): the same outcome */
	answer(r, rc == ERR_CONFLICT ? 0 : rc, "getoond", NULL, r->params[1]);
}

const struct http_route web_voice_routes[] = {
	{ HM_POST, "/vraagstukken/{id}/steunen", page_voice_support, 0 },
	{ HM_POST, "/vraagstukken/{id}/steun-intrekken", page_voice_withdraw, 0 },
	{ HM_POST, "/vraagstukken/{id}/volgen", page_voice_follow, 0 },
	{ HM_POST, "/vraagstukken/{id}/ontvolgen", page_voice_unfollow, 0 },
	{ HM_POST, "/vraagstukken/{id}/reacties", page_voice_comment, 0 },
	{ HM_GET | HM_POST, "/vraagstukken/{id}/reacties/{cid}/bewerken", page_voice_comment_edit, 0 },
	{ HM_GET | HM_POST, "/vraagstukken/{id}/reacties/{cid}/verbergen", page_voice_comment_hide, 0 },
	{ HM_POST, "/vraagstukken/{id}/reacties/{cid}/tonen", page_voice_comment_unhide, 0 },
	{ 0 },
};
