/* The PostgreSQL implementation of store.h (engine.h), with libpq.
 *
 * Like sqlite.c: one writer connection, serialised by a mutex, and one read
 * connection per thread; statements prepared once per connection (PQprepare,
 * named s1, s2, ...) and kept by the address of their SQL text, which
 * pg_sql.c rewrites into PostgreSQL's dialect first. A statement's result
 * comes whole with its first step; the next steps walk its rows.
 *
 * SQLite fails only the statement that breaks a constraint, and kiem's
 * writes go on after ERR_CONFLICT; PostgreSQL fails the whole transaction.
 * So each statement of a write transaction that is not a SELECT runs inside
 * a savepoint, rolled back to when it fails.
 *
 * Group commit as on SQLite (batch.c): the requests that take the writer
 * while others wait for it each work in a savepoint ("request") of one
 * transaction, which commits when the writer is given back with nobody
 * waiting (or the batch is full or old); each request waits for its
 * batch's COMMIT, one WAL flush for all of them. */
#include <libpq-fe.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/err.h"
#include "../base/log.h"
#include "batch.h"
#include "engine.h"
#include "pg_sql.h"
#include "schema.h"

enum { STMTS_FIRST = 512, STMTS_MAX = 8192, PARAMS_MAX = 64 };

struct store_stmt {
	const struct engine *engine; /* first: store.c passes calls on by it (engine.h) */
	struct store_conn *conn;
	const char *sql; /* the key: the literal's address */
	char name[16];
	int nparams;
	bool writes; /* not a SELECT: runs in a savepoint in a transaction */
	char *values[PARAMS_MAX]; /* malloc'ed, NULL for SQL NULL */
	PGresult *res; /* from the first step to the reset */
	int row, nrows;
};

struct store_conn {
	const struct engine *engine; /* first: store.c passes calls on by it (engine.h) */
	PGconn *pg;
	PGcancel *cancel;
	struct store_conn *next;
	struct store_stmt **stmts; /* open addressing, as in sqlite.c */
	size_t nstmts, cap;
	bool in_tx;
	bool begin_due;   /* a read transaction whose BEGIN goes with its first statement */
	bool commit_sent; /* its COMMIT went without waiting for the answer */
	int changes;
	bool generation_prepared; /* pg_store_generation's statement */
};

struct store {
	const struct engine *engine; /* first: store.c passes calls on by it (engine.h) */
	char *conninfo;
	bool shared_generation; /* the table data_generation counts the commits */
	_Atomic uint64_t known; /* the generation last read: when it cannot be read */
	struct store_conn *writer;
	struct batch batch; /* group commit (batch.h) */
	pthread_mutex_t list_lock;
	struct store_conn *readers;
	pthread_key_t reader_key;
};

/* PostgreSQL's notices (a full-text query of stop words only, say) are no
 * news for the log. */
static void quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/* Reads the answer to a read transaction's COMMIT, which read_end does not
 * wait for: the next command on the connection finds it there. */
static void drain(struct store_conn *c)
{
	if (!c->commit_sent)
		return;
	c->commit_sent = false;
	PGresult *r;
	while ((r = PQgetResult(c->pg)))
		PQclear(r);
}

/* Runs SQL that returns no rows, outside the prepared statements. */
static int exec(struct store_conn *c, const char *sql)
{
	drain(c);
	PGresult *r = PQexec(c->pg, sql);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
	if (!ok)
		log_error("SQL failed: %s: %.80s", PQerrorMessage(c->pg), sql);
	PQclear(r);
	return ok ? 0 : ERR_DB;
}

static int open_conn(const char *conninfo, struct store_conn **out)
{
	struct store_conn *c = calloc(1, sizeof *c);
	if (!c)
		return ERR_NOMEM;
	c->engine = &pg_engine;
	c->pg = PQconnectdb(conninfo);
	if (PQstatus(c->pg) != CONNECTION_OK) {
		log_error("cannot connect to PostgreSQL: %s", PQerrorMessage(c->pg));
		PQfinish(c->pg);
		free(c);
		return ERR_DB;
	}
	PQsetNoticeProcessor(c->pg, quiet, NULL);
	c->cancel = PQgetCancel(c->pg);
	/* JIT compiles a query whose estimated cost is high, which kiem's
	 * generic shapes ("?1 IS NULL OR ...") often are: hundreds of
	 * milliseconds to save microseconds */
	if (exec(c, "SET client_encoding = 'UTF8'; SET jit = off")) {
		PQfreeCancel(c->cancel);
		PQfinish(c->pg);
		free(c);
		return ERR_DB;
	}
	*out = c;
	return 0;
}

