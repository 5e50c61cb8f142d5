/* Unit tests of src/base/jw.c: the streaming JSON writer. Every output is
 * compared with the text expected, byte for byte, and must parse with
 * jansson (the API's clients parse it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdbool.h>
#include <string.h>

#include "../../src/base/buf.h"
#include "../../src/base/err.h"
#include "../../src/base/jw.h"

/* The buffer's text equals expected, and it is one valid JSON document. */
static json_t *check(struct buf *b, const char *expected)
{
	assert_int_equal(b->err, 0);
	assert_string_equal(b->ptr, expected);
	json_error_t e;
	json_t *doc = json_loadb(b->ptr, b->len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY | JSON_ALLOW_NUL, &e);
	if (!doc)
		fail_msg("not JSON: %s at %d: %s", e.text, e.position, b->ptr);
	return doc;
}

static void test_nesting_and_commas(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(1 << 16);
	struct jw w;
	jw_init(&w, &b);
	jw_obj(&w);
	jw_kstr(&w, "id", "x1");
	jw_karr(&w, "list");
	jw_int(&w, 1);
	jw_obj(&w);
	jw_kbool(&w, "b", true);
	jw_kbool(&w, "c", false);
	jw_end(&w);
	jw_arr(&w);
	jw_end(&w);
	jw_obj(&w);
	jw_end(&w);
	jw_int(&w, -9223372036854775807LL - 1);
	jw_end(&w);
	jw_kobj(&w, "empty");
	jw_end(&w);
	jw_knull(&w, "none");
	jw_kstr(&w, "alsoNone", NULL);
	jw_kint(&w, "n", 0);
	jw_klink(&w, "self", "/api/v1/parties/x1");
	const char *const tags[] = { "a", "b" };
	jw_kstrs(&w, "tags", tags, 2);
	jw_kstrs(&w, "noTags", tags, 0);
	jw_key(&w, "raw");
	jw_raw(&w, "[1,2]", 5);
	jw_end(&w);
	jw_end(&w); /* one too many: nothing is written */
	json_t *doc = check(&b,
		"{\"id\":\"x1\",\"list\":[1,{\"b\":true,\"c\":false},[],{},-9223372036854775808],\"empty\":{},"
		"\"none\":null,\"alsoNone\":null,\"n\":0,\"self\":{\"href\":\"/api/v1/parties/x1\"},"
		"\"tags\":[\"a\",\"b\"],\"noTags\":[],\"raw\":[1,2]}");
	assert_int_equal(json_array_size(json_object_get(doc, "list")), 5);
	json_decref(doc);
	buf_release(&b);
}

/* Values at the top level and in arrays, without keys. */
static void test_top_level_values(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(1 << 16);
	struct jw w;
	jw_init(&w, &b);
	jw_arr(&w);
	jw_str(&w, "");
	jw_null(&w);
	jw_bool(&w, true);
	jw_arr(&w);
	jw_arr(&w);
	jw_int(&w, 7);
	jw_end(&w);
	jw_int(&w, 8);
	jw_end(&w);
	jw_end(&w);
	json_decref(check(&b, "[\"\",null,true,[[7],8]]"));
	buf_release(&b);

	b = (struct buf)BUF_INIT(1 << 16);
	jw_init(&w, &b);
	jw_str(&w, "alone");
	json_decref(check(&b, "\"alone\""));
	buf_release(&b);
}

/* The escaped form of s[0..n) as one JSON string, and its value parsed back. */
static void check_string(const char *s, size_t n, const char *expected, const char *decoded, size_t dlen)
{
	struct buf b = BUF_INIT(1 << 16);
	struct jw w;
	jw_init(&w, &b);
	jw_obj(&w);
	jw_key(&w, "v");
	jw_strn(&w, s, n);
	jw_end(&w);
	json_t *doc = check(&b, expected);
	json_t *v = json_object_get(doc, "v");
	assert_true(json_is_string(v));
	assert_int_equal(json_string_length(v), dlen);
	assert_memory_equal(json_string_value(v), decoded, dlen);
	json_decref(doc);
	buf_release(&b);
}

