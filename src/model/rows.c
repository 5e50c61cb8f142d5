#include "rows.h"

#include <stdarg.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
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

void rows_list(struct store_stmt *st, struct arena *a, int col, size_t max, struct strlist *out)
{
	out->v = arena_alloc(a, sizeof *out->v * max);
	out->n = 0;
	const char *s = store_is_null(st, col) ? "" : store_text(st, col);
	while (*s && out->n < max) {
		size_t len = strcspn(s, "\x1f");
		out->v[out->n++] = arena_strndup(a, s, len);
		s += len;
		if (*s)
			s++;
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
