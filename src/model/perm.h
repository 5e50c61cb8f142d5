/* perm: who may do what. One table of rules (role x action x object), used
 * by the API and the pages alike, so they cannot differ.
 *
 * Roles: anonymous, a logged-in person (resident), a member or an admin of
 * the party concerned, a coordinator of an area the object is in, and a
 * platform admin. The model works out the viewer's relation to an object
 * (struct perm_target) and asks perm_check(). Lists filter in SQL by the
 * same rules: the coordinator's scope is below, the rest is kept beside its
 * use (party.c's VISIBLE, signal.c's SEES). */
#ifndef KIEM_PERM_H
#define KIEM_PERM_H

#include <stdbool.h>

#include "../base/lang.h"
#include "../base/uuid.h"

enum platform_role { PROLE_USER, PROLE_COORDINATOR, PROLE_ADMIN, PROLE_COUNT };
extern const struct enum_entry platform_roles[PROLE_COUNT];

/* The person a request acts for. An anonymous viewer has authenticated false. */
struct viewer {
	bool authenticated;
	char user_id[UUID_STRLEN + 1];
	char name[201];
	enum platform_role role;
};

/* A person's place in a party. */
enum member_role { MEMBER_NONE, MEMBER_MEMBER, MEMBER_ADMIN, MEMBER_ROLE_COUNT };
/* "member" and "admin" (MEMBER_NONE has the key "none"). */
extern const struct enum_entry member_roles[MEMBER_ROLE_COUNT];

enum perm_object {
	OBJ_AREA, OBJ_ROLE, OBJ_PARTY, OBJ_MEMBERS, OBJ_TOKEN, OBJ_ACTIVITY, OBJ_USERS,
	OBJ_ISSUE,        /* a social issue; member = of its owner party */
	OBJ_ISSUE_STATUS, /* a move of an issue's status */
	OBJ_FACTOR,       /* an environmental factor on an issue */
	OBJ_LEDGER,       /* a party's role for an issue; member = of that party */
	OBJ_SIGNAL,       /* a signal; owner = its reporter */
	OBJ_DECISION,     /* a decision on a regulatory signal; member = of the routed party */
	OBJ_SUPPORT,      /* a person's support of an issue */
	OBJ_COMMENT,      /* a comment on an issue; owner = its author */
	OBJ_FOLLOW,       /* a person following an issue */
	OBJ_NOTIFICATION, /* a person's notifications */
	OBJ_VERIFICATION, /* the verification of a party; coordinator = of every one of its
			   * areas to verify, of one of them to withdraw (verification.c) */
	OBJ_RESIDENT_SIGNAL, /* a signal a person reports as a resident, for no party */
	OBJ_COUNT
};
enum perm_action { ACT_READ, ACT_CREATE, ACT_UPDATE, ACT_DELETE, ACT_COUNT };

/* What the check knows of the object and the viewer's relation to it;
 * NULL for a create. */
struct perm_target {
	const char *owner_id;    /* the owner (of a token), or NULL */
	bool is_public;
	enum member_role member; /* the viewer's place in the party concerned */
	bool coordinated;        /* the object is in an area the viewer coordinates */
};

/* Who may: bits of the relations between viewer and object. */
enum perm_who {
	W_ANYONE = 1 << 0,      /* also anonymous */
	W_PUBLIC = 1 << 1,      /* anyone, if the object is public */
	W_USER = 1 << 2,        /* any logged-in person */
	W_OWNER = 1 << 3,       /* the person the object belongs to */
	W_MEMBER = 1 << 4,      /* a member (or admin) of the party concerned */
	W_PARTY_ADMIN = 1 << 5, /* an admin of the party concerned */
	W_COORDINATOR = 1 << 6, /* a coordinator of an area the object is in */
	W_ADMIN = 1 << 7,       /* a platform admin */
};
/* The rules of one object: who may take each action (0: nobody). The
 * objects above are perm.c's table; an entity added later declares its
 * own rules beside its model and checks them with perm_check_rules, so
 * that adding it edits neither this file nor perm.c. */
typedef unsigned perm_rules[ACT_COUNT];

/* 0 if allowed; ERR_AUTH if an anonymous viewer must log in first;
 * ERR_FORBIDDEN if this viewer may not. */
int perm_check(const struct viewer *v, enum perm_object obj, enum perm_action act,
	       const struct perm_target *t);
/* The same for an object's own rules. */
int perm_check_rules(const struct viewer *v, const perm_rules r, enum perm_action act,
		     const struct perm_target *t);
/* The same as a yes/no, for showing or hiding buttons. */
bool perm_can(const struct viewer *v, enum perm_object obj, enum perm_action act,
	      const struct perm_target *t);

/* The same rules in SQL, for the models whose lists and queries filter by
 * them, so that each has one definition. Both take SQL expressions (a
 * column, a subquery, a placeholder such as "?7") and are true when the
 * user is a coordinator of the object's area or an area around it, as
 * perm.c's W_COORDINATOR means it. */
/* Of the area whose code is the expression area. */
#define AREA_COORDINATED_BY(area, user) \
	"EXISTS (SELECT 1 FROM coordinator_areas ca JOIN areas c ON c.code = ca.area_code" \
	"   JOIN areas a ON a.code = (" area ")" \
	"   WHERE ca.user_id = " user " AND a.path LIKE c.path || '%')"
/* Of an area the party (its id) serves. No user (an anonymous viewer) is
 * false before the join: PostgreSQL then plans no join, which took most of
 * the time of planning the party list anew for each request. */
#define PARTY_COORDINATED_BY(party, user) \
	"(" user " IS NOT NULL AND EXISTS (SELECT 1 FROM coordinator_areas ca JOIN areas c ON c.code = ca.area_code" \
	"   JOIN party_areas pa ON pa.party_id = " party " JOIN areas a ON a.code = pa.area_code" \
	"   WHERE ca.user_id = " user " AND a.path LIKE c.path || '%'))"
/* The codes of the areas the user coordinates and those inside them: a
 * SELECT, for "area_code IN (...)". */
#define AREAS_COORDINATED_BY(user) \
	"SELECT a.code FROM coordinator_areas ca JOIN areas c ON c.code = ca.area_code" \
	"   JOIN areas a ON a.path LIKE c.path || '%' WHERE ca.user_id = " user

#endif
