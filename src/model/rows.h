/* rows: running the model's statements, so that no model file writes the
 * loop of stepping, reading and resetting again.
 *
 * Each model file has a reader that fills its struct from the current row
 * of its SELECT; rows_read and rows_one run a bound statement with it.
 * Both reset the statement and return 0 or the store's error; given no
 * statement (NULL: it did not prepare), they return ERR_DB. */
#ifndef KIEM_ROWS_H
#define KIEM_ROWS_H

#include <stddef.h>

struct arena;
struct store;
struct store_conn;
struct store_stmt;
struct strlist;

/* Fills the item at out from the current row of st. */
typedef void rows_reader(struct store_stmt *st, struct arena *a, void *out);

/* Reads at most max rows into items (an array of max items of size bytes
 * each) and sets *n to how many. A page asks for one row more than it
 * shows, to know whether there is a next one. */
int rows_read(struct store_stmt *st, struct arena *a, rows_reader *read, void *items, size_t size,
	      size_t max, size_t *n);
/* A page of a list, into items (an array of limit + 1 items of size bytes):
 * binds limit + 1 to ?col, one row more than the page shows, to know whether
 * there is a next page; sets *n to how many rows it shows. Returns 1 when
 * there is a next page, 0 when not, or the store's error. */
int rows_page(struct store_stmt *st, int col, struct arena *a, rows_reader *read, void *items, size_t size,
	      int limit, size_t *n);
/* Reads the first row into out; ERR_NOTFOUND when there is none. */
int rows_one(struct store_stmt *st, struct arena *a, rows_reader *read, void *out);

/* The statement of sql (a string literal, store.h) on c with n text
 * values bound to ?1..?n (a NULL pointer binds SQL NULL); NULL when it
 * does not prepare. */
struct store_stmt *rows_prepare(struct store_conn *c, const char *sql, int n, ...);
/* Runs sql on c with n text values bound as rows_prepare does, no rows
 * wanted: 0, ERR_DB when it does not prepare, or the step's error. */
int rows_run(struct store_conn *c, const char *sql, int n, ...);
/* The same for a change of rows that must exist: ERR_NOTFOUND when it
 * changed none. */
int rows_change(struct store_conn *c, const char *sql, int n, ...);

/* Ends the write transaction of s (store_write_end): commits when rc is 0,
 * else rolls back; returns rc, or else the commit's error. */
int rows_commit(struct store *s, int rc);

/* A reader of the first column's text into a const char *. */
void rows_text(struct store_stmt *st, struct arena *a, void *out);
/* A reader of the first column, an id, into a char[UUID_STRLEN + 1]. */
void rows_id(struct store_stmt *st, struct arena *a, void *out);

/* A column of items joined by the unit separator (group_concat(x,
 * char(31)), which no item of a list can hold) as a list of at most max. */
void rows_list(struct store_stmt *st, struct arena *a, int col, size_t max, struct strlist *out);
/* The same for the n bytes of text at s. */
void rows_split(struct arena *a, const char *s, size_t n, size_t max, struct strlist *out);

/* A text column copied into the arena, NULL for SQL NULL. */
const char *rows_opt(struct store_stmt *st, struct arena *a, int col);

#endif
