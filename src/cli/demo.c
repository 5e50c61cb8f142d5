/* The demo ecosystem of `kiem init --demo`: the municipality of Utrecht,
 * its ten districts and some neighbourhoods, and parties of all five kinds
 * with roles from the dossier. The parties are invented; the areas and
 * their CBS codes are real. What the demo holds is data, in demo.json
 * (built into the binary): its areas, parties, issues, signals, factors
 * and roles; the files demo*.c load each part as a person would make it. */
#include <jansson.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../model/area.h"
#include "../model/party.h"
#include "../model/verification.h"
#include "../store/store.h"
#include "cli.h"

extern const char demo_json[];
extern const char demo_json_end[];
__asm__(".section .rodata\n"
	".global demo_json\n"
	"demo_json:\n"
	".incbin \"src/cli/demo.json\"\n"
	".global demo_json_end\n"
	"demo_json_end:\n"
	".byte 0\n"
	".previous\n");

const char *demo_str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

struct strlist demo_list(struct arena *a, const json_t *o, const char *key)
{
	const json_t *list = json_object_get(o, key), *item;
	struct strlist l = { arena_alloc(a, sizeof *l.v * (json_array_size(list) + 1)), 0 };
	size_t i;
	json_array_foreach(list, i, item)
		l.v[l.n++] = json_string_value(item);
	return l;
}

static const char *id_of(struct store *s, struct arena *a, const char *sql, const char *key)
{
	struct store_stmt *st = store_prepare(store_reader(s), sql);
	if (!st)
		return NULL;
	store_bind_str(st, 1, key);
	const char *id = store_step(st) == STORE_ROW ? arena_strdup(a, store_text(st, 0)) : NULL;
	store_reset(st);
	return id;
}

const char *demo_party(struct store *s, struct arena *a, const char *name)
{
	return id_of(s, a, "SELECT id FROM parties WHERE name = ?1", name);
}

const char *demo_issue(struct store *s, struct arena *a, const char *title)
{
	return id_of(s, a, "SELECT id FROM issues WHERE title = ?1 ORDER BY seq LIMIT 1", title);
}

/* What a demo step that failed logs: the first problem's field, else the
 * error. */
const char *demo_why(int rc, const struct problems *p)
{
	return p->n ? p->v[0].field : err_str(rc);
}

int demo_load(struct store *s)
{
	struct viewer admin = { .authenticated = true, .role = PROLE_ADMIN };
	json_error_t why;
	json_t *demo = json_loadb(demo_json, (size_t)(demo_json_end - demo_json), 0, &why);
	if (!demo) {
		log_error("demo.json, line %d: %s", why.line, why.text);
		return ERR_INVALID;
	}
	struct arena *a = arena_new();
	int rc = 0;
	long long counts[KIND_COUNT];
	if ((rc = party_count_by_kind(s, &admin, counts)))
		goto out;
	for (int k = 0; k < KIND_COUNT; k++)
		if (counts[k]) {
			log_error("the database has parties already; the demo loads only into an empty one");
			rc = ERR_CONFLICT;
			goto out;
		}
	size_t i;
	const json_t *d;
	json_array_foreach(json_object_get(demo, "areas"), i, d) {
		struct area ar = {
			.code = demo_str(d, "code"), .name = demo_str(d, "name"), .level = demo_str(d, "level"),
			.parent = demo_str(d, "parent"),
		};
		struct area existing;
		if (area_get(s, a, ar.code, &existing) == 0)
			continue;
		struct problems p = { 0 };
		if ((rc = area_create(s, &admin, a, &ar, &p))) {
			log_error("demo area %s: %s", demo_str(d, "code"), demo_why(rc, &p));
			goto out;
		}
	}
	json_array_foreach(json_object_get(demo, "parties"), i, d) {
		long long capacity = json_integer_value(json_object_get(d, "capacity"));
		struct party pa = {
			.name = demo_str(d, "name"), .kind = demo_str(d, "kind"), .description = demo_str(d, "description"),
			.email = demo_str(d, "email"), .website = demo_str(d, "website"), .visibility = "public",
			.has_capacity = capacity > 0, .capacity_hours = capacity,
			.areas = demo_list(a, d, "areas"), .roles = demo_list(a, d, "roles"), .tags = demo_list(a, d, "tags"),
		};
		struct problems p = { 0 };
		if ((rc = party_create(s, a, &admin, &pa, &p))) {
			log_error("demo party %s: %s", demo_str(d, "name"), demo_why(rc, &p));
			goto out;
		}
		/* issue 8: the government parties, and the social workers who
		 * detect signals, are verified, as a coordinator would */
		bool detects = false, created;
		for (size_t r = 0; r < pa.roles.n; r++)
			detects = detects || !strcmp(pa.roles.v[r], "detect_signals");
		if ((!strcmp(pa.kind, "government") || (!strcmp(pa.kind, "social_work") && detects)) &&
		    (rc = verification_grant(s, a, &admin, pa.id, &created))) {
			log_error("demo party %s, verification: %s", pa.name, err_str(rc));
			goto out;
		}
	}
	rc = demo_issues_load(s, &admin, demo);
	if (!rc)
		rc = demo_signals_load(s, &admin, demo);
	if (!rc)
		rc = demo_voice(s); /* the voice of residents (issue 4, part 3) */
	if (!rc)
		rc = demo_factors_load(s, &admin, demo); /* factors and the role ledger */
	if (!rc)
		rc = demo_initiatives(s); /* initiatives and their stages (issue 11, part A) */
	if (!rc)
		rc = demo_partners_load(s, &admin); /* issue 11: partners, intrapreneurs (after the initiatives) */
	if (!rc)
		rc = demo_network_load(s, &admin); /* issue 11: coalitions and ties */
	if (!rc)
		rc = demo_events(s); /* events (issue 11, part D): after the voice's residents */
	if (!rc)
		rc = demo_results(s); /* their milestones, outcomes and lessons (issue 11, part E) */
out:
	arena_free(a);
	json_decref(demo);
	return rc;
}
