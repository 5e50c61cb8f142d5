#include "password.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

/* Passwords of 12 characters or more that people choose most, in Dutch and
 * English, written for kiem; compared without regard to case. Shorter ones
 * fail the length rule anyway. */
static const char *const common[] = {
	"123456789012", "1234567890123", "12345678901234", "123456789123", "123123123123",
	"111111111111", "000000000000", "123412341234", "098765432109", "qwertyuiopas",
	"qwerty123456", "qwertyuiop12", "qwertyuiop123", "asdfghjkl123", "azertyuiop12",
	"password1234", "password12345", "password123!", "passwordpassword", "mypassword12",
	"iloveyou1234", "iloveyou123!", "letmein12345", "welcome12345", "welcome123456",
	"administrator", "admin1234567", "changeme1234", "football1234", "monkey123456",
	"sunshine1234", "princess1234", "trustno11234", "starwars1234", "superman1234",
	"wachtwoord12", "wachtwoord123", "wachtwoord1234", "wachtwoord!!", "wachtwoordwachtwoord",
	"mijnwachtwoord", "welkom123456", "welkom12345!", "welkomwelkom", "geheim123456",
	"geheimgeheim", "hallo1234567", "hallohallo12", "voetbal12345", "voetbal123456",
	"feyenoord1908", "ajaxamsterdam", "utrecht12345", "amsterdam123", "rotterdam123",
	"nederland123", "nederland1234", "holland12345", "zomer2024!!!", "winter2024!!",
	"lente2025!!!", "herfst2025!!", "januari2025!", "december2024", "ikhouvanjou12",
	"abcdefghijkl", "abc123abc123", "abcd1234abcd", "a1b2c3d4e5f6", "1q2w3e4r5t6y",
	"zaq12wsxcde3", "1qaz2wsx3edc", "q1w2e3r4t5y6", "correcthorsebatterystaple",
	"kiem12345678", "kiemkiemkiem", "socialeinnovatie", "gemeente12345",
};

static bool repeated(const char *p, size_t n)
{
	/* one character, or a pattern of up to 4 characters, over and over */
	for (size_t period = 1; period <= 4 && period < n; period++) {
		bool same = true;
		for (size_t i = period; i < n && same; i++)
			same = p[i] == p[i - period];
		if (same)
			return true;
	}
	return false;
}

static bool sequential(const char *p, size_t n)
{
	int up = 1, down = 1;
	for (size_t i = 1; i < n; i++) {
		int d = (unsigned char)p[i] - (unsigned char)p[i - 1];
		bool wrap_up = p[i - 1] == '9' && p[i] == '0';
		bool wrap_down = p[i - 1] == '0' && p[i] == '9';
		up = up && (d == 1 || wrap_up);
		down = down && (d == -1 || wrap_down);
	}
	return up || down;
}

/* Whether the password, without case, contains word (of 4 or more letters). */
static bool contains(const char *pw, const char *word, size_t len)
{
	if (len < 4)
		return false;
	size_t n = strlen(pw);
	for (size_t i = 0; i + len <= n; i++)
		if (strncasecmp(pw + i, word, len) == 0)
			return true;
	return false;
}

bool password_weak(const char *password, const char *email, const char *name)
{
	size_t n = strlen(password);
	for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
		if (strcasecmp(password, common[i]) == 0)
			return true;
	if (repeated(password, n) || sequential(password, n))
		return true;
	/* the person's own words, making up most of it */
	const char *words[2] = { email, name };
	for (int w = 0; w < 2; w++) {
		if (!words[w])
			continue;
		size_t len = w == 0 ? strcspn(words[w], "@") : strlen(words[w]);
		if (contains(password, words[w], len) && len * 2 >= n)
			return true;
	}
	return false;
}
