#include "rows.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/uuid.h"
#include "../store/store.h"
#include "fields.h"

int rows_read(struct store_stmt *st, struct arena *a, rows_reader *read, void *items, size_t size,
	      size_t max, size_t *n)
{
	int rc = 0;
	*n = 0;
	if (!st)
		return ERR_DB;
	while (*n < max && (rc = store_step(st)) == STORE_ROW)
		read(st, a, (char *)items + size * (*n)++);
	store_reset(st);
	return *n < max && rc < 0 ? rc : 0;
}

int rows_page(struct store_stmt *st, int col, struct arena *a, rows_reader *read, void *items, size_t size,
	      int limit, size_t *n)
{
	if (st)
		store_bind_int(st, col, limit + 1);
	int rc = rows_read(st, a, read, items, size, (size_t)limit + 1, n);
	if (rc)
		return rc;
	if (*n <= (size_t)limit)
		return 0;
	*n = (size_t)limit;
	return 1;
}

int rows_one(struct store_stmt *st, struct arena *a, rows_reader *read, void *out)
{
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		read(st, a, out);
		rc = 0;
	} else if (rc == STORE_DONE) {
		rc = ERR_NOTFOUND;
	}
	store_reset(st);
	return rc;
}

void rows_text(struct store_stmt *st, struct arena *a, void *out)
{
	*(const char **)out = arena_strdup(a, store_text(st, 0));
}

void rows_id(struct store_stmt *st, struct arena *a, void *out)
{
	(void)a;
	snprintf(out, UUID_STRLEN + 1, "%s", store_text(st, 0));
}

void rows_list(struct store_stmt *st, struct arena *a, int col, size_t max, struct strlist *out)
{
	const char *s = store_is_null(st, col) ? "" : store_text(st, col);
	rows_split(a, s, strlen(s), max, out);
}

void rows_split(struct arena *a, const char *s, size_t n, size_t max, struct strlist *out)
{
	out->v = arena_alloc(a, sizeof *out->v * max);
	out->n = 0;
	const char *end = s + n;
	while (s < end && out->n < max) {
		const char *sep = memchr(s, '\x1f', (size_t)(end - s));
		size_t len = sep ? (size_t)(sep - s) : (size_t)(end - s);
		out->v[out->n++] = arena_strndup(a, s, len);
		s += len + (sep != NULL);
	}
}

const char *rows_opt(struct store_stmt *st, struct arena *a, int col)
{
	return store_is_null(st, col) ? NULL : arena_strdup(a, store_text(st, col));
}

/* Binds the n text values of ap to ?1..?n. */
static struct store_stmt *bind_texts(struct store_stmt *st, int n, va_list ap)
{
	for (int i = 1; st && i <= n; i++)
		store_bind_str(st, i, va_arg(ap, const char *));
	return st;
}

struct store_stmt *rows_prepare(struct store_conn *c, const char *sql, int n, ...)
{
	va_list ap;
	va_start(ap, n);
	struct store_stmt *st = bind_texts(store_prepare(c, sql), n, ap);
	va_end(ap);
	return st;
}

int rows_run(struct store_conn *c, const char *sql, int n, ...)
{
	va_list ap;
	va_start(ap, n);
	struct store_stmt *st = bind_texts(store_prepare(c, sql), n, ap);
	va_end(ap);
	return st ? store_run(st) : ERR_DB;
}

int rows_change(struct store_conn *c, const char *sql, int n, ...)
{
	va_list ap;
	va_start(ap, n);
	struct store_stmt *st = bind_texts(store_prepare(c, sql), n, ap);
	va_end(ap);
	int rc = st ? store_run(st) : ERR_DB;
	return !rc && store_changes(c) == 0 ? ERR_NOTFOUND : rc;
}

int rows_commit(struct store *s, int rc)
{
	int crc = store_write_end(s, rc == 0);
	return rc ? rc : crc;
}
