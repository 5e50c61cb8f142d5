/* overview: the ecosystem at a glance for the home page: public parties by
 * kind, and by kind per area.
 *
 * At the national scale counting takes longer than a page may, so the
 * figures are kept and reused while the data has not changed (the store's
 * generation). When it has: a request recounts itself if the last count
 * was quick, else one background worker recounts while requests show the
 * last figures, marked stale with the time they were made. */
#ifndef KIEM_OVERVIEW_H
#define KIEM_OVERVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/timefmt.h"
#include "../model/party.h"

struct arena;
struct store;

struct overview {
	long long by_kind[KIND_COUNT];
	long long total;
	struct party_area_counts *rows;
	size_t nrows;
	char computed_at[TIME_STRLEN + 1];
	bool stale; /* the data changed since; a recount is under way */
};

/* Starts the background worker and a first count, so the first visitor
 * does not wait for it. */
int overview_start(struct store *s);
/* Stops the worker (waiting for a count in progress); call before closing
 * the store. */
void overview_stop(void);
/* The latest figures, copied into the arena; ERR_BUSY while the first
 * count since the start is still under way. */
int overview_get(struct store *s, struct arena *a, struct overview *out);

#endif
