/* store: the database behind kiem, through one small interface.
 *
 * The model speaks portable SQL with ?1-style placeholders through these
 * functions and never sees the engine: SQLite (sqlite.c) or, when
 * store_open() has STORE_PG, PostgreSQL (pg.c, which rewrites the SQL as
 * docs/postgresql-port.md says). One engine per process (engine.h).
 *
 * Connections: one long-lived writer does every write (and, in SQLite, every
 * checkpoint); callers take it with store_write_begin() and give it back with
 * store_write_end(), which serialises writers. Readers are one connection per
 * thread, opened on first use by store_reader(), and never checkpoint.
 *
 * Statements are prepared once per connection and kept by the address of
 * their SQL text, which must therefore be a string literal. A statement
 * lives as long as its connection: one a caller holds is never finalized or
 * moved, however many others are prepared meanwhile. The same text on the
 * same connection is the same statement, so code stepping through one
 * must not call code that prepares that text again. */
#ifndef KIEM_STORE_H
#define KIEM_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct store;
struct store_conn;
struct store_stmt;

enum store_flags {
	STORE_CREATE = 1, /* create the file if it does not exist */
	STORE_PG = 2, /* the target is a PostgreSQL conninfo, not a file (pg.c) */
};

enum { STORE_DONE = 0, STORE_ROW = 1 };

int store_open(struct store **out, const char *target, unsigned flags);
void store_close(struct store *s);
/* The name and version of s's engine, for the start-up log. */
const char *store_engine_version(struct store *s);
/* Applies the migrations the database lacks; *applied counts them. */
int store_migrate(struct store *s, int *applied);
/* The schema version of the database (0 for a new one). */
int store_schema_version(struct store *s);

/* This thread's read connection. */
struct store_conn *store_reader(struct store *s);
/* Runs this thread's reads until store_read_end() in one transaction: one
 * snapshot, and one lock instead of one per statement. Only for work that
 * does not write: the snapshot would not see the write. */
int store_read_begin(struct store *s);
void store_read_end(struct store *s);
/* Takes the writer and starts a transaction; store_write_end() commits when
 * commit is true and rc is 0, else rolls back, and releases the writer.
 * Returns the commit's result (ERR_DB when it fails). */
struct store_conn *store_write_begin(struct store *s);
int store_write_end(struct store *s, bool commit);
/* The same for a write that no kept answer depends on (sessions, login
 * bookkeeping): it leaves the generation as it is. */
int store_write_end_aside(struct store *s, bool commit);
/* Copies the write-ahead log into the database and empties it (TRUNCATE),
 * waiting for readers; after an erasure, so that no old page stays in the
 * log. ERR_DB if it could not finish (logged). */
int store_checkpoint(struct store *s);
/* Rewrites the database so that nothing deleted or overwritten stays
 * readable in its files: after an erasure. Zeroing what a write removes
 * (SQLite's secure_delete) is not enough: a page that is rebuilt when rows
 * move leaves old copies of them in its free space, a full-text index keeps
 * the words of deleted rows in its segments until they merge, and the
 * write-ahead log keeps old pages. So this merges every full-text index
 * into one segment, makes a fresh copy of every page (VACUUM) and empties
 * the log. It holds the writer meanwhile: about 4 s per 300 MB here, and
 * it needs free disk space twice the database's size. ERR_DB if a step
 * failed (logged). */
int store_scrub(struct store *s);

/* How often SQLite prepared st again since it was first prepared: after a
 * change of the schema, never because of the values bound (tests). */
int store_stmt_reprepares(struct store_stmt *st);

/* The connection's statement for this SQL text, prepared on first use; NULL
 * when the SQL does not prepare (logged). */
struct store_stmt *store_prepare(struct store_conn *c, const char *sql);
/* Binds text by index (1-based); a NULL pointer binds SQL NULL. The text must
 * live until the statement is reset. */
void store_bind_text(struct store_stmt *st, int i, const char *p, size_t n);
void store_bind_str(struct store_stmt *st, int i, const char *s);
void store_bind_int(struct store_stmt *st, int i, int64_t v);
void store_bind_null(struct store_stmt *st, int i);
/* STORE_ROW, STORE_DONE, ERR_CONFLICT on a constraint, ERR_DB otherwise. */
int store_step(struct store_stmt *st);
/* How many statements this thread has run since it started (a statement
 * runs from its first step to its reset): what a request costs is the
 * difference before and after it, which the access log shows. */
uint64_t store_queries(void);
/* Resets and clears the bindings; call when done with a statement. */
void store_reset(struct store_stmt *st);
/* Column values of the current row (0-based); text is "" for NULL. */
const char *store_text(struct store_stmt *st, int col);
size_t store_bytes(struct store_stmt *st, int col);
int64_t store_int(struct store_stmt *st, int col);
bool store_is_null(struct store_stmt *st, int col);
/* Runs a statement to the end with no rows wanted, then resets it. */
int store_run(struct store_stmt *st);
/* A number that changes with every write this process commits: what was
 * computed from the data at one generation is still right while it holds. */
uint64_t store_generation(struct store *s);
/* Stops the statements running on every read connection (they fail with
 * ERR_DB): for a shutdown that should not wait for a slow read. */
void store_interrupt(struct store *s);
/* Rows changed by the last statement on the connection. */
int store_changes(struct store_conn *c);

/* A LIKE pattern (for "... LIKE ?n ESCAPE '\\'") that matches text containing
 * the given text, its % and _ taken literally; NULL for NULL or "". */
const char *store_like_contains(struct arena *a, const char *text);

/* Turns free text into a full-text query that matches every word as a
 * prefix, with the engine's syntax characters taken as plain text. Writes
 * to out (at most n bytes); false if the text has no words. */
bool store_fts_query(const char *text, char *out, size_t n);

#endif
