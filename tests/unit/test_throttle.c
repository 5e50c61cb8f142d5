/* Unit tests of the login throttle (model/throttle.h) on a real database:
 * a SQLite file, or PostgreSQL when KIEM_PG is a conninfo (its database is
 * emptied first; scripts/pg-test-server.sh start prints one). Two stores
 * opened on the same database play two kiem nodes: what one counts holds
 * on the other, and after a store is closed and opened again (a restart). */
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

#include "../../src/base/err.h"
#include "../../src/model/throttle.h"
#include "../../src/store/store.h"
#include "testdb.h"

static struct testdb testdb;
static struct store *db;  /* node A */
static struct store *db2; /* node B, on the same database */

static struct store *open_node(void)
{
	struct store *s = NULL;
	if (testdb_open(&testdb, &s))
		return NULL;
	return s;
}

/* One login attempt at node s: the seconds to wait, and the attempt for
 * the failure or success that follows. */
static long attempt_at(struct store *s, struct login_attempt *t, const char *email, const char *address,
		       bool browser, time_t now)
{
	*t = (struct login_attempt){ .email = email, .address = address, .known_browser = browser };
	long wait = -1;
	assert_int_equal(throttle_login_check(s, t, now, &wait), 0);
	return wait;
}

static long attempt(struct login_attempt *t, const char *email, const char *address, bool browser, time_t now)
{
	return attempt_at(db, t, email, address, browser, now);
}

static void failed_at(struct store *s, const char *email, const char *address, bool browser, time_t now)
{
	struct login_attempt t;
	attempt_at(s, &t, email, address, browser, now);
	assert_int_equal(throttle_login_failed(s, &t, now), 0);
}

static void login_failed(const char *email, const char *address, bool browser, time_t now)
{
	failed_at(db, email, address, browser, now);
}

static void login_passed(const char *email, const char *address, bool browser, time_t now)
{
	struct login_attempt t;
	attempt(&t, email, address, browser, now);
	assert_int_equal(throttle_login_passed(db, &t, now), 0);
}

static long long rows(void)
{
	struct store_stmt *st = store_prepare(store_reader(db), "SELECT count(*) FROM login_throttle");
	assert_non_null(st);
	assert_int_equal(store_step(st), STORE_ROW);
	long long n = store_int(st, 0);
	store_reset(st);
	return n;
}

static void reset(void)
{
	assert_int_equal(throttle_reset(db), 0);
}

static const time_t now = 1800000000;

