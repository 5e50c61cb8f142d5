/* coalition: a lasting collaboration of parties around social issues
 * (samenwerkingsverband), and its partners.
 *
 * Whoever makes a coalition does so on behalf of a party they are a member
 * of (a platform admin: of any party); that party becomes its first
 * partner, and a managing one (admin). Its partners are parties, each with
 * an optional role of the catalogue, what it contributes, and since when;
 * the managing partners keep it.
 *
 * Who may (coalition_rules in coalition.c):
 *   - read: anyone (coalitions are public; a private party among the
 *     partners is named only to those who may see it);
 *   - create: a member of the party it is made for, or a platform admin;
 *   - change it, delete it, add, change and remove partners: the members
 *     of a managing partner, the coordinators of its area (or an area
 *     around it), platform admins;
 *   - withdraw a partner: also the admins of that partner party.
 * A coalition keeps at least one managing partner: removing the last one,
 * or taking its admin flag, is ERR_CONFLICT. */
#ifndef KIEM_COALITION_H
#define KIEM_COALITION_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/uuid.h"
#include "fields.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;
struct store_conn;

enum coalition_sort { CSORT_NAME, CSORT_NAME_DESC, CSORT_CREATED, CSORT_CREATED_DESC, CSORT_COUNT };
/* "name" (the default), "-name", "createdAt", "-createdAt" */
extern const char *const coalition_sorts[CSORT_COUNT];
bool coalition_sort_parse(const char *name, enum coalition_sort *out);

enum {
	COALITION_NAME_MAX = 200,
	COALITION_DESCRIPTION_MAX = 10000,
	COALITION_ISSUES_MAX = 20,
	COALITION_CONTRIBUTION_MAX = 1000,
	COALITION_PARTNERS_MAX = 200, /* per coalition: past it, adding one is ERR_CONFLICT */
};

struct coalition {
	char id[UUID_STRLEN + 1];
	const char *name;
	const char *description; /* Markdown */
	const char *area;        /* code */
	const char *area_name;
	const char *since;       /* YYYY-MM-DD; today when not given */
	struct strlist issues;   /* ids */
	/* on create: the party it is made for (required); when read: its
	 * oldest managing partner, or NULL when none is left (a party that is
	 * deleted takes its place as a partner with it) */
	const char *party;
	long long partners;      /* how many */
	const char *created_by;
	const char *created_at;
	const char *updated_at;
	/* the viewer's relation, filled by coalition_get */
	bool manages;     /* a member of a managing partner */
	bool coordinated; /* coordinates its area or one around it */
};

struct coalition_partner {
	char id[UUID_STRLEN + 1];
	char coalition_id[UUID_STRLEN + 1];
	const char *party;
	const char *party_name; /* NULL when the party is private */
	const char *party_kind;
	const char *role;       /* a role key, or NULL */
	const char *contribution;
	const char *since;      /* YYYY-MM-DD */
	bool admin;             /* a managing partner */
	const char *created_at;
};

struct coalition_filter {
	const char *area;  /* in this area or one inside it */
	const char *issue; /* around this issue */
	const char *party; /* with this party as a partner */
	const char *q;     /* full text in name and description */
	enum coalition_sort sort;
	const char *cursor;
	int limit;         /* 1..100 */
};

extern const struct field_desc coalition_fields[];
extern const size_t coalition_nfields;
extern const struct field_desc coalition_partner_fields[];
extern const size_t coalition_partner_nfields;

/* Creates a coalition from c (c->party the party it is made for), which
 * becomes its first managing partner; fills c as coalition_get would.
 * ERR_INVALID with problems; ERR_AUTH; ERR_FORBIDDEN. */
int coalition_create(struct store *s, struct arena *a, const struct viewer *v, struct coalition *c,
		     struct problems *p);
/* Reads one, with the viewer's relation; ERR_NOTFOUND. */
int coalition_get(struct store *s, struct arena *a, const struct viewer *v, const char *id,
		  struct coalition *out);
/* A page of coalitions; ERR_INVALID with problems for a wrong filter. */
int coalition_list(struct store *s, struct arena *a, const struct coalition_filter *f, struct problems *p,
		   struct coalition **items, size_t *n, const char **next);
/* Replaces the fields of was (read with coalition_get) with in's; in
 * becomes what was written. */
int coalition_update(struct store *s, struct arena *a, const struct viewer *v, const struct coalition *was,
		     struct coalition *in, struct problems *p);
int coalition_delete(struct store *s, const struct viewer *v, const char *id);
/* Whether the viewer may change (ACT_UPDATE) or delete the coalition read
 * with coalition_get, for showing forms. */
bool coalition_can(const struct viewer *v, const struct coalition *c, enum perm_action act);

/* Its partners, managing ones first, then by name (at most
 * COALITION_PARTNERS_MAX); ERR_NOTFOUND when there is no such coalition. */
int coalition_partners(struct store *s, struct arena *a, const char *coalition_id,
		       struct coalition_partner **items, size_t *n);
int coalition_partner_get(struct store *s, struct arena *a, const char *coalition_id, const char *id,
			  struct coalition_partner *out);
/* Adds the party in->party; ERR_CONFLICT with *dup set to the id of the
 * partner when the party is one already (or the coalition is full: *dup
 * NULL). */
int coalition_partner_add(struct store *s, struct arena *a, const struct viewer *v, const char *coalition_id,
			  struct coalition_partner *in, struct problems *p, const char **dup);
/* Changes role, contribution, since and admin of was into in's. */
int coalition_partner_update(struct store *s, struct arena *a, const struct viewer *v,
			     const struct coalition_partner *was, struct coalition_partner *in, struct problems *p);
/* Removes a partner (withdraws it): ERR_CONFLICT for the last managing one. */
int coalition_partner_remove(struct store *s, const struct viewer *v, const char *coalition_id, const char *id);
/* Whether the viewer may withdraw this partner (a manager, a coordinator, a
 * platform admin, or an admin of the partner party). */
bool coalition_partner_can_remove(struct store *s, const struct viewer *v, const struct coalition *c,
				  const struct coalition_partner *pa);

#endif
