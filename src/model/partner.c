#include "partner.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "initiative.h"
#include "party.h"
#include "registry.h"
#include "rows.h"

/* Who may, as the initiative's relation says: member = of its lead party. */
static const perm_rules partner_rules = {
	[ACT_READ] = W_ANYONE,
	[ACT_CREATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
	[ACT_UPDATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
	[ACT_DELETE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
};
/* A partner party's own admins, of their party's place: member = of that
 * party. They change its contribution and withdraw it. */
static const perm_rules own_partner_rules = {
	[ACT_UPDATE] = W_PARTY_ADMIN,
	[ACT_DELETE] = W_PARTY_ADMIN,
};

#define PARTNER_COLS \
	"ip.id, ip.initiative_id, ip.party_id, p.name, p.kind, ip.role_key, ip.contribution," \
	" ip.hours_per_week, ip.since, ip.created_by, ip.created_at, ip.updated_at"

/* The parties the viewer may see, as party.c's VISIBLE: ?2 = 1 for a
 * platform admin, ?3 the viewer. */
#define PARTY_SEEN \
	" AND (p.visibility = 'public' OR ?2 = 1" \
	"  OR EXISTS (SELECT 1 FROM memberships m WHERE m.party_id = p.id AND m.user_id = ?3)" \
	"  OR " PARTY_COORDINATED_BY("p.id", "?3") ")"

static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct partner *pt = row;
	memset(pt, 0, sizeof *pt);
	snprintf(pt->id, sizeof pt->id, "%s", store_text(st, 0));
	pt->initiative_id = arena_strdup(a, store_text(st, 1));
	pt->party_id = arena_strdup(a, store_text(st, 2));
	pt->party_name = arena_strdup(a, store_text(st, 3));
	pt->party_kind = arena_strdup(a, store_text(st, 4));
	pt->role = arena_strdup(a, store_text(st, 5));
	pt->contribution = arena_strdup(a, store_text(st, 6));
	pt->has_hours = !store_is_null(st, 7);
	pt->hours_per_week = pt->has_hours ? store_int(st, 7) : 0;
	pt->since = arena_strdup(a, store_text(st, 8));
	pt->created_by = rows_opt(st, a, 9);
	pt->created_at = arena_strdup(a, store_text(st, 10));
	pt->updated_at = arena_strdup(a, store_text(st, 11));
}

static void bind_viewer(struct store_stmt *st, const struct viewer *v)
{
	bool known = v && v->authenticated;
	store_bind_int(st, 2, known && v->role == PROLE_ADMIN);
	if (known)
		store_bind_str(st, 3, v->user_id);
	else
		store_bind_null(st, 3);
}

/* The initiative's relation to the viewer; ERR_NOTFOUND when there is none. */
static int relation(struct store_conn *c, const struct viewer *v, const char *initiative_id,
		    struct initiative_rel *rel)
{
	if (!initiative_id || !uuid_valid(initiative_id, strlen(initiative_id)))
		return ERR_NOTFOUND;
	int rc = initiative_relation(c, v, initiative_id, rel);
	if (rc)
		return rc;
	return rel->found ? 0 : ERR_NOTFOUND;
}

int partner_list(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		 struct partner **items, size_t *n)
{
	struct initiative_rel rel;
	int rc = relation(store_reader(s), v, initiative_id, &rel);
	return rc ? rc : partner_list_known(s, a, v, initiative_id, items, n);
}

int partner_list_known(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		       struct partner **items, size_t *n)
{
	struct store_conn *c = store_reader(s);
	struct store_stmt *st = store_prepare(c,
		"SELECT " PARTNER_COLS " FROM initiative_partners ip JOIN parties p ON p.id = ip.party_id"
		" WHERE ip.initiative_id = ?1" PARTY_SEEN " ORDER BY ip.seq LIMIT ?4");
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, initiative_id);
	bind_viewer(st, v);
	store_bind_int(st, 4, PARTNERS_MAX);
	*items = arena_alloc(a, sizeof **items * PARTNERS_MAX);
	return rows_read(st, a, read_row, *items, sizeof **items, PARTNERS_MAX, n);
}

int partner_get(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		const char *id, struct partner *out)
{
	if (!id || !uuid_valid(id, strlen(id)) || !initiative_id || !uuid_valid(initiative_id, strlen(initiative_id)))
		return ERR_NOTFOUND;
	struct store_stmt *st = store_prepare(store_reader(s),
		"SELECT " PARTNER_COLS " FROM initiative_partners ip JOIN parties p ON p.id = ip.party_id"
		" WHERE ip.initiative_id = ?1" PARTY_SEEN " AND ip.id = ?4");
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, initiative_id);
	bind_viewer(st, v);
	store_bind_str(st, 4, id);
	return rows_one(st, a, read_row, out);
}

