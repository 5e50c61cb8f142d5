#include "member.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../base/uuid.h"
#include "../store/store.h"
#include "activity.h"
#include "party.h"
#include "user.h"
#include "registry.h"
#include "rows.h"

enum { MEMBERS_MAX = 1000 };

/* The party, read as the viewer, and whether they may do act to its members. */
static int check(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		 enum perm_action act, struct party *pa)
{
	int rc = party_get(s, a, v, party_id, pa);
	if (rc)
		return rc;
	struct perm_target t = { NULL, strcmp(pa->visibility, "public") == 0, pa->member, pa->coordinated };
	return perm_check(v, OBJ_MEMBERS, act, &t);
}

enum member_role member_role_of(const char *key)
{
	int r = key ? enum_find(member_roles, MEMBER_ROLE_COUNT, key) : -1;
	return r > 0 ? (enum member_role)r : MEMBER_NONE;
}

/* ERR_CONFLICT if user_id is the party's last admin, who may then not go
 * or stop being admin: a party keeps someone to manage it. On the writer. */
static int keeps_an_admin(struct store_conn *c, const char *party_id, const char *user_id)
{
	struct store_stmt *st = rows_prepare(c,
		"SELECT count(*) FROM memberships WHERE party_id = ?1 AND role = 'admin' AND user_id <> ?2"
		" UNION ALL SELECT count(*) FROM memberships WHERE party_id = ?1 AND role = 'admin' AND user_id = ?2", 2,
		party_id, user_id);
	if (!st)
		return ERR_DB;
	long long others = -1, self = 0;
	if (store_step(st) == STORE_ROW)
		others = store_int(st, 0);
	if (store_step(st) == STORE_ROW)
		self = store_int(st, 0);
	store_reset(st);
	if (others < 0)
		return ERR_DB;
	return self && !others ? ERR_CONFLICT : 0;
}

#define MEMBER_SELECT "SELECT m.user_id, u.name, m.role, m.created_at FROM memberships m" \
	" JOIN users u ON u.id = m.user_id WHERE m.party_id = ?1"

static void read_member(struct store_stmt *st, struct arena *a, void *row)
{
	struct member *m = row;
	snprintf(m->user_id, sizeof m->user_id, "%s", store_text(st, 0));
	m->name = arena_strdup(a, store_text(st, 1));
	m->role = member_roles[member_role_of(store_text(st, 2))].key;
	m->since = arena_strdup(a, store_text(st, 3));
}

int member_list(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		struct member **items, size_t *n)
{
	struct party pa;
	int rc = check(s, a, v, party_id, ACT_READ, &pa);
	if (rc)
		return rc;
	struct store_stmt *st = rows_prepare(store_reader(s),
		MEMBER_SELECT " ORDER BY m.role = 'admin' DESC, u.name, m.user_id LIMIT 1000", 1, pa.id);
	*items = arena_alloc(a, sizeof **items * MEMBERS_MAX);
	return rows_read(st, a, read_member, *items, sizeof **items, MEMBERS_MAX, n);
}

/* Cleans and checks a member's role (its one field that changes), adding
 * the problem; the role's key, or NULL. */
static const char *valid_role(struct store *s, struct arena *a, struct problems *p, const char *role)
{
	struct member m = { .role = role };
	size_t before = p->n;
	fields_validate(member_fields, member_nfields, &m, store_reader(s), a, p);
	return p->n == before ? m.role : NULL;
}

/* Whether the viewer may do act to the members of pa, read as the viewer. */
static int may(const struct viewer *v, const struct party *pa, enum perm_action act)
{
	struct perm_target t = { NULL, strcmp(pa->visibility, "public") == 0, pa->member, pa->coordinated };
	return perm_check(v, OBJ_MEMBERS, act, &t);
}

int member_in(struct store *s, struct arena *a, const struct viewer *v, const struct party *pa,
	      const char *user_id, struct member *out)
{
	int rc = may(v, pa, ACT_READ);
	if (rc)
		return rc;
	if (!user_id || !uuid_valid(user_id, strlen(user_id)))
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(store_reader(s),
		MEMBER_SELECT " AND m.user_id = ?2", 2, pa->id, user_id);
	return rows_one(st, a, read_member, out);
}

