/* perm: who may do what. One table of rules (role x action x object), used
 * by the API and the pages alike, so they cannot differ.
 *
 * Roles today: anonymous, user (a logged-in person), the creator of an
 * object, and the platform admin. The permissions issue adds party members
 * and admins and area coordinators as further relations in the same table. */
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

enum perm_object { OBJ_AREA, OBJ_ROLE, OBJ_PARTY, OBJ_TOKEN, OBJ_COUNT };
enum perm_action { ACT_READ, ACT_CREATE, ACT_UPDATE, ACT_DELETE, ACT_COUNT };

/* What the check knows of the object; NULL/false for a create. */
struct perm_target {
	const char *owner_id; /* the creator or owner, or NULL */
	bool is_public;
};

/* 0 if allowed; ERR_AUTH if an anonymous viewer must log in first;
 * ERR_FORBIDDEN if this viewer may not. */
int perm_check(const struct viewer *v, enum perm_object obj, enum perm_action act,
	       const struct perm_target *t);
/* The same as a yes/no, for showing or hiding buttons. */
bool perm_can(const struct viewer *v, enum perm_object obj, enum perm_action act,
	      const struct perm_target *t);

#endif
