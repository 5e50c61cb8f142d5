/* The functions of store.h: each passes the call to the engine that
 * store_open() chose (engine.h). */
#include "store.h"

#include "../base/err.h"
#include "../base/log.h"
#include "engine.h"

struct engine {
	int (*open)(struct store **out, const char *target, unsigned flags);
#define FIELD(ret, name, params, args) ret(*name##_) params; /* _: one is int */
#define FIELD_VOID(name, params, args) FIELD(void, name, params, args)
	STORE_ENGINE_FUNCS(FIELD)
	STORE_ENGINE_VOIDS(FIELD_VOID)
#undef FIELD
#undef FIELD_VOID
};

#define SQLITE_FIELD(ret, name, params, args) .name##_ = sqlite_store_##name,
#define SQLITE_FIELD_VOID(name, params, args) .name##_ = sqlite_store_##name,
static const struct engine sqlite_engine = {
	.open = sqlite_store_open,
	STORE_ENGINE_FUNCS(SQLITE_FIELD) STORE_ENGINE_VOIDS(SQLITE_FIELD_VOID)
};
#define PG_FIELD(ret, name, params, args) .name##_ = pg_store_##name,
#define PG_FIELD_VOID(name, params, args) .name##_ = pg_store_##name,
static const struct engine pg_engine = {
	.open = pg_store_open,
	STORE_ENGINE_FUNCS(PG_FIELD) STORE_ENGINE_VOIDS(PG_FIELD_VOID)
};

/* The process's engine: SQLite until a store opens on PostgreSQL. Set once,
 * before the threads start; a process never has stores of both engines. */
static const struct engine *engine = &sqlite_engine;

int store_open(struct store **out, const char *target, unsigned flags)
{
	static bool opened;
	const struct engine *want = flags & STORE_PG ? &pg_engine : &sqlite_engine;
	if (opened && want != engine) {
		log_error("a process opens databases of one engine only");
		return ERR_DB;
	}
	engine = want;
	int rc = engine->open(out, target, flags);
	opened = opened || rc == 0;
	return rc;
}

#define PASS(ret, name, params, args) \
	ret store_##name params { return engine->name##_ args; }
#define PASS_VOID(name, params, args) \
	void store_##name params { engine->name##_ args; }
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
