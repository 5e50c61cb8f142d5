/* What one write costs the disk: the pages (WAL frames) that a party's
 * creation, an issue's, a signal's and a party's update write, on SQLite,
 * in a directory that already holds some hundreds of each (so that the
 * full-text indexes have segments to merge, as in a real instance).
 *
 * The method: store_checkpoint() empties the log (a TRUNCATE checkpoint),
 * one write runs, and the log's size then says how many frames it wrote:
 * (size - 32) / (page size + 24). The mean over many writes includes the
 * merges of the full-text segments, which come every few writes.
 * Each page is counted by the table or index it belongs to (dbstat);
 * WRITECOST_VERBOSE=1 prints those counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sodium.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/base/arena.h"
#include "../../src/base/err.h"
#include "../../src/model/area.h"
#include "../../src/model/issue.h"
#include "../../src/model/party.h"
#include "../../src/model/role.h"
#include "../../src/model/signal.h"
#include "../../src/model/user.h"
#include "../../src/store/store.h"
#include "testdb.h"

static char db_path[64];
static struct store *db;
static struct viewer admin_v, mia_v;
static char party_id[UUID_STRLEN + 1];
static bool verbose;

enum { BEFORE = 300, MEASURED = 128 };

/* Words to write texts from, so that each text has words of its own and
 * words it shares with others, as real ones do. */
static const char *const words[] = {
	"buurt", "wijk", "jongeren", "ouderen", "armoede", "schulden", "eenzaamheid", "taal",
	"sport", "cultuur", "zorg", "wonen", "werk", "school", "gezondheid", "vrijwilligers",
	"ontmoeting", "huiswerk", "voedsel", "energie", "groen", "veiligheid", "mantelzorg",
	"digitaal", "vervoer", "speeltuin", "bibliotheek", "buurthuis", "kerk", "moskee",
	"stichting", "vereniging", "gemeente", "dokter", "wijkteam", "inloop", "koffie", "maaltijd",
	"fiets", "tuin", "muziek", "dans", "theater", "kunst", "computer", "budget", "advies",
	"begeleiding", "opvang", "participatie", "inburgering", "statushouders", "kinderen",
};
enum { NWORDS = sizeof words / sizeof words[0] };

/* n words, chosen from i; with an own word (a number) in between. */
static const char *text(struct arena *a, unsigned i, int n)
{
	char *out = arena_alloc(a, (size_t)n * 16 + 32), *o = out;
	uint32_t h = i * 2654435761u + 12345;
	for (int k = 0; k < n; k++) {
		h = h * 1103515245u + 12345;
		const char *w = words[(h >> 8) % NWORDS];
		size_t len = strlen(w);
		memcpy(o, w, len);
		o += len;
		*o++ = ' ';
	}
	o += snprintf(o, 32, "nummer%u", i);
	*o = 0;
	return out;
}

static long page_size(void)
{
	struct store_stmt *st = store_prepare(store_reader(db), "PRAGMA page_size");
	assert_non_null(st);
	assert_int_equal(store_step(st), STORE_ROW);
	long n = (long)store_int(st, 0);
	store_reset(st);
	return n;
}

static long wal_frames(void)
{
	char wal[80];
	snprintf(wal, sizeof wal, "%s-wal", db_path);
	struct stat sb;
	if (stat(wal, &sb) || sb.st_size < 32)
		return 0;
	return (long)((sb.st_size - 32) / (page_size() + 24));
}

/* Counts, by the table or index it belongs to, each page in the log
 * (from dbstat), into names/counts (n of them, at most 64). */
struct tally {
	char names[64][48];
	long counts[64];
	int n;
};

