/* The SQLite implementation of store.h. */
#include "store.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/log.h"
#include "batch.h"
#include "engine.h"
#include "schema.h"

/* A connection's statements, found by the address of their SQL text. The
 * table only grows: a statement is never finalized or moved while its
 * connection lives, so whoever holds one keeps it, across any number of
 * other prepares. It starts with room for every statement kiem has (about
 * 220 call sites) and refuses more than STMTS_MAX, which only SQL that is
 * not a string literal (a new address each time) would reach. */
enum { STMTS_FIRST = 512, STMTS_MAX = 8192 };

struct store_stmt {
	const struct engine *engine; /* first: store.c passes calls on by it (engine.h) */
	sqlite3_stmt *st;
	struct store_conn *conn;
	const char *sql; /* the key: the literal's address */
};

struct store_conn {
	const struct engine *engine; /* first: store.c passes calls on by it (engine.h) */
	sqlite3 *db;
	struct store_conn *next; /* in the store's list, to close at the end */
	struct store_stmt **stmts; /* open addressing; NULL is an empty slot */
	size_t nstmts, cap;
	/* a transaction's begin, commit and rollback, prepared once: run
	 * with every request, sqlite3_exec would parse them each time */
	sqlite3_stmt *begin, *commit, *rollback;
	/* the data's generation as this reader last read it (store_generation) */
	sqlite3_stmt *data_version, *generation, *generation_up;
	int64_t seen_version, seen_generation;
	uint64_t seen_own;   /* this process's commits then (batch_generation) */
	int64_t seen_at;     /* and when, in ns of CLOCK_MONOTONIC */
	bool seen;
	/* the writer's: one request's part of a batch (group commit) */
	sqlite3_stmt *savepoint, *release, *undo;
};

