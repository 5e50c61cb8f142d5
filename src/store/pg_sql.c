/* The rewriting of pg_sql.h: one pass over the text, word by word, that
 * copies string literals as they are. */
#include "pg_sql.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/buf.h"

enum { SQL_MAX = 1 << 20 };

static bool is_word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

static const char *skip_space(const char *p)
{
	while (isspace((unsigned char)*p))
		p++;
	return p;
}

/* Whether the word at p (n bytes) is w, ignoring case. */
static bool word_is(const char *p, size_t n, const char *w)
{
	return strlen(w) == n && strncasecmp(p, w, n) == 0;
}

/* Whether the parenthesis at p holds a list of two or more (a top-level
 * comma): SQLite's max(a, b) is PostgreSQL's greatest(a, b). */
static bool has_top_comma(const char *p)
{
	int depth = 0;
	for (; *p; p++) {
		if (*p == '\'') {
			while (*++p && *p != '\'')
				;
			if (!*p)
				break;
		} else if (*p == '(') {
			depth++;
		} else if (*p == ')') {
			if (--depth == 0)
				return false;
		} else if (*p == ',' && depth == 1) {
			return true;
		}
	}
	return false;
}

/* Whether what follows a subquery in FROM is its alias; PostgreSQL 15
 * wants one, SQLite does not. */
static bool alias_follows(const char *p)
{
	static const char *const not_alias[] = {"WHERE", "ORDER", "GROUP", "LIMIT", "UNION", "JOIN", "LEFT", "INNER",
						"CROSS", "ON", "HAVING", "EXCEPT", "INTERSECT", "OFFSET", NULL};
	p = skip_space(p);
	if (!is_word_char(*p))
		return false;
	size_t n = 0;
	while (is_word_char(p[n]))
		n++;
	for (int i = 0; not_alias[i]; i++)
		if (word_is(p, n, not_alias[i]))
			return false;
	return true;
}

/* Whether the number at p stands where a condition does ("WHERE 1 AND"):
 * SQLite takes an integer for a truth value, PostgreSQL does not. */
static bool bool_place(const char *sql, const char *p, const char *next)
{
	const char *q = p;
	while (q > sql && isspace((unsigned char)q[-1]))
		q--;
	const char *w = q;
	while (w > sql && is_word_char(w[-1]))
		w--;
	size_t n = (size_t)(q - w);
	bool before = word_is(w, n, "WHERE") || word_is(w, n, "AND") || word_is(w, n, "OR");
	if (!before)
		return false;
	if (*next == ')' || !*next)
		return true;
	size_t k = 0;
	while (is_word_char(next[k]))
		k++;
	return word_is(next, k, "AND") || word_is(next, k, "OR");
}

char *pg_sql_query(const char *sql, int *nparams)
{
	struct buf b = BUF_INIT(SQL_MAX);
	int top = 0, aliases = 0, depth = 0;
	/* the depths at which a FROM ( subquery closes, innermost last */
	int subq[32], nsubq = 0;
	bool after_from = false;
	const char *p = sql;
	while (*p) {
		if (*p == '\'') {
			const char *end = p + 1;
			while (*end && !(*end == '\'' && end[1] != '\''))
				end += *end == '\'' ? 2 : 1;
			if (*end)
				end++;
			buf_add(&b, p, (size_t)(end - p));
			p = end;
			continue;
		}
		if (*p == '?' && isdigit((unsigned char)p[1])) {
			int n = (int)strtol(p + 1, (char **)&p, 10);
			buf_printf(&b, "$%d", n);
			if (n > top)
				top = n;
			after_from = false;
			continue;
		}
		if (*p == '(') {
			depth++;
			if (after_from && nsubq < 32)
				subq[nsubq++] = depth;
			after_from = false;
			buf_addc(&b, *p++);
			continue;
		}
		if (*p == ')') {
			buf_addc(&b, *p++);
			if (nsubq && subq[nsubq - 1] == depth) {
				nsubq--;
				if (!alias_follows(p))
					buf_printf(&b, " AS q%d", ++aliases);
			}
			depth--;
			continue;
		}
		if (!is_word_char(*p) || (p > sql && is_word_char(p[-1]))) {
			if (!isspace((unsigned char)*p))
				after_from = false;
			buf_addc(&b, *p++);
			continue;
		}
		size_t n = 0;
		while (is_word_char(p[n]))
			n++;
		const char *next = skip_space(p + n);
		after_from = word_is(p, n, "FROM") || word_is(p, n, "JOIN");
		if ((word_is(p, n, "1") || word_is(p, n, "0")) && bool_place(sql, p, next))
			buf_adds(&b, *p == '1' ? "TRUE" : "FALSE");
		else if (*next == '(' && word_is(p, n, "group_concat"))
			buf_adds(&b, "string_agg");
		else if (*next == '(' && word_is(p, n, "char"))
			buf_adds(&b, "chr");
		else if (*next == '(' && word_is(p, n, "last_insert_rowid"))
			buf_adds(&b, "lastval");
		else if (*next == '(' && word_is(p, n, "max") && has_top_comma(next))
			buf_adds(&b, "greatest");
		else if (*next == '(' && word_is(p, n, "min") && has_top_comma(next))
			buf_adds(&b, "least");
		else if (word_is(p, n, "LIMIT") && *next == '?')
			buf_adds(&b, "LIMIT nullif(greatest(-1, "); /* SQLite: a negative limit is none */
		else if (word_is(p, n, "LIKE"))
			buf_adds(&b, "ILIKE"); /* SQLite's LIKE ignores the case of ASCII */
		else if (word_is(p, n, "MATCH") && *next == '?')
			buf_adds(&b, "@@ fts5_query(");
		else if (word_is(p, n, "IS") && *next == '?')
			buf_adds(&b, "IS NOT DISTINCT FROM");
		else if (word_is(p, n, "IS") && strncasecmp(next, "NOT", 3) == 0 && *skip_space(next + 3) == '?') {
			buf_adds(&b, "IS DISTINCT FROM");
			n = (size_t)(next + 3 - p);
		} else
			buf_add(&b, p, n);
		bool match = word_is(p, n, "MATCH") && *next == '?';
		bool limit = word_is(p, n, "LIMIT") && *next == '?';
		p += n;
		if (match || limit) {
			p = next + 1;
			int k = (int)strtol(p, (char **)&p, 10);
			buf_printf(&b, match ? " $%d)" : "$%d), -1)", k);
			if (k > top)
				top = k;
		}
	}
	*nparams = top;
	if (b.err) {
		buf_release(&b);
		return NULL;
	}
	return buf_take(&b, NULL);
}

