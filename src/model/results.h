/* results: what happens after a decision on an initiative (issue 11).
 *
 * Three things an initiative keeps of its results, each a sub-resource of
 * the initiative as factor.h is of an issue:
 *   - milestones (mijlpalen, milestone.c): a title, a due date, a status
 *     and a progress of 0-100;
 *   - outcomes (resultaten, outcome.c): an indicator with its unit, a
 *     baseline and a target, and measurements over time (value, and the
 *     costs and savings of the period in euro cents);
 *   - the lessons log (lessen, lesson.c): what was learned, dated, about
 *     which of the dossier's six working elements, on behalf of a party.
 * And the flags (results.c): a milestone is overdue when its due date has
 * passed and it is neither done nor cancelled; an initiative is stalled
 * when it has stayed in one stage (not sustained or stopped) longer than
 * results_stalled_days.
 *
 * Who may (results.c's rules, one table for all three, checked with
 * perm_check_rules on the viewer's relation to the initiative that
 * initiative_relation() works out):
 *   - read: anyone (initiatives are public);
 *   - add a milestone, a lesson or a measurement: the members of the lead
 *     party and of a partner party, the coordinators of the initiative's
 *     area (or one around it), platform admins;
 *   - add an outcome, and change or remove any of these: the lead party's
 *     members, the coordinators, platform admins; the author of a lesson
 *     may also change and remove their own.
 * Errors: ERR_AUTH (log in first), ERR_FORBIDDEN, ERR_NOTFOUND (no such
 * initiative, or the item is not that initiative's), ERR_INVALID (with
 * problems, every field at once), ERR_CONFLICT (the most items reached). */
#ifndef KIEM_RESULTS_H
#define KIEM_RESULTS_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/lang.h"
#include "../base/uuid.h"
#include "fields.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;
struct store_conn;
struct initiative_rel;

enum milestone_status { MS_PLANNED, MS_IN_PROGRESS, MS_DONE, MS_CANCELLED, MS_STATUS_COUNT };
extern const struct enum_entry milestone_statuses[MS_STATUS_COUNT];

/* The dossier's six working elements (werkzame elementen, DESIGN.md 1). */
enum working_element {
	WE_BUILD_ECOSYSTEM, WE_OPEN_NETWORK, WE_LEARNING_ORGANISATION, WE_INTRAPRENEURSHIP,
	WE_ROOM_FOR_IDEAS, WE_CO_CREATION, WE_COUNT
};
extern const struct enum_entry working_elements[WE_COUNT];

enum {
	MILESTONES_MAX = 200,   /* per initiative */
	OUTCOMES_MAX = 50,      /* per initiative */
	MEASUREMENTS_MAX = 500, /* per outcome */
	LESSONS_MAX = 1000,     /* per initiative */
	LESSON_BODY_MAX = 4000,
};

/* How many days in one stage make an initiative stalled (default 180;
 * KIEM_STALLED_DAYS for kiem serve, cli/results_config.c). */
extern long results_stalled_days;

/* What the viewer may do with an initiative's results. */
struct results_may {
	bool add;    /* add milestones, lessons, measurements */
	bool manage; /* add outcomes; change and remove any of them */
};
/* From the relation initiative_relation() filled. */
struct results_may results_may_of(const struct viewer *v, const struct initiative_rel *rel);

/* Today's date (UTC), YYYY-MM-DD, into out. */
void results_today(char out[11]);

/* ---- milestones (mijlpalen) ---- */

struct milestone {
	char id[UUID_STRLEN + 1];
	const char *initiative_id;
	const char *title;
	const char *due;    /* YYYY-MM-DD */
	const char *status; /* planned, in_progress, done, cancelled */
	long long progress; /* 0-100; done is 100 */
	bool has_progress;
	bool overdue;       /* computed: due passed, not done or cancelled */
	const char *created_by;
	const char *created_at, *updated_at;
};
extern const struct field_desc milestone_fields[];
extern const size_t milestone_nfields;

/* An initiative's milestones by due date (at most MILESTONES_MAX).
 * ERR_NOTFOUND if there is no such initiative. */
int milestone_list(struct store *s, struct arena *a, const char *initiative_id, struct milestone **items,
		   size_t *n);
/* The same for an initiative the caller has loaded (and so knows it
 * exists): one statement. */
int milestone_list_known(struct store *s, struct arena *a, const char *initiative_id, struct milestone **items,
			 size_t *n);
int milestone_get(struct store *s, struct arena *a, const char *initiative_id, const char *id,
		  struct milestone *out);
/* Validates and adds; status defaults to planned, progress to 0; done
 * sets progress to 100. */
int milestone_create(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		     struct milestone *in, struct problems *p);
/* Writes in (was with a merge patch applied) over was. */
int milestone_update(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		     const struct milestone *was, struct milestone *in, struct problems *p);
int milestone_delete(struct store *s, const struct viewer *v, const char *initiative_id, const char *id);

/* ---- outcomes (resultaten) and their measurements (metingen) ---- */

/* Values of indicators are whole numbers in the outcome's unit (a unit
 * such as "procent" or "deelnemers"; a finer unit for finer values). */
struct outcome {
	char id[UUID_STRLEN + 1];
	const char *initiative_id;
	const char *indicator;
	const char *unit;
	long long baseline, target;
	bool has_baseline, has_target;
	/* computed from the measurements */
	long long measurements;
	long long latest_value;
	bool has_latest;
	const char *latest_on;
	long long cost_cents, savings_cents; /* sums of all measurements */
	const char *created_by;
	const char *created_at, *updated_at;
};
extern const struct field_desc outcome_fields[];
extern const size_t outcome_nfields;

