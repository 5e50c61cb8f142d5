#include "valid.h"

#include <stdio.h>
#include <string.h>

#include "../base/text.h"
#include "../base/uuid.h"

void problems_add(struct problems *p, const char *field, enum reason r, long arg)
{
	if (p->n == PROBLEMS_MAX || problems_find(p, field))
		return; /* one problem per field: the first says what to fix first */
	p->v[p->n].field = field;
	p->v[p->n].reason = r;
	p->v[p->n].arg = arg;
	p->v[p->n].min = 0;
	p->n++;
}

void problems_add_range(struct problems *p, const char *field, long min, long max)
{
	size_t before = p->n;
	problems_add(p, field, R_OUT_OF_RANGE, max);
	if (p->n > before)
		p->v[p->n - 1].min = min;
}

const struct problem *problems_find(const struct problems *p, const char *field)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->v[i].field, field) == 0)
			return &p->v[i];
	return NULL;
}

/* What each reason says, as a format that takes the problem's arg (and,
 * for a range, its min first). */
static const char *const reason_texts[R_REASON_COUNT][LANG_COUNT] = {
	[R_REQUIRED] = { "Vul dit in.", "Fill this in." },
	[R_CHOOSE] = { "Kies een van de mogelijkheden.", "Choose one of the options." },
	[R_UNKNOWN_USER] = { "Er is geen account met dit e-mailadres. Vraag de persoon eerst een account te maken.",
			     "There is no account with this email address. Ask the person to register first." },
	[R_NOT_CONFIRMED] = { "Dit is niet het e-mailadres van je account. Typ het precies over om te bevestigen.",
			      "This is not the email address of your account. Type it exactly to confirm." },
	[R_LINK_INVALID] = { "Deze link werkt niet meer: hij is al gebruikt, hij is verlopen of hij is niet compleet."
			     " Vraag een nieuwe aan.",
			     "This link no longer works: it was used already, it has expired, or it is not complete."
			     " Ask for a new one." },
	[R_MOVE_NOT_ALLOWED] = { "Het vraagstuk kan nu niet naar deze status. Kies een van de statussen die je hier ziet.",
				 "The issue cannot move to this status now. Choose one of the statuses offered." },
	[R_END_BEFORE_START] = { "Het einde moet na het begin liggen.", "The end must be after the start." },
	[R_WEAK_PASSWORD] = { "Dit wachtwoord is makkelijk te raden. Kies een langere zin of een paar woorden die niet"
			      " bij elkaar horen.",
			      "This password is easy to guess. Choose a longer sentence or several unrelated words." },
	[R_TOO_LONG] = { "Gebruik hoogstens %ld tekens.", "Use at most %ld characters." },
	[R_TOO_SHORT] = { "Gebruik minstens %ld tekens.", "Use at least %ld characters." },
	[R_TOO_MANY] = { "Kies er hoogstens %ld.", "Choose at most %ld." },
	[R_BAD_UTF8] = { "Deze tekst heeft tekens die niet te lezen zijn (geen UTF-8).",
			 "This text has characters that cannot be read (not UTF-8)." },
	[R_CONTROL_CHARS] = { "Haal de onzichtbare stuurtekens weg.", "Remove the invisible control characters." },
	[R_NOT_ONE_OF] = { "Dit is geen van de mogelijkheden; kies er een van.",
			   "This is not one of the options; choose one of them." },
	[R_UNKNOWN_AREA] = { "Er is geen gebied met deze code.", "There is no area with this code." },
	[R_UNKNOWN_ROLE] = { "Er is geen rol met deze sleutel.", "There is no role with this key." },
	[R_BAD_EMAIL] = { "Vul een e-mailadres in, zoals naam@voorbeeld.nl.", "Enter an email address, like name@example.nl." },
	[R_BAD_PHONE] = { "Vul een telefoonnummer in, zoals 030 123 4567 of +31 30 123 4567.",
			  "Enter a phone number, like 030 123 4567 or +31 30 123 4567." },
	[R_BAD_URL] = { "Vul een webadres in dat begint met https:// of http://.",
			"Enter a web address that starts with https:// or http://." },
	[R_OUT_OF_RANGE] = { "Vul een heel getal in van %ld tot en met %ld.", "Enter a whole number from %ld to %ld." },
	[R_UNKNOWN_FIELD] = { "Dit veld bestaat hier niet.", "This is not a field of this resource." },
	[R_READ_ONLY] = { "kiem vult dit veld zelf in; laat het weg.", "kiem sets this field; leave it out." },
	[R_DUPLICATE] = { "Dit is al in gebruik.", "This is already in use." },
	[R_BAD_FORMAT] = { "Dit heeft niet de goede vorm.", "This is not in the right form." },
};

