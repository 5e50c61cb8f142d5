/* Unit tests of the route tables (http.h): which table takes a path, how a
 * route is found in one, and that the API's and the pages' tables do not
 * depend on the order their features are listed in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../src/api/api.h"
#include "../../src/base/arena.h"
#include "../../src/http/http.h"
#include "../../src/web/web.h"

static void nothing(struct http_req *r)
{
	(void)r;
}

static const struct http_route things[] = {
	{ HM_GET, "/things/{id}", nothing, 0 },
	{ HM_GET | HM_DELETE, "/things/mine", nothing, 0 },
	{ HM_POST, "/things/{id}/parts/{part}", nothing, 0 },
	{ 0 },
};
static const struct http_route others[] = {
	{ HM_GET, "/", nothing, 0 },
	{ HM_PATCH, "/things/{id}", nothing, 0 },
	{ 0 },
};
static const struct http_route *const features[] = { things, others, NULL };
static const struct http_table table = { .prefix = "", .features = features };

static void finding(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const char *params[HTTP_PARAMS_MAX] = { 0 };
	unsigned allowed = 0;
	/* a pattern that is the path itself wins over one with a parameter */
	const struct http_route *rt = http_table_find(&table, a, HM_GET, "/things/mine", params, &allowed);
	assert_ptr_equal(rt, &things[1]);
	assert_null(params[0]);
	rt = http_table_find(&table, a, HM_GET, "/things/42", params, &allowed);
	assert_ptr_equal(rt, &things[0]);
	assert_string_equal(params[0], "42");
	/* across the features of one table */
	rt = http_table_find(&table, a, HM_PATCH, "/things/42", params, &allowed);
	assert_ptr_equal(rt, &others[1]);
	rt = http_table_find(&table, a, HM_POST, "/things/7/parts/x", params, &allowed);
	assert_ptr_equal(rt, &things[2]);
	assert_string_equal(params[0], "7");
	assert_string_equal(params[1], "x");
	/* 405: what the patterns that match take; for a literal path only its own */
	assert_null(http_table_find(&table, a, HM_DELETE, "/things/42", params, &allowed));
	assert_int_equal(allowed, HM_GET | HM_PATCH);
	assert_null(http_table_find(&table, a, HM_PATCH, "/things/mine", params, &allowed));
	assert_int_equal(allowed, HM_GET | HM_DELETE);
	/* 404 */
	const char *none[] = { "/nothing", "/things", "/things/", "/things//parts/x", "/things/7/parts" };
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		assert_null(http_table_find(&table, a, HM_GET, none[i], params, &allowed));
		assert_int_equal(allowed, 0);
	}
	arena_free(a);
}

static void prefixes(void **state)
{
	(void)state;
	const struct http_table under = { .prefix = "/under", .features = features };
	const struct http_table *const tables[] = { &under, &table, NULL };
	assert_ptr_equal(http_table_of(tables, "/under"), &under);
	assert_ptr_equal(http_table_of(tables, "/under/x"), &under);
	assert_ptr_equal(http_table_of(tables, "/underx"), &table);
	assert_ptr_equal(http_table_of(tables, "/"), &table);
	assert_ptr_equal(http_table_of(tables, "/x/under"), &table);
	const struct http_table *const ours[] = { &api_table, &web_table, NULL };
	assert_ptr_equal(http_table_of(ours, "/api"), &api_table);
	assert_ptr_equal(http_table_of(ours, "/api/v1/parties"), &api_table);
	assert_ptr_equal(http_table_of(ours, "/apix"), &web_table);
	assert_ptr_equal(http_table_of(ours, "/partijen"), &web_table);
}

/* Whether some path matches both patterns: as many segments, and in each
 * the same text or a parameter in one of them. */
static bool overlap(const char *p, const char *q)
{
	while (*p && *q) {
		const char *pe = strchr(p + 1, '/'), *qe = strchr(q + 1, '/');
		size_t pn = pe ? (size_t)(pe - p) : strlen(p), qn = qe ? (size_t)(qe - q) : strlen(q);
		bool param = p[1] == '{' || q[1] == '{';
		if (!param && (pn != qn || memcmp(p, q, pn) != 0))
			return false;
		p += pn;
		q += qn;
	}
	return !*p && !*q;
}

/* No route hides another: two that take a method never match one path,
 * unless one is a path without parameters, which wins whatever the order.
 * So the order of the features in routes.c does not matter. */
static void order_free(const struct http_table *t)
{
	size_t n = 0;
	for (const struct http_route *const *f = t->features; *f; f++) {
		assert_non_null((*f)->pattern); /* no feature without routes */
		for (const struct http_route *a = *f; a->pattern; a++) {
			n++;
			assert_true(a->methods != 0);
			assert_non_null(a->fn);
			for (const struct http_route *const *g = t->features; *g; g++)
				for (const struct http_route *b = *g; b->pattern; b++) {
					if (a == b || !(a->methods & b->methods) || !overlap(a->pattern, b->pattern))
						continue;
					bool a_literal = !strchr(a->pattern, '{'), b_literal = !strchr(b->pattern, '{');
					if (a_literal == b_literal)
						fail_msg("%s and %s both take a method on one path", a->pattern, b->pattern);
				}
		}
	}
	assert_true(n > 10);
}

static void ours(void **state)
{
	(void)state;
	order_free(&api_table);
	order_free(&web_table);
	/* each table's routes lie under its prefix, and no page under the API's */
	for (const struct http_route *const *f = api_table.features; *f; f++)
		for (const struct http_route *rt = *f; rt->pattern; rt++)
			assert_int_equal(strncmp(rt->pattern, "/api/v1/", 8), 0);
	for (const struct http_route *const *f = web_table.features; *f; f++)
		for (const struct http_route *rt = *f; rt->pattern; rt++)
			assert_false(strncmp(rt->pattern, "/api/", 5) == 0 || strcmp(rt->pattern, "/api") == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finding),
		cmocka_unit_test(prefixes),
		cmocka_unit_test(ours),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
