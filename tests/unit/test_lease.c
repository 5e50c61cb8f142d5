/* Unit tests of src/model/lease.c: a lease is taken, refused to a second
 * holder, renewed, taken over once expired, given back; two nodes racing
 * for it never both get it. On PostgreSQL when KIEM_PG is set (an empty
 * database: the test drops and recreates the schema public), else on a
 * temporary SQLite file. Each "node" is a store of its own on the one
 * database, as two processes would have. Also: a write through one store
 * moves the other's generation (store.h), a write aside does not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/base/err.h"
#include "../../src/model/lease.h"
#include "../../src/store/store.h"
#include "testdb.h"

static struct testdb db;
static struct store *node_a, *node_b;

static int open_node(struct store **s)
{
	int applied = 0;
	if (testdb_open(&db, s))
		return -1;
	return store_migrate(*s, &applied);
}

static int setup(void **state)
{
	(void)state;
	if (testdb_init(&db, "lease") || open_node(&node_a) || open_node(&node_b))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(node_a);
	store_close(node_b);
	testdb_release(&db);
	return 0;
}

static bool take(struct store *s, const char *name, const char *holder, int64_t now)
{
	bool held = true;
	assert_int_equal(lease_take(s, name, holder, now, 30, &held), 0);
	return held;
}

static void holder_is(const char *name, const char *holder, int64_t until)
{
	struct store_stmt *st = store_prepare(store_reader(node_a), "SELECT holder, until_epoch FROM leases WHERE name = ?1");
	assert_non_null(st);
	store_bind_str(st, 1, name);
	assert_int_equal(store_step(st), STORE_ROW);
	assert_string_equal(store_text(st, 0), holder);
	assert_int_equal(store_int(st, 1), until);
	store_reset(st);
}

static void test_take_refuse_renew_expire(void **state)
{
	(void)state;
	const int64_t t = 1800000000;
	/* taken while free */
	assert_true(take(node_a, "mail", "a", t));
	holder_is("mail", "a", t + 30);
	/* refused to another while it holds, even a second before it ends */
	assert_false(take(node_b, "mail", "b", t + 1));
	assert_false(take(node_b, "mail", "b", t + 29));
	holder_is("mail", "a", t + 30);
	/* renewed by its holder: it lasts from the renewal */
	assert_true(take(node_a, "mail", "a", t + 20));
	holder_is("mail", "a", t + 50);
	assert_false(take(node_b, "mail", "b", t + 49));
	/* expired: the other takes it over, and the first is refused */
	assert_true(take(node_b, "mail", "b", t + 50));
	holder_is("mail", "b", t + 80);
	assert_false(take(node_a, "mail", "a", t + 51));
	/* one lease per name: another job's is free */
	assert_true(take(node_a, "sweep", "a", t + 51));
}

static void test_release(void **state)
{
	(void)state;
	const int64_t t = 1900000000;
	assert_true(take(node_a, "digest", "a", t));
	/* only the holder gives it back */
	assert_int_equal(lease_release(node_b, "digest", "b"), 0);
	assert_false(take(node_b, "digest", "b", t + 1));
	assert_int_equal(lease_release(node_a, "digest", "a"), 0);
	/* given back, it is free at once, long before it would have ended */
	assert_true(take(node_b, "digest", "b", t + 2));
	holder_is("digest", "b", t + 32);
}

struct racer {
	struct store *s;
	const char *holder;
	int64_t now;
	int taken;
};

static void *race(void *arg)
{
	struct racer *r = arg;
	for (int i = 0; i < 50; i++) {
		bool held = false;
		if (lease_take(r->s, "race", r->holder, r->now + i, 1000, &held) == 0 && held)
			r->taken++;
	}
	return NULL;
}

/* Two nodes at once, each many times: the first to take it keeps it (it
 * renews), the other never gets it. */
static void test_race(void **state)
{
	(void)state;
	struct racer a = { node_a, "a", 2000000000, 0 }, b = { node_b, "b", 2000000000, 0 };
	pthread_t ta, tb;
	assert_int_equal(pthread_create(&ta, NULL, race, &a), 0);
	assert_int_equal(pthread_create(&tb, NULL, race, &b), 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	assert_true((a.taken == 50 && b.taken == 0) || (a.taken == 0 && b.taken == 50));
}

static int write_settings(struct store *s, const char *key, bool aside)
{
	struct store_conn *c = store_write_begin(s);
	assert_non_null(c);
	struct store_stmt *st = store_prepare(c, "INSERT INTO settings (key, value) VALUES (?1, 'x')");
	assert_non_null(st);
	store_bind_str(st, 1, key);
	int rc = store_run(st);
	int crc = aside ? store_write_end_aside(s, rc == 0) : store_write_end(s, rc == 0);
	return rc ? rc : crc;
}

/* The generation is the database's: a write on one node is a new
 * generation on the other at once; a write aside, a failed write and a
 * lease are not. */
/* On SQLite a store trusts its last look at the generation for a
 * millisecond while it commits nothing itself (sqlite.c,
 * GENERATION_TRUST_NS): another process's commit is seen after that. On
 * PostgreSQL, where the nodes are, at once. */
static void other_node_looks(void)
{
	if (!testdb_pg(&db))
		usleep(2000);
}

static void test_generation_across_nodes(void **state)
{
	(void)state;
	uint64_t a = store_generation(node_a), b = store_generation(node_b);
	assert_int_equal(store_generation(node_a), a); /* it stands while nothing is written */
	assert_int_equal(write_settings(node_a, "gen-1", false), 0);
	other_node_looks();
	assert_true(store_generation(node_b) != b);
	assert_true(store_generation(node_a) != a);
	a = store_generation(node_a);
	b = store_generation(node_b);
	assert_int_equal(write_settings(node_b, "gen-2", true), 0);
	bool held;
	assert_int_equal(lease_take(node_b, "gen", "b", 1, 30, &held), 0);
	assert_int_equal(store_generation(node_a), a);
	assert_int_equal(store_generation(node_b), b);
	assert_int_equal(write_settings(node_b, "gen-3", false), 0);
	other_node_looks();
	assert_true(store_generation(node_a) != a);
	a = store_generation(node_a);
	assert_int_equal(write_settings(node_b, "gen-3", false), ERR_CONFLICT); /* rolled back */
	assert_int_equal(store_generation(node_a), a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_take_refuse_renew_expire),
		cmocka_unit_test(test_release),
		cmocka_unit_test(test_race),
		cmocka_unit_test(test_generation_across_nodes),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
