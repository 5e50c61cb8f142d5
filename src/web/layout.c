#include "layout.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../model/activity.h"
#include "../model/area.h"
#include "html.h"

static struct buf *out(struct http_req *r)
{
	return &r->out;
}

struct lang_ctx {
	struct buf *b;
	char sep;
};

static void add_param(void *ctx, const char *k, const char *v)
{
	struct lang_ctx *c = ctx;
	if (strcmp(k, "lang") == 0)
		return;
	buf_addc(c->b, c->sep);
	c->sep = '&';
	text_url_encode(c->b, k);
	buf_addc(c->b, '=');
	text_url_encode(c->b, v);
}

const char *page_lang_url(struct http_req *r, const char *lang)
{
	struct buf b = BUF_INIT(8192);
	buf_adds(&b, r->path);
	struct lang_ctx c = { &b, '?' };
	http_query_each(r, add_param, &c);
	buf_printf(&b, "%clang=%s", c.sep, lang);
	const char *s = arena_strdup(r->arena, b.err ? r->path : b.ptr);
	buf_release(&b);
	return s;
}

const char *page_date(struct http_req *r, const char *t)
{
	char out[TIME_LOCAL_MAX];
	time_t when;
	if (t && strlen(t) == TIME_STRLEN && time_parse(t, TIME_STRLEN, &when)) {
		time_local_date(when, r->lang, out, sizeof out); /* the reader's calendar */
		return arena_strdup(r->arena, out);
	}
	/* a date without a time of day: "2026-11-27" */
	static const char *const months[2][12] = {
		{ "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
		  "september", "oktober", "november", "december" },
		{ "January", "February", "March", "April", "May", "June", "July", "August",
		  "September", "October", "November", "December" },
	};
	long long y, m, d;
	if (!t || strlen(t) < 10 || !text_parse_int(t, 4, 1970, 9999, &y) ||
	    !text_parse_int(t + 5, 2, 1, 12, &m) || !text_parse_int(t + 8, 2, 1, 31, &d))
		return t ? t : "";
	return r->lang == LANG_EN ? arena_printf(r->arena, "%lld %s %lld", d, months[1][m - 1], y)
				  : arena_printf(r->arena, "%lld %s %lld", d, months[0][m - 1], y);
}

const char *page_datetime(struct http_req *r, const char *t)
{
	time_t when;
	if (!t || strlen(t) != TIME_STRLEN || !time_parse(t, TIME_STRLEN, &when))
		return page_date(r, t);
	char date[TIME_LOCAL_MAX], clock[TIME_LOCAL_MAX];
	time_local_date(when, r->lang, date, sizeof date);
	time_local_clock(when, clock, sizeof clock);
	/* in the instance's zone, as on the reader's clock; UTC is named, as
	 * nobody's clock shows it */
	return arena_printf(r->arena, T(r, time_zone_is_utc() ? M_DATETIME_UTC : M_DATETIME), date, clock);
}

void page_time(struct http_req *r, const char *t)
{
	html_f(out(r), "<time datetime=\"%s\">%s</time>", t ? t : "", page_datetime(r, t));
}

/* Digits of n (without sign) grouped in threes by sep. */
static char *grouped(char *out, size_t cap, unsigned long long n, char sep)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%llu", n);
	size_t o = 0;
	for (int i = 0; i < len && o + 2 < cap; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[o++] = sep;
		out[o++] = digits[i];
	}
	out[o] = 0;
	return out;
}

static unsigned long long magnitude(long long v)
{
	return v < 0 ? (unsigned long long)(-(v + 1)) + 1 : (unsigned long long)v;
}

const char *page_number(struct http_req *r, long long n)
{
	char g[48];
	grouped(g, sizeof g, magnitude(n), r->lang == LANG_NL ? '.' : ',');
	return arena_printf(r->arena, "%s%s", n < 0 ? "−" : "", g);
}