static void close_conn(struct store_conn *c)
{
	for (size_t i = 0; i < c->cap; i++) {
		struct store_stmt *st = c->stmts[i];
		if (st) {
			pg_store_reset(st);
			free(st);
		}
	}
	free(c->stmts);
	PQfreeCancel(c->cancel);
	PQfinish(c->pg);
	free(c);
}

const char *pg_store_engine_version(struct store *s)
{
	(void)s;
	static char v[64];
	if (!v[0])
		snprintf(v, sizeof v, "PostgreSQL (libpq %d)", PQlibVersion());
	return v;
}

static const struct batch_ops pg_batch;

int pg_store_open(struct store **out, const char *conninfo, unsigned flags)
{
	(void)flags; /* a PostgreSQL database is made by its administrator */
	struct store *s = calloc(1, sizeof *s);
	if (!s || !(s->conninfo = strdup(conninfo))) {
		free(s);
		return ERR_NOMEM;
	}
	s->engine = &pg_engine;
	batch_init(&s->batch, s, &pg_batch);
	pthread_mutex_init(&s->list_lock, NULL);
	pthread_key_create(&s->reader_key, NULL);
	int rc = open_conn(conninfo, &s->writer);
	if (rc) {
		pg_store_close(s);
		return rc;
	}
	*out = s;
	return 0;
}

void pg_store_close(struct store *s)
{
	if (!s)
		return;
	struct store_conn *c = s->readers;
	while (c) {
		struct store_conn *next = c->next;
		close_conn(c);
		c = next;
	}
	if (s->writer)
		close_conn(s->writer);
	pthread_key_delete(s->reader_key);
	batch_release(&s->batch);
	pthread_mutex_destroy(&s->list_lock);
	free(s->conninfo);
	free(s);
}

struct store_conn *pg_store_reader(struct store *s)
{
	struct store_conn *c = pthread_getspecific(s->reader_key);
	if (c)
		return c;
	if (open_conn(s->conninfo, &c))
		return NULL;
	pthread_mutex_lock(&s->list_lock);
	c->next = s->readers;
	s->readers = c;
	pthread_mutex_unlock(&s->list_lock);
	pthread_setspecific(s->reader_key, c);
	return c;
}

/* One snapshot for all the reads, as SQLite's read transaction. A
 * REPEATABLE READ transaction takes its snapshot at its first statement, so
 * its BEGIN waits for that statement and goes with it in one round trip
 * (execute); a request that reads nothing sends neither BEGIN nor COMMIT. */
static const char read_begin[] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

int pg_store_read_begin(struct store *s)
{
	struct store_conn *c = pg_store_reader(s);
	if (!c)
		return ERR_DB;
	if (!c->in_tx)
		c->begin_due = true;
	c->in_tx = true;
	return 0;
}

/* The COMMIT of a read-only transaction has nothing to report: it is sent
 * and its answer read before the connection's next command (drain). */
void pg_store_read_end(struct store *s)
{
	struct store_conn *c = pthread_getspecific(s->reader_key);
	if (!c || !c->in_tx)
		return;
	c->in_tx = false;
	if (c->begin_due) {
		c->begin_due = false;
		return;
	}
	drain(c);
	if (PQsendQuery(c->pg, "COMMIT"))
		c->commit_sent = true;
	else
		log_error("SQL failed: %s: COMMIT", PQerrorMessage(c->pg));
}

/* Counts the data's generation up in the transaction that commits, in the
 * same round trip as the COMMIT (pg_store_generation). */
#define GENERATION_UP \
	"INSERT INTO data_generation (name, n) VALUES ('data', 1)" \
	" ON CONFLICT (name) DO UPDATE SET n = data_generation.n + 1"
/* and reads it: no row is generation 0 */
#define GENERATION_SQL "SELECT n FROM data_generation WHERE name = 'data'"

