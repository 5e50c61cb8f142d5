#include "ledger.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "party.h"
#include "role.h"
#include "registry.h"
#include "rows.h"

/* ?1 issue, ?2 viewer: the issue's area and owner, whether the viewer is a
 * member of the owner party or of a party in its ledger, and whether the
 * viewer coordinates the issue's area or an area around it. */
static const char relation_sql[] =
	"SELECT i.area_code, i.owner_party_id,"
	" EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = ?2 AND m.party_id = i.owner_party_id)"
	"  OR EXISTS (SELECT 1 FROM issue_roles ir JOIN memberships m ON m.party_id = ir.party_id"
	"   WHERE ir.issue_id = i.id AND m.user_id = ?2),"
	" " AREA_COORDINATED_BY("i.area_code", "?2")
	" FROM issues i WHERE i.id = ?1";

int ledger_issue_relation(struct store_conn *c, struct arena *a, const struct viewer *v,
			  const char *issue_id, struct issue_relation *out)
{
	memset(out, 0, sizeof *out);
	if (!issue_id || !uuid_valid(issue_id, strlen(issue_id)))
		return ERR_NOTFOUND;
	bool known = v && v->authenticated;
	struct store_stmt *st = rows_prepare(c, relation_sql, 2, issue_id, known ? v->user_id : NULL);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		out->area_code = arena_strdup(a, store_text(st, 0));
		out->owner_party_id = rows_opt(st, a, 1);
		out->taking_part = known && store_int(st, 2) != 0;
		out->coordinated = known && store_int(st, 3) != 0;
		rc = 0;
	} else if (rc == STORE_DONE) {
		rc = ERR_NOTFOUND;
	}
	store_reset(st);
	return rc;
}

/* The viewer's relation to one entry of the ledger: a member of the party
 * concerned, or a coordinator of the issue's area. */
static int entry_target(struct store_conn *c, struct arena *a, const struct viewer *v,
			const char *issue_id, const char *party_id, struct perm_target *t)
{
	struct issue_relation rel;
	int rc = ledger_issue_relation(c, a, v, issue_id, &rel);
	if (rc)
		return rc;
	memset(t, 0, sizeof *t);
	t->coordinated = rel.coordinated;
	t->is_public = true;
	if (party_id && uuid_valid(party_id, strlen(party_id))) {
		bool party_coordinated;
		if ((rc = party_relation(c, v, party_id, &t->member, &party_coordinated)))
			return rc;
	}
	return 0;
}

bool ledger_can(struct store *s, const struct viewer *v, const char *issue_id,
		const char *party_id, enum perm_action act)
{
	struct arena *a = arena_new();
	struct perm_target t;
	bool ok = entry_target(store_reader(s), a, v, issue_id, party_id, &t) == 0 &&
		  perm_can(v, OBJ_LEDGER, act, &t);
	arena_free(a);
	return ok;
}

/* Whether the viewer may see the party (perm.c's rule for reading one):
 * public, or theirs, or in their areas, or they are an admin. */
static int party_visible(struct store_conn *c, const struct viewer *v, const char *party_id,
			 bool *visible)
{
	*visible = false;
	if (!party_id || !uuid_valid(party_id, strlen(party_id)))
		return 0;
	struct store_stmt *st = store_prepare(c,
		"SELECT p.visibility = 'public' OR ?3 = 1"
		"  OR EXISTS (SELECT 1 FROM memberships m WHERE m.party_id = p.id AND m.user_id = ?2)"
		"  OR " PARTY_COORDINATED_BY("p.id", "?2")
		" FROM parties p WHERE p.id = ?1");
	if (!st)
		return ERR_DB;
	bool known = v && v->authenticated;
	store_bind_str(st, 1, party_id);
	store_bind_str(st, 2, known ? v->user_id : NULL);
	store_bind_int(st, 3, known && v->role == PROLE_ADMIN);
	int rc = store_step(st);
	if (rc == STORE_ROW)
		*visible = store_int(st, 0) != 0;
	store_reset(st);
	return rc < 0 ? rc : 0;
}