static struct perm_target lead_target(const struct initiative_rel *rel)
{
	return (struct perm_target){ NULL, true, rel->lead, rel->coordinated };
}

bool partner_may(const struct viewer *v, const struct initiative_rel *rel, enum perm_action act)
{
	struct perm_target t = lead_target(rel);
	return perm_check_rules(v, partner_rules, act, &t) == 0;
}

/* Whether the viewer may act on this partner as an admin of its party. */
static int own_party(struct store_conn *c, const struct viewer *v, const char *party_id,
		     enum perm_action act, bool *may)
{
	*may = false;
	if (!v || !v->authenticated)
		return 0;
	struct perm_target t = { NULL, true, MEMBER_NONE, false };
	bool coordinated;
	int rc = party_relation(c, v, party_id, &t.member, &coordinated);
	if (rc)
		return rc;
	*may = perm_check_rules(v, own_partner_rules, act, &t) == 0;
	return 0;
}

bool partner_may_edit(struct store *s, const struct viewer *v, const struct initiative_rel *rel,
		      const struct partner *pt, bool *own_only)
{
	*own_only = false;
	if (partner_may(v, rel, ACT_UPDATE))
		return true;
	bool may;
	if (own_party(store_reader(s), v, pt->party_id, ACT_UPDATE, &may) || !may)
		return false;
	*own_only = true;
	return true;
}

/* Who may act on the partner (NULL: the partners in general, for an add).
 * An unknown initiative is 404 first, an anonymous viewer 401, one who
 * may not 403, before any problem of the input. *own_only is set when
 * the viewer may only as an admin of the partner's own party. */
static int check(struct store *s, const struct viewer *v, const char *initiative_id,
		 const char *party_id, enum perm_action act, bool *own_only)
{
	if (own_only)
		*own_only = false;
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct store_conn *c = store_reader(s);
	struct initiative_rel rel;
	int rc = relation(c, v, initiative_id, &rel);
	if (rc)
		return rc;
	struct perm_target t = lead_target(&rel);
	rc = perm_check_rules(v, partner_rules, act, &t);
	if (rc == ERR_FORBIDDEN && party_id) {
		bool may;
		int rc2 = own_party(c, v, party_id, act, &may);
		if (rc2)
			return rc2;
		if (may) {
			if (own_only)
				*own_only = true;
			rc = 0;
		}
	}
	return rc;
}

/* Today's date where people are (the instance's zone). */
static const char *today(struct arena *a)
{
	char *out = arena_alloc(a, 11);
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
	return out;
}

/* Fills what was not given. */
static void defaults(struct arena *a, struct partner *in)
{
	if (!in->contribution)
		in->contribution = "";
	if (!in->since || !*text_trim(a, in->since, strlen(in->since)))
		in->since = today(a);
}

int partner_create(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		   struct partner *in, struct problems *p)
{
	int rc = check(s, v, initiative_id, NULL, ACT_CREATE, NULL);
	if (rc)
		return rc;
	defaults(a, in);
	fields_validate(partner_fields, partner_nfields, in, store_reader(s), a, p);
	if (!in->contribution) /* validation makes an empty text NULL */
		in->contribution = "";
	/* a party the viewer may not see is no party to them */
	struct party pa = { 0 };
	if (in->party_id && *in->party_id && !problems_find(p, "party")) {
		rc = party_get(s, a, v, in->party_id, &pa);
		if (rc == ERR_NOTFOUND)
			problems_add(p, "party", R_NOT_ONE_OF, 0);
		else if (rc)
			return rc;
	}
	if (p->n)
		return ERR_INVALID;
	uuid7_new(in->id);
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	in->initiative_id = initiative_id;
	in->party_name = pa.name;
	in->party_kind = pa.kind;
	in->created_at = in->updated_at = now;
	in->created_by = v->user_id[0] ? v->user_id : NULL;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	/* the count and the party's place are read under the writer, so two
	 * adds at once cannot both pass */
	struct store_stmt *st = rows_prepare(c,
		"SELECT count(*), EXISTS (SELECT 1 FROM initiative_partners WHERE initiative_id = ?1 AND party_id = ?2)"
		" FROM initiative_partners WHERE initiative_id = ?1", 2, initiative_id, in->party_id);
	if (!st) {
		rc = ERR_DB;
	} else {
		rc = store_step(st);
		if (rc == STORE_ROW) {
			rc = 0;
			if (store_int(st, 1)) {
				problems_add(p, "party", R_DUPLICATE, 0);
				rc = ERR_INVALID;
			} else if (store_int(st, 0) >= PARTNERS_MAX) {
				rc = ERR_CONFLICT;
			}
		} else {
			rc = ERR_DB;
		}
		store_reset(st);
	}
	if (!rc) {
		st = store_prepare(c,
			"INSERT INTO initiative_partners (id, initiative_id, party_id, role_key, contribution, hours_per_week,"
			" since, created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)");
		if (!st) {
			rc = ERR_DB;
		} else {
			store_bind_str(st, 1, in->id);
			store_bind_str(st, 2, initiative_id);
			store_bind_str(st, 3, in->party_id);
			store_bind_str(st, 4, in->role);
			store_bind_str(st, 5, in->contribution);
			if (in->has_hours)
				store_bind_int(st, 6, in->hours_per_week);
			else
				store_bind_null(st, 6);
			store_bind_str(st, 7, in->since);
			store_bind_str(st, 8, in->created_by);
			store_bind_str(st, 9, now);
			rc = store_run(st);
		}
	}
	if (!rc)
		rc = activity_add_about(c, v, "create", "partner", in->id, "", NULL, in->role);
	return rows_commit(s, rc);
}

