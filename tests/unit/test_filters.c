/* Unit tests of the filter forms of lists (src/web/filters.c): each kind
 * of filter drawn as the list pages drew them by hand (a search box, selects
 * with "all" first, the area tree, a text box in place of a select that
 * would be too long, the order), the problems beside the filters, and the
 * links that keep what was chosen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/base/arena.h"
#include "../../src/base/buf.h"
#include "../../src/base/uuid.h"
#include "../../src/http/http.h"
#include "../../src/model/area.h"
#include "../../src/store/store.h"
#include "../../src/web/filters.h"
#include "testdb.h"

static struct store *db;
static struct arena *A;
static char db_path[64];

static const struct enum_entry colours[] = {
	{ "red", { "rood", "red" } },
	{ "blue", { "blauw", "blue" } },
};
static const char *const sorts[] = { "name", "-name" };

static struct http_req *new_req(void)
{
	struct http_req *r = arena_alloc(A, sizeof *r);
	memset(r, 0, sizeof *r);
	r->arena = A;
	r->store = db;
	r->lang = LANG_NL;
	r->out = (struct buf)BUF_INIT(1 << 20);
	return r;
}

#define HAS(r, text)                                                                               \
	do {                                                                                       \
		if (!strstr((r)->out.ptr, (text)))                                                 \
			fail_msg("no %s in:\n%s", (text), (r)->out.ptr);                           \
	} while (0)
#define LACKS(r, text)                                                                             \
	do {                                                                                       \
		if (strstr((r)->out.ptr, (text)))                                                  \
			fail_msg("%s in:\n%s", (text), (r)->out.ptr);                              \
	} while (0)

static void test_form(void **state)
{
	(void)state;
	struct http_req *r = new_req();
	static const char *const names[] = { "Naam", "Naam omgekeerd" };
	const struct choice owners[] = { { "p1", "Partij 1", NULL, false, 0 }, { "p2", "Partij 2", NULL, false, 0 } };
	const struct filter fl[] = {
		{ FILTER("q", FILTER_SEARCH, "Zoeken", "tuin") },
		{ FILTER("colour", FILTER_ENUM, "Kleur", "blue"), .all = "Alle kleuren", .keys = colours, .n = 2 },
		{ FILTER("area", FILTER_AREA, "Gebied", "GM0344"), .all = "Alle gebieden", .hint = "De code" },
		{ FILTER("owner", FILTER_CHOICES, "Eigenaar", "p2"), .all = "Alle eigenaren", .choices = owners, .n = 2 },
		{ FILTER("tag", FILTER_TEXT, "Label", NULL) },
		{ FILTER("sort", FILTER_SORT, "Volgorde", NULL), .sorts = sorts, .sort_names = names, .n = 2 },
	};
	struct problems p = { 0 };
	problems_add(&p, "tag", R_TOO_LONG, 50);
	filters_form(r, "/dingen", fl, 6, &p);
	HAS(r, "<form action=\"/dingen\" method=\"get\">\n<fieldset class=\"filters\">\n<legend>");
	LACKS(r, "_csrf");
	/* the search box keeps what was typed */
	HAS(r, "type=\"search\"");
	HAS(r, "value=\"tuin\"");
	/* a closed set: "all" first, the chosen key selected, the names in the page's language */
	HAS(r, "<select id=\"f-colour\" name=\"colour\">\n<option value=\"\">Alle kleuren</option>\n"
	       "<option value=\"red\">rood</option>\n<option value=\"blue\" selected>blauw</option>\n</select>");
	/* the area tree, indented by depth */
	HAS(r, "<option value=\"\">Alle gebieden</option>\n<option value=\"NL01\">Nederland</option>\n"
	       "<option value=\"GM0344\" selected>&nbsp;&nbsp;Utrecht</option>");
	/* choices given by the page */
	HAS(r, "<option value=\"p1\">Partij 1</option>\n<option value=\"p2\" selected>Partij 2</option>");
	/* an order: no "all", the first when none is chosen */
	HAS(r, "<select id=\"f-sort\" name=\"sort\">\n<option value=\"name\" selected>Naam</option>\n"
	       "<option value=\"-name\">Naam omgekeerd</option>");
	/* the problem beside its filter and in the summary, named by its label */
	HAS(r, "<a href=\"#f-tag\">Label: ");
	HAS(r, "<a href=\"/dingen\">");
	buf_release(&r->out);
}

static void test_text_box_in_place_of_a_select(void **state)
{
	(void)state;
	struct http_req *r = new_req();
	const struct filter fl[] = {
		{ FILTER("owner", FILTER_CHOICES, "Eigenaar", "01a2"), .all = "Alle eigenaren", .hint = "Het id van de partij." },
	};
	filters_form(r, "/dingen", fl, 1, NULL);
	LACKS(r, "<select");
	HAS(r, "name=\"owner\"");
	HAS(r, "value=\"01a2\"");
	HAS(r, "Het id van de partij.");
	buf_release(&r->out);
}

static void test_url(void **state)
{
	(void)state;
	struct http_req *r = new_req();
	const struct filter fl[] = {
		{ FILTER("q", FILTER_SEARCH, "Zoeken", "tuin & bos") },
		{ FILTER("colour", FILTER_ENUM, "Kleur", NULL) },
		{ FILTER("area", FILTER_AREA, "Gebied", "") },
		{ FILTER("sort", FILTER_SORT, "Volgorde", "-name") },
	};
	/* the filters chosen, in order, encoded; the cursor last */
	assert_string_equal(filters_url(r, "/dingen", fl, 4, NULL), "/dingen?q=tuin%20%26%20bos&sort=-name");
	assert_string_equal(filters_url(r, "/dingen", fl, 4, "abc"), "/dingen?q=tuin%20%26%20bos&sort=-name&cursor=abc");
	assert_string_equal(filters_url(r, "/dingen", fl, 0, NULL), "/dingen");
	assert_string_equal(filters_url(r, "/dingen", fl + 1, 2, "c"), "/dingen?cursor=c");
	buf_release(&r->out);
}

static int setup(void **state)
{
	(void)state;
	snprintf(db_path, sizeof db_path, "/tmp/kiem-test-filters-XXXXXX");
	int fd = mkstemp(db_path);
	if (fd < 0)
		return -1;
	close(fd);
	int applied;
	if (store_open(&db, db_path, STORE_CREATE) || store_migrate(db, &applied))
		return -1;
	A = arena_new();
	struct viewer admin = { .authenticated = true, .role = PROLE_ADMIN };
	uuid7_new(admin.user_id);
	struct problems p = { 0 };
	struct area areas[] = {
		{ .code = "NL01", .name = "Nederland", .level = "country" },
		{ .code = "GM0344", .name = "Utrecht", .level = "municipality", .parent = "NL01" },
	};
	for (size_t i = 0; i < 2; i++)
		if (area_create(db, &admin, A, &areas[i], &p))
			return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(A);
	store_close(db);
	testdb_remove(db_path);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form),
		cmocka_unit_test(test_text_box_in_place_of_a_select),
		cmocka_unit_test(test_url),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
