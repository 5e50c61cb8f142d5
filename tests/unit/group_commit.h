/* The group commit's tests, the same on both engines (test_store.c on
 * SQLite, test_pg.c on PostgreSQL): threads that write at once share
 * commits, one that fails takes none of the others down, and each write is
 * readable from another connection as soon as its store_write_end() has
 * returned. The database is migrated (the settings table is used). */
#ifndef KIEM_TEST_GROUP_COMMIT_H
#define KIEM_TEST_GROUP_COMMIT_H

#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#include "../../src/base/err.h"
#include "../../src/store/store.h"

enum { GC_WRITERS = 16, GC_FAILING = 5 };

struct gc_writer {
	struct store *s;
	int i;
	int rc; /* what the write's store_write_end() (or its statement) said */
	int64_t seen; /* rows of the write a reader found right after */
};

static int64_t gc_count(struct store_conn *c, const char *key)
{
	struct store_stmt *st = store_prepare(c, "SELECT count(*) FROM settings WHERE key = ?1");
	if (!st)
		return -1;
	store_bind_str(st, 1, key);
	int64_t n = store_step(st) == STORE_ROW ? store_int(st, 0) : -1;
	store_reset(st);
	return n;
}

static int gc_insert(struct store_conn *c, const char *key)
{
	struct store_stmt *st = store_prepare(c, "INSERT INTO settings (key, value) VALUES (?1, 'group commit')");
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, key);
	return store_run(st);
}

/* One request's write: the failing one first writes a row of its own,
 * then breaks the primary key, and rolls back. */
static void *gc_write(void *arg)
{
	struct gc_writer *w = arg;
	char key[32];
	snprintf(key, sizeof key, "gc-%d", w->i);
	struct store_conn *c = store_write_begin(w->s);
	if (!c) {
		w->rc = ERR_DB;
		return NULL;
	}
	int rc = gc_insert(c, key);
	if (!rc && w->i == GC_FAILING)
		rc = gc_insert(c, "gc-taken");
	int crc = store_write_end(w->s, rc == 0);
	w->rc = rc ? rc : crc;
	/* this thread's reader, another connection than the writer's */
	w->seen = gc_count(store_reader(w->s), key);
	return NULL;
}

/* Holds the writer while GC_WRITERS threads queue for it, so that they
 * meet in batches; checks what each got and what the database keeps. */
static void gc_run(struct store *s)
{
	struct store_conn *c = store_write_begin(s);
	assert_non_null(c);
	assert_int_equal(gc_insert(c, "gc-taken"), 0);
	uint64_t gen = store_generation(s);
	struct gc_writer w[GC_WRITERS];
	pthread_t th[GC_WRITERS];
	for (int i = 0; i < GC_WRITERS; i++) {
		w[i] = (struct gc_writer){.s = s, .i = i};
		assert_int_equal(pthread_create(&th[i], NULL, gc_write, &w[i]), 0);
	}
	usleep(200 * 1000); /* they all wait for the writer now */
	assert_int_equal(store_write_end(s, true), 0);
	/* ours is readable once write_end returned, whoever committed it */
	assert_int_equal(gc_count(store_reader(s), "gc-taken"), 1);
	for (int i = 0; i < GC_WRITERS; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < GC_WRITERS; i++) {
		if (i == GC_FAILING) {
			assert_int_equal(w[i].rc, ERR_CONFLICT);
			assert_int_equal(w[i].seen, 0); /* its first row went with it */
		} else {
			assert_int_equal(w[i].rc, 0);
			assert_int_equal(w[i].seen, 1);
		}
	}
	/* fewer commits than writes: they were grouped */
	uint64_t commits = store_generation(s) - gen;
	assert_true(commits >= 1);
	assert_true(commits < GC_WRITERS);
	/* a write after the batch begins a transaction of its own again */
	c = store_write_begin(s);
	assert_non_null(c);
	assert_int_equal(gc_insert(c, "gc-after"), 0);
	assert_int_equal(store_write_end(s, true), 0);
	assert_int_equal(gc_count(store_reader(s), "gc-after"), 1);
	/* and a checkpoint takes the writer with no batch left open */
	c = store_write_begin(s);
	assert_int_equal(gc_insert(c, "gc-before-checkpoint"), 0);
	assert_int_equal(store_write_end(s, true), 0);
	assert_int_equal(store_checkpoint(s), 0);
	assert_int_equal(gc_count(store_reader(s), "gc-before-checkpoint"), 1);
}

#endif