static void tally_pages(struct tally *t)
{
	char wal[80];
	snprintf(wal, sizeof wal, "%s-wal", db_path);
	FILE *f = fopen(wal, "rb");
	sqlite3 *s = NULL;
	sqlite3_stmt *st = NULL;
	assert_non_null(f);
	assert_int_equal(sqlite3_open_v2(db_path, &s, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(s, "SELECT name FROM dbstat WHERE pageno = ?1", -1, &st, NULL),
			 SQLITE_OK);
	long ps = page_size();
	unsigned char h[24];
	fseek(f, 32, SEEK_SET);
	while (fread(h, 1, sizeof h, f) == sizeof h) {
		long pg = (long)h[0] << 24 | h[1] << 16 | h[2] << 8 | h[3];
		sqlite3_bind_int64(st, 1, pg);
		const char *name = sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0)
								  : "(header or free page)";
		int i = 0;
		while (i < t->n && strcmp(t->names[i], name))
			i++;
		if (i == t->n && t->n < 64)
			snprintf(t->names[t->n++], sizeof t->names[0], "%s", name);
		if (i < 64)
			t->counts[i]++;
		sqlite3_reset(st);
		fseek(f, ps, SEEK_CUR);
	}
	sqlite3_finalize(st);
	sqlite3_close(s);
	fclose(f);
}

typedef int write_fn(struct arena *a, unsigned i);

static int make_party(struct arena *a, unsigned i)
{
	const char *tags[] = { words[i % NWORDS], words[(i * 7 + 3) % NWORDS] };
	const char *areas[] = { "WK034401" };
	const char *roles[] = { "invest" };
	struct party pa = { .name = text(a, i, 3), .kind = "citizen_initiative", .description = text(a, i + 1, 40),
			    .tags = { tags, 2 }, .areas = { areas, 1 }, .roles = { roles, 1 } };
	struct problems p = { 0 };
	return party_create(db, a, &mia_v, &pa, &p);
}

/* the party made first gets a new name and description each time */
static int change_party(struct arena *a, unsigned i)
{
	struct party was, in;
	int rc = party_get(db, a, &mia_v, party_id, &was);
	if (rc)
		return rc;
	in = was;
	in.name = text(a, i, 3);
	in.description = text(a, i + 5, 40);
	struct problems p = { 0 };
	return party_update(db, a, &mia_v, &was, &in, &p);
}

/* and then only its phone number */
static int change_phone(struct arena *a, unsigned i)
{
	struct party was, in;
	int rc = party_get(db, a, &mia_v, party_id, &was);
	if (rc)
		return rc;
	in = was;
	in.phone = arena_printf(a, "030 %07u", i);
	struct problems p = { 0 };
	return party_update(db, a, &mia_v, &was, &in, &p);
}

static int make_issue(struct arena *a, unsigned i)
{
	struct issue is = { .title = text(a, i, 5), .summary = text(a, i + 2, 12), .description = text(a, i + 3, 60),
			    .area = "WK034401", .owner_party = party_id, .status = "signalled" };
	struct problems p = { 0 };
	return issue_create(db, a, &mia_v, &is, &p);
}

static int make_signal(struct arena *a, unsigned i)
{
	struct signal sg = { .kind = "bottleneck", .title = text(a, i, 5), .description = text(a, i + 4, 50),
			     .area = "WK034401", .party_id = party_id };
	struct problems p = { 0 };
	return signal_create(db, a, &mia_v, &sg, &p);
}

/* The mean pages of MEASURED writes after BEFORE others, and of those the
 * mean that belong to the full-text indexes in *fts. */
