#include "invitation.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "outbox.h"
#include "party.h"
#include "user.h"
#include "registry.h"
#include "rows.h"

enum { INVITATIONS_MAX = 1000 };

/* The invitation mail, in plain language (B1). The body's formats take, in
 * order: the inviter's name, the party's name, the role's name, the link
 * and the number of days it works. */
static const struct {
	const char *subject; /* the party's name */
	const char *body;
} mail[LANG_COUNT] = {
	[LANG_NL] = {
		"Uitnodiging voor %s in kiem",
		"Hallo,\n\n"
		"%s nodigt je uit voor de partij %s in kiem. Je wordt daar %s.\n\n"
		"Open deze link om de uitnodiging te bekijken en aan te nemen:\n%s\n\n"
		"Heb je nog geen account? Via de link maak je er een aan, met dit e-mailadres.\n\n"
		"De link werkt %d dagen. Wil je niet meedoen? Dan hoef je niets te doen.\n\n"
		"Groet,\nkiem\n",
	},
	[LANG_EN] = {
		"Invitation to %s on kiem",
		"Hello,\n\n"
		"%s invites you to the party %s on kiem. You will be %s there.\n\n"
		"Open this link to see the invitation and accept it:\n%s\n\n"
		"No account yet? The link lets you make one, with this email address.\n\n"
		"The link works for %d days. Do you not want to join? Then you need not do anything.\n\n"
		"Regards,\nkiem\n",
	},
};

#define INVITATION_COLS \
	"i.id, i.party_id, p.name, i.email, i.role, i.invited_by, u.name, i.created_at, i.expires_at"
#define INVITATION_FROM \
	" FROM invitations i JOIN parties p ON p.id = i.party_id LEFT JOIN users u ON u.id = i.invited_by"

static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct invitation *out = row;
	snprintf(out->id, sizeof out->id, "%s", store_text(st, 0));
	snprintf(out->party_id, sizeof out->party_id, "%s", store_text(st, 1));
	out->party_name = arena_strdup(a, store_text(st, 2));
	out->email = arena_strdup(a, store_text(st, 3));
	out->role = member_roles[member_role_of(store_text(st, 4))].key;
	out->invited_by = rows_opt(st, a, 5);
	out->invited_by_name = rows_opt(st, a, 6);
	out->created_at = arena_strdup(a, store_text(st, 7));
	out->expires_at = arena_strdup(a, store_text(st, 8));
}

/* The party, read as the viewer, if they may do act to its members. */
static int check(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		 enum perm_action act, struct party *pa)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	int rc = party_get(s, a, v, party_id, pa);
	if (rc)
		return rc;
	return party_can(v, pa, OBJ_MEMBERS, act) ? 0 : ERR_FORBIDDEN;
}

/* Invitations past their expiry are deleted by the next write that meets
 * them: they are kept no longer than INVITATION_DAYS. On the writer. */
static int sweep(struct store_conn *c, const char *now)
{
	return rows_run(c, "DELETE FROM invitations WHERE expires_at <= ?1", 1, now);
}

/* Whether the person with this email is in the party already. */
static int is_member(struct store *s, const char *party_id, const char *email, bool *yes)
{
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id"
		" WHERE m.party_id = ?1 AND u.email = ?2)", 2, party_id, email);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	*yes = rc == STORE_ROW && store_int(st, 0) != 0;
	store_reset(st);
	return rc == STORE_ROW ? 0 : ERR_DB;
}

/* Writes or renews the invitation, its mail and its log entry, inside the
 * caller's write transaction; out->id is the invitation's. */
