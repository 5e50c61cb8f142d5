#include "html.h"

#include <cmark.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void html_esc(struct buf *b, const char *s)
{
	if (!s)
		return;
	const char *run = s;
	for (const char *p = s; *p; p++) {
		const char *rep;
		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_add(b, run, (size_t)(p - run));
		buf_adds(b, rep);
		run = p + 1;
	}
	buf_adds(b, run);
}

void html_raw(struct buf *b, const char *markup)
{
	buf_adds(b, markup);
}

void html_f(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *p = fmt;
	while (*p) {
		const char *pct = strchr(p, '%');
		if (!pct) {
			buf_adds(b, p);
			break;
		}
		buf_add(b, p, (size_t)(pct - p));
		p = pct + 1;
		if (*p == 's') {
			html_esc(b, va_arg(ap, const char *));
			p++;
		} else if (*p == 'd') {
			buf_printf(b, "%d", va_arg(ap, int));
			p++;
		} else if (*p == 'u') {
			buf_printf(b, "%u", va_arg(ap, unsigned));
			p++;
		} else if (p[0] == 'l' && p[1] == 'd') {
			buf_printf(b, "%ld", va_arg(ap, long));
			p += 2;
		} else if (p[0] == 'l' && p[1] == 'l' && p[2] == 'd') {
			buf_printf(b, "%lld", va_arg(ap, long long));
			p += 3;
		} else if (p[0] == 'z' && p[1] == 'u') {
			buf_printf(b, "%zu", va_arg(ap, size_t));
			p += 2;
		} else if (*p == '%') {
			buf_addc(b, '%');
			p++;
		} else {
			buf_addc(b, '%'); /* not a conversion kiem uses: keep it as text */
		}
	}
	va_end(ap);
}

void html_markdown(struct buf *b, const char *md)
{
	if (!md || !*md)
		return;
	char *out = cmark_markdown_to_html(md, strlen(md), CMARK_OPT_SAFE | CMARK_OPT_SMART);
	if (out) {
		buf_adds(b, out);
		free(out);
	}
}
