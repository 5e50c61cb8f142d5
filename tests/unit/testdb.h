/* The unit tests' databases. testdb_remove: what a test that made a SQLite
 * file at path removes when it is done (the log, the shared memory, a
 * rollback journal and the outbox key beside it). struct testdb: a database
 * on the backend under test, for the tests that run on both (PG_UNIT in
 * the Makefile), where each store opened on it plays a kiem node. Include
 * after cmocka.h. */
#ifndef KIEM_TESTDB_H
#define KIEM_TESTDB_H

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../src/store/store.h"

static void testdb_remove(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal", ".key" };
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		char p[256];
		snprintf(p, sizeof p, "%s%s", path, suffix[i]);
		unlink(p);
	}
}

/* Runs sql on the PostgreSQL database of conninfo, on a connection of its
 * own: 0, or -1 when it failed. */
static inline int testdb_pg_exec(const char *conninfo, const char *sql)
{
	PGconn *c = PQconnectdb(conninfo);
	PGresult *r = PQexec(c, sql);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	PQclear(r);
	PQfinish(c);
	return ok ? 0 : -1;
}

struct testdb {
	char path[64];      /* the SQLite file; empty on PostgreSQL */
	const char *target; /* what store_open is given */
	unsigned flags;
};

/* PostgreSQL when KIEM_PG is a conninfo (its schema public is emptied
 * first: what a run before left goes), else a new SQLite file whose name
 * has name in it. 0, or -1 when there is none. */
static inline int testdb_init(struct testdb *t, const char *name)
{
	*t = (struct testdb){ 0 };
	const char *pg = getenv("KIEM_PG");
	if (pg && *pg) {
		if (testdb_pg_exec(pg, "SET client_min_messages = warning; DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
			return -1;
		t->target = pg;
		t->flags = STORE_PG;
		print_message("on PostgreSQL (KIEM_PG)\n");
		return 0;
	}
	snprintf(t->path, sizeof t->path, "/tmp/kiem-test-%s-XXXXXX", name);
	int fd = mkstemp(t->path);
	if (fd < 0)
		return -1;
	close(fd);
	t->target = t->path;
	t->flags = STORE_CREATE;
	print_message("on SQLite (set KIEM_PG for PostgreSQL)\n");
	return 0;
}

static inline bool testdb_pg(const struct testdb *t)
{
	return t->flags & STORE_PG;
}

/* Another store on the database: another node (store_open's result). */
static inline int testdb_open(const struct testdb *t, struct store **s)
{
	return store_open(s, t->target, t->flags);
}

/* Removes the SQLite file; a PostgreSQL database stays for the next run
 * to empty. */
static inline void testdb_release(struct testdb *t)
{
	if (t->path[0])
		testdb_remove(t->path);
}

#endif
