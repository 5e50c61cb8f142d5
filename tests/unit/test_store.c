/* Unit tests of src/store: opening, migrations, statements, transactions,
 * full-text queries. Each run uses a fresh temporary database file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/base/err.h"
#include "../../src/base/log.h"
#include "../../src/store/schema.h"
#include "../../src/store/store.h"
#include "testdb.h"
#include "group_commit.h"

static char db_path[64];
static struct store *db;

/* Silences the log around errors a test provokes on purpose. */
static void quiet(bool q)
{
	log_set_level(q ? (enum log_level)(LOG_ERROR + 1) : LOG_INFO);
}

/* Runs one statement on the writer, in its own transaction. */
static int write_sql(const char *sql)
{
	struct store_conn *c = store_write_begin(db);
	assert_non_null(c);
	struct store_stmt *st = store_prepare(c, sql);
	int rc = st ? store_run(st) : ERR_DB;
	int crc = store_write_end(db, rc == 0);
	return rc ? rc : crc;
}

static int64_t count_rows(struct store_conn *c, const char *sql)
{
	struct store_stmt *st = store_prepare(c, sql);
	assert_non_null(st);
	assert_int_equal(store_step(st), STORE_ROW);
	int64_t n = store_int(st, 0);
	store_reset(st);
	return n;
}

/* ---- opening and migrating ---- */

static void test_open_missing(void **state)
{
	(void)state;
	char p[80];
	snprintf(p, sizeof p, "%s-missing", db_path);
	struct store *s = NULL;
	quiet(true);
	int rc = store_open(&s, p, 0);
	quiet(false);
	assert_int_equal(rc, ERR_DB);
	assert_null(s);
	assert_int_equal(access(p, F_OK), -1); /* and it made no file */
}

static void test_migrate(void **state)
{
	(void)state;
	assert_true(schema_count >= 1);
	assert_int_equal(store_schema_version(db), 0);
	int applied = -1;
	assert_int_equal(store_migrate(db, &applied), 0);
	assert_int_equal(applied, schema_count);
	assert_int_equal(store_schema_version(db), schema_count);
	/* a second run has nothing to do */
	applied = -1;
	assert_int_equal(store_migrate(db, &applied), 0);
	assert_int_equal(applied, 0);
	assert_int_equal(store_schema_version(db), schema_count);
	/* the tables are there */
	struct store_conn *r = store_reader(db);
	assert_non_null(r);
	assert_int_equal(count_rows(r, "SELECT count(*) FROM sqlite_master WHERE name = 'parties'"), 1);
	assert_int_equal(count_rows(r, "SELECT count(*) FROM sqlite_master WHERE name = 'party_search'"), 1);
	assert_non_null(strstr(store_engine_version(db), "SQLite 3."));
}

static void test_wal_and_pragmas(void **state)
{
	(void)state;
	struct store_conn *r = store_reader(db);
	struct store_stmt *st = store_prepare(r, "PRAGMA journal_mode");
	assert_non_null(st);
	assert_int_equal(store_step(st), STORE_ROW);
	assert_string_equal(store_text(st, 0), "wal");
	store_reset(st);
	assert_int_equal(count_rows(r, "PRAGMA foreign_keys"), 1);
	assert_int_equal(count_rows(r, "PRAGMA mmap_size"), 0);
	/* the writer too */
	struct store_conn *w = store_write_begin(db);
	assert_non_null(w);
	assert_int_equal(count_rows(w, "PRAGMA foreign_keys"), 1);
	assert_int_equal(count_rows(w, "PRAGMA synchronous"), 2); /* FULL */
	assert_int_equal(count_rows(w, "PRAGMA mmap_size"), 0);
	assert_int_equal(store_write_end(db, false), 0);
}

/* ---- statements ---- */

