#include "factor.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "issue.h"
#include "ledger.h"
#include "notify.h"
#include "area.h"
#include "registry.h"
#include "rows.h"

const struct enum_entry factor_kinds[FACTOR_KIND_COUNT] = {
	[FACTOR_SOCIAL] = { "social", { "Sociaal", "Social" } },
	[FACTOR_CULTURAL] = { "cultural", { "Cultuur", "Cultural" } },
	[FACTOR_ECONOMIC] = { "economic", { "Economie", "Economic" } },
	[FACTOR_POLITICAL] = { "political", { "Politiek", "Political" } },
};
_Static_assert(sizeof factor_kinds / sizeof factor_kinds[0] == FACTOR_KIND_COUNT, "factor kinds");

const char *const factor_kind_hint[FACTOR_KIND_COUNT][LANG_COUNT] = {
	[FACTOR_SOCIAL] = { "normen: wat mensen gewoon vinden", "norms: what people find normal" },
	[FACTOR_CULTURAL] = { "waarden: wat mensen belangrijk vinden", "values: what people find important" },
	[FACTOR_ECONOMIC] = { "hulpbronnen: geld, mensen en middelen", "resources: money, people and means" },
	[FACTOR_POLITICAL] = { "wetten en beleid", "laws and policy" },
};

const struct enum_entry factor_effects[EFFECT_COUNT] = {
	[EFFECT_ENABLING] = { "enabling", { "Helpt", "Enabling" } },
	[EFFECT_HINDERING] = { "hindering", { "Remt", "Hindering" } },
};
_Static_assert(sizeof factor_effects / sizeof factor_effects[0] == EFFECT_COUNT, "factor effects");

#define FACTOR_COLS "id, issue_id, kind, effect, description, created_by, created_at, updated_at"

static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct factor *f = row;
	memset(f, 0, sizeof *f);
	snprintf(f->id, sizeof f->id, "%s", store_text(st, 0));
	f->issue_id = arena_strdup(a, store_text(st, 1));
	f->kind = arena_strdup(a, store_text(st, 2));
	f->effect = arena_strdup(a, store_text(st, 3));
	f->description = arena_strdup(a, store_text(st, 4));
	f->created_by = rows_opt(st, a, 5);
	f->created_at = arena_strdup(a, store_text(st, 6));
	f->updated_at = arena_strdup(a, store_text(st, 7));
}

/* The place of a factor in the grouped order. */
static int rank(const struct factor *f)
{
	int k = enum_find(factor_kinds, FACTOR_KIND_COUNT, f->kind);
	int e = enum_find(factor_effects, EFFECT_COUNT, f->effect);
	return (k < 0 ? FACTOR_KIND_COUNT : k) * 4 + (e < 0 ? EFFECT_COUNT : e);
}

/* Whether every word of q is in s, regardless of ASCII case. */
static bool has_words(const char *s, const char *q)
{
	for (q += strspn(q, " "); *q; q += strspn(q, " ")) {
		size_t len = strcspn(q, " ");
		bool found = false;
		for (const char *p = s; *p && !found; p++)
			found = strncasecmp(p, q, len) == 0;
		if (!found)
			return false;
		q += len;
	}
	return true;
}

int factor_list(struct store *s, struct arena *a, const char *issue_id,
		const struct factor_filter *f, struct problems *p, struct factor **items,
		size_t *n, const char **next, struct factor_summary *sum)
{
	valid_page(p, f->limit, NULL, NULL);
	if (f->kind && enum_find(factor_kinds, FACTOR_KIND_COUNT, f->kind) < 0)
		problems_add(p, "kind", R_NOT_ONE_OF, 0);
	if (f->effect && enum_find(factor_effects, EFFECT_COUNT, f->effect) < 0)
		problems_add(p, "effect", R_NOT_ONE_OF, 0);
	if (f->q)
		valid_text(p, "q", f->q, false, 200, false);
	if (f->cursor && !uuid_valid(f->cursor, strlen(f->cursor)))
		problems_add(p, "cursor", R_BAD_FORMAT, 0);
	struct store_conn *c = store_reader(s);
	int rc = issue_exists(c, issue_id);
	if (rc)
		return rc;
	if (p->n)
		return ERR_INVALID;
	return factor_list_known(s, a, issue_id, f, p, items, n, next, sum);
}