/* The value of the option key = 'value' among an FTS5 table's arguments
 * from p to end, or NULL; its length in *len. */
static const char *fts_option(const char *p, const char *end, const char *key, size_t *len)
{
	size_t k = strlen(key);
	for (; p && p < end; p = strchr(p, ',')) {
		p = skip_space(p + (*p == ',' || *p == '('));
		if (strncasecmp(p, key, k) || is_word_char(p[k]))
			continue;
		const char *v = skip_space(p + k);
		if (*v != '=')
			continue;
		v = skip_space(v + 1);
		if (*v != '\'')
			return NULL;
		const char *q = strchr(v + 1, '\'');
		if (!q || q > end)
			return NULL;
		*len = (size_t)(q - v - 1);
		return v + 1;
	}
	return NULL;
}

/* The words of the columns, in Dutch: to_tsvector('dutch',
 * translate(coalesce(a, '') || ' ' || ..., punctuation, spaces)). ASCII
 * punctuation separates words, as in unicode61 and in store_fts_query:
 * PostgreSQL's parser would take <b>, an address or a path as one token (or
 * drop it), and "script" would not find "<script>". */
static void fts_words(struct buf *b, const char *const *cols, const size_t *lens, int ncols)
{
	buf_adds(b, "to_tsvector('dutch', translate(");
	for (int i = 0; i < ncols; i++) {
		buf_adds(b, i ? " || ' ' || coalesce(" : "coalesce(");
		buf_add(b, cols[i], lens[i]);
		buf_adds(b, ", '')");
	}
	buf_adds(b, ", '!\"#$%&''()*+,-./:;<=>?@[\\]^_`{|}~', '                                '))");
}

/* One FTS5 table, "CREATE VIRTUAL TABLE name USING fts5(a, b, tokenize =
 * '...');", as a table whose rowid is a column and whose column of the
 * table's own name holds the words of the others, in Dutch; at p, past the
 * statement on return.
 * With external content (content = 'table', content_rowid = 'key'), as
 * SQLite's index reads its text from the table, so does PostgreSQL's: name
 * is a view of the table's key as rowid, the columns, and their words as
 * name; a GIN index on the table's expression of the words finds them, and
 * PostgreSQL keeps it as the table's rows change. The model's INSERT and
 * DELETE of the search entry (which SQLite's index needs) do nothing. */
