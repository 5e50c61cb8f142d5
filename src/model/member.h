/* member: people's places in parties (lidmaatschappen).
 *
 * A member may edit the party and act on its behalf; an admin of the party
 * also manages its members. Whoever makes a party is its first admin. The
 * rules are perm.c's (OBJ_MEMBERS); every change is in the activity log. */
#ifndef KIEM_MEMBER_H
#define KIEM_MEMBER_H

#include <stddef.h>

#include "../base/uuid.h"
#include "fields.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct party;
struct store;

struct member {
	char user_id[UUID_STRLEN + 1];
	const char *name;
	const char *role; /* a key of member_roles: "member" or "admin" */
	const char *since;
};

/* Its fields, for the API, the forms and the log. */
extern const struct field_desc member_fields[];
extern const size_t member_nfields;

/* The role of a key ("member", "admin"); MEMBER_NONE for any other. */
enum member_role member_role_of(const char *key);

/* A party's place of a person, as seen from the person. */
struct membership {
	char party_id[UUID_STRLEN + 1];
	const char *party_name;
	enum member_role role;
	const char *since;
};
/* Its fields but the role, for the API (Me). */
extern const struct field_desc membership_fields[];
extern const size_t membership_nfields;

/* The members of a party, for those who may see them. ERR_NOTFOUND also
 * when the viewer may not see the party. */
int member_list(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		struct member **items, size_t *n);
/* Adds the person with this email (who must have an account) as member or
 * admin. Problems on "email" (unknown, already a member) and "role". */
int member_add(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
	       const char *email, const char *role, struct member *out, struct problems *p);
int member_set_role(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		    const char *user_id, const char *role, struct problems *p);
/* The same three for a party the caller has read with party_get (as the
 * viewer), without reading it again: one member (ERR_NOTFOUND when the
 * person is not in it), an addition, a change of role (*role becomes the
 * key as stored). */
int member_in(struct store *s, struct arena *a, const struct viewer *v, const struct party *pa,
	      const char *user_id, struct member *out);
int member_add_to(struct store *s, struct arena *a, const struct viewer *v, const struct party *pa,
		  const char *email, const char *role, struct member *out, struct problems *p);
int member_set_role_of(struct store *s, struct arena *a, const struct viewer *v, const struct party *pa,
		       const char *user_id, const char **role, struct problems *p);
/* Removes a member; anyone may also leave a party themselves. */
int member_remove(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		  const char *user_id);
/* The parties a person is in, by party name. */
int member_of(struct store *s, struct arena *a, const char *user_id, struct membership **items,
	      size_t *n);

#endif
