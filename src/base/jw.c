#include "jw.h"

#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "err.h"

void jw_init(struct jw *w, struct buf *b)
{
	memset(w, 0, sizeof *w);
	w->b = b;
}

/* Before a value or a key: the comma that separates it from the one before,
 * unless it is the value of a key just written. */
static void sep(struct jw *w)
{
	if (w->key) {
		w->key = false;
		return;
	}
	if (w->more[w->depth])
		buf_addc(w->b, ',');
	w->more[w->depth] = true;
}

static void open_with(struct jw *w, char c, char close)
{
	sep(w);
	if (w->depth == JW_DEPTH_MAX) { /* deeper than any answer of kiem: a bug */
		w->b->err = ERR_TOOBIG;
		return;
	}
	buf_addc(w->b, c);
	w->depth++;
	w->more[w->depth] = false;
	w->close[w->depth] = close;
}

void jw_obj(struct jw *w)
{
	open_with(w, '{', '}');
}

void jw_arr(struct jw *w)
{
	open_with(w, '[', ']');
}

void jw_end(struct jw *w)
{
	if (!w->depth)
		return;
	buf_addc(w->b, w->close[w->depth]);
	w->depth--;
}

/* The length of the valid UTF-8 sequence at p (at most n bytes), or 0. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	size_t len;
	unsigned min;
	if (c < 0x80)
		return 1;
	else if (c >= 0xc2 && c <= 0xdf)
		len = 2, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, min = 0x10000;
	else
		return 0;
	if (len > n)
		return 0;
	unsigned cp = c & (0x7f >> len);
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

/* A byte a JSON string carries as it is: printable ASCII but the quote and
 * the backslash. */
static inline bool plain(unsigned char c)
{
	return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* Whether all 8 bytes at p are plain, a word at a time (the haszero and
 * hasless tricks of Bit Twiddling Hacks): most of an answer is plain
 * text. A byte that is not plain always makes it false; one next to it may
 * too, which only sends those bytes the slow way. */
static inline bool plain8(const unsigned char *p)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), highs = ones * 0x80;
	uint64_t x, q, bs;
	memcpy(&x, p, 8);
	q = x ^ (ones * '"');
	bs = x ^ (ones * '\\');
	return !((((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((bs - ones) & ~bs) | x) & highs);
}

static void string(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	buf_addc(b, '"');
	size_t i = 0, from = 0; /* p[from..i) needs no escape */
	while (i < n) {
		while (n - i >= 8 && plain8(p + i))
			i += 8;
		while (i < n && plain(p[i]))
			i++;
		if (i == n)
			break;
		unsigned c = p[i];
		size_t len = c < 0x80 ? 1 : utf8_seq(p + i, n - i);
		if (len > 1) {
			i += len;
			continue;
		}
		buf_add(b, p + from, i - from);
		if (!len) {
			buf_adds(b, "\xef\xbf\xbd"); /* U+FFFD for a byte that is no UTF-8 */
		} else if (c == '"' || c == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)c);
		} else if (c == '\n') {
			buf_adds(b, "\\n");
		} else if (c == '\r') {
			buf_adds(b, "\\r");
		} else if (c == '\t') {
			buf_adds(b, "\\t");
		} else {
			char u[7] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0 };
			buf_add(b, u, 6);
		}
		from = ++i;
	}
	buf_add(b, p + from, i - from);
	buf_addc(b, '"');
}

void jw_key(struct jw *w, const char *k)
{
	sep(w);
	string(w->b, k, strlen(k));
	buf_addc(w->b, ':');
	w->key = true;
}

void jw_strn(struct jw *w, const char *s, size_t n)
{
	sep(w);
	string(w->b, s, n);
}

void jw_str(struct jw *w, const char *s)
{
	if (!s)
		jw_null(w);
	else
		jw_strn(w, s, strlen(s));
}

void jw_int(struct jw *w, long long v)
{
	sep(w);
	char n[24], *end = n + sizeof n, *q = end;
	unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
	do {
		*--q = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--q = '-';
	buf_add(w->b, q, (size_t)(end - q));
}

void jw_bool(struct jw *w, bool v)
{
	sep(w);
	buf_adds(w->b, v ? "true" : "false");
}

void jw_null(struct jw *w)
{
	sep(w);
	buf_adds(w->b, "null");
}

void jw_raw(struct jw *w, const char *json, size_t n)
{
	sep(w);
	buf_add(w->b, json, n);
}

void jw_kstr(struct jw *w, const char *k, const char *s)
{
	jw_key(w, k);
	jw_str(w, s);
}

void jw_kint(struct jw *w, const char *k, long long v)
{
	jw_key(w, k);
	jw_int(w, v);
}

void jw_kbool(struct jw *w, const char *k, bool v)
{
	jw_key(w, k);
	jw_bool(w, v);
}

void jw_knull(struct jw *w, const char *k)
{
	jw_key(w, k);
	jw_null(w);
}

void jw_kobj(struct jw *w, const char *k)
{
	jw_key(w, k);
	jw_obj(w);
}

void jw_karr(struct jw *w, const char *k)
{
	jw_key(w, k);
	jw_arr(w);
}

void jw_klink(struct jw *w, const char *k, const char *href)
{
	jw_kobj(w, k);
	jw_kstr(w, "href", href);
	jw_end(w);
}

void jw_kstrs(struct jw *w, const char *k, const char *const *v, size_t n)
{
	jw_karr(w, k);
	for (size_t i = 0; i < n; i++)
		jw_str(w, v[i]);
	jw_end(w);
}

void jw_kcsv(struct jw *w, const char *k, const char *csv)
{
	jw_karr(w, k);
	for (const char *s = csv; s && *s;) {
		size_t n = strcspn(s, ",");
		if (n)
			jw_strn(w, s, n);
		s += n;
		if (*s)
			s++;
	}
	jw_end(w);
}
