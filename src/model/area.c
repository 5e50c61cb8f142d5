#include "area.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "registry.h"
#include "rows.h"

int area_depth(const struct area *ar)
{
	int d = 0;
	for (const char *c = ar->path; c && *c; c++)
		d += *c == '/';
	return d;
}

const struct enum_entry area_levels[AREA_LEVEL_COUNT] = {
	[AREA_COUNTRY] = { "country", { "land", "country" } },
	[AREA_PROVINCE] = { "province", { "provincie", "province" } },
	[AREA_MUNICIPALITY] = { "municipality", { "gemeente", "municipality" } },
	[AREA_DISTRICT] = { "district", { "wijk", "district" } },
	[AREA_NEIGHBOURHOOD] = { "neighbourhood", { "buurt", "neighbourhood" } },
};
_Static_assert(sizeof area_levels / sizeof area_levels[0] == AREA_LEVEL_COUNT, "levels");

#define AREA_COLS "code, name, level, parent_code, path, created_at"

static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct area *out = row;
	out->code = arena_strdup(a, store_text(st, 0));
	out->name = arena_strdup(a, store_text(st, 1));
	out->level = arena_strdup(a, store_text(st, 2));
	out->parent = rows_opt(st, a, 3);
	out->path = arena_strdup(a, store_text(st, 4));
	out->created_at = arena_strdup(a, store_text(st, 5));
}

/* An area of a list, with how many public parties work in it. */
static void read_counted(struct store_stmt *st, struct arena *a, void *row)
{
	read_row(st, a, row);
	((struct area *)row)->party_count = store_int(st, 6);
}

int area_get_on(struct store_conn *c, struct arena *a, const char *code, struct area *out)
{
	struct store_stmt *st = rows_prepare(c, "SELECT " AREA_COLS " FROM areas WHERE code = ?1", 1, code);
	return rows_one(st, a, read_row, out);
}

int area_get(struct store *s, struct arena *a, const char *code, struct area *out)
{
	return area_get_on(store_reader(s), a, code, out);
}

bool area_range(struct store *s, struct arena *a, const char *code, const char **lo, const char **hi,
		const char **name)
{
	struct area ar;
	if (!code || !text_utf8_valid(code, strlen(code)) || area_get(s, a, code, &ar))
		return false;
	char *h = arena_strdup(a, ar.path);
	h[strlen(h) - 1] = '/' + 1; /* the first string past every path that starts with lo */
	*lo = ar.path;
	*hi = h;
	if (name)
		*name = ar.name;
	return true;
}

int area_list(struct store *s, struct arena *a, const struct area_filter *f,
	      struct area **items, size_t *n, const char **next)
{
	/* ?1 parent, ?2 level, ?3 name pattern, ?4 code, ?5 after this path,
	 * ?6 limit, ?7 depth */
#define AREA_LIST_WHERE \
		" FROM areas" \
		" WHERE (?1 IS NULL OR parent_code = ?1)" \
		"   AND (?2 IS NULL OR level = ?2)" \
		"   AND (?3 IS NULL OR name LIKE ?3 ESCAPE '\\' OR code = ?4)" \
		"   AND path > ?5" \
		"   AND (?7 = 0 OR length(path) - length(replace(path, '/', '')) <= ?7)" \
		" ORDER BY path LIMIT ?6"
	struct store_stmt *st = rows_prepare(store_reader(s), f->with_counts
		? "SELECT " AREA_COLS ", (SELECT count(*) FROM party_areas pa JOIN parties p ON p.id = pa.party_id"
		  " WHERE pa.area_code = areas.code AND p.visibility = 'public')"
		  AREA_LIST_WHERE
		: "SELECT " AREA_COLS ", 0" AREA_LIST_WHERE, 5,
		f->parent, f->level, store_like_contains(a, f->q), f->q, f->cursor ? f->cursor : "");
	if (!st)
		return ERR_DB;
	int limit = f->limit > 0 && f->limit <= 1000 ? f->limit : 20;
	store_bind_int(st, 7, f->max_depth);
	struct area *v = arena_alloc(a, sizeof *v * (size_t)(limit + 1));
	int rc = rows_page(st, 6, a, read_counted, v, sizeof *v, limit, n);
	if (rc < 0)
		return rc;
	*items = v;
	*next = rc ? v[*n - 1].path : NULL;
	return 0;
}

static bool valid_code(const char *s)
{
	size_t n = strlen(s);
	if (!n || n > AREA_CODE_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
			return false;
	}
	return true;
}