int ledger_get(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
	       const char *role, const char *party_id, struct ledger_entry *out)
{
	if (!issue_id || !role || !party_id || !uuid_valid(issue_id, strlen(issue_id)))
		return ERR_NOTFOUND;
	struct store_conn *c = store_reader(s);
	bool visible;
	int rc = party_visible(c, v, party_id, &visible);
	if (rc)
		return rc;
	if (!visible)
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(c,
		"SELECT note, created_by, created_at FROM issue_roles"
		" WHERE issue_id = ?1 AND role_key = ?2 AND party_id = ?3", 3, issue_id, role, party_id);
	if (!st)
		return ERR_DB;
	rc = store_step(st);
	if (rc == STORE_ROW) {
		out->issue_id = arena_strdup(a, issue_id);
		out->role = arena_strdup(a, role);
		out->party_id = arena_strdup(a, party_id);
		out->note = arena_strdup(a, store_text(st, 0));
		out->created_by = rows_opt(st, a, 1);
		out->created_at = arena_strdup(a, store_text(st, 2));
		rc = 0;
	} else if (rc == STORE_DONE) {
		rc = ERR_NOTFOUND;
	}
	store_reset(st);
	return rc;
}

int ledger_take(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		struct ledger_entry *in, struct problems *p)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct store_conn *r = store_reader(s);
	struct issue_relation rel;
	int rc = ledger_issue_relation(r, a, v, issue_id, &rel);
	if (rc)
		return rc;
	/* a party the viewer may not see is no party to them; a role not
	 * chosen is a choice to make */
	const char *party = in->party_id ? text_trim(a, in->party_id, strlen(in->party_id)) : NULL;
	bool visible = false;
	if (party && *party && (rc = party_visible(r, v, party, &visible)))
		return rc;
	if (party && *party && !visible)
		problems_add(p, "party", R_NOT_ONE_OF, 0);
	if (!in->role || !*text_trim(a, in->role, strlen(in->role)))
		problems_add(p, "role", R_CHOOSE, 0);
	fields_validate(ledger_entry_fields, ledger_entry_nfields, in, store_reader(s), a, p);
	if (!in->note)
		in->note = "";
	/* who may is asked of the party named, once it is one */
	if (visible) {
		struct perm_target t = { NULL, true, MEMBER_NONE, rel.coordinated };
		bool party_coordinated;
		if ((rc = party_relation(r, v, in->party_id, &t.member, &party_coordinated)))
			return rc;
		if ((rc = perm_check(v, OBJ_LEDGER, ACT_CREATE, &t)))
			return rc;
	}
	if (p->n)
		return ERR_INVALID;

	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	in->issue_id = issue_id;
	in->created_at = now;
	in->created_by = v->user_id[0] ? v->user_id : NULL; /* NULL: the system */
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct store_stmt *st = rows_prepare(c,
		"SELECT count(*), EXISTS (SELECT 1 FROM issue_roles WHERE issue_id = ?1 AND role_key = ?2 AND party_id = ?3)"
		" FROM issue_roles WHERE issue_id = ?1", 3, issue_id, in->role, in->party_id);
	if (!st) {
		rc = ERR_DB;
	} else {
		rc = store_step(st);
		if (rc == STORE_ROW) {
			rc = 0;
			if (store_int(st, 1)) {
				problems_add(p, "role", R_DUPLICATE, 0);
				rc = ERR_INVALID;
			} else if (store_int(st, 0) >= LEDGER_ENTRIES_MAX) {
				rc = ERR_CONFLICT;
			}
		} else if (rc == STORE_DONE) {
			rc = ERR_DB;
		}
		store_reset(st);
	}
	if (!rc) {
		st = rows_prepare(c,
			"INSERT INTO issue_roles (issue_id, role_key, party_id, note, created_by, created_at)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6)", 6,
			issue_id, in->role, in->party_id, in->note, in->created_by, now);
		if (!st) {
			rc = ERR_DB;
		} else {
			rc = store_run(st);
			if (rc == ERR_CONFLICT) { /* a take at the same moment */
				problems_add(p, "role", R_DUPLICATE, 0);
				rc = ERR_INVALID;
			}
		}
	}
	/* the entry's object is the issue; its detail the role (no personal
	 * data) */
	if (!rc)
		rc = activity_add_about(c, v, "take_role", "issue", issue_id, "roles", NULL, in->role);
	return rows_commit(s, rc);
}