int partner_update(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		   const struct partner *before, struct partner *in, struct problems *p)
{
	const struct partner old = *before;
	bool own_only;
	int rc = check(s, v, initiative_id, old.party_id, ACT_UPDATE, &own_only);
	if (rc)
		return rc;
	snprintf(in->id, sizeof in->id, "%s", old.id);
	in->party_id = old.party_id;
	defaults(a, in);
	fields_validate(partner_fields, partner_nfields, in, store_reader(s), a, p);
	if (!in->contribution) /* validation makes an empty text NULL */
		in->contribution = "";
	/* a partner party's admins say what their party contributes; its
	 * role and since are the lead's to say */
	if (own_only && in->role && strcmp(in->role, old.role))
		problems_add(p, "role", R_READ_ONLY, 0);
	if (own_only && in->since && strcmp(in->since, old.since))
		problems_add(p, "since", R_READ_ONLY, 0);
	if (p->n)
		return ERR_INVALID;
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	in->initiative_id = initiative_id;
	in->party_name = old.party_name;
	in->party_kind = old.party_kind;
	in->updated_at = now;
	in->created_at = old.created_at;
	in->created_by = old.created_by;
	const char *fields = fields_changed(partner_fields, partner_nfields, &old, in, a);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct store_stmt *st = store_prepare(c,
		"UPDATE initiative_partners SET role_key = ?3, contribution = ?4, hours_per_week = ?5, since = ?6,"
		" updated_at = ?7 WHERE id = ?1 AND initiative_id = ?2");
	if (!st) {
		rc = ERR_DB;
	} else {
		store_bind_str(st, 1, in->id);
		store_bind_str(st, 2, initiative_id);
		store_bind_str(st, 3, in->role);
		store_bind_str(st, 4, in->contribution);
		if (in->has_hours)
			store_bind_int(st, 5, in->hours_per_week);
		else
			store_bind_null(st, 5);
		store_bind_str(st, 6, in->since);
		store_bind_str(st, 7, now);
		rc = store_run(st);
		if (!rc && store_changes(c) == 0)
			rc = ERR_NOTFOUND;
	}
	if (!rc)
		rc = activity_add_about(c, v, "update", "partner", in->id, fields, NULL, in->role);
	return rows_commit(s, rc);
}

int partner_delete(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		   const char *id)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct partner pt;
	int rc = relation(store_reader(s), v, initiative_id, &(struct initiative_rel){ 0 });
	if (!rc)
		rc = partner_get(s, a, v, initiative_id, id, &pt);
	if (!rc)
		rc = check(s, v, initiative_id, pt.party_id, ACT_DELETE, NULL);
	if (rc)
		return rc;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_change(c, "DELETE FROM initiative_partners WHERE id = ?1 AND initiative_id = ?2", 2, id,
			 initiative_id);
	if (!rc)
		rc = activity_add_about(c, v, "delete", "partner", id, "", NULL, pt.role);
	return rows_commit(s, rc);
}

