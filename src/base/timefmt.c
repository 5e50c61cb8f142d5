#include "timefmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

void time_format(time_t t, char out[TIME_STRLEN + 1])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, TIME_STRLEN + 1, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void time_now(char out[TIME_STRLEN + 1])
{
	time_format(time(NULL), out);
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool time_parse(const char *s, size_t len, time_t *out)
{
	if (len != TIME_STRLEN || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
	    s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return false;
	struct tm tm = { 0 };
	int y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2);
	int h = digits(s + 11, 2), mi = digits(s + 14, 2), se = digits(s + 17, 2);
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 ||
	    mi < 0 || mi > 59 || se < 0 || se > 60)
		return false;
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
	if (d > mdays[mo - 1] + (mo == 2 && leap))
		return false; /* 2026-02-30 is no date, not 2026-03-02 */
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = se;
	*out = timegm(&tm);
	return true;
}

/* ---- times for people ---- */

static char zone[128] = "UTC";
static bool zone_set, zone_utc = true;

/* A name as tzdata spells its zones: letters, digits, "_+-" and single
 * slashes between parts that do not start with a dot, so it can only
 * name a file under the zone directory. */
static bool zone_name_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n >= sizeof zone)
		return false;
	bool part_start = true;
	for (const char *p = s; *p; p++) {
		char c = *p;
		if (c == '/') {
			if (part_start)
				return false;
			part_start = true;
			continue;
		}
		if (part_start && c == '.')
			return false;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '+' || c == '-' || c == '.'))
			return false;
		part_start = false;
	}
	return !part_start;
}

/* True when path is a zone file of tzdata (it starts with "TZif"). */
static bool zone_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char magic[4];
	bool ok = fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(f);
	return ok;
}

int time_zone_set(const char *name)
{
	if (!name || !zone_name_ok(name))
		return ERR_INVALID;
	const char *dir = getenv("TZDIR");
	if (!dir || !*dir)
		dir = "/usr/share/zoneinfo";
	char tz[sizeof zone + 512];
	int len = snprintf(tz, sizeof tz, ":%s/%s", dir, name);
	if (len < 0 || (size_t)len >= sizeof tz)
		return ERR_INVALID;
	if (!zone_file(tz + 1)) {
		if (strcmp(name, "UTC") != 0)
			return ERR_INVALID;
		snprintf(tz, sizeof tz, "UTC0"); /* UTC needs no tzdata */
	}
	if (setenv("TZ", tz, 1) != 0)
		return ERR_NOMEM;
	tzset();
	snprintf(zone, sizeof zone, "%s", name);
	zone_set = true;
	/* UTC all year: no offset and that name, in winter and in summer */
	zone_utc = true;
	const time_t probes[] = { 1768478400 /* 2026-01-15 */, 1784116800 /* 2026-07-15 */ };
	for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
		struct tm tm;
		localtime_r(&probes[i], &tm);
		if (tm.tm_gmtoff != 0 || !tm.tm_zone || strcmp(tm.tm_zone, "UTC") != 0)
			zone_utc = false;
	}
	return 0;
}

const char *time_zone(void)
{
	return zone;
}

bool time_zone_is_utc(void)
{
	return zone_utc;
}

static void local_tm(time_t t, struct tm *tm)
{
	if (zone_set)
		localtime_r(&t, tm);
	else
		gmtime_r(&t, tm);
}

void time_local_date(time_t t, enum lang l, char *out, size_t n)
{
	static const char *const months[LANG_COUNT][12] = {
		{ "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
		  "september", "oktober", "november", "december" },
		{ "January", "February", "March", "April", "May", "June", "July", "August",
		  "September", "October", "November", "December" },
	};
	struct tm tm;
	local_tm(t, &tm);
	snprintf(out, n, "%d %s %d", tm.tm_mday, months[l == LANG_EN ? LANG_EN : LANG_NL][tm.tm_mon],
		 tm.tm_year + 1900);
}

void time_local_clock(time_t t, char *out, size_t n)
{
	struct tm tm;
	local_tm(t, &tm);
	snprintf(out, n, "%02d:%02d", tm.tm_hour, tm.tm_min);
}
