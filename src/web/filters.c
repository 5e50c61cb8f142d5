#include "filters.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/text.h"
#include "../model/area.h"
#include "html.h"

const char *filters_param(struct http_req *r, const char *name)
{
	const char *v = http_query(r, name);
	return v && *v ? v : NULL;
}

static bool is(const char *value, const char *key)
{
	return value && strcmp(value, key) == 0;
}

/* A text box in place of a select, or for what has no set of values. */
static void text_box(struct http_req *r, const struct filter *f, const char *label, const struct problems *p)
{
	struct field t = { .name = f->name, .label = label, .hint = f->hint, .value = f->value, .quiet = true,
			   .type = f->kind == FILTER_SEARCH ? "search" : NULL };
	field_text(r, &t, p);
}

static void draw(struct http_req *r, const struct filter *f, const struct problems *p)
{
	if (f->kind == FILTER_SEARCH || f->kind == FILTER_TEXT || (f->kind == FILTER_CHOICES && !f->choices)) {
		text_box(r, f, f->label, p);
		return;
	}
	/* a select of the choices, the one chosen selected */
	size_t n = f->n;
	struct choice *c = f->kind == FILTER_AREA ? web_area_choices(r, 300, &n) : arena_alloc(r->arena, sizeof *c * (n + 1));
	if (!c) { /* too many areas: their code, typed */
		text_box(r, f, T(r, M_AREA_CODE), p);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (f->kind == FILTER_ENUM)
			c[i] = (struct choice){ f->keys[i].key, f->keys[i].name[r->lang], NULL, false, 0 };
		else if (f->kind == FILTER_CHOICES)
			c[i] = f->choices[i];
		else if (f->kind == FILTER_SORT)
			c[i] = (struct choice){ f->sorts[i], f->sort_names[i], NULL, false, 0 };
		c[i].checked = f->kind == FILTER_SORT && !f->value ? i == 0 : is(f->value, c[i].value);
	}
	field_select(r, f->name, f->label, f->kind == FILTER_SORT ? NULL : f->all, c, n);
}

void filters_form(struct http_req *r, const char *path, const struct filter *f, size_t n,
		  const struct problems *p)
{
	struct field_label *labels = arena_alloc(r->arena, sizeof *labels * (n + 1));
	for (size_t i = 0; i < n; i++)
		labels[i] = (struct field_label){ f[i].name, f[i].label };
	form_begin(r, path, false);
	html_f(&r->out, "<fieldset class=\"filters\">\n<legend>%s</legend>\n", T(r, M_FILTER_LEGEND));
	form_error_summary(r, p, labels, n);
	for (size_t i = 0; i < n; i++)
		draw(r, &f[i], p);
	html_f(&r->out, "<div class=\"actions\"><button type=\"submit\">%s</button> <a href=\"%s\">%s</a></div>\n"
			"</fieldset>\n",
	       T(r, M_FILTER_SUBMIT), path, T(r, M_FILTER_CLEAR));
	form_end(r);
}

const char *filters_url(struct http_req *r, const char *path, const struct filter *f, size_t n,
			const char *cursor)
{
	struct buf b = BUF_INIT(8192);
	buf_adds(&b, path);
	char sep = '?';
	for (size_t i = 0; i <= n; i++) {
		const char *key = i < n ? f[i].name : "cursor", *value = i < n ? f[i].value : cursor;
		if (!value || !*value)
			continue;
		buf_addc(&b, sep);
		sep = '&';
		buf_printf(&b, "%s=", key);
		text_url_encode(&b, value);
	}
	const char *s = arena_strdup(r->arena, b.err ? path : b.ptr);
	buf_release(&b);
	return s;
}

void filters_paging(struct http_req *r, const char *path, const struct filter *f, size_t n, const char *cursor,
		    const char *next)
{
	if (next || cursor)
		page_paging(r, T(r, M_PAGING), cursor ? filters_url(r, path, f, n, NULL) : NULL, T(r, M_PAGE_FIRST),
			    next ? filters_url(r, path, f, n, next) : NULL, T(r, M_PAGE_NEXT));
}