int member_add(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
	       const char *email, const char *role, struct member *out, struct problems *p)
{
	struct party pa;
	int rc = party_get(s, a, v, party_id, &pa);
	return rc ? rc : member_add_to(s, a, v, &pa, email, role, out, p);
}

int member_add_to(struct store *s, struct arena *a, const struct viewer *v, const struct party *party,
		  const char *email, const char *role, struct member *out, struct problems *p)
{
	const struct party pa = *party;
	int rc = may(v, &pa, ACT_CREATE);
	if (rc)
		return rc;
	struct user u = { 0 };
	if (valid_text(p, "email", email, true, USER_EMAIL_MAX, false)) {
		rc = user_by_email(s, a, email, &u);
		if (rc == ERR_NOTFOUND)
			problems_add(p, "email", R_UNKNOWN_USER, 0);
		else if (rc)
			return rc;
	}
	role = valid_role(s, a, p, role);
	if (p->n)
		return ERR_INVALID;
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_run(c, "INSERT INTO memberships (party_id, user_id, role, created_at) VALUES (?1, ?2, ?3, ?4)", 4,
		      pa.id, u.id, role, now);
	if (rc == ERR_CONFLICT) {
		problems_add(p, "email", R_DUPLICATE, 0);
		rc = ERR_INVALID;
	}
	if (!rc)
		rc = activity_add_about(c, v, "add_member", "party", pa.id, "members", u.id, role);
	int crc = store_write_end(s, rc == 0);
	if (!rc && !crc && out) {
		snprintf(out->user_id, sizeof out->user_id, "%s", u.id);
		out->name = u.name;
		out->role = role;
		out->since = now;
	}
	return rc ? rc : crc;
}

int member_set_role(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		    const char *user_id, const char *role, struct problems *p)
{
	struct party pa;
	int rc = party_get(s, a, v, party_id, &pa);
	return rc ? rc : member_set_role_of(s, a, v, &pa, user_id, &role, p);
}

int member_set_role_of(struct store *s, struct arena *a, const struct viewer *v, const struct party *party,
		       const char *user_id, const char **role_io, struct problems *p)
{
	const struct party pa = *party;
	int rc = may(v, &pa, ACT_UPDATE);
	if (rc)
		return rc;
	/* with every problem the caller found too: none of them changes anything */
	const char *role = valid_role(s, a, p, *role_io);
	if (!role || p->n)
		return ERR_INVALID;
	*role_io = role;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = strcmp(role, "admin") == 0 ? 0 : keeps_an_admin(c, pa.id, user_id);
	if (!rc)
		rc = rows_change(c, "UPDATE memberships SET role = ?3 WHERE party_id = ?1 AND user_id = ?2", 3,
				 pa.id, user_id, role);
	if (!rc)
		rc = activity_add_about(c, v, "change_member", "party", pa.id, "members", user_id, role);
	return rows_commit(s, rc);
}

int member_remove(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		  const char *user_id)
{
	struct party pa;
	int rc = check(s, a, v, party_id, ACT_DELETE, &pa);
	/* leaving is always allowed to the member themselves */
	if (rc == ERR_FORBIDDEN && v && v->authenticated && user_id && strcmp(user_id, v->user_id) == 0 &&
	    pa.member != MEMBER_NONE)
		rc = 0;
	if (rc)
		return rc;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = keeps_an_admin(c, pa.id, user_id);
	if (!rc)
		rc = rows_change(c, "DELETE FROM memberships WHERE party_id = ?1 AND user_id = ?2", 2, pa.id, user_id);
	if (!rc)
		/* leaving is a removal whose actor is its subject */
		rc = activity_add_about(c, v, "remove_member", "party", pa.id, "members", user_id, NULL);
	return rows_commit(s, rc);
}

