/* timefmt: times as RFC 3339 strings in UTC, "2026-11-27T10:00:00Z". */
#ifndef KIEM_TIMEFMT_H
#define KIEM_TIMEFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

enum { TIME_STRLEN = 20 };

void time_format(time_t t, char out[TIME_STRLEN + 1]);
void time_now(char out[TIME_STRLEN + 1]);
/* Parses exactly "YYYY-MM-DDTHH:MM:SSZ"; false if it is not that. */
bool time_parse(const char *s, size_t len, time_t *out);

#endif
