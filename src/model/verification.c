/* Verified parties; see verification.h. */
#include "verification.h"

#include "../base/err.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "party.h"
#include "signal.h"
#include "rows.h"

/* A coordinator verifies a party only when they coordinate every area it
 * serves, so that no one vouches for a party beyond their own areas; they
 * withdraw a verification when they coordinate one of them. */
static bool may(const struct viewer *v, const struct party *pa, enum perm_action act)
{
	struct party scoped = *pa;
	if (act == ACT_CREATE)
		scoped.coordinated = pa->coordinated_all;
	return party_can(v, &scoped, OBJ_VERIFICATION, act);
}

bool verification_can(const struct viewer *v, const struct party *pa)
{
	return may(v, pa, pa->verified_at ? ACT_DELETE : ACT_CREATE);
}

/* The party, if the viewer may see it and change its verification. */
static int load(struct store *s, struct arena *a, const struct viewer *v, const char *id,
		enum perm_action act, struct party *pa)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	int rc = party_get(s, a, v, id, pa);
	if (!rc && !may(v, pa, act))
		rc = ERR_FORBIDDEN;
	return rc;
}

/* Sets (at: a time) or clears (at: NULL) the verification, routes the
 * party's regulatory signals again and logs it, in one transaction.
 * ERR_CONFLICT when it was so already (two at once: one changes it). */
static int write(struct store *s, const struct viewer *v, const char *id, const char *at)
{
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = rows_change(c,
		"UPDATE parties SET verified_at = ?2, verified_by = ?3"
		" WHERE id = ?1 AND (verified_at IS NULL) = (?2 IS NOT NULL)", 3,
		id, at, at && v->user_id[0] ? v->user_id : NULL); /* verified_by NULL: the system */
	if (rc == ERR_NOTFOUND)
		rc = ERR_CONFLICT;
	if (!rc)
		rc = signal_reroute(c, id, false);
	if (!rc)
		rc = activity_add(c, v, at ? "verify" : "unverify", "party", id, "verified");
	return rows_commit(s, rc);
}

int verification_grant(struct store *s, struct arena *a, const struct viewer *v, const char *id,
		       bool *created)
{
	*created = false;
	struct party pa;
	int rc = load(s, a, v, id, ACT_CREATE, &pa);
	if (rc || pa.verified_at)
		return rc;
	char now[TIME_STRLEN + 1];
	time_now(now);
	rc = write(s, v, pa.id, now);
	*created = rc == 0;
	return rc == ERR_CONFLICT ? 0 : rc;
}

int verification_withdraw(struct store *s, struct arena *a, const struct viewer *v, const char *id)
{
	struct party pa;
	int rc = load(s, a, v, id, ACT_DELETE, &pa);
	if (rc)
		return rc;
	rc = pa.verified_at ? write(s, v, pa.id, NULL) : ERR_CONFLICT;
	return rc == ERR_CONFLICT ? ERR_NOTFOUND : rc;
}