static int write_invitation(struct store_conn *c, struct arena *a, const struct viewer *v,
			    const struct party *pa, const char *email, const char *role, enum lang lang,
			    const char *now, const char *expires, struct invitation *out)
{
	char code[SECRET_STRLEN + 1], hash[65];
	secret_new(code);
	secret_hash(code, hash);
	uuid7_new(out->id);
	int rc = sweep(c, now);
	struct store_stmt *st = rc ? NULL : rows_prepare(c,
		"INSERT INTO invitations (id, party_id, email, role, token_hash, invited_by, created_at, expires_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
		" ON CONFLICT (party_id, email) DO UPDATE SET role = excluded.role,"
		"  token_hash = excluded.token_hash, invited_by = excluded.invited_by,"
		"  created_at = excluded.created_at, expires_at = excluded.expires_at", 8,
		out->id, pa->id, email, role, hash, v->user_id, now, expires);
	if (!st)
		return rc ? rc : ERR_DB;
	rc = store_run(st);
	/* a renewal keeps the invitation's id */
	st = rc ? NULL : rows_prepare(c, "SELECT id FROM invitations WHERE party_id = ?1 AND email = ?2", 2,
			pa->id, email);
	if (!st)
		return rc ? rc : ERR_DB;
	rc = store_step(st);
	if (rc == STORE_ROW)
		snprintf(out->id, sizeof out->id, "%s", store_text(st, 0));
	store_reset(st);
	if (rc != STORE_ROW)
		return ERR_DB;
	const char *link = outbox_link(a, arena_printf(a, "/uitnodigingen/%s", code));
	rc = outbox_add(c, email, arena_printf(a, mail[lang].subject, pa->name),
			arena_printf(a, mail[lang].body, v->name, pa->name,
				     member_roles[member_role_of(role)].name[lang], link,
				     (int)INVITATION_DAYS));
	if (!rc)
		rc = activity_add_about(c, v, "invite", "party", pa->id, "invitations", out->id, role);
	return rc;
}

int invitation_create(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		      const char *email, const char *role, enum lang lang, struct invitation *out,
		      struct problems *p)
{
	struct party pa;
	int rc = check(s, a, v, party_id, ACT_CREATE, &pa);
	if (rc)
		return rc;
	if ((unsigned)lang >= LANG_COUNT)
		lang = LANG_NL;
	struct invitation in = { .email = email ? email_normal(a, email) : NULL, .role = role };
	fields_validate(invitation_fields, invitation_nfields, &in, store_reader(s), a, p);
	email = in.email;
	role = in.role;
	bool member = false;
	if (!problems_find(p, "email") && (rc = is_member(s, pa.id, email, &member)))
		return rc;
	if (member)
		problems_add(p, "email", R_DUPLICATE, 0);
	if (p->n)
		return ERR_INVALID;
	char *now = arena_alloc(a, TIME_STRLEN + 1), *expires = arena_alloc(a, TIME_STRLEN + 1);
	time_t t = time(NULL);
	time_format(t, now);
	time_format(t + (time_t)INVITATION_DAYS * 24 * 3600, expires);
	struct invitation inv = { 0 };
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = write_invitation(c, a, v, &pa, email, role, lang, now, expires, &inv);
	if ((rc = rows_commit(s, rc)))
		return rc;
	if (out) {
		*out = inv;
		snprintf(out->party_id, sizeof out->party_id, "%s", pa.id);
		out->party_name = pa.name;
		out->email = email;
		out->role = role;
		out->invited_by = arena_strdup(a, v->user_id);
		out->invited_by_name = arena_strdup(a, v->name);
		out->created_at = now;
		out->expires_at = expires;
	}
	return 0;
}

int invitation_add_or_invite(struct store *s, struct arena *a, const struct viewer *v,
			     const char *party_id, const char *email, const char *role, enum lang lang,
			     bool *invited, struct problems *p)
{
	*invited = false;
	struct user u;
	int rc = email && *email ? user_by_email(s, a, email, &u) : ERR_NOTFOUND;
	if (rc == 0)
		return member_add(s, a, v, party_id, email, role, NULL, p);
	if (rc != ERR_NOTFOUND)
		return rc;
	rc = invitation_create(s, a, v, party_id, email, role, lang, NULL, p);
	*invited = rc == 0;
	return rc;
}

int invitation_list(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		    struct invitation **items, size_t *n)
{
	struct party pa;
	int rc = check(s, a, v, party_id, ACT_CREATE, &pa);
	if (rc)
		return rc;
	char now[TIME_STRLEN + 1];
	time_now(now);
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " INVITATION_COLS INVITATION_FROM " WHERE i.party_id = ?1 AND i.expires_at > ?2"
		" ORDER BY i.created_at DESC, i.id DESC LIMIT 1000", 2, pa.id, now);
	*items = arena_alloc(a, sizeof **items * INVITATIONS_MAX);
	return rows_read(st, a, read_row, *items, sizeof **items, INVITATIONS_MAX, n);
}

