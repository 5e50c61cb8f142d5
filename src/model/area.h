/* area: places, in a tree from the country down to neighbourhoods.
 *
 * An area's code is the CBS code where one exists (GM0344 for a
 * municipality, WK034401 for a district, BU03440101 for a neighbourhood);
 * its path lists the codes from the root down ("NL01/PV26/GM0344/"), so
 * "in this area or below" is a prefix match. */
#ifndef KIEM_AREA_H
#define KIEM_AREA_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/lang.h"
#include "fields.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;
struct store_conn;

enum area_level {
	AREA_COUNTRY, AREA_PROVINCE, AREA_MUNICIPALITY, AREA_DISTRICT, AREA_NEIGHBOURHOOD,
	AREA_LEVEL_COUNT
};
extern const struct enum_entry area_levels[AREA_LEVEL_COUNT];

enum { AREA_CODE_MAX = 16, AREA_NAME_MAX = 200 };

struct area {
	const char *code;
	const char *name;
	const char *level;
	const char *parent; /* the parent's code, or NULL for a root */
	const char *path;
	const char *created_at;
	long long party_count; /* public parties serving it directly; by area_list with_counts */
};

/* Its fields, for the API, the forms and the log (not the count, which
 * only lists have). */
extern const struct field_desc area_fields[];
extern const size_t area_nfields;

struct area_filter {
	const char *parent; /* only the children of this code */
	const char *level;
	const char *q;      /* in the name or the code */
	int max_depth;      /* only areas at most this deep (1 = roots); 0 = all */
	bool with_counts;   /* fill party_count (costs a count per area) */
	const char *cursor; /* the path of the last area of the previous page */
	int limit;          /* 1..1000 */
};

/* How deep the area is in the tree: 1 for a root. */
int area_depth(const struct area *ar);
/* ERR_NOTFOUND if there is no such area. */
int area_get(struct store *s, struct arena *a, const char *code, struct area *out);
/* The same on connection c (the writer's inside a write transaction). */
int area_get_on(struct store_conn *c, struct arena *a, const char *code, struct area *out);
/* The range [lo, hi) of the paths of the area code and those inside it,
 * and its name if name is not NULL; false if there is no such area. */
bool area_range(struct store *s, struct arena *a, const char *code, const char **lo, const char **hi,
		const char **name);
/* Areas in tree order (by path). *next is the cursor for the next page or NULL. */
int area_list(struct store *s, struct arena *a, const struct area_filter *f,
	      struct area **items, size_t *n, const char **next);
/* Validates and creates; ERR_INVALID with problems filled. Fills in the
 * path and the time, as a read gives them. */
int area_create(struct store *s, const struct viewer *v, struct arena *a,
		struct area *in, struct problems *p);

#endif