const char *page_euros(struct http_req *r, long long cents)
{
	unsigned long long m = magnitude(cents);
	char g[48];
	bool nl = r->lang == LANG_NL;
	grouped(g, sizeof g, m / 100, nl ? '.' : ',');
	const char *sign = cents < 0 ? "−" : "";
	if (m % 100 == 0)
		return arena_printf(r->arena, nl ? "%s€ %s" : "%s€%s", sign, g);
	return arena_printf(r->arena, nl ? "%s€ %s,%02llu" : "%s€%s.%02llu", sign, g, m % 100);
}

static void nav_item(struct http_req *r, const char *href, enum msg label, bool current)
{
	html_f(out(r), "<li><a href=\"%s\"", href);
	if (current)
		html_raw(out(r), " aria-current=\"page\"");
	html_f(out(r), ">%s</a></li>", T(r, label));
}

void page_begin(struct http_req *r, const char *title, enum nav current)
{
	struct buf *b = out(r);
	buf_reset(b);
	r->content_type = "text/html; charset=utf-8";
	if (!r->status)
		r->status = 200;
	bool en = r->lang == LANG_EN;
	html_f(b, "<!doctype html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		  "<title>%s – kiem</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n"
		  "</head>\n<body>\n",
	       en ? "en" : "nl", title);
	html_f(b, "<a class=\"skip\" href=\"#main\">%s</a>\n", T(r, M_SKIP));
	html_f(b, "<header class=\"site\">\n<div class=\"wrap\">\n"
		  "<p class=\"brand\"><a href=\"/\">kiem</a> <span>%s</span></p>\n",
	       T(r, M_SITE_TAGLINE));
	html_f(b, "<nav aria-label=\"%s\">\n<ul>\n", T(r, M_NAV_LABEL));
	nav_item(r, "/", M_NAV_HOME, current == NAV_HOME);
	nav_item(r, "/partijen", M_NAV_PARTIES, current == NAV_PARTIES);
	nav_item(r, "/vraagstukken", M_NAV_ISSUES, current == NAV_ISSUES); /* issues core */
	nav_item(r, "/initiatieven", M_NAV_INITIATIVES, current == NAV_INITIATIVES); /* issue 11, part A */
	nav_item(r, "/bijeenkomsten", M_EVENTS_TITLE, current == NAV_EVENTS); /* issue 11 */
	nav_item(r, "/samenwerkingen", M_COAL_TITLE, current == NAV_COALITIONS); /* issue 11 */
	/* signals (issue 4, signals part): for those logged in, who report and read them */
	if (r->viewer.authenticated)
		nav_item(r, "/signalen", M_NAV_SIGNALS, current == NAV_SIGNALS);
	if (r->viewer.authenticated && activity_can_read(&r->viewer))
		nav_item(r, "/beheer/activiteit", M_NAV_ACTIVITY, current == NAV_ACTIVITY);
	if (r->viewer.authenticated && perm_can(&r->viewer, OBJ_USERS, ACT_READ, NULL))
		nav_item(r, "/beheer/gebruikers", M_NAV_USERS, current == NAV_USERS);
	if (r->viewer.authenticated)
		nav_item(r, "/account", M_NAV_ACCOUNT, current == NAV_ACCOUNT);
	else {
		nav_item(r, "/inloggen", M_NAV_LOGIN, current == NAV_LOGIN);
		nav_item(r, "/registreren", M_NAV_REGISTER, current == NAV_REGISTER);
	}
	html_raw(b, "</ul>\n</nav>\n<div class=\"tools\">\n");
	html_f(b, "<a href=\"%s\" lang=\"%s\" hreflang=\"%s\" aria-label=\"%s\">%s</a>\n",
	       page_lang_url(r, en ? "nl" : "en"), en ? "nl" : "en", en ? "nl" : "en",
	       T(r, M_OTHER_LANG_LABEL), T(r, M_OTHER_LANG));
	if (r->viewer.authenticated) {
		html_raw(b, "<span class=\"who\">");
		html_f(b, T(r, M_LOGGED_IN_AS), r->viewer.name);
		html_raw(b, "</span>\n");
		form_button(r, "/uitloggen", T(r, M_NAV_LOGOUT), "link", NULL);
	}
	html_raw(b, "</div>\n</div>\n</header>\n<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n");
}

