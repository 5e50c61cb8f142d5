#include "similar.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum { WORD_MAX = SIMILAR_STEM_MAX, STEMS_MAX = 400, TEXT_MAX = 8000 };

/* Words that say nothing of what a report is about. */
static const char *const stopwords[] = {
	"aan", "als", "bij", "dan", "dat", "de", "deze", "die", "dit", "door", "een", "eens",
	"en", "er", "geen", "het", "hier", "hij", "hoe", "ik", "in", "is", "je", "kan", "kunnen",
	"maar", "me", "met", "mij", "na", "naar", "niet", "nog", "nu", "of", "om", "omdat", "ons",
	"onze", "ook", "op", "over", "te", "tot", "uit", "van", "veel", "voor", "want", "was",
	"wat", "we", "wel", "werd", "wie", "wij", "wordt", "worden", "zal", "ze", "zij", "zijn",
	"zo", "zich", "zou", "er", "and", "the", "for", "with", "of", "to", "is", "are", "not",
	"no", "there", "this", "that", "in", "on", "a", "an",
};

static bool is_stopword(const char *w)
{
	for (size_t i = 0; i < sizeof stopwords / sizeof stopwords[0]; i++)
		if (strcmp(stopwords[i], w) == 0)
			return true;
	return false;
}

static bool ends_with(const char *w, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);
	return n > k && memcmp(w + n - k, suffix, k) == 0;
}

void similar_stem(const char *word, char *out, size_t n)
{
	size_t len = strlen(word);
	if (len >= n)
		len = n - 1;
	memcpy(out, word, len);
	out[len] = 0;
	/* the longest suffix first; the stem keeps at least three letters */
	static const char *const suffixes[] = { "jes", "je", "en", "s", "e" };
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		size_t k = strlen(suffixes[i]);
		if (len >= k + 3 && ends_with(out, len, suffixes[i])) {
			len -= k;
			out[len] = 0;
			break;
		}
	}
	/* a doubled last consonant is one: "bussen" > "buss" > "bus" */
	if (len >= 4 && out[len - 1] == out[len - 2] && !strchr("aeiou", out[len - 1]))
		out[--len] = 0;
}

/* The square root by Newton's method (x >= 0), so as not to need libm. */
static double root(double x)
{
	if (x <= 0)
		return 0;
	double r = x > 1 ? x : 1;
	for (int i = 0; i < 60; i++)
		r = 0.5 * (r + x / r);
	return r;
}

struct bag {
	char stems[STEMS_MAX][WORD_MAX + 1];
	int count[STEMS_MAX];
	size_t n;
};

static void bag_add(struct bag *b, const char *stem)
{
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->stems[i], stem) == 0) {
			b->count[i]++;
			return;
		}
	if (b->n == STEMS_MAX)
		return;
	memcpy(b->stems[b->n], stem, strlen(stem) + 1);
	b->count[b->n++] = 1;
}

/* Calls fn with each stem of the text's words, in order; stops early when
 * fn returns false. */
static void each_stem(const char *text, bool (*fn)(const char *stem, void *ctx), void *ctx)
{
	char word[WORD_MAX + 1];
	size_t wl = 0;
	size_t len = text ? strnlen(text, TEXT_MAX) : 0;
	for (size_t i = 0; i <= len; i++) {
		unsigned char ch = i < len ? (unsigned char)text[i] : ' ';
		/* bytes of multibyte UTF-8 characters count as letters */
		bool letter = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80 ||
			      (ch >= 'A' && ch <= 'Z');
		if (letter) {
			if (ch >= 'A' && ch <= 'Z')
				ch = (unsigned char)(ch - 'A' + 'a');
			if (wl < WORD_MAX)
				word[wl++] = (char)ch;
			continue;
		}
		if (wl == 0)
			continue;
		word[wl] = 0;
		wl = 0;
		if (strlen(word) < 3 || is_stopword(word))
			continue;
		char stem[WORD_MAX + 1];
		similar_stem(word, stem, sizeof stem);
		if (!fn(stem, ctx))
			return;
	}
}

static bool add_to_bag(const char *stem, void *ctx)
{
	bag_add(ctx, stem);
	return true;
}

static void bag_of(const char *text, struct bag *b)
{
	b->n = 0;
	each_stem(text, add_to_bag, b);
}

struct stem_set {
	char (*v)[SIMILAR_STEM_MAX + 1];
	size_t n, max;
};

static bool add_to_set(const char *stem, void *ctx)
{
	struct stem_set *set = ctx;
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->v[i], stem) == 0)
			return true;
	if (set->n == set->max)
		return false;
	memcpy(set->v[set->n++], stem, strlen(stem) + 1);
	return true;
}

size_t similar_stems(const char *text, char (*out)[SIMILAR_STEM_MAX + 1], size_t max)
{
	struct stem_set set = { out, 0, max };
	each_stem(text, add_to_set, &set);
	return set.n;
}

double similar_text(const char *a, const char *b)
{
	struct bag *x = malloc(sizeof *x), *y = malloc(sizeof *y);
	double sim = 0;
	if (!x || !y)
		goto out;
	bag_of(a, x);
	bag_of(b, y);
	double dot = 0, nx = 0, ny = 0;
	for (size_t i = 0; i < x->n; i++) {
		nx += (double)x->count[i] * x->count[i];
		for (size_t j = 0; j < y->n; j++)
			if (strcmp(x->stems[i], y->stems[j]) == 0) {
				dot += (double)x->count[i] * y->count[j];
				break;
			}
	}
	for (size_t j = 0; j < y->n; j++)
		ny += (double)y->count[j] * y->count[j];
	if (nx > 0 && ny > 0)
		sim = dot / (root(nx) * root(ny));
out:
	free(x);
	free(y);
	return sim;
}
