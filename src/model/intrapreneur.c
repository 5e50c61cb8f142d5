#include "intrapreneur.h"

#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../base/uuid.h"
#include "../store/store.h"
#include "activity.h"
#include "initiative.h"
#include "registry.h"
#include "rows.h"

/* Hours are a person's own to record, change and remove: owner = the
 * person addressed. Nobody records them for someone else, not even a
 * platform admin. */
static const perm_rules intrapreneur_rules = {
	[ACT_READ] = W_ANYONE,
	[ACT_CREATE] = W_OWNER,
	[ACT_UPDATE] = W_OWNER,
	[ACT_DELETE] = W_OWNER,
};

#define HOURS_COLS \
	"h.initiative_id, h.user_id, u.name, h.party_id, p.name, h.hours_per_week, h.since, h.created_at, h.updated_at"
#define HOURS_FROM \
	" FROM intrapreneur_hours h JOIN users u ON u.id = h.user_id JOIN parties p ON p.id = h.party_id"

static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct intrapreneur *h = row;
	memset(h, 0, sizeof *h);
	h->initiative_id = arena_strdup(a, store_text(st, 0));
	h->user_id = arena_strdup(a, store_text(st, 1));
	h->name = arena_strdup(a, store_text(st, 2));
	h->party_id = arena_strdup(a, store_text(st, 3));
	h->party_name = arena_strdup(a, store_text(st, 4));
	h->has_hours = true;
	h->hours_per_week = store_int(st, 5);
	h->since = arena_strdup(a, store_text(st, 6));
	h->created_at = arena_strdup(a, store_text(st, 7));
	h->updated_at = arena_strdup(a, store_text(st, 8));
}

static void read_total(struct store_stmt *st, struct arena *a, void *row)
{
	struct intrapreneur_total *t = row;
	t->id = arena_strdup(a, store_text(st, 0));
	t->name = arena_strdup(a, store_text(st, 1));
	t->hours = store_int(st, 2);
	t->people = store_int(st, 3);
}

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

/* Whether the viewer sees who is granted the hours: the lead's members and
 * platform admins. */
static bool names_shown(const struct viewer *v, const struct initiative_rel *rel)
{
	return v && v->authenticated && (rel->lead != MEMBER_NONE || v->role == PROLE_ADMIN);
}

/* The user id "me" or an id stands for: the viewer's for "me". */
static const char *who(const struct viewer *v, const char *user_id)
{
	if (user_id && strcmp(user_id, "me") == 0)
		return v && v->authenticated ? v->user_id : NULL;
	return user_id;
}

int intrapreneur_of_initiative(struct store *s, struct arena *a, const struct viewer *v,
			       const char *initiative_id, struct intrapreneurship *out)
{
	memset(out, 0, sizeof *out);
	struct initiative_rel rel;
	int rc = relation(store_reader(s), v, initiative_id, &rel);
	return rc ? rc : intrapreneur_of_known(s, a, v, initiative_id, &rel, out);
}