void page_end(struct http_req *r)
{
	html_raw(out(r), "</main>\n<footer class=\"site\">\n<div class=\"wrap\">\n<p>");
	html_raw(out(r), T(r, M_FOOTER_HTML));
	html_f(out(r), "</p>\n<p><a href=\"/privacy\">%s</a> · <a href=\"/open-data\">%s</a></p>\n"
		       "</div>\n</footer>\n</body>\n</html>\n",
	       T(r, M_FOOTER_PRIVACY), T(r, M_FOOTER_API));
}

void page_notice(struct http_req *r, const char *text)
{
	html_f(out(r), "<div class=\"notice\" role=\"status\"><p>%s</p></div>\n", text);
}

void page_notices(struct http_req *r, const char *param, const struct notice *keys, size_t n)
{
	const char *value = param ? http_query(r, param) : NULL;
	for (size_t i = 0; i < n; i++)
		if (param ? value && !strcmp(value, keys[i].key) : http_query(r, keys[i].key) != NULL) {
			page_notice(r, T(r, keys[i].text));
			return;
		}
}

void page_alert(struct http_req *r, const char *id, const char *title, const char *text)
{
	html_f(out(r), "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"%s\">\n"
		       "<h2>%s</h2>\n<p>%s</p>\n</div>\n", id, title, text);
}

void page_section(struct http_req *r, const char *id, const char *title)
{
	html_f(out(r), "<section aria-labelledby=\"%s\">\n<h2 id=\"%s\">%s</h2>\n", id, id, title);
}

void page_table_begin(struct http_req *r, const char *labelled_by, const char *cls, const char *const *heads,
		      size_t n, const char *actions)
{
	struct buf *b = out(r);
	html_f(b, "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"%s\" tabindex=\"0\">\n"
		  "<table class=\"%s\">\n<thead><tr>", labelled_by, cls);
	for (size_t i = 0; i < n; i++)
		html_f(b, "<th scope=\"col\">%s</th>", heads[i]);
	if (actions)
		html_f(b, "<th scope=\"col\"><span class=\"visually-hidden\">%s</span></th>", actions);
	html_raw(b, "</tr></thead>\n<tbody>\n");
}

void page_table_end(struct http_req *r)
{
	html_raw(out(r), "</tbody>\n</table>\n</div>\n");
}

void page_paging(struct http_req *r, const char *label, const char *first_href, const char *first,
		 const char *next_href, const char *next)
{
	struct buf *b = out(r);
	html_f(b, "<nav class=\"paging\" aria-label=\"%s\"><ul>\n", label);
	if (first_href)
		html_f(b, "<li><a href=\"%s\">%s</a></li>\n", first_href, first);
	if (next_href)
		html_f(b, "<li><a href=\"%s\" rel=\"next\">%s</a></li>\n", next_href, next);
	html_raw(b, "</ul></nav>\n");
}

void page_scroll_hint(struct http_req *r)
{
	html_f(out(r), "<p class=\"scroll-hint\">%s</p>\n", T(r, M_TABLE_SCROLL_HINT));
}

void page_message(struct http_req *r, int status, const char *title, const char *text)
{
	r->status = status;
	page_begin(r, title, NAV_NONE);
	html_f(out(r), "<h1>%s</h1>\n<p>%s</p>\n<p><a href=\"/\">%s</a></p>\n", title, text,
	       T(r, M_ERR_BACK_HOME));
	page_end(r);
}

const char *page_url(struct http_req *r, const char *path, const char *k1, const char *v1,
		     const char *k2, const char *v2)
{
	struct buf b = BUF_INIT(4096);
	buf_adds(&b, path);
	char sep = '?';
	const char *k[] = { k1, k2 }, *v[] = { v1, v2 };
	for (int i = 0; i < 2; i++) {
		if (!k[i] || !v[i] || !*v[i])
			continue;
		buf_addc(&b, sep);
		buf_adds(&b, k[i]);
		buf_addc(&b, '=');
		text_url_encode(&b, v[i]);
		sep = '&';
	}
	const char *out = arena_strdup(r->arena, b.err ? path : b.ptr);
	buf_release(&b);
	return out;
}

