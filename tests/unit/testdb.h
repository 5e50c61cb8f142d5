/* The unit tests' database files: what a test that made one at path
 * removes when it is done (the log, the shared memory, a rollback
 * journal and the outbox key beside it). */
#ifndef KIEM_TESTDB_H
#define KIEM_TESTDB_H

#include <stdio.h>
#include <unistd.h>

static void testdb_remove(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal", ".key" };
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		char p[256];
		snprintf(p, sizeof p, "%s%s", path, suffix[i]);
		unlink(p);
	}
}

#endif
