/* lesson: an initiative's lessons log (lessen), results.h. Each lesson is
 * written on behalf of a party (the lead or a partner), dated, and says
 * which of the dossier's working elements it is about. */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "activity.h"
#include "initiative.h"
#include "notify.h"
#include "results_rules.h"
#include "rows.h"

#define LESSON_COLS \
	"l.id, l.initiative_id, l.body, l.working_elements, l.learned_on, l.party_id, p.name, l.author_id," \
	" l.created_at, l.updated_at, l.seq FROM lessons l LEFT JOIN parties p ON p.id = l.party_id"

static void read_row(struct store_stmt *st, struct arena *a, void *row)
{
	struct lesson *l = row;
	memset(l, 0, sizeof *l);
	snprintf(l->id, sizeof l->id, "%s", store_text(st, 0));
	l->initiative_id = arena_strdup(a, store_text(st, 1));
	l->body = arena_strdup(a, store_text(st, 2));
	/* the keys, each followed by a space */
	const char *we = store_text(st, 3);
	const char **v = arena_alloc(a, sizeof *v * (WE_COUNT + 1));
	size_t n = 0;
	for (const char *p = we; *p && n < WE_COUNT;) {
		size_t len = strcspn(p, " ");
		if (len)
			v[n++] = arena_strndup(a, p, len);
		p += len;
		p += strspn(p, " ");
	}
	l->working_elements = (struct strlist){ v, n };
	l->learned_on = arena_strdup(a, store_text(st, 4));
	l->party_id = rows_opt(st, a, 5);
	l->party_name = rows_opt(st, a, 6);
	l->author_id = rows_opt(st, a, 7);
	l->created_at = arena_strdup(a, store_text(st, 8));
	l->updated_at = arena_strdup(a, store_text(st, 9));
}

/* The keys of l in the dossier's order, whatever the order given. */
static void in_order(struct arena *a, struct strlist *l)
{
	const char **v = arena_alloc(a, sizeof *v * (WE_COUNT + 1));
	size_t n = 0;
	for (int k = 0; k < WE_COUNT; k++)
		if (strlist_has(l, working_elements[k].key))
			v[n++] = working_elements[k].key;
	*l = (struct strlist){ v, n };
}

static const char *elements_text(struct arena *a, const struct strlist *l)
{
	size_t len = 1;
	for (size_t i = 0; i < l->n; i++)
		len += strlen(l->v[i]) + 1;
	char *s = arena_alloc(a, len), *o = s;
	/* in the dossier's order, whatever the order given */
	for (int k = 0; k < WE_COUNT; k++)
		if (strlist_has(l, working_elements[k].key)) {
			size_t n = strlen(working_elements[k].key);
			memcpy(o, working_elements[k].key, n);
			o[n] = ' ';
			o += n + 1;
		}
	*o = 0;
	return s;
}

int lesson_list(struct store *s, struct arena *a, const char *initiative_id, const struct lesson_filter *f,
		struct problems *p, struct lesson **items, size_t *n, const char **next)
{
	valid_page(p, f->limit, NULL, NULL);
	if (f->working_element && enum_find(working_elements, WE_COUNT, f->working_element) < 0)
		problems_add(p, "workingElement", R_NOT_ONE_OF, 0);
	if (f->cursor && !uuid_valid(f->cursor, strlen(f->cursor)))
		problems_add(p, "cursor", R_BAD_FORMAT, 0);
	int rc = results_initiative_exists(s, initiative_id);
	if (rc)
		return rc;
	return p->n ? ERR_INVALID : lesson_list_known(s, a, initiative_id, f, p, items, n, next);
}

int lesson_list_known(struct store *s, struct arena *a, const char *initiative_id, const struct lesson_filter *f,
		      struct problems *p, struct lesson **items, size_t *n, const char **next)
{
	(void)p; /* the filter was checked by lesson_list, or made by the caller */
	int rc;
	int limit = f->limit > 0 ? f->limit : 20;
	/* newest first: learned on, then made (seq); the cursor is the last
	 * shown lesson's id, of this initiative */
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " LESSON_COLS " WHERE l.initiative_id = ?1"
		" AND (?2 IS NULL OR ' ' || l.working_elements LIKE '% ' || ?2 || ' %')"
		" AND (?3 IS NULL OR EXISTS (SELECT 1 FROM lessons c WHERE c.id = ?3 AND c.initiative_id = ?1"
		"   AND (l.learned_on < c.learned_on OR (l.learned_on = c.learned_on AND l.seq < c.seq))))"
		" ORDER BY l.learned_on DESC, l.seq DESC LIMIT ?4", 3,
		initiative_id, f->working_element, f->cursor);
	if (!st)
		return ERR_DB;
	struct lesson *list = arena_alloc(a, sizeof *list * (size_t)(limit + 1));
	rc = rows_page(st, 4, a, read_row, list, sizeof *list, limit, n);
	if (rc < 0)
		return rc;
	*items = list;
	*next = rc == 1 ? list[*n - 1].id : NULL;
	return 0;
}