bool page_login_needed(struct http_req *r, const char *next)
{
	if (r->viewer.authenticated)
		return false;
	page_login_redirect(r, next ? next : r->path);
	return true;
}

void page_login_redirect(struct http_req *r, const char *next)
{
	struct buf b = BUF_INIT(4096);
	buf_adds(&b, "/inloggen?next=");
	text_url_encode(&b, next);
	http_redirect(r, arena_strdup(r->arena, b.err ? "/inloggen" : b.ptr));
	buf_release(&b);
}

void form_begin(struct http_req *r, const char *action, bool post)
{
	html_f(out(r), "<form action=\"%s\" method=\"%s\"%s>\n", action, post ? "post" : "get",
	       post ? " novalidate" : "");
	if (post)
		html_f(out(r), "<input type=\"hidden\" name=\"_csrf\" value=\"%s\">\n", http_csrf_token(r));
}

void form_end(struct http_req *r)
{
	html_raw(out(r), "</form>\n");
}

void form_button(struct http_req *r, const char *action, const char *text, const char *cls,
		 const char *aria_label)
{
	form_begin(r, action, true);
	html_raw(out(r), "<button type=\"submit\"");
	if (cls)
		html_f(out(r), " class=\"%s\"", cls);
	if (aria_label)
		html_f(out(r), " aria-label=\"%s\"", aria_label);
	html_f(out(r), ">%s</button>\n", text);
	form_end(r);
}

void form_submit_end(struct http_req *r, const char *text)
{
	html_f(out(r), "<div class=\"actions\"><button type=\"submit\">%s</button></div>\n", text);
	form_end(r);
}

bool page_form(struct http_req *r, struct form *f)
{
	if (http_form_parse(r, f))
		return true;
	web_error_page(r, 400);
	return false;
}

/* The id of a field's first control: the field itself, or its first choice. */
static const char *anchor(struct http_req *r, const char *name)
{
	return arena_printf(r->arena, "f-%s", name);
}

void form_error_summary(struct http_req *r, const struct problems *p,
			const struct field_label *labels, size_t n)
{
	if (!p || !p->n)
		return;
	struct buf *b = out(r);
	html_f(b, "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">\n"
		  "<h2 id=\"error-summary-title\">%s</h2>\n<p>%s</p>\n<ul>\n",
	       T(r, M_ERROR_SUMMARY), T(r, M_ERROR_SUMMARY_TEXT));
	/* in the order of the form; problems of no field (a bad cursor) last,
	 * as text without a link */
	bool shown[PROBLEMS_MAX] = { false };
	for (size_t j = 0; j <= n; j++) {
		for (size_t i = 0; i < p->n; i++) {
			if (shown[i] || (j < n && strcmp(labels[j].name, p->v[i].field) != 0))
				continue;
			shown[i] = true;
			char msg[256];
			problem_text(&p->v[i], r->lang, msg, sizeof msg);
			if (j < n)
				html_f(b, "<li><a href=\"#%s\">%s: %s</a></li>\n", anchor(r, p->v[i].field),
				       labels[j].label, msg);
			else
				html_f(b, "<li>%s</li>\n", msg);
		}
	}
	html_raw(b, "</ul>\n</div>\n");
}

/* Writes the hint and the error of a field; returns the aria-describedby
 * value (or ""). */