int factor_list_known(struct store *s, struct arena *a, const char *issue_id,
		      const struct factor_filter *f, struct problems *p, struct factor **items,
		      size_t *n, const char **next, struct factor_summary *sum)
{
	int limit = f->limit > 0 ? f->limit : 20;
	struct store_conn *c = store_reader(s);
	int rc;

	/* an issue has at most FACTORS_MAX: all of them are read, grouped
	 * here, and paged from the one after the cursor */
	struct store_stmt *st = rows_prepare(c,
		"SELECT " FACTOR_COLS " FROM issue_factors WHERE issue_id = ?1 ORDER BY seq LIMIT 1000", 1,
		issue_id);
	if (!st)
		return ERR_DB;
	size_t cap = FACTORS_MAX + 10, count;
	struct factor *all = arena_alloc(a, sizeof *all * cap);
	if ((rc = rows_read(st, a, read_row, all, sizeof *all, cap, &count)))
		return rc;
	/* a stable insertion sort into the grouped order */
	for (size_t i = 1; i < count; i++) {
		struct factor x = all[i];
		size_t j = i;
		while (j > 0 && rank(&all[j - 1]) > rank(&x)) {
			all[j] = all[j - 1];
			j--;
		}
		all[j] = x;
	}
	memset(sum, 0, sizeof *sum);
	for (size_t i = 0; i < count; i++) {
		int k = enum_find(factor_kinds, FACTOR_KIND_COUNT, all[i].kind);
		int e = enum_find(factor_effects, EFFECT_COUNT, all[i].effect);
		if (k >= 0 && e >= 0)
			sum->count[k][e]++;
		sum->total++;
	}
	size_t start = 0;
	if (f->cursor) {
		while (start < count && strcmp(all[start].id, f->cursor) != 0)
			start++;
		if (start == count) {
			problems_add(p, "cursor", R_BAD_FORMAT, 0);
			return ERR_INVALID;
		}
		start++;
	}
	const char *q = f->q ? text_trim(a, f->q, strlen(f->q)) : NULL;
	struct factor *out = arena_alloc(a, sizeof *out * ((size_t)limit + 1));
	size_t o = 0;
	*next = NULL;
	for (size_t i = start; i < count; i++) {
		const struct factor *x = &all[i];
		if ((f->kind && strcmp(x->kind, f->kind)) || (f->effect && strcmp(x->effect, f->effect)) ||
		    (q && *q && !has_words(x->description, q)))
			continue;
		if (o == (size_t)limit) {
			*next = out[o - 1].id;
			break;
		}
		out[o++] = *x;
	}
	*items = out;
	*n = o;
	return 0;
}

int factor_get(struct store *s, struct arena *a, const char *issue_id, const char *id,
	       struct factor *out)
{
	if (!id || !uuid_valid(id, strlen(id)) || !issue_id)
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " FACTOR_COLS " FROM issue_factors WHERE id = ?1 AND issue_id = ?2", 2, id, issue_id);
	return rows_one(st, a, read_row, out);
}

/* The viewer's relation to the issue's factors, as perm.c's OBJ_FACTOR
 * means it: member = of the owner party or of a party in the ledger. */
static int target_of(struct store_conn *c, struct arena *a, const struct viewer *v,
		     const char *issue_id, struct perm_target *t)
{
	struct issue_relation rel;
	int rc = ledger_issue_relation(c, a, v, issue_id, &rel);
	if (rc)
		return rc;
	*t = (struct perm_target){ NULL, true, rel.taking_part ? MEMBER_MEMBER : MEMBER_NONE, rel.coordinated };
	return 0;
}