/* Runs one of a connection's transaction statements. */
static int run_tx(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A checkpoint when the log has this many pages (SQLite's default for its
 * automatic one), by a thread of its own rather than in some request's
 * COMMIT. It runs on the writer connection, holding the writer: a second
 * connection that checkpoints while the writer commits is what SQLite's
 * WAL-reset bug (fixed in 3.51.3; Debian 12 has 3.40) needs. */
enum { CKPT_PAGES = 1000 };

struct store {
	const struct engine *engine; /* first: store.c passes calls on by it (engine.h) */
	char *path;
	bool shared_generation; /* the table data_generation counts the commits (schema.c) */
	_Atomic uint64_t known; /* the generation last read: when it cannot be read */
	struct store_conn *writer;
	/* group commit (batch.h); its generation counts the commits, to tell
	 * when data changed */
	struct batch batch;
	/* the checkpointer's thread */
	pthread_t ckpt_thread;
	bool ckpt_running, ckpt_stop, ckpt_due;
	pthread_mutex_t ckpt_lock; /* ckpt_stop, ckpt_due */
	pthread_cond_t ckpt_cond;
	pthread_mutex_t list_lock;
	struct store_conn *readers;
	pthread_key_t reader_key;
};

static int open_conn(const char *path, unsigned flags, bool writer, struct store_conn **out)
{
	struct store_conn *c = calloc(1, sizeof *c);
	if (!c)
		return ERR_NOMEM;
	c->engine = &sqlite_engine;
	int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	if (flags & STORE_CREATE)
		oflags |= SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &c->db, oflags, NULL) != SQLITE_OK) {
		log_error("cannot open database %s: %s", path,
			  c->db ? sqlite3_errmsg(c->db) : "out of memory");
		sqlite3_close(c->db);
		free(c);
		return ERR_DB;
	}
	sqlite3_busy_timeout(c->db, 5000);
	sqlite3_extended_result_codes(c->db, 1);
	/* One plan a statement, whatever its values: without this, a statement
	 * with a bound LIKE pattern (a search, the issue page's comments) is
	 * prepared again each time it is bound, since the planner looked at
	 * the pattern; that took a fifth of the issue page. */
	sqlite3_db_config(c->db, SQLITE_DBCONFIG_ENABLE_QPSG, 1, (int *)0);
	/* Only the writer checkpoints: readers never do, not even on close. */
	if (!writer)
		sqlite3_db_config(c->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
	/* secure_delete: what a write removes is overwritten with zeros, so an
	 * erased account leaves nothing behind in the file (privacy.h) */
	const char *setup = writer ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
				     "PRAGMA foreign_keys=ON; PRAGMA mmap_size=0; PRAGMA secure_delete=ON;"
				     "PRAGMA cache_size=-16000; PRAGMA wal_autocheckpoint=0;"
				   : "PRAGMA foreign_keys=ON; PRAGMA mmap_size=0;"
				     "PRAGMA cache_size=-8000; PRAGMA query_only=ON;";
	char *msg = NULL;
	if (sqlite3_exec(c->db, setup, NULL, NULL, &msg) != SQLITE_OK) {
		log_error("cannot set up database %s: %s", path, msg ? msg : "?");
		sqlite3_free(msg);
		sqlite3_close(c->db);
		free(c);
		return ERR_DB;
	}
	if (sqlite3_prepare_v3(c->db, writer ? "BEGIN IMMEDIATE" : "BEGIN", -1, SQLITE_PREPARE_PERSISTENT,
			       &c->begin, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v3(c->db, "COMMIT", -1, SQLITE_PREPARE_PERSISTENT, &c->commit, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v3(c->db, "ROLLBACK", -1, SQLITE_PREPARE_PERSISTENT, &c->rollback, NULL) != SQLITE_OK ||
	    (writer && (sqlite3_prepare_v3(c->db, "SAVEPOINT request", -1, SQLITE_PREPARE_PERSISTENT, &c->savepoint,
					   NULL) != SQLITE_OK ||
			sqlite3_prepare_v3(c->db, "RELEASE request", -1, SQLITE_PREPARE_PERSISTENT, &c->release, NULL) !=
				SQLITE_OK ||
			sqlite3_prepare_v3(c->db, "ROLLBACK TO request", -1, SQLITE_PREPARE_PERSISTENT, &c->undo,
					   NULL) != SQLITE_OK))) {
		log_error("cannot set up database %s: %s", path, sqlite3_errmsg(c->db));
		sqlite3_finalize(c->begin);
		sqlite3_finalize(c->commit);
		sqlite3_finalize(c->rollback);
		sqlite3_finalize(c->savepoint);
		sqlite3_finalize(c->release);
		sqlite3_close(c->db);
		free(c);
		return ERR_DB;
	}
	*out = c;
	return 0;
}

static void close_conn(struct store_conn *c)
{
	for (size_t i = 0; i < c->cap; i++) {
		if (c->stmts[i]) {
			sqlite3_finalize(c->stmts[i]->st);
			free(c->stmts[i]);
		}
	}
	free(c->stmts);
	sqlite3_finalize(c->begin);
	sqlite3_finalize(c->commit);
	sqlite3_finalize(c->rollback);
	sqlite3_finalize(c->data_version);
	sqlite3_finalize(c->generation);
	sqlite3_finalize(c->generation_up);
	sqlite3_finalize(c->savepoint);
	sqlite3_finalize(c->release);
	sqlite3_finalize(c->undo);
	sqlite3_close(c->db);
	free(c);
}

const char *store_engine_version(struct store *s)
{
	(void)s;
	static char v[64];
	if (!v[0])
		snprintf(v, sizeof v, "SQLite %s", sqlite3_libversion());
	return v;
}

static void global_init(void)
{
	/* SQLite's memory statistics take a global lock on every allocation,
	 * which serialises the reader threads; kiem does not use them. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static void *checkpointer(void *arg);
static const struct batch_ops sqlite_batch;

/* After each commit, with the pages now in the log: a checkpoint is due
 * when they are many (the writer's own, automatic one is off). */
static int wal_hook(void *arg, sqlite3 *db, const char *name, int pages)
{
	(void)db;
	(void)name;
	struct store *s = arg;
	if (pages >= CKPT_PAGES) {
		pthread_mutex_lock(&s->ckpt_lock);
		s->ckpt_due = true;
		pthread_cond_signal(&s->ckpt_cond);
		pthread_mutex_unlock(&s->ckpt_lock);
	}
	return SQLITE_OK;
}

int store_open(struct store **out, const char *path, unsigned flags)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, global_init);
	struct store *s = calloc(1, sizeof *s);
	if (!s)
		return ERR_NOMEM;
	s->engine = &sqlite_engine;
	s->path = strdup(path);
	batch_init(&s->batch, s, &sqlite_batch);
	pthread_mutex_init(&s->ckpt_lock, NULL);
	pthread_cond_init(&s->ckpt_cond, NULL);
	pthread_mutex_init(&s->list_lock, NULL);
	pthread_key_create(&s->reader_key, NULL);
	int rc = open_conn(path, flags, true, &s->writer);
	if (!rc) {
		/* the thread takes no signal: they are for the thread that
		 * waits for them (serve's) */
		sigset_t all, old;
		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old);
		if (pthread_create(&s->ckpt_thread, NULL, checkpointer, s) != 0)
			rc = ERR_NOMEM;
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	}
	if (rc) {
		store_close(s);
		return rc;
	}
	s->ckpt_running = true;
	sqlite3_wal_hook(s->writer->db, wal_hook, s);
	*out = s;
	return 0;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	if (s->ckpt_running) {
		pthread_mutex_lock(&s->ckpt_lock);
		s->ckpt_stop = true;
		pthread_cond_signal(&s->ckpt_cond);
		pthread_mutex_unlock(&s->ckpt_lock);
		pthread_join(s->ckpt_thread, NULL);
	}
	struct store_conn *c = s->readers;
	while (c) {
		struct store_conn *next = c->next;
		close_conn(c);
		c = next;
	}
	/* the last connection to close copies the log into the file */
	if (s->writer)
		close_conn(s->writer);
	pthread_key_delete(s->reader_key);
	batch_release(&s->batch);
	pthread_mutex_destroy(&s->ckpt_lock);
	pthread_cond_destroy(&s->ckpt_cond);
	pthread_mutex_destroy(&s->list_lock);
	free(s->path);
	free(s);
}

