/* The functions of store.h: each passes the call to the engine of the
 * object it is given (engine.h). */
#include "store.h"

#include "../base/err.h"
#include "engine.h"

struct engine {
	int (*open)(struct store **out, const char *target, unsigned flags);
	void (*close)(struct store *s);
	struct store_stmt *(*prepare)(struct store_conn *c, const char *sql);
#define FIELD(ret, name, params, args) ret(*name##_) params; /* _: one is int */
#define FIELD_VOID(name, params, args) FIELD(void, name, params, args)
	STORE_ENGINE_FUNCS(FIELD)
	STORE_ENGINE_VOIDS(FIELD_VOID)
#undef FIELD
#undef FIELD_VOID
};

#define SQLITE_FIELD(ret, name, params, args) .name##_ = sqlite_store_##name,
#define SQLITE_FIELD_VOID(name, params, args) .name##_ = sqlite_store_##name,
const struct engine sqlite_engine = {
	.open = sqlite_store_open,
	.close = sqlite_store_close,
	.prepare = sqlite_store_prepare,
	STORE_ENGINE_FUNCS(SQLITE_FIELD) STORE_ENGINE_VOIDS(SQLITE_FIELD_VOID)
};
#define PG_FIELD(ret, name, params, args) .name##_ = pg_store_##name,
#define PG_FIELD_VOID(name, params, args) .name##_ = pg_store_##name,
const struct engine pg_engine = {
	.open = pg_store_open,
	.close = pg_store_close,
	.prepare = pg_store_prepare,
	STORE_ENGINE_FUNCS(PG_FIELD) STORE_ENGINE_VOIDS(PG_FIELD_VOID)
};

/* The engine of a store, connection or statement: its first member
 * (engine.h), which a pointer to the struct points at (C11 6.7.2.1). */
#define ENGINE(object) (*(const struct engine *const *)(object))
/* The first of a call's arguments: the object it is passed on by. */
#define FIRST_(object, ...) object
#define FIRST(args) FIRST_ args

int store_open(struct store **out, const char *target, unsigned flags)
{
	const struct engine *e = flags & STORE_PG ? &pg_engine : &sqlite_engine;
	return e->open(out, target, flags);
}

void store_close(struct store *s)
{
	if (s)
		ENGINE(s)->close(s);
}

/* c is NULL when a reader could not be opened; the statement is then too. */
struct store_stmt *store_prepare(struct store_conn *c, const char *sql)
{
	return c ? ENGINE(c)->prepare(c, sql) : NULL;
}

/* Each engine counts the statements of this thread; the thread uses one. */
uint64_t store_queries(void)
{
	return sqlite_store_queries() + pg_store_queries();
}

#define PASS(ret, name, params, args) \
	ret store_##name params { return ENGINE(FIRST(args))->name##_ args; }
#define PASS_VOID(name, params, args) \
	void store_##name params { ENGINE(FIRST(args))->name##_ args; }
STORE_ENGINE_FUNCS(PASS)
STORE_ENGINE_VOIDS(PASS_VOID)

/* Neither depends on the engine: PostgreSQL reads the full-text query
 * through the function fts5_query of its schema (pg.c). */
const char *store_like_contains(struct arena *a, const char *text)
{
	return sqlite_store_like_contains(a, text);
}

bool store_fts_query(const char *text, char *out, size_t n)
{
	return sqlite_store_fts_query(text, out, n);
}
