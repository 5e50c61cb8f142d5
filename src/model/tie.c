#include "tie.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "cursor.h"
#include "party.h"
#include "registry.h"
#include "rows.h"

/* member: of the from or the to party; coordinator: of an area either
 * serves (tie.h). Reading is public, as far as the two parties are. */
static const perm_rules tie_rules = {
	[ACT_READ] = W_PUBLIC | W_MEMBER | W_COORDINATOR | W_ADMIN,
	[ACT_CREATE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
	[ACT_DELETE] = W_MEMBER | W_COORDINATOR | W_ADMIN,
};

const struct enum_entry tie_kinds[TIE_KIND_COUNT] = {
	[TIE_PARTNERS_WITH] = { "partners_with", { "Werkt samen met", "Partners with" } },
	[TIE_FUNDS] = { "funds", { "Financiert", "Funds" } },
	[TIE_ADVISES] = { "advises", { "Adviseert", "Advises" } },
	[TIE_REFERS_TO] = { "refers_to", { "Verwijst door naar", "Refers to" } },
	[TIE_SHARES_KNOWLEDGE] = { "shares_knowledge", { "Deelt kennis met", "Shares knowledge with" } },
};
_Static_assert(sizeof tie_kinds / sizeof tie_kinds[0] == TIE_KIND_COUNT, "a key for every kind of tie");

const char *const tie_kind_sentence[TIE_KIND_COUNT][LANG_COUNT] = {
	[TIE_PARTNERS_WITH] = { "%s werkt samen met %s", "%s partners with %s" },
	[TIE_FUNDS] = { "%s financiert %s", "%s funds %s" },
	[TIE_ADVISES] = { "%s adviseert %s", "%s advises %s" },
	[TIE_REFERS_TO] = { "%s verwijst door naar %s", "%s refers to %s" },
	[TIE_SHARES_KNOWLEDGE] = { "%s deelt kennis met %s", "%s shares knowledge with %s" },
};

/* Whether the viewer (?V, NULL when anonymous; ?A 'admin' for a platform
 * admin) may see the party p: party.c's rule for reading a party. */
#define SEES(p, V, A) \
	"(" p ".visibility = 'public' OR " A " = 'admin'" \
	" OR EXISTS (SELECT 1 FROM memberships m WHERE m.party_id = " p ".id AND m.user_id = " V ")" \
	" OR " PARTY_COORDINATED_BY(p ".id", V) ")"

#define TIE_COLS \
	"t.id, t.from_party_id, f.name, t.to_party_id, o.name, t.kind, t.since, t.note, t.created_at"
#define TIE_FROM \
	"ties t JOIN parties f ON f.id = t.from_party_id JOIN parties o ON o.id = t.to_party_id"

static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct tie *out = row;
	memset(out, 0, sizeof *out);
	snprintf(out->id, sizeof out->id, "%s", store_text(st, 0));
	out->from = arena_strdup(a, store_text(st, 1));
	out->from_name = arena_strdup(a, store_text(st, 2));
	out->to = arena_strdup(a, store_text(st, 3));
	out->to_name = arena_strdup(a, store_text(st, 4));
	out->kind = arena_strdup(a, store_text(st, 5));
	out->since = arena_strdup(a, store_text(st, 6));
	out->note = arena_strdup(a, store_text(st, 7));
	out->created_at = arena_strdup(a, store_text(st, 8));
}

static const char *viewer_id(const struct viewer *v)
{
	return v && v->authenticated && v->user_id[0] ? v->user_id : NULL;
}

static const char *admin_flag(const struct viewer *v)
{
	return v && v->authenticated && v->role == PROLE_ADMIN ? "admin" : "";
}

static int get_on(struct store_conn *c, struct arena *a, const struct viewer *v, const char *id, struct tie *out)
{
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	return rows_one(rows_prepare(c,
		"SELECT " TIE_COLS " FROM " TIE_FROM " WHERE t.id = ?1 AND " SEES("f", "?2", "?3")
		" AND " SEES("o", "?2", "?3"), 3, id, viewer_id(v), admin_flag(v)), a, read_row, out);
}

int tie_get(struct store *s, struct arena *a, const struct viewer *v, const char *id, struct tie *out)
{
	return get_on(store_reader(s), a, v, id, out);
}

/* The viewer's relation to a tie between the parties from and to: a member
 * of either, a coordinator of an area of either. */