static void test_statements(void **state)
{
	(void)state;
	assert_int_equal(write_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
				   " note TEXT, n INTEGER)"), 0);
	struct store_conn *c = store_write_begin(db);
	assert_non_null(c);
	struct store_stmt *ins = store_prepare(c, "INSERT INTO t (id, name, note, n) VALUES (?1, ?2, ?3, ?4)");
	assert_non_null(ins);
	store_bind_int(ins, 1, 1);
	store_bind_str(ins, 2, "een");
	store_bind_str(ins, 3, NULL); /* NULL pointer binds SQL NULL */
	store_bind_int(ins, 4, INT64_MAX);
	assert_int_equal(store_run(ins), STORE_DONE);
	assert_int_equal(store_changes(c), 1);
	store_bind_int(ins, 1, 2);
	store_bind_text(ins, 2, "tweeXXX", 4); /* only n bytes */
	store_bind_str(ins, 3, "caf\xc3\xa9");
	store_bind_null(ins, 4);
	assert_int_equal(store_run(ins), STORE_DONE);
	/* reset clears the bindings: an unbound name is NULL, which NOT NULL refuses */
	store_bind_int(ins, 1, 3);
	assert_int_equal(store_run(ins), ERR_CONFLICT);
	assert_int_equal(store_write_end(db, true), 0);

	struct store_conn *r = store_reader(db);
	struct store_stmt *sel = store_prepare(r, "SELECT id, name, note, n FROM t WHERE id >= ?1 ORDER BY id");
	assert_non_null(sel);
	store_bind_int(sel, 1, 1);
	assert_int_equal(store_step(sel), STORE_ROW);
	assert_int_equal(store_int(sel, 0), 1);
	assert_string_equal(store_text(sel, 1), "een");
	assert_true(store_is_null(sel, 2));
	assert_string_equal(store_text(sel, 2), ""); /* NULL reads as "" */
	assert_false(store_is_null(sel, 3));
	assert_int_equal(store_int(sel, 3), INT64_MAX);
	assert_int_equal(store_step(sel), STORE_ROW);
	assert_int_equal(store_int(sel, 0), 2);
	assert_string_equal(store_text(sel, 1), "twee");
	assert_int_equal(store_bytes(sel, 1), 4);
	assert_string_equal(store_text(sel, 2), "caf\xc3\xa9");
	assert_int_equal(store_bytes(sel, 2), 5);
	assert_true(store_is_null(sel, 3));
	assert_int_equal(store_step(sel), STORE_DONE);
	store_reset(sel);
	/* after a reset the statement runs again from the start */
	store_bind_int(sel, 1, 2);
	assert_int_equal(store_step(sel), STORE_ROW);
	assert_int_equal(store_int(sel, 0), 2);
	store_reset(sel);

	/* SQL that does not prepare gives NULL */
	quiet(true);
	assert_null(store_prepare(r, "SELEKT nothing"));
	assert_null(store_prepare(r, "SELECT * FROM no_such_table"));
	assert_null(store_prepare(NULL, "SELECT 1"));
	quiet(false);
}

static void test_statement_cache(void **state)
{
	(void)state;
	static const char sql[] = "SELECT 'cache', ?1";
	struct store_conn *r = store_reader(db);
	struct store_stmt *a = store_prepare(r, sql);
	assert_non_null(a);
	for (int i = 0; i < 3; i++) /* the same literal: the same statement */
		assert_ptr_equal(store_prepare(r, sql), a);
	/* the cache is keyed by the address of the text: the same SQL at
	 * another address is another statement */
	static char copy[] = "SELECT 'cache', ?1";
	struct store_stmt *b = store_prepare(r, copy);
	assert_non_null(b);
	assert_ptr_not_equal(a, b);
	assert_ptr_equal(store_prepare(r, copy), b);
	/* the writer has its own statements */
	struct store_conn *w = store_write_begin(db);
	struct store_stmt *wa = store_prepare(w, sql);
	assert_non_null(wa);
	assert_ptr_not_equal(wa, a);
	store_write_end(db, false);
	/* a cached statement still works, and bindings do not leak between uses */
	store_bind_str(a, 1, "x");
	assert_int_equal(store_step(a), STORE_ROW);
	assert_string_equal(store_text(a, 1), "x");
	store_reset(a);
	assert_int_equal(store_step(a), STORE_ROW);
	assert_true(store_is_null(a, 1));
	store_reset(a);
}

