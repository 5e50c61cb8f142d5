/* Unit tests of src/base: buf, arena, text, uuid, timefmt, mail, seal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../../src/base/arena.h"
#include "../../src/base/buf.h"
#include "../../src/base/err.h"
#include "../../src/base/mail.h"
#include "../../src/base/seal.h"
#include "../../src/base/text.h"
#include "../../src/base/timefmt.h"
#include "../../src/base/uuid.h"

/* ---- buf ---- */

static void test_buf_empty(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(100);
	assert_non_null(b.ptr);
	assert_string_equal(b.ptr, "");
	assert_int_equal(b.len, 0);
	size_t len = 99;
	char *s = buf_take(&b, &len);
	assert_non_null(s);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	assert_ptr_not_equal(s, buf_empty); /* a fresh allocation: free() must be fine */
	free(s);
	buf_release(&b);
	assert_ptr_equal(b.ptr, buf_empty);
}

static void test_buf_limit_sticky(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(10);
	buf_adds(&b, "hello");
	assert_int_equal(b.err, 0);
	assert_int_equal(b.len, 5);
	buf_adds(&b, "world");
	assert_int_equal(b.err, 0); /* exactly at the limit is fine */
	assert_int_equal(b.len, 10);
	assert_string_equal(b.ptr, "helloworld");
	buf_addc(&b, '!');
	assert_int_equal(b.err, ERR_TOOBIG);
	assert_int_equal(b.len, 10);
	assert_string_equal(b.ptr, "helloworld");

	/* sticky: once failed, nothing more goes in, even what would fit */
	buf_reset(&b);
	assert_int_equal(b.err, 0);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.ptr, "");
	buf_adds(&b, "abcdefghijk"); /* 11 > 10 */
	assert_int_equal(b.err, ERR_TOOBIG);
	assert_int_equal(b.len, 0);
	buf_adds(&b, "x");
	buf_addc(&b, 'y');
	buf_printf(&b, "%d", 1);
	assert_int_equal(b.err, ERR_TOOBIG);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.ptr, "");
	assert_null(buf_take(&b, NULL)); /* a failed buf hands nothing out */
	buf_release(&b);

	/* a huge length does not wrap around the check */
	struct buf h = BUF_INIT(16);
	buf_adds(&h, "abc");
	buf_add(&h, "x", SIZE_MAX - 1);
	assert_int_equal(h.err, ERR_TOOBIG);
	assert_string_equal(h.ptr, "abc");
	buf_release(&h);
}

static void test_buf_binary_and_growth(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(1 << 20);
	buf_add(&b, "a\0b", 3);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.ptr, "a\0b", 4);
	buf_reset(&b);
	for (int i = 0; i < 5000; i++)
		buf_addc(&b, (char)('a' + i % 26));
	assert_int_equal(b.err, 0);
	assert_int_equal(b.len, 5000);
	assert_true(b.cap > 5000);
	for (int i = 0; i < 5000; i++)
		assert_int_equal(b.ptr[i], 'a' + i % 26);
	assert_int_equal(b.ptr[5000], 0);
	buf_release(&b);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
}

static void test_buf_printf(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(1 << 20);
	buf_printf(&b, "%s=%d", "x", 42);
	assert_string_equal(b.ptr, "x=42");
	/* longer than the 256-byte stack buffer: the second path */
	char big[1001];
	memset(big, 'q', 1000);
	big[1000] = 0;
	buf_printf(&b, "[%s]%05d", big, 7);
	assert_int_equal(b.err, 0);
	assert_int_equal(b.len, 4 + 1 + 1000 + 1 + 5);
	assert_int_equal(strlen(b.ptr), b.len);
	assert_memory_equal(b.ptr, "x=42[", 5);
	assert_memory_equal(b.ptr + 5, big, 1000);
	assert_string_equal(b.ptr + 1005, "]00007");
	/* many small appends in a row keep every byte */
	buf_reset(&b);
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	assert_int_equal(b.err, 0);
	assert_memory_equal(b.ptr, "0,1,2,3,", 8);
	assert_string_equal(b.ptr + b.len - 4, "999,");
	buf_release(&b);

	/* a long printf over the limit fails and leaves the buf as it was */
	struct buf s = BUF_INIT(300);
	buf_adds(&s, "keep");
	buf_printf(&s, "%s", big);
	assert_int_equal(s.err, ERR_TOOBIG);
	assert_string_equal(s.ptr, "keep");
	buf_release(&s);
	/* a short printf over the limit fails too */
	struct buf t = BUF_INIT(4);
	buf_printf(&t, "%d", 12345);
	assert_int_equal(t.err, ERR_TOOBIG);
	assert_int_equal(t.len, 0);
	buf_release(&t);
}

static void test_buf_take(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(1000);
	buf_adds(&b, "taken");
	size_t len = 0;
	char *s = buf_take(&b, &len);
	assert_non_null(s);
	assert_string_equal(s, "taken");
	assert_int_equal(len, 5);
	/* the buf is empty and usable, and no longer owns s */
	assert_int_equal(b.len, 0);
	assert_string_equal(b.ptr, "");
	assert_int_equal(b.max, 1000);
	buf_adds(&b, "again");
	assert_string_equal(b.ptr, "again");
	assert_string_equal(s, "taken");
	free(s);
	buf_release(&b);
}

/* ---- arena ---- */

