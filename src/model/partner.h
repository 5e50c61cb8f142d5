/* partner: the parties that take part in an initiative (partners), each with
 * a role of the catalogue, what it contributes, the hours a week it puts in
 * and since when.
 *
 * A party is a partner of an initiative once: adding it again is a problem
 * of the field "party" (R_DUPLICATE, a 400 naming the field, as the role
 * ledger does), not a 409, so that the form shows it beside the field.
 *
 * Who may (partner_rules in partner.c), with the viewer's relation to the
 * initiative (initiative_relation(), initiative.h):
 *   - everyone reads the partners whose party they may see (a private
 *     party is left out for those who may not see it);
 *   - the lead party's members, the coordinators of the initiative's area
 *     (or an area around it) and platform admins add, change and remove
 *     partners;
 *   - a partner party's own admins change what their party contributes
 *     (contribution and hoursPerWeek, not its role or since) and withdraw
 *     it. Their change of role or since is R_READ_ONLY on that field.
 * Every write is an entry of the activity log ("partner"). */
#ifndef KIEM_PARTNER_H
#define KIEM_PARTNER_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/uuid.h"
#include "fields.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;
struct store_conn;
struct initiative_rel;

enum {
	PARTNER_CONTRIBUTION_MAX = 1000,
	PARTNER_HOURS_MAX = 168, /* a week's hours */
	PARTNERS_MAX = 200,      /* per initiative: past it, an add is ERR_CONFLICT */
};

struct partner {
	char id[UUID_STRLEN + 1];
	const char *initiative_id;
	const char *party_id;
	const char *party_name; /* read, never written */
	const char *party_kind;
	const char *role;       /* a role key of the catalogue */
	const char *contribution; /* "" when none */
	bool has_hours;
	long long hours_per_week;
	const char *since;      /* YYYY-MM-DD; today when not given */
	const char *created_by; /* or NULL once the person is erased */
	const char *created_at;
	const char *updated_at;
};

/* The fields of a partner, in the order of the JSON answer. */
extern const struct field_desc partner_fields[];
extern const size_t partner_nfields;

/* The partners of an initiative whose party the viewer may see, oldest
 * first (at most PARTNERS_MAX). ERR_NOTFOUND if there is no initiative. */
int partner_list(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		 struct partner **items, size_t *n);
/* The same for an initiative the caller has read (and so knows it exists). */
int partner_list_known(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		       struct partner **items, size_t *n);
/* One partner of the initiative; ERR_NOTFOUND when it is not the
 * initiative's or its party is hidden from the viewer. */
int partner_get(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		const char *id, struct partner *out);

/* Whether the viewer may add (ACT_CREATE), change or remove any partner
 * of the initiative (rel from initiative_relation), for showing forms. */
bool partner_may(const struct viewer *v, const struct initiative_rel *rel, enum perm_action act);
/* Whether the viewer may change or withdraw this partner: as above, or an
 * admin of its party (then only its contribution and hours). *own_only is
 * set when that is the only reason. */
bool partner_may_edit(struct store *s, const struct viewer *v, const struct initiative_rel *rel,
		      const struct partner *pt, bool *own_only);

/* Validates (every problem at once: party missing, unknown, hidden or
 * already a partner; role; contribution; hoursPerWeek 0..168; since a
 * date) and adds the partner; fills in->id, since, the times and the
 * party's name. ERR_AUTH, ERR_FORBIDDEN, ERR_NOTFOUND (no initiative),
 * ERR_CONFLICT (PARTNERS_MAX reached). */
int partner_create(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		   struct partner *in, struct problems *p);
/* Replaces role, contribution, hours and since of the partner was (read
 * with partner_get) by in's; in becomes the partner as written. */
int partner_update(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		   const struct partner *was, struct partner *in, struct problems *p);
/* Removes the partner (the lead's members and others above, or its own
 * party's admins: withdrawing). */
int partner_delete(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		   const char *id);

#endif