static int relation(struct store_conn *c, const struct viewer *v, const char *from, const char *to,
		    struct perm_target *t)
{
	*t = (struct perm_target){ NULL, true, MEMBER_NONE, false };
	const char *ends[2] = { from, to };
	for (int i = 0; i < 2; i++) {
		enum member_role m;
		bool coordinated;
		int rc = party_relation(c, v, ends[i], &m, &coordinated);
		if (rc)
			return rc;
		if (m > t->member)
			t->member = m;
		t->coordinated = t->coordinated || coordinated;
	}
	return 0;
}

bool tie_can(struct store *s, const struct viewer *v, const char *party_id)
{
	struct perm_target t;
	if (!v || !v->authenticated || relation(store_reader(s), v, party_id, party_id, &t))
		return false;
	return perm_check_rules(v, tie_rules, ACT_CREATE, &t) == 0;
}

/* Whether the party exists and the viewer may see it. */
static int visible(struct store_conn *c, const struct viewer *v, const char *id, bool *out)
{
	*out = false;
	struct store_stmt *st = rows_prepare(c, "SELECT " SEES("p", "?2", "?3") " FROM parties p WHERE p.id = ?1", 3,
					     id, viewer_id(v), admin_flag(v));
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW)
		*out = store_int(st, 0) != 0;
	store_reset(st);
	return rc < 0 ? rc : 0;
}

int tie_create(struct store *s, struct arena *a, const struct viewer *v, struct tie *t, struct problems *p,
	       const char **dup)
{
	*dup = NULL;
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	fields_validate(tie_fields, tie_nfields, t, c, a, p);
	int rc = 0;
	const char *ends[2] = { "from", "to" };
	const char *ids[2] = { t->from, t->to };
	for (int i = 0; i < 2 && !rc; i++) {
		bool ok = false;
		if (ids[i] && !problems_find(p, ends[i]) && !(rc = visible(c, v, ids[i], &ok)) && !ok)
			problems_add(p, ends[i], R_NOT_ONE_OF, 0);
	}
	if (!rc && t->from && t->to && !problems_find(p, "from") && !problems_find(p, "to") && !strcmp(t->from, t->to))
		problems_add(p, "to", R_NOT_ONE_OF, 0); /* a tie links two parties */
	if (!rc && p->n)
		rc = ERR_INVALID;
	struct perm_target pt;
	if (!rc && !(rc = relation(c, v, t->from, t->to, &pt)))
		rc = perm_check_rules(v, tie_rules, ACT_CREATE, &pt);
	if (!rc) {
		const char *id = NULL;
		rc = rows_one(rows_prepare(c,
			"SELECT id FROM ties WHERE from_party_id = ?1 AND to_party_id = ?2 AND kind = ?3", 3,
			t->from, t->to, t->kind), a, rows_text, &id);
		if (!rc) {
			*dup = id;
			rc = ERR_CONFLICT;
		} else if (rc == ERR_NOTFOUND) {
			rc = 0;
		}
	}
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	if (!rc && (!t->since || !*t->since))
		t->since = arena_strndup(a, now, 10);
	if (!rc) {
		uuid7_new(t->id);
		rc = rows_run(c,
			"INSERT INTO ties (id, from_party_id, to_party_id, kind, since, note, created_by, created_at)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", 8,
			t->id, t->from, t->to, t->kind, t->since, t->note ? t->note : "", viewer_id(v), now);
	}
	if (!rc)
		rc = activity_add(c, v, "create", "tie", t->id, "");
	if (!rc)
		rc = get_on(c, a, v, t->id, t);
	return rows_commit(s, rc);
}

int tie_delete(struct store *s, const struct viewer *v, const char *id)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct arena *a = arena_new();
	if (!a)
		return ERR_NOMEM;
	struct store_conn *c = store_write_begin(s);
	struct tie t;
	int rc = c ? get_on(c, a, v, id, &t) : ERR_DB;
	struct perm_target pt;
	if (!rc && !(rc = relation(c, v, t.from, t.to, &pt)))
		rc = perm_check_rules(v, tie_rules, ACT_DELETE, &pt);
	if (!rc)
		rc = rows_change(c, "DELETE FROM ties WHERE id = ?1", 1, t.id);
	if (!rc)
		rc = activity_add(c, v, "delete", "tie", t.id, "");
	arena_free(a);
	return c ? rows_commit(s, rc) : rc;
}

/* Sorts past every real value, for the first page of a descending list. */
static const char past_all[] = "\xf4\x8f\xbf\xbf\xf4\x8f\xbf\xbf";

/* ?1 the viewer, ?2 'admin', ?3 the party, ?4 the kind, ?5 ?6 the
 * cursor's time and id, ?7 the limit. */