/* What model/throttle.h says, on one node. */
static void test_throttle(void **state)
{
	(void)state;
	struct login_attempt t;
	reset();
	/* an account: five failures, then a wait until the window has passed */
	for (int i = 0; i < THROTTLE_ACCOUNT; i++) {
		assert_int_equal(attempt(&t, "ann@example.nl", "10.0.0.1", false, now + i), 0);
		assert_int_equal(throttle_login_failed(db, &t, now + i), 0);
	}
	assert_int_equal(attempt(&t, "ann@example.nl", "10.0.0.9", false, now + 10), THROTTLE_WINDOW - 10);
	assert_int_equal(attempt(&t, "ben@example.nl", "10.0.0.1", false, now + 10), 0); /* not the address yet */
	assert_int_equal(attempt(&t, "ann@example.nl", "10.0.0.1", false, now + THROTTLE_WINDOW), 0);
	/* an address: twenty failures over many accounts */
	reset();
	for (int i = 0; i < THROTTLE_ADDRESS; i++) {
		char email[32];
		snprintf(email, sizeof email, "user%d@example.nl", i);
		login_failed(email, "192.0.2.7", false, now);
	}
	assert_true(attempt(&t, "nieuw@example.nl", "192.0.2.7", false, now + 1) > 0);
	assert_int_equal(attempt(&t, "nieuw@example.nl", "192.0.2.8", false, now + 1), 0);
	/* a good login forgets the failures that held its source up */
	reset();
	for (int i = 0; i < THROTTLE_ACCOUNT - 1; i++)
		login_failed("cas@example.nl", NULL, false, now);
	login_passed("cas@example.nl", NULL, false, now);
	login_failed("cas@example.nl", NULL, false, now);
	assert_int_equal(attempt(&t, "cas@example.nl", NULL, false, now), 0);

	/* failures from elsewhere do not hold up an address the account logged
	 * in from, nor a browser that did; each has a count of its own */
	reset();
	login_passed("dirk@example.nl", "198.51.100.1", false, now);
	for (int i = 0; i < THROTTLE_ACCOUNT; i++)
		login_failed("dirk@example.nl", "203.0.113.66", false, now);
	assert_true(attempt(&t, "dirk@example.nl", "203.0.113.66", false, now) > 0);
	assert_true(attempt(&t, "dirk@example.nl", "203.0.113.67", false, now) > 0);
	assert_int_equal(attempt(&t, "dirk@example.nl", "198.51.100.1", false, now), 0);
	assert_int_equal(attempt(&t, "DIRK@example.nl", "198.51.100.1", false, now), 0);
	assert_int_equal(attempt(&t, "dirk@example.nl", "203.0.113.67", true, now), 0);
	for (int i = 0; i < THROTTLE_ACCOUNT; i++)
		login_failed("dirk@example.nl", "198.51.100.1", false, now);
	assert_true(attempt(&t, "dirk@example.nl", "198.51.100.1", false, now) > 0);
	assert_int_equal(attempt(&t, "dirk@example.nl", "203.0.113.67", true, now), 0);
	/* an address is known to the account for THROTTLE_KNOWN_DAYS */
	reset();
	login_passed("eva@example.nl", "198.51.100.2", false, now);
	time_t later = now + THROTTLE_KNOWN_DAYS * 86400L;
	for (int i = 0; i < THROTTLE_ACCOUNT; i++)
		login_failed("eva@example.nl", "203.0.113.66", false, later);
	assert_true(attempt(&t, "eva@example.nl", "198.51.100.2", false, later) > 0);
	/* ... from its last good login: a login a day later makes it known again */
	reset();
	login_passed("eva@example.nl", "198.51.100.2", false, now);
	login_passed("eva@example.nl", "198.51.100.2", false, now + 86400);
	for (int i = 0; i < THROTTLE_ACCOUNT; i++)
		login_failed("eva@example.nl", "203.0.113.66", false, later);
	assert_int_equal(attempt(&t, "eva@example.nl", "198.51.100.2", false, later), 0);

	/* the settings */
	reset();
	throttle_account_limit = 2;
	throttle_window = 60;
	login_failed("fien@example.nl", "10.0.0.1", false, now);
	assert_int_equal(attempt(&t, "fien@example.nl", "10.0.0.1", false, now), 0);
	login_failed("fien@example.nl", "10.0.0.1", false, now);
	assert_int_equal(attempt(&t, "fien@example.nl", "10.0.0.1", false, now + 1), 59);
	assert_int_equal(attempt(&t, "fien@example.nl", "10.0.0.1", false, now + 60), 0);
	throttle_account_limit = THROTTLE_ACCOUNT;
	throttle_window = THROTTLE_WINDOW;
	reset();
}

/* Failures counted on node A hold on node B, and after both restart. */
static void test_nodes_and_restart(void **state)
{
	(void)state;
	struct login_attempt t;
	reset();
	for (int i = 0; i < THROTTLE_ACCOUNT - 1; i++)
		failed_at(db, "gijs@example.nl", "10.1.0.1", false, now);
	assert_int_equal(attempt_at(db2, &t, "gijs@example.nl", "10.1.0.2", false, now + 1), 0);
	/* the fifth on node B locks the account on node A */
	failed_at(db2, "gijs@example.nl", "10.1.0.2", false, now + 1);
	assert_int_equal(attempt_at(db, &t, "gijs@example.nl", "10.1.0.3", false, now + 2), THROTTLE_WINDOW - 2);

	/* a restart forgets nothing */
	store_close(db2);
	db2 = open_node();
	assert_non_null(db2);
	assert_int_equal(attempt_at(db2, &t, "gijs@example.nl", "10.1.0.4", false, now + 3), THROTTLE_WINDOW - 3);

	/* an address known on node A is known on node B */
	reset();
	struct login_attempt ok;
	attempt_at(db, &ok, "hans@example.nl", "10.2.0.1", false, now);
	assert_int_equal(throttle_login_passed(db, &ok, now), 0);
	for (int i = 0; i < THROTTLE_ACCOUNT; i++)
		failed_at(db, "hans@example.nl", "10.2.0.66", false, now);
	assert_true(attempt_at(db2, &t, "hans@example.nl", "10.2.0.66", false, now) > 0);
	assert_int_equal(attempt_at(db2, &t, "hans@example.nl", "10.2.0.1", false, now), 0);
	reset();
}

/* What a login costs the database: one statement to check; a good login
 * from an address the account knows, with no failures, writes nothing. */
