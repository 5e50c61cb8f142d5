/* invitation: a party's invitation, by email, to become member or admin.
 *
 * Whoever may manage a party's members (perm.c, OBJ_MEMBERS) invites an
 * email address with a role. The invitation mails a link with a one-time
 * code (32 random bytes, stored only as its hash) that works for
 * INVITATION_DAYS days. Whoever opens the link logged in may accept it (and
 * becomes member with that role, keeping a higher one they had) or decline
 * it; the invitation is gone either way, and when withdrawn. Inviting an
 * address again renews the invitation: a new code, a new expiry, a new
 * mail. Every change is in the activity log, about the invitation's id,
 * never its email address. */
#ifndef KIEM_INVITATION_H
#define KIEM_INVITATION_H

#include <stdbool.h>
#include <stddef.h>

#include "../base/lang.h"
#include "../base/uuid.h"
#include "member.h"
#include "perm.h"
#include "valid.h"

struct arena;
struct store;

enum { INVITATION_DAYS = 14 };

struct invitation {
	char id[UUID_STRLEN + 1];
	char party_id[UUID_STRLEN + 1];
	const char *party_name;
	const char *email;
	const char *role;            /* a key of member_roles */
	const char *invited_by;      /* the inviter's user id, or NULL (erased) */
	const char *invited_by_name; /* or NULL */
	const char *created_at;
	const char *expires_at;
};

/* Its fields, for the API, the forms and the log. */
extern const struct field_desc invitation_fields[];
extern const size_t invitation_nfields;

/* Invites email to the party with role ("member" or "admin"); the mail is
 * written in lang. Problems on "email" (not an address, already a member)
 * and "role". out may be NULL. */
int invitation_create(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		      const char *email, const char *role, enum lang lang, struct invitation *out,
		      struct problems *p);
/* The pages' one way to add someone: a person with an account is added at
 * once (member_add), anyone else is invited. *invited says which. */
int invitation_add_or_invite(struct store *s, struct arena *a, const struct viewer *v,
			     const char *party_id, const char *email, const char *role, enum lang lang,
			     bool *invited, struct problems *p);
/* The pending invitations of a party, newest first, for those who may
 * manage its members. */
int invitation_list(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		    struct invitation **items, size_t *n);
/* One pending invitation of the party; ERR_NOTFOUND if there is none. */
int invitation_get(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		   const char *id, struct invitation *out);
/* Withdraws (deletes) a pending invitation. */
int invitation_withdraw(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
			const char *id);
/* The invitation of a code, for its page: ERR_NOTFOUND if the code is
 * unknown, used or expired. Reading never uses a code up. */
int invitation_by_code(struct store *s, struct arena *a, const char *code, struct invitation *out);
/* Accepts: the logged-in viewer becomes member of the party with the
 * invited role, or keeps the higher role they have. ERR_AUTH anonymous,
 * ERR_NOTFOUND as invitation_by_code. out (may be NULL) is the membership. */
int invitation_accept(struct store *s, struct arena *a, const struct viewer *v, const char *code,
		      struct membership *out);
/* Declines: the invitation is gone, and nothing else changes. */
int invitation_decline(struct store *s, struct arena *a, const struct viewer *v, const char *code);

#endif