int invitation_get(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		   const char *id, struct invitation *out)
{
	struct invitation *items;
	size_t n;
	int rc = invitation_list(s, a, v, party_id, &items, &n);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++) {
		if (id && strcmp(items[i].id, id) == 0) {
			*out = items[i];
			return 0;
		}
	}
	return ERR_NOTFOUND;
}

int invitation_withdraw(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
			const char *id)
{
	struct party pa;
	int rc = check(s, a, v, party_id, ACT_DELETE, &pa);
	if (rc)
		return rc;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_change(c, "DELETE FROM invitations WHERE id = ?1 AND party_id = ?2", 2, id, pa.id);
	if (!rc)
		rc = activity_add_about(c, v, "withdraw_invitation", "party", pa.id, "invitations", id, NULL);
	return rows_commit(s, rc);
}

int invitation_by_code(struct store *s, struct arena *a, const char *code, struct invitation *out)
{
	if (!code || strlen(code) != SECRET_STRLEN)
		return ERR_NOTFOUND;
	char hash[65], now[TIME_STRLEN + 1];
	secret_hash(code, hash);
	time_now(now);
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " INVITATION_COLS INVITATION_FROM " WHERE i.token_hash = ?1 AND i.expires_at > ?2", 2,
		hash, now);
	return rows_one(st, a, read_row, out);
}

/* The pending invitation of a code, on the writer: its id, party and role. */
static int find_code(struct store_conn *c, const char *code, const char *now, char id[UUID_STRLEN + 1],
		     char party_id[UUID_STRLEN + 1], char role[16])
{
	if (!code || strlen(code) != SECRET_STRLEN)
		return ERR_NOTFOUND;
	char hash[65];
	secret_hash(code, hash);
	struct store_stmt *st = rows_prepare(c,
		"SELECT id, party_id, role FROM invitations WHERE token_hash = ?1 AND expires_at > ?2", 2,
		hash, now);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		snprintf(id, UUID_STRLEN + 1, "%s", store_text(st, 0));
		snprintf(party_id, UUID_STRLEN + 1, "%s", store_text(st, 1));
		snprintf(role, 16, "%s", store_text(st, 2));
	}
	store_reset(st);
	return rc == STORE_ROW ? 0 : rc == STORE_DONE ? ERR_NOTFOUND : rc;
}

/* Makes the viewer member with role, keeping admin if they were admin. */
static int join(struct store_conn *c, const struct viewer *v, const char *party_id, const char *role,
		const char *now)
{
	return rows_run(c,
		"INSERT INTO memberships (party_id, user_id, role, created_at) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT (party_id, user_id) DO UPDATE SET role ="
		"  CASE WHEN excluded.role = 'admin' THEN 'admin' ELSE memberships.role END", 4,
		party_id, v->user_id, role, now);
}

/* Accepts or declines the invitation of code for the viewer: either way it
 * is used up. party_id is its party. */
static int answer(struct store *s, const struct viewer *v, const char *code, bool accept,
		  char party_id[UUID_STRLEN + 1])
{
	if (!v || !v->authenticated || !v->user_id[0])
		return ERR_AUTH;
	char now[TIME_STRLEN + 1], id[UUID_STRLEN + 1], role[16];
	time_now(now);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = find_code(c, code, now, id, party_id, role);
	if (!rc && accept)
		rc = join(c, v, party_id, role, now);
	if (!rc)
		rc = rows_run(c, "DELETE FROM invitations WHERE id = ?1", 1, id);
	if (!rc)
		rc = accept ? activity_add_about(c, v, "accept_invitation", "party", party_id, "members", v->user_id, role)
			    : activity_add_about(c, v, "decline_invitation", "party", party_id, "invitations", id, NULL);
	return rows_commit(s, rc);
}

int invitation_accept(struct store *s, struct arena *a, const struct viewer *v, const char *code,
		      struct membership *out)
{
	char party_id[UUID_STRLEN + 1];
	int rc = answer(s, v, code, true, party_id);
	if (rc || !out)
		return rc;
	struct membership *items;
	size_t n;
	rc = member_of(s, a, v->user_id, &items, &n);
	for (size_t i = 0; !rc && i < n; i++) {
		if (strcmp(items[i].party_id, party_id) == 0) {
			*out = items[i];
			return 0;
		}
	}
	return rc ? rc : ERR_NOTFOUND;
}

int invitation_decline(struct store *s, struct arena *a, const struct viewer *v, const char *code)
{
	(void)a;
	char party_id[UUID_STRLEN + 1];
	return answer(s, v, code, false, party_id);
}