static const char *hint_and_error(struct http_req *r, struct buf *b, const char *name,
				  const char *hint, const struct problems *p, bool *invalid)
{
	const struct problem *pr = p ? problems_find(p, name) : NULL;
	const char *ids = "";
	if (hint) {
		html_f(b, "<p class=\"hint\" id=\"%s-hint\">%s</p>\n", name, hint);
		ids = arena_printf(r->arena, "%s-hint", name);
	}
	if (pr) {
		char msg[256];
		problem_text(pr, r->lang, msg, sizeof msg);
		html_f(b, "<p class=\"error\" id=\"%s-error\"><span class=\"visually-hidden\">%s</span> %s</p>\n",
		       name, T(r, M_ERROR_PREFIX), msg);
		ids = *ids ? arena_printf(r->arena, "%s %s-error", ids, name) : arena_printf(r->arena, "%s-error", name);
	}
	*invalid = pr != NULL;
	return ids;
}

static void label(struct http_req *r, const char *name, const char *text, bool marker)
{
	html_f(out(r), "<label for=\"%s\">%s", anchor(r, name), text);
	if (marker)
		html_f(out(r), " <span class=\"optional\">%s</span>", T(r, M_OPTIONAL));
	html_raw(out(r), "</label>\n");
}

void field_text(struct http_req *r, const struct field *f, const struct problems *p)
{
	struct buf *b = out(r);
	bool invalid;
	html_f(b, "<div class=\"field%s\">\n", p && problems_find(p, f->name) ? " has-error" : "");
	label(r, f->name, f->label, !f->required && !f->quiet);
	const char *ids = hint_and_error(r, b, f->name, f->hint, p, &invalid);
	html_f(b, "<input id=\"%s\" name=\"%s\" type=\"%s\" value=\"%s\"", anchor(r, f->name), f->name,
	       f->type ? f->type : "text", f->value ? f->value : "");
	if (*ids)
		html_f(b, " aria-describedby=\"%s\"", ids);
	if (invalid)
		html_raw(b, " aria-invalid=\"true\"");
	if (f->required)
		html_raw(b, " required");
	if (f->autocomplete)
		html_f(b, " autocomplete=\"%s\"", f->autocomplete);
	if (f->inputmode)
		html_f(b, " inputmode=\"%s\"", f->inputmode);
	html_raw(b, ">\n</div>\n");
}

void field_textarea(struct http_req *r, const struct field *f, int rows, const struct problems *p)
{
	struct buf *b = out(r);
	bool invalid;
	html_f(b, "<div class=\"field%s\">\n", p && problems_find(p, f->name) ? " has-error" : "");
	label(r, f->name, f->label, !f->required && !f->quiet);
	const char *ids = hint_and_error(r, b, f->name, f->hint, p, &invalid);
	html_f(b, "<textarea id=\"%s\" name=\"%s\" rows=\"%d\"", anchor(r, f->name), f->name, rows);
	if (*ids)
		html_f(b, " aria-describedby=\"%s\"", ids);
	if (invalid)
		html_raw(b, " aria-invalid=\"true\"");
	html_f(b, ">%s</textarea>\n</div>\n", f->value ? f->value : "");
}

void field_choices(struct http_req *r, const char *name, const char *legend, const char *hint,
		   const struct choice *c, size_t n, bool multiple, const struct problems *p)
{
	struct buf *b = out(r);
	bool invalid;
	/* the hint and error describe the whole group */
	struct buf he = BUF_INIT(4096);
	const char *ids = hint_and_error(r, &he, name, hint, p, &invalid);
	html_f(b, "<div class=\"field%s\">\n<fieldset id=\"%s\" tabindex=\"-1\"",
	       invalid ? " has-error" : "", anchor(r, name));
	if (*ids)
		html_f(b, " aria-describedby=\"%s\"", ids);
	html_f(b, ">\n<legend>%s", legend);
	if (multiple)
		html_f(b, " <span class=\"optional\">%s</span>", T(r, M_OPTIONAL));
	html_raw(b, "</legend>\n");
	buf_add(b, he.ptr, he.len);
	buf_release(&he);
	html_f(b, "<div class=\"choices%s\">\n", multiple ? " multiple" : "");
	for (size_t i = 0; i < n; i++) {
		const char *id = arena_printf(r->arena, "%s-%zu", anchor(r, name), i);
		html_f(b, "<div class=\"choice indent-%d\">\n<input id=\"%s\" name=\"%s\" type=\"%s\" value=\"%s\"%s",
		       c[i].indent, id, name, multiple ? "checkbox" : "radio", c[i].value,
		       c[i].checked ? " checked" : "");
		if (c[i].hint)
			html_f(b, " aria-describedby=\"%s-hint\"", id);
		html_f(b, ">\n<label for=\"%s\">%s</label>\n", id, c[i].label);
		if (c[i].hint)
			html_f(b, "<p class=\"hint\" id=\"%s-hint\">%s</p>\n", id, c[i].hint);
		html_raw(b, "</div>\n");
	}
	html_raw(b, "</div>\n</fieldset>\n</div>\n");
}

