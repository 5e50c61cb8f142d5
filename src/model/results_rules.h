/* What the model's files of results (milestone.c, outcome.c, lesson.c)
 * share, and no other module uses. */
#ifndef KIEM_RESULTS_RULES_H
#define KIEM_RESULTS_RULES_H

#include "registry.h"
#include "results.h"

struct initiative_rel;

/* Checks that the viewer may take act on the initiative's results:
 * manage (the lead party's members) or, if not, add (and its partners'),
 * or be owner_id (a lesson's author). Fills rel. ERR_AUTH, ERR_NOTFOUND,
 * ERR_FORBIDDEN. */
int results_check(struct store *s, const struct viewer *v, const char *initiative_id, enum perm_action act,
		  bool manage, const char *owner_id, struct initiative_rel *rel);
/* 0 if the initiative exists, else ERR_NOTFOUND (or ERR_DB). */
int results_initiative_exists(struct store *s, const char *initiative_id);
/* ERR_CONFLICT when the count sql (?1 id) reaches max. */
int results_count(struct store_conn *c, const char *sql, const char *id, long long max);

extern const struct entity_type milestone_type, outcome_type, measurement_type, lesson_type;

#endif
