/* kiem migrate-to-pg: moves an instance from its SQLite file into an empty
 * PostgreSQL database, then checks every table on both sides.
 *
 * The tables and their columns come from the SQLite file's own schema
 * (sqlite_master and its pragmas), so that a new entity's table moves
 * without a change here. Their SQL is therefore put together from those
 * names, never from values (scripts/lint.sh lets this file do so): each
 * name is checked to be a plain lower-case identifier first, and each
 * statement's text is kept until the stores close, as a store keeps a
 * statement by the address of its text.
 *
 * The copy reads one snapshot of the file and writes one transaction on
 * PostgreSQL: the rows of each table go in batches, as one JSON parameter
 * of INSERT ... SELECT FROM json_populate_recordset, parents before the
 * tables that refer to them. A full-text table with text of its own is
 * copied as its text and rowid, and PostgreSQL computes its tsvector column
 * from them; one with external content (content = 'table') is not copied:
 * on both engines it reads its text from its table, and PostgreSQL's index
 * is built from that table's rows as they arrive (pg_sql.c, fts_table); it
 * is checked like the others.
 * Then the identity sequences are set past the copied keys, so that the
 * next row is given a new one. The check reads each table on both sides in
 * pages in the order of its key, and compares the number of rows and a
 * checksum of their values: the sum of a hash of each row (BLAKE2b), in
 * which an integer column counts as its number, so that PostgreSQL's
 * bigint and SQLite's integer compare, and NULL differs from "". A sum
 * does not depend on the order of the rows, which differs between the
 * engines for text keys when PostgreSQL's collation is not C. */
#include <ctype.h>
#include <inttypes.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/jw.h"
#include "../store/schema.h"
#include "../store/store.h"
#include "cli.h"

static const char usage[] =
	"usage: kiem migrate-to-pg --db FILE --pg CONNINFO [--check-only]\n"
	"\n"
	"Moves an instance from SQLite to PostgreSQL: copies every record of the\n"
	"SQLite database FILE into the PostgreSQL database CONNINFO (or $KIEM_PG), in\n"
	"one transaction, then checks every table on both sides (its rows and a\n"
	"checksum of their values) and prints a table of them. Stop 'kiem serve' on\n"
	"FILE first: what it writes during the copy is not copied.\n"
	"\n"
	"The PostgreSQL database must be empty: migrate-to-pg creates kiem's schema\n"
	"there and refuses a database where any kiem table holds a row. Make one with\n"
	"  CREATE DATABASE kiem LOCALE 'C.UTF-8' TEMPLATE template0 OWNER kiem;\n"
	"FILE must have the schema of this kiem: 'kiem init --db FILE' brings it up\n"
	"to date. FILE is only read.\n"
	"\n"
	"  --db FILE      the SQLite database (default $KIEM_DB, else ./kiem.db)\n"
	"  --pg CONNINFO  the PostgreSQL database, such as\n"
	"                 'host=db.example.nl dbname=kiem user=kiem' (default $KIEM_PG)\n"
	"  --check-only   copy nothing: only check that PostgreSQL holds what FILE holds\n"
	"\n"
	"The mail waiting in the outbox is sealed with the key file (KIEM_KEY_FILE,\n"
	"else FILE.key), which stays where it is: run kiem on PostgreSQL with\n"
	"KIEM_KEY_FILE set to it, or the outbox's mail cannot be read.\n"
	"\n"
	"Exit status: 0 when every table matches, 1 when one does not or the copy\n"
	"failed (then nothing was written), 2 for a wrong use.\n";

enum {
	TABLES_MAX = 256,
	COLS_MAX = 64,
	BATCH_ROWS = 2000, /* rows in one INSERT */
	BATCH_BYTES = 4 << 20, /* or this much JSON, whichever comes first */
	JSON_MAX = 256 << 20, /* one row may be large, not this large */
	PAGE = 20000, /* rows read at a time for the check */
	PROGRESS = 50000, /* a progress line every so many rows of a big table */
};

struct column {
	const char *name;
	bool integer; /* compared as its number (INTEGER affinity) */
};

