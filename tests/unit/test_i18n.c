/* Unit tests of src/web/i18n.c: the plural forms, and that every message of
 * every feature's file has a text in both languages that takes the same
 * arguments in each. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../src/web/i18n.h"

static const char *const names[M_COUNT] = {
#define X(key, nl, en) [M_##key] = #key,
#define P(key, nl_one, nl_other, en_one, en_other) [M_##key] = #key,
#include "../../build/gen/msg_all.h"
#undef P
#undef X
};

/* The text of m for the count n, formatted as a page formats it. */
static const char *count(enum lang lang, enum msg m, long long n)
{
	static char out[256];
	snprintf(out, sizeof out, i18n_n(lang, m, n), n);
	return out;
}

static void test_plural_forms(void **state)
{
	(void)state;
	assert_string_equal(count(LANG_NL, M_ISSUE_SUPPORTERS_N, 1), "1 mens");
	assert_string_equal(count(LANG_NL, M_ISSUE_SUPPORTERS_N, 2), "2 mensen");
	assert_string_equal(count(LANG_NL, M_ISSUE_SUPPORTERS_N, 0), "0 mensen");
	assert_string_equal(count(LANG_EN, M_ISSUE_SUPPORTERS_N, 1), "1 person");
	assert_string_equal(count(LANG_EN, M_ISSUE_SUPPORTERS_N, 2), "2 people");
	assert_string_equal(count(LANG_EN, M_ISSUE_SUPPORTERS_N, 0), "0 people");
	assert_string_equal(count(LANG_NL, M_DAYS, 1), "1 dag");
	assert_string_equal(count(LANG_EN, M_DAYS, 30), "30 days");
	assert_string_equal(count(LANG_EN, M_SIG_PART_OTHERS, 1),
			    "And 1 signal of another party or resident, which only they and those who handle it read.");
	assert_string_equal(count(LANG_NL, M_SIG_PART_OTHERS, 3),
			    "En 3 signalen van andere partijen of bewoners, die alleen zij en wie ze behandelen lezen.");
	/* Without a count, a plural text is its form for other numbers. */
	assert_string_equal(i18n(LANG_EN, M_ISSUE_SUPPORTERS_N), "%lld people");
	/* A text without plural forms is the same for every count. */
	assert_string_equal(i18n_n(LANG_NL, M_SAVE, 1), "Opslaan");
	assert_string_equal(i18n_n(LANG_NL, M_SAVE, 2), "Opslaan");
}

static void test_plural_rule(void **state)
{
	(void)state;
	static const long long others[] = { 0, 2, 3, 11, 21, 101, -1, 1000000 };
	for (int l = 0; l < LANG_COUNT; l++) {
		assert_int_equal(i18n_plural((enum lang)l, 1), PLURAL_ONE);
		for (size_t i = 0; i < sizeof others / sizeof *others; i++)
			assert_int_equal(i18n_plural((enum lang)l, others[i]), PLURAL_OTHER);
	}
}

/* The conversions of a format, "%s" and "%lld" and the like, in order,
 * each ended by a space. */
static void conversions(const char *fmt, char *out, size_t size)
{
	size_t n = 0;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		do {
			if (n + 2 < size)
				out[n++] = *p;
			p++;
		} while (*p && (!strchr("diouxXeEfgGcspn%", *p)));
		if (!*p)
			break;
		if (n + 2 < size) {
			out[n++] = *p;
			out[n++] = ' ';
		}
	}
	out[n] = '\0';
}

static void test_every_message(void **state)
{
	static const char *const langs[LANG_COUNT] = { "Dutch", "English" };
	(void)state;
	static const long long ns[] = { 1, 2 };
	for (int m = 0; m < M_COUNT; m++) {
		char first[64], these[64];
		for (int l = 0; l < LANG_COUNT; l++) {
			for (size_t i = 0; i < sizeof ns / sizeof *ns; i++) {
				const char *text = i18n_n((enum lang)l, (enum msg)m, ns[i]);
				if (!text || !*text)
					fail_msg("%s has no %s text for %lld", names[m], langs[l], ns[i]);
				conversions(text, these, sizeof these);
				if (l == 0 && i == 0)
					memcpy(first, these, sizeof first);
				else if (strcmp(first, these))
					fail_msg("%s takes \"%s\" in Dutch for 1 but \"%s\" in %s for %lld",
						 names[m], first, these, langs[l], ns[i]);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plural_forms),
		cmocka_unit_test(test_plural_rule),
		cmocka_unit_test(test_every_message),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