bool factor_may(const struct viewer *v, const struct issue *is, enum perm_action act)
{
	struct perm_target t = { NULL, true, is->taking_part ? MEMBER_MEMBER : MEMBER_NONE, is->coordinated };
	return perm_can(v, OBJ_FACTOR, act, &t);
}

/* Checks who may, then what was given: an unknown issue is 404 first, a
 * viewer who may not is 401/403 before any problem of the input. */
static int check(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		 enum perm_action act)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct perm_target t;
	int rc = target_of(store_reader(s), a, v, issue_id, &t);
	return rc ? rc : perm_check(v, OBJ_FACTOR, act, &t);
}

int factor_create(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		  struct factor *in, struct problems *p)
{
	int rc = check(s, a, v, issue_id, ACT_CREATE);
	if (rc)
		return rc;
	fields_validate(factor_fields, factor_nfields, in, store_reader(s), a, p);
	if (p->n)
		return ERR_INVALID;
	uuid7_new(in->id);
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	in->issue_id = issue_id;
	in->created_at = in->updated_at = now;
	in->created_by = v->user_id[0] ? v->user_id : NULL; /* NULL: the system */
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct store_stmt *st = rows_prepare(c, "SELECT count(*) FROM issue_factors WHERE issue_id = ?1", 1,
			issue_id);
	if (!st) {
		rc = ERR_DB;
	} else {
		rc = store_step(st);
		rc = rc == STORE_ROW ? (store_int(st, 0) >= FACTORS_MAX ? ERR_CONFLICT : 0) : ERR_DB;
		store_reset(st);
	}
	if (!rc) {
		rc = rows_run(c,
			"INSERT INTO issue_factors (id, issue_id, kind, effect, description, created_by, created_at, updated_at)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)", 7,
			in->id, issue_id, in->kind, in->effect, in->description, in->created_by, now);
	}
	if (!rc)
		rc = activity_add_about(c, v, "create", "factor", in->id, "", NULL, in->kind);
	if (!rc)
		rc = notify_followers(c, v, issue_id, "factor", in->id);
	return rows_commit(s, rc);
}

int factor_update(struct store *s, struct arena *a, const struct viewer *v, const char *issue_id,
		  const struct factor *before, struct factor *in, struct problems *p)
{
	int rc = check(s, a, v, issue_id, ACT_UPDATE);
	if (rc)
		return rc;
	const struct factor old = *before;
	snprintf(in->id, sizeof in->id, "%s", old.id);
	fields_validate(factor_fields, factor_nfields, in, store_reader(s), a, p);
	if (p->n)
		return ERR_INVALID;
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	in->issue_id = issue_id;
	in->updated_at = now;
	in->created_at = old.created_at;
	in->created_by = old.created_by;
	const char *fields = fields_changed(factor_fields, factor_nfields, &old, in, a);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_change(c,
		"UPDATE issue_factors SET kind = ?3, effect = ?4, description = ?5, updated_at = ?6"
		" WHERE id = ?1 AND issue_id = ?2", 6,
		in->id, issue_id, in->kind, in->effect, in->description, now);
	if (!rc)
		rc = activity_add_about(c, v, "update", "factor", in->id, fields, NULL, in->kind);
	if (!rc)
		rc = notify_followers(c, v, issue_id, "factor", in->id);
	return rows_commit(s, rc);
}

int factor_delete(struct store *s, const struct viewer *v, const char *issue_id, const char *id)
{
	struct arena *a = arena_new();
	int rc = check(s, a, v, issue_id, ACT_DELETE);
	arena_free(a);
	if (rc)
		return rc;
	if (!id || !uuid_valid(id, strlen(id)))
		return ERR_NOTFOUND;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_change(c, "DELETE FROM issue_factors WHERE id = ?1 AND issue_id = ?2", 2, id, issue_id);
	if (!rc)
		rc = activity_add(c, v, "delete", "factor", id, "");
	return rows_commit(s, rc);
}