void field_select(struct http_req *r, const char *name, const char *label_text, const char *empty_label,
		  const struct choice *c, size_t n)
{
	struct buf *b = out(r);
	html_f(b, "<div class=\"field\">\n<label for=\"%s\">%s</label>\n<select id=\"%s\" name=\"%s\">\n",
	       anchor(r, name), label_text, anchor(r, name), name);
	if (empty_label)
		html_f(b, "<option value=\"\">%s</option>\n", empty_label);
	for (size_t i = 0; i < n; i++) {
		html_f(b, "<option value=\"%s\"%s>", c[i].value, c[i].checked ? " selected" : "");
		for (int d = 0; d < c[i].indent; d++)
			html_raw(b, "&nbsp;&nbsp;");
		html_f(b, "%s</option>\n", c[i].label);
	}
	html_raw(b, "</select>\n</div>\n");
}

/* ---- widgets several pages share ---- */

struct choice *web_area_choices(struct http_req *r, size_t max, size_t *n)
{
	struct area *areas;
	const char *next;
	struct area_filter f = { .max_depth = 4, .limit = (int)max };
	if (area_list(r->store, r->arena, &f, &areas, n, &next) || next)
		return NULL;
	struct choice *c = arena_alloc(r->arena, sizeof *c * (*n + 1));
	for (size_t i = 0; i < *n; i++)
		c[i] = (struct choice){ areas[i].code, areas[i].name, NULL, false, area_depth(&areas[i]) - 1 };
	return c;
}

void web_area_pick(struct http_req *r, const struct field *code, const char *legend, const char *hint, size_t max,
		   const struct problems *p)
{
	size_t n = 0;
	struct choice *c = web_area_choices(r, max, &n);
	if (!c || !n) {
		field_text(r, code, p);
		return;
	}
	for (size_t i = 0; i < n; i++)
		c[i].checked = code->value && !strcmp(code->value, c[i].value);
	field_choices(r, code->name, legend, hint, c, n, false, p);
}

const char *web_area_name(struct http_req *r, const char *code)
{
	struct area ar;
	return area_get(r->store, r->arena, code, &ar) == 0 ? ar.name : code;
}

const char *web_enum_name(struct http_req *r, const struct enum_entry *e, size_t n, const char *key)
{
	int i = key ? enum_find(e, (int)n, key) : -1;
	return i < 0 ? (key ? key : "") : e[i].name[r->lang];
}

const char *web_member_role(struct http_req *r, enum member_role role)
{
	return T(r, role == MEMBER_ADMIN ? M_MEMBER_ROLE_ADMIN : M_MEMBER_ROLE_MEMBER);
}

void web_mail_refused(struct http_req *r, int rc, long wait)
{
	r->status = rc == ERR_BUSY ? 429 : 400;
	if (rc == ERR_BUSY)
		http_add_header(r, "Retry-After", arena_printf(r->arena, "%ld", wait));
}

void web_mail_throttled_notice(struct http_req *r, long wait)
{
	html_f(&r->out, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\">\n<h2>%s</h2>\n<p>",
	       T(r, M_ERROR_SUMMARY));
	html_f(&r->out, T(r, M_MAIL_THROTTLED), (wait + 59) / 60);
	html_raw(&r->out, "</p>\n</div>\n");
}
