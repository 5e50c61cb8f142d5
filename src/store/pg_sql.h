/* pg_sql: kiem's portable SQL (SQLite's dialect) rewritten for PostgreSQL,
 * at prepare and migrate time (docs/postgresql-port.md lists what and why).
 * Both return a malloc'ed string, or NULL when out of memory. */
#ifndef KIEM_PG_SQL_H
#define KIEM_PG_SQL_H

/* A query: ?N becomes $N; *nparams is the highest N. */
char *pg_sql_query(const char *sql, int *nparams);
/* A migration step: 64-bit integers, identity keys, and each FTS5 table a
 * table with a tsvector column of its own name and a GIN index. */
char *pg_sql_ddl(const char *step);

#endif