/* A statement a caller holds stays its own, however many other statements
 * the connection prepares meanwhile (the old cache of 96 finalized the
 * oldest and moved the rest under their holders). */
/* A bound LIKE pattern does not make SQLite prepare the statement again
 * at each new value (the planner's stability guarantee): before, the issue
 * page's comments were prepared afresh on every request. */
static void test_like_pattern_keeps_its_plan(void **state)
{
	(void)state;
	static const char sql[] = "SELECT count(*) FROM sqlite_master WHERE name LIKE ?1 ESCAPE '\\'";
	struct store_stmt *st = store_prepare(store_reader(db), sql);
	assert_non_null(st);
	static const char *const patterns[] = { "%a%", NULL, "b%", "%", NULL };
	for (size_t i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
		store_bind_str(st, 1, patterns[i]);
		assert_int_equal(store_step(st), STORE_ROW);
		store_reset(st);
	}
	assert_int_equal(store_stmt_reprepares(st), 0);
}

static void test_held_statements(void **state)
{
	(void)state;
	static const char sql_a[] = "SELECT 'held a', ?1";
	static const char sql_b[] = "SELECT 'held b', ?1 UNION ALL SELECT 'held b', ?1 + 1";
	static char others[400][40]; /* distinct addresses: distinct statements */
	struct store_conn *r = store_reader(db);
	struct store_stmt *a = store_prepare(r, sql_a), *b = store_prepare(r, sql_b);
	assert_non_null(a);
	assert_non_null(b);
	/* b is held in the middle of its rows, as a loop over a result holds it */
	store_bind_int(b, 1, 7);
	assert_int_equal(store_step(b), STORE_ROW);
	assert_int_equal(store_int(b, 1), 7);
	for (int i = 0; i < 400; i++) {
		snprintf(others[i], sizeof others[i], "SELECT %d, ?1", i);
		struct store_stmt *st = store_prepare(r, others[i]);
		assert_non_null(st);
		store_bind_int(st, 1, -i);
		assert_int_equal(store_step(st), STORE_ROW);
		assert_int_equal(store_int(st, 0), i);
		assert_int_equal(store_int(st, 1), -i);
		store_reset(st);
	}
	/* b goes on with its own next row */
	assert_string_equal(store_text(b, 0), "held b");
	assert_int_equal(store_step(b), STORE_ROW);
	assert_string_equal(store_text(b, 0), "held b");
	assert_int_equal(store_int(b, 1), 8);
	assert_int_equal(store_step(b), STORE_DONE);
	store_reset(b);
	/* a still runs its own SQL, and the same text still finds it */
	store_bind_str(a, 1, "x");
	assert_int_equal(store_step(a), STORE_ROW);
	assert_string_equal(store_text(a, 0), "held a");
	assert_string_equal(store_text(a, 1), "x");
	store_reset(a);
	assert_ptr_equal(store_prepare(r, sql_a), a);
	assert_ptr_equal(store_prepare(r, sql_b), b);
	/* and so does every other one */
	for (int i = 0; i < 400; i += 37) {
		struct store_stmt *st = store_prepare(r, others[i]);
		assert_int_equal(store_step(st), STORE_ROW);
		assert_int_equal(store_int(st, 0), i);
		store_reset(st);
	}
}

static void *other_thread(void *arg)
{
	struct store_conn **out = arg;
	out[0] = store_reader(db);
	out[1] = store_reader(db);
	return NULL;
}