static void test_escaping(void **state)
{
	(void)state;
	check_string("say \"hi\"", 8, "{\"v\":\"say \\\"hi\\\"\"}", "say \"hi\"", 8);
	check_string("C:\\dir\\", 7, "{\"v\":\"C:\\\\dir\\\\\"}", "C:\\dir\\", 7);
	check_string("a\nb\rc\td", 7, "{\"v\":\"a\\nb\\rc\\td\"}", "a\nb\rc\td", 7);
	/* the other control characters as \u00XX; DEL needs no escape */
	check_string("\x01\x08\x0c\x1b\x1f\x7f", 6, "{\"v\":\"\\u0001\\u0008\\u000c\\u001b\\u001f\x7f\"}",
		     "\x01\x08\x0c\x1b\x1f\x7f", 6);
	/* a NUL inside the text, given by length */
	check_string("a\0b", 3, "{\"v\":\"a\\u0000b\"}", "a\0b", 3);
	/* a slash and HTML need no escape in JSON */
	check_string("</script>", 9, "{\"v\":\"</script>\"}", "</script>", 9);
	/* a key is escaped as a value is */
	struct buf b = BUF_INIT(1 << 16);
	struct jw w;
	jw_init(&w, &b);
	jw_obj(&w);
	jw_kint(&w, "a\"b\n", 1);
	jw_end(&w);
	json_t *doc = check(&b, "{\"a\\\"b\\n\":1}");
	assert_int_equal(json_integer_value(json_object_get(doc, "a\"b\n")), 1);
	json_decref(doc);
	buf_release(&b);
}

#define FFFD "\xef\xbf\xbd"

static void test_utf8(void **state)
{
	(void)state;
	/* valid text of 2, 3 and 4 bytes is kept as it is */
	check_string("é € 😀", 11, "{\"v\":\"é € 😀\"}", "é € 😀", 11);
	/* a byte that is no UTF-8 becomes U+FFFD, one per byte */
	check_string("a\xff" "b", 3, "{\"v\":\"a" FFFD "b\"}", "a" FFFD "b", 5);
	check_string("\x80", 1, "{\"v\":\"" FFFD "\"}", FFFD, 3);
	/* a sequence cut off at the end */
	check_string("ab\xc3", 3, "{\"v\":\"ab" FFFD "\"}", "ab" FFFD, 5);
	check_string("\xe2\x82", 2, "{\"v\":\"" FFFD FFFD "\"}", FFFD FFFD, 6);
	/* cut off by the next character */
	check_string("\xc3" "a", 2, "{\"v\":\"" FFFD "a\"}", FFFD "a", 4);
	/* overlong forms */
	check_string("\xc0\xaf", 2, "{\"v\":\"" FFFD FFFD "\"}", FFFD FFFD, 6);
	check_string("\xe0\x80\xaf", 3, "{\"v\":\"" FFFD FFFD FFFD "\"}", FFFD FFFD FFFD, 9);
	/* a UTF-16 surrogate, and past U+10FFFF */
	check_string("\xed\xa0\x80", 3, "{\"v\":\"" FFFD FFFD FFFD "\"}", FFFD FFFD FFFD, 9);
	check_string("\xf4\x90\x80\x80", 4, "{\"v\":\"" FFFD FFFD FFFD FFFD "\"}", FFFD FFFD FFFD FFFD, 12);
	/* an invalid byte among escapes */
	check_string("\"\xfe\n", 3, "{\"v\":\"\\\"" FFFD "\\n\"}", "\"" FFFD "\n", 5);
}

/* Every single byte, alone and in a run, makes valid JSON. */
static void test_every_byte(void **state)
{
	(void)state;
	char all[256];
	for (int i = 0; i < 256; i++)
		all[i] = (char)i;
	struct buf b = BUF_INIT(1 << 16);
	struct jw w;
	jw_init(&w, &b);
	jw_arr(&w);
	for (int i = 0; i < 256; i++)
		jw_strn(&w, all + i, 1);
	jw_strn(&w, all, sizeof all);
	jw_end(&w);
	assert_int_equal(b.err, 0);
	json_error_t e;
	json_t *doc = json_loadb(b.ptr, b.len, JSON_ALLOW_NUL, &e);
	if (!doc)
		fail_msg("not JSON: %s at %d", e.text, e.position);
	assert_int_equal(json_array_size(doc), 257);
	for (int i = 0; i < 128; i++) {
		json_t *v = json_array_get(doc, (size_t)i);
		assert_int_equal(json_string_length(v), 1);
		assert_int_equal((unsigned char)json_string_value(v)[0], i);
	}
	for (int i = 128; i < 256; i++)
		assert_string_equal(json_string_value(json_array_get(doc, (size_t)i)), FFFD);
	json_decref(doc);
	buf_release(&b);
}