static void test_arena_many(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	enum { N = 20000 };
	unsigned char **p = calloc(N, sizeof *p);
	assert_non_null(p);
	for (size_t i = 0; i < N; i++) {
		size_t n = i % 97 + 1;
		p[i] = arena_alloc(a, n);
		assert_non_null(p[i]);
		assert_int_equal((uintptr_t)p[i] % 16, 0);
		for (size_t j = 0; j < n; j++)
			assert_int_equal(p[i][j], 0); /* zeroed */
		memset(p[i], (int)(i & 0xff), n);
	}
	/* no block overlaps another: every one still holds its own pattern */
	for (size_t i = 0; i < N; i++) {
		size_t n = i % 97 + 1;
		for (size_t j = 0; j < n; j++)
			assert_int_equal(p[i][j], i & 0xff);
	}
	assert_true(arena_used(a) >= (size_t)N * 16);
	/* zero bytes still gives distinct pointers */
	void *z1 = arena_alloc(a, 0), *z2 = arena_alloc(a, 0);
	assert_non_null(z1);
	assert_ptr_not_equal(z1, z2);
	free(p);
	arena_free(a);
	arena_free(NULL);
}

static void test_arena_big(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	/* a big block as the very first allocation */
	size_t big = 100000;
	unsigned char *b1 = arena_alloc(a, big);
	for (size_t i = 0; i < big; i++)
		assert_int_equal(b1[i], 0);
	memset(b1, 0xab, big);
	assert_true(arena_used(a) >= big);
	char *s1 = arena_strdup(a, "small after big");
	/* a big block in the middle of small ones */
	unsigned char *b2 = arena_alloc(a, 1 << 20);
	memset(b2, 0xcd, 1 << 20);
	char *s2 = arena_strdup(a, "small after the second big");
	assert_true(arena_used(a) >= big + (1 << 20));
	for (int i = 0; i < 1000; i++)
		memset(arena_alloc(a, 64), 0xee, 64);
	for (size_t i = 0; i < big; i++)
		assert_int_equal(b1[i], 0xab);
	for (size_t i = 0; i < (1 << 20); i++)
		assert_int_equal(b2[i], 0xcd);
	assert_string_equal(s1, "small after big");
	assert_string_equal(s2, "small after the second big");
	arena_free(a);
}

static void test_arena_strings(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_null(arena_strdup(a, NULL));
	const char *src = "kiem";
	char *d = arena_strdup(a, src);
	assert_string_equal(d, "kiem");
	assert_ptr_not_equal(d, src);
	char *nd = arena_strndup(a, "abcdef", 3);
	assert_string_equal(nd, "abc");
	char *e = arena_strdup(a, "");
	assert_string_equal(e, "");
	char *pf = arena_printf(a, "%s-%d-%c", "x", -12, 'z');
	assert_string_equal(pf, "x--12-z");
	/* longer than a chunk */
	char *big = arena_printf(a, "%40000d|", 5);
	assert_int_equal(strlen(big), 40001);
	assert_string_equal(big + 39999, "5|");
	assert_int_equal(big[0], ' ');
	assert_string_equal(d, "kiem");
	arena_free(a);
}

/* ---- text ---- */

static bool valid(const char *s)
{
	return text_utf8_valid(s, strlen(s));
}

static void test_utf8_valid(void **state)
{
	(void)state;
	/* good */
	assert_true(text_utf8_valid("", 0));
	assert_true(valid("plain ascii ~"));
	assert_true(valid("\xc3\xa9"));             /* é */
	assert_true(valid("\xc2\x80"));             /* U+0080, the lowest 2-byte */
	assert_true(valid("\xdf\xbf"));             /* U+07FF */
	assert_true(valid("\xe0\xa0\x80"));         /* U+0800, the lowest 3-byte */
	assert_true(valid("\xe2\x82\xac"));         /* € */
	assert_true(valid("\xed\x9f\xbf"));         /* U+D7FF, just below the surrogates */
	assert_true(valid("\xee\x80\x80"));         /* U+E000, just above */
	assert_true(valid("\xef\xbf\xbf"));         /* U+FFFF */
	assert_true(valid("\xf0\x90\x80\x80"));     /* U+10000 */
	assert_true(valid("\xf0\x9d\x84\x9e"));     /* 𝄞 */
	assert_true(valid("\xf4\x8f\xbf\xbf"));     /* U+10FFFF, the highest */
	assert_true(valid("Caf\xc3\xa9 \xe2\x82\xac" "5 \xf0\x9f\x98\x80!"));
	assert_true(text_utf8_valid("a\0b", 3));  /* NUL is a character */

	/* overlong */
	assert_false(valid("\xc0\x80"));
	assert_false(valid("\xc0\xaf"));
	assert_false(valid("\xc1\xbf"));
	assert_false(valid("\xe0\x80\x80"));
	assert_false(valid("\xe0\x9f\xbf"));
	assert_false(valid("\xf0\x80\x80\x80"));
	assert_false(valid("\xf0\x8f\xbf\xbf"));
	/* surrogates */
	assert_false(valid("\xed\xa0\x80"));         /* U+D800 */
	assert_false(valid("\xed\xbf\xbf"));         /* U+DFFF */
	assert_false(valid("\xed\xa0\xbd\xed\xb8\x80")); /* a CESU-8 pair */
	/* beyond U+10FFFF, and bytes that never appear */
	assert_false(valid("\xf4\x90\x80\x80"));
	assert_false(valid("\xf5\x80\x80\x80"));
	assert_false(valid("\xf8\x88\x80\x80\x80"));
	assert_false(valid("\xfe"));
	assert_false(valid("\xff"));
	/* stray or wrong continuation bytes */
	assert_false(valid("\x80"));
	assert_false(valid("a\xbf" "b"));
	assert_false(valid("\xc3\x28"));
	assert_false(valid("\xe2\x28\xac"));
	assert_false(valid("\xe2\x82\x28"));
	/* truncated */
	assert_false(valid("\xc3"));
	assert_false(valid("\xe2\x82"));
	assert_false(valid("\xf0\x9d\x84"));
	assert_false(valid("ok\xe2\x82"));
	/* the length counts, not the NUL: a sequence cut by n is truncated */
	assert_false(text_utf8_valid("\xc3\xa9", 1));
	assert_false(text_utf8_valid("\xe2\x82\xac", 2));
	assert_false(text_utf8_valid("\xf0\x9d\x84\x9e", 3));
	assert_true(text_utf8_valid("ab\xff", 2));
}