struct store_conn *store_reader(struct store *s)
{
	struct store_conn *c = pthread_getspecific(s->reader_key);
	if (c)
		return c;
	if (open_conn(s->path, 0, false, &c))
		return NULL;
	pthread_mutex_lock(&s->list_lock);
	c->next = s->readers;
	s->readers = c;
	pthread_mutex_unlock(&s->list_lock);
	pthread_setspecific(s->reader_key, c);
	return c;
}

int store_read_begin(struct store *s)
{
	struct store_conn *c = store_reader(s);
	if (!c || run_tx(c->begin) != SQLITE_OK)
		return ERR_DB;
	return 0;
}

void store_read_end(struct store *s)
{
	struct store_conn *c = pthread_getspecific(s->reader_key);
	if (c && !sqlite3_get_autocommit(c->db))
		run_tx(c->commit);
}

static int generation_up(struct store *s);

/* Group commit (batch.h): SQLite's part. A failed statement fails only
 * itself, so a request whose savepoint cannot be made fails alone; an I/O
 * error or a full disk rolls back the whole transaction. */
static int tx_begin(struct store *s)
{
	if (run_tx(s->writer->begin) != SQLITE_OK) {
		log_error("cannot begin a write: %s", sqlite3_errmsg(s->writer->db));
		return ERR_DB;
	}
	return 0;
}

static enum batch_tx tx_savepoint(struct store *s)
{
	if (run_tx(s->writer->savepoint) != SQLITE_OK) {
		log_error("cannot begin a write: %s", sqlite3_errmsg(s->writer->db));
		return BATCH_TX_FAILED;
	}
	return BATCH_TX_OK;
}

static enum batch_tx tx_state(struct store *s)
{
	if (sqlite3_get_autocommit(s->writer->db)) {
		/* an error (a full disk, an I/O error) made SQLite roll back
		 * the whole transaction: the batch's other writes are gone too */
		log_error("the write's transaction was rolled back: %s", sqlite3_errmsg(s->writer->db));
		return BATCH_TX_GONE;
	}
	return BATCH_TX_OK;
}