/* A batch begins by taking one lock for all of kiem's nodes, held until it
 * commits: writes run one batch at a time across nodes, as they do on one
 * machine with SQLite, so the model's transactions that read and then write
 * (an issue's status, a ledger's limit, the last admin) see no other node's
 * write in between, and never fail for it (as SERIALIZABLE would, with a
 * retry the store cannot make for the requests of a batch). The key is
 * kiem's own number for it, in the transaction-level space of advisory
 * locks: PostgreSQL frees it at COMMIT or ROLLBACK, and when the node dies. */
#define BEGIN_WRITE "BEGIN; SELECT pg_advisory_xact_lock(7165620002)"

/* Group commit (batch.h): PostgreSQL's part. Any error fails the whole
 * transaction, so a savepoint that cannot be made loses the batch. */
static int tx_begin(struct store *s)
{
	if (exec(s->writer, BEGIN_WRITE)) {
		if (PQtransactionStatus(s->writer->pg) != PQTRANS_IDLE)
			exec(s->writer, "ROLLBACK");
		return ERR_DB;
	}
	s->writer->in_tx = true;
	return 0;
}

static enum batch_tx tx_savepoint(struct store *s)
{
	return exec(s->writer, "SAVEPOINT request") ? BATCH_TX_GONE : BATCH_TX_OK;
}

static enum batch_tx tx_state(struct store *s)
{
	PGTransactionStatusType status = PQtransactionStatus(s->writer->pg);
	if (status != PQTRANS_INTRANS && status != PQTRANS_INERROR) {
		/* the connection broke: the batch's other writes are gone too */
		log_error("the write's transaction is gone: %s", PQerrorMessage(s->writer->pg));
		return BATCH_TX_GONE;
	}
	/* a statement failed outside its own savepoint (a SELECT): the
	 * request fails, as its transaction would have alone */
	return status == PQTRANS_INERROR ? BATCH_TX_FAILED : BATCH_TX_OK;
}

static int tx_release(struct store *s)
{
	return exec(s->writer, "RELEASE SAVEPOINT request");
}

static int tx_undo(struct store *s)
{
	return exec(s->writer, "ROLLBACK TO SAVEPOINT request; RELEASE SAVEPOINT request");
}

static int tx_commit(struct store *s, bool changes)
{
	struct store_conn *w = s->writer;
	int rc = 0;
	/* COMMIT of a failed transaction answers ROLLBACK, without an error */
	PGresult *r = PQexec(w->pg, changes && s->shared_generation ? GENERATION_UP "; COMMIT" : "COMMIT");
	if (PQresultStatus(r) != PGRES_COMMAND_OK || strcmp(PQcmdStatus(r), "COMMIT") != 0) {
		log_error("commit failed: %s", PQerrorMessage(w->pg));
		rc = ERR_DB;
	}
	PQclear(r);
	w->in_tx = false;
	return rc;
}

static void tx_rollback(struct store *s)
{
	if (PQtransactionStatus(s->writer->pg) != PQTRANS_IDLE)
		exec(s->writer, "ROLLBACK");
	s->writer->in_tx = false;
}

static const struct batch_ops pg_batch = {
	.begin = tx_begin,
	.savepoint = tx_savepoint,
	.state = tx_state,
	.release = tx_release,
	.undo = tx_undo,
	.commit = tx_commit,
	.rollback = tx_rollback,
};

struct store_conn *pg_store_write_begin(struct store *s)
{
	return batch_write_begin(&s->batch) ? NULL : s->writer;
}

int pg_store_write_end(struct store *s, bool commit)
{
	return batch_write_end(&s->batch, commit, true);
}

int pg_store_write_end_aside(struct store *s, bool commit)
{
	return batch_write_end(&s->batch, commit, false);
}

/* PostgreSQL writes its log at every commit and recycles it itself; a
 * CHECKPOINT (which needs the role pg_checkpoint) only hastens that. */
int pg_store_checkpoint(struct store *s)
{
	batch_take_alone(&s->batch);
	int rc = exec(s->writer, "CHECKPOINT");
	batch_give_alone(&s->batch);
	return rc;
}

/* VACUUM FULL writes every table and index anew, so that nothing deleted
 * stays in their files (store.h). ANALYZE first: the planner's statistics
 * (pg_statistic, which autovacuum fills) keep sample values of columns,
 * names and addresses too; gathered anew they hold only what is left, and
 * VACUUM FULL then drops their old rows. */
