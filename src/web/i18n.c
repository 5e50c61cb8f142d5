#include "i18n.h"

static const char *const catalogue[M_COUNT][LANG_COUNT] = {
#define X(key, nl, en) [M_##key] = { nl, en },
	MESSAGES(X)
#undef X
};

const char *i18n(enum lang lang, enum msg m)
{
	return catalogue[m][lang];
}

const char *i18n_n(enum lang lang, enum msg one, enum msg other, long long n)
{
	return catalogue[n == 1 ? one : other][lang];
}