#define TIE_LIST_SQL(party) \
	"SELECT " TIE_COLS " FROM " TIE_FROM " WHERE " party "(?4 IS NULL OR t.kind = ?4)" \
	" AND (t.created_at, t.id) < (?5, ?6) AND " SEES("f", "?1", "?2") " AND " SEES("o", "?1", "?2") \
	" ORDER BY t.created_at DESC, t.id DESC LIMIT ?7"
static const char tie_list_sql[] = TIE_LIST_SQL("?3 IS NULL AND "); /* only without a party */
static const char tie_list_party_sql[] = TIE_LIST_SQL(
	"t.id IN (SELECT e.id FROM ties e WHERE e.from_party_id = ?3"
	" UNION ALL SELECT e.id FROM ties e WHERE e.to_party_id = ?3) AND ");

int tie_list(struct store *s, struct arena *a, const struct viewer *v, const struct tie_filter *f,
	     struct problems *p, struct tie **items, size_t *n, const char **next)
{
	*items = NULL;
	*n = 0;
	*next = NULL;
	const char *after_value = past_all, *after_id = past_all;
	int limit = valid_page(p, f->limit, NULL, NULL);
	if (f->party && !uuid_valid(f->party, strlen(f->party)))
		problems_add(p, "party", R_BAD_FORMAT, 0);
	if (f->kind && enum_find(tie_kinds, TIE_KIND_COUNT, f->kind) < 0)
		problems_add(p, "kind", R_NOT_ONE_OF, 0);
	if (f->cursor && !cursor_decode(a, f->cursor, 1200, &after_value, &after_id))
		problems_add(p, "cursor", R_BAD_FORMAT, 0);
	if (p->n)
		return ERR_INVALID;
	/* a party given: its ties each way, found by the index of each end
	 * (an OR of the two would walk every tie in the order of time) */
	struct store_stmt *st = rows_prepare(store_reader(s), f->party ? tie_list_party_sql : tie_list_sql, 6,
		viewer_id(v), admin_flag(v), f->party, f->kind, after_value, after_id);
	if (!st)
		return ERR_DB;
	struct tie *list = arena_alloc(a, sizeof *list * (size_t)(limit + 1));
	int rc = rows_page(st, 7, a, read_row, list, sizeof *list, limit, n);
	if (rc < 0)
		return rc;
	*items = list;
	if (rc)
		*next = cursor_encode(a, list[*n - 1].created_at, list[*n - 1].id);
	return 0;
}

/* ---- a party's network ---- */

static void read_tie_link(struct store_stmt *st, struct arena *a, void *row)
{
	struct network_link *l = row;
	memset(l, 0, sizeof *l);
	l->tie_id = arena_strdup(a, store_text(st, 0));
	l->kind = arena_strdup(a, store_text(st, 1));
	l->since = arena_strdup(a, store_text(st, 2));
	l->outgoing = store_int(st, 3) != 0;
	l->party = arena_strdup(a, store_text(st, 4));
	l->party_name = arena_strdup(a, store_text(st, 5));
	l->party_kind = arena_strdup(a, store_text(st, 6));
}

static void read_derived(struct store_stmt *st, struct arena *a, void *row)
{
	struct network_link *l = row;
	memset(l, 0, sizeof *l);
	l->derived = true;
	l->via = arena_strdup(a, store_text(st, 0));
	l->via_id = arena_strdup(a, store_text(st, 1));
	l->via_name = arena_strdup(a, store_text(st, 2));
	l->party = arena_strdup(a, store_text(st, 3));
	l->party_name = arena_strdup(a, store_text(st, 4));
	l->party_kind = arena_strdup(a, store_text(st, 5));
}

static void read_place(struct store_stmt *st, struct arena *a, void *row)
{
	struct network_place *pl = row;
	memset(pl, 0, sizeof *pl);
	pl->id = arena_strdup(a, store_text(st, 0));
	pl->name = arena_strdup(a, store_text(st, 1));
	pl->role = rows_opt(st, a, 2);
	pl->stage = rows_opt(st, a, 3);
	pl->admin = store_int(st, 4) != 0;
}

/* ?1 the party, ?2 the viewer, ?3 'admin' for a platform admin, ?4 the
 * most rows. The other party of each tie, each way. */
static const char network_ties_sql[] =
	"SELECT t.id, t.kind, t.since, 1, o.id, o.name, o.kind, o.sort_name"
	" FROM ties t JOIN parties o ON o.id = t.to_party_id WHERE t.from_party_id = ?1 AND " SEES("o", "?2", "?3")
	" UNION ALL"
	" SELECT t.id, t.kind, t.since, 0, o.id, o.name, o.kind, o.sort_name"
	" FROM ties t JOIN parties o ON o.id = t.from_party_id WHERE t.to_party_id = ?1 AND " SEES("o", "?2", "?3")
	" ORDER BY 8, 5, 2 LIMIT ?4";