static void test_cost(void **state)
{
	(void)state;
	struct login_attempt t;
	reset();
	login_passed("ida@example.nl", "10.3.0.1", false, now);
	uint64_t q = store_queries();
	attempt(&t, "ida@example.nl", "10.3.0.1", false, now + 60);
	assert_int_equal(store_queries() - q, 1);
	q = store_queries();
	assert_int_equal(throttle_login_passed(db, &t, now + 60), 0);
	assert_int_equal(store_queries() - q, 0);
	/* a failure writes (the sweep, the account's count, the address's) */
	q = store_queries();
	assert_int_equal(throttle_login_failed(db, &t, now + 61), 0);
	assert_true(store_queries() - q <= 5);
	/* and then the good login clears it */
	attempt(&t, "ida@example.nl", "10.3.0.1", false, now + 62);
	assert_true(t.counted);
	assert_int_equal(throttle_login_passed(db, &t, now + 62), 0);
	attempt(&t, "ida@example.nl", "10.3.0.1", false, now + 63);
	assert_false(t.counted);
	reset();
}

/* Old rows do not pile up: every write deletes some whose time has passed,
 * and throttle_sweep all of them. */
static void test_old_rows_go(void **state)
{
	(void)state;
	reset();
	for (int i = 0; i < 50; i++) {
		char address[32];
		snprintf(address, sizeof address, "10.4.0.%d", i);
		login_failed("", address, false, now);
	}
	assert_int_equal(rows(), 50);
	/* ids are never negative: migrate-to-pg sets the id's identity
	 * sequence on PostgreSQL to the largest, which must be 1 or more */
	struct store_stmt *st = store_prepare(store_reader(db), "SELECT count(*) FROM login_throttle WHERE id <= 0");
	assert_non_null(st);
	assert_int_equal(store_step(st), STORE_ROW);
	assert_int_equal(store_int(st, 0), 0);
	store_reset(st);
	/* a failure after the window deletes 32 of them, and adds its own */
	time_t after = now + THROTTLE_WINDOW;
	login_failed("", "10.5.0.1", false, after);
	assert_int_equal(rows(), 50 - 32 + 1);
	assert_int_equal(throttle_sweep(db, after), 50 - 32);
	assert_int_equal(rows(), 1);
	/* a known address stays its 90 days */
	login_passed("jan@example.nl", "10.6.0.1", false, after);
	assert_int_equal(throttle_sweep(db, after + THROTTLE_KNOWN_DAYS * 86400L - 1), 1);
	assert_int_equal(rows(), 1);
	assert_int_equal(throttle_sweep(db, after + THROTTLE_KNOWN_DAYS * 86400L), 1);
	assert_int_equal(rows(), 0);
}

/* The mail limit, per client address, across nodes. */
static void test_mail(void **state)
{
	(void)state;
	reset();
	long wait = -1;
	for (int i = 0; i < THROTTLE_MAIL; i++) {
		assert_int_equal(throttle_mail(i % 2 ? db : db2, "10.7.0.1", now + i, &wait), 0);
		assert_int_equal(wait, 0);
	}
	assert_int_equal(throttle_mail(db, "10.7.0.1", now + 20, &wait), 0);
	assert_int_equal(wait, THROTTLE_WINDOW - 20);
	assert_int_equal(throttle_mail(db2, "10.7.0.1", now + 30, &wait), 0);
	assert_int_equal(wait, THROTTLE_WINDOW - 30);
	assert_int_equal(throttle_mail(db, "10.7.0.2", now + 30, &wait), 0);
	assert_int_equal(wait, 0);
	assert_int_equal(throttle_mail(db, "", now + 30, &wait), 0);
	assert_int_equal(wait, 0);
	assert_int_equal(throttle_mail(db2, "10.7.0.1", now + THROTTLE_WINDOW, &wait), 0);
	assert_int_equal(wait, 0);
	reset();
}

static int setup(void **state)
{
	(void)state;
	int applied;
	if (testdb_init(&testdb, "throttle") || !(db = open_node()) || store_migrate(db, &applied) ||
	    !(db2 = open_node()))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(db2);
	store_close(db);
	testdb_release(&testdb);
	return 0;
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_throttle),
		cmocka_unit_test(test_nodes_and_restart),
		cmocka_unit_test(test_cost),
		cmocka_unit_test(test_old_rows_go),
		cmocka_unit_test(test_mail),
	};
	return cmocka_run_group_tests_name("throttle", tests, setup, teardown);
}
