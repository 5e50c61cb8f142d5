#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

char buf_empty[1];

void buf_init(struct buf *b, size_t max)
{
	b->ptr = buf_empty;
	b->len = b->cap = 0;
	b->max = max;
	b->err = 0;
}

void buf_release(struct buf *b)
{
	if (b->cap)
		free(b->ptr);
	buf_init(b, b->max);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	b->err = 0;
	if (b->cap)
		b->ptr[0] = 0;
}

char *buf_take(struct buf *b, size_t *len)
{
	char *p;
	if (b->err)
		return NULL;
	if (!b->cap) {
		p = malloc(1);
		if (p)
			p[0] = 0;
	} else {
		p = b->ptr;
	}
	if (len)
		*len = b->len;
	buf_init(b, b->max);
	return p;
}

/* Makes room for n more bytes plus the NUL; 0 if there is room. */
static int grow(struct buf *b, size_t n)
{
	if (b->err)
		return -1;
	if (n > b->max || b->len > b->max - n) {
		b->err = ERR_TOOBIG;
		return -1;
	}
	size_t need = b->len + n + 1;
	if (need <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	char *p = realloc(b->cap ? b->ptr : NULL, cap);
	if (!p) {
		b->err = ERR_NOMEM;
		return -1;
	}
	if (!b->cap)
		p[0] = 0;
	b->ptr = p;
	b->cap = cap;
	return 0;
}

void buf_add(struct buf *b, const void *p, size_t n)
{
	if (grow(b, n))
		return;
	memcpy(b->ptr + b->len, p, n);
	b->len += n;
	b->ptr[b->len] = 0;
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc_slow(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_reserve(struct buf *b, size_t n)
{
	if (!b->err && b->len < b->max)
		grow(b, n < b->max - b->len ? n : b->max - b->len);
}

void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	char small[256];
	va_copy(cp, ap);
	int n = vsnprintf(small, sizeof small, fmt, cp);
	va_end(cp);
	if (n < 0) {
		b->err = ERR_INVALID;
		return;
	}
	if ((size_t)n < sizeof small) {
		buf_add(b, small, (size_t)n);
		return;
	}
	if (grow(b, (size_t)n))
		return;
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}