static double measure(const char *what, write_fn *fn, double *fts)
{
	struct arena *a = arena_new();
	unsigned i = 0;
	for (; i < BEFORE; i++)
		assert_int_equal(fn(a, i), 0);
	long sum = 0, most = 0;
	struct tally t = { .n = 0 };
	for (int k = 0; k < MEASURED; k++, i++) {
		assert_int_equal(store_checkpoint(db), 0);
		assert_int_equal(wal_frames(), 0);
		assert_int_equal(fn(a, i), 0);
		long n = wal_frames();
		tally_pages(&t);
		sum += n;
		if (n > most)
			most = n;
	}
	arena_free(a);
	long in_fts = 0;
	for (int k = 0; k < t.n; k++) {
		if (strstr(t.names[k], "_search"))
			in_fts += t.counts[k];
		if (verbose)
			printf("#   %-32s %5.2f\n", t.names[k], (double)t.counts[k] / MEASURED);
	}
	*fts = (double)in_fts / MEASURED;
	double mean = (double)sum / MEASURED;
	printf("# %s: %.1f pages a write on average (%.1f of the full-text index), at most %ld\n", what, mean,
	       *fts, most);
	return mean;
}

/* A write of one row and its words costs the full-text index its new
 * segment (a leaf, its entry in the segment index, the structure record,
 * the B-tree pages above them) and a share of the merges, about five
 * pages; not a copy of the text and of its sizes besides (two more). */
enum { FTS_PAGES_MAX = 7 };

static void test_party_create(void **state)
{
	(void)state;
	double fts;
	measure("party creation", make_party, &fts);
	assert_true(fts < FTS_PAGES_MAX);
}

static void test_party_update(void **state)
{
	(void)state;
	double fts;
	measure("party update", change_party, &fts);
	assert_true(fts < FTS_PAGES_MAX);
}

/* an update that leaves the words as they are leaves the index alone */
static void test_party_update_other(void **state)
{
	(void)state;
	double fts;
	measure("party update of its phone", change_phone, &fts);
	assert_true(fts == 0);
}

static void test_issue_create(void **state)
{
	(void)state;
	double fts;
	measure("issue creation", make_issue, &fts);
	assert_true(fts < FTS_PAGES_MAX);
}

static void test_signal_create(void **state)
{
	(void)state;
	double fts;
	measure("signal creation", make_signal, &fts);
	assert_true(fts < FTS_PAGES_MAX);
}

/* The indexes read their words from the rows (external content): an entry
 * taken out after its row changed would take out the wrong words, and the
 * index would no longer agree with the rows (SQLite 3.40's integrity-check
 * does not compare them): after updates of each kind and a deletion, each
 * index holds what an index made from the rows holds. */