struct measurement {
	char id[UUID_STRLEN + 1];
	const char *outcome_id;
	const char *measured_on; /* YYYY-MM-DD, not after today */
	long long value;
	bool has_value;
	long long cost_cents, savings_cents; /* of the period, euro cents */
	bool has_cost, has_savings;
	const char *note;
	const char *created_by;
	const char *created_at;
};
extern const struct field_desc measurement_fields[];
extern const size_t measurement_nfields;

/* Totals of an initiative's outcomes, for its page. */
struct outcome_totals {
	long long cost_cents, savings_cents;
};

int outcome_list(struct store *s, struct arena *a, const char *initiative_id, struct outcome **items,
		 size_t *n, struct outcome_totals *tot);
int outcome_list_known(struct store *s, struct arena *a, const char *initiative_id, struct outcome **items,
		       size_t *n, struct outcome_totals *tot);
int outcome_get(struct store *s, struct arena *a, const char *initiative_id, const char *id,
		struct outcome *out);
int outcome_create(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		   struct outcome *in, struct problems *p);
int outcome_update(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		   const struct outcome *was, struct outcome *in, struct problems *p);
int outcome_delete(struct store *s, const struct viewer *v, const char *initiative_id, const char *id);

/* An outcome's measurements, oldest first (at most MEASUREMENTS_MAX). */
int measurement_list(struct store *s, struct arena *a, const char *initiative_id, const char *outcome_id,
		     struct measurement **items, size_t *n);
int measurement_get(struct store *s, struct arena *a, const char *initiative_id, const char *outcome_id,
		    const char *id, struct measurement *out);
int measurement_create(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		       const char *outcome_id, struct measurement *in, struct problems *p);
int measurement_delete(struct store *s, const struct viewer *v, const char *initiative_id,
		       const char *outcome_id, const char *id);

/* ---- the lessons log (lessen) ---- */

struct lesson {
	char id[UUID_STRLEN + 1];
	const char *initiative_id;
	const char *body;
	struct strlist working_elements; /* keys of working_elements[] */
	const char *learned_on;          /* YYYY-MM-DD; today when not given */
	const char *party_id;            /* on whose behalf; NULL: none */
	const char *party_name;
	const char *author_id;           /* internal: never in answers */
	const char *created_at, *updated_at;
};
extern const struct field_desc lesson_fields[];
extern const size_t lesson_nfields;

struct lesson_filter {
	const char *working_element; /* a key, or NULL */
	const char *cursor;
	int limit; /* 1..100; 0 = 20 */
};

/* Newest first (learned on, then made). ERR_INVALID for a bad filter. */
int lesson_list(struct store *s, struct arena *a, const char *initiative_id, const struct lesson_filter *f,
		struct problems *p, struct lesson **items, size_t *n, const char **next);
int lesson_list_known(struct store *s, struct arena *a, const char *initiative_id, const struct lesson_filter *f,
		      struct problems *p, struct lesson **items, size_t *n, const char **next);
int lesson_get(struct store *s, struct arena *a, const char *initiative_id, const char *id, struct lesson *out);
/* The party: one the viewer is a member of, the lead or a partner; when
 * none is given, the lead party if the viewer is its member, else their
 * first partner party. */
int lesson_create(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		  struct lesson *in, struct problems *p);
int lesson_update(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		  const struct lesson *was, struct lesson *in, struct problems *p);
int lesson_delete(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		  const char *id);
/* Whether the viewer may change or remove this lesson. */
bool lesson_may_edit(const struct viewer *v, const struct results_may *may, const struct lesson *l);

/* ---- the flags ---- */

/* An initiative's flags, for its page. */
struct initiative_flags {
	long long overdue;      /* milestones overdue */
	bool stalled;
	long long days_in_stage;
};
int results_flags(struct store *s, const char *initiative_id, struct initiative_flags *out);
/* The same from what the caller has read: the initiative's stage, when it
 * began, and its milestones (as milestone_list gives them). */
void results_flags_of(const char *stage, const char *stage_changed_at, const struct milestone *items, size_t n,
		      struct initiative_flags *out);

/* One initiative in the coordinators' list. */
struct flagged {
	char id[UUID_STRLEN + 1];
	const char *title;
	const char *stage;
	const char *area;
	const char *area_name;
	const char *stage_since; /* RFC 3339 */
	long long days_in_stage;
	bool stalled;
	long long overdue;          /* milestones overdue */
	const char *oldest_overdue; /* the earliest due date of those, or NULL */
};

struct flagged_filter {
	const char *reason; /* "stalled", "overdue" or NULL for both */
	const char *area;   /* an area code: that area and those inside it */
	const char *cursor;
	int limit;
};

/* The flagged initiatives in the areas the viewer coordinates (all of them
 * for a platform admin), ordered by id. ERR_AUTH, ERR_FORBIDDEN (neither
 * coordinator nor admin), ERR_INVALID for a bad filter. */
int results_flagged(struct store *s, struct arena *a, const struct viewer *v, const struct flagged_filter *f,
		    struct problems *p, struct flagged **items, size_t *n, const char **next);
/* Whether the viewer may read that list (for the menu). */
bool results_flagged_may(const struct viewer *v);

#endif