static void test_reader_per_thread(void **state)
{
	(void)state;
	struct store_conn *mine = store_reader(db);
	assert_non_null(mine);
	assert_ptr_equal(store_reader(db), mine);
	struct store_conn *theirs[2] = { 0 };
	pthread_t th;
	assert_int_equal(pthread_create(&th, NULL, other_thread, theirs), 0);
	pthread_join(th, NULL);
	assert_non_null(theirs[0]);
	assert_ptr_equal(theirs[0], theirs[1]);
	assert_ptr_not_equal(theirs[0], mine);
}

static void test_reader_is_read_only(void **state)
{
	(void)state;
	struct store_conn *r = store_reader(db);
	struct store_stmt *st = store_prepare(r, "INSERT INTO t (id, name) VALUES (99, 'via reader')");
	quiet(true);
	int rc = st ? store_run(st) : ERR_DB; /* may refuse at prepare or at step */
	quiet(false);
	assert_int_equal(rc, ERR_DB);
	assert_int_equal(count_rows(r, "SELECT count(*) FROM t WHERE id = 99"), 0);
}

static void test_constraint_conflict(void **state)
{
	(void)state;
	struct store_conn *c = store_write_begin(db);
	struct store_stmt *ins = store_prepare(c, "INSERT INTO t (id, name) VALUES (?1, ?2)");
	assert_non_null(ins);
	/* primary key */
	store_bind_int(ins, 1, 1);
	store_bind_str(ins, 2, "other");
	assert_int_equal(store_run(ins), ERR_CONFLICT);
	/* unique */
	store_bind_int(ins, 1, 50);
	store_bind_str(ins, 2, "een");
	assert_int_equal(store_run(ins), ERR_CONFLICT);
	/* the transaction goes on after a conflict */
	store_bind_int(ins, 1, 51);
	store_bind_str(ins, 2, "eenenvijftig");
	assert_int_equal(store_run(ins), STORE_DONE);
	/* a foreign key (on in every connection) */
	struct store_stmt *fk = store_prepare(c,
		"INSERT INTO party_areas (party_id, area_code) VALUES ('nope', 'NOPE')");
	assert_non_null(fk);
	assert_int_equal(store_run(fk), ERR_CONFLICT);
	/* other failures are ERR_DB, not ERR_CONFLICT */
	struct store_stmt *bad = store_prepare(c, "SELECT abs(-9223372036854775807 - 1)");
	assert_non_null(bad);
	quiet(true);
	int rc = store_step(bad);
	quiet(false);
	assert_int_equal(rc, ERR_DB);
	store_reset(bad);
	assert_int_equal(store_write_end(db, true), 0);
	assert_int_equal(count_rows(store_reader(db), "SELECT count(*) FROM t WHERE id = 51"), 1);
}

static void test_write_rollback(void **state)
{
	(void)state;
	struct store_conn *r = store_reader(db);
	int64_t before = count_rows(r, "SELECT count(*) FROM t");
	struct store_conn *c = store_write_begin(db);
	assert_non_null(c);
	struct store_stmt *ins = store_prepare(c, "INSERT INTO t (id, name) VALUES (?1, ?2)");
	store_bind_int(ins, 1, 200);
	store_bind_str(ins, 2, "rolled back");
	assert_int_equal(store_run(ins), STORE_DONE);
	struct store_stmt *del = store_prepare(c, "DELETE FROM t WHERE id = 1");
	assert_int_equal(store_run(del), STORE_DONE);
	assert_int_equal(store_changes(c), 1);
	/* inside the transaction the writer sees its changes; the reader does not */
	assert_int_equal(count_rows(c, "SELECT count(*) FROM t WHERE id = 200"), 1);
	assert_int_equal(count_rows(r, "SELECT count(*) FROM t WHERE id = 200"), 0);
	assert_int_equal(store_write_end(db, false), 0);
	/* nothing of it is left, for the writer nor the reader */
	assert_int_equal(count_rows(r, "SELECT count(*) FROM t"), before);
	assert_int_equal(count_rows(r, "SELECT count(*) FROM t WHERE id = 200"), 0);
	assert_int_equal(count_rows(r, "SELECT count(*) FROM t WHERE id = 1"), 1);
	c = store_write_begin(db);
	assert_int_equal(count_rows(c, "SELECT count(*) FROM t WHERE id IN (1, 200)"), 1);
	assert_int_equal(store_write_end(db, false), 0);

	/* and a commit keeps it, visible to readers afterwards */
	c = store_write_begin(db);
	ins = store_prepare(c, "INSERT INTO t (id, name) VALUES (?1, ?2)");
	store_bind_int(ins, 1, 201);
	store_bind_str(ins, 2, "kept");
	assert_int_equal(store_run(ins), STORE_DONE);
	assert_int_equal(store_write_end(db, true), 0);
	assert_int_equal(count_rows(r, "SELECT count(*) FROM t WHERE id = 201"), 1);
}