int lesson_get(struct store *s, struct arena *a, const char *initiative_id, const char *id, struct lesson *out)
{
	if (!id || !uuid_valid(id, strlen(id)) || !initiative_id)
		return ERR_NOTFOUND;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT " LESSON_COLS " WHERE l.id = ?1 AND l.initiative_id = ?2", 2, id, initiative_id);
	return rows_one(st, a, read_row, out);
}

bool lesson_may_edit(const struct viewer *v, const struct results_may *may, const struct lesson *l)
{
	return may->manage || (v && v->authenticated && l->author_id && strcmp(l->author_id, v->user_id) == 0);
}

/* The party a lesson is written for: the one given, if it is the lead or a
 * partner and the viewer is its member (or a platform admin or the area's
 * coordinator); else the viewer's own place in the initiative. Sets the
 * party's name too. */
static int choose_party(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
			const struct initiative_rel *rel, struct lesson *in, struct problems *p)
{
	bool curator = v->role == PROLE_ADMIN || rel->coordinated;
	struct store_stmt *st = rows_prepare(store_reader(s),
		"SELECT p.id, p.name FROM parties p WHERE"
		" (p.id = (SELECT lead_party_id FROM initiatives WHERE id = ?1)"
		"  OR p.id IN (SELECT party_id FROM initiative_partners WHERE initiative_id = ?1))"
		" AND (?2 IS NULL OR p.id = ?2)"
		" AND (?4 = 1 AND ?2 IS NOT NULL OR EXISTS (SELECT 1 FROM memberships m WHERE m.party_id = p.id AND m.user_id = ?3))"
		" ORDER BY CASE WHEN p.id = (SELECT lead_party_id FROM initiatives WHERE id = ?1) THEN 0 ELSE 1 END, p.sort_name"
		" LIMIT 1", 3, initiative_id, in->party_id, v->user_id);
	if (!st)
		return ERR_DB;
	store_bind_int(st, 4, curator);
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		in->party_id = arena_strdup(a, store_text(st, 0));
		in->party_name = arena_strdup(a, store_text(st, 1));
		rc = 0;
	} else if (rc == STORE_DONE) {
		if (in->party_id)
			problems_add(p, "party", R_NOT_ONE_OF, 0);
		in->party_name = NULL;
		rc = 0;
	} else {
		rc = ERR_DB;
	}
	store_reset(st);
	return rc;
}

static void check_date(struct lesson *in, struct problems *p)
{
	char today[11];
	results_today(today);
	if (in->learned_on && !problems_find(p, "learnedOn") && strcmp(in->learned_on, today) > 0)
		problems_add(p, "learnedOn", R_OUT_OF_RANGE, 0); /* not after today */
}

int lesson_create(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		  struct lesson *in, struct problems *p)
{
	struct initiative_rel rel;
	int rc = results_check(s, v, initiative_id, ACT_CREATE, false, NULL, &rel);
	if (rc)
		return rc;
	if (!in->learned_on || !*in->learned_on) {
		char *today = arena_alloc(a, 11);
		results_today(today);
		in->learned_on = today;
	}
	fields_validate(lesson_fields, lesson_nfields, in, store_reader(s), a, p);
	check_date(in, p);
	if (!problems_find(p, "party") && (rc = choose_party(s, a, v, initiative_id, &rel, in, p)))
		return rc;
	if (p->n)
		return ERR_INVALID;
	in_order(a, &in->working_elements);
	uuid7_new(in->id);
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	in->initiative_id = initiative_id;
	in->created_at = in->updated_at = now;
	in->author_id = v->user_id[0] ? v->user_id : NULL;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = results_count(c, "SELECT count(*) FROM lessons WHERE initiative_id = ?1", initiative_id, LESSONS_MAX);
	if (!rc)
		rc = rows_run(c,
			"INSERT INTO lessons (id, initiative_id, body, working_elements, learned_on, party_id, author_id,"
			" created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", 8,
			in->id, initiative_id, in->body, elements_text(a, &in->working_elements), in->learned_on,
			in->party_id, in->author_id, now);
	if (!rc)
		rc = activity_add(c, v, "create", "lesson", in->id, "");
	if (!rc)
		rc = notify_initiative_followers(c, v, initiative_id, "lesson", in->id);
	return rows_commit(s, rc);
}

