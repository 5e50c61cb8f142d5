/* ical: iCalendar (RFC 5545) for kiem's events, written strictly: lines
 * end in CRLF and are folded at 75 octets without splitting a UTF-8
 * character; text is escaped (backslash, semicolon, comma, newline as \n);
 * times are local times of Europe/Amsterdam with its VTIMEZONE, or UTC
 * ("...Z") when the process's zone is another one.
 *
 *     struct buf b = BUF_INIT(1 << 20);
 *     ical_begin(&b, "-//kiem//NONSGML kiem//NL");
 *     ical_event(&b, &(struct ical_event){ ... });
 *     ical_end(&b);
 *
 * The local times come from the C library's tz functions (localtime_r) in
 * the process's zone, TZ as time_zone_set() (timefmt.h) sets it at start:
 * the offsets across daylight saving time are tzdata's, never a sum. */
#ifndef KIEM_ICAL_H
#define KIEM_ICAL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct buf;

enum { ICAL_LINE_MAX = 75 }; /* octets of a line before its CRLF */

struct ical_event {
	const char *uid;         /* unique for ever: "<id>@<domain>" */
	time_t stamp;            /* DTSTAMP: when this calendar was written */
	time_t start, end;       /* DTSTART, DTEND */
	long long sequence;      /* SEQUENCE: counted up on every change */
	bool cancelled;          /* STATUS:CANCELLED, else CONFIRMED */
	const char *summary;     /* the title */
	const char *description; /* or NULL */
	const char *location;    /* or NULL */
	const char *url;         /* the event's page, or NULL */
};

/* The name of the zone the times are in ("Europe/Amsterdam"), or NULL when
 * they are written in UTC. */
const char *ical_zone(void);
/* VCALENDAR with VERSION, PRODID, CALSCALE, METHOD:PUBLISH and the
 * VTIMEZONE of the zone. */
void ical_begin(struct buf *b, const char *prodid);
void ical_event(struct buf *b, const struct ical_event *e);
void ical_end(struct buf *b);

/* One content line "name:value" (value as it is: escape text first),
 * folded and ended with CRLF. */
void ical_line(struct buf *b, const char *name, const char *value);
/* One property of TEXT value type, escaped (RFC 5545 3.3.11); a CR LF or a
 * lone CR counts as one newline. */
void ical_text(struct buf *b, const char *name, const char *text);

#endif