static int tx_release(struct store *s)
{
	if (run_tx(s->writer->release) != SQLITE_OK) {
		log_error("commit failed: %s", sqlite3_errmsg(s->writer->db));
		return ERR_DB;
	}
	return 0;
}

static int tx_undo(struct store *s)
{
	if (run_tx(s->writer->undo) != SQLITE_OK || run_tx(s->writer->release) != SQLITE_OK) {
		log_error("rollback failed: %s", sqlite3_errmsg(s->writer->db));
		return ERR_DB;
	}
	return 0;
}

static int tx_commit(struct store *s, bool changes)
{
	if (changes && generation_up(s))
		return ERR_DB;
	if (run_tx(s->writer->commit) != SQLITE_OK) {
		log_error("commit failed: %s", sqlite3_errmsg(s->writer->db));
		return ERR_DB;
	}
	return 0;
}

static void tx_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->writer->db))
		run_tx(s->writer->rollback);
}

static const struct batch_ops sqlite_batch = {
	.begin = tx_begin,
	.savepoint = tx_savepoint,
	.state = tx_state,
	.release = tx_release,
	.undo = tx_undo,
	.commit = tx_commit,
	.rollback = tx_rollback,
};

struct store_conn *store_write_begin(struct store *s)
{
	return batch_write_begin(&s->batch) ? NULL : s->writer;
}

int store_write_end(struct store *s, bool commit)
{
	return batch_write_end(&s->batch, commit, true);
}

int store_write_end_aside(struct store *s, bool commit)
{
	return batch_write_end(&s->batch, commit, false);
}

/* Copies the write-ahead log into the file and empties it; the caller
 * holds the writer, with no batch open. */
static int checkpoint(struct store *s)
{
	int frames = 0, done = 0;
	int rc = sqlite3_wal_checkpoint_v2(s->writer->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &frames, &done);
	if (rc != SQLITE_OK)
		log_error("checkpoint failed: %s", sqlite3_errmsg(s->writer->db));
	return rc == SQLITE_OK ? 0 : ERR_DB;
}

/* The checkpointer's thread: when the log has grown past CKPT_PAGES, takes
 * the writer between two batches and copies what it can into the file
 * without waiting for readers (PASSIVE). No request's commit carries it;
 * the writes that arrive meanwhile wait and then commit as one batch. The
 * next write after a checkpoint that copied everything starts the log
 * again. */
static void *checkpointer(void *arg)
{
	struct store *s = arg;
	pthread_mutex_lock(&s->ckpt_lock);
	for (;;) {
		while (!s->ckpt_due && !s->ckpt_stop)
			pthread_cond_wait(&s->ckpt_cond, &s->ckpt_lock);
		if (s->ckpt_stop)
			break;
		s->ckpt_due = false;
		pthread_mutex_unlock(&s->ckpt_lock);
		int frames = 0, done = 0;
		batch_take_alone(&s->batch);
		int rc = sqlite3_wal_checkpoint_v2(s->writer->db, NULL, SQLITE_CHECKPOINT_PASSIVE, &frames, &done);
		if (rc != SQLITE_OK && rc != SQLITE_BUSY)
			log_error("checkpoint failed: %s", sqlite3_errmsg(s->writer->db));
		batch_give_alone(&s->batch);
		pthread_mutex_lock(&s->ckpt_lock);
	}
	pthread_mutex_unlock(&s->ckpt_lock);
	return NULL;
}

int store_checkpoint(struct store *s)
{
	batch_take_alone(&s->batch);
	int rc = checkpoint(s);
	batch_give_alone(&s->batch);
	return rc;
}

