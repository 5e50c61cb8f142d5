/* Unit tests of src/analysis: the overview's figures, kept and recounted
 * when the data changes. One fresh temporary database per run. */
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

#include "../../src/analysis/overview.h"
#include "../../src/base/arena.h"
#include "../../src/base/err.h"
#include "../../src/model/area.h"
#include "../../src/model/party.h"
#include "../../src/store/store.h"

static char db_path[64];
static struct store *db;
static struct viewer admin = { .authenticated = true, .role = PROLE_ADMIN };

static void add_area(const char *code, const char *level, const char *parent)
{
	struct arena *a = arena_new();
	struct area in = { .code = code, .name = code, .level = level, .parent = parent };
	struct problems p = { 0 };
	assert_int_equal(area_create(db, &admin, a, &in, &p), 0);
	arena_free(a);
}

static char *add_party(const char *name, const char *kind, const char *area, const char *visibility)
{
	struct arena *a = arena_new();
	const char *areas[] = { area };
	struct party pa = { .name = name, .kind = kind, .visibility = visibility,
			    .areas = { areas, 1 } };
	struct problems p = { 0 };
	assert_int_equal(party_create(db, a, &admin, &pa, &p), 0);
	char *id = strdup(pa.id);
	arena_free(a);
	return id;
}

static const struct party_area_counts *row(const struct overview *o, const char *code)
{
	for (size_t i = 0; i < o->nrows; i++)
		if (strcmp(o->rows[i].code, code) == 0)
			return &o->rows[i];
	return NULL;
}

/* The figures after a change. A request waits for a quick recount, but at
 * most two seconds: on a machine loaded with other tests (and the
 * sanitizers) a recount can take longer, so a stale answer is asked again. */
static void fresh(struct arena *a, struct overview *o)
{
	for (int i = 0; i < 10; i++) {
		int rc = overview_get(db, a, o);
		if (rc == 0 && !o->stale)
			return;
		if (rc != ERR_BUSY)
			assert_int_equal(rc, 0);
	}
	fail_msg("the overview stayed stale");
}

static void test_overview_counts_and_recounts(void **state)
{
	(void)state;
	add_area("NL01", "country", NULL);
	add_area("PV26", "province", "NL01");
	add_area("GM0344", "municipality", "PV26");
	add_area("WK034401", "district", "GM0344");
	add_area("WK034402", "district", "GM0344");
	char *ids[] = {
		add_party("Buurtteam West", "social_work", "WK034401", "public"),
		add_party("Gemeente", "government", "GM0344", "public"),
		add_party("Fonds", "business", "PV26", "public"),
		add_party("Geheim", "business", "WK034402", "private"),
	};
	assert_int_equal(overview_start(db), 0);
	struct arena *a = arena_new();
	struct overview o;
	fresh(a, &o);
	/* public parties only */
	assert_int_equal(o.total, 3);
	assert_int_equal(o.by_kind[KIND_SOCIAL_WORK], 1);
	assert_int_equal(o.by_kind[KIND_BUSINESS], 1);
	/* the focus is the one municipality below the single country and
	 * province, with its districts */
	assert_int_equal(o.nrows, 3);
	assert_string_equal(o.rows[0].code, "GM0344");
	const struct party_area_counts *west = row(&o, "WK034401");
	const struct party_area_counts *nw = row(&o, "WK034402");
	assert_non_null(west);
	assert_non_null(nw);
	assert_int_equal(west->total, 3);   /* its team, the municipality, the fund */
	assert_int_equal(nw->total, 2);     /* the private one is not counted */
	assert_int_equal(nw->counts[KIND_BUSINESS], 1);

	/* a change: the next look sees it (counting is quick here) */
	char *extra = add_party("Repair Café", "citizen_initiative", "WK034402", "public");
	fresh(a, &o);
	assert_int_equal(o.total, 4);
	assert_int_equal(row(&o, "WK034402")->counts[KIND_CITIZEN_INITIATIVE], 1);
	assert_int_equal(party_delete(db, &admin, extra), 0);
	fresh(a, &o);
	assert_int_equal(o.total, 3);

	overview_stop();
	/* stopped: no figures until it runs again */
	assert_int_not_equal(overview_get(db, a, &o), 0);
	arena_free(a);
	free(extra);
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
		free(ids[i]);
}

static int setup(void **state)
{
	(void)state;
	snprintf(db_path, sizeof db_path, "/tmp/kiem-test-analysis-XXXXXX");
	int fd = mkstemp(db_path);
	if (fd < 0)
		return -1;
	close(fd);
	unlink(db_path);
	int applied;
	if (store_open(&db, db_path, STORE_CREATE) || store_migrate(db, &applied))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	/* the worker first: after a failed assertion it may still be counting */
	overview_stop();
	store_close(db);
	char p[80];
	unlink(db_path);
	snprintf(p, sizeof p, "%s-wal", db_path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", db_path);
	unlink(p);
	return 0;
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overview_counts_and_recounts),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