static void test_utf8_len(void **state)
{
	(void)state;
	assert_int_equal(text_utf8_len("", 0), 0);
	assert_int_equal(text_utf8_len("abc", 3), 3);
	const char *s = "h\xc3\xa9llo \xe2\x82\xac\xf0\x9d\x84\x9e"; /* hello €𝄞 */
	assert_int_equal(strlen(s), 14);
	assert_int_equal(text_utf8_len(s, strlen(s)), 8);
	assert_int_equal(text_utf8_len("\xc3\xa9\xc3\xa9", 4), 2);
}

static void test_has_control(void **state)
{
	(void)state;
	assert_false(text_has_control("plain text", 10, false));
	assert_false(text_has_control("caf\xc3\xa9", 5, false)); /* UTF-8 is not control */
	assert_true(text_has_control("a\tb", 3, false));
	assert_false(text_has_control("a\tb", 3, true));
	assert_true(text_has_control("a\nb", 3, false));
	assert_false(text_has_control("a\r\nb", 4, true));
	assert_true(text_has_control("a\x01" "b", 3, true));
	assert_true(text_has_control("a\x1b[31m", 6, true));
	assert_true(text_has_control("del\x7f", 4, true));
	assert_true(text_has_control("a\0b", 3, true));
	assert_false(text_has_control("a\0b", 1, false)); /* only n bytes are looked at */
	assert_false(text_has_control("", 0, false));
}

/* A NUL inside a value is marked, never cut: the value keeps its length and
 * the text check refuses it. */
static void test_dup_marking_nul(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char *t = text_dup_marking_nul(a, "ab\0cd\0", 6);
	assert_int_equal(strlen(t), 6);
	assert_memory_equal(t, "ab\x1a" "cd\x1a", 6);
	assert_true(text_has_control(t, strlen(t), true));
	assert_string_equal(text_dup_marking_nul(a, "plain", 5), "plain");
	assert_string_equal(text_dup_marking_nul(a, "", 0), "");
	arena_free(a);
}

static void test_trim(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_string_equal(text_trim(a, "  a b \t\r\n", 9), "a b");
	assert_string_equal(text_trim(a, "none", 4), "none");
	assert_string_equal(text_trim(a, " \t\n\v\f\r ", 7), "");
	assert_string_equal(text_trim(a, "", 0), "");
	assert_string_equal(text_trim(a, "  lead", 6), "lead");
	assert_string_equal(text_trim(a, "trail  ", 7), "trail");
	/* only n bytes, and the result is a fresh copy */
	const char *src = " abc def";
	char *t = text_trim(a, src, 4);
	assert_string_equal(t, "abc");
	assert_ptr_not_equal(t, src + 1);
	/* non-breaking space and other UTF-8 stay */
	assert_string_equal(text_trim(a, " \xc3\xa9 ", 4), "\xc3\xa9");
	arena_free(a);
}

static bool pint(const char *s, long long min, long long max, long long *out)
{
	return text_parse_int(s, strlen(s), min, max, out);
}

static void test_parse_int(void **state)
{
	(void)state;
	long long v = 0;
	assert_true(pint("42", 0, 100, &v));
	assert_int_equal(v, 42);
	assert_true(pint("-5", -10, 10, &v));
	assert_int_equal(v, -5);
	assert_true(pint("+7", 0, 10, &v));
	assert_int_equal(v, 7);
	assert_true(pint("0", 0, 0, &v));
	assert_int_equal(v, 0);
	assert_true(pint("007", 0, 10, &v));
	assert_int_equal(v, 7);
	/* bounds are inclusive */
	assert_true(pint("100", 0, 100, &v));
	assert_int_equal(v, 100);
	assert_true(pint("-10", -10, 10, &v));
	assert_int_equal(v, -10);
	v = 1234;
	assert_false(pint("101", 0, 100, &v));
	assert_false(pint("-11", -10, 10, &v));
	assert_false(pint("-1", 0, 100, &v));
	assert_int_equal(v, 1234); /* untouched on failure */
	/* not a whole decimal integer */
	assert_false(pint("", 0, 100, &v));
	assert_false(pint("-", -100, 100, &v));
	assert_false(pint("+", 0, 100, &v));
	assert_false(pint("1a", 0, 100, &v));
	assert_false(pint(" 1", 0, 100, &v));
	assert_false(pint("1 ", 0, 100, &v));
	assert_false(pint("1.0", 0, 100, &v));
	assert_false(pint("0x10", 0, 100, &v));
	assert_false(pint("--1", -100, 100, &v));
	assert_int_equal(v, 1234);
	/* n is the length: a longer string is cut */
	assert_true(text_parse_int("123456", 2, 0, 100, &v));
	assert_int_equal(v, 12);
	/* big numbers: no overflow, ever */
	assert_true(pint("999999999999999999", 0, INT64_MAX, &v));
	assert_int_equal(v, 999999999999999999LL);
	assert_true(pint("-999999999999999999", INT64_MIN, 0, &v));
	assert_int_equal(v, -999999999999999999LL);
	assert_false(pint("9223372036854775808", 0, INT64_MAX, &v));
	assert_false(pint("99999999999999999999999", 0, INT64_MAX, &v));
	assert_false(pint("-9223372036854775809", INT64_MIN, 0, &v));
}

