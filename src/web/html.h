/* html: writing HTML into a buf, escaped by default.
 *
 * html_f() is printf whose %s arguments are HTML-escaped (& < > " '), so
 * text and attribute values are safe wherever they go, as long as
 * attributes are quoted (they always are in kiem). Markup that must not be
 * escaped goes through html_raw(), whose name says so; Markdown through
 * html_markdown(), which uses cmark's safe mode (no raw HTML, no
 * javascript: links). */
#ifndef KIEM_HTML_H
#define KIEM_HTML_H

#include "../base/buf.h"

/* Appends s escaped. */
void html_esc(struct buf *b, const char *s);
/* printf with every %s escaped; also %d, %ld, %lld, %zu, %u and %%. */
void html_f(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends trusted markup as it is: only literals and kiem's own output. */
void html_raw(struct buf *b, const char *markup);
/* Renders Markdown safely. */
void html_markdown(struct buf *b, const char *md);

#endif