int store_scrub(struct store *s)
{
	batch_take_alone(&s->batch);
	sqlite3 *db = s->writer->db;
	/* a statement of the writer left in the middle of its rows would stop
	 * the VACUUM; none is in use while the writer is ours */
	for (sqlite3_stmt *st = sqlite3_next_stmt(db, NULL); st; st = sqlite3_next_stmt(db, st))
		sqlite3_reset(st);
	char *msg = NULL;
	const char *step = "merging the full-text indexes";
	int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &msg);
	for (int i = 0; rc == SQLITE_OK && i < schema_fts_count; i++)
		rc = sqlite3_exec(db, schema_fts_optimize[i], NULL, NULL, &msg);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, &msg);
	else if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	if (rc == SQLITE_OK) {
		/* a fresh copy of every page: what secure_delete did not reach
		 * (copies of rows in the free space of pages) does not come along */
		step = "VACUUM";
		rc = sqlite3_exec(db, "VACUUM", NULL, NULL, &msg);
	}
	if (rc != SQLITE_OK) {
		log_error("scrubbing the database failed at %s: %s", step, msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
	}
	/* the log goes in any case: the erasure's own pages are in it */
	int crc = checkpoint(s);
	batch_give_alone(&s->batch);
	return rc != SQLITE_OK ? ERR_DB : crc;
}

/* The slot of sql in a table of cap slots (a power of two): where it is,
 * or the empty slot where it would go. */
static size_t stmt_slot(struct store_stmt **stmts, size_t cap, const char *sql)
{
	size_t i = (size_t)(((uintptr_t)sql >> 3) * UINT64_C(0x9e3779b97f4a7c15) >> 20) & (cap - 1);
	while (stmts[i] && stmts[i]->sql != sql)
		i = (i + 1) & (cap - 1);
	return i;
}

/* Doubles the table (the statements stay where they are; only the
 * pointers to them move). */
static int stmts_grow(struct store_conn *c)
{
	size_t cap = c->cap ? c->cap * 2 : STMTS_FIRST;
	struct store_stmt **t = calloc(cap, sizeof *t);
	if (!t)
		return ERR_NOMEM;
	for (size_t i = 0; i < c->cap; i++)
		if (c->stmts[i])
			t[stmt_slot(t, cap, c->stmts[i]->sql)] = c->stmts[i];
	free(c->stmts);
	c->stmts = t;
	c->cap = cap;
	return 0;
}

struct store_stmt *store_prepare(struct store_conn *c, const char *sql)
{
	if (!c)
		return NULL;
	if (c->cap) {
		struct store_stmt *found = c->stmts[stmt_slot(c->stmts, c->cap, sql)];
		if (found)
			return found;
	}
	if (c->nstmts >= STMTS_MAX) {
		log_error("too many statements on one connection (%d): is the SQL a string literal? %.80s",
			  STMTS_MAX, sql);
		return NULL;
	}
	/* keep the table at most three quarters full */
	if ((c->nstmts + 1) * 4 > c->cap * 3 && stmts_grow(c))
		return NULL;
	struct store_stmt *stmt = calloc(1, sizeof *stmt);
	if (!stmt)
		return NULL;
	if (sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt->st, NULL) != SQLITE_OK) {
		log_error("cannot prepare SQL: %s: %.80s", sqlite3_errmsg(c->db), sql);
		sqlite3_finalize(stmt->st);
		free(stmt);
		return NULL;
	}
	stmt->engine = &sqlite_engine;
	stmt->conn = c;
	stmt->sql = sql;
	c->stmts[stmt_slot(c->stmts, c->cap, sql)] = stmt;
	c->nstmts++;
	return stmt;
}

void store_bind_text(struct store_stmt *st, int i, const char *p, size_t n)
{
	if (!p)
		sqlite3_bind_null(st->st, i);
	else
		sqlite3_bind_text(st->st, i, p, (int)n, SQLITE_STATIC);
}

void store_bind_str(struct store_stmt *st, int i, const char *s)
{
	store_bind_text(st, i, s, s ? strlen(s) : 0);
}

void store_bind_int(struct store_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(st->st, i, v);
}

void store_bind_null(struct store_stmt *st, int i)
{
	sqlite3_bind_null(st->st, i);
}

/* Statements this thread has started: a count, cheap enough for every
 * request (store_queries). */
static _Thread_local uint64_t queries;

uint64_t store_queries(void)
{
	return queries;
}

