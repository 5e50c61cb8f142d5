#include "i18n.h"

static const char *const catalogue[M_COUNT][LANG_COUNT][PLURAL_COUNT] = {
#define X(key, nl, en) [M_##key] = { { nl, nl }, { en, en } },
#define P(key, nl_one, nl_other, en_one, en_other) [M_##key] = { { nl_one, nl_other }, { en_one, en_other } },
#include "../../build/gen/msg_all.h" /* every file in msg/ (the Makefile) */
#undef P
#undef X
};

enum plural i18n_plural(enum lang lang, long long n)
{
	(void)lang;
	return n == 1 ? PLURAL_ONE : PLURAL_OTHER;
}

const char *i18n(enum lang lang, enum msg m)
{
	return catalogue[m][lang][PLURAL_OTHER];
}

const char *i18n_n(enum lang lang, enum msg m, long long n)
{
	return catalogue[m][lang][i18n_plural(lang, n)];
}
