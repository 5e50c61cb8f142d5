#include "perm.h"

#include <string.h>

#include "../base/err.h"

const struct enum_entry platform_roles[PROLE_COUNT] = {
	[PROLE_USER] = { "user", { "gebruiker", "user" } },
	[PROLE_COORDINATOR] = { "coordinator", { "coördinator", "coordinator" } },
	[PROLE_ADMIN] = { "admin", { "beheerder", "administrator" } },
};

/* Who may: bits of the relations between viewer and object. */
enum who {
	W_ANYONE = 1 << 0,      /* also anonymous */
	W_PUBLIC = 1 << 1,      /* anyone, if the object is public */
	W_USER = 1 << 2,        /* any logged-in person */
	W_CREATOR = 1 << 3,     /* the person who created the object */
	W_ADMIN = 1 << 4,       /* a platform admin */
};

static const unsigned rules[OBJ_COUNT][ACT_COUNT] = {
	[OBJ_AREA] = {
		[ACT_READ] = W_ANYONE,
		[ACT_CREATE] = W_ADMIN,
		[ACT_UPDATE] = W_ADMIN,
		[ACT_DELETE] = W_ADMIN,
	},
	[OBJ_ROLE] = {
		[ACT_READ] = W_ANYONE,
	},
	[OBJ_PARTY] = {
		[ACT_READ] = W_PUBLIC | W_CREATOR | W_ADMIN,
		[ACT_CREATE] = W_USER,
		[ACT_UPDATE] = W_CREATOR | W_ADMIN,
		[ACT_DELETE] = W_CREATOR | W_ADMIN,
	},
	[OBJ_TOKEN] = {
		[ACT_READ] = W_CREATOR,
		[ACT_CREATE] = W_USER,
		[ACT_DELETE] = W_CREATOR,
	},
};

int perm_check(const struct viewer *v, enum perm_object obj, enum perm_action act,
	       const struct perm_target *t)
{
	unsigned who = rules[obj][act];
	if (who & W_ANYONE)
		return 0;
	if ((who & W_PUBLIC) && t && t->is_public)
		return 0;
	if (!v || !v->authenticated)
		return ERR_AUTH;
	if (who & W_USER)
		return 0;
	if ((who & W_ADMIN) && v->role == PROLE_ADMIN)
		return 0;
	if ((who & W_CREATOR) && t && t->owner_id && strcmp(t->owner_id, v->user_id) == 0)
		return 0;
	return ERR_FORBIDDEN;
}

bool perm_can(const struct viewer *v, enum perm_object obj, enum perm_action act,
	      const struct perm_target *t)
{
	return perm_check(v, obj, act, t) == 0;
}