int store_step(struct store_stmt *st)
{
	if (!sqlite3_stmt_busy(st->st))
		queries++; /* its first step: it runs */
	int rc = sqlite3_step(st->st);
	if (rc == SQLITE_ROW)
		return STORE_ROW;
	if (rc == SQLITE_DONE)
		return STORE_DONE;
	if ((rc & 0xff) == SQLITE_CONSTRAINT)
		return ERR_CONFLICT;
	log_error("SQL failed: %s: %.80s", sqlite3_errmsg(st->conn->db), sqlite3_sql(st->st));
	return ERR_DB;
}

void store_reset(struct store_stmt *st)
{
	sqlite3_reset(st->st);
	sqlite3_clear_bindings(st->st);
}

const char *store_text(struct store_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st->st, col);
	return t ? (const char *)t : "";
}

size_t store_bytes(struct store_stmt *st, int col)
{
	return (size_t)sqlite3_column_bytes(st->st, col);
}

int64_t store_int(struct store_stmt *st, int col)
{
	return sqlite3_column_int64(st->st, col);
}

bool store_is_null(struct store_stmt *st, int col)
{
	return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}

int store_run(struct store_stmt *st)
{
	int rc;
	while ((rc = store_step(st)) == STORE_ROW)
		;
	store_reset(st);
	return rc;
}

void store_interrupt(struct store *s)
{
	pthread_mutex_lock(&s->list_lock);
	for (struct store_conn *c = s->readers; c; c = c->next)
		sqlite3_interrupt(c->db);
	pthread_mutex_unlock(&s->list_lock);
}

/* The generation lives in the database (data_generation) once migrated,
 * so that a write by another process on the file (the CLI while serve runs)
 * leaves no kept answer standing either. Every commit that changes data
 * counts it up in its own transaction; writes aside do not. A reader reads
 * it again only when PRAGMA data_version says that some connection has
 * committed since its last look (about a microsecond), so a cache hit costs
 * no query while nothing changed. The statements are raw, not store_step's:
 * they are not the request's queries (store_queries). */
static int generation_up(struct store *s)
{
	struct store_conn *w = s->writer;
	if (!s->shared_generation)
		return 0;
	if (!w->generation_up &&
	    sqlite3_prepare_v3(w->db, "INSERT INTO data_generation (name, n) VALUES ('data', 1)"
				      " ON CONFLICT (name) DO UPDATE SET n = data_generation.n + 1",
			       -1, SQLITE_PREPARE_PERSISTENT, &w->generation_up, NULL) != SQLITE_OK)
		return ERR_DB;
	if (run_tx(w->generation_up) != SQLITE_OK) {
		log_error("cannot count the data's generation up: %s", sqlite3_errmsg(w->db));
		return ERR_DB;
	}
	return 0;
}

/* The generation last read, when the database cannot tell (then the
 * request's own reads fail too, mostly): a generation no kept answer has
 * would make the overview's count (analysis/overview.c), which keeps the
 * newest, wait for it forever. */
static uint64_t unknown(struct store *s)
{
	return atomic_load(&s->known);
}