static void test_durable_across_reopen(void **state)
{
	(void)state;
	store_close(db);
	db = NULL;
	assert_int_equal(store_open(&db, db_path, 0), 0); /* exists now: no CREATE needed */
	assert_int_equal(store_schema_version(db), schema_count);
	struct store_conn *r = store_reader(db);
	assert_int_equal(count_rows(r, "SELECT count(*) FROM t WHERE id IN (1, 2, 51, 201)"), 4);
	assert_int_equal(count_rows(r, "SELECT count(*) FROM t WHERE id = 200"), 0);
}

/* ---- group commit (group_commit.h) ---- */

static void test_group_commit(void **state)
{
	(void)state;
	gc_run(db);
}

/* The writer's commits never checkpoint (wal_autocheckpoint is 0): a thread
 * of the store's does once the log passes 1,000 pages, so the pages of a
 * large write reach the database file soon after, with no checkpoint
 * asked for. */
static void test_checkpoint_in_background(void **state)
{
	(void)state;
	struct store_conn *c = store_write_begin(db);
	assert_non_null(c);
	assert_int_equal(count_rows(c, "PRAGMA wal_autocheckpoint"), 0);
	assert_int_equal(store_write_end(db, false), 0);
	struct stat before, now;
	assert_int_equal(stat(db_path, &before), 0);
	assert_int_equal(write_sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
				   " INSERT INTO t (id, name) SELECT 100000 + i, hex(randomblob(500)) FROM n"),
			 0);
	bool grown = false;
	for (int i = 0; i < 100 && !grown; i++) {
		assert_int_equal(stat(db_path, &now), 0);
		grown = now.st_size >= before.st_size + 4 * 1024 * 1024;
		if (!grown)
			usleep(50 * 1000);
	}
	assert_true(grown);
	assert_int_equal(write_sql("DELETE FROM t WHERE id > 100000"), 0);
}

/* ---- full-text queries ---- */

