/* privacy: a person's own data, to take away or to erase (AVG articles 15,
 * 17 and 20).
 *
 * The export is everything kiem holds about the viewer, as one JSON
 * document: the account, memberships, the parties they made, the factors
 * they recorded and the roles they took for a party on issues, sessions and
 * tokens (never their secrets or hashes), coordinator areas, the mail to
 * their address (recipient, subject and times, never the text), and every
 * activity entry with them as actor or object; the signals they reported
 * and the decisions on signals they recorded.
 *
 * Erasure, in one write transaction: sessions, tokens, coordinator areas,
 * memberships, mail links, mail to them in the outbox and invitations to
 * their address go; the account row stays, anonymised (a fixed name, an
 * `erased-<uuid>@invalid` placeholder email, a password hash that can never
 * match, blocked, role resident), so that what they made (parties, their
 * place in the activity log) stays, without the name. parties.created_by
 * keeps pointing at the anonymised row, and so do signals.reporter_id and
 * signal_decisions.decided_by: signals and decisions are contributions. A party whose last admin leaves
 * this way keeps going; platform admins and its area's coordinators can
 * still manage it. The log receives an "erase" entry on the user, with no
 * personal data. Afterwards the store scrubs the database (store_scrub),
 * so that no old copy of what was erased stays readable in the file's free
 * space, its search indexes or its write-ahead log. Mail bodies, which can
 * hold the person's name and links with live codes, are sealed at rest
 * (outbox.h); codes are stored only as hashes. */
#ifndef KIEM_PRIVACY_H
#define KIEM_PRIVACY_H

#include <jansson.h>

#include "perm.h"

struct arena;
struct buf;

struct store;
struct store_conn;

/* The name an erased account shows. */
#define PRIVACY_ERASED_NAME "Verwijderde gebruiker"
/* The password hash of an erased account: no argon2 hash, so no password
 * ever verifies against it; also how an erased row is told apart. */
#define PRIVACY_ERASED_HASH "!"

/* Writes the viewer's data as one JSON object into out: a section per
 * type of the registry (registry.h). ERR_AUTH for an anonymous viewer. */
int privacy_export(struct store *s, const struct viewer *v, struct buf *out);
/* The day (YYYY-MM-DD) of an export written by privacy_export, for its
 * file's name. */
const char *privacy_export_day(struct arena *a, const char *doc);
/* Erases the viewer's account; ERR_AUTH for an anonymous viewer,
 * ERR_CONFLICT for the last platform admin (the platform would have none). */
int privacy_erase(struct store *s, const struct viewer *v);
/* The erasure itself, of the account user_id, on the writer connection c
 * inside the caller's write transaction: used by privacy_erase (the person
 * themselves, action "erase") and by the inactivity sweep (actor NULL, the
 * system; action "erase_inactive"). ERR_CONFLICT for the last platform
 * admin, ERR_NOTFOUND for no such account. After the commit, call
 * privacy_after_erasure. */
int privacy_erase_user(struct store_conn *c, const struct viewer *actor, const char *user_id,
		       const char *action);
/* Scrubs the database after an erasure (store_scrub), so that no old copy
 * of what was erased stays readable in its file or write-ahead log; it
 * holds the writer while it runs. A failure is logged (the next erasure's
 * scrub does it). */
void privacy_after_erasure(struct store *s);

#endif