int ledger_give_up(struct store *s, const struct viewer *v, const char *issue_id,
		   const char *role, const char *party_id)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	if (!role || !role_find(role) || !party_id || !uuid_valid(party_id, strlen(party_id)))
		return ERR_NOTFOUND;
	struct arena *a = arena_new();
	struct perm_target t;
	int rc = entry_target(store_reader(s), a, v, issue_id, party_id, &t);
	if (!rc)
		rc = perm_check(v, OBJ_LEDGER, ACT_DELETE, &t);
	arena_free(a);
	if (rc)
		return rc;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_change(c, "DELETE FROM issue_roles WHERE issue_id = ?1 AND role_key = ?2 AND party_id = ?3", 3,
			issue_id, role, party_id);
	if (!rc)
		rc = activity_add_about(c, v, "give_up_role", "issue", issue_id, "roles", NULL, role);
	return rows_commit(s, rc);
}

/* The fields of an entry, for the API and the log. */
const struct field_desc ledger_entry_fields[] = {
	{ .name = "issue", .kind = FK_REF, .flags = F_READ_ONLY, FIELD_AT(struct ledger_entry, issue_id),
	  .ref = "issue", .label = { "Vraagstuk", "Issue" }, .doc = "The issue (vraagstuk).",
	  .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fb\"" },
	{ .name = "role", .kind = FK_ROLE, .flags = F_REQUIRED, FIELD_AT(struct ledger_entry, role),
	  .label = { "Rol", "Role" }, .doc = "The key of a role (rol) in the catalogue.",
	  .example = "\"detect_signals\"" },
	{ .name = "party", .kind = FK_REF, .flags = F_REQUIRED, FIELD_AT(struct ledger_entry, party_id),
	  .ref = "party", .label = { "Partij", "Party" }, .doc = "The party that takes it (partij).",
	  .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fc\"" },
	{ .name = "note", .kind = FK_TEXT, FIELD_AT(struct ledger_entry, note), .max = LEDGER_NOTE_MAX,
	  .label = { "Toelichting", "Note" },
	  .hint = { "Kort: wat doet de partij in deze rol? Hoogstens 300 tekens.",
		    "Briefly: what does the party do in this role? At most 300 characters." },
	  .doc = "A short note (toelichting); empty when none.", .example = "\"Wij horen veel in de wijk.\"" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct ledger_entry, created_at),
	  .label = { "Opgenomen op", "Taken" }, .doc = "When it was taken (opgenomen op), UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
};
const size_t ledger_entry_nfields = sizeof ledger_entry_fields / sizeof ledger_entry_fields[0];

static const struct export_part role_ledger_exports[] = {
	{ "rolesTaken",
	  "SELECT r.issue_id, i.title, r.role_key, r.party_id, p.name, r.note, r.created_at"
	  " FROM issue_roles r JOIN issues i ON i.id = r.issue_id JOIN parties p ON p.id = r.party_id"
	  " WHERE r.created_by = ?1 ORDER BY r.created_at, r.issue_id, r.role_key",
	  (const char *const[]){ "issueId", "issueTitle", "role", "partyId", "partyName", "note", "createdAt" },
	  7, NULL, false },
};
const struct entity_type role_ledger_type = {
	.key = "role_ledger", .table = "issue_roles", .perm = OBJ_LEDGER,
	.noun = { "Rol bij een vraagstuk", "Role on an issue" },
	.exports = role_ledger_exports, .nexports = 1,
	.privacy_note = "A role is taken by a party: it stays, taken by an erased account.",
	.registers = { "issue_factors_roles" },
	.fields = ledger_entry_fields, .nfields = sizeof ledger_entry_fields / sizeof ledger_entry_fields[0],
	.schema = "RoleLedgerEntry",
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const ledger_types[] = { &role_ledger_type, NULL };