static void test_fts_query_text(void **state)
{
	(void)state;
	char q[256];
	assert_true(store_fts_query("\"foo\" OR bar*", q, sizeof q));
	assert_string_equal(q, "\"foo\"* \"OR\"* \"bar\"*");
	assert_true(store_fts_query("hello", q, sizeof q));
	assert_string_equal(q, "\"hello\"*");
	assert_true(store_fts_query("  a-b (c) ^d:e NEAR/2 ", q, sizeof q));
	assert_string_equal(q, "\"a\"* \"b\"* \"c\"* \"d\"* \"e\"* \"NEAR\"* \"2\"*");
	assert_true(store_fts_query("caf\xc3\xa9 zorg", q, sizeof q));
	assert_string_equal(q, "\"caf\xc3\xa9\"* \"zorg\"*");
	/* no syntax character survives: only words, quotes around them, stars */
	assert_true(store_fts_query("a\"b*c:d(e)f^g+h-i{j}k,l.m;n/o\\p", q, sizeof q));
	for (const char *c = q; *c; c++)
		assert_non_null(strchr("abcdefghijklmnop\"* ", *c));

	/* no words: false */
	assert_false(store_fts_query("", q, sizeof q));
	assert_false(store_fts_query("   ", q, sizeof q));
	assert_false(store_fts_query("\"\" * () - ^ : ...", q, sizeof q));

	/* the output never passes n bytes; what fits is whole words */
	memset(q, 'G', sizeof q);
	assert_true(store_fts_query("hello world", q, 12));
	assert_string_equal(q, "\"hello\"*");
	for (size_t i = 12; i < sizeof q; i++)
		assert_int_equal(q[i], 'G');
	char tiny[1] = { 'G' };
	assert_false(store_fts_query("hello", tiny, 0));
	assert_int_equal(tiny[0], 'G');
	char small[4];
	assert_false(store_fts_query("hello", small, sizeof small));
	assert_string_equal(small, "");

	/* a long input is cut, not overflowed */
	char big[4000];
	for (size_t i = 0; i + 1 < sizeof big; i++)
		big[i] = i % 7 == 6 ? ' ' : 'w';
	big[sizeof big - 1] = 0;
	char out[64];
	memset(out, 0, sizeof out);
	assert_true(store_fts_query(big, out, sizeof out));
	assert_true(strlen(out) < sizeof out);
}

