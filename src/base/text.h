/* text: checks and small transformations of UTF-8 text. */
#ifndef KIEM_TEXT_H
#define KIEM_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* True if p[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
bool text_utf8_valid(const char *p, size_t n);
/* Number of code points in valid UTF-8. */
size_t text_utf8_len(const char *p, size_t n);
/* True if the text has control characters; newlines and tabs count as
 * control characters unless multiline is set. */
bool text_has_control(const char *p, size_t n, bool multiline);
/* What a NUL byte inside a value becomes: ASCII SUB, a control character
 * that text_has_control() (and so every text check) refuses. A C string
 * would end at the NUL, silently cutting the value short; marked, the value
 * keeps its length and validation names the field. */
enum { TEXT_NUL_MARK = 0x1a };
/* A NUL-terminated copy of p[0..n) with each NUL byte in it replaced by
 * TEXT_NUL_MARK. */
char *text_dup_marking_nul(struct arena *a, const char *p, size_t n);
/* A copy without leading and trailing white space. */
char *text_trim(struct arena *a, const char *p, size_t n);
/* Case-insensitive (ASCII) string equality. */
bool text_ieq(const char *a, const char *b);
/* Parses a whole decimal integer in [min, max]. */
bool text_parse_int(const char *p, size_t n, long long min, long long max, long long *out);
/* Base64url without padding of n bytes into out (4*ceil(n/3) + 1 bytes). */
void text_base64url(const unsigned char *p, size_t n, char *out);
/* Decodes base64url without padding; returns the length written to out (at
 * most 3*n/4 + 1 bytes, NUL-terminated), or -1 if p is not base64url. */
long text_unbase64url(const char *p, size_t n, char *out);
/* Lower-case hex of n bytes into out (2n + 1 bytes). */
void text_hex(const unsigned char *p, size_t n, char *out);

struct buf;
/* Appends s percent-encoded for a URL query value (RFC 3986 unreserved
 * characters stay as they are). */
void text_url_encode(struct buf *b, const char *s);
/* True if s is a path on this site, safe to send a browser to after a
 * login or a confirmation: it starts with one '/', has no backslash or
 * control character (browsers drop tabs and read \ as /, so "/\t/x" is
 * "//x", another site) and is at most 500 bytes. */
bool text_local_path(const char *s);

#endif
