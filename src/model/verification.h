/* verification: a platform admin, or a coordinator of every area a party
 * serves (each within an area of theirs), vouches that the party is who it
 * says it is (geverifieerd); they, or a coordinator of one of its areas,
 * can withdraw that.
 *
 * Anyone may make a party of any kind for any area, so kiem trusts only
 * verified parties with what others report: regulatory signals go only to
 * a verified government party (model/signal.h), and residents' signals
 * only to verified parties that detect signals. Who may is perm.c's
 * (OBJ_VERIFICATION); the party's fields verified_at, verified_by and
 * verified_by_name say it (model/party.h). Verifying and withdrawing are
 * logged ("verify", "unverify") and route the party's undecided
 * regulatory signals again, in the same write transaction. */
#ifndef KIEM_VERIFICATION_H
#define KIEM_VERIFICATION_H

#include <stdbool.h>

#include "perm.h"

struct arena;
struct store;
struct party;

/* Verifies the party id; *created is false when it was verified already
 * (and nothing changed). ERR_AUTH, ERR_NOTFOUND for a party the viewer
 * may not see, ERR_FORBIDDEN for one they may not verify. */
int verification_grant(struct store *s, struct arena *a, const struct viewer *v, const char *id,
		       bool *created);
/* Withdraws the verification; ERR_NOTFOUND when there is none. */
int verification_withdraw(struct store *s, struct arena *a, const struct viewer *v, const char *id);
/* Whether the viewer may verify an unverified party, or withdraw the
 * verification of a verified one, read with party_get, for the button. */
bool verification_can(const struct viewer *v, const struct party *pa);

#endif
