#include "perm.h"

#include <string.h>

#include "../base/err.h"

const struct enum_entry platform_roles[PROLE_COUNT] = {
	[PROLE_USER] = { "user", { "gebruiker", "user" } },
	[PROLE_COORDINATOR] = { "coordinator", { "coördinator", "coordinator" } },
	[PROLE_ADMIN] = { "admin", { "beheerder", "administrator" } },
};

const struct enum_entry member_roles[MEMBER_ROLE_COUNT] = {
	[MEMBER_NONE] = { "none", { "geen", "none" } },
	[MEMBER_MEMBER] = { "member", { "lid", "member" } },
	[MEMBER_ADMIN] = { "admin", { "beheerder", "administrator" } },
};

static const perm_rules rules[OBJ_COUNT] = {
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
		[ACT_READ] = W_PUBLIC | W_MEMBER | W_COORDINATOR | W_ADMIN,
		[ACT_CREATE] = W_USER,
		[ACT_UPDATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
		[ACT_DELETE] = W_PARTY_ADMIN | W_COORDINATOR | W_ADMIN,
	},
	[OBJ_MEMBERS] = {
		[ACT_READ] = W_MEMBER | W_COORDINATOR | W_ADMIN,
		[ACT_CREATE] = W_PARTY_ADMIN | W_COORDINATOR | W_ADMIN,
		[ACT_UPDATE] = W_PARTY_ADMIN | W_COORDINATOR | W_ADMIN,
		[ACT_DELETE] = W_PARTY_ADMIN | W_COORDINATOR | W_ADMIN,
	},
	[OBJ_TOKEN] = {
		[ACT_READ] = W_OWNER,
		[ACT_CREATE] = W_USER,
		[ACT_DELETE] = W_OWNER,
	},
	[OBJ_ACTIVITY] = { /* a coordinator: the entries about parties in their areas */
		[ACT_READ] = W_COORDINATOR | W_ADMIN,
	},
	[OBJ_USERS] = { /* other people's accounts: their rights and blocking */
		[ACT_READ] = W_ADMIN,
		[ACT_UPDATE] = W_ADMIN,
	},
	/* Social issues are public. Members of the owner party formulate and
	 * keep them; coordinators of the issue's area curate them. */
	[OBJ_ISSUE] = {
		[ACT_READ] = W_ANYONE,
		[ACT_CREATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
		[ACT_UPDATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
		[ACT_DELETE] = W_COORDINATOR | W_ADMIN,
	},
	[OBJ_ISSUE_STATUS] = {
		[ACT_READ] = W_ANYONE,
		[ACT_CREATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
	},
	/* member: of any party taking part in the issue (owner or ledger) */
	[OBJ_FACTOR] = {
		[ACT_READ] = W_ANYONE,
		[ACT_CREATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
		[ACT_UPDATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
		[ACT_DELETE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
	},
	/* member: of the party that takes (or gives up) the role */
	[OBJ_LEDGER] = {
		[ACT_READ] = W_ANYONE,
		[ACT_CREATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
		[ACT_DELETE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
	},
	/* Signals are reported by members of a party (for that party), or by
	 * residents for no party (OBJ_RESIDENT_SIGNAL); the inbox is for party
	 * members and coordinators; reporters see their own. member: of the
	 * party it was reported for or, if verified, is routed to (signals
	 * part: not of any party serving the area, since anyone may make one),
	 * and for a resident's signal of a verified party that detects
	 * signals in its area (issue 8); coordinator: of its area or one
	 * around it. */
	[OBJ_SIGNAL] = {
		[ACT_READ] = W_OWNER | W_MEMBER | W_COORDINATOR | W_ADMIN,
		[ACT_CREATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
		[ACT_UPDATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
	},
	/* the responsible official: a member of the verified government party
	 * the regulatory signal is routed to (an unverified party never
	 * decides; without a verified one, the area's coordinators stand in,
	 * as signal.c says); decisions are public */
	[OBJ_DECISION] = {
		[ACT_READ] = W_ANYONE,
		[ACT_CREATE] = W_MEMBER | W_ADMIN,
	},
	[OBJ_SUPPORT] = {
		[ACT_READ] = W_ANYONE,
		[ACT_CREATE] = W_USER,
		[ACT_DELETE] = W_OWNER,
	},
	/* editing is the author's, within a short time; hiding is moderation */
	[OBJ_COMMENT] = {
		[ACT_READ] = W_ANYONE,
		[ACT_CREATE] = W_USER,
		[ACT_UPDATE] = W_OWNER,
		[ACT_DELETE] = W_COORDINATOR | W_ADMIN,
	},
	[OBJ_FOLLOW] = {
		[ACT_READ] = W_OWNER,
		[ACT_CREATE] = W_USER,
		[ACT_DELETE] = W_OWNER,
	},
	[OBJ_NOTIFICATION] = {
		[ACT_READ] = W_OWNER,
		[ACT_UPDATE] = W_OWNER,
	},
	/* Anyone may make a party of any kind for any area; a platform admin
	 * or a coordinator of all its areas vouches that it is who it says
	 * (of one of them withdraws that; verification.c works it out). Regulatory signals go only to verified
	 * government parties, residents' signals only to verified parties. */
	[OBJ_VERIFICATION] = {
		[ACT_READ] = W_PUBLIC | W_MEMBER | W_COORDINATOR | W_ADMIN,
		[ACT_CREATE] = W_COORDINATOR | W_ADMIN,
		[ACT_DELETE] = W_COORDINATOR | W_ADMIN,
	},
	/* a resident raises a concern: anyone logged in reports one for no
	 * party; who then sees and handles it is OBJ_SIGNAL's */
	[OBJ_RESIDENT_SIGNAL] = {
		[ACT_CREATE] = W_USER,
	},
};

int perm_check(const struct viewer *v, enum perm_object obj, enum perm_action act,
	       const struct perm_target *t)
{
	return perm_check_rules(v, rules[obj], act, t);
}

int perm_check_rules(const struct viewer *v, const perm_rules r, enum perm_action act,
		     const struct perm_target *t)
{
	unsigned who = r[act];
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
	if (!t)
		return ERR_FORBIDDEN;
	if ((who & W_OWNER) && t->owner_id && strcmp(t->owner_id, v->user_id) == 0)
		return 0;
	if ((who & W_MEMBER) && t->member >= MEMBER_MEMBER)
		return 0;
	if ((who & W_PARTY_ADMIN) && t->member == MEMBER_ADMIN)
		return 0;
	if ((who & W_COORDINATOR) && t->coordinated && v->role == PROLE_COORDINATOR)
		return 0;
	return ERR_FORBIDDEN;
}

bool perm_can(const struct viewer *v, enum perm_object obj, enum perm_action act,
	      const struct perm_target *t)
{
	return perm_check(v, obj, act, t) == 0;
}
