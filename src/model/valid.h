/* valid: the problems that validation finds, field by field.
 *
 * Validation never stops at the first problem: it adds every one to a
 * struct problems, so the API can answer one 400 listing them all and a page
 * can show each beside its field. Field names are the API's (lowerCamelCase),
 * which the forms use too. */
#ifndef KIEM_VALID_H
#define KIEM_VALID_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/lang.h"

enum reason {
	R_REQUIRED,      /* missing or empty */
	R_TOO_LONG,      /* arg: the most characters allowed */
	R_TOO_MANY,      /* arg: the most items allowed */
	R_BAD_UTF8,      /* not valid UTF-8 */
	R_CONTROL_CHARS, /* has control characters */
	R_NOT_ONE_OF,    /* not one of the allowed values */
	R_UNKNOWN_AREA,  /* no area with this code */
	R_UNKNOWN_ROLE,  /* no role with this key */
	R_BAD_EMAIL,     /* not an email address */
	R_BAD_PHONE,     /* not a phone number */
	R_BAD_URL,       /* not an http(s) address */
	R_OUT_OF_RANGE,  /* arg: the maximum; min: the minimum */
	R_WRONG_TYPE,    /* arg: enum json_kind of what was expected */
	R_UNKNOWN_FIELD, /* not a field of this resource */
	R_READ_ONLY,     /* set by kiem, not by clients */
	R_DUPLICATE,     /* already taken */
	R_BAD_FORMAT,    /* not in the expected form */
	R_TOO_SHORT,     /* arg: the fewest characters allowed */
	R_CHOOSE,        /* missing: one of a set must be chosen */
	R_UNKNOWN_USER,  /* no account with this email */
	R_WEAK_PASSWORD, /* easy to guess (password.h) */
	R_NOT_CONFIRMED, /* a confirmation that does not match (privacy.h) */
	R_LINK_INVALID,  /* a one-time link's code: unknown, used or expired (account.h) */
	R_MOVE_NOT_ALLOWED, /* a status move not allowed from the status now (issue.h) */
	R_END_BEFORE_START, /* an end that is not after the start (event.h) */
	R_REASON_COUNT
};

/* What a field of the wrong type should have been, for R_WRONG_TYPE. */
enum json_kind { JK_STRING, JK_INTEGER, JK_ARRAY_OF_STRINGS, JK_OBJECT, JK_BOOLEAN };

struct problem {
	const char *field; /* static, or owned by the caller's arena */
	enum reason reason;
	long arg;
	long min;
};

enum { PROBLEMS_MAX = 32 };

struct problems {
	struct problem v[PROBLEMS_MAX];
	size_t n;
};

void problems_add(struct problems *p, const char *field, enum reason r, long arg);
/* A number outside [min, max]. */
void problems_add_range(struct problems *p, const char *field, long min, long max);
/* The first problem of a field, or NULL. */
const struct problem *problems_find(const struct problems *p, const char *field);
/* A plain-language sentence for a problem, in the language asked for. */
void problem_text(const struct problem *pr, enum lang lang, char *out, size_t n);

/* Checks common to all text fields: valid UTF-8, no control characters
 * (newlines allowed if multiline), at most max characters; required means
 * empty is a problem. Adds problems and returns false if there are any. */
bool valid_text(struct problems *p, const char *field, const char *s, bool required,
		size_t max, bool multiline);
/* The size of a page of a list: limit, or 20 for 0; more than 100 is a problem
 * of "limit". A cursor (the id of the last item shown) and a search q are
 * checked too, when not NULL. */
int valid_page(struct problems *p, int limit, const char *cursor, const char *q);
bool valid_email(const char *s);
bool valid_phone(const char *s);
bool valid_url(const char *s);

#endif