static void test_base64url(void **state)
{
	(void)state;
	char out[128], back[128];
	/* the RFC 4648 vectors, without padding */
	static const struct {
		const char *raw, *enc;
	} vec[] = {
		{ "", "" }, { "f", "Zg" }, { "fo", "Zm8" }, { "foo", "Zm9v" },
		{ "foob", "Zm9vYg" }, { "fooba", "Zm9vYmE" }, { "foobar", "Zm9vYmFy" },
	};
	for (size_t i = 0; i < sizeof vec / sizeof vec[0]; i++) {
		text_base64url((const unsigned char *)vec[i].raw, strlen(vec[i].raw), out);
		assert_string_equal(out, vec[i].enc);
		long n = text_unbase64url(out, strlen(out), back);
		assert_int_equal(n, strlen(vec[i].raw));
		assert_string_equal(back, vec[i].raw);
	}
	/* the url-safe alphabet: - and _ instead of + and / */
	const unsigned char hi[] = { 0xfb, 0xff, 0xbf };
	text_base64url(hi, 3, out);
	assert_string_equal(out, "-_-_");
	text_base64url(hi, 2, out);
	assert_string_equal(out, "-_8");

	/* round trip of every length and random bytes, zeros included */
	unsigned char raw[64];
	for (size_t n = 0; n <= sizeof raw; n++) {
		randombytes_buf(raw, n);
		if (n > 3)
			raw[1] = 0;
		text_base64url(raw, n, out);
		assert_int_equal(strlen(out), (4 * n + 2) / 3);
		for (const char *c = out; *c; c++)
			assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", *c));
		long m = text_unbase64url(out, strlen(out), back);
		assert_int_equal(m, n);
		assert_memory_equal(back, raw, n);
		assert_int_equal(back[n], 0);
	}

	/* not base64url */
	assert_int_equal(text_unbase64url("Zm9v=", 5, back), -1);   /* padding */
	assert_int_equal(text_unbase64url("Zg==", 4, back), -1);
	assert_int_equal(text_unbase64url("Zm+v", 4, back), -1);    /* standard alphabet */
	assert_int_equal(text_unbase64url("Zm/v", 4, back), -1);
	assert_int_equal(text_unbase64url("Zm 9", 4, back), -1);
	assert_int_equal(text_unbase64url("Zm9\n", 4, back), -1);
	assert_int_equal(text_unbase64url("Z", 1, back), -1);       /* no whole byte */
	assert_int_equal(text_unbase64url("Zm9vY", 5, back), -1);
	assert_int_equal(text_unbase64url("Zm\xc3\xa9", 4, back), -1);
	assert_int_equal(text_unbase64url("Zm9v\0Zm9", 8, back), -1);
	assert_int_equal(text_unbase64url("", 0, back), 0);
	assert_string_equal(back, "");
}

static void test_hex(void **state)
{
	(void)state;
	char out[16];
	const unsigned char b[] = { 0x00, 0x0f, 0xa5, 0xff, 0x10 };
	text_hex(b, sizeof b, out);
	assert_string_equal(out, "000fa5ff10");
	text_hex(b, 0, out);
	assert_string_equal(out, "");
}

static void test_url_encode(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(1000);
	text_url_encode(&b, "AZaz09-_.~");
	assert_string_equal(b.ptr, "AZaz09-_.~");
	buf_reset(&b);
	text_url_encode(&b, "a b&c=d/e?f#g+h%i\xc3\xa9");
	assert_string_equal(b.ptr, "a%20b%26c%3Dd%2Fe%3Ff%23g%2Bh%25i%C3%A9");
	buf_reset(&b);
	text_url_encode(&b, "\x01\x7f\xff");
	assert_string_equal(b.ptr, "%01%7F%FF");
	buf_reset(&b);
	text_url_encode(&b, "");
	assert_string_equal(b.ptr, "");
	assert_int_equal(b.len, 0);
	/* appends, and obeys the buf's limit */
	buf_adds(&b, "q=");
	text_url_encode(&b, "x y");
	assert_string_equal(b.ptr, "q=x%20y");
	buf_release(&b);
	struct buf s = BUF_INIT(5);
	text_url_encode(&s, "   ");
	assert_int_equal(s.err, ERR_TOOBIG);
	buf_release(&s);
}

static void test_ieq(void **state)
{
	(void)state;
	assert_true(text_ieq("Bearer", "bEARER"));
	assert_false(text_ieq("Bearer", "Bearers"));
	assert_true(text_ieq("", ""));
}

/* ---- uuid ---- */

static void test_uuid_format(void **state)
{
	(void)state;
	char u[UUID_STRLEN + 1];
	for (int k = 0; k < 200; k++) {
		memset(u, 'X', sizeof u);
		uuid7_new(u);
		assert_int_equal(strlen(u), UUID_STRLEN);
		for (int i = 0; i < UUID_STRLEN; i++) {
			if (i == 8 || i == 13 || i == 18 || i == 23)
				assert_int_equal(u[i], '-');
			else
				assert_non_null(strchr("0123456789abcdef", u[i]));
		}
		assert_int_equal(u[14], '7');                  /* version 7 */
		assert_non_null(strchr("89ab", u[19]));        /* variant 10xx */
		assert_true(uuid_valid(u, strlen(u)));
	}
	/* the first 48 bits are the Unix time in milliseconds */
	char hex[13];
	memcpy(hex, u, 8);
	memcpy(hex + 8, u + 9, 4);
	hex[12] = 0;
	unsigned long long ms = strtoull(hex, NULL, 16);
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	unsigned long long now = (unsigned long long)ts.tv_sec * 1000 + (unsigned long long)ts.tv_nsec / 1000000;
	assert_true(ms + 10000 > now);
	assert_true(ms < now + 10000);
}

