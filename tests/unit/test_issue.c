/* Unit tests of the social issues' model (model/issue.c): the table of
 * status moves, and issue_create_on inside the caller's transaction, where
 * a rollback leaves nothing behind. */
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
#include "../../src/model/issue.h"
#include "../../src/model/party.h"
#include "../../src/model/role.h"
#include "../../src/model/user.h"
#include "../../src/store/store.h"

static char db_path[64];
static struct store *db;
static struct viewer admin_v, mia_v, rita_v;
static char party_id[UUID_STRLEN + 1];

#define BIT(s) (1u << (s))

static void test_moves(void **state)
{
	(void)state;
	const unsigned expected[ISSUE_STATUS_COUNT] = {
		[ISSUE_SIGNALLED] = BIT(ISSUE_FORMULATED) | BIT(ISSUE_ARCHIVED),
		[ISSUE_FORMULATED] = BIT(ISSUE_ON_AGENDA) | BIT(ISSUE_ARCHIVED),
		[ISSUE_ON_AGENDA] = BIT(ISSUE_FORMULATED) | BIT(ISSUE_IN_PROGRESS) | BIT(ISSUE_ARCHIVED),
		[ISSUE_IN_PROGRESS] = BIT(ISSUE_ON_AGENDA) | BIT(ISSUE_CLOSED) | BIT(ISSUE_ARCHIVED),
		[ISSUE_CLOSED] = BIT(ISSUE_IN_PROGRESS) | BIT(ISSUE_ARCHIVED),
		[ISSUE_ARCHIVED] = 0,
	};
	for (int s = 0; s < ISSUE_STATUS_COUNT; s++) {
		assert_int_equal(issue_moves((enum issue_status)s), expected[s]);
		assert_false(issue_moves((enum issue_status)s) & BIT(s)); /* never to itself */
	}
	assert_int_equal(issue_moves(ISSUE_STATUS_COUNT), 0);
	assert_string_equal(issue_statuses[ISSUE_ON_AGENDA].key, "on_agenda");
	enum issue_sort sort;
	assert_true(issue_sort_parse(NULL, &sort));
	assert_int_equal(sort, ISORT_CREATED_DESC);
	assert_true(issue_sort_parse("-statusChangedAt", &sort));
	assert_int_equal(sort, ISORT_CHANGED_DESC);
	assert_false(issue_sort_parse("title", &sort));
}

static int64_t count_issues(void)
{
	struct store_stmt *st = store_prepare(store_reader(db),
		"SELECT (SELECT count(*) FROM issues) + (SELECT count(*) FROM issue_transitions)"
		" + (SELECT count(*) FROM issue_target_groups) + (SELECT count(*) FROM issue_search)");
	assert_non_null(st);
	assert_int_equal(store_step(st), STORE_ROW);
	int64_t n = store_int(st, 0);
	store_reset(st);
	return n;
}