void problem_text(const struct problem *pr, enum lang lang, char *out, size_t n)
{
	static const char *const types[][LANG_COUNT] = {
		[JK_STRING] = { "tekst", "a string" },
		[JK_INTEGER] = { "een geheel getal", "an integer" },
		[JK_ARRAY_OF_STRINGS] = { "een lijst van teksten", "an array of strings" },
		[JK_OBJECT] = { "een object", "an object" },
		[JK_BOOLEAN] = { "waar of onwaar", "a boolean" },
	};
	if (pr->reason == R_WRONG_TYPE) {
		long t = pr->arg >= 0 && pr->arg <= JK_BOOLEAN ? pr->arg : 0;
		snprintf(out, n, lang == LANG_EN ? "Must be %s." : "Moet %s zijn.", types[t][lang]);
	} else if (pr->reason < R_REASON_COUNT && reason_texts[pr->reason][lang]) {
		long first = pr->reason == R_OUT_OF_RANGE ? pr->min : pr->arg;
		snprintf(out, n, reason_texts[pr->reason][lang], first, pr->arg);
	} else {
		snprintf(out, n, "%s", lang == LANG_EN ? "This is not valid." : "Dit klopt niet.");
	}
}

bool valid_text(struct problems *p, const char *field, const char *s, bool required,
		size_t max, bool multiline)
{
	size_t len = s ? strlen(s) : 0;
	if (!len) {
		if (required)
			problems_add(p, field, R_REQUIRED, 0);
		return !required;
	}
	if (!text_utf8_valid(s, len)) {
		problems_add(p, field, R_BAD_UTF8, 0);
		return false;
	}
	if (text_has_control(s, len, multiline)) {
		problems_add(p, field, R_CONTROL_CHARS, 0);
		return false;
	}
	if (text_utf8_len(s, len) > max) {
		problems_add(p, field, R_TOO_LONG, (long)max);
		return false;
	}
	return true;
}

int valid_page(struct problems *p, int limit, const char *cursor, const char *q)
{
	if (limit > 100)
		problems_add_range(p, "limit", 1, 100);
	if (cursor && !uuid_valid(cursor, strlen(cursor)))
		problems_add(p, "cursor", R_BAD_FORMAT, 0);
	if (q)
		valid_text(p, "q", q, false, 200, false);
	return limit > 0 ? limit : 20;
}

bool valid_email(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@') || strlen(s) > 254)
		return false;
	const char *dot = strrchr(at, '.');
	if (!dot || dot == at + 1 || !dot[1])
		return false;
	for (const char *c = s; *c; c++)
		if (*c == ' ' || *c == '<' || *c == '>' || *c == '"' || *c == ',' || *c == ';')
			return false;
	return true;
}

bool valid_phone(const char *s)
{
	int digits = 0;
	for (const char *c = s; *c; c++) {
		if (*c >= '0' && *c <= '9')
			digits++;
		else if (!(*c == ' ' || *c == '-' || *c == '(' || *c == ')' || (*c == '+' && c == s)))
			return false;
	}
	return digits >= 6 && digits <= 15;
}

bool valid_url(const char *s)
{
	const char *rest;
	if (strncmp(s, "https://", 8) == 0)
		rest = s + 8;
	else if (strncmp(s, "http://", 7) == 0)
		rest = s + 7;
	else
		return false;
	if (!*rest || *rest == '/' || *rest == '.')
		return false;
	for (const char *c = rest; *c; c++)
		if (*c == ' ' || *c == '<' || *c == '>' || *c == '"' || *c == '\'' || *c == '\\')
			return false;
	return true;
}