static void test_indexes_agree_with_rows(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct party was, in;
	struct problems p = { 0 };
	const char *tags[] = { "moestuin" };
	assert_int_equal(party_get(db, a, &mia_v, party_id, &was), 0);
	in = was;
	in.tags = (struct strlist){ tags, 1 };
	assert_int_equal(party_update(db, a, &mia_v, &was, &in, &p), 0);
	struct issue is, isin;
	assert_int_equal(make_issue(a, 9999), 0);
	struct issue_filter f = { .limit = 1 };
	struct issue *items;
	size_t n;
	const char *next;
	assert_int_equal(issue_list(db, a, &mia_v, &f, &p, &items, &n, &next), 0);
	assert_int_equal(n, 1);
	assert_int_equal(issue_get(db, a, &mia_v, items[0].id, &is), 0);
	isin = is;
	isin.summary = "Een nieuwe samenvatting over de moestuin";
	assert_int_equal(issue_update(db, a, &mia_v, &is, &isin, &p), 0);
	struct party gone = { .name = "Weg ermee", .kind = "business", .description = "Verdwijnt" };
	assert_int_equal(party_create(db, a, &mia_v, &gone, &p), 0);
	assert_int_equal(party_delete(db, &mia_v, gone.id), 0);
	/* each index as a copy of it made from the rows now: the same words,
	 * of the same rows, in the same places */
	static const char *const check[] = {
		"CREATE VIRTUAL TABLE temp.chk USING fts5(name, description, tags,"
		" tokenize = 'unicode61 remove_diacritics 2');"
		"INSERT INTO temp.chk (rowid, name, description, tags) SELECT seq, name, description, tags FROM parties;"
		"CREATE VIRTUAL TABLE temp.vi USING fts5vocab(main, party_search, instance);",
		"CREATE VIRTUAL TABLE temp.chk USING fts5(title, summary, description,"
		" tokenize = 'unicode61 remove_diacritics 2');"
		"INSERT INTO temp.chk (rowid, title, summary, description) SELECT seq, title, summary, description FROM issues;"
		"CREATE VIRTUAL TABLE temp.vi USING fts5vocab(main, issue_search, instance);",
		"CREATE VIRTUAL TABLE temp.chk USING fts5(title, description, rule,"
		" tokenize = 'unicode61 remove_diacritics 2');"
		"INSERT INTO temp.chk (rowid, title, description, rule) SELECT seq, title, description, rule FROM signals;"
		"CREATE VIRTUAL TABLE temp.vi USING fts5vocab(main, signal_search, instance);",
	};
	sqlite3 *s;
	assert_int_equal(sqlite3_open(db_path, &s), SQLITE_OK);
	for (size_t i = 0; i < sizeof check / sizeof check[0]; i++) {
		assert_int_equal(sqlite3_exec(s, check[i], NULL, NULL, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_exec(s, "CREATE VIRTUAL TABLE temp.vr USING fts5vocab(temp, chk, instance)",
					      NULL, NULL, NULL), SQLITE_OK);
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(s,
			"SELECT (SELECT count(*) FROM temp.vi), (SELECT count(*) FROM temp.vr),"
			" (SELECT count(*) FROM (SELECT * FROM temp.vi EXCEPT SELECT * FROM temp.vr)),"
			" (SELECT count(*) FROM (SELECT * FROM temp.vr EXCEPT SELECT * FROM temp.vi))", -1, &st, NULL),
			SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_true(sqlite3_column_int(st, 0) > 0);
		assert_int_equal(sqlite3_column_int(st, 0), sqlite3_column_int(st, 1));
		assert_int_equal(sqlite3_column_int(st, 2), 0);
		assert_int_equal(sqlite3_column_int(st, 3), 0);
		sqlite3_finalize(st);
		assert_int_equal(sqlite3_exec(s, "DROP TABLE temp.vi; DROP TABLE temp.vr; DROP TABLE temp.chk", NULL, NULL,
					      NULL), SQLITE_OK);
	}
	sqlite3_close(s);
	/* and the search finds the new words, and not the old ones */
	struct party_filter pf = { .q = "moestuin", .limit = 10 };
	struct party *found;
	assert_int_equal(party_list(db, a, &mia_v, &pf, &p, &found, &n, &next), 0);
	assert_int_equal(n, 1);
	assert_string_equal(found[0].id, party_id);
	pf.q = "verdwijnt";
	assert_int_equal(party_list(db, a, &mia_v, &pf, &p, &found, &n, &next), 0);
	assert_int_equal(n, 0);
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
	verbose = getenv("WRITECOST_VERBOSE") != NULL;
	snprintf(db_path, sizeof db_path, "/tmp/kiem-test-writecost-XXXXXX");
	int fd = mkstemp(db_path);
	if (fd < 0)
		return -1;
	close(fd);
	int applied;
	if (store_open(&db, db_path, STORE_CREATE) || store_migrate(db, &applied) || role_seed(db))
		return -1;
	if (add_user("ada@example.nl", "Ada", PROLE_ADMIN, &admin_v) ||
	    add_user("mia@example.nl", "Mia", PROLE_USER, &mia_v))
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
	testdb_remove(db_path);
	return 0;
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_party_create),
		cmocka_unit_test(test_party_update),
		cmocka_unit_test(test_party_update_other),
		cmocka_unit_test(test_issue_create),
		cmocka_unit_test(test_signal_create),
		cmocka_unit_test(test_indexes_agree_with_rows),
	};
	return cmocka_run_group_tests_name("writecost", tests, setup, teardown);
}
