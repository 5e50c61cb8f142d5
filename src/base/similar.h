/* similar: how alike two short texts are, for grouping signals that report
 * the same thing (ten reports of one gap become one cluster).
 *
 * A text becomes a bag of word stems: lower case, split at everything that
 * is not a letter or digit, Dutch (and a few English) stopwords dropped,
 * words of one or two letters dropped, and a plain Dutch suffix stripped
 * (-en, -s, -e, -je(s)) so that "wachtlijsten" and "wachtlijst" count as one.
 * The similarity is the cosine of the two bags' count vectors: 1 for the
 * same words in the same proportions, 0 for no word in common. */
#ifndef KIEM_SIMILAR_H
#define KIEM_SIMILAR_H

#include <stddef.h>

/* Above this, two signals report the same thing. */
#define SIMILAR_THRESHOLD 0.5

/* The cosine similarity of the stems of a and b, in [0, 1]. Reads at most
 * the first 8000 bytes of each and their first 400 stems. */
double similar_text(const char *a, const char *b);

/* The stem of one lower-case word, written to out (at most n bytes, with
 * its end): for tests and for the reasoning above. */
void similar_stem(const char *word, char *out, size_t n);

enum { SIMILAR_STEM_MAX = 40 }; /* bytes of one stem, without its end */

/* The distinct stems of a text, as similar_text() sees them, in the order
 * first seen: at most max of them into out. Returns how many. Reads at most
 * the first 8000 bytes. (The role ledger matches a party's expertise tags
 * to an issue's words with them.) */
size_t similar_stems(const char *text, char (*out)[SIMILAR_STEM_MAX + 1], size_t max);

#endif