int intrapreneur_of_known(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
			  const struct initiative_rel *rel, struct intrapreneurship *out)
{
	memset(out, 0, sizeof *out);
	struct store_conn *c = store_reader(s);
	int rc;
	struct store_stmt *st = rows_prepare(c,
		"SELECT coalesce(sum(hours_per_week), 0), count(*) FROM intrapreneur_hours WHERE initiative_id = ?1", 1,
		initiative_id);
	if (!st)
		return ERR_DB;
	rc = store_step(st);
	if (rc == STORE_ROW) {
		out->hours = store_int(st, 0);
		out->people = store_int(st, 1);
		rc = 0;
	} else {
		rc = ERR_DB;
	}
	store_reset(st);
	if (rc)
		return rc;
	/* per party: only parties the viewer may see (party.c's VISIBLE) */
	bool known = v && v->authenticated;
	st = store_prepare(c,
		"SELECT p.id, p.name, sum(h.hours_per_week), count(*) FROM intrapreneur_hours h"
		" JOIN parties p ON p.id = h.party_id WHERE h.initiative_id = ?1"
		" AND (p.visibility = 'public' OR ?2 = 1"
		"  OR EXISTS (SELECT 1 FROM memberships m WHERE m.party_id = p.id AND m.user_id = ?3)"
		"  OR " PARTY_COORDINATED_BY("p.id", "?3") ")"
		" GROUP BY p.id, p.name ORDER BY sum(h.hours_per_week) DESC, p.name, p.id LIMIT ?4");
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, initiative_id);
	store_bind_int(st, 2, known && v->role == PROLE_ADMIN);
	if (known)
		store_bind_str(st, 3, v->user_id);
	else
		store_bind_null(st, 3);
	store_bind_int(st, 4, INTRAPRENEURS_MAX);
	out->parties = arena_alloc(a, sizeof *out->parties * INTRAPRENEURS_MAX);
	if ((rc = rows_read(st, a, read_total, out->parties, sizeof *out->parties, INTRAPRENEURS_MAX, &out->nparties)))
		return rc;
	/* the people: all for those who see names, else the viewer's own */
	out->names_shown = names_shown(v, rel);
	if (!known)
		return 0;
	st = rows_prepare(c,
		"SELECT " HOURS_COLS HOURS_FROM " WHERE h.initiative_id = ?1 AND (?2 IS NULL OR h.user_id = ?2)"
		" ORDER BY p.name, u.name, h.user_id LIMIT 1000", 2,
		initiative_id, out->names_shown ? NULL : v->user_id);
	out->people_rows = arena_alloc(a, sizeof *out->people_rows * INTRAPRENEURS_MAX);
	return rows_read(st, a, read_row, out->people_rows, sizeof *out->people_rows, INTRAPRENEURS_MAX,
			 &out->npeople);
}

int intrapreneur_of_party(struct store *s, struct arena *a, const char *party_id,
			  struct intrapreneur_total **items, size_t *n, long long *hours)
{
	*n = 0;
	*hours = 0;
	struct store_stmt *st = store_prepare(store_reader(s),
		"SELECT i.id, i.title, sum(h.hours_per_week), count(*) FROM intrapreneur_hours h"
		" JOIN initiatives i ON i.id = h.initiative_id WHERE h.party_id = ?1"
		" GROUP BY i.id, i.title ORDER BY sum(h.hours_per_week) DESC, i.title, i.id LIMIT ?2");
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, party_id);
	store_bind_int(st, 2, INTRAPRENEURS_MAX);
	*items = arena_alloc(a, sizeof **items * INTRAPRENEURS_MAX);
	int rc = rows_read(st, a, read_total, *items, sizeof **items, INTRAPRENEURS_MAX, n);
	for (size_t i = 0; !rc && i < *n; i++)
		*hours += (*items)[i].hours;
	return rc;
}

int intrapreneur_get(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		     const char *user_id, struct intrapreneur *out)
{
	const char *uid = who(v, user_id);
	if (user_id && strcmp(user_id, "me") == 0 && !uid)
		return ERR_AUTH;
	if (!uid || !uuid_valid(uid, strlen(uid)))
		return ERR_NOTFOUND;
	struct store_conn *c = store_reader(s);
	struct initiative_rel rel;
	int rc = relation(c, v, initiative_id, &rel);
	if (rc)
		return rc;
	bool own = v && v->authenticated && strcmp(uid, v->user_id) == 0;
	if (!own && !names_shown(v, &rel))
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(c,
		"SELECT " HOURS_COLS HOURS_FROM " WHERE h.initiative_id = ?1 AND h.user_id = ?2", 2, initiative_id, uid);
	return rows_one(st, a, read_row, out);
}

/* Who may act on the hours of user_id: the person, for themselves. */
static int check(struct store *s, const struct viewer *v, const char *initiative_id, const char *user_id,
		 enum perm_action act, const char **uid)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct initiative_rel rel;
	int rc = relation(store_reader(s), v, initiative_id, &rel);
	if (rc)
		return rc;
	*uid = who(v, user_id);
	if (!*uid || !uuid_valid(*uid, strlen(*uid)))
		return ERR_NOTFOUND;
	struct perm_target t = { *uid, true, MEMBER_NONE, false };
	return perm_check_rules(v, intrapreneur_rules, act, &t);
}

static const char *today(struct arena *a)
{
	char *out = arena_alloc(a, 11);
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
	return out;
}