int area_create(struct store *s, const struct viewer *v, struct arena *a,
		struct area *in, struct problems *p)
{
	int rc = perm_check(v, OBJ_AREA, ACT_CREATE, NULL);
	if (rc)
		return rc;
	fields_validate(area_fields, area_nfields, in, store_reader(s), a, p);
	if (in->code && !problems_find(p, "code") && !valid_code(in->code))
		problems_add(p, "code", R_BAD_FORMAT, 0);
	int level = enum_find(area_levels, AREA_LEVEL_COUNT, in->level);

	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct area parent = { 0 };
	const char *path = NULL;
	if (in->parent) {
		rc = area_get_on(c, a, in->parent, &parent);
		if (rc == ERR_NOTFOUND) {
			problems_add(p, "parent", R_UNKNOWN_AREA, 0);
		} else if (rc) {
			goto out;
		} else {
			int plevel = enum_find(area_levels, AREA_LEVEL_COUNT, parent.level);
			if (level >= 0 && plevel >= level)
				problems_add(p, "level", R_NOT_ONE_OF, 0);
			path = arena_printf(a, "%s%s/", parent.path, in->code ? in->code : "");
		}
	} else {
		path = arena_printf(a, "%s/", in->code ? in->code : "");
	}
	if (p->n) {
		rc = ERR_INVALID;
		goto out;
	}
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	struct store_stmt *st = rows_prepare(c,
		"INSERT INTO areas (code, name, level, parent_code, path, created_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)", 6, in->code, in->name, in->level, in->parent, path, now);
	if (!st) {
		rc = ERR_DB;
		goto out;
	}
	rc = store_run(st);
	if (rc == ERR_CONFLICT) {
		problems_add(p, "code", R_DUPLICATE, 0);
		rc = ERR_INVALID;
	}
	if (!rc)
		rc = activity_add(c, v, "create", "area", in->code, "");
	if (!rc) { /* as a read gives it */
		in->path = path;
		in->created_at = now;
	}
out:
	if (store_write_end(s, rc == 0) && rc == 0)
		rc = ERR_DB;
	return rc;
}

const struct field_desc area_fields[] = {
	{ .name = "code", .kind = FK_TEXT, .flags = F_REQUIRED | F_CREATE_ONLY, FIELD_AT(struct area, code), .min = 1,
	  .pattern = "^[0-9A-Za-z]{1,16}$",
	  .max = AREA_CODE_MAX, .label = { "Code", "Code" },
	  .doc = "The code (gebiedscode): 1 to 16 letters and digits, the CBS code where one exists (GM0344, WK034401,"
		 " BU03440101).",
	  .example = "\"GM0344\"" },
	{ .name = "name", .kind = FK_TEXT, .flags = F_REQUIRED, FIELD_AT(struct area, name), .min = 1,
	  .max = AREA_NAME_MAX, .label = { "Naam", "Name" }, .doc = "The name (naam).", .example = "\"Utrecht\"" },
	{ .name = "level", .kind = FK_ENUM, .flags = F_REQUIRED | F_CREATE_ONLY, FIELD_AT(struct area, level),
	  .keys = area_levels, .nkeys = AREA_LEVEL_COUNT, .schema = "AreaLevel", .label = { "Niveau", "Level" } },
	{ .name = "parent", .kind = FK_AREA, .flags = F_NULLABLE | F_CREATE_ONLY | F_MODEL_CHECKS,
	  FIELD_AT(struct area, parent), .max = AREA_CODE_MAX, .label = { "Ligt in", "Lies in" },
	  .doc = "The code of the parent area (bovenliggend gebied), or null for a root; its level is above the"
		 " area's.",
	  .example = "\"PV26\"" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct area, created_at),
	  .label = { "Aangemaakt op", "Created" }, .doc = "When the area was created (aangemaakt op), in UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
};
const size_t area_nfields = sizeof area_fields / sizeof area_fields[0];

const struct entity_type area_type = {
	.key = "area", .table = "areas", .perm = OBJ_AREA, .noun = { "Gebied", "Area" },
	.api = "/api/v1/areas/",
	.name_sql = "SELECT name FROM areas WHERE code = ?1",
	.privacy_note = "Areas are places (a municipality, its districts), about no one.",
	.fields = area_fields, .nfields = sizeof area_fields / sizeof area_fields[0], .schema = "Area",
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const areas_types[] = { &area_type, NULL };
