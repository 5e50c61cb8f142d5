/* Unit tests of src/analysis/similar.c: the text similarity that groups
 * signals reporting the same thing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../src/base/similar.h"

static void stems(void **state)
{
	(void)state;
	char out[64];
	similar_stem("wachtlijsten", out, sizeof out);
	assert_string_equal(out, "wachtlijst");
	similar_stem("wachtlijst", out, sizeof out);
	assert_string_equal(out, "wachtlijst");
	similar_stem("bussen", out, sizeof out);
	assert_string_equal(out, "bus");
	similar_stem("huisjes", out, sizeof out);
	assert_string_equal(out, "huis");
	similar_stem("zee", out, sizeof out); /* too short to strip */
	assert_string_equal(out, "zee");
}

static void same_and_different(void **state)
{
	(void)state;
	const char *a = "Geen huiswerkbegeleiding voor kinderen in de wijk";
	assert_true(similar_text(a, a) > 0.999);
	/* the same words in another order, other stopwords, plural forms */
	assert_true(similar_text(a, "In de wijk is er geen huiswerkbegeleiding voor de kinderen") > 0.99);
	assert_true(similar_text(a, "Huiswerkbegeleiding ontbreekt voor kind in onze wijk") >=
		    SIMILAR_THRESHOLD);
	/* another subject */
	assert_true(similar_text(a, "De bus naar het ziekenhuis rijdt niet meer op zondag") <
		    SIMILAR_THRESHOLD);
	assert_true(similar_text(a, "") == 0);
	assert_true(similar_text(NULL, a) == 0);
	/* stopwords alone share nothing */
	assert_true(similar_text("de het een van", "de het een van") == 0);
}

static void symmetric_and_bounded(void **state)
{
	(void)state;
	const char *a = "Eenzaamheid onder ouderen in de flat, geen ontmoetingsplek";
	const char *b = "Ouderen in de flat zijn eenzaam: er is geen plek om elkaar te ontmoeten";
	double ab = similar_text(a, b), ba = similar_text(b, a);
	assert_true(ab == ba);
	assert_true(ab > 0 && ab <= 1.0);
	/* case and punctuation do not matter */
	assert_true(similar_text("GEEN Huiswerkbegeleiding!", "geen huiswerkbegeleiding") > 0.999);
}

/* The distinct stems of a text, in order, as the role ledger uses them. */
static void distinct_stems(void **state)
{
	(void)state;
	char out[8][SIMILAR_STEM_MAX + 1];
	size_t n = similar_stems("Wachtlijsten voor de Wachtlijst van OUDEREN en ouderen!", out, 8);
	assert_int_equal(n, 2);
	assert_string_equal(out[0], "wachtlijst");
	assert_string_equal(out[1], "ouder");
	/* at most max, the first ones */
	n = similar_stems("appel peer pruim kers", out, 2);
	assert_int_equal(n, 2);
	assert_string_equal(out[1], "peer");
	assert_int_equal(similar_stems("de het een", out, 8), 0);
	assert_int_equal(similar_stems(NULL, out, 8), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stems),
		cmocka_unit_test(same_and_different),
		cmocka_unit_test(symmetric_and_bounded),
		cmocka_unit_test(distinct_stems),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