int intrapreneur_set(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		     const char *user_id, struct intrapreneur *in, struct problems *p, bool *created)
{
	const char *uid;
	*created = false;
	int rc = check(s, v, initiative_id, user_id, ACT_UPDATE, &uid);
	if (rc)
		return rc;
	if (!in->since || !*text_trim(a, in->since, strlen(in->since)))
		in->since = today(a);
	fields_validate(intrapreneur_fields, intrapreneur_nfields, in, store_reader(s), a, p);
	/* the employer is a party the person is a member of */
	if (in->party_id && *in->party_id && !problems_find(p, "party")) {
		struct store_stmt *st = rows_prepare(store_reader(s),
			"SELECT p.name FROM memberships m JOIN parties p ON p.id = m.party_id"
			" WHERE m.user_id = ?1 AND m.party_id = ?2", 2, uid, in->party_id);
		const char *name = NULL;
		rc = rows_one(st, a, rows_text, &name);
		if (rc == ERR_NOTFOUND)
			problems_add(p, "party", R_NOT_ONE_OF, 0);
		else if (rc)
			return rc;
		in->party_name = name;
	}
	if (p->n)
		return ERR_INVALID;
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	in->initiative_id = initiative_id;
	in->user_id = uid;
	in->name = v->name;
	in->updated_at = now;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	/* read under the writer: whether this is a first record, and what
	 * changed */
	struct store_stmt *st = rows_prepare(c,
		"SELECT " HOURS_COLS HOURS_FROM " WHERE h.initiative_id = ?1 AND h.user_id = ?2", 2, initiative_id, uid);
	struct intrapreneur was;
	rc = rows_one(st, a, read_row, &was);
	if (rc == ERR_NOTFOUND) {
		*created = true;
		rc = 0;
	}
	in->created_at = *created ? now : was.created_at;
	const char *fields = *created || rc ? "" : fields_changed(intrapreneur_fields, intrapreneur_nfields, &was, in, a);
	if (!rc) {
		st = store_prepare(c, *created
			? "INSERT INTO intrapreneur_hours (initiative_id, user_id, party_id, hours_per_week, since,"
			  " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)"
			: "UPDATE intrapreneur_hours SET party_id = ?3, hours_per_week = ?4, since = ?5, updated_at = ?6"
			  " WHERE initiative_id = ?1 AND user_id = ?2");
		if (!st) {
			rc = ERR_DB;
		} else {
			store_bind_str(st, 1, initiative_id);
			store_bind_str(st, 2, uid);
			store_bind_str(st, 3, in->party_id);
			store_bind_int(st, 4, in->hours_per_week);
			store_bind_str(st, 5, in->since);
			store_bind_str(st, 6, now);
			rc = store_run(st);
		}
	}
	if (!rc)
		rc = activity_add(c, v, *created ? "create" : "update", "intrapreneur_hours", initiative_id, fields);
	return rows_commit(s, rc);
}

int intrapreneur_delete(struct store *s, const struct viewer *v, const char *initiative_id,
			const char *user_id)
{
	const char *uid;
	int rc = check(s, v, initiative_id, user_id, ACT_DELETE, &uid);
	if (rc)
		return rc;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_change(c, "DELETE FROM intrapreneur_hours WHERE initiative_id = ?1 AND user_id = ?2", 2,
			 initiative_id, uid);
	if (!rc)
		rc = activity_add(c, v, "delete", "intrapreneur_hours", initiative_id, "");
	return rows_commit(s, rc);
}