static void test_create_in_a_transaction(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *groups[] = { " Jongeren ", "jongeren", "OUDERS" };
	struct issue in = {
		.title = "Te weinig plekken voor jongeren", .summary = "Jongeren hangen rond.",
		.area = "WK034401", .owner_party = party_id, .target_groups = { groups, 3 }, .status = "signalled",
	};
	char id[UUID_STRLEN + 1];
	struct problems p = { 0 };

	/* rolled back: nothing stays */
	struct store_conn *c = store_write_begin(db);
	assert_non_null(c);
	assert_int_equal(issue_create_on(c, a, &mia_v, &in, &p), 0);
	assert_int_equal(store_write_end(db, false), 0);
	assert_int_equal(count_issues(), 0);

	/* not a member of the owner party: forbidden, after the problems */
	c = store_write_begin(db);
	assert_int_equal(issue_create_on(c, a, &rita_v, &in, &p), ERR_FORBIDDEN);
	struct issue bad = in;
	bad.title = "";
	bad.area = "XX";
	assert_int_equal(issue_create_on(c, a, &rita_v, &bad, &p), ERR_INVALID);
	assert_non_null(problems_find(&p, "title"));
	assert_non_null(problems_find(&p, "area"));
	assert_int_equal(store_write_end(db, false), 0);

	/* committed: the row, the labels cleaned, the first timeline entry */
	struct issue made = { .title = in.title, .summary = in.summary, .area = in.area,
			      .owner_party = in.owner_party, .target_groups = in.target_groups, .status = in.status };
	struct issue is;
	assert_int_equal(issue_create(db, a, &mia_v, &made, &(struct problems){ 0 }), 0);
	memcpy(id, made.id, sizeof made.id);
	assert_int_equal(issue_get(db, a, &mia_v, id, &is), 0);
	/* what the creation answers is what a read gives */
	assert_string_equal(made.title, is.title);
	assert_string_equal(made.created_at, is.created_at);
	assert_string_equal(made.area_name, is.area_name);
	assert_int_equal(made.target_groups.n, 2);
	assert_string_equal(made.target_groups.v[0], "jongeren");
	assert_int_equal(made.member, MEMBER_ADMIN);
	assert_string_equal(is.status, "signalled");
	assert_int_equal(is.target_groups.n, 2);
	assert_string_equal(is.target_groups.v[0], "jongeren");
	assert_string_equal(is.target_groups.v[1], "ouders");
	assert_int_equal(is.member, MEMBER_ADMIN);
	assert_true(issue_can(&mia_v, &is, OBJ_ISSUE_STATUS, ACT_CREATE));

	/* a move not allowed names the allowed ones; an allowed one is kept */
	struct issue_transition t;
	unsigned allowed;
	memset(&p, 0, sizeof p);
	assert_int_equal(issue_move(db, a, &mia_v, id, "closed", "Klaar", &t, &p, &allowed), ERR_CONFLICT);
	assert_int_equal(allowed, BIT(ISSUE_FORMULATED) | BIT(ISSUE_ARCHIVED));
	assert_int_equal(issue_move(db, a, &mia_v, id, "formulated", "", &t, &p, &allowed), ERR_INVALID);
	assert_non_null(problems_find(&p, "reason"));
	memset(&p, 0, sizeof p);
	assert_int_equal(issue_move(db, a, &mia_v, id, "formulated", "Opgeschreven", &t, &p, &allowed), 0);
	assert_string_equal(t.from, "signalled");
	assert_string_equal(t.to, "formulated");
	assert_string_equal(t.actor_name, "Mia");
	struct issue_transition *items;
	size_t n;
	const char *next;
	assert_int_equal(issue_transitions(db, a, id, NULL, 100, &p, &items, &n, &next), 0);
	assert_int_equal(n, 2);
	assert_null(items[0].from);
	assert_string_equal(items[1].reason, "Opgeschreven");
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
	snprintf(db_path, sizeof db_path, "/tmp/kiem-test-issue-XXXXXX");
	int fd = mkstemp(db_path);
	if (fd < 0)
		return -1;
	close(fd);
	int applied;
	if (store_open(&db, db_path, STORE_CREATE) || store_migrate(db, &applied) || role_seed(db))
		return -1;
	if (add_user("ada@example.nl", "Ada", PROLE_ADMIN, &admin_v) ||
	    add_user("mia@example.nl", "Mia", PROLE_USER, &mia_v) ||
	    add_user("rita@example.nl", "Rita", PROLE_USER, &rita_v))
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
	struct problems p = { 0 };
	if (!rc)
		rc = party_create(db, a, &mia_v, &pa, &p);
	snprintf(party_id, sizeof party_id, "%s", pa.id);
	arena_free(a);
	return rc ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(db);
	char wal[80];
	unlink(db_path);
	snprintf(wal, sizeof wal, "%s-wal", db_path);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", db_path);
	unlink(wal);
	return 0;
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moves),
		cmocka_unit_test(test_create_in_a_transaction),
	};
	return cmocka_run_group_tests_name("issue", tests, setup, teardown);
}
