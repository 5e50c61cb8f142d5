/* Unit tests of the date arithmetic and the settings of src/model/inactivity.c
 * (the sweep itself is tested end to end, tests/e2e/inactivity.test.mjs). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>
#include <time.h>

#include "../../src/model/inactivity.h"

/* 2026-11-27T10:00:00Z */
static const time_t T0 = 1795773600;

static void test_days_before(void **state)
{
	(void)state;
	char out[TIME_STRLEN + 1];
	inactivity_days_before(T0, 0, out);
	assert_string_equal(out, "2026-11-27T10:00:00Z");
	inactivity_days_before(T0, 365, out);
	assert_string_equal(out, "2025-11-27T10:00:00Z");
	/* across a leap day: 2024-02-29 exists */
	inactivity_days_before(T0, 1000, out);
	assert_string_equal(out, "2024-03-02T10:00:00Z");
	inactivity_days_before(T0, 7, out);
	assert_string_equal(out, "2026-11-20T10:00:00Z");
	inactivity_days_before(T0, -30, out);
	assert_string_equal(out, "2026-12-27T10:00:00Z");
}

static void test_date_in_words(void **state)
{
	(void)state;
	char out[64];
	inactivity_date(T0, 30, LANG_NL, out, sizeof out);
	assert_string_equal(out, "27 december 2026");
	inactivity_date(T0, 30, LANG_EN, out, sizeof out);
	assert_string_equal(out, "27 December 2026");
	inactivity_date(T0, 35, LANG_NL, out, sizeof out);
	assert_string_equal(out, "1 januari 2027");
	inactivity_date(T0, 0, LANG_EN, out, sizeof out);
	assert_string_equal(out, "27 November 2026");
	inactivity_date(T0, 94, LANG_NL, out, sizeof out);
	assert_string_equal(out, "1 maart 2027");
	/* a buffer too small is cut, never overrun */
	char small[6];
	inactivity_date(T0, 0, LANG_NL, small, sizeof small);
	assert_string_equal(small, "27 no");
}

static void test_parse_days(void **state)
{
	(void)state;
	int v = -1;
	assert_true(inactivity_parse_days("0", &v));
	assert_int_equal(v, 0);
	assert_true(inactivity_parse_days("365", &v));
	assert_int_equal(v, 365);
	assert_true(inactivity_parse_days("36500", &v));
	assert_int_equal(v, INACTIVE_DAYS_MAX);
	v = 7;
	const char *bad[] = { "", "-1", "+1", "1.5", "abc", "30 ", " 30", "36501", "999999", "0x10" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(inactivity_parse_days(bad[i], &v));
	assert_false(inactivity_parse_days(NULL, &v));
	assert_int_equal(v, 7); /* untouched by a bad value */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_before),
		cmocka_unit_test(test_date_in_words),
		cmocka_unit_test(test_parse_days),
	};
	return cmocka_run_group_tests_name("inactivity", tests, NULL, NULL);
}