static void test_uuid_increasing(void **state)
{
	(void)state;
	char prev[UUID_STRLEN + 1], cur[UUID_STRLEN + 1];
	uuid7_new(prev);
	for (int i = 0; i < 10000; i++) {
		uuid7_new(cur);
		if (strcmp(prev, cur) >= 0)
			fail_msg("uuid %d not after the previous: %s then %s", i, prev, cur);
		assert_int_equal(cur[14], '7');
		memcpy(prev, cur, sizeof cur);
	}
}

static void test_uuid_valid(void **state)
{
	(void)state;
	const char *good = "0190f5e2-7c3a-7b12-8f00-0123456789ab";
	assert_true(uuid_valid(good, strlen(good)));
	assert_true(uuid_valid("00000000-0000-0000-0000-000000000000", 36));
	assert_false(uuid_valid("0190F5E2-7C3A-7B12-8F00-0123456789AB", 36)); /* upper case */
	assert_false(uuid_valid("0190f5e2-7c3a-7b12-8f00-0123456789a", 35));
	assert_false(uuid_valid("0190f5e2-7c3a-7b12-8f00-0123456789abc", 37));
	assert_false(uuid_valid(good, 35));                                 /* length counts */
	assert_false(uuid_valid("0190f5e27c3a-7b12-8f00-0123456789abcd", 36)); /* dash moved */
	assert_false(uuid_valid("0190f5e2-7c3a-7b12-8f00_0123456789ab", 36));
	assert_false(uuid_valid("0190f5e2-7c3a-7b12-8f00-0123456789ag", 36));
	assert_false(uuid_valid("{190f5e2-7c3a-7b12-8f00-0123456789a}", 36));
	assert_false(uuid_valid("", 0));
}

/* ---- timefmt ---- */

static void test_time_format(void **state)
{
	(void)state;
	char s[TIME_STRLEN + 1];
	time_format(0, s);
	assert_string_equal(s, "1970-01-01T00:00:00Z");
	time_format(1795773600, s);
	assert_string_equal(s, "2026-11-27T10:00:00Z");
	time_format(1709251199, s);
	assert_string_equal(s, "2024-02-29T23:59:59Z");
	time_now(s);
	assert_int_equal(strlen(s), TIME_STRLEN);
	time_t t;
	assert_true(time_parse(s, strlen(s), &t));
	time_t now = time(NULL);
	assert_true(t <= now && t >= now - 5);
}

static void test_time_round_trip(void **state)
{
	(void)state;
	const time_t ts[] = { 0, 1, 59, 86399, 951782400 /* 2000-02-29 */, 1709251199,
			      1795773600, 4102444799 /* 2099-12-31T23:59:59Z */ };
	for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++) {
		char s[TIME_STRLEN + 1];
		time_format(ts[i], s);
		time_t back = -1;
		assert_true(time_parse(s, strlen(s), &back));
		assert_int_equal(back, ts[i]);
	}
	time_t t = 0;
	assert_true(time_parse("2026-11-27T10:00:00Z", 20, &t));
	assert_int_equal(t, 1795773600);
	assert_true(time_parse("2024-02-29T00:00:00Z", 20, &t));
	assert_true(time_parse("2026-12-31T23:59:59Z", 20, &t));
}

static void test_time_rejects(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"",
		"2026-11-27",
		"2026-11-27T10:00:00",
		"2026-11-27T10:00:00z",
		"2026-11-27t10:00:00Z",
		"2026-11-27 10:00:00Z",
		"2026-11-27T10:00:00.5Z",
		"2026-11-27T10:00:00+01:00",
		"2026-11-27T10:00:00ZZ",
		"2026/11/27T10:00:00Z",
		"2026-11-27T10-00-00Z",
		"26-11-27T10:00:00Z",
		"2026-1-27T10:00:00Z",
		"2026-13-01T00:00:00Z",
		"2026-00-01T00:00:00Z",
		"2026-01-00T00:00:00Z",
		"2026-01-32T00:00:00Z",
		"2026-01-01T24:00:00Z",
		"2026-01-01T00:60:00Z",
		"2026-01-01T00:00:61Z",
		"1969-12-31T23:59:59Z",
		"20a6-01-01T00:00:00Z",
		"2026-0x-01T00:00:00Z",
		"2026-01-01T0 :00:00Z",
		"2026-01-01T00:00:-1Z",
		"+026-01-01T00:00:00Z",
		/* days that no month of that year has */
		"2026-02-29T00:00:00Z",
		"2026-02-30T00:00:00Z",
		"2026-04-31T00:00:00Z",
		"2026-06-31T00:00:00Z",
		"2026-09-31T00:00:00Z",
		"2026-11-31T00:00:00Z",
		"2100-02-29T00:00:00Z",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		time_t t = 12345;
		if (time_parse(bad[i], strlen(bad[i]), &t))
			fail_msg("time_parse accepted \"%s\"", bad[i]);
	}
	/* the length counts */
	time_t t;
	assert_false(time_parse("2026-11-27T10:00:00Z", 19, &t));
	/* leap years */
	assert_true(time_parse("2000-02-29T00:00:00Z", 20, &t));
	assert_true(time_parse("2028-02-29T00:00:00Z", 20, &t));
}

/* ---- seal ---- */

