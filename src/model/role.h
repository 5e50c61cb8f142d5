/* role: the catalogue of what a party does in the ecosystem, seeded from the
 * Movisie dossier "Wat werkt bij sociale innovatie". Each role lists the
 * party kinds that typically take it; any party may take any role. */
#ifndef KIEM_ROLE_H
#define KIEM_ROLE_H

#include <stddef.h>

#include "../base/lang.h"

struct arena;
struct store;

struct role {
	const char *key;
	const char *name[LANG_COUNT];
	const char *description[LANG_COUNT];
	const char *typical_kinds; /* party kind keys, separated by spaces */
};

/* The built-in catalogue, in the dossier's order. */
extern const struct role role_catalogue[];
extern const size_t role_catalogue_count;

/* Writes the catalogue into the database (insert or update). */
int role_seed(struct store *s);
/* The catalogue entry for a key, or NULL. */
const struct role *role_find(const char *key);
int role_list(struct store *s, struct arena *a, struct role **items, size_t *n);
int role_get(struct store *s, struct arena *a, const char *key, struct role *out);

#endif