struct table {
	const char *name;
	bool fts; /* a full-text table: its rowid is copied as a column */
	bool derived; /* one with external content: it reads its text from
		       * its table, on both engines, so is checked, not copied */
	bool no_rowid; /* WITHOUT ROWID: read in the order of its key */
	struct column cols[COLS_MAX];
	int ncols;
	int key[COLS_MAX]; /* the columns of the primary key, in its order */
	int nkey;
	bool keyed; /* it has a primary key (else all its columns stand in) */
	const char *refs[COLS_MAX]; /* the tables it refers to */
	int nrefs;
	int64_t rows; /* in the file */
	bool placed;
	/* its SQL, made from the names above and kept until the end */
	const char *count, *read, *insert, *first_page, *next_page, *setval;
};

struct sums {
	int64_t rows;
	uint64_t sum;
};

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A name SQL can use as it is on both engines. */
static bool plain_name(const char *s)
{
	if (!*s || strlen(s) > 63 || (*s >= '0' && *s <= '9'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

/* The columns' names joined by ", ". */
static void add_cols(struct buf *b, const struct table *t, const int *which, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			buf_adds(b, ", ");
		buf_adds(b, t->cols[which ? which[i] : i].name);
	}
}

/* The text of b, kept in the arena; NULL if it failed. */
static const char *keep(struct arena *a, struct buf *b)
{
	const char *s = b->err ? NULL : arena_strndup(a, b->ptr, b->len);
	buf_reset(b);
	return s;
}

/* Puts together the statements of t (after its columns are known). */
static int make_sql(struct arena *a, struct table *t)
{
	struct buf b = BUF_INIT(1 << 16);
	buf_adds(&b, "SELECT count(*) FROM ");
	buf_adds(&b, t->name);
	t->count = keep(a, &b);

	/* the copy reads the file in the order rows were written: a row that
	 * refers to another of its table (an area's parent, a reply's
	 * comment) comes after it */
	buf_adds(&b, "SELECT ");
	add_cols(&b, t, NULL, t->ncols);
	buf_adds(&b, " FROM ");
	buf_adds(&b, t->name);
	if (!t->no_rowid)
		buf_adds(&b, " ORDER BY rowid");
	t->read = keep(a, &b);

	buf_adds(&b, "INSERT INTO ");
	buf_adds(&b, t->name);
	buf_adds(&b, " (");
	add_cols(&b, t, NULL, t->ncols);
	buf_adds(&b, ") SELECT ");
	add_cols(&b, t, NULL, t->ncols);
	buf_adds(&b, " FROM json_populate_recordset(NULL::");
	buf_adds(&b, t->name);
	buf_adds(&b, ", ?1)");
	t->insert = keep(a, &b);

	buf_adds(&b, "SELECT ");
	add_cols(&b, t, NULL, t->ncols);
	buf_adds(&b, " FROM ");
	buf_adds(&b, t->name);
	buf_adds(&b, " ORDER BY ");
	add_cols(&b, t, t->key, t->nkey);
	buf_adds(&b, " LIMIT ?1");
	t->first_page = keep(a, &b);

	buf_adds(&b, "SELECT ");
	add_cols(&b, t, NULL, t->ncols);
	buf_adds(&b, " FROM ");
	buf_adds(&b, t->name);
	buf_adds(&b, " WHERE (");
	add_cols(&b, t, t->key, t->nkey);
	buf_adds(&b, ") > (");
	for (int i = 0; i < t->nkey; i++) {
		char p[16];
		snprintf(p, sizeof p, "%s?%d", i ? ", " : "", i + 2);
		buf_adds(&b, p);
	}
	buf_adds(&b, ") ORDER BY ");
	add_cols(&b, t, t->key, t->nkey);
	buf_adds(&b, " LIMIT ?1");
	t->next_page = keep(a, &b);

	/* an INTEGER PRIMARY KEY is an identity column on PostgreSQL (pg_sql.c):
	 * its next value must come after the copied ones */
	t->setval = NULL;
	bool identity = !t->fts && t->nkey == 1 && t->cols[t->key[0]].integer;
	if (identity && t->nkey == 1 && t->cols[t->key[0]].integer) {
		const char *k = t->cols[t->key[0]].name;
		buf_adds(&b, "SELECT setval(pg_get_serial_sequence('");
		buf_adds(&b, t->name);
		buf_adds(&b, "', '");
		buf_adds(&b, k);
		buf_adds(&b, "'), max(");
		buf_adds(&b, k);
		buf_adds(&b, ")) FROM ");
		buf_adds(&b, t->name);
		t->setval = keep(a, &b);
	}
	buf_release(&b);
	bool ok = t->count && t->read && t->insert && t->first_page && t->next_page && (t->setval || !identity);
	return ok ? 0 : ERR_NOMEM;
}

/* Whether the FTS5 table made by sql has the option content = '...': its
 * text is that table's (or none), not its own. */
static bool external_content(const char *sql)
{
	for (const char *p = sql; (p = strcasestr(p, "content")) != NULL; p += 7) {
		bool word_before = p > sql && (p[-1] == '_' || isalnum((unsigned char)p[-1]));
		const char *v = p + 7;
		while (*v == ' ' || *v == '\t' || *v == '\n')
			v++;
		if (!word_before && *v == '=')
			return true;
	}
	return false;
}

/* The file's tables (its full-text tables' own storage apart, and
 * data_generation: each database counts its own commits, store.h), their
 * columns, keys and references, in sqlite_master's order. */
static int read_tables(struct store *lite, struct arena *a, struct table *tables, int *n)
{
	static const char sql_tables[] =
		"SELECT m.name, m.sql LIKE 'CREATE VIRTUAL TABLE%', m.sql, m.sql LIKE '%WITHOUT ROWID'"
		" FROM sqlite_master m"
		" WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.name <> 'data_generation'"
		" AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type = 'table'"
		"  AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND v.name <> m.name"
		"  AND m.name LIKE v.name || '\\_%' ESCAPE '\\')"
		" ORDER BY m.rowid";
	static const char sql_cols[] = "SELECT name, type, pk FROM pragma_table_info(?1) ORDER BY cid";
	static const char sql_refs[] = "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1)";
	struct store_conn *c = store_reader(lite);
	struct store_stmt *st = store_prepare(c, sql_tables);
	if (!st)
		return ERR_DB;
	int rc, count = 0;
	while ((rc = store_step(st)) == STORE_ROW) {
		if (count == TABLES_MAX) {
			cli_error("the file has more than %d tables", TABLES_MAX);
			rc = ERR_TOOBIG;
			break;
		}
		struct table *t = &tables[count++];
		memset(t, 0, sizeof *t);
		t->name = arena_strdup(a, store_text(st, 0));
		t->fts = store_int(st, 1) != 0;
		t->derived = t->fts && external_content(store_text(st, 2));
		t->no_rowid = store_int(st, 3) != 0;
		if (t->fts)
			t->cols[t->ncols++] = (struct column){ "rowid", true };
	}
	store_reset(st);
	if (rc != STORE_DONE)
		return rc < 0 ? rc : ERR_DB;
	for (int i = 0; i < count; i++) {
		struct table *t = &tables[i];
		if (!plain_name(t->name)) {
			cli_error("the table '%s' has a name migrate-to-pg does not know how to copy", t->name);
			return ERR_INVALID;
		}
		int keys[COLS_MAX] = { 0 }, nkeys = 0;
		st = store_prepare(c, sql_cols);
		if (!st)
			return ERR_DB;
		store_bind_str(st, 1, t->name);
		while ((rc = store_step(st)) == STORE_ROW && t->ncols < COLS_MAX) {
			const char *name = store_text(st, 0), *type = store_text(st, 1);
			if (!plain_name(name)) {
				cli_error("the column '%s' of %s has a name migrate-to-pg does not know how to copy",
					  name, t->name);
				store_reset(st);
				return ERR_INVALID;
			}
			/* SQLite's rule for INTEGER affinity, and a boolean */
			bool integer = strcasestr(type, "INT") || strcasestr(type, "BOOL");
			int64_t pk = store_int(st, 2);
			if (pk > 0 && pk <= COLS_MAX) {
				keys[pk - 1] = t->ncols;
				nkeys = pk > nkeys ? (int)pk : nkeys;
			}
			t->cols[t->ncols++] = (struct column){ arena_strdup(a, name), integer };
		}
		store_reset(st);
		if (rc == STORE_ROW) {
			cli_error("the table %s has more than %d columns", t->name, COLS_MAX);
			return ERR_TOOBIG;
		}
		if (rc != STORE_DONE)
			return ERR_DB;
		t->keyed = t->fts || nkeys;
		if (t->fts) {
			t->key[0] = 0;
			t->nkey = 1;
		} else if (nkeys) {
			memcpy(t->key, keys, sizeof keys[0] * (size_t)nkeys);
			t->nkey = nkeys;
		} else { /* no primary key: all its columns, in one page */
			for (int k = 0; k < t->ncols; k++)
				t->key[k] = k;
			t->nkey = t->ncols;
		}
		st = store_prepare(c, sql_refs);
		if (!st)
			return ERR_DB;
		store_bind_str(st, 1, t->name);
		while ((rc = store_step(st)) == STORE_ROW && t->nrefs < COLS_MAX)
			t->refs[t->nrefs++] = arena_strdup(a, store_text(st, 0));
		store_reset(st);
		if (make_sql(a, t))
			return ERR_NOMEM;
	}
	*n = count;
	return 0;
}

/* Orders the tables so that each comes after those it refers to (itself
 * apart); a cycle, which kiem's schema does not have, keeps its order. */
static void order_tables(struct table *tables, int n)
{
	struct table *sorted = malloc(sizeof *sorted * (size_t)n);
	if (!sorted)
		return; /* the schema's order, which is nearly right */
	int out = 0;
	while (out < n) {
		int before = out;
		for (int i = 0; i < n; i++) {
			struct table *t = &tables[i];
			if (t->placed)
				continue;
			bool ready = true;
			for (int r = 0; r < t->nrefs && ready; r++)
				for (int j = 0; j < n; j++)
					if (j != i && !tables[j].placed && strcmp(tables[j].name, t->refs[r]) == 0)
						ready = false;
			if (ready) {
				t->placed = true;
				sorted[out++] = *t;
			}
		}
		if (out == before) /* a cycle: the rest as they are */
			for (int i = 0; i < n; i++)
				if (!tables[i].placed) {
					tables[i].placed = true;
					sorted[out++] = tables[i];
				}
	}
	memcpy(tables, sorted, sizeof *sorted * (size_t)n);
	free(sorted);
}

/* The value of the single-row, single-column statement sql; -1 if it failed. */
static int64_t count_rows(struct store_conn *c, const char *sql)
{
	struct store_stmt *st = store_prepare(c, sql);
	if (!st)
		return -1;
	int64_t v = store_step(st) == STORE_ROW ? store_int(st, 0) : -1;
	store_reset(st);
	return v;
}

/* Sends the batch in json (an array of n rows) into t. */
static int flush(struct store_conn *w, const struct table *t, struct buf *json, int n)
{
	buf_addc(json, ']');
	if (json->err) {
		cli_error("a batch of %s is too large to copy", t->name);
		return json->err;
	}
	struct store_stmt *st = store_prepare(w, t->insert);
	if (!st)
		return ERR_DB;
	store_bind_text(st, 1, json->ptr, json->len);
	int rc = store_run(st);
	if (rc == 0 && store_changes(w) != n) {
		cli_error("%s: %d rows sent, %d written", t->name, n, store_changes(w));
		rc = ERR_DB;
	}
	buf_reset(json);
	buf_addc(json, '[');
	return rc;
}

/* Copies t's rows from the file's snapshot into the write transaction w. */
static int copy_table(struct store *lite, struct store_conn *w, const struct table *t)
{
	struct store_stmt *st = store_prepare(store_reader(lite), t->read);
	if (!st)
		return ERR_DB;
	struct buf json = BUF_INIT(JSON_MAX);
	buf_addc(&json, '[');
	int rc, n = 0;
	int64_t done = 0;
	while ((rc = store_step(st)) == STORE_ROW) {
		struct jw j;
		if (n)
			buf_addc(&json, ',');
		jw_init(&j, &json);
		jw_obj(&j);
		for (int i = 0; i < t->ncols; i++) {
			jw_key(&j, t->cols[i].name);
			if (store_is_null(st, i))
				jw_null(&j);
			else
				jw_strn(&j, store_text(st, i), store_bytes(st, i));
		}
		jw_end(&j);
		n++;
		done++;
		if (n == BATCH_ROWS || json.len >= BATCH_BYTES) {
			if ((rc = flush(w, t, &json, n)) != 0)
				break;
			n = 0;
		}
		if (t->rows >= 2 * PROGRESS && done % PROGRESS == 0) {
			printf("  %s: %" PRId64 " of %" PRId64 " rows\n", t->name, done, t->rows);
			fflush(stdout);
		}
	}
	store_reset(st);
	if (rc == STORE_DONE)
		rc = n ? flush(w, t, &json, n) : 0;
	else if (rc > 0)
		rc = ERR_DB;
	buf_release(&json);
	if (!rc && done != t->rows) {
		cli_error("%s: %" PRId64 " rows read, %" PRId64 " counted", t->name, done, t->rows);
		rc = ERR_DB;
	}
	return rc;
}

/* Adds the row's values to the hash. */
static void hash_row(struct store_stmt *st, const struct table *t, crypto_generichash_state *h)
{
	for (int i = 0; i < t->ncols; i++) {
		unsigned char tag;
		if (store_is_null(st, i)) {
			tag = 'N';
			crypto_generichash_update(h, &tag, 1);
		} else if (t->cols[i].integer) {
			char num[24];
			int len = snprintf(num, sizeof num, "%" PRId64, store_int(st, i));
			tag = 'I';
			crypto_generichash_update(h, &tag, 1);
			crypto_generichash_update(h, (const unsigned char *)num, (unsigned long long)len + 1);
		} else {
			uint64_t len = store_bytes(st, i);
			tag = 'T';
			crypto_generichash_update(h, &tag, 1);
			crypto_generichash_update(h, (const unsigned char *)&len, sizeof len);
			crypto_generichash_update(h, (const unsigned char *)store_text(st, i), len);
		}
	}
}

/* The rows and checksum of t on s, read in pages in the order of its key,
 * within the caller's read transaction. */
static int table_sums(struct store *s, const struct table *t, struct sums *out)
{
	struct store_conn *c = store_reader(s);
	struct buf last[COLS_MAX];
	for (int k = 0; k < t->nkey; k++)
		last[k] = (struct buf)BUF_INIT(1 << 20);
	*out = (struct sums){ 0, 0 };
	/* a table without a primary key is read in one page */
	bool keyed = t->keyed;
	int rc = 0;
	for (bool first = true;; first = false) {
		struct store_stmt *st = store_prepare(c, first ? t->first_page : t->next_page);
		if (!st) {
			rc = ERR_DB;
			break;
		}
		store_bind_int(st, 1, keyed ? PAGE : INT64_MAX);
		for (int k = 0; !first && k < t->nkey; k++) {
			if (t->cols[t->key[k]].integer)
				store_bind_int(st, k + 2, strtoll(last[k].ptr, NULL, 10));
			else
				store_bind_text(st, k + 2, last[k].ptr, last[k].len);
		}
		int64_t got = 0;
		while ((rc = store_step(st)) == STORE_ROW) {
			crypto_generichash_state h;
			unsigned char digest[8];
			crypto_generichash_init(&h, NULL, 0, sizeof digest);
			hash_row(st, t, &h);
			crypto_generichash_final(&h, digest, sizeof digest);
			uint64_t v;
			memcpy(&v, digest, sizeof v);
			out->sum += v;
			out->rows++;
			got++;
			if (got == PAGE)
				for (int k = 0; k < t->nkey; k++) {
					buf_reset(&last[k]);
					buf_add(&last[k], store_text(st, t->key[k]), store_bytes(st, t->key[k]));
				}
		}
		store_reset(st);
		if (rc != STORE_DONE || got < PAGE || !keyed)
			break;
	}
	for (int k = 0; k < t->nkey; k++)
		buf_release(&last[k]);
	return rc == STORE_DONE ? 0 : rc < 0 ? rc : ERR_DB;
}

/* Checks every table on both sides and prints a table of them; the number
 * of tables that differ, or -1 if the check could not run. */
static int check(struct store *lite, struct store *pg, const struct table *tables, int n)
{
	if (store_read_begin(lite) || store_read_begin(pg)) {
		store_read_end(lite);
		cli_error("cannot start reading the databases; see the log above");
		return -1;
	}
	printf("%-24s %12s %12s  %-16s  %-16s\n", "table", "rows SQLite", "PostgreSQL", "checksum SQLite",
	       "PostgreSQL");
	int differ = 0, rc = 0;
	for (int i = 0; i < n && !rc; i++) {
		struct sums a, b;
		if ((rc = table_sums(lite, &tables[i], &a)) || (rc = table_sums(pg, &tables[i], &b)))
			break;
		bool same = a.rows == b.rows && a.sum == b.sum;
		differ += !same;
		printf("%-24s %12" PRId64 " %12" PRId64 "  %016" PRIx64 "  %016" PRIx64 "  %s\n", tables[i].name, a.rows,
		       b.rows, a.sum, b.sum, same ? "ok" : "DIFFERENT");
		fflush(stdout); /* a line a table: the progress of a long check */
	}
	store_read_end(pg);
	store_read_end(lite);
	if (rc) {
		cli_error("the check could not read every table; see the log above");
		return -1;
	}
	return differ;
}

/* Refuses a PostgreSQL database where a kiem table holds a row. */
static int check_empty(struct store *pg, const struct table *tables, int n)
{
	struct store_conn *c = store_reader(pg);
	struct buf held = BUF_INIT(4096);
	for (int i = 0; i < n; i++) {
		int64_t rows = count_rows(c, tables[i].count);
		if (rows < 0) {
			buf_release(&held);
			cli_error("cannot count the rows of %s on PostgreSQL; see the log above", tables[i].name);
			return 1;
		}
		if (rows > 0) {
			char line[160];
			snprintf(line, sizeof line, "%s%s (%" PRId64 " rows)", held.len ? ", " : "", tables[i].name, rows);
			buf_adds(&held, line);
		}
	}
	int rc = 0;
	if (held.len) {
		cli_error("the PostgreSQL database is not empty: %s; migrate-to-pg writes only into a new, empty"
			  " database and makes kiem's schema there itself, so not into one made with 'kiem init'"
			  " (see 'kiem migrate-to-pg --help'); --check-only compares without writing", held.ptr);
		rc = 1;
	}
	buf_release(&held);
	return rc;
}

/* Warns when PostgreSQL sorts text otherwise than SQLite, by bytes. */
static void check_collation(struct store *pg)
{
	struct store_stmt *st = store_prepare(store_reader(pg),
		"SELECT datcollate FROM pg_database WHERE datname = current_database()");
	if (st && store_step(st) == STORE_ROW) {
		const char *c = store_text(st, 0);
		if (strcmp(c, "C") != 0 && strcmp(c, "POSIX") != 0 && strcasecmp(c, "C.UTF-8") != 0 &&
		    strcasecmp(c, "C.utf8") != 0)
			printf("warning: the PostgreSQL database sorts text by the collation %s, not C.UTF-8:"
			       " lists sorted by name will not be in SQLite's order (docs/postgresql-port.md)\n", c);
	}
	if (st)
		store_reset(st);
}

/* Copies every table in one transaction, then sets the identity sequences. */
static int copy_all(struct store *lite, struct store *pg, const struct table *tables, int n)
{
	struct store_conn *w = store_write_begin(pg);
	if (!w) {
		cli_error("cannot start writing to PostgreSQL; see the log above");
		return 1;
	}
	int rc = 0;
	for (int i = 0; i < n && !rc; i++) {
		if (tables[i].derived)
			continue;
		double t0 = now_s();
		rc = copy_table(lite, w, &tables[i]);
		if (!rc && tables[i].rows >= 2 * PROGRESS)
			printf("  %s: %" PRId64 " rows in %.1f s\n", tables[i].name, tables[i].rows, now_s() - t0);
		if (rc)
			cli_error("copying %s failed: %s; see the log above", tables[i].name, err_str(rc));
	}
	for (int i = 0; i < n && !rc; i++)
		if (tables[i].setval && count_rows(w, tables[i].setval) < 0)
			rc = ERR_DB;
	if (rc) {
		store_write_end(pg, false);
		cli_error("nothing was written to PostgreSQL");
		return 1;
	}
	printf("committing\n");
	fflush(stdout);
	if (store_write_end(pg, true)) {
		cli_error("the commit on PostgreSQL failed; nothing was written (see the log above)");
		return 1;
	}
	return 0;
}

/* Says where the key that seals the outbox is, and that it stays there. */
static void tell_key(const char *path)
{
	char key[PATH_MAX], abs[PATH_MAX];
	const char *env = getenv("KIEM_KEY_FILE");
	snprintf(key, sizeof key, "%s%s", env && *env ? env : path, env && *env ? "" : ".key");
	if (access(key, F_OK) != 0) {
		printf("There is no key file at %s: mail sealed in the outbox, if any, cannot be read.\n", key);
		return;
	}
	if (!realpath(key, abs))
		snprintf(abs, sizeof abs, "%s", key);
	printf("The mail waiting in the outbox is sealed with the key file %s, which was not\n"
	       "copied: keep it (apart from the database's backups) and run kiem on\n"
	       "PostgreSQL with KIEM_KEY_FILE=%s\n", abs, abs);
}

int cmd_migrate_pg(int argc, char **argv)
{
	const char *db = NULL;
	bool check_only = false;
	const struct cli_opt opts[] = { { "db", &db, NULL }, { "check-only", NULL, &check_only }, { 0 } };
	int rc = cli_options(argc, argv, 1, "migrate-to-pg", usage, opts);
	if (rc >= 0)
		return rc;
	const char *conninfo = getenv("KIEM_PG"), *path = cli_db_path(db);
	if (!conninfo || !*conninfo) {
		cli_error("migrate-to-pg needs --pg CONNINFO (or KIEM_PG): the PostgreSQL database to copy into");
		return 2;
	}
	if (access(path, F_OK) != 0) {
		cli_error("there is no database at %s", path);
		return 1;
	}
	double start = now_s();
	struct arena *a = arena_new();
	struct table *tables = calloc(TABLES_MAX, sizeof *tables);
	struct store *lite = NULL, *pg = NULL;
	char name[1024];
	int n = 0;
	rc = 1;
	if (!a || !tables)
		goto out;
	if (store_open(&lite, path, 0)) {
		cli_error("cannot open the database at %s", path);
		goto out;
	}
	int have = store_schema_version(lite);
	if (have != schema_count) {
		if (have >= 0 && have < schema_count)
			cli_error("%s has schema version %d and this kiem %d: bring it up to date first with"
				  " 'kiem init --db %s'", path, have, schema_count, path);
		else if (have > schema_count)
			cli_error("%s has schema version %d, newer than this kiem's %d: use the kiem that wrote it",
				  path, have, schema_count);
		else
			cli_error("cannot read the schema version of %s", path);
		goto out;
	}
	if (store_open(&pg, conninfo, STORE_PG)) {
		cli_error("cannot connect to %s; see the log above", cli_db_name(path, name, sizeof name));
		goto out;
	}
	have = store_schema_version(pg);
	if (have < 0 || (have > 0 && have != schema_count) || (check_only && have != schema_count)) {
		if (have > 0)
			cli_error("the PostgreSQL database has kiem's schema version %d, this kiem %d: %s", have,
				  schema_count, check_only ? "it is no copy of this file" : "it must be an empty database");
		else
			cli_error("the PostgreSQL database %s", have ? "cannot be read" : "has no kiem schema to check");
		goto out;
	}
	if (store_read_begin(lite)) {
		cli_error("cannot read %s", path);
		goto out;
	}
	if (read_tables(lite, a, tables, &n)) {
		store_read_end(lite);
		cli_error("cannot read the tables of %s", path);
		goto out;
	}
	order_tables(tables, n);
	if (!check_only) {
		if (have == 0 && store_migrate(pg, NULL)) {
			store_read_end(lite);
			cli_error("cannot create kiem's schema on PostgreSQL; see the log above");
			goto out;
		}
		if (check_empty(pg, tables, n)) {
			store_read_end(lite);
			goto out;
		}
		check_collation(pg);
		int64_t total = 0;
		for (int i = 0; i < n; i++) {
			tables[i].rows = count_rows(store_reader(lite), tables[i].count);
			total += tables[i].derived ? 0 : tables[i].rows;
		}
		printf("copying %d tables, %" PRId64 " rows, from %s to %s\n", n, total, path,
		       cli_db_name(path, name, sizeof name));
		fflush(stdout);
		int copied = copy_all(lite, pg, tables, n);
		store_read_end(lite);
		if (copied)
			goto out;
		printf("copied in %.1f s; checking\n", now_s() - start);
		fflush(stdout);
	} else {
		store_read_end(lite);
	}
	double t0 = now_s();
	int differ = check(lite, pg, tables, n);
	if (differ < 0)
		goto out;
	printf("checked in %.1f s\n", now_s() - t0);
	if (differ) {
		cli_error("%d of %d tables differ between %s and PostgreSQL", differ, n, path);
		goto out;
	}
	printf("every table matches (%d tables)\n", n);
	tell_key(path);
	rc = 0;
out:
	store_close(pg);
	store_close(lite);
	free(tables);
	arena_free(a);
	return rc;
}