static void test_seal_key_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/kiem-test-seal-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[64], why[200];
	snprintf(path, sizeof path, "%s/kiem.db.key", dir);
	struct seal_key a, b;
	bool made = false;
	/* made on first use, for its owner only */
	assert_int_equal(seal_key_load(path, &a, &made, why, sizeof why), 0);
	assert_true(made);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(st.st_size, 65); /* 64 hex digits and a newline */
	/* read, not made, the next time: the same key */
	assert_int_equal(seal_key_load(path, &b, &made, why, sizeof why), 0);
	assert_false(made);
	assert_memory_equal(a.bytes, b.bytes, sizeof a.bytes);
	/* a file that holds no key is refused, not replaced */
	FILE *f = fopen(path, "w");
	fputs("geen sleutel\n", f);
	fclose(f);
	assert_int_equal(seal_key_load(path, &b, &made, why, sizeof why), ERR_INVALID);
	assert_non_null(strstr(why, path));
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 13);
	unlink(path);
	/* a place where no file can be made */
	snprintf(path, sizeof path, "%s/no/such/dir/kiem.db.key", dir);
	assert_int_equal(seal_key_load(path, &b, &made, why, sizeof why), ERR_IO);
	assert_non_null(strstr(why, "cannot make the key file"));
	rmdir(dir);
}

static void test_seal_round_trip(void **state)
{
	(void)state;
	struct seal_key k, other;
	randombytes_buf(k.bytes, sizeof k.bytes);
	randombytes_buf(other.bytes, sizeof other.bytes);
	static const char text[] = "Hallo Zoë,\nopen https://kiem.example/uitnodigingen/GEHEIM-123\n";
	struct buf sealed = BUF_INIT(4096), again = BUF_INIT(4096), open = BUF_INIT(4096);
	seal_text(&k, "mail-1\nzoe@example.nl", text, strlen(text), &sealed);
	assert_int_equal(sealed.err, 0);
	assert_true(seal_is_sealed(sealed.ptr));
	assert_null(strstr(sealed.ptr, "GEHEIM"));
	/* a random nonce: the same text seals differently each time */
	seal_text(&k, "mail-1\nzoe@example.nl", text, strlen(text), &again);
	assert_string_not_equal(sealed.ptr, again.ptr);
	assert_int_equal(seal_open(&k, "mail-1\nzoe@example.nl", sealed.ptr, sealed.len, &open), 0);
	assert_string_equal(open.ptr, text);
	/* not with another key, other associated data, or one byte changed */
	buf_reset(&open);
	assert_int_equal(seal_open(&other, "mail-1\nzoe@example.nl", sealed.ptr, sealed.len, &open), ERR_INVALID);
	assert_int_equal(seal_open(&k, "mail-1\nevil@example.com", sealed.ptr, sealed.len, &open), ERR_INVALID);
	sealed.ptr[sealed.len - 5] = sealed.ptr[sealed.len - 5] == 'A' ? 'B' : 'A';
	assert_int_equal(seal_open(&k, "mail-1\nzoe@example.nl", sealed.ptr, sealed.len, &open), ERR_INVALID);
	assert_int_equal(seal_open(&k, "mail-1\nzoe@example.nl", sealed.ptr, 20, &open), ERR_INVALID);
	assert_int_equal(seal_open(&k, "", "plain text", 10, &open), ERR_INVALID);
	assert_int_equal(open.len, 0);
	assert_false(seal_is_sealed("plain text"));
	assert_false(seal_is_sealed(NULL));
	/* an empty text seals too */
	buf_reset(&sealed);
	seal_text(&k, "", "", 0, &sealed);
	assert_int_equal(seal_open(&k, "", sealed.ptr, sealed.len, &open), 0);
	assert_string_equal(open.ptr, "");
	buf_release(&sealed);
	buf_release(&again);
	buf_release(&open);
}

/* Times for people in the instance's zone, through the system's tzdata:
 * winter and summer, and both sides of each change of the clock. */
static void local(time_t t, enum lang l, char *date, char *clock)
{
	time_local_date(t, l, date, TIME_LOCAL_MAX);
	time_local_clock(t, clock, TIME_LOCAL_MAX);
}

