/* jw: a streaming JSON writer into a struct buf.
 *
 * The answers of the API are written straight into the response buffer,
 * value by value, instead of being built as a tree and dumped (kcgi's
 * kcgijson does the same). The writer keeps the commas: each value or key
 * knows whether it is the first of its object or array.
 *
 *     struct jw w;
 *     jw_init(&w, &r->out);
 *     jw_obj(&w);
 *     jw_kstr(&w, "id", pa->id);
 *     jw_karr(&w, "tags");
 *     for (...) jw_str(&w, tag);
 *     jw_end(&w);
 *     jw_end(&w);
 *
 * Strings are escaped as JSON needs; a byte that is not part of valid
 * UTF-8 is written as U+FFFD, so the output is always valid JSON. Errors
 * (a buffer past its limit) stick in the buf, as buf's do. */
#ifndef KIEM_JW_H
#define KIEM_JW_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

enum { JW_DEPTH_MAX = 32 };

struct jw {
	struct buf *b;
	unsigned depth;
	bool more[JW_DEPTH_MAX + 1]; /* a value was written at this depth */
	char close[JW_DEPTH_MAX + 1]; /* what ends the object or array open at this depth */
	bool key;                    /* a key was written; its value comes next */
};

void jw_init(struct jw *w, struct buf *b);
/* Opens an object or an array as the next value; jw_end closes the last. */
void jw_obj(struct jw *w);
void jw_arr(struct jw *w);
void jw_end(struct jw *w);
/* A key of the open object; its value follows. */
void jw_key(struct jw *w, const char *k);
/* Values. jw_str(w, NULL) writes null. */
void jw_str(struct jw *w, const char *s);
void jw_strn(struct jw *w, const char *s, size_t n);
void jw_int(struct jw *w, long long v);
void jw_bool(struct jw *w, bool v);
void jw_null(struct jw *w);
/* JSON text that is already valid, written as one value. */
void jw_raw(struct jw *w, const char *json, size_t n);

/* A key and its value in one call. */
void jw_kstr(struct jw *w, const char *k, const char *s);
void jw_kint(struct jw *w, const char *k, long long v);
void jw_kbool(struct jw *w, const char *k, bool v);
void jw_knull(struct jw *w, const char *k);
void jw_kobj(struct jw *w, const char *k);
void jw_karr(struct jw *w, const char *k);
/* {"href": href} under key k, the shape of a link in _links. */
void jw_klink(struct jw *w, const char *k, const char *href);
/* A comma-separated text (as the activity log keeps field names) as a
 * list of its non-empty items, under key k. */
void jw_kcsv(struct jw *w, const char *k, const char *csv);
/* A list of strings under key k. */
void jw_kstrs(struct jw *w, const char *k, const char *const *v, size_t n);

#endif