/* The fields of a factor, for the API, the forms and the log. */
const struct field_desc factor_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct factor, id),
	  .label = { "Nummer", "Number" }, .doc = "Its identifier (omgevingsfactor-id).",
	  .example = "\"01a21b02-1c3d-7e4f-8a9b-0c1d2e3f4a5b\"" },
	{ .name = "issue", .kind = FK_REF, .flags = F_READ_ONLY, FIELD_AT(struct factor, issue_id), .ref = "issue",
	  .label = { "Vraagstuk", "Issue" }, .doc = "The issue (vraagstuk) it belongs to.",
	  .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fb\"" },
	{ .name = "kind", .kind = FK_ENUM, .flags = F_REQUIRED, FIELD_AT(struct factor, kind), .keys = factor_kinds,
	  .nkeys = FACTOR_KIND_COUNT, .key_hints = factor_kind_hint, .schema = "FactorKind",
	  .label = { "Soort factor", "Kind of factor" },
	  .hint = { "Waar gaat de factor over?", "What is the factor about?" } },
	{ .name = "effect", .kind = FK_ENUM, .flags = F_REQUIRED, FIELD_AT(struct factor, effect),
	  .keys = factor_effects, .nkeys = EFFECT_COUNT, .schema = "FactorEffect", .label = { "Werking", "Effect" },
	  .hint = { "Helpt de factor de samenwerking, of remt hij die?",
		    "Does the factor help the collaboration, or hinder it?" } },
	{ .name = "description", .kind = FK_MARKDOWN, .flags = F_REQUIRED, FIELD_AT(struct factor, description),
	  .min = 1, .max = FACTOR_DESCRIPTION_MAX, .label = { "Beschrijving", "Description" },
	  .hint = { "Beschrijf in een paar zinnen wat er speelt. Hoogstens 2000 tekens.",
		    "Describe in a few sentences what is going on. At most 2000 characters." },
	  .doc = "What the factor is (beschrijving).", .example = "\"Er is weinig subsidie voor buurtinitiatieven.\"" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct factor, created_at),
	  .label = { "Vastgelegd op", "Recorded" }, .doc = "When it was recorded (vastgelegd op), UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
	{ .name = "updatedAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct factor, updated_at),
	  .label = { "Gewijzigd op", "Changed" }, .doc = "When it last changed (gewijzigd op), UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
};
const size_t factor_nfields = sizeof factor_fields / sizeof factor_fields[0];

static const struct export_part factor_exports[] = {
	{ "factorsCreated",
	  "SELECT f.id, f.issue_id, i.title, f.kind, f.effect, f.description, f.created_at, f.updated_at"
	  " FROM issue_factors f JOIN issues i ON i.id = f.issue_id WHERE f.created_by = ?1 ORDER BY f.seq",
	  (const char *const[]){ "id", "issueId", "issueTitle", "kind", "effect", "description", "createdAt",
				 "updatedAt" }, 8, NULL, false },
};
const struct entity_type factor_type = {
	.key = "factor", .table = "issue_factors", .perm = OBJ_FACTOR,
	.noun = { "Omgevingsfactor", "Environmental factor" },
	.name_sql = "SELECT i.title FROM issue_factors f JOIN issues i ON i.id = f.issue_id WHERE f.id = ?1",
	.scope_sql = "SELECT f.id FROM issue_factors f JOIN issues i ON i.id = f.issue_id"
		     " WHERE i.area_code IN (" AREAS_COORDINATED_BY("?1") ")",
	.exports = factor_exports, .nexports = 1,
	.privacy_note = "Factors are contributions to an issue: they stay, made by an erased account.",
	.registers = { "issue_factors_roles" },
	.fields = factor_fields, .nfields = sizeof factor_fields / sizeof factor_fields[0], .schema = "Factor",
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const factors_types[] = { &factor_type, NULL };