int pg_store_scrub(struct store *s)
{
	batch_take_alone(&s->batch);
	int rc = exec(s->writer, "ANALYZE");
	if (!rc)
		rc = exec(s->writer, "VACUUM FULL");
	if (!rc)
		rc = exec(s->writer, "CHECKPOINT");
	batch_give_alone(&s->batch);
	return rc;
}

static size_t stmt_slot(struct store_stmt **stmts, size_t cap, const char *sql)
{
	size_t i = (size_t)(((uintptr_t)sql >> 3) * UINT64_C(0x9e3779b97f4a7c15) >> 20) & (cap - 1);
	while (stmts[i] && stmts[i]->sql != sql)
		i = (i + 1) & (cap - 1);
	return i;
}

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

/* Prepares the statement; a parameter whose type PostgreSQL cannot tell
 * (one that appears only in "?3 IS NULL", or there before "x = ?3": 42P18
 * and 42P08) is declared text, as SQLite would take it, or bigint where text
 * does not fit, and the statement prepared again. */
static int prepare_typed(struct store_conn *c, struct store_stmt *st, const char *text, bool in_tx)
{
	Oid types[PARAMS_MAX] = {0};
	int last = 0; /* the parameter declared last */
	for (int tries = 0; tries <= 2 * st->nparams; tries++) {
		PGresult *r = PQprepare(c->pg, st->name, text, st->nparams, types);
		ExecStatusType status = PQresultStatus(r);
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		const char *dollar = strchr(PQerrorMessage(c->pg), '$');
		bool untyped = status != PGRES_COMMAND_OK && state && dollar &&
			       (strcmp(state, "42P18") == 0 || strcmp(state, "42P08") == 0);
		/* declared text, it meets a number ("?6 IS NULL OR n = ?6") */
		bool number = status != PGRES_COMMAND_OK && state && strcmp(state, "42883") == 0 && last &&
			      types[last - 1] == 25;
		int k = untyped ? (int)strtol(dollar + 1, NULL, 10) : 0;
		PQclear(r);
		if (status == PGRES_COMMAND_OK)
			return 0;
		if (in_tx && exec(c, "ROLLBACK TO SAVEPOINT prepare"))
			return ERR_DB;
		if (number) {
			types[last - 1] = 20; /* bigint */
			continue;
		}
		if (!untyped || k < 1 || k > st->nparams || types[k - 1]) {
			log_error("cannot prepare SQL: %s: %.200s", PQerrorMessage(c->pg), text);
			return ERR_DB;
		}
		types[k - 1] = 25; /* text */
		last = k;
	}
	return ERR_DB;
}

/* A failed PREPARE fails the transaction it is in: a savepoint keeps the
 * tries apart from it. */
static int prepare(struct store_conn *c, struct store_stmt *st, const char *text)
{
	drain(c);
	bool in_tx = PQtransactionStatus(c->pg) == PQTRANS_INTRANS;
	if (in_tx && exec(c, "SAVEPOINT prepare"))
		return ERR_DB;
	int rc = prepare_typed(c, st, text, in_tx);
	if (in_tx && exec(c, "RELEASE SAVEPOINT prepare"))
		rc = ERR_DB;
	return rc;
}

struct store_stmt *pg_store_prepare(struct store_conn *c, const char *sql)
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
	if ((c->nstmts + 1) * 4 > c->cap * 3 && stmts_grow(c))
		return NULL;
	struct store_stmt *st = calloc(1, sizeof *st);
	char *text = pg_sql_query(sql, st ? &st->nparams : &(int){0});
	if (!st || !text || st->nparams > PARAMS_MAX) {
		log_error("cannot prepare SQL: out of memory or too many parameters: %.80s", sql);
		free(text);
		free(st);
		return NULL;
	}
	snprintf(st->name, sizeof st->name, "s%zu", c->nstmts + 1);
	const char *first = text;
	while (*first == ' ' || *first == '\n' || *first == '(')
		first++;
	st->writes = strncasecmp(first, "SELECT", 6) != 0 && strncasecmp(first, "WITH", 4) != 0;
	int rc = prepare(c, st, text);
	free(text);
	if (rc) {
		free(st);
		return NULL;
	}
	st->engine = &pg_engine;
	st->conn = c;
	st->sql = sql;
	c->stmts[stmt_slot(c->stmts, c->cap, sql)] = st;
	c->nstmts++;
	return st;
}