/* The parties it shares an initiative with (the lead and the partners of
 * each initiative it leads or is a partner of) and a coalition with. */
#define TAKES_PART \
	"(i.lead_party_id = ?1 OR i.id IN (SELECT ip.initiative_id FROM initiative_partners ip WHERE ip.party_id = ?1))"
static const char network_derived_sql[] =
	"SELECT 'initiative', i.id, i.title, o.id, o.name, o.kind, o.sort_name"
	" FROM initiatives i JOIN parties o ON o.id = i.lead_party_id"
	" WHERE " TAKES_PART " AND o.id <> ?1 AND " SEES("o", "?2", "?3")
	" UNION"
	" SELECT 'initiative', i.id, i.title, o.id, o.name, o.kind, o.sort_name"
	" FROM initiatives i JOIN initiative_partners x ON x.initiative_id = i.id JOIN parties o ON o.id = x.party_id"
	" WHERE " TAKES_PART " AND o.id <> ?1 AND " SEES("o", "?2", "?3")
	" UNION"
	" SELECT 'coalition', c.id, c.name, o.id, o.name, o.kind, o.sort_name"
	" FROM coalition_partners me JOIN coalitions c ON c.id = me.coalition_id"
	" JOIN coalition_partners x ON x.coalition_id = me.coalition_id JOIN parties o ON o.id = x.party_id"
	" WHERE me.party_id = ?1 AND o.id <> ?1 AND " SEES("o", "?2", "?3")
	" ORDER BY 7, 4, 1, 3 LIMIT ?4";
static const char network_initiatives_sql[] =
	"SELECT i.id, i.title, CASE WHEN i.lead_party_id = ?1 THEN 'lead' ELSE"
	" (SELECT ip.role_key FROM initiative_partners ip WHERE ip.initiative_id = i.id AND ip.party_id = ?1) END,"
	" i.stage, 0 FROM initiatives i WHERE " TAKES_PART " ORDER BY i.title, i.id LIMIT ?2";
static const char network_coalitions_sql[] =
	"SELECT c.id, c.name, cp.role_key, NULL, cp.admin FROM coalition_partners cp"
	" JOIN coalitions c ON c.id = cp.coalition_id WHERE cp.party_id = ?1 ORDER BY c.sort_name, c.id LIMIT ?2";

/* Runs a network statement whose limit is ?limit_col into a list. */
static int network_part(struct store_stmt *st, int limit_col, struct arena *a, rows_reader *read, size_t size,
			void **items, size_t *n)
{
	*items = NULL;
	*n = 0;
	if (!st)
		return ERR_DB;
	store_bind_int(st, limit_col, NETWORK_MAX);
	*items = arena_alloc(a, size * NETWORK_MAX);
	return rows_read(st, a, read, *items, size, NETWORK_MAX, n);
}

int tie_network(struct store *s, struct arena *a, const struct viewer *v, const char *party_id,
		struct network *out)
{
	memset(out, 0, sizeof *out);
	struct store_conn *c = store_reader(s);
	void *items;
	int rc = network_part(rows_prepare(c, network_ties_sql, 3, party_id, viewer_id(v), admin_flag(v)), 4, a,
			      read_tie_link, sizeof *out->ties, &items, &out->nties);
	out->ties = items;
	if (!rc) {
		rc = network_part(rows_prepare(c, network_derived_sql, 3, party_id, viewer_id(v), admin_flag(v)), 4, a,
				  read_derived, sizeof *out->derived, &items, &out->nderived);
		out->derived = items;
	}
	if (!rc) {
		rc = network_part(rows_prepare(c, network_initiatives_sql, 1, party_id), 2, a, read_place,
				  sizeof *out->initiatives, &items, &out->ninitiatives);
		out->initiatives = items;
	}
	if (!rc) {
		rc = network_part(rows_prepare(c, network_coalitions_sql, 1, party_id), 2, a, read_place,
				  sizeof *out->coalitions, &items, &out->ncoalitions);
		out->coalitions = items;
	}
	return rc;
}

/* ---- the fields and the registry ---- */