static void test_fts_query_matches(void **state)
{
	(void)state;
	assert_int_equal(write_sql("CREATE VIRTUAL TABLE docs USING fts5(body,"
				   " tokenize = 'unicode61 remove_diacritics 2')"), 0);
	assert_int_equal(write_sql("INSERT INTO docs (rowid, body) VALUES"
				   " (1, 'foolish oration barking'),"
				   " (2, 'foo bar'),"
				   " (3, 'buurtzorg in de wijk'),"
				   " (4, 'Café De Hoek')"), 0);
	struct store_conn *r = store_reader(db);
	static const struct {
		const char *text;
		int64_t count;  /* rows matched */
		int64_t first;  /* the lowest rowid matched */
	} cases[] = {
		{ "\"foo\" OR bar*", 1, 1 },     /* every word, as a prefix */
		{ "foo bar", 2, 1 },
		{ "bark", 1, 1 },
		{ "buurt", 1, 3 },
		{ "wijk)", 1, 3 },
		{ "\"unbalanced", 0, 0 },
		{ "body:foo", 0, 0 },            /* no column filter: "body" is a word */
		{ "NEAR(foo bar)", 0, 0 },
		{ "foo -bar", 2, 1 },            /* no NOT: both are words */
		{ "^foo", 2, 1 },
		{ "cafe", 1, 4 },
		{ "CAF\xc3\x89", 1, 4 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char q[256];
		assert_true(store_fts_query(cases[i].text, q, sizeof q));
		struct store_stmt *st = store_prepare(r,
			"SELECT count(*), min(rowid) FROM docs WHERE docs MATCH ?1");
		assert_non_null(st);
		store_bind_str(st, 1, q);
		int rc = store_step(st);
		if (rc != STORE_ROW)
			fail_msg("query %s from %s failed: %d", q, cases[i].text, rc);
		if (store_int(st, 0) != cases[i].count || store_int(st, 1) != cases[i].first)
			fail_msg("query %s from %s: %lld rows from %lld, want %lld from %lld", q,
				 cases[i].text, (long long)store_int(st, 0), (long long)store_int(st, 1),
				 (long long)cases[i].count, (long long)cases[i].first);
		store_reset(st);
	}
}

/* ---- scrubbing ---- */

/* The database file and its write-ahead log, one after the other, in
 * *data (free() it); their length. */
static size_t read_disk(char **data)
{
	size_t have = 0;
	*data = NULL;
	for (int w = 0; w < 2; w++) {
		char p[80];
		snprintf(p, sizeof p, "%s%s", db_path, w ? "-wal" : "");
		FILE *f = fopen(p, "rb");
		if (!f)
			continue;
		fseek(f, 0, SEEK_END);
		long n = ftell(f);
		fseek(f, 0, SEEK_SET);
		*data = realloc(*data, have + (size_t)(n > 0 ? n : 0) + 1);
		assert_non_null(*data);
		have += fread(*data + have, 1, (size_t)(n > 0 ? n : 0), f);
		fclose(f);
	}
	return have;
}

static int count_in(const char *data, size_t n, const char *s)
{
	int found = 0;
	size_t len = strlen(s);
	for (const char *at = data; data && (at = memmem(at, n - (size_t)(at - data), s, len)); at++)
		found++;
	return found;
}

/* How many times the database file and its write-ahead log hold s. */
static int on_disk(const char *s)
{
	char *data;
	size_t n = read_disk(&data);
	int found = count_in(data, n, s);
	free(data);
	return found;
}

/* After a scrub, nothing deleted or overwritten stays in the file: not the
 * old copies of rows that SQLite leaves in free space when it rebuilds a
 * page (secure_delete zeroes only the cell a write removes), not the words
 * of a deleted row in a full-text index (they stay in its segments until
 * these merge), not old pages in the write-ahead log. */
static void test_scrub(void **state)
{
	(void)state;
	/* people in a shuffled order, then every row grows, half at a time:
	 * pages split and are rebuilt, and some rows leave a copy behind */
	enum { PEOPLE = 2000 };
	assert_int_equal(write_sql("CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT NOT NULL,"
				   " email TEXT NOT NULL UNIQUE, seen TEXT)"), 0);
	assert_int_equal(write_sql("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 2000)"
				   " INSERT INTO people (id, name, email)"
				   " SELECT printf('%08d', (x * 7919) % 2003), printf('Persoon %d Wisselbeek', x),"
				   " printf('persoon-%d-x@voorbeeld.example', x) FROM n ORDER BY (x * 7919) % 2003"), 0);
	assert_int_equal(write_sql("UPDATE people SET seen = '2026-01-01T00:00:00Z' WHERE rowid % 2 = 0"), 0);
	assert_int_equal(write_sql("UPDATE people SET seen = '2026-01-01T00:00:00Z' WHERE rowid % 2 = 1"), 0);
	assert_int_equal(store_checkpoint(db), 0);

	/* those whose name is in the file more than once are erased, as
	 * privacy.c erases: the row stays, anonymised */
	static char names[PEOPLE + 1][40];
	static bool erased[PEOPLE + 1];
	int nerased = 0;
	char *data;
	size_t n = read_disk(&data);
	for (int x = 1; x <= PEOPLE; x++) {
		snprintf(names[x], sizeof names[x], "Persoon %d Wisselbeek", x);
		erased[x] = count_in(data, n, names[x]) > 1;
		nerased += erased[x];
	}
	free(data);
	assert_true(nerased > 0);
	struct store_conn *c = store_write_begin(db);
	assert_non_null(c);
	for (int x = 1; x <= PEOPLE; x++) {
		if (!erased[x])
			continue;
		struct store_stmt *st = store_prepare(c,
			"UPDATE people SET name = 'Verwijderd', email = 'erased-' || id || '@invalid' WHERE name = ?1");
		store_bind_str(st, 1, names[x]);
		assert_int_equal(store_run(st), STORE_DONE);
		assert_int_equal(store_changes(c), 1);
	}
	assert_int_equal(store_write_end(db, true), 0);
	/* a searchable text, deleted as the model deletes it: the index reads
	 * the words to take out from the row (external content), so its entry
	 * goes first, then the row */
	assert_int_equal(write_sql("INSERT INTO parties (seq, id, name, sort_name, kind, description, visibility,"
				   " created_at, updated_at) VALUES (424242, 'p424242', 'Zwelgvlinder', 'zwelgvlinder',"
				   " 'business', 'Kraakbeenmoes en meer', 'public', '2026-01-01', '2026-01-01')"), 0);
	assert_int_equal(write_sql("INSERT INTO party_search (rowid, name, description, tags)"
				   " VALUES (424242, 'Zwelgvlinder', 'Kraakbeenmoes en meer', '')"), 0);
	assert_int_equal(write_sql("DELETE FROM party_search WHERE rowid = 424242"), 0);
	assert_int_equal(write_sql("DELETE FROM parties WHERE seq = 424242"), 0);
	assert_int_equal(store_checkpoint(db), 0);

	/* the control: a checkpoint leaves them in the file */
	for (int x = 1; x <= PEOPLE; x++)
		if (erased[x])
			assert_true(on_disk(names[x]) > 0);
	assert_true(on_disk("kraakbeenmoes") > 0);

	assert_int_equal(store_scrub(db), 0);
	for (int x = 1; x <= PEOPLE; x++)
		if (erased[x] && on_disk(names[x]))
			fail_msg("%s is still in the file after the scrub", names[x]);
	assert_int_equal(on_disk("kraakbeenmoes"), 0);
	assert_int_equal(on_disk("Kraakbeenmoes"), 0);
	/* and the rest is all there, and found */
	struct store_conn *r = store_reader(db);
	assert_int_equal(count_rows(r, "SELECT count(*) FROM people"), PEOPLE);
	assert_int_equal(count_rows(r, "SELECT count(*) FROM people WHERE name = 'Verwijderd'"), nerased);
	assert_int_equal(on_disk("Persoon 1 Wisselbeek") + on_disk("Persoon 2 Wisselbeek"), 2 - erased[1] - erased[2]);
	assert_int_equal(write_sql("INSERT INTO party_search (rowid, name, description, tags)"
				   " VALUES (5, 'Moestuin', 'Groente', '')"), 0);
	assert_int_equal(count_rows(r, "SELECT count(*) FROM party_search WHERE party_search MATCH 'groente'"), 1);
	assert_int_equal(count_rows(r, "SELECT count(*) FROM party_search WHERE party_search MATCH 'kraakbeenmoes'"), 0);
}

/* Every full-text index of the schema is merged by a scrub: a new one needs
 * its statement in schema_fts_optimize. */
static void test_scrub_knows_every_index(void **state)
{
	(void)state;
	struct store_conn *r = store_reader(db);
	assert_int_equal(count_rows(r, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
				       " AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'"), schema_fts_count);
	for (int i = 0; i < schema_fts_count; i++)
		assert_non_null(strstr(schema_fts_optimize[i], "VALUES ('optimize')"));
}

static int setup(void **state)
{
	(void)state;
	snprintf(db_path, sizeof db_path, "/tmp/kiem-test-store-XXXXXX");
	int fd = mkstemp(db_path);
	if (fd < 0)
		return -1;
	close(fd); /* an empty file is an empty database */
	if (store_open(&db, db_path, STORE_CREATE))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(db);
	db = NULL;
	testdb_remove(db_path);
	return 0;
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	/* in order: each builds on what the one before left */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_missing),
		cmocka_unit_test(test_migrate),
		cmocka_unit_test(test_scrub_knows_every_index),
		cmocka_unit_test(test_wal_and_pragmas),
		cmocka_unit_test(test_statements),
		cmocka_unit_test(test_statement_cache),
		cmocka_unit_test(test_like_pattern_keeps_its_plan),
		cmocka_unit_test(test_held_statements),
		cmocka_unit_test(test_reader_per_thread),
		cmocka_unit_test(test_reader_is_read_only),
		cmocka_unit_test(test_constraint_conflict),
		cmocka_unit_test(test_write_rollback),
		cmocka_unit_test(test_durable_across_reopen),
		cmocka_unit_test(test_group_commit),
		cmocka_unit_test(test_checkpoint_in_background),
		cmocka_unit_test(test_fts_query_text),
		cmocka_unit_test(test_fts_query_matches),
		cmocka_unit_test(test_scrub),
	};
	return cmocka_run_group_tests_name("store", tests, setup, teardown);
}