static const char *fts_table(struct buf *b, const char *p)
{
	p = skip_space(p + strlen("CREATE VIRTUAL TABLE"));
	size_t n = 0;
	while (is_word_char(p[n]))
		n++;
	const char *name = p;
	size_t name_len = n;
	p = strchr(p, '(');
	const char *end = p ? strchr(p, ';') : NULL;
	if (!end) {
		b->err = -1;
		return "";
	}
	size_t content_len = 0, key_len = 0;
	const char *content = fts_option(p, end, "content", &content_len);
	const char *key = fts_option(p, end, "content_rowid", &key_len);
	const char *cols[16];
	int ncols = 0;
	size_t lens[16];
	for (p++; p < end && ncols < 16;) {
		p = skip_space(p);
		size_t k = 0;
		while (is_word_char(p[k]))
			k++;
		if (k == 0 || *skip_space(p + k) == '=')
			break; /* the options: tokenize, content... */
		cols[ncols] = p;
		lens[ncols++] = k;
		p = strchr(p, ',');
		if (!p || p > end)
			break;
		p++;
	}
	/* the SQL comes from schema.c's literals only; no value goes in */
	static const char view[] = "CREATE VIEW ", select[] = " AS SELECT ", index_on[] = ";CREATE INDEX ",
			  rule_on[] = "CREATE RULE ", table[] = "CREATE TABLE ", stored[] = ") STORED);CREATE INDEX ";
	if (content && key) {
		buf_adds(b, view);
		buf_add(b, name, name_len);
		buf_adds(b, select);
		buf_add(b, key, key_len);
		buf_adds(b, " AS rowid");
		for (int i = 0; i < ncols; i++) {
			buf_adds(b, ", ");
			buf_add(b, cols[i], lens[i]);
		}
		buf_adds(b, ", ");
		fts_words(b, cols, lens, ncols);
		buf_adds(b, " AS ");
		buf_add(b, name, name_len);
		buf_adds(b, " FROM ");
		buf_add(b, content, content_len);
		buf_adds(b, index_on);
		buf_add(b, name, name_len);
		buf_adds(b, "_words ON ");
		buf_add(b, content, content_len);
		buf_adds(b, " USING gin ((");
		fts_words(b, cols, lens, ncols);
		buf_adds(b, "));");
		static const char *const rule[] = { "_insert AS ON INSERT TO ", "_delete AS ON DELETE TO " };
		for (int i = 0; i < 2; i++) {
			buf_adds(b, rule_on);
			buf_add(b, name, name_len);
			buf_adds(b, rule[i]);
			buf_add(b, name, name_len);
			buf_adds(b, " DO INSTEAD NOTHING;");
		}
		return end + 1;
	}
	buf_adds(b, table);
	buf_add(b, name, name_len);
	buf_adds(b, " (rowid BIGINT PRIMARY KEY");
	for (int i = 0; i < ncols; i++) {
		buf_adds(b, ", ");
		buf_add(b, cols[i], lens[i]);
		buf_adds(b, " TEXT");
	}
	buf_adds(b, ", ");
	buf_add(b, name, name_len);
	buf_adds(b, " tsvector GENERATED ALWAYS AS (");
	fts_words(b, cols, lens, ncols);
	buf_adds(b, stored);
	buf_add(b, name, name_len);
	buf_adds(b, "_words ON ");
	buf_add(b, name, name_len);
	buf_adds(b, " USING gin (");
	buf_add(b, name, name_len);
	buf_adds(b, ");");
	return end + 1;
}

/* A statement that moves data within a step (an UPDATE that fills a new
 * column) is a query like any other: rewritten as one, up to its ';'. */
static const char *data_statement(struct buf *b, const char *p)
{
	const char *end = p;
	while (*end && *end != ';') {
		if (*end == '\'') {
			const char *q = strchr(end + 1, '\'');
			end = q ? q : end + strlen(end) - 1;
		}
		end++;
	}
	/* an ON DELETE of a CREATE TABLE comes here too, with the rest of its
	 * statement: a table's WITHOUT ROWID goes (see pg_sql_ddl) */
	size_t len = (size_t)(end - p);
	if (len >= 13 && strncasecmp(end - 13, "WITHOUT ROWID", 13) == 0)
		len -= 13;
	char *one = strndup(p, len);
	int nparams;
	char *text = one ? pg_sql_query(one, &nparams) : NULL;
	if (text)
		buf_adds(b, text);
	else
		b->err = -1;
	free(text);
	free(one);
	return end;
}

char *pg_sql_ddl(const char *step)
{
	struct buf b = BUF_INIT(SQL_MAX);
	const char *p = step;
	while (*p) {
		if (*p == '\'') {
			const char *end = strchr(p + 1, '\'');
			end = end ? end + 1 : p + strlen(p);
			buf_add(&b, p, (size_t)(end - p));
			p = end;
			continue;
		}
		if (!is_word_char(*p) || (p > step && is_word_char(p[-1]))) {
			buf_addc(&b, *p++);
			continue;
		}
		size_t n = 0;
		while (is_word_char(p[n]))
			n++;
		if (strncasecmp(p, "CREATE VIRTUAL TABLE", 20) == 0) {
			p = fts_table(&b, p);
			continue;
		}
		if (word_is(p, n, "UPDATE") || word_is(p, n, "INSERT") || word_is(p, n, "DELETE")) {
			p = data_statement(&b, p);
			continue;
		}
		/* every PostgreSQL table is a heap with its key beside it */
		if (strncasecmp(p, "WITHOUT ROWID", 13) == 0) {
			p += 13;
			continue;
		}
		if (strncasecmp(p, "INTEGER PRIMARY KEY", 19) == 0) {
			buf_adds(&b, "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
			p += 19;
			continue;
		}
		if (word_is(p, n, "INTEGER"))
			buf_adds(&b, "BIGINT");
		else
			buf_add(&b, p, n);
		p += n;
	}
	if (b.err) {
		buf_release(&b);
		return NULL;
	}
	return buf_take(&b, NULL);
}