static void set_value(struct store_stmt *st, int i, char *v)
{
	if (i < 1 || i > st->nparams) {
		free(v);
		return;
	}
	free(st->values[i - 1]);
	st->values[i - 1] = v;
}

void pg_store_bind_text(struct store_stmt *st, int i, const char *p, size_t n)
{
	set_value(st, i, p ? strndup(p, n) : NULL);
}

void pg_store_bind_str(struct store_stmt *st, int i, const char *s)
{
	set_value(st, i, s ? strdup(s) : NULL);
}

void pg_store_bind_int(struct store_stmt *st, int i, int64_t v)
{
	char *t = malloc(24);
	if (t)
		snprintf(t, 24, "%lld", (long long)v);
	set_value(st, i, t);
}

void pg_store_bind_null(struct store_stmt *st, int i)
{
	set_value(st, i, NULL);
}

static _Thread_local uint64_t queries;

uint64_t pg_store_queries(void)
{
	return queries;
}

/* The first statement of a read transaction, after its BEGIN, in one round
 * trip (a pipeline); the statement's result, or the failed BEGIN's. */
static PGresult *begin_and_execute(struct store_conn *c, struct store_stmt *st)
{
	c->begin_due = false;
	if (!PQenterPipelineMode(c->pg))
		return NULL;
	PGresult *begin = NULL, *res = NULL, *r;
	if (PQsendQueryParams(c->pg, read_begin, 0, NULL, NULL, NULL, NULL, 0) &&
	    PQsendQueryPrepared(c->pg, st->name, st->nparams, (const char *const *)st->values, NULL, NULL, 0) &&
	    PQpipelineSync(c->pg)) {
		/* each query's result, then NULL; then the sync's */
		begin = PQgetResult(c->pg);
		while ((r = PQgetResult(c->pg)))
			PQclear(r);
		res = PQgetResult(c->pg);
		while ((r = PQgetResult(c->pg)))
			PQclear(r);
		while ((r = PQgetResult(c->pg))) {
			bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
			PQclear(r);
			if (sync)
				break;
		}
	}
	PQexitPipelineMode(c->pg);
	if (begin && PQresultStatus(begin) != PGRES_COMMAND_OK) {
		PQclear(res);
		return begin;
	}
	PQclear(begin);
	return res;
}

/* Runs the statement; 0, ERR_CONFLICT on a constraint (SQLSTATE class 23),
 * else ERR_DB. */
static int execute(struct store_stmt *st)
{
	struct store_conn *c = st->conn;
	drain(c);
	bool savepoint = st->writes && c->in_tx && PQtransactionStatus(c->pg) == PQTRANS_INTRANS;
	if (savepoint && exec(c, "SAVEPOINT stmt"))
		return ERR_DB;
	if (c->begin_due)
		st->res = begin_and_execute(c, st);
	else
		st->res = PQexecPrepared(c->pg, st->name, st->nparams, (const char *const *)st->values, NULL,
					 NULL, 0);
	ExecStatusType status = PQresultStatus(st->res);
	if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
		st->nrows = status == PGRES_TUPLES_OK ? PQntuples(st->res) : 0;
		c->changes = (int)strtol(PQcmdTuples(st->res), NULL, 10);
		return savepoint ? exec(c, "RELEASE SAVEPOINT stmt") : 0;
	}
	const char *state = PQresultErrorField(st->res, PG_DIAG_SQLSTATE);
	bool conflict = state && strncmp(state, "23", 2) == 0;
	if (!conflict)
		log_error("SQL failed: %s: %.80s", st->res ? PQresultErrorMessage(st->res) : PQerrorMessage(c->pg),
			  st->sql);
	if (savepoint)
		exec(c, "ROLLBACK TO SAVEPOINT stmt; RELEASE SAVEPOINT stmt");
	st->nrows = 0;
	return conflict ? ERR_CONFLICT : ERR_DB;
}

int pg_store_step(struct store_stmt *st)
{
	if (!st->res) {
		queries++;
		st->row = -1;
		int rc = execute(st);
		if (rc)
			return rc;
	}
	if (PQresultStatus(st->res) != PGRES_TUPLES_OK && PQresultStatus(st->res) != PGRES_COMMAND_OK)
		return ERR_DB;
	return ++st->row < st->nrows ? STORE_ROW : STORE_DONE;
}

