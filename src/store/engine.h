/* engine: the two implementations of store.h in one binary.
 *
 * sqlite.c and pg.c each implement every function of store.h, under the
 * prefix sqlite_store_ (sqlite.c is compiled with sqlite_names.h, which
 * renames its functions) and pg_store_. store.c holds the functions of
 * store.h, which pass each call to the engine of the object it is given:
 * every struct store, store_conn and store_stmt an engine makes starts with
 * a pointer to its engine (below), so one process can open a SQLite store
 * and a PostgreSQL store at once (kiem migrate-to-pg), at the cost of one
 * indirect call as before. Only store/ includes this header. A new function
 * of store.h goes into the list below, into sqlite_names.h, and into pg.c. */
#ifndef KIEM_STORE_ENGINE_H
#define KIEM_STORE_ENGINE_H

#include "store.h"

/* The engines' function tables (store.c). Each engine's struct store,
 * store_conn and store_stmt has as its first member
 *     const struct engine *engine;
 * set to its own table where it makes the object; store.c reads it there. */
struct engine;
extern const struct engine sqlite_engine, pg_engine;

/* Every function of store.h an engine implements whose first argument is
 * the object to pass it on by, as X(return type, name, parameters,
 * arguments); the void ones apart, as C cannot return them; store_open,
 * store_close, store_prepare (which take NULL) and store_queries below. */
#define STORE_ENGINE_FUNCS(X)                                                                  \
	X(const char *, engine_version, (struct store *s), (s))                                \
	X(int, migrate, (struct store *s, int *applied), (s, applied))                         \
	X(int, schema_version, (struct store *s), (s))                                          \
	X(struct store_conn *, reader, (struct store *s), (s))                                 \
	X(int, read_begin, (struct store *s), (s))                                              \
	X(struct store_conn *, write_begin, (struct store *s), (s))                            \
	X(int, write_end, (struct store *s, bool commit), (s, commit))                         \
	X(int, write_end_aside, (struct store *s, bool commit), (s, commit))                   \
	X(int, checkpoint, (struct store *s), (s))                                              \
	X(int, scrub, (struct store *s), (s))                                                   \
	X(int, stmt_reprepares, (struct store_stmt *st), (st))                                  \
	X(int, step, (struct store_stmt *st), (st))                                             \
	X(const char *, text, (struct store_stmt *st, int col), (st, col))                     \
	X(size_t, bytes, (struct store_stmt *st, int col), (st, col))                          \
	X(int64_t, int, (struct store_stmt *st, int col), (st, col))                           \
	X(bool, is_null, (struct store_stmt *st, int col), (st, col))                          \
	X(int, run, (struct store_stmt *st), (st))                                              \
	X(uint64_t, generation, (struct store *s), (s))                                         \
	X(int, changes, (struct store_conn *c), (c))

#define STORE_ENGINE_VOIDS(X)                                                                  \
	X(read_end, (struct store *s), (s))                                                     \
	X(bind_text, (struct store_stmt *st, int i, const char *p, size_t n), (st, i, p, n))    \
	X(bind_str, (struct store_stmt *st, int i, const char *s), (st, i, s))                  \
	X(bind_int, (struct store_stmt *st, int i, int64_t v), (st, i, v))                      \
	X(bind_null, (struct store_stmt *st, int i), (st, i))                                   \
	X(reset, (struct store_stmt *st), (st))                                                 \
	X(interrupt, (struct store *s), (s))

#define STORE_ENGINE_DECLARE(ret, name, params, args) \
	ret sqlite_store_##name params;                  \
	ret pg_store_##name params;
#define STORE_ENGINE_DECLARE_VOID(name, params, args) STORE_ENGINE_DECLARE(void, name, params, args)
STORE_ENGINE_FUNCS(STORE_ENGINE_DECLARE)
STORE_ENGINE_VOIDS(STORE_ENGINE_DECLARE_VOID)

/* Each engine's store_open(), which store.c's chooses between, and the
 * functions store.c passes on by hand. */
int sqlite_store_open(struct store **out, const char *path, unsigned flags);
int pg_store_open(struct store **out, const char *conninfo, unsigned flags);
void sqlite_store_close(struct store *s);
void pg_store_close(struct store *s);
struct store_stmt *sqlite_store_prepare(struct store_conn *c, const char *sql);
struct store_stmt *pg_store_prepare(struct store_conn *c, const char *sql);
uint64_t sqlite_store_queries(void);
uint64_t pg_store_queries(void);

/* The engine-neutral helpers sqlite.c defines (renamed like the rest). */
const char *sqlite_store_like_contains(struct arena *a, const char *text);
bool sqlite_store_fts_query(const char *text, char *out, size_t n);

#endif
