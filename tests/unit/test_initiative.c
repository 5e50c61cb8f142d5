/* Unit tests of the initiatives' model (model/initiative.c): the table of
 * stage moves, and the viewer's relation that every part of issue 11 asks
 * (initiative_relation). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/base/arena.h"
#include "../../src/base/err.h"
#include "../../src/model/area.h"
#include "../../src/model/initiative.h"
#include "../../src/model/party.h"
#include "../../src/model/role.h"
#include "../../src/model/rows.h"
#include "../../src/model/user.h"
#include "../../src/store/store.h"
#include "testdb.h"

static char db_path[64];
static struct store *db;
static struct viewer admin_v, mia_v, rita_v, cor_v, pat_v;
static char party_id[UUID_STRLEN + 1], partner_id[UUID_STRLEN + 1];
static const char init_id[] = "01a21b9b-ef12-7389-b34f-05f66f35eaac";

#define BIT(s) (1u << (s))

static void test_moves(void **state)
{
	(void)state;
	const unsigned stop = BIT(STAGE_STOPPED);
	const unsigned expected[STAGE_COUNT] = {
		[STAGE_IDEA] = BIT(STAGE_DEVELOPMENT) | stop,
		[STAGE_DEVELOPMENT] = BIT(STAGE_TEST) | stop,
		[STAGE_TEST] = BIT(STAGE_IMPLEMENTATION) | stop,
		[STAGE_IMPLEMENTATION] = BIT(STAGE_SUSTAINED) | stop,
		[STAGE_SUSTAINED] = stop,
		[STAGE_STOPPED] = 0,
	};
	for (int s = 0; s < STAGE_COUNT; s++) {
		assert_int_equal(initiative_moves((enum initiative_stage)s), expected[s]);
		assert_false(initiative_moves((enum initiative_stage)s) & BIT(s)); /* never to itself */
	}
	assert_int_equal(initiative_moves(STAGE_COUNT), 0);
	assert_string_equal(initiative_stages[STAGE_IMPLEMENTATION].key, "implementation");
	assert_string_equal(participation_levels[PLEVEL_CO_PRODUCING].key, "co_producing");
}

static void test_relation(void **state)
{
	(void)state;
	struct initiative_rel r;
	/* none, not an error */
	assert_int_equal(initiative_relation(store_reader(db), &mia_v, "not an id", &r), 0);
	assert_false(r.found);
	assert_int_equal(initiative_relation(store_reader(db), &mia_v, "01a21b9b-ef12-7389-b34f-05f66f35eaad", &r), 0);
	assert_false(r.found);

	/* the lead's admin */
	assert_int_equal(initiative_relation(store_reader(db), &mia_v, init_id, &r), 0);
	assert_true(r.found);
	assert_int_equal(r.lead, MEMBER_ADMIN);
	assert_false(r.partner);
	assert_false(r.coordinated);
	assert_string_equal(r.lead_party, party_id);
	assert_string_equal(r.area, "WK034401");
	assert_string_equal(r.stage, "test");
	assert_string_equal(r.title, "Buurtkamer");
	assert_true(initiative_rel_manages(&mia_v, &r));
	assert_true(initiative_rel_takes_part(&mia_v, &r));

	/* anonymous and a stranger: found, no relation */
	assert_int_equal(initiative_relation(store_reader(db), NULL, init_id, &r), 0);
	assert_true(r.found);
	assert_int_equal(r.lead, MEMBER_NONE);
	assert_false(initiative_rel_manages(NULL, &r));
	assert_int_equal(initiative_relation(store_reader(db), &rita_v, init_id, &r), 0);
	assert_int_equal(r.lead, MEMBER_NONE);
	assert_false(r.partner || r.coordinated);
	assert_false(initiative_rel_manages(&rita_v, &r));
	assert_false(initiative_rel_takes_part(&rita_v, &r));

	/* a coordinator of an area around it */
	assert_int_equal(initiative_relation(store_reader(db), &cor_v, init_id, &r), 0);
	assert_true(r.coordinated);
	assert_true(initiative_rel_manages(&cor_v, &r));

	/* a member of a partner party takes part, does not manage */
	assert_int_equal(initiative_relation(store_reader(db), &pat_v, init_id, &r), 0);
	assert_true(r.partner);
	assert_int_equal(r.lead, MEMBER_NONE);
	assert_false(initiative_rel_manages(&pat_v, &r));
	assert_true(initiative_rel_takes_part(&pat_v, &r));

	/* a platform admin manages */
	assert_int_equal(initiative_relation(store_reader(db), &admin_v, init_id, &r), 0);
	assert_true(initiative_rel_manages(&admin_v, &r));

	/* the lead party removed: "" */
	struct store_conn *c = store_write_begin(db);
	assert_int_equal(rows_run(c, "UPDATE initiatives SET lead_party_id = NULL WHERE id = ?1", 1, init_id), 0);
	assert_int_equal(initiative_relation(c, &mia_v, init_id, &r), 0);
	assert_string_equal(r.lead_party, "");
	assert_int_equal(r.lead, MEMBER_NONE);
	assert_int_equal(store_write_end(db, false), 0);
}