#define AT(member) FIELD_AT(struct tie, member)
const struct field_desc tie_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, AT(id), .label = { "Nummer", "Number" },
	  .doc = "The identifier (id), a UUID version 7.", .example = "\"01a21b9b-ef12-7389-b34f-05f66f35eaac\"" },
	{ .name = "from", .kind = FK_REF, .flags = F_REQUIRED | F_CREATE_ONLY, AT(from), .ref = "party",
	  .label = { "Van partij", "From party" }, .hint = { "De partij van wie de relatie uitgaat.", "The party the tie goes from." },
	  .doc = "The id of the party the tie goes from (van partij): it funds, advises, refers to ... the other.",
	  .example = "\"01a21b9b-eab2-7153-a00d-9c466e28560b\"" },
	{ .name = "fromName", .kind = FK_TEXT, .flags = F_READ_ONLY, AT(from_name), .max = PARTY_NAME_MAX,
	  .label = { "Naam van de partij", "Name of the party" }, .doc = "The name of the from party.",
	  .example = "\"Gemeente Utrecht\"" },
	{ .name = "to", .kind = FK_REF, .flags = F_REQUIRED | F_CREATE_ONLY, AT(to), .ref = "party",
	  .label = { "Naar partij", "To party" }, .hint = { "De andere partij.", "The other party." },
	  .doc = "The id of the party the tie goes to (naar partij); another party than from.",
	  .example = "\"01a21b9b-eab2-7153-a00d-9c466e28560c\"" },
	{ .name = "toName", .kind = FK_TEXT, .flags = F_READ_ONLY, AT(to_name), .max = PARTY_NAME_MAX,
	  .label = { "Naam van de andere partij", "Name of the other party" }, .doc = "The name of the to party.",
	  .example = "\"Buurtteam Overvecht\"" },
	{ .name = "kind", .kind = FK_ENUM, .flags = F_REQUIRED | F_CREATE_ONLY, AT(kind), .keys = tie_kinds,
	  .nkeys = TIE_KIND_COUNT, .schema = "TieKind", .label = { "Soort relatie", "Kind of tie" },
	  .doc = "What the from party does for or with the to party (soort relatie): partners_with (werkt samen met),"
		 " funds (financiert), advises (adviseert), refers_to (verwijst door naar), shares_knowledge (deelt"
		 " kennis met).", .example = "\"funds\"" },
	{ .name = "since", .kind = FK_DATE, .flags = F_NULLABLE | F_CREATE_ONLY, AT(since), .max = 10,
	  .label = { "Sinds", "Since" }, .hint = { "Zoals 2026-03-01. Leeg: vandaag.", "Like 2026-03-01. Empty: today." },
	  .doc = "Since when (sinds), YYYY-MM-DD; today when not given.", .example = "\"2025-09-01\"" },
	{ .name = "note", .kind = FK_TEXT, .flags = F_CREATE_ONLY, AT(note), .max = TIE_NOTE_MAX,
	  .label = { "Toelichting", "Note" }, .hint = { "Mag leeg. Zoals: subsidie voor de buurtkamer.",
							 "May be empty. Like: a grant for the neighbourhood room." },
	  .doc = "A short note (toelichting); empty when not given.", .example = "\"Subsidie voor de buurtkamer\"" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, AT(created_at),
	  .label = { "Vastgelegd op", "Recorded" }, .doc = "When it was recorded (vastgelegd op).",
	  .example = "\"2026-11-27T06:05:33Z\"" },
};
const size_t tie_nfields = sizeof tie_fields / sizeof tie_fields[0];
#undef AT

static const struct export_part tie_exports[] = {
	{ "tiesCreated",
	  "SELECT id, from_party_id, to_party_id, kind, created_at FROM ties WHERE created_by = ?1 ORDER BY created_at, id",
	  (const char *const[]){ "id", "from", "to", "kind", "createdAt" }, 5, NULL, false },
};
const struct entity_type tie_type = {
	.key = "tie", .table = "ties", .perm = OBJ_PARTY, .noun = { "Relatie", "Tie" },
	.api = "/api/v1/ties/",
	.name_sql = "SELECT f.name || ' > ' || o.name FROM ties t JOIN parties f ON f.id = t.from_party_id"
		    " JOIN parties o ON o.id = t.to_party_id WHERE t.id = ?1",
	.scope_sql = "SELECT t.id FROM ties t JOIN party_areas pa ON pa.party_id = t.from_party_id"
		     " OR pa.party_id = t.to_party_id WHERE pa.area_code IN (" AREAS_COORDINATED_BY("?1") ")",
	.exports = tie_exports, .nexports = 1,
	.privacy_note = "A tie is between two parties, not its recorder's: it stays when its recorder is erased,"
			" recorded by an erased account.",
	.registers = { "coalitions_ties" },
	.fields = tie_fields, .nfields = sizeof tie_fields / sizeof tie_fields[0], .schema = "Tie",
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const ties_types[] = { &tie_type, NULL };
