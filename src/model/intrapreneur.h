/* intrapreneur: room for intrapreneurship (the dossier's working element
 * `intrapreneurship`): the hours a week an employer grants one of its
 * people to work on an initiative.
 *
 * A logged-in person records them for themselves only, for an initiative,
 * naming the party they work for, which must be a party they are a member
 * of; they change or remove them. One row per person and initiative.
 *
 * What is public and what is not: the total hours an initiative is granted, and
 * per party (a party the viewer may see) the hours and how many people,
 * are public; so are a party's totals per initiative. Who is granted the hours
 * (a person's name with theirs) is shown to the person, the members of the
 * initiative's lead party and platform admins, and to nobody else. */
#ifndef KIEM_INTRAPRENEUR_H
#define KIEM_INTRAPRENEUR_H

#include <stdbool.h>
#include <stddef.h>

#include "fields.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct initiative_rel;
struct store;

enum { INTRAPRENEUR_HOURS_MAX = 168 };

/* One person's hours for one initiative. */
struct intrapreneur {
	const char *initiative_id;
	const char *user_id;
	const char *name;       /* the person's name */
	const char *party_id;   /* the employer: a party the person is a member of */
	const char *party_name;
	bool has_hours;
	long long hours_per_week; /* 1..168 */
	const char *since;      /* YYYY-MM-DD; today when not given */
	const char *created_at;
	const char *updated_at;
};

/* The fields, in the order of the JSON answer. */
extern const struct field_desc intrapreneur_fields[];
extern const size_t intrapreneur_nfields;

/* The hours of one party: per initiative (for a party), or per party (for
 * an initiative). */
struct intrapreneur_total {
	const char *id;    /* the party's or the initiative's */
	const char *name;  /* its name or title */
	long long hours;
	long long people;
};

/* What an initiative is granted. */
struct intrapreneurship {
	long long hours, people;          /* all of it, public */
	struct intrapreneur_total *parties; /* per party the viewer may see, most hours first */
	size_t nparties;
	bool names_shown;                 /* people holds everyone's rows, else only the viewer's */
	struct intrapreneur *people_rows; /* by party's name, then the person's */
	size_t npeople;
};

enum { INTRAPRENEURS_MAX = 1000 }; /* rows read of one initiative */

/* The initiative's hours, as the viewer may see them. ERR_NOTFOUND if
 * there is no initiative. */
int intrapreneur_of_initiative(struct store *s, struct arena *a, const struct viewer *v,
			       const char *initiative_id, struct intrapreneurship *out);
/* The same for an initiative the caller has read, with the viewer's
 * relation to it. */
int intrapreneur_of_known(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
			  const struct initiative_rel *rel, struct intrapreneurship *out);
/* A party's hours per initiative (the room for intrapreneurship it gives),
 * most hours first, and their total; the caller has checked that the
 * viewer may see the party. */
int intrapreneur_of_party(struct store *s, struct arena *a, const char *party_id,
			  struct intrapreneur_total **items, size_t *n, long long *hours);
/* One person's hours for the initiative: user_id "me" (or the viewer's
 * own id) for the viewer's; another person's only for those who may see
 * names. ERR_NOTFOUND when there are none or they are hidden; ERR_AUTH
 * for "me" when anonymous. */
int intrapreneur_get(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		     const char *user_id, struct intrapreneur *out);
/* Records the viewer's own hours (user_id "me" or the viewer's id; any
 * other is ERR_FORBIDDEN): party (required; one the viewer is a member
 * of, else a problem of "party"), hoursPerWeek 1..168, since. Replaces
 * what was recorded; *created says whether there was none. ERR_AUTH,
 * ERR_NOTFOUND (no initiative), ERR_INVALID with problems. */
int intrapreneur_set(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		     const char *user_id, struct intrapreneur *in, struct problems *p, bool *created);
/* Removes the viewer's own hours: ERR_NOTFOUND when there were none,
 * ERR_FORBIDDEN for another person's. */
int intrapreneur_delete(struct store *s, const struct viewer *v, const char *initiative_id,
			const char *user_id);

#endif