static void test_time_local(void **state)
{
	(void)state;
	char d[TIME_LOCAL_MAX], c[TIME_LOCAL_MAX];
	static const struct {
		const char *utc, *date, *clock;
	} amsterdam[] = {
		{ "2026-01-15T13:07:00Z", "15 januari 2026", "14:07" },   /* winter: UTC+1 */
		{ "2026-07-15T13:07:00Z", "15 juli 2026", "15:07" },      /* summer: UTC+2 */
		{ "2026-03-29T00:59:59Z", "29 maart 2026", "01:59" },     /* the last second of winter time */
		{ "2026-03-29T01:00:00Z", "29 maart 2026", "03:00" },     /* 02:00 is skipped */
		{ "2026-10-25T00:59:59Z", "25 oktober 2026", "02:59" },   /* the last second of summer time */
		{ "2026-10-25T01:00:00Z", "25 oktober 2026", "02:00" },   /* 02:00-03:00 comes twice */
		{ "2026-12-31T23:30:00Z", "1 januari 2027", "00:30" },    /* the local date, not UTC's */
		{ "2026-06-30T22:30:00Z", "1 juli 2026", "00:30" },
	};
	assert_int_equal(time_zone_set("Europe/Amsterdam"), 0);
	assert_string_equal(time_zone(), "Europe/Amsterdam");
	assert_false(time_zone_is_utc());
	for (size_t i = 0; i < sizeof amsterdam / sizeof amsterdam[0]; i++) {
		time_t t;
		assert_true(time_parse(amsterdam[i].utc, TIME_STRLEN, &t));
		local(t, LANG_NL, d, c);
		if (strcmp(d, amsterdam[i].date) || strcmp(c, amsterdam[i].clock))
			fail_msg("%s in Europe/Amsterdam: %s %s, not %s %s", amsterdam[i].utc, d, c,
				 amsterdam[i].date, amsterdam[i].clock);
	}
	time_t t;
	assert_true(time_parse("2026-10-25T01:00:00Z", TIME_STRLEN, &t));
	local(t, LANG_EN, d, c);
	assert_string_equal(d, "25 October 2026");

	/* another zone, with its own rules: New York changes on other days */
	assert_int_equal(time_zone_set("America/New_York"), 0);
	assert_true(time_parse("2026-03-08T06:59:59Z", TIME_STRLEN, &t));
	local(t, LANG_EN, d, c);
	assert_string_equal(c, "01:59");
	assert_true(time_parse("2026-03-08T07:00:00Z", TIME_STRLEN, &t));
	local(t, LANG_EN, d, c);
	assert_string_equal(c, "03:00");
	assert_true(time_parse("2026-03-29T01:00:00Z", TIME_STRLEN, &t)); /* Amsterdam's change is not New York's */
	local(t, LANG_EN, d, c);
	assert_string_equal(d, "28 March 2026");
	assert_string_equal(c, "21:00");

	/* UTC says so */
	assert_int_equal(time_zone_set("UTC"), 0);
	assert_true(time_zone_is_utc());
	assert_true(time_parse("2026-07-15T13:07:00Z", TIME_STRLEN, &t));
	local(t, LANG_NL, d, c);
	assert_string_equal(d, "15 juli 2026");
	assert_string_equal(c, "13:07");

	/* names that are no zone change nothing */
	static const char *const bad[] = { "", "Europe/Atlantis", "Mars/Olympus_Mons", "../../etc/passwd",
					   "/usr/share/zoneinfo/UTC", "Europe/../UTC", "Europe/Amsterdam\n",
					   "Europe", "zone.tab" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (time_zone_set(bad[i]) == 0)
			fail_msg("time_zone_set accepted \"%s\"", bad[i]);
	assert_string_equal(time_zone(), "UTC");
	assert_true(time_zone_is_utc());
	assert_int_equal(time_zone_set("Europe/Amsterdam"), 0);
}

/* ---- mail ---- */

static void test_mail_address(void **state)
{
	(void)state;
	static const char *const good[] = { "a@b", "alice@example.nl", "first.last+tag@sub.example.org" };
	static const char *const bad[] = { "", "@example.nl", "alice@", "alice", "a b@example.nl",
					   "a@b@c", "a@example.nl\r\nBcc: x@y", "a@example.nl\n", "<a@b>",
					   "a,b@c", "\"a\"@b", "zoë@example.nl" };
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (!mail_address_valid(good[i]))
			fail_msg("refused \"%s\"", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (mail_address_valid(bad[i]))
			fail_msg("accepted \"%s\"", bad[i]);
	char addr[MAIL_ADDRESS_MAX + 1];
	assert_true(mail_from_parse("kiem <noreply@example.nl>", addr));
	assert_string_equal(addr, "noreply@example.nl");
	assert_true(mail_from_parse("noreply@example.nl", addr));
	assert_true(mail_from_parse("Gemeente Súdwest <a@example.nl>", addr));
	assert_false(mail_from_parse("kiem <noreply@example.nl>\r\nBcc: x@y", addr));
	assert_false(mail_from_parse("ki\"em <noreply@example.nl>", addr));
	assert_false(mail_from_parse("kiem <noreply>", addr));
	assert_false(mail_from_parse("kiem noreply@example.nl", addr));
}

static time_t at(const char *s)
{
	time_t t = 0;
	assert_true(time_parse(s, strlen(s), &t));
	return t;
}

static void test_mail_compose_plain(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(1 << 16);
	struct mail m = { .from = "kiem <noreply@kiem.example.nl>", .to = "alice@example.nl",
			  .subject = "Welkom", .body = "Hallo Alice,\n\n.punt\nGroet", .date = at("2026-11-27T10:05:09Z"),
			  .id = "0190a0a0-0000-7000-8000-000000000001" };
	assert_int_equal(mail_compose(&b, &m, NULL), 0);
	assert_string_equal(b.ptr,
		"From: \"kiem\" <noreply@kiem.example.nl>\r\n"
		"To: <alice@example.nl>\r\n"
		"Subject: Welkom\r\n"
		"Date: Fri, 27 Nov 2026 10:05:09 +0000\r\n"
		"Message-ID: <0190a0a0-0000-7000-8000-000000000001@kiem.example.nl>\r\n"
		"MIME-Version: 1.0\r\n"
		"Content-Type: text/plain; charset=UTF-8\r\n"
		"Content-Transfer-Encoding: 7bit\r\n"
		"Auto-Submitted: auto-generated\r\n"
		"\r\n"
		"Hallo Alice,\r\n\r\n.punt\r\nGroet\r\n");
	/* no name, a new Message-ID, the current date */
	buf_reset(&b);
	m.from = "noreply@example.nl";
	m.id = NULL;
	m.date = 0;
	assert_int_equal(mail_compose(&b, &m, NULL), 0);
	assert_non_null(strstr(b.ptr, "From: <noreply@example.nl>\r\n"));
	assert_non_null(strstr(b.ptr, "@example.nl>\r\nMIME-Version"));
	buf_release(&b);
}

/* Decodes the encoded-words of a header value (folded or not) and checks
 * each is at most 75 characters and holds whole UTF-8 characters. */
static void decode_words(const char *v, char *out, size_t n)
{
	size_t len = 0;
	const char *p = v;
	while ((p = strstr(p, "=?UTF-8?B?")) != NULL) {
		const char *end = strstr(p + 10, "?=");
		assert_non_null(end);
		assert_true(end + 2 - p <= 75);
		unsigned char bin[64];
		size_t nbin = 0;
		assert_int_equal(sodium_base642bin(bin, sizeof bin, p + 10, (size_t)(end - p - 10), NULL, &nbin, NULL,
						   sodium_base64_VARIANT_ORIGINAL), 0);
		assert_true(text_utf8_valid((const char *)bin, nbin));
		assert_true(len + nbin < n);
		memcpy(out + len, bin, nbin);
		len += nbin;
		p = end + 2;
	}
	out[len] = '\0';
}

static void test_mail_compose_encoded(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(1 << 16);
	char subject[400] = "";
	for (int i = 0; i < 12; i++)
		strcat(subject, "Bevestig één adres — ");
	struct mail m = { .from = "Gemeente Súdwest-Fryslân <kiem@example.nl>", .to = "zoe@example.nl",
			  .subject = subject, .body = "Hallo Zoë, klik: https://x.example/a?code=abc \nEinde",
			  .date = at("2026-11-27T10:00:00Z"), .id = "x" };
	assert_int_equal(mail_compose(&b, &m, NULL), 0);
	/* every line short enough for any server */
	for (const char *line = b.ptr; *line;) {
		const char *nl = strstr(line, "\r\n");
		assert_non_null(nl);
		assert_true(nl - line <= 78);
		line = nl + 2;
	}
	const char *subj = strstr(b.ptr, "\r\nSubject: ") + 11;
	const char *next = strstr(subj, "\r\nDate: ");
	char value[800], decoded[800];
	snprintf(value, sizeof value, "%.*s", (int)(next - subj), subj);
	assert_non_null(strstr(value, "\r\n ")); /* folded */
	decode_words(value, decoded, sizeof decoded);
	assert_string_equal(decoded, subject);
	const char *from = b.ptr + 6;
	snprintf(value, sizeof value, "%.*s", (int)(strstr(from, "\r\nTo:") - from), from);
	decode_words(value, decoded, sizeof decoded);
	assert_string_equal(decoded, "Gemeente Súdwest-Fryslân");
	assert_non_null(strstr(value, "?= <kiem@example.nl>"));
	/* the body quoted-printable: = and non-ASCII encoded, the space before a line end too */
	assert_non_null(strstr(b.ptr, "Content-Transfer-Encoding: quoted-printable\r\n"));
	assert_non_null(strstr(b.ptr, "\r\n\r\nHallo Zo=C3=AB, klik: https://x.example/a?code=3Dabc=20\r\nEinde\r\n"));
	/* a long line gets soft breaks */
	buf_reset(&b);
	char body[400] = "";
	for (int i = 0; i < 25; i++)
		strcat(body, "één woord ");
	m.body = body;
	assert_int_equal(mail_compose(&b, &m, NULL), 0);
	assert_non_null(strstr(b.ptr, "=\r\n"));
	buf_release(&b);
}

static void test_mail_compose_refuses_injection(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(1 << 16);
	char why[MAIL_ERROR_MAX + 1];
	struct mail ok = { .from = "kiem <a@example.nl>", .to = "b@example.nl", .subject = "Hoi", .body = "x" };
	struct mail m = ok;
	m.to = "b@example.nl\r\nBcc: evil@example.com";
	assert_int_equal(mail_compose(&b, &m, why), ERR_INVALID);
	assert_non_null(strstr(why, "recipient"));
	m = ok;
	m.subject = "Hoi\r\nBcc: evil@example.com";
	assert_int_equal(mail_compose(&b, &m, why), ERR_INVALID);
	assert_non_null(strstr(why, "subject"));
	m.subject = "Hoi\nBcc: evil@example.com";
	assert_int_equal(mail_compose(&b, &m, why), ERR_INVALID);
	m = ok;
	m.from = "kiem <a@example.nl>\nBcc: evil@example.com";
	assert_int_equal(mail_compose(&b, &m, why), ERR_INVALID);
	assert_non_null(strstr(why, "From"));
	m = ok;
	m.body = "\xff\xfe";
	assert_int_equal(mail_compose(&b, &m, why), ERR_INVALID);
	assert_null(strstr(b.ptr, "evil"));
	buf_release(&b);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_empty),
		cmocka_unit_test(test_buf_limit_sticky),
		cmocka_unit_test(test_buf_binary_and_growth),
		cmocka_unit_test(test_buf_printf),
		cmocka_unit_test(test_buf_take),
		cmocka_unit_test(test_arena_many),
		cmocka_unit_test(test_arena_big),
		cmocka_unit_test(test_arena_strings),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_len),
		cmocka_unit_test(test_has_control),
		cmocka_unit_test(test_dup_marking_nul),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_parse_int),
		cmocka_unit_test(test_base64url),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_url_encode),
		cmocka_unit_test(test_ieq),
		cmocka_unit_test(test_uuid_format),
		cmocka_unit_test(test_uuid_increasing),
		cmocka_unit_test(test_uuid_valid),
		cmocka_unit_test(test_time_format),
		cmocka_unit_test(test_time_round_trip),
		cmocka_unit_test(test_time_rejects),
		cmocka_unit_test(test_time_local),
		cmocka_unit_test(test_mail_address),
		cmocka_unit_test(test_mail_compose_plain),
		cmocka_unit_test(test_mail_compose_encoded),
		cmocka_unit_test(test_mail_compose_refuses_injection),
		cmocka_unit_test(test_seal_key_file),
		cmocka_unit_test(test_seal_round_trip),
	};
	return cmocka_run_group_tests_name("base", tests, NULL, NULL);
}
