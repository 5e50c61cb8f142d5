/* Unit tests of the route tables (http.h): which table takes a path, how a
 * route is found in one, and that the API's and the pages' tables do not
 * depend on the order their features are listed in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/api/api.h"
#include "../../src/features.h"
#include "../../src/model/registry.h"
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

/* What features.h names: every feature has types, API routes or pages
 * (a misspelt line would have none), and every list of routes or types
 * in src/ is a feature's (else nothing would read it). */
#define DECLARE(name) \
	extern const struct entity_type *const name##_types[]; \
	extern const struct http_route api_##name##_routes[], web_##name##_routes[];
FEATURES(DECLARE)
static const struct feature {
	const char *name;
	const struct entity_type *const *types;
	const struct http_route *api, *web;
} feature_list[] = {
#define ROW(name) { #name, name##_types, api_##name##_routes, web_##name##_routes },
	FEATURES(ROW)
};

static bool is_feature(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof feature_list / sizeof feature_list[0]; i++)
		if (strlen(feature_list[i].name) == len && strncmp(feature_list[i].name, name, len) == 0)
			return true;
	return false;
}

/* The name NAME of each "PREFIXNAMESUFFIX[] = {" in the .c files of dir
 * that is no feature, added to why. */
static void strays(const char *dir, const char *prefix, const char *suffix, char *why, size_t size)
{
	DIR *d = opendir(dir);
	if (!d)
		fail_msg("run from the repository's root: no %s here", dir);
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 3 || strcmp(e->d_name + len - 2, ".c") != 0)
			continue;
		char path[600], text[200000];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		FILE *f = fopen(path, "r");
		assert_non_null(f);
		text[fread(text, 1, sizeof text - 1, f)] = 0;
		fclose(f);
		for (const char *p = strstr(text, suffix); p; p = strstr(p + 1, suffix)) {
			const char *name = p;
			while (name > text && (name[-1] == '_' || (name[-1] >= 'a' && name[-1] <= 'z')))
				name--;
			size_t plen = strlen(prefix);
			if ((size_t)(p - name) <= plen || strncmp(name, prefix, plen) != 0)
				continue; /* not a list's name (the macros that make the defaults) */
			if (!is_feature(name + plen, (size_t)(p - name) - plen))
				snprintf(why + strlen(why), size - strlen(why), " %.*s", (int)(p - name), name);
		}
	}
	closedir(d);
}

static void features_named(void **state)
{
	(void)state;
	for (const struct feature *f = feature_list; f < feature_list + sizeof feature_list / sizeof feature_list[0]; f++)
		if (!f->types[0] && !f->api->pattern && !f->web->pattern)
			fail_msg("the feature %s has no types, API routes or pages", f->name);
	char why[1000] = "";
	strays("src/api", "api_", "_routes[] = {", why, sizeof why);
	strays("src/web", "web_", "_routes[] = {", why, sizeof why);
	strays("src/model", "", "_types[] = {", why, sizeof why);
	if (*why)
		fail_msg("lists no feature of features.h names:%s", why);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finding),
		cmocka_unit_test(prefixes),
		cmocka_unit_test(ours),
		cmocka_unit_test(features_named),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