/* The fields of a partner, for the API, the forms and the log. */
const struct field_desc partner_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct partner, id),
	  .label = { "Nummer", "Number" }, .doc = "Its identifier (partner-id).",
	  .example = "\"01a21b02-1c3d-7e4f-8a9b-0c1d2e3f4a5b\"" },
	{ .name = "initiative", .kind = FK_REF, .flags = F_READ_ONLY, FIELD_AT(struct partner, initiative_id),
	  .ref = "initiative", .label = { "Initiatief", "Initiative" },
	  .doc = "The initiative (initiatief) the party takes part in.",
	  .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fb\"" },
	{ .name = "party", .kind = FK_REF, .flags = F_REQUIRED | F_CREATE_ONLY, FIELD_AT(struct partner, party_id),
	  .ref = "party", .label = { "Partij", "Party" },
	  .hint = { "De partij die meedoet.", "The party that takes part." },
	  .doc = "The partner party (partij): one the viewer may see, and not yet a partner of the initiative"
		 " (else a problem of this field). Set when added, never changed.",
	  .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fc\"" },
	{ .name = "partyName", .kind = FK_TEXT, .flags = F_READ_ONLY, FIELD_AT(struct partner, party_name),
	  .label = { "Naam van de partij", "Party's name" }, .doc = "The party's name (naam).",
	  .example = "\"Buurtteam Noord\"" },
	{ .name = "role", .kind = FK_ROLE, .flags = F_REQUIRED, FIELD_AT(struct partner, role),
	  .label = { "Rol", "Role" },
	  .hint = { "Wat de partij in het initiatief doet.", "What the party does in the initiative." },
	  .doc = "Its role (rol): a key of the role catalogue (/api/v1/roles).", .example = "\"co_create\"" },
	{ .name = "contribution", .kind = FK_TEXT, .max = PARTNER_CONTRIBUTION_MAX,
	  FIELD_AT(struct partner, contribution), .label = { "Bijdrage", "Contribution" },
	  .hint = { "Wat de partij inbrengt: mensen, geld, ruimte, kennis. Hoogstens 1000 tekens.",
		    "What the party brings: people, money, room, knowledge. At most 1000 characters." },
	  .doc = "What the party contributes (bijdrage); \"\" when not said.",
	  .example = "\"Twee wijkwerkers en een ruimte in het buurthuis.\"" },
	{ .name = "hoursPerWeek", .kind = FK_INT, .flags = F_NULLABLE, FIELD_AT(struct partner, hours_per_week),
	  FIELD_HAS(struct partner, has_hours), .min = 0, .max = PARTNER_HOURS_MAX,
	  .label = { "Uren per week", "Hours per week" },
	  .hint = { "Hoeveel uur per week de partij erin steekt (0 tot 168). Mag leeg blijven.",
		    "How many hours a week the party puts in (0 to 168). May stay empty." },
	  .doc = "The hours a week the party puts in (uren per week), 0-168, or null.", .example = "8" },
	{ .name = "since", .kind = FK_DATE, FIELD_AT(struct partner, since), .label = { "Sinds", "Since" },
	  .hint = { "De datum waarop de partij begon, als JJJJ-MM-DD. Leeg: vandaag.",
		    "The date the party started, as YYYY-MM-DD. Empty: today." },
	  .doc = "Since when (sinds), YYYY-MM-DD; today when not given.", .example = "\"2026-09-01\"" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct partner, created_at),
	  .label = { "Toegevoegd op", "Added" }, .doc = "When it was added (toegevoegd op), UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
	{ .name = "updatedAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct partner, updated_at),
	  .label = { "Gewijzigd op", "Changed" }, .doc = "When it last changed (gewijzigd op), UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
};
const size_t partner_nfields = sizeof partner_fields / sizeof partner_fields[0];

static const struct export_part partner_exports[] = {
	{ "partnersAdded",
	  "SELECT ip.id, ip.initiative_id, i.title, ip.party_id, ip.role_key, ip.contribution, ip.since, ip.created_at"
	  " FROM initiative_partners ip JOIN initiatives i ON i.id = ip.initiative_id WHERE ip.created_by = ?1"
	  " ORDER BY ip.seq",
	  (const char *const[]){ "id", "initiativeId", "initiativeTitle", "partyId", "role", "contribution", "since",
				 "createdAt" }, 8, NULL, false },
};
static const char *const partner_erase[] = {
	"UPDATE initiative_partners SET created_by = NULL WHERE created_by = ?1",
};
const struct entity_type partner_type = {
	.key = "partner", .table = "initiative_partners",
	.noun = { "Partner van een initiatief", "Partner of an initiative" },
	.name_sql = "SELECT p.name FROM initiative_partners ip JOIN parties p ON p.id = ip.party_id WHERE ip.id = ?1",
	.scope_sql = "SELECT ip.id FROM initiative_partners ip JOIN initiatives i ON i.id = ip.initiative_id"
		     " WHERE i.area_code IN (" AREAS_COORDINATED_BY("?1") ")",
	.exports = partner_exports, .nexports = 1,
	.erase = partner_erase, .nerase = 1,
	.registers = { "initiative_partners" },
	.fields = partner_fields, .nfields = sizeof partner_fields / sizeof partner_fields[0], .schema = "Partner",
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const partners_types[] = { &partner_type, NULL };