static void read_membership(struct store_stmt *st, struct arena *a, void *row)
{
	struct membership *m = row;
	snprintf(m->party_id, sizeof m->party_id, "%s", store_text(st, 0));
	m->party_name = arena_strdup(a, store_text(st, 1));
	m->role = member_role_of(store_text(st, 2));
	m->since = arena_strdup(a, store_text(st, 3));
}

int member_of(struct store *s, struct arena *a, const char *user_id, struct membership **items,
	      size_t *n)
{
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT m.party_id, p.name, m.role, m.created_at FROM memberships m"
		" JOIN parties p ON p.id = m.party_id WHERE m.user_id = ?1 ORDER BY p.sort_name LIMIT 1000", 1,
		user_id);
	if (!st)
		return ERR_DB;
	*items = arena_alloc(a, sizeof **items * MEMBERS_MAX);
	return rows_read(st, a, read_membership, *items, sizeof **items, MEMBERS_MAX, n);
}

/* The fields of a member, for the API, the forms and the log. */
const struct field_desc member_fields[] = {
	{ .name = "userId", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct member, user_id),
	  .ref = "user", .label = { "Gebruiker", "User" }, .doc = "The identifier of the person (gebruikers-id).",
	  .example = "\"01a21af4-5e10-7b2e-9c41-2f6d8e0a7b13\"" },
	{ .name = "name", .kind = FK_TEXT, .flags = F_READ_ONLY, FIELD_AT(struct member, name), .max = USER_NAME_MAX,
	  .label = { "Naam", "Name" }, .doc = "The person's name (naam).", .example = "\"Alice de Vries\"" },
	{ .name = "role", .kind = FK_ENUM, .flags = F_REQUIRED, FIELD_AT(struct member, role),
	  .keys = member_roles + MEMBER_MEMBER, .nkeys = MEMBER_ROLE_COUNT - MEMBER_MEMBER, .schema = "MemberRole",
	  .label = { "Rol", "Role" } },
	{ .name = "since", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct member, since),
	  .label = { "Lid sinds", "Member since" }, .doc = "When the person joined the party (lid sinds), in UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
};
const size_t member_nfields = sizeof member_fields / sizeof member_fields[0];

/* The fields of a party a person is in, for the API (Me) and its document; its
 * role is an enum member_role, which no descriptor holds: the document
 * says it by hand. */
const struct field_desc membership_fields[] = {
	{ .name = "partyId", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct membership, party_id),
	  .ref = "party", .label = { "Partij", "Party" }, .doc = "The identifier of the party (partij-id).",
	  .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fb\"" },
	{ .name = "partyName", .kind = FK_TEXT, .flags = F_READ_ONLY, FIELD_AT(struct membership, party_name),
	  .max = 200, .label = { "Partij", "Party" }, .doc = "The name of the party (naam van de partij).",
	  .example = "\"Voedselbank Utrecht\"" },
	{ .name = "since", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct membership, since),
	  .label = { "Lid sinds", "Member since" }, .doc = "When the person joined the party (lid sinds), in UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
};
const size_t membership_nfields = sizeof membership_fields / sizeof membership_fields[0];

/* The memberships go; privacy.c logs each before (member_remove's entry). */
static const struct export_part member_exports[] = {
	{ "memberships",
	  "SELECT m.party_id, p.name, m.role, m.created_at FROM memberships m"
	  " JOIN parties p ON p.id = m.party_id WHERE m.user_id = ?1 ORDER BY p.sort_name, p.id",
	  (const char *const[]){ "partyId", "partyName", "role", "since" }, 4, NULL, false },
};
static const char *const member_erase[] = { "DELETE FROM memberships WHERE user_id = ?1" };
const struct entity_type member_type = {
	.key = "member", .table = "memberships", .perm = OBJ_MEMBERS,
	.noun = { "Lidmaatschap", "Membership" },
	.exports = member_exports, .nexports = 1, .erase = member_erase, .nerase = 1,
	.registers = { "memberships" },
	.fields = member_fields, .nfields = sizeof member_fields / sizeof member_fields[0], .schema = "Member",
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const members_types[] = { &member_type, NULL };
