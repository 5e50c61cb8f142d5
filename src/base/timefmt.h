/* timefmt: times as RFC 3339 strings in UTC, "2026-11-27T10:00:00Z", for
 * the API and the database; and the same instants for people, in the
 * instance's time zone (KIEM_TIMEZONE), for the pages and the mail. */
#ifndef KIEM_TIMEFMT_H
#define KIEM_TIMEFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "lang.h"

enum { TIME_STRLEN = 20, TIME_LOCAL_MAX = 48 };

void time_format(time_t t, char out[TIME_STRLEN + 1]);
void time_now(char out[TIME_STRLEN + 1]);
/* Parses exactly "YYYY-MM-DDTHH:MM:SSZ"; false if it is not that. */
bool time_parse(const char *s, size_t len, time_t *out);

/* The zone people read times in: an IANA name ("Europe/Amsterdam") that
 * the system's tzdata knows, whose rules (daylight saving time included)
 * come from there. Sets TZ for the whole process, so call it at start,
 * before any thread. Returns 0, or ERR_INVALID when name is no zone (then
 * nothing changes). Until it is called, times for people are in UTC. */
int time_zone_set(const char *name);
/* The name set, "UTC" before that. */
const char *time_zone(void);
/* True when the zone is UTC all year: pages then say so, as nobody reads
 * UTC as the time on their own clock. */
bool time_zone_is_utc(void);
/* The date of t in that zone: "29 maart 2026", "29 March 2026". */
void time_local_date(time_t t, enum lang l, char *out, size_t n);
/* The time of day of t in that zone: "03:00". */
void time_local_clock(time_t t, char *out, size_t n);

#endif
