#include "activity.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "registry.h"
#include "rows.h"

int activity_add(struct store_conn *c, const struct viewer *v, const char *action,
		 const char *object_type, const char *object_id, const char *fields)
{
	return activity_add_about(c, v, action, object_type, object_id, fields, NULL, NULL);
}

int activity_add_about(struct store_conn *c, const struct viewer *v, const char *action,
		       const char *object_type, const char *object_id, const char *fields,
		       const char *subject_id, const char *detail)
{
	char id[UUID_STRLEN + 1], now[TIME_STRLEN + 1];
	uuid7_new(id);
	time_now(now);
	return rows_run(c,
		"INSERT INTO activity (id, at, actor_id, action, object_type, object_id, fields, subject_id, detail)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", 9,
		id, now, v && v->authenticated && v->user_id[0] ? v->user_id : NULL, action, object_type, object_id,
		fields ? fields : "", subject_id, detail);
}

/* The list holds only what the viewer may read: for a coordinator, the
 * entries about the objects in their areas, which activity_list keeps by
 * each type's scope_sql (registry.h); so it is asked of as such an entry. */
static const struct perm_target in_scope = { NULL, false, MEMBER_NONE, true };

/* The list's statement: ?1 the coordinator whose scope it keeps (NULL:
 * every entry), ?2..?5 the filters, ?6 the limit. A coordinator's scope is
 * each registered type's scope_sql (registry.h), all in one CASE, so the
 * statement says which entries are theirs instead of a statement per
 * entry; SQLite reads each type's set once per run. It is made once from
 * those literals and holds no values. */
static const char list_head[] =
	"SELECT l.id, l.at, l.actor_id, u.name, l.action, l.object_type, l.object_id, l.fields,"
	"  l.subject_id, su.name, l.detail"
	" FROM activity l LEFT JOIN users u ON u.id = l.actor_id LEFT JOIN users su ON su.id = l.subject_id"
	" WHERE (?2 IS NULL OR l.object_type = ?2) AND (?3 IS NULL OR l.object_id = ?3)"
	"   AND (?4 IS NULL OR l.actor_id = ?4)"
	"   AND (?5 IS NULL OR l.seq < (SELECT seq FROM activity WHERE id = ?5))"
	"   AND (?1 IS NULL OR CASE l.object_type";
static const char list_tail[] = " ELSE FALSE END) ORDER BY l.seq DESC LIMIT ?6";

static char *list_statement;

static void make_list_sql(void)
{
	struct buf b;
	buf_init(&b, 64 * 1024);
	buf_adds(&b, list_head);
	for (size_t i = 0; i < registry_count; i++) {
		if (!registry[i]->scope_sql)
			continue;
		buf_adds(&b, " WHEN '");
		buf_adds(&b, registry[i]->key);
		buf_adds(&b, "' THEN l.object_id IN (");
		buf_adds(&b, registry[i]->scope_sql);
		buf_addc(&b, ')');
	}
	buf_adds(&b, list_tail);
	list_statement = buf_take(&b, NULL);
	if (!list_statement)
		buf_release(&b);
}

static const char *list_sql(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, make_list_sql);
	return list_statement;
}

bool activity_can_read(const struct viewer *v)
{
	return perm_can(v, OBJ_ACTIVITY, ACT_READ, &in_scope);
}

static void read_entry(struct store_stmt *st, struct arena *a, void *row)
{
	struct activity *e = row;
	snprintf(e->id, sizeof e->id, "%s", store_text(st, 0));
	e->at = arena_strdup(a, store_text(st, 1));
	e->actor_id = rows_opt(st, a, 2);
	e->actor_name = rows_opt(st, a, 3);
	e->action = arena_strdup(a, store_text(st, 4));
	e->object_type = arena_strdup(a, store_text(st, 5));
	e->object_id = arena_strdup(a, store_text(st, 6));
	e->fields = arena_strdup(a, store_text(st, 7));
	e->subject_id = rows_opt(st, a, 8);
	e->subject_name = rows_opt(st, a, 9);
	e->detail = rows_opt(st, a, 10);
}

int activity_list(struct store *s, struct arena *a, const struct viewer *v,
		  const struct activity_filter *f, struct problems *p, struct activity **items,
		  size_t *n, const char **next)
{
	int rc = perm_check(v, OBJ_ACTIVITY, ACT_READ, &in_scope);
	if (rc)
		return rc;
	/* the cursor is the id of the last entry shown; the order is the log's */
	int limit = valid_page(p, f->limit, f->cursor, NULL);
	if (f->object_type)
		valid_text(p, "objectType", f->object_type, false, 50, false);
	if (f->object_id)
		valid_text(p, "objectId", f->object_id, false, 100, false);
	if (f->actor && !uuid_valid(f->actor, strlen(f->actor)))
		problems_add(p, "actor", R_BAD_FORMAT, 0);
	if (p->n)
		return ERR_INVALID;
	const char *sql = list_sql();
	struct store_stmt *st = sql ? store_prepare(store_reader(s), sql) : NULL;
	if (!st)
		return ERR_DB;
	/* an admin reads every entry; a coordinator those in their scope */
	store_bind_str(st, 1, v->role == PROLE_ADMIN ? NULL : v->user_id);
	store_bind_str(st, 2, f->object_type);
	store_bind_str(st, 3, f->object_id);
	store_bind_str(st, 4, f->actor);
	store_bind_str(st, 5, f->cursor);
	struct activity *list = arena_alloc(a, sizeof *list * (size_t)(limit + 1));
	rc = rows_page(st, 6, a, read_entry, list, sizeof *list, limit, n);
	if (rc < 0)
		return rc;
	*items = list;
	*next = rc ? list[*n - 1].id : NULL;
	return 0;
}

static const struct export_part activity_exports[] = {
	{ "activity",
	  "SELECT id, at, actor_id, action, object_type, object_id, fields, subject_id, detail FROM activity"
	  " WHERE actor_id = ?1 OR (object_type = 'user' AND object_id = ?1) OR subject_id = ?1 ORDER BY seq",
	  (const char *const[]){ "id", "at", "actorId", "action", "objectType", "objectId", "fields", "subjectId",
				 "detail" }, 9, "sssssslss", false },
};
const struct entity_type activity_type = {
	.key = "activity", .table = "activity", .perm = OBJ_ACTIVITY, .noun = { "Activiteit", "Activity" },
	.exports = activity_exports, .nexports = 1,
	.privacy_note = "The log keeps the number of an erased account, never its name or address: who"
			" changed what stays accountable.",
	.registers = { "activity" },
};

/* The feature's types, in the order the erasure runs them (../features.h). */
const struct entity_type *const activity_types[] = { &activity_type, NULL };