/* The model's decisions: a skipped stage is a conflict naming the moves
 * allowed, stopping needs lessons, and a decision moves the stage once. */
static void test_decide(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *groups[] = { "Ouderen" };
	struct initiative in = { .title = "Koffie-uurtje", .summary = "Koffie.", .type = "service", .lead_party = party_id,
				 .area = "WK034401", .participation_level = "consulted", .target_groups = { groups, 1 } };
	struct problems p = { 0 };
	assert_int_equal(initiative_create(db, a, &rita_v, &in, &p), ERR_FORBIDDEN);
	memset(&p, 0, sizeof p);
	assert_int_equal(initiative_create(db, a, &mia_v, &in, &p), 0);
	assert_string_equal(in.stage, "idea");
	assert_string_equal(in.target_groups.v[0], "ouderen");
	unsigned allowed = 0;
	struct stage_decision d = { .to = "test", .rationale = "Snel" };
	assert_int_equal(initiative_decide(db, a, &mia_v, in.id, &d, &p, &allowed), ERR_CONFLICT);
	assert_int_equal(allowed, BIT(STAGE_DEVELOPMENT) | BIT(STAGE_STOPPED));
	d = (struct stage_decision){ .to = "stopped", .rationale = "Geen geld" };
	assert_int_equal(initiative_decide(db, a, &mia_v, in.id, &d, &p, &allowed), ERR_INVALID);
	assert_non_null(problems_find(&p, "lessons"));
	assert_int_equal(p.n, 1);
	memset(&p, 0, sizeof p);
	d = (struct stage_decision){ .to = "development", .rationale = "Plan" };
	assert_int_equal(initiative_decide(db, a, &rita_v, in.id, &d, &p, &allowed), ERR_FORBIDDEN);
	assert_int_equal(initiative_decide(db, a, &mia_v, in.id, &d, &p, &allowed), 0);
	assert_string_equal(d.from, "idea");
	assert_string_equal(d.party_id, party_id);
	struct initiative got;
	struct stage_decision *items;
	size_t n;
	assert_int_equal(initiative_get(db, a, &mia_v, in.id, &got, &items, &n), 0);
	assert_string_equal(got.stage, "development");
	assert_string_equal(got.rel.stage, "development");
	assert_int_equal(n, 2);
	assert_null(items[0].from);
	assert_string_equal(items[1].rationale, "Plan");
	assert_string_equal(items[1].decider_name, "Mia");
	arena_free(a);
}