void pg_store_reset(struct store_stmt *st)
{
	PQclear(st->res);
	st->res = NULL;
	for (int i = 0; i < st->nparams; i++) {
		free(st->values[i]);
		st->values[i] = NULL;
	}
}

static bool has_value(struct store_stmt *st, int col)
{
	return st->res && st->row >= 0 && st->row < st->nrows && col >= 0 && col < PQnfields(st->res);
}

const char *pg_store_text(struct store_stmt *st, int col)
{
	return has_value(st, col) ? PQgetvalue(st->res, st->row, col) : "";
}

size_t pg_store_bytes(struct store_stmt *st, int col)
{
	return has_value(st, col) ? (size_t)PQgetlength(st->res, st->row, col) : 0;
}

/* A boolean (what a comparison gives) reads as 1 or 0, as in SQLite. */
int64_t pg_store_int(struct store_stmt *st, int col)
{
	const char *v = pg_store_text(st, col);
	if (v[0] == 't' && !v[1])
		return 1;
	return strtoll(v, NULL, 10);
}

bool pg_store_is_null(struct store_stmt *st, int col)
{
	return !has_value(st, col) || PQgetisnull(st->res, st->row, col);
}

int pg_store_run(struct store_stmt *st)
{
	int rc;
	while ((rc = pg_store_step(st)) == STORE_ROW)
		;
	pg_store_reset(st);
	return rc;
}

void pg_store_interrupt(struct store *s)
{
	char why[256];
	pthread_mutex_lock(&s->list_lock);
	for (struct store_conn *c = s->readers; c; c = c->next)
		if (c->cancel)
			PQcancel(c->cancel, why, sizeof why);
	pthread_mutex_unlock(&s->list_lock);
}

/* The generation last read, when the database cannot tell (then the
 * request's own reads fail too, mostly): a generation no kept answer has
 * would make the overview's count (analysis/overview.c), which keeps the
 * newest, wait for it forever. */
static uint64_t unknown(struct store *s)
{
	return atomic_load(&s->known);
}

/* With several nodes on one database, the generation is the database's:
 * the row of data_generation, counted up by every commit that changes data
 * on any node, in its own transaction (write_end), and read here on the
 * thread's reader, one round trip, not counted in store_queries. A
 * LISTEN/NOTIFY would tell a node of another's commit a moment later, but
 * that moment is enough for an answer already sent to a client to be
 * followed by that client's read of an old answer on another node; closing
 * it needs a round trip to the database on every cache hit anyway, and
 * this one needs no thread, no connection of its own and no NOTIFY, whose
 * commit takes a lock of the whole database just as the row's update does
 * (docs: the cost is in src/http/cache.h). */
uint64_t pg_store_generation(struct store *s)
{
	if (!s->shared_generation)
		return batch_generation(&s->batch);
	struct store_conn *c = pg_store_reader(s);
	if (!c)
		return unknown(s);
	if (!c->generation_prepared) {
		PGresult *r = PQprepare(c->pg, "generation", GENERATION_SQL, 0, NULL);
		c->generation_prepared = PQresultStatus(r) == PGRES_COMMAND_OK;
		PQclear(r);
		if (!c->generation_prepared)
			return unknown(s);
	}
	PGresult *r = PQexecPrepared(c->pg, "generation", 0, NULL, NULL, NULL, 0);
	bool ok = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) <= 1;
	uint64_t n = !ok ? unknown(s) : PQntuples(r) ? strtoull(PQgetvalue(r, 0, 0), NULL, 10) : 0;
	PQclear(r);
	if (ok)
		atomic_store(&s->known, n);
	return n;
}

/* A statement is prepared once per connection and never again: PostgreSQL
 * plans it anew itself when the schema changes. */
int pg_store_stmt_reprepares(struct store_stmt *st)
{
	(void)st;
	return 0;
}

int pg_store_changes(struct store_conn *c)
{
	return c->changes;
}

/* The schema's version lives in a table of one row, the counterpart of
 * SQLite's user_version. */