/* The first column of the first row, 0 if there is none. */
static bool step_int(sqlite3 *db, sqlite3_stmt **st, const char *sql, int64_t *out)
{
	if (!*st && sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return false;
	int rc = sqlite3_step(*st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(*st, 0) : 0;
	sqlite3_reset(*st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

/* How long a reader trusts its last look at the database's generation
 * while this process commits nothing: PRAGMA data_version begins a read
 * transaction (the WAL's shared-memory locks), which doubled what a cache
 * hit costs. So another process's commit (kiem's CLI beside serve; several
 * serve processes on one file are no supported setup) is seen within a
 * millisecond, and this process's own commits at once: they move
 * batch_generation(), which ends the trust. */
enum { GENERATION_TRUST_NS = 1000 * 1000 };

uint64_t store_generation(struct store *s)
{
	uint64_t own = batch_generation(&s->batch);
	if (!s->shared_generation)
		return own;
	struct store_conn *c = store_reader(s);
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	int64_t now = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
	if (c && c->seen && own == c->seen_own && now - c->seen_at < GENERATION_TRUST_NS)
		return (uint64_t)c->seen_generation;
	int64_t version, n;
	/* the version first: a commit between the two reads is seen next time */
	if (!c || !step_int(c->db, &c->data_version, "PRAGMA data_version", &version))
		return unknown(s);
	c->seen_own = own;
	c->seen_at = now;
	if (c->seen && version == c->seen_version)
		return (uint64_t)c->seen_generation;
	if (!step_int(c->db, &c->generation, "SELECT n FROM data_generation WHERE name = 'data'", &n))
		return unknown(s);
	c->seen_version = version;
	c->seen_generation = n;
	c->seen = true;
	atomic_store(&s->known, (uint64_t)n);
	return (uint64_t)n;
}

int store_stmt_reprepares(struct store_stmt *st)
{
	return sqlite3_stmt_status(st->st, SQLITE_STMTSTATUS_REPREPARE, 0);
}

int store_changes(struct store_conn *c)
{
	return sqlite3_changes(c->db);
}

int store_schema_version(struct store *s)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(s->writer->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

int store_migrate(struct store *s, int *applied)
{
	int have = store_schema_version(s), count = 0;
	if (have < 0)
		return ERR_DB;
	if (have > schema_count) {
		log_error("the database has schema version %d, newer than this kiem knows (%d): "
			  "use a newer kiem", have, schema_count);
		return ERR_DB;
	}
	for (int v = have; v < schema_count; v++) {
		batch_take_alone(&s->batch);
		char *msg = NULL;
		int rc = sqlite3_exec(s->writer->db, "BEGIN IMMEDIATE", NULL, NULL, &msg);
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(s->writer->db, schema_steps[v], NULL, NULL, &msg);
		if (rc == SQLITE_OK) {
			char pragma[48];
			snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v + 1);
			rc = sqlite3_exec(s->writer->db, pragma, NULL, NULL, &msg);
		}
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(s->writer->db, "COMMIT", NULL, NULL, &msg);
		if (rc != SQLITE_OK) {
			log_error("migration %d failed: %s", v + 1, msg ? msg : "?");
			sqlite3_free(msg);
			sqlite3_exec(s->writer->db, "ROLLBACK", NULL, NULL, NULL);
			batch_give_alone(&s->batch);
			return ERR_DB;
		}
		batch_give_alone(&s->batch);
		count++;
	}
	if (applied)
		*applied = count;
	int64_t yes = 0;
	sqlite3_stmt *st = NULL;
	s->shared_generation = step_int(s->writer->db, &st, "SELECT count(*) FROM sqlite_master"
					" WHERE type = 'table' AND name = 'data_generation'", &yes) && yes;
	sqlite3_finalize(st);
	return 0;
}

bool store_fts_query(const char *text, char *out, size_t n)
{
	/* Each run of letters and digits becomes "word"*; everything else is a
	 * separator, so no FTS5 syntax can come through. */
	size_t o = 0;
	int words = 0;
	const unsigned char *p = (const unsigned char *)text;
	if (!n)
		return false; /* no room even for the NUL */
	while (*p && words < 8) {
		while (*p && *p < 0x80 && !((*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z')))
			p++;
		if (!*p)
			break;
		const unsigned char *start = p;
		while (*p && (*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z')))
			p++;
		size_t len = (size_t)(p - start);
		if (o + len + 5 >= n)
			break;
		if (words)
			out[o++] = ' ';
		out[o++] = '"';
		memcpy(out + o, start, len);
		o += len;
		out[o++] = '"';
		out[o++] = '*';
		words++;
	}
	out[o] = 0;
	return words > 0;
}

const char *store_like_contains(struct arena *a, const char *text)
{
	if (!text || !*text)
		return NULL;
	char *like = arena_alloc(a, 2 * strlen(text) + 3), *o = like;
	*o++ = '%';
	for (const char *c = text; *c; c++) {
		if (*c == '%' || *c == '_' || *c == '\\')
			*o++ = '\\';
		*o++ = *c;
	}
	*o++ = '%';
	*o = 0;
	return like;
}