static int add_user(const char *email, const char *name, enum platform_role role, struct viewer *v)
{
	struct arena *a = arena_new();
	struct user u;
	struct problems p = { 0 };
	int rc = user_add(db, a, email, name, "een lang wachtwoord 123", role, &u, &p);
	if (!rc) {
		memset(v, 0, sizeof *v);
		v->authenticated = true;
		snprintf(v->user_id, sizeof v->user_id, "%s", u.id);
		snprintf(v->name, sizeof v->name, "%s", u.name);
		v->role = user_role(&u);
	}
	arena_free(a);
	return rc;
}

static int setup(void **state)
{
	(void)state;
	snprintf(db_path, sizeof db_path, "/tmp/kiem-test-initiative-XXXXXX");
	int fd = mkstemp(db_path);
	if (fd < 0)
		return -1;
	close(fd);
	int applied;
	if (store_open(&db, db_path, STORE_CREATE) || store_migrate(db, &applied) || role_seed(db))
		return -1;
	if (add_user("ada@example.nl", "Ada", PROLE_ADMIN, &admin_v) ||
	    add_user("mia@example.nl", "Mia", PROLE_USER, &mia_v) ||
	    add_user("rita@example.nl", "Rita", PROLE_USER, &rita_v) ||
	    add_user("cor@example.nl", "Cor", PROLE_COORDINATOR, &cor_v) ||
	    add_user("pat@example.nl", "Pat", PROLE_USER, &pat_v))
		return -1;
	struct arena *a = arena_new();
	struct area areas[] = {
		{ .code = "NL01", .name = "Nederland", .level = "country" },
		{ .code = "GM0344", .name = "Utrecht", .level = "municipality", .parent = "NL01" },
		{ .code = "WK034401", .name = "Oost", .level = "district", .parent = "GM0344" },
	};
	int rc = 0;
	for (size_t i = 0; !rc && i < sizeof areas / sizeof areas[0]; i++) {
		struct problems p = { 0 };
		rc = area_create(db, &admin_v, a, &areas[i], &p);
	}
	struct party pa = { .name = "Buurtkracht", .kind = "citizen_initiative" };
	struct party pb = { .name = "Wijkwerk", .kind = "business" };
	struct problems p = { 0 };
	if (!rc)
		rc = party_create(db, a, &mia_v, &pa, &p);
	if (!rc)
		rc = party_create(db, a, &pat_v, &pb, &p);
	snprintf(party_id, sizeof party_id, "%s", pa.id);
	snprintf(partner_id, sizeof partner_id, "%s", pb.id);
	arena_free(a);
	struct store_conn *c = rc ? NULL : store_write_begin(db);
	if (!c)
		return -1;
	rc = rows_run(c, "INSERT INTO coordinator_areas (user_id, area_code) VALUES (?1, 'GM0344')", 1, cor_v.user_id);
	if (!rc)
		rc = rows_run(c,
			"INSERT INTO initiatives (id, title, summary, description, type, lead_party_id, area_code,"
			" participation_level, stage, stage_changed_at, created_at, updated_at) VALUES (?1, 'Buurtkamer',"
			" 'Een kamer', '', 'service', ?2, 'WK034401', 'consulted', 'test', ?3, ?3, ?3)", 3,
			init_id, party_id, "2026-12-01T10:00:00Z");
	if (!rc)
		rc = rows_run(c,
			"INSERT INTO initiative_partners (id, initiative_id, party_id, role_key, since, created_at, updated_at)"
			" VALUES ('01a21b9b-ef12-7389-b34f-05f66f35eab0', ?1, ?2, (SELECT min(key) FROM roles), '2026-12-01',"
			" ?3, ?3)", 3, init_id, partner_id, "2026-12-01T10:00:00Z");
	return rows_commit(db, rc) ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(db);
	testdb_remove(db_path);
	return 0;
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moves),
		cmocka_unit_test(test_relation),
		cmocka_unit_test(test_decide),
	};
	return cmocka_run_group_tests_name("initiative", tests, setup, teardown);
}