/* The fields, for the API, the form and the log. */
const struct field_desc intrapreneur_fields[] = {
	{ .name = "initiative", .kind = FK_REF, .flags = F_READ_ONLY, FIELD_AT(struct intrapreneur, initiative_id),
	  .ref = "initiative", .label = { "Initiatief", "Initiative" },
	  .doc = "The initiative (initiatief) the hours are for.", .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fb\"" },
	{ .name = "user", .kind = FK_REF, .flags = F_READ_ONLY, FIELD_AT(struct intrapreneur, user_id), .ref = "user",
	  .label = { "Persoon", "Person" }, .doc = "The person granted the hours (persoon): their account's id.",
	  .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fd\"" },
	{ .name = "name", .kind = FK_TEXT, .flags = F_READ_ONLY, FIELD_AT(struct intrapreneur, name),
	  .label = { "Naam", "Name" }, .doc = "The person's name (naam).", .example = "\"Sanne de Vries\"" },
	{ .name = "party", .kind = FK_REF, .flags = F_REQUIRED, FIELD_AT(struct intrapreneur, party_id), .ref = "party",
	  .label = { "Werkgever", "Employer" },
	  .hint = { "De partij waar je werkt en die je de uren geeft. Je moet er lid van zijn.",
		    "The party you work for that gives you the hours. You must be a member of it." },
	  .doc = "The employer (werkgever): a party the person is a member of, else a problem of this field.",
	  .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fc\"" },
	{ .name = "partyName", .kind = FK_TEXT, .flags = F_READ_ONLY, FIELD_AT(struct intrapreneur, party_name),
	  .label = { "Naam van de werkgever", "Employer's name" }, .doc = "The employer's name.",
	  .example = "\"Gemeente Utrecht\"" },
	{ .name = "hoursPerWeek", .kind = FK_INT, .flags = F_REQUIRED | F_NULLABLE,
	  FIELD_AT(struct intrapreneur, hours_per_week), FIELD_HAS(struct intrapreneur, has_hours), .min = 1,
	  .max = INTRAPRENEUR_HOURS_MAX, .label = { "Uren per week", "Hours per week" },
	  .hint = { "Hoeveel uur per week je werkgever je geeft voor dit initiatief (1 tot 168).",
		    "How many hours a week your employer gives you for this initiative (1 to 168)." },
	  .doc = "The hours a week granted (uren per week), 1-168.", .example = "4" },
	{ .name = "since", .kind = FK_DATE, FIELD_AT(struct intrapreneur, since), .label = { "Sinds", "Since" },
	  .hint = { "Sinds wanneer, als JJJJ-MM-DD. Leeg: vandaag.", "Since when, as YYYY-MM-DD. Empty: today." },
	  .doc = "Since when (sinds), YYYY-MM-DD; today when not given.", .example = "\"2026-09-01\"" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct intrapreneur, created_at),
	  .label = { "Vastgelegd op", "Recorded" }, .doc = "When first recorded (vastgelegd op), UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
	{ .name = "updatedAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct intrapreneur, updated_at),
	  .label = { "Gewijzigd op", "Changed" }, .doc = "When it last changed (gewijzigd op), UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
};
const size_t intrapreneur_nfields = sizeof intrapreneur_fields / sizeof intrapreneur_fields[0];

static const struct export_part intrapreneur_exports[] = {
	{ "intrapreneurHours",
	  "SELECT h.initiative_id, i.title, h.party_id, p.name, h.hours_per_week, h.since, h.created_at, h.updated_at"
	  " FROM intrapreneur_hours h JOIN initiatives i ON i.id = h.initiative_id JOIN parties p ON p.id = h.party_id"
	  " WHERE h.user_id = ?1 ORDER BY h.created_at, h.initiative_id",
	  (const char *const[]){ "initiativeId", "initiativeTitle", "partyId", "partyName", "hoursPerWeek", "since",
				 "createdAt", "updatedAt" }, 8, NULL, false },
};
static const char *const intrapreneur_erase[] = {
	"DELETE FROM intrapreneur_hours WHERE user_id = ?1",
};
/* Its log entries are about the initiative (object id: the initiative's). */
const struct entity_type intrapreneur_type = {
	.key = "intrapreneur_hours", .table = "intrapreneur_hours",
	.noun = { "Uren voor intrapreneurschap", "Hours for intrapreneurship" },
	.name_sql = "SELECT title FROM initiatives WHERE id = ?1",
	.scope_sql = "SELECT i.id FROM initiatives i WHERE i.area_code IN (" AREAS_COORDINATED_BY("?1") ")",
	.exports = intrapreneur_exports, .nexports = 1,
	.erase = intrapreneur_erase, .nerase = 1,
	.registers = { "intrapreneur_hours" },
	.fields = intrapreneur_fields, .nfields = sizeof intrapreneur_fields / sizeof intrapreneur_fields[0],
	.schema = "Intrapreneur",
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const intrapreneurs_types[] = { &intrapreneur_type, NULL };