int lesson_update(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		  const struct lesson *before, struct lesson *in, struct problems *p)
{
	struct initiative_rel rel;
	const struct lesson old = *before;
	int rc = results_check(s, v, initiative_id, ACT_UPDATE, true, old.author_id, &rel);
	if (rc)
		return rc;
	snprintf(in->id, sizeof in->id, "%s", old.id);
	if (!in->learned_on || !*in->learned_on)
		in->learned_on = old.learned_on;
	fields_validate(lesson_fields, lesson_nfields, in, store_reader(s), a, p);
	check_date(in, p);
	/* a party named again is checked again; one kept stays, even if the
	 * party has since left the initiative */
	if (!problems_find(p, "party") && in->party_id && (!old.party_id || strcmp(in->party_id, old.party_id)) &&
	    (rc = choose_party(s, a, v, initiative_id, &rel, in, p)))
		return rc;
	if (p->n)
		return ERR_INVALID;
	in_order(a, &in->working_elements);
	char *now = arena_alloc(a, TIME_STRLEN + 1);
	time_now(now);
	in->initiative_id = initiative_id;
	in->updated_at = now;
	in->author_id = old.author_id;
	in->created_at = old.created_at;
	const char *fields = fields_changed(lesson_fields, lesson_nfields, &old, in, a);
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_change(c,
		"UPDATE lessons SET body = ?3, working_elements = ?4, learned_on = ?5, party_id = ?6, updated_at = ?7"
		" WHERE id = ?1 AND initiative_id = ?2", 7,
		in->id, initiative_id, in->body, elements_text(a, &in->working_elements), in->learned_on, in->party_id, now);
	if (!rc)
		rc = activity_add(c, v, "update", "lesson", in->id, fields);
	return rows_commit(s, rc);
}

int lesson_delete(struct store *s, struct arena *a, const struct viewer *v, const char *initiative_id,
		  const char *id)
{
	if (!v || !v->authenticated)
		return ERR_AUTH;
	struct lesson l;
	struct initiative_rel rel;
	int rc = lesson_get(s, a, initiative_id, id, &l);
	if (rc == ERR_NOTFOUND) /* 403 to who could own none, else 404 */
		return (rc = results_check(s, v, initiative_id, ACT_CREATE, false, NULL, &rel)) ? rc : ERR_NOTFOUND;
	if (rc)
		return rc;
	if ((rc = results_check(s, v, initiative_id, ACT_DELETE, true, l.author_id, &rel)))
		return rc;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	rc = rows_change(c, "DELETE FROM lessons WHERE id = ?1 AND initiative_id = ?2", 2, id, initiative_id);
	if (!rc)
		rc = activity_add(c, v, "delete", "lesson", id, "");
	return rows_commit(s, rc);
}

