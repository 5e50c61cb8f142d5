/* i18n: every text of the pages, in Dutch and English.
 *
 * Written in plain language (B1). Each feature keeps its texts in its own
 * file under msg/, named after its feature; the Makefile includes every
 * file there (build/gen/msg_all.h), so none is listed by hand. A file holds
 * rows, and nothing else, and has no include guard (it is read twice):
 *
 *   X(KEY, "Dutch", "English")
 *   P(KEY, "Dutch for 1", "Dutch for any other number",
 *     "English for 1", "English for any other number")
 *
 * A page asks for a text by its key: T(r, M_KEY); for a count n, TP(r,
 * M_KEY, n) picks the form. Texts with a %s or %lld are formats for
 * html_f, and every form of a text takes the same arguments. Keys ending in
 * _HTML are markup, written with html_raw(). */
#ifndef KIEM_I18N_H
#define KIEM_I18N_H

#include "../base/lang.h"

enum msg {
#define X(key, nl, en) M_##key,
#define P(key, nl_one, nl_other, en_one, en_other) M_##key,
#include "../../build/gen/msg_all.h" /* every file in msg/ (the Makefile) */
#undef P
#undef X
	M_COUNT
};

/* The forms of a text with a count. Dutch and English both have one form
 * for 1 and one for every other number, 0 included (CLDR's "one" and
 * "other"); a text without a count has the same text in both. */
enum plural { PLURAL_ONE, PLURAL_OTHER, PLURAL_COUNT };

/* The form a language uses for the number n. */
enum plural i18n_plural(enum lang lang, long long n);

/* The text of m in lang; of a plural text, the form for other numbers. */
const char *i18n(enum lang lang, enum msg m);
#define T(r, m) i18n((r)->lang, (m))

/* The text of m in lang in its form for the number n. */
const char *i18n_n(enum lang lang, enum msg m, long long n);
#define TP(r, m, n) i18n_n((r)->lang, (m), (n))

#endif
