/* register: the processing register (verwerkingsregister, art. 30 AVG/GDPR):
 * what kiem keeps about people, why, on which legal basis, for how long, and
 * who sees it. One table, in Dutch and English, that both the API
 * (/api/v1/processing-activities) and the page /privacy show, so the two
 * cannot differ. A new table or column holding personal data needs a row or
 * a change here. */
#ifndef KIEM_REGISTER_H
#define KIEM_REGISTER_H

#include <stddef.h>

#include "../base/lang.h"

/* The legal bases of art. 6(1) AVG that kiem uses. */
enum legal_basis { BASIS_CONTRACT, BASIS_LEGITIMATE_INTERESTS, BASIS_PUBLIC_TASK, BASIS_COUNT };
extern const struct enum_entry legal_bases[BASIS_COUNT];

enum { REGISTER_LIST_MAX = 8 };

struct processing_activity {
	const char *id; /* a stable key, like "accounts" */
	const char *name[LANG_COUNT];
	const char *purpose[LANG_COUNT];
	enum legal_basis basis;
	/* lists end at the first NULL */
	const char *categories[REGISTER_LIST_MAX][LANG_COUNT];
	const char *subjects[REGISTER_LIST_MAX][LANG_COUNT];
	const char *retention[LANG_COUNT];
	const char *recipients[REGISTER_LIST_MAX][LANG_COUNT];
};

extern const struct processing_activity register_activities[];
extern const size_t register_count;

/* The number of entries of a list of a processing activity. */
size_t register_list_len(const char *const (*list)[LANG_COUNT]);

#endif
