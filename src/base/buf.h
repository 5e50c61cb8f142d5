/* buf: a growable string builder.
 *
 * A buf is never NULL and always NUL-terminated, so b->ptr can be used as a
 * C string at any time. Each buf has a size limit; an append that would pass
 * it (or fail to allocate) sets b->err, which sticks: later appends do
 * nothing, and the caller checks b->err once at the end.
 *
 *     struct buf b = BUF_INIT(1 << 20);
 *     buf_adds(&b, "hello");
 *     buf_printf(&b, " %d", 42);
 *     if (b.err) ...;
 *     buf_release(&b);
 */
#ifndef KIEM_BUF_H
#define KIEM_BUF_H

#include <stdarg.h>
#include <stddef.h>

extern char buf_empty[1];

struct buf {
	char *ptr;
	size_t len;
	size_t cap;
	size_t max; /* the most bytes this buf may hold, excluding the NUL */
	int err;    /* 0, or ERR_TOOBIG / ERR_NOMEM once an append failed */
};

#define BUF_INIT(limit) { buf_empty, 0, 0, (limit), 0 }

void buf_init(struct buf *b, size_t max);
void buf_release(struct buf *b);
/* Hands the malloc'ed string out (free() it); the buf is empty afterwards.
 * Returns a fresh allocation even for an empty buf. NULL if allocation failed. */
char *buf_take(struct buf *b, size_t *len);
void buf_reset(struct buf *b);
/* Makes room for n more bytes, so that that many appends need no
 * allocation (a response answered in one piece, not in a dozen reallocs). */
void buf_reserve(struct buf *b, size_t n);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc_slow(struct buf *b, char c);

/* One byte: inline, since the JSON and HTML writers add punctuation a byte
 * at a time; the room, the limit and a stuck error go the slow way. */
static inline void buf_addc(struct buf *b, char c)
{
	if (b->len + 1 < b->cap && b->len < b->max && !b->err) {
		b->ptr[b->len++] = c;
		b->ptr[b->len] = 0;
	} else {
		buf_addc_slow(b, c);
	}
}
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);

#endif