const struct field_desc lesson_fields[] = {
	{ .name = "id", .kind = FK_REF, .flags = F_READ_ONLY | F_INLINE, FIELD_AT(struct lesson, id),
	  .label = { "Nummer", "Number" }, .doc = "Its identifier (les-id).",
	  .example = "\"01a21b02-1c3d-7e4f-8a9b-0c1d2e3f4a5b\"" },
	{ .name = "initiative", .kind = FK_REF, .flags = F_READ_ONLY, FIELD_AT(struct lesson, initiative_id),
	  .ref = "initiative", .label = { "Initiatief", "Initiative" },
	  .doc = "The initiative (initiatief) it belongs to.", .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fb\"" },
	{ .name = "body", .kind = FK_MARKDOWN, .flags = F_REQUIRED, FIELD_AT(struct lesson, body), .min = 1,
	  .max = LESSON_BODY_MAX, .label = { "Wat hebben jullie geleerd?", "What did you learn?" },
	  .hint = { "Beschrijf wat werkte of niet werkte, en waarom. Hoogstens 4000 tekens.",
		    "Describe what worked or did not work, and why. At most 4000 characters." },
	  .doc = "What was learned (les), Markdown.", .example = "\"Bewoners komen eerder als de buurtcoach hen zelf uitnodigt.\"" },
	{ .name = "workingElements", .kind = FK_ENUM, .flags = F_LIST, FIELD_AT(struct lesson, working_elements),
	  .keys = working_elements, .nkeys = WE_COUNT, .max_items = WE_COUNT, .schema = "WorkingElement",
	  .label = { "Werkzame elementen", "Working elements" },
	  .hint = { "Over welke werkzame elementen van sociale innovatie gaat de les?",
		    "Which working elements of social innovation is the lesson about?" },
	  .doc = "The dossier's working elements it is about (werkzame elementen): build_ecosystem, open_network, "
		 "learning_organisation, intrapreneurship, room_for_ideas, co_creation.",
	  .example = "[\"co_creation\", \"learning_organisation\"]" },
	{ .name = "learnedOn", .kind = FK_DATE, FIELD_AT(struct lesson, learned_on),
	  .label = { "Geleerd op", "Learned on" }, .hint = { "Leeg: vandaag. Niet later dan vandaag.",
							     "Empty: today. Not after today." },
	  .doc = "When it was learned (datum), YYYY-MM-DD, not after today; today when not given.",
	  .example = "\"2026-11-20\"" },
	{ .name = "party", .kind = FK_REF, .flags = F_NULLABLE, FIELD_AT(struct lesson, party_id), .ref = "party",
	  .label = { "Namens partij", "On behalf of" },
	  .doc = "The party (partij) on whose behalf it is written: the lead or a partner the writer is a member of; "
		 "when not given, the writer's own (the lead first).",
	  .example = "\"01a21af4-6926-742c-a1f9-4bb9d04397fb\"" },
	{ .name = "partyName", .kind = FK_TEXT, .flags = F_READ_ONLY | F_NULLABLE, FIELD_AT(struct lesson, party_name),
	  .label = { "Partij", "Party" }, .doc = "The party's name (naam van de partij), or null.",
	  .example = "\"Buurtkracht Oost\"" },
	{ .name = "createdAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct lesson, created_at),
	  .label = { "Vastgelegd op", "Recorded" }, .doc = "When it was recorded (vastgelegd op), UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
	{ .name = "updatedAt", .kind = FK_TIME, .flags = F_READ_ONLY, FIELD_AT(struct lesson, updated_at),
	  .label = { "Gewijzigd op", "Changed" }, .doc = "When it last changed (gewijzigd op), UTC.",
	  .example = "\"2026-11-27T10:00:00Z\"" },
};
const size_t lesson_nfields = sizeof lesson_fields / sizeof lesson_fields[0];

static const struct export_part lesson_exports[] = {
	{ "lessonsWritten",
	  "SELECT l.id, l.initiative_id, i.title, l.body, l.working_elements, l.learned_on, l.created_at, l.updated_at"
	  " FROM lessons l JOIN initiatives i ON i.id = l.initiative_id WHERE l.author_id = ?1 ORDER BY l.seq",
	  (const char *const[]){ "id", "initiativeId", "initiativeTitle", "body", "workingElements", "learnedOn",
				 "createdAt", "updatedAt" }, 8, NULL, false },
};
/* a lesson is written for a party: it stays in the log, without its author */
static const char *const lesson_erase[] = {
	"UPDATE lessons SET author_id = NULL WHERE author_id = ?1",
};
const struct entity_type lesson_type = {
	.key = "lesson", .table = "lessons", .perm = OBJ_COUNT, /* its own rules: results.c */
	.noun = { "Les", "Lesson" },
	.name_sql = "SELECT i.title FROM lessons l JOIN initiatives i ON i.id = l.initiative_id WHERE l.id = ?1",
	.scope_sql = "SELECT l.id FROM lessons l JOIN initiatives i ON i.id = l.initiative_id"
		     " WHERE i.area_code IN (" AREAS_COORDINATED_BY("?1") ")",
	.exports = lesson_exports, .nexports = 1, .erase = lesson_erase, .nerase = 1,
	.privacy_note = "Lessons are written on behalf of a party: they stay in the log, without their author.",
	.registers = { "initiative_results" },
	.fields = lesson_fields, .nfields = sizeof lesson_fields / sizeof lesson_fields[0], .schema = "Lesson",
};