/* The fields of an invitation, for the API, the forms and the log. */
const struct field_desc invitation_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct invitation, id),
	  .label = { "Nummer", "Number" }, .doc = "The identifier of the invitation (uitnodiging-id).",
	  .example = "\"01a21af4-7c30-7d4e-8f10-3a2b1c0d9e8f\"" },
	{ .name = "email", .kind = FK_EMAIL, .flags = F_REQUIRED | F_CREATE_ONLY, FIELD_AT(struct invitation, email),
	  .max = USER_EMAIL_MAX, .label = { "E-mailadres", "Email address" }, .autocomplete = "off",
	  .doc = "The address invited (e-mailadres), in lower case; the person need not have an account.",
	  .example = "\"nieuw@example.nl\"" },
	{ .name = "role", .kind = FK_ENUM, .flags = F_REQUIRED | F_CREATE_ONLY, FIELD_AT(struct invitation, role),
	  .keys = member_roles + MEMBER_MEMBER, .nkeys = MEMBER_ROLE_COUNT - MEMBER_MEMBER, .schema = "MemberRole",
	  .label = { "Rol", "Role" } },
	{ .name = "invitedBy", .kind = FK_REF, .flags = F_READ_ONLY | F_NULLABLE, FIELD_AT(struct invitation, invited_by),
	  .ref = "user", .label = { "Uitgenodigd door", "Invited by" },
	  .doc = "Who invited (uitgenodigd door), or null when that account has been erased.",
	  .example = "\"01a21af4-5e10-7b2e-9c41-2f6d8e0a7b13\"" },
	{ .name = "invitedByName", .kind = FK_TEXT, .flags = F_READ_ONLY | F_NULLABLE,
	  FIELD_AT(struct invitation, invited_by_name), .max = USER_NAME_MAX, .label = { "Uitgenodigd door", "Invited by" },
	  .doc = "The name of who invited (naam), or null.", .example = "\"Alice de Vries\"" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct invitation, created_at),
	  .label = { "Verstuurd op", "Sent" }, .doc = "When it was sent or last renewed (verstuurd op), in UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
	{ .name = "expiresAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct invitation, expires_at),
	  .label = { "Verloopt", "Expires" },
	  .doc = "When the link stops working (verloopt op), 14 days after sending, in UTC.",
	  .example = "\"2026-12-11T10:00:00Z\"" },
};
const size_t invitation_nfields = sizeof invitation_fields / sizeof invitation_fields[0];

/* Invitations to a person's address go; those they sent stay, without
 * their name. */
static const struct export_part invitation_exports[] = {
	{ "invitationsReceived",
	  "SELECT i.id, i.party_id, p.name, i.email, i.role, i.invited_by, i.created_at, i.expires_at"
	  " FROM invitations i JOIN parties p ON p.id = i.party_id"
	  " WHERE i.email = (SELECT email FROM users WHERE id = ?1) ORDER BY i.created_at, i.id",
	  (const char *const[]){ "id", "partyId", "partyName", "email", "role", "invitedBy", "createdAt", "expiresAt" },
	  8, NULL, false },
	{ "invitationsSent",
	  "SELECT i.id, i.party_id, p.name, i.email, i.role, i.invited_by, i.created_at, i.expires_at"
	  " FROM invitations i JOIN parties p ON p.id = i.party_id WHERE i.invited_by = ?1 ORDER BY i.created_at, i.id",
	  (const char *const[]){ "id", "partyId", "partyName", "email", "role", "invitedBy", "createdAt", "expiresAt" },
	  8, NULL, false },
};
static const char *const invitation_erase[] = {
	"DELETE FROM invitations WHERE email = (SELECT email FROM users WHERE id = ?1) COLLATE NOCASE",
	"UPDATE invitations SET invited_by = NULL WHERE invited_by = ?1",
};
const struct entity_type invitation_type = {
	.key = "invitation", .table = "invitations", .perm = OBJ_MEMBERS,
	.noun = { "Uitnodiging", "Invitation" },
	.exports = invitation_exports, .nexports = 2, .erase = invitation_erase, .nerase = 2,
	.registers = { "invitations" },
	.fields = invitation_fields, .nfields = sizeof invitation_fields / sizeof invitation_fields[0],
	.schema = "Invitation",
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const invitations_types[] = { &invitation_type, NULL };
