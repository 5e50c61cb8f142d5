#include "timefmt.h"

#include <stdio.h>

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
