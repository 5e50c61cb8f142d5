#include "ical.h"

#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "timefmt.h"

static const char amsterdam[] = "Europe/Amsterdam";

const char *ical_zone(void)
{
	return strcmp(time_zone(), amsterdam) == 0 ? amsterdam : NULL;
}

/* Appends s[0..n) to b as content lines: after every 75 octets a CRLF and
 * a space, never inside a UTF-8 character (a continuation byte 10xxxxxx
 * stays with the bytes before it). */
static void folded(struct buf *b, const char *s, size_t n)
{
	size_t room = ICAL_LINE_MAX, i = 0;
	while (n - i > room) {
		size_t cut = i + room;
		while (cut > i && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		buf_add(b, s + i, cut - i);
		buf_add(b, "\r\n ", 3);
		i = cut;
		room = ICAL_LINE_MAX - 1; /* the space that folds is the line's first octet */
	}
	buf_add(b, s + i, n - i);
	buf_add(b, "\r\n", 2);
}

void ical_line(struct buf *b, const char *name, const char *value)
{
	struct buf line = BUF_INIT(1 << 20);
	buf_adds(&line, name);
	buf_addc(&line, ':');
	buf_adds(&line, value);
	folded(b, line.ptr, line.len);
	buf_release(&line);
}

void ical_text(struct buf *b, const char *name, const char *text)
{
	struct buf line = BUF_INIT(1 << 20);
	buf_adds(&line, name);
	buf_addc(&line, ':');
	for (const char *p = text ? text : ""; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\\' || c == ';' || c == ',') {
			buf_addc(&line, '\\');
			buf_addc(&line, (char)c);
		} else if (c == '\r') {
			buf_add(&line, "\\n", 2);
			if (p[1] == '\n')
				p++;
		} else if (c == '\n') {
			buf_add(&line, "\\n", 2);
		} else if (c < 0x20 && c != '\t') {
			buf_addc(&line, ' '); /* no other control character is TEXT */
		} else if (c == 0x7F) {
			buf_addc(&line, ' ');
		} else {
			buf_addc(&line, (char)c);
		}
	}
	folded(b, line.ptr, line.len);
	buf_release(&line);
}

/* The date-time of t: local in the zone ("20260615T190000") or UTC
 * ("20260615T170000Z"). */
static void date_time(time_t t, bool local, char out[64])
{
	struct tm tm;
	if (local)
		localtime_r(&t, &tm);
	else
		gmtime_r(&t, &tm);
	snprintf(out, 64, "%04d%02d%02dT%02d%02d%02d%s", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		 tm.tm_min, tm.tm_sec, local ? "" : "Z");
}

void ical_begin(struct buf *b, const char *prodid)
{
	ical_line(b, "BEGIN", "VCALENDAR");
	ical_line(b, "VERSION", "2.0");
	ical_line(b, "PRODID", prodid);
	ical_line(b, "CALSCALE", "GREGORIAN");
	ical_line(b, "METHOD", "PUBLISH");
	if (!ical_zone())
		return;
	/* the rules of the European Union since 1996: summer time from the
	 * last Sunday of March at 02:00 to the last Sunday of October at 03:00 */
	static const char *const zone[][2] = {
		{ "BEGIN", "VTIMEZONE" }, { "TZID", amsterdam },
		{ "BEGIN", "DAYLIGHT" }, { "TZOFFSETFROM", "+0100" }, { "TZOFFSETTO", "+0200" },
		{ "TZNAME", "CEST" }, { "DTSTART", "19810329T020000" },
		{ "RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" }, { "END", "DAYLIGHT" },
		{ "BEGIN", "STANDARD" }, { "TZOFFSETFROM", "+0200" }, { "TZOFFSETTO", "+0100" },
		{ "TZNAME", "CET" }, { "DTSTART", "19961027T030000" },
		{ "RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU" }, { "END", "STANDARD" },
		{ "END", "VTIMEZONE" },
	};
	for (size_t i = 0; i < sizeof zone / sizeof zone[0]; i++)
		ical_line(b, zone[i][0], zone[i][1]);
}

void ical_event(struct buf *b, const struct ical_event *e)
{
	const char *tz = ical_zone();
	char t[64], name[64];
	ical_line(b, "BEGIN", "VEVENT");
	ical_text(b, "UID", e->uid);
	date_time(e->stamp, false, t);
	ical_line(b, "DTSTAMP", t);
	snprintf(name, sizeof name, tz ? "DTSTART;TZID=%s" : "DTSTART", tz);
	date_time(e->start, tz != NULL, t);
	ical_line(b, name, t);
	snprintf(name, sizeof name, tz ? "DTEND;TZID=%s" : "DTEND", tz);
	date_time(e->end, tz != NULL, t);
	ical_line(b, name, t);
	snprintf(t, sizeof t, "%lld", e->sequence < 0 ? 0 : e->sequence);
	ical_line(b, "SEQUENCE", t);
	ical_line(b, "STATUS", e->cancelled ? "CANCELLED" : "CONFIRMED");
	ical_text(b, "SUMMARY", e->summary);
	if (e->description && *e->description)
		ical_text(b, "DESCRIPTION", e->description);
	if (e->location && *e->location)
		ical_text(b, "LOCATION", e->location);
	if (e->url && *e->url)
		ical_line(b, "URL", e->url);
	ical_line(b, "END", "VEVENT");
}

void ical_end(struct buf *b)
{
	ical_line(b, "END", "VCALENDAR");
}
