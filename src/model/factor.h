/* factor: the environmental factors of an issue (omgevingsfactoren).
 *
 * The dossier names four kinds of factors that influence collaboration
 * around a social issue: social (norms), cultural (values), economic
 * (resources) and political (laws, policy). Each factor on an issue says
 * whether it enables or hinders, with a description.
 *
 * Who may record them (perm.c, OBJ_FACTOR): members of the issue's owner
 * party or of a party in its role ledger, coordinators of the issue's area
 * (or an area around it), and platform admins. Everyone may read them. */
#ifndef KIEM_FACTOR_H
#define KIEM_FACTOR_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/lang.h"
#include "../base/uuid.h"
#include "fields.h"
#include "perm.h"
#include "valid.h"

struct issue;

struct arena;
struct store;

enum factor_kind { FACTOR_SOCIAL, FACTOR_CULTURAL, FACTOR_ECONOMIC, FACTOR_POLITICAL, FACTOR_KIND_COUNT };
extern const struct enum_entry factor_kinds[FACTOR_KIND_COUNT];
/* What each kind is about, after the dossier: "normen", "waarden", ... */
extern const char *const factor_kind_hint[FACTOR_KIND_COUNT][LANG_COUNT];

enum factor_effect { EFFECT_ENABLING, EFFECT_HINDERING, EFFECT_COUNT };
extern const struct enum_entry factor_effects[EFFECT_COUNT];

enum {
	FACTOR_DESCRIPTION_MAX = 2000,
	FACTORS_MAX = 100, /* per issue: past it, a create is ERR_CONFLICT */
};

struct factor {
	char id[UUID_STRLEN + 1];
	const char *issue_id;
	const char *kind;
	const char *effect;
	const char *description;
	const char *created_by; /* or NULL once the person is erased */
	const char *created_at;
	const char *updated_at;
};

/* The fields of a factor, in the order of the JSON answer. */
extern const struct field_desc factor_fields[];
extern const size_t factor_nfields;

/* How many enabling and hindering factors an issue has of each kind. */
struct factor_summary {
	long long count[FACTOR_KIND_COUNT][EFFECT_COUNT];
	long long total;
};

struct factor_filter {
	const char *kind;
	const char *effect;
	const char *q;      /* words in the description */
	const char *cursor; /* from the previous page's next */
	int limit;          /* 1..100; 0 = 20 */
};

/* A page of an issue's factors, grouped: by kind (in the dossier's order),
 * then enabling before hindering, then oldest first; and the summary of all
 * of them (unfiltered). ERR_NOTFOUND if there is no such issue;
 * ERR_INVALID with problems for a bad filter. */
int factor_list(struct store *s, struct arena *a, const char *issue_id,
		const struct factor_filter *f, struct problems *p, struct factor **items,
		size_t *n, const char **next, struct factor_summary *sum);
/* The same for an issue the caller has loaded (and so knows it exists). */
int factor_list_known(struct store *s, struct arena *a, const char *issue_id,
		      const struct factor_filter *f, struct problems *p, struct factor **items,
		      size_t *n, const char **next, struct factor_summary *sum);
/* One factor of an issue; ERR_NOTFOUND if it is not that issue's. */
int factor_get(struct store *s, struct arena *a, const char *issue_id, const char *id,
	       struct factor *out);
/* Whether the viewer may add (ACT_CREATE), change or remove factors on
 * the issue (loaded by issue_get, with the viewer's relation), for showing
 * forms. */
bool factor_may(const struct viewer *v, const struct issue *is, enum perm_action act);
/* Validates (every problem listed: kind, effect, description) and adds in
 * to the issue; fills in->id and the times. ERR_AUTH, ERR_FORBIDDEN,
 * ERR_NOTFOUND (no issue), ERR_CONFLICT (FACTORS_MAX reached). */
int factor_create(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		  struct factor *in, struct problems *p);
/* Replaces kind, effect and description of the factor was (read by the
 * caller with factor_get, not read again) with in's; in becomes the
 * factor as written. */
int factor_update(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		  const struct factor *was, struct factor *in, struct problems *p);
int factor_delete(struct store *s, const struct viewer *v, const char *issue_id, const char *id);

#endif