int pg_store_schema_version(struct store *s)
{
	PGconn *pg = s->writer->pg;
	PGresult *r = PQexec(pg, "SELECT to_regclass('schema_version') IS NULL");
	int v = -1;
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 && *PQgetvalue(r, 0, 0) == 't') {
		v = 0; /* a new database */
	} else if (PQresultStatus(r) == PGRES_TUPLES_OK) {
		PQclear(r);
		r = PQexec(pg, "SELECT version FROM schema_version");
		if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
			v = (int)strtol(PQgetvalue(r, 0, 0), NULL, 10);
	}
	if (v < 0)
		log_error("cannot read the schema version: %s", PQerrorMessage(pg));
	PQclear(r);
	return v;
}

/* What PostgreSQL needs before the first step: the version's table, the
 * collation NOCASE that SQLite has built in (ASCII case aside, as
 * COLLATE NOCASE compares only there; ICU's level 2 ignores case), sum()
 * of a condition, and
 * fts5_query(), which reads the full-text query store_fts_query() writes
 * ("word"* "word"*: every word as a prefix) as a tsquery. */
/* The advisory lock that migrations take: any number of kiem's own */
#define SCHEMA_LOCK "7165620001"

static const char pg_first[] =
	"CREATE TABLE schema_version (version INTEGER NOT NULL);"
	"INSERT INTO schema_version VALUES (0);"
	"CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);"
	/* SQLite counts the rows where a condition holds with sum(condition) */
	"CREATE FUNCTION sum_bool(n bigint, b boolean) RETURNS bigint LANGUAGE sql IMMUTABLE AS"
	"  'SELECT coalesce(n, 0) + coalesce(b::int, 0)';"
	"CREATE AGGREGATE sum(boolean) (sfunc = sum_bool, stype = bigint);"
	"CREATE FUNCTION fts5_query(q text) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $$"
	"  SELECT coalesce(to_tsquery('dutch', string_agg(quote_literal(m[1]) || ':*', ' & ')), ''::tsquery)"
	"  FROM regexp_matches(q, '\"([^\"]+)\"', 'g') AS m $$;";

/* Applies the steps from the version the database has. Nodes may start at
 * once on one database: each step's transaction first takes an advisory
 * lock (released at its end) and reads the version under it, so a node that
 * waited finds the step done by the other and goes on from there. */
int pg_store_migrate(struct store *s, int *applied)
{
	int count = 0, rc = 0;
	struct store_conn *w = s->writer;
	batch_take_alone(&s->batch);
	for (;;) {
		if ((rc = exec(w, "BEGIN")) || (rc = exec(w, "SELECT pg_advisory_xact_lock(" SCHEMA_LOCK ")")))
			break;
		int have = pg_store_schema_version(s);
		if (have < 0 || have >= schema_count) {
			if (have > schema_count)
				log_error("the database has schema version %d, newer than this kiem knows (%d): "
					  "use a newer kiem", have, schema_count);
			rc = have < 0 || have > schema_count ? ERR_DB : exec(w, "COMMIT");
			break;
		}
		char *ddl = pg_sql_ddl(schema_steps[have]);
		if (!ddl) {
			rc = ERR_NOMEM;
			break;
		}
		char version[16];
		snprintf(version, sizeof version, "%d", have + 1);
		const char *param = version;
		if (have == 0)
			rc = exec(w, pg_first);
		if (!rc)
			rc = exec(w, ddl);
		free(ddl);
		if (!rc) {
			PGresult *r = PQexecParams(w->pg, "UPDATE schema_version SET version = $1", 1, NULL, &param,
						   NULL, NULL, 0);
			rc = PQresultStatus(r) == PGRES_COMMAND_OK ? 0 : ERR_DB;
			PQclear(r);
		}
		if (!rc)
			rc = exec(w, "COMMIT");
		if (rc) {
			log_error("migration %d failed", have + 1);
			break;
		}
		count++;
	}
	if (rc && PQtransactionStatus(w->pg) != PQTRANS_IDLE)
		exec(w, "ROLLBACK");
	batch_give_alone(&s->batch);
	if (rc)
		return ERR_DB;
	if (applied)
		*applied = count;
	PGresult *r = PQexec(s->writer->pg, "SELECT to_regclass('data_generation') IS NOT NULL");
	s->shared_generation = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 &&
			       *PQgetvalue(r, 0, 0) == 't';
	PQclear(r);
	return 0;
}
