/* Unit tests of src/base/ical.c: folding at 75 octets without splitting a
 * UTF-8 character, CRLF, escaping, and local times of Europe/Amsterdam on
 * both sides of daylight saving time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "../../src/base/buf.h"
#include "../../src/base/ical.h"
#include "../../src/base/text.h"
#include "../../src/base/timefmt.h"

/* Every line ends in CRLF, has at most 75 octets, and is valid UTF-8 on
 * its own; returns the text unfolded (CRLF SPACE taken out). */
static char *check_lines(const struct buf *b, struct buf *unfolded)
{
	const char *p = b->ptr, *end = b->ptr + b->len;
	while (p < end) {
		const char *crlf = strstr(p, "\r\n");
		assert_non_null(crlf);
		size_t n = (size_t)(crlf - p);
		assert_true(n <= ICAL_LINE_MAX);
		assert_null(memchr(p, '\n', n));
		assert_null(memchr(p, '\r', n));
		assert_true(text_utf8_valid(p, n));
		if (*p == ' ')
			buf_add(unfolded, p + 1, n - 1);
		else {
			if (unfolded->len)
				buf_addc(unfolded, '\n');
			buf_add(unfolded, p, n);
		}
		p = crlf + 2;
	}
	return unfolded->ptr;
}

static void test_fold_utf8(void **state)
{
	(void)state;
	/* "é" is two octets: at every offset, a fold never splits one */
	for (int pad = 0; pad < 4; pad++) {
		struct buf b = BUF_INIT(1 << 16), u = BUF_INIT(1 << 16);
		struct buf text = BUF_INIT(1 << 16);
		for (int i = 0; i < pad; i++)
			buf_addc(&text, 'x');
		for (int i = 0; i < 120; i++)
			buf_adds(&text, i % 3 ? "é" : "€");
		ical_text(&b, "SUMMARY", text.ptr);
		check_lines(&b, &u);
		assert_true(strncmp(u.ptr, "SUMMARY:", 8) == 0);
		assert_string_equal(u.ptr + 8, text.ptr);
		assert_true(b.len > 150);
		buf_release(&b);
		buf_release(&u);
		buf_release(&text);
	}
}

static void test_escape(void **state)
{
	(void)state;
	struct buf b = BUF_INIT(1 << 16), u = BUF_INIT(1 << 16);
	ical_text(&b, "LOCATION", "Zaal 1; Buurthuis, Overvecht\\Noord\r\nTweede regel\nDerde");
	check_lines(&b, &u);
	assert_string_equal(u.ptr, "LOCATION:Zaal 1\\; Buurthuis\\, Overvecht\\\\Noord\\nTweede regel\\nDerde");
	buf_release(&b);
	buf_release(&u);
}

static void test_amsterdam(void **state)
{
	(void)state;
	assert_int_equal(time_zone_set("Europe/Amsterdam"), 0);
	assert_string_equal(ical_zone(), "Europe/Amsterdam");
	struct buf b = BUF_INIT(1 << 16), u = BUF_INIT(1 << 16);
	ical_begin(&b, "-//kiem//NONSGML kiem//NL");
	time_t winter, summer, night;
	assert_true(time_parse("2026-01-15T18:30:00Z", 20, &winter));
	assert_true(time_parse("2026-07-15T17:30:00Z", 20, &summer));
	/* the night summer time begins: 00:30 UTC is 01:30 CET, 01:30 UTC is 03:30 CEST */
	assert_true(time_parse("2026-03-29T00:30:00Z", 20, &night));
	ical_event(&b, &(struct ical_event){ .uid = "a@kiem", .stamp = winter, .start = winter, .end = winter + 3600,
					     .summary = "Winter", .sequence = 2 });
	ical_event(&b, &(struct ical_event){ .uid = "b@kiem", .stamp = winter, .start = summer, .end = summer + 3600,
					     .summary = "Zomer", .cancelled = true });
	ical_event(&b, &(struct ical_event){ .uid = "c@kiem", .stamp = winter, .start = night, .end = night + 3600,
					     .summary = "Nacht" });
	ical_end(&b);
	const char *s = check_lines(&b, &u);
	assert_non_null(strstr(s, "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//kiem//NONSGML kiem//NL\nCALSCALE:GREGORIAN\n"
				  "METHOD:PUBLISH\nBEGIN:VTIMEZONE\nTZID:Europe/Amsterdam\n"));
	assert_non_null(strstr(s, "DTSTAMP:20260115T183000Z\n"));
	assert_non_null(strstr(s, "DTSTART;TZID=Europe/Amsterdam:20260115T193000\nDTEND;TZID=Europe/Amsterdam:20260115T203000\n"
				  "SEQUENCE:2\nSTATUS:CONFIRMED\n"));
	assert_non_null(strstr(s, "DTSTART;TZID=Europe/Amsterdam:20260715T193000\n"));
	assert_non_null(strstr(s, "STATUS:CANCELLED\n"));
	assert_non_null(strstr(s, "DTSTART;TZID=Europe/Amsterdam:20260329T013000\nDTEND;TZID=Europe/Amsterdam:20260329T033000\n"));
	assert_true(b.len > 2 && strcmp(b.ptr + b.len - 15, "END:VCALENDAR\r\n") == 0);

	/* in another zone the times are UTC, without a VTIMEZONE */
	assert_int_equal(time_zone_set("UTC"), 0);
	assert_null(ical_zone());
	buf_reset(&b);
	ical_begin(&b, "-//kiem//NONSGML kiem//NL");
	ical_event(&b, &(struct ical_event){ .uid = "a@kiem", .stamp = winter, .start = summer, .end = summer + 60,
					     .summary = "Zomer" });
	assert_null(strstr(b.ptr, "VTIMEZONE"));
	assert_non_null(strstr(b.ptr, "DTSTART:20260715T173000Z\r\nDTEND:20260715T173100Z\r\n"));
	buf_release(&b);
	buf_release(&u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_utf8),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_amsterdam),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