/* The escaped form of s[0..n) as jw writes it, quotes included. */
static void escaped(const char *s, size_t n, struct buf *out)
{
	struct jw w;
	buf_reset(out);
	jw_init(&w, out);
	jw_strn(&w, s, n);
	assert_int_equal(out->err, 0);
}

/* Long strings go eight bytes at a time where they can: every byte, at
 * every place in a 24-byte string and beside a two-byte UTF-8 letter,
 * comes out as it does alone, with the plain bytes around it untouched. */
static void test_every_byte_in_a_long_string(void **state)
{
	(void)state;
	struct buf one = BUF_INIT(1 << 10), got = BUF_INIT(1 << 10), want = BUF_INIT(1 << 10);
	char s[24];
	for (int c = 0; c < 256; c++) {
		char ch = (char)c;
		escaped(&ch, 1, &one);
		for (size_t at = 0; at < sizeof s; at++) {
			memset(s, 'a', sizeof s);
			s[at] = ch;
			escaped(s, sizeof s, &got);
			buf_reset(&want);
			buf_addc(&want, '"');
			buf_add(&want, s, at);
			buf_add(&want, one.ptr + 1, one.len - 2);
			buf_add(&want, s + at + 1, sizeof s - at - 1);
			buf_addc(&want, '"');
			assert_string_equal(got.ptr, want.ptr);
		}
	}
	/* "é" (two bytes) ending one word and starting the next */
	memset(s, 'a', sizeof s);
	memcpy(s + 7, "\xc3\xa9", 2);
	escaped(s, sizeof s, &got);
	assert_string_equal(got.ptr, "\"aaaaaaa\xc3\xa9" "aaaaaaaaaaaaaaa\"");
	buf_release(&one);
	buf_release(&got);
	buf_release(&want);
}

static void test_ints(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(1 << 10);
	struct jw w;
	jw_init(&w, &b);
	jw_arr(&w);
	jw_int(&w, 0);
	jw_int(&w, -1);
	jw_int(&w, 1234567890123LL);
	jw_int(&w, INT64_MAX);
	jw_int(&w, INT64_MIN);
	jw_end(&w);
	json_decref(check(&b, "[0,-1,1234567890123,9223372036854775807,-9223372036854775808]"));
	buf_release(&b);
}

/* Deeper than JW_DEPTH_MAX is an error that sticks in the buf. */
static void test_depth(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(1 << 16);
	struct jw w;
	jw_init(&w, &b);
	for (int i = 0; i < JW_DEPTH_MAX; i++)
		jw_arr(&w);
	assert_int_equal(b.err, 0);
	for (int i = 0; i < JW_DEPTH_MAX; i++)
		jw_end(&w);
	assert_int_equal(b.len, 2 * JW_DEPTH_MAX);
	jw_init(&w, &b);
	for (int i = 0; i <= JW_DEPTH_MAX; i++)
		jw_arr(&w);
	assert_int_equal(b.err, ERR_TOOBIG);
	buf_release(&b);
}

/* A buf past its limit keeps its error; the writer does not write past it. */
static void test_limit(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(16);
	struct jw w;
	jw_init(&w, &b);
	jw_obj(&w);
	jw_kstr(&w, "long", "more than sixteen bytes of text");
	jw_end(&w);
	assert_int_not_equal(b.err, 0);
	assert_true(b.len <= 16);
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nesting_and_commas),
		cmocka_unit_test(test_top_level_values),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_every_byte),
		cmocka_unit_test(test_every_byte_in_a_long_string),
		cmocka_unit_test(test_ints),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
