/* Unit tests of src/model: validation, areas, parties and their
 * permissions, the party directory's filters and paging, users, sessions,
 * API tokens and the role catalogue. One fresh temporary database per run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sodium.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../src/base/arena.h"
#include "../../src/base/err.h"
#include "../../src/base/text.h"
#include "../../src/base/timefmt.h"
#include "../../src/base/uuid.h"
#include "../../src/model/activity.h"
#include "../../src/model/area.h"
#include "../../src/model/register.h"
#include "../../src/model/member.h"
#include "../../src/model/password.h"
#include "../../src/model/party.h"
#include "../../src/model/perm.h"
#include "../../src/model/role.h"
#include "../../src/model/settings.h"
#include "../../src/model/user.h"
#include "../../src/model/valid.h"
#include "../../src/store/store.h"
#include "testdb.h"

static char db_path[64];
static struct store *db;
static struct viewer anon, admin_v, alice_v, bob_v;

#define ALICE_EMAIL "alice@example.nl"
#define ALICE_PASSWORD "correct horse battery"

/* ---- helpers ---- */

static void expect_problem(const struct problems *p, const char *field, enum reason r)
{
	const struct problem *pr = problems_find(p, field);
	if (!pr)
		fail_msg("expected a problem on \"%s\"", field);
	if (pr->reason != r)
		fail_msg("problem on \"%s\" is reason %d, expected %d", field, (int)pr->reason, (int)r);
}

static struct viewer viewer_of(const struct user *u)
{
	struct viewer v = { 0 };
	v.authenticated = true;
	snprintf(v.user_id, sizeof v.user_id, "%s", u->id);
	snprintf(v.name, sizeof v.name, "%s", u->name);
	v.role = user_role(u);
	return v;
}

/* A list from words separated by spaces ("" gives an empty list). */
static struct strlist words(struct arena *a, const char *s)
{
	struct strlist l = { arena_alloc(a, sizeof(char *) * 64), 0 };
	for (const char *p = s; p && *p;) {
		size_t n = strcspn(p, " ");
		if (n)
			l.v[l.n++] = arena_strndup(a, p, n);
		p += n + (p[n] == ' ');
	}
	return l;
}

static int64_t count_sql(const char *sql)
{
	struct store_stmt *st = store_prepare(store_reader(db), sql);
	assert_non_null(st);
	assert_int_equal(store_step(st), STORE_ROW);
	int64_t n = store_int(st, 0);
	store_reset(st);
	return n;
}

/* The same with one text bound to ?1 (sql must be a literal: the store
 * caches statements by the address of their text). */
static int64_t count_sql1(const char *sql, const char *arg)
{
	struct store_stmt *st = store_prepare(store_reader(db), sql);
	assert_non_null(st);
	store_bind_str(st, 1, arg);
	assert_int_equal(store_step(st), STORE_ROW);
	int64_t n = store_int(st, 0);
	store_reset(st);
	return n;
}

static int write_sql(const char *sql)
{
	struct store_conn *c = store_write_begin(db);
	assert_non_null(c);
	struct store_stmt *st = store_prepare(c, sql);
	int rc = st ? store_run(st) : ERR_DB;
	int crc = store_write_end(db, rc == 0);
	return rc ? rc : crc;
}

static void wipe_parties(void)
{
	assert_int_equal(write_sql("DELETE FROM party_search"), 0);
	assert_int_equal(write_sql("DELETE FROM parties"), 0);
	assert_int_equal(count_sql("SELECT count(*) FROM party_tags"), 0);
}

static struct party new_party(struct arena *a, const char *name, const char *kind,
			      const char *areas, const char *roles, const char *tags)
{
	struct party pa;
	memset(&pa, 0, sizeof pa);
	pa.name = name;
	pa.kind = kind;
	pa.areas = words(a, areas);
	pa.roles = words(a, roles);
	pa.tags = words(a, tags);
	return pa;
}

/* Creates a party and asserts it worked; returns its id in the arena. */
static const char *add_party(struct arena *a, const struct viewer *v, struct party pa)
{
	struct problems p = { 0 };
	int rc = party_create(db, a, v, &pa, &p);
	if (rc)
		fail_msg("party_create(%s): %s (%zu problems, first on %s)", pa.name, err_str(rc), p.n,
			 p.n ? p.v[0].field : "-");
	return arena_strdup(a, pa.id);
}

static int make_area(const struct viewer *v, const char *code, const char *name, const char *level,
		     const char *parent, struct problems *p)
{
	struct arena *a = arena_new();
	struct area in = { .code = code, .name = name, .level = level, .parent = parent };
	memset(p, 0, sizeof *p);
	int rc = area_create(db, v, a, &in, p);
	arena_free(a);
	return rc;
}

/* ---- valid ---- */

/* party_update on the party as party_get reads it for the viewer. */
static int update_party(struct store *s, struct arena *a, const struct viewer *v, struct party *in,
			struct problems *p)
{
	struct party was;
	if (!v->authenticated)
		return ERR_AUTH;
	int rc = party_get(s, a, v, in->id, &was);
	return rc ? rc : party_update(s, a, v, &was, in, p);
}

static void test_valid_email_phone_url(void **state)
{
	(void)state;
	assert_true(valid_email("a@b.nl"));
	assert_true(valid_email("naam.achternaam+tag@sub.voorbeeld.nl"));
	static const char *const bad_email[] = {
		"", "a", "@b.nl", "a@", "a@b", "a@b.", "a@.nl", "a@@b.nl", "a@b@c.nl",
		"a b@c.nl", "a@b.nl,c@d.nl", "<a@b.nl>", "\"a\"@b.nl", "a@b.nl;",
	};
	for (size_t i = 0; i < sizeof bad_email / sizeof bad_email[0]; i++)
		if (valid_email(bad_email[i]))
			fail_msg("valid_email accepted \"%s\"", bad_email[i]);
	char longmail[300];
	memset(longmail, 'x', sizeof longmail);
	memcpy(longmail + 250, "@b.nl", 6); /* 255 characters */
	assert_false(valid_email(longmail));
	memcpy(longmail + 240, "@b.nl", 6); /* 245 */
	assert_true(valid_email(longmail));

	assert_true(valid_phone("030 123 4567"));
	assert_true(valid_phone("+31 30 123 4567"));
	assert_true(valid_phone("(030) 123-4567"));
	assert_true(valid_phone("112233"));
	assert_false(valid_phone(""));
	assert_false(valid_phone("12345"));             /* too few digits */
	assert_false(valid_phone("0123456789012345"));  /* too many */
	assert_false(valid_phone("030 12a 4567"));
	assert_false(valid_phone("31+ 30 1234567"));   /* + only in front */
	assert_false(valid_phone("030.123.4567"));

	assert_true(valid_url("https://kiem.nl"));
	assert_true(valid_url("http://voorbeeld.nl/pad?a=b&c=d#e"));
	assert_false(valid_url(""));
	assert_false(valid_url("kiem.nl"));
	assert_false(valid_url("ftp://kiem.nl"));
	assert_false(valid_url("javascript:alert(1)"));
	assert_false(valid_url("https://"));
	assert_false(valid_url("https:///pad"));
	assert_false(valid_url("https://.nl"));
	assert_false(valid_url("https://kiem.nl/a b"));
	assert_false(valid_url("https://kiem.nl/\"><script>"));
	assert_false(valid_url("https://kiem.nl/'x'"));
}

static void test_valid_text_and_problems(void **state)
{
	(void)state;
	struct problems p = { 0 };
	assert_false(valid_text(&p, "name", "", true, 10, false));
	expect_problem(&p, "name", R_REQUIRED);
	assert_false(valid_text(&p, "title", NULL, true, 10, false));
	expect_problem(&p, "title", R_REQUIRED);
	assert_int_equal(p.n, 2);
	/* optional and empty is fine */
	assert_true(valid_text(&p, "note", "", false, 10, false));
	assert_true(valid_text(&p, "note", NULL, false, 10, false));
	assert_null(problems_find(&p, "note"));
	/* bad UTF-8, control characters, length in characters */
	assert_false(valid_text(&p, "a", "x\xc0\x80", true, 10, false));
	expect_problem(&p, "a", R_BAD_UTF8);
	assert_false(valid_text(&p, "b", "x\ty", true, 10, false));
	expect_problem(&p, "b", R_CONTROL_CHARS);
	assert_true(valid_text(&p, "c", "x\ny", true, 10, true)); /* multiline */
	assert_null(problems_find(&p, "c"));
	assert_false(valid_text(&p, "d", "x\x01y", true, 10, true));
	expect_problem(&p, "d", R_CONTROL_CHARS);
	assert_true(valid_text(&p, "e", "\xc3\xa9\xc3\xa9\xc3\xa9", true, 3, false));
	assert_false(valid_text(&p, "f", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", true, 3, false));
	expect_problem(&p, "f", R_TOO_LONG);
	assert_int_equal(problems_find(&p, "f")->arg, 3);
	/* one problem per field: the first stays */
	size_t n = p.n;
	problems_add(&p, "a", R_TOO_LONG, 5);
	assert_int_equal(p.n, n);
	expect_problem(&p, "a", R_BAD_UTF8);
	/* never more than PROBLEMS_MAX */
	struct problems q = { 0 };
	static char names[PROBLEMS_MAX + 5][16];
	for (int i = 0; i < PROBLEMS_MAX + 5; i++) {
		snprintf(names[i], sizeof names[i], "f%d", i);
		problems_add(&q, names[i], R_REQUIRED, 0);
	}
	assert_int_equal(q.n, PROBLEMS_MAX);
	assert_non_null(problems_find(&q, "f0"));
	assert_null(problems_find(&q, names[PROBLEMS_MAX]));
}

static struct problem prob(const char *field, enum reason r, long arg)
{
	struct problem pr;
	memset(&pr, 0, sizeof pr);
	pr.field = field;
	pr.reason = r;
	pr.arg = arg;
	return pr;
}

static void test_problem_text(void **state)
{
	(void)state;
	char nl[200], en[200];
	struct problem pr = prob("name", R_REQUIRED, 0);
	problem_text(&pr, LANG_NL, nl, sizeof nl);
	problem_text(&pr, LANG_EN, en, sizeof en);
	assert_string_equal(nl, "Vul dit in.");
	assert_string_equal(en, "Fill this in.");
	pr = prob("name", R_TOO_LONG, 200);
	problem_text(&pr, LANG_NL, nl, sizeof nl);
	problem_text(&pr, LANG_EN, en, sizeof en);
	assert_string_equal(nl, "Gebruik hoogstens 200 tekens.");
	assert_string_equal(en, "Use at most 200 characters.");
	pr = prob("password", R_TOO_SHORT, 12);
	problem_text(&pr, LANG_EN, en, sizeof en);
	assert_string_equal(en, "Use at least 12 characters.");
	pr = prob("capacityHours", R_OUT_OF_RANGE, 10000);
	problem_text(&pr, LANG_NL, nl, sizeof nl);
	assert_non_null(strstr(nl, "10000"));
	pr = prob("capacityHours", R_WRONG_TYPE, JK_INTEGER);
	problem_text(&pr, LANG_NL, nl, sizeof nl);
	problem_text(&pr, LANG_EN, en, sizeof en);
	assert_string_equal(nl, "Moet een geheel getal zijn.");
	assert_string_equal(en, "Must be an integer.");
	pr.arg = 999; /* an unknown type does not read out of bounds */
	problem_text(&pr, LANG_EN, en, sizeof en);
	assert_string_equal(en, "Must be a string.");

	/* every reason has its own sentence in both languages */
	char fallback_nl[200], fallback_en[200];
	pr = prob("x", R_REASON_COUNT, 0);
	problem_text(&pr, LANG_NL, fallback_nl, sizeof fallback_nl);
	problem_text(&pr, LANG_EN, fallback_en, sizeof fallback_en);
	static char seen[R_REASON_COUNT][2][200];
	for (int r = 0; r < R_REASON_COUNT; r++) {
		pr = prob("x", (enum reason)r, 5);
		problem_text(&pr, LANG_NL, seen[r][0], sizeof seen[r][0]);
		problem_text(&pr, LANG_EN, seen[r][1], sizeof seen[r][1]);
		if (!seen[r][0][0] || !seen[r][1][0] || strcmp(seen[r][0], seen[r][1]) == 0 ||
		    strcmp(seen[r][0], fallback_nl) == 0 || strcmp(seen[r][1], fallback_en) == 0)
			fail_msg("reason %d: \"%s\" / \"%s\"", r, seen[r][0], seen[r][1]);
		for (int o = 0; o < r; o++)
			if (strcmp(seen[r][1], seen[o][1]) == 0 || strcmp(seen[r][0], seen[o][0]) == 0)
				fail_msg("reasons %d and %d read the same", o, r);
	}
	/* a small buffer is cut and terminated */
	char small[8];
	memset(small, 'x', sizeof small);
	pr = prob("x", R_BAD_URL, 0);
	problem_text(&pr, LANG_EN, small, sizeof small);
	assert_int_equal(strlen(small), sizeof small - 1);
}

/* ---- areas ---- */

static void test_area_tree(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct area ar;
	assert_int_equal(area_get(db, a, "BU03440101", &ar), 0);
	assert_string_equal(ar.code, "BU03440101");
	assert_string_equal(ar.name, "Lombok-Oost");
	assert_string_equal(ar.level, "neighbourhood");
	assert_string_equal(ar.parent, "WK034401");
	assert_string_equal(ar.path, "NL01/PV26/GM0344/WK034401/BU03440101/");
	time_t t;
	assert_true(time_parse(ar.created_at, strlen(ar.created_at), &t));
	assert_int_equal(area_get(db, a, "NL01", &ar), 0);
	assert_null(ar.parent);
	assert_string_equal(ar.path, "NL01/");
	assert_int_equal(area_get(db, a, "XX99", &ar), ERR_NOTFOUND);

	/* the children of a municipality, in tree order */
	struct area_filter f = { .parent = "GM0344", .limit = 10 };
	struct area *items;
	size_t n;
	const char *next;
	assert_int_equal(area_list(db, a, &f, &items, &n, &next), 0);
	assert_int_equal(n, 2);
	assert_string_equal(items[0].code, "WK034401");
	assert_string_equal(items[1].code, "WK034402");
	assert_null(next);
	/* a page of one, then the next */
	f = (struct area_filter){ .limit = 1 };
	assert_int_equal(area_list(db, a, &f, &items, &n, &next), 0);
	assert_int_equal(n, 1);
	assert_string_equal(items[0].code, "NL01");
	assert_non_null(next);
	f.cursor = next;
	assert_int_equal(area_list(db, a, &f, &items, &n, &next), 0);
	assert_string_equal(items[0].code, "PV26");
	arena_free(a);
}

/* An entity's own rules, declared beside it, answer as perm.c's table
 * does: perm_check of an object and perm_check_rules of the same row. */
static void test_own_rules(void **state)
{
	(void)state;
	static const perm_rules own = {
		[ACT_READ] = W_PUBLIC | W_MEMBER | W_ADMIN,
		[ACT_CREATE] = W_USER,
		[ACT_UPDATE] = W_PARTY_ADMIN | W_COORDINATOR,
	};
	struct perm_target hidden = { NULL, false, MEMBER_NONE, false };
	struct perm_target open = { NULL, true, MEMBER_NONE, false };
	struct perm_target admin_of = { NULL, false, MEMBER_ADMIN, false };
	struct perm_target in_area = { NULL, false, MEMBER_MEMBER, true };
	assert_int_equal(perm_check_rules(&anon, own, ACT_READ, &open), 0);
	assert_int_equal(perm_check_rules(&anon, own, ACT_READ, &hidden), ERR_AUTH);
	assert_int_equal(perm_check_rules(&alice_v, own, ACT_READ, &hidden), ERR_FORBIDDEN);
	assert_int_equal(perm_check_rules(&admin_v, own, ACT_READ, &hidden), 0);
	assert_int_equal(perm_check_rules(&anon, own, ACT_CREATE, NULL), ERR_AUTH);
	assert_int_equal(perm_check_rules(&alice_v, own, ACT_CREATE, NULL), 0);
	assert_int_equal(perm_check_rules(&alice_v, own, ACT_UPDATE, &admin_of), 0);
	assert_int_equal(perm_check_rules(&alice_v, own, ACT_UPDATE, &in_area), ERR_FORBIDDEN);
	struct viewer coord = alice_v;
	coord.role = PROLE_COORDINATOR;
	assert_int_equal(perm_check_rules(&coord, own, ACT_UPDATE, &in_area), 0);
	assert_int_equal(perm_check_rules(&admin_v, own, ACT_DELETE, &admin_of), ERR_FORBIDDEN);
	/* the shared table goes through the same check */
	assert_int_equal(perm_check(&anon, OBJ_PARTY, ACT_READ, &open), perm_check_rules(&anon, own, ACT_READ, &open));
	assert_int_equal(perm_check(&alice_v, OBJ_PARTY, ACT_UPDATE, &in_area), 0);
}

static void test_area_create_permission(void **state)
{
	(void)state;
	struct problems p;
	assert_int_equal(make_area(&anon, "GM0001", "Anoniem", "municipality", "PV26", &p), ERR_AUTH);
	assert_int_equal(make_area(NULL, "GM0001", "Anoniem", "municipality", "PV26", &p), ERR_AUTH);
	assert_int_equal(make_area(&alice_v, "GM0001", "Alice", "municipality", "PV26", &p), ERR_FORBIDDEN);
	struct viewer coord = alice_v;
	coord.role = PROLE_COORDINATOR;
	assert_int_equal(make_area(&coord, "GM0001", "Coord", "municipality", "PV26", &p), ERR_FORBIDDEN);
	struct arena *a = arena_new();
	struct area ar;
	assert_int_equal(area_get(db, a, "GM0001", &ar), ERR_NOTFOUND);
	/* the admin may */
	assert_int_equal(make_area(&admin_v, "GM0001", "Beheer", "municipality", "PV26", &p), 0);
	assert_int_equal(p.n, 0);
	assert_int_equal(area_get(db, a, "GM0001", &ar), 0);
	assert_string_equal(ar.path, "NL01/PV26/GM0001/");
	arena_free(a);
}

static void test_area_create_validation(void **state)
{
	(void)state;
	struct problems p;
	/* bad codes */
	assert_int_equal(make_area(&admin_v, "GM 0002", "Spatie", "municipality", "PV26", &p), ERR_INVALID);
	expect_problem(&p, "code", R_BAD_FORMAT);
	assert_int_equal(make_area(&admin_v, "GM-0002", "Streep", "municipality", "PV26", &p), ERR_INVALID);
	expect_problem(&p, "code", R_BAD_FORMAT);
	assert_int_equal(make_area(&admin_v, "GM0002/", "Pad", "municipality", "PV26", &p), ERR_INVALID);
	expect_problem(&p, "code", R_BAD_FORMAT);
	assert_int_equal(make_area(&admin_v, "ABCDEFGHIJKLMNOPQ", "Lang", "municipality", "PV26", &p),
			 ERR_INVALID);
	expect_problem(&p, "code", R_TOO_LONG); /* the descriptor's limit, as for every text */
	assert_int_equal(make_area(&admin_v, "", "Leeg", "municipality", "PV26", &p), ERR_INVALID);
	expect_problem(&p, "code", R_REQUIRED);
	assert_int_equal(make_area(&admin_v, NULL, "Leeg", "municipality", "PV26", &p), ERR_INVALID);
	expect_problem(&p, "code", R_REQUIRED);
	/* unknown parent */
	assert_int_equal(make_area(&admin_v, "GM0002", "Wees", "municipality", "PV99", &p), ERR_INVALID);
	expect_problem(&p, "parent", R_UNKNOWN_AREA);
	assert_int_equal(p.n, 1);
	/* level not below the parent's */
	assert_int_equal(make_area(&admin_v, "GM0002", "Gelijk", "municipality", "GM0344", &p), ERR_INVALID);
	expect_problem(&p, "level", R_NOT_ONE_OF);
	assert_int_equal(make_area(&admin_v, "GM0002", "Hoger", "province", "GM0344", &p), ERR_INVALID);
	expect_problem(&p, "level", R_NOT_ONE_OF);
	assert_int_equal(make_area(&admin_v, "GM0002", "Land", "country", "NL01", &p), ERR_INVALID);
	expect_problem(&p, "level", R_NOT_ONE_OF);
	/* unknown or missing level, missing or bad name */
	assert_int_equal(make_area(&admin_v, "GM0002", "Stad", "city", "PV26", &p), ERR_INVALID);
	expect_problem(&p, "level", R_NOT_ONE_OF);
	assert_int_equal(make_area(&admin_v, "GM0002", "Stad", NULL, "PV26", &p), ERR_INVALID);
	expect_problem(&p, "level", R_CHOOSE);
	assert_int_equal(make_area(&admin_v, "GM0002", "", "municipality", "PV26", &p), ERR_INVALID);
	expect_problem(&p, "name", R_REQUIRED);
	assert_int_equal(make_area(&admin_v, "GM0002", "Tab\there", "municipality", "PV26", &p), ERR_INVALID);
	expect_problem(&p, "name", R_CONTROL_CHARS);
	/* every problem at once */
	assert_int_equal(make_area(&admin_v, "G M", "", "city", "PV99", &p), ERR_INVALID);
	expect_problem(&p, "code", R_BAD_FORMAT);
	expect_problem(&p, "name", R_REQUIRED);
	expect_problem(&p, "level", R_NOT_ONE_OF);
	expect_problem(&p, "parent", R_UNKNOWN_AREA);
	assert_int_equal(p.n, 4);
	/* duplicate */
	assert_int_equal(make_area(&admin_v, "GM0344", "Nog eens Utrecht", "municipality", "PV26", &p),
			 ERR_INVALID);
	expect_problem(&p, "code", R_DUPLICATE);
	/* none of these left anything behind */
	assert_int_equal(count_sql("SELECT count(*) FROM areas WHERE code LIKE 'GM0002%' OR code = 'G M'"), 0);
	assert_int_equal(count_sql("SELECT count(*) FROM areas WHERE code = 'GM0344'"), 1);
	struct arena *a = arena_new();
	struct area ar;
	assert_int_equal(area_get(db, a, "GM0344", &ar), 0);
	assert_string_equal(ar.name, "Utrecht");
	arena_free(a);
	/* a root needs no parent, whatever its level; an empty parent is none */
	assert_int_equal(make_area(&admin_v, "BE01", "Belgie", "country", NULL, &p), 0);
	assert_int_equal(make_area(&admin_v, "BEPV1", "Antwerpen", "province", "", &p), 0);
}

/* ---- parties ---- */

static void test_party_validate(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	/* every problem at once */
	char longtag[PARTY_TAG_MAX + 2];
	memset(longtag, 'a', sizeof longtag - 1);
	longtag[sizeof longtag - 1] = 0;
	struct party pa = new_party(a, "  ", "club", "GM0344 XX99", "invest dance", "goed");
	pa.tags.v[pa.tags.n++] = longtag;
	pa.email = "geen-adres";
	pa.phone = "bel maar";
	pa.website = "ftp://kiem.nl";
	pa.has_capacity = true;
	pa.capacity_hours = 10001;
	pa.visibility = "secret";
	pa.description = "ok\x01";
	struct problems p = { 0 };
	party_validate(db, a, &pa, &p);
	expect_problem(&p, "name", R_REQUIRED);
	expect_problem(&p, "kind", R_NOT_ONE_OF);
	expect_problem(&p, "email", R_BAD_EMAIL);
	expect_problem(&p, "phone", R_BAD_PHONE);
	expect_problem(&p, "website", R_BAD_URL);
	expect_problem(&p, "capacityHours", R_OUT_OF_RANGE);
	assert_int_equal(problems_find(&p, "capacityHours")->arg, PARTY_CAPACITY_MAX);
	expect_problem(&p, "visibility", R_NOT_ONE_OF);
	expect_problem(&p, "description", R_CONTROL_CHARS);
	expect_problem(&p, "areas", R_UNKNOWN_AREA);
	expect_problem(&p, "roles", R_UNKNOWN_ROLE);
	expect_problem(&p, "tags", R_TOO_LONG);
	assert_int_equal(p.n, 11);

	/* too many of a list (distinct items, so cleaning does not merge them) */
	pa = new_party(a, "Veel", "business", "", "", "");
	for (int i = 0; i < PARTY_AREAS_MAX + 1; i++)
		pa.areas.v[pa.areas.n++] = arena_printf(a, "A%d", i);
	for (int i = 0; i < PARTY_TAGS_MAX + 1; i++)
		pa.tags.v[pa.tags.n++] = arena_printf(a, "tag%d", i);
	memset(&p, 0, sizeof p);
	party_validate(db, a, &pa, &p);
	expect_problem(&p, "areas", R_TOO_MANY);
	assert_int_equal(problems_find(&p, "areas")->arg, PARTY_AREAS_MAX);
	expect_problem(&p, "tags", R_TOO_MANY);
	assert_int_equal(p.n, 2);

	/* cleaning: trims, drops empty and repeated items, lower-cases tags */
	pa = new_party(a, "  De Buurtkamer \n", " citizen_initiative ", "GM0344 GM0344", "invest invest",
		       "Zorg zorg ZORG Wonen");
	pa.tags.v[pa.tags.n++] = "  wonen ";
	pa.tags.v[pa.tags.n++] = "";
	pa.email = "   ";
	pa.website = " https://buurtkamer.nl ";
	memset(&p, 0, sizeof p);
	party_validate(db, a, &pa, &p);
	assert_int_equal(p.n, 0);
	assert_string_equal(pa.name, "De Buurtkamer");
	assert_string_equal(pa.kind, "citizen_initiative");
	assert_null(pa.email);
	assert_string_equal(pa.website, "https://buurtkamer.nl");
	assert_string_equal(pa.visibility, "public");
	assert_string_equal(pa.description, "");
	assert_int_equal(pa.areas.n, 1);
	assert_int_equal(pa.roles.n, 1);
	assert_int_equal(pa.tags.n, 2);
	assert_string_equal(pa.tags.v[0], "zorg");
	assert_string_equal(pa.tags.v[1], "wonen");
	arena_free(a);
}

static void test_party_crud(void **state)
{
	(void)state;
	wipe_parties();
	struct arena *a = arena_new();
	struct problems p = { 0 };
	struct party pa = new_party(a, "Buurtkracht Lombok", "citizen_initiative", "WK034401 BU03440101",
				    "involve_target_groups agenda_issues", "Wonen zorg");
	pa.description = "Bewoners helpen elkaar.\nElke week.";
	pa.email = "info@buurtkracht.nl";
	pa.phone = "030 123 4567";
	pa.website = "https://buurtkracht.nl";
	pa.has_capacity = true;
	pa.capacity_hours = 12;

	/* anonymous may not create */
	struct party copy = pa;
	assert_int_equal(party_create(db, a, &anon, &copy, &p), ERR_AUTH);
	assert_int_equal(party_create(db, a, NULL, &copy, &p), ERR_AUTH);
	assert_int_equal(count_sql("SELECT count(*) FROM parties"), 0);

	/* a logged-in user may */
	assert_int_equal(party_create(db, a, &alice_v, &pa, &p), 0);
	assert_int_equal(p.n, 0);
	assert_true(uuid_valid(pa.id, strlen(pa.id)));
	assert_string_equal(pa.created_by, alice_v.user_id);
	char id[UUID_STRLEN + 1];
	memcpy(id, pa.id, sizeof id);

	/* and anyone reads it back, lists and all */
	struct party got;
	assert_int_equal(party_get(db, a, &anon, id, &got), 0);
	assert_string_equal(got.id, id);
	assert_string_equal(got.name, "Buurtkracht Lombok");
	assert_string_equal(got.kind, "citizen_initiative");
	assert_string_equal(got.description, "Bewoners helpen elkaar.\nElke week.");
	assert_string_equal(got.email, "info@buurtkracht.nl");
	assert_string_equal(got.phone, "030 123 4567");
	assert_string_equal(got.website, "https://buurtkracht.nl");
	assert_true(got.has_capacity);
	assert_int_equal(got.capacity_hours, 12);
	assert_string_equal(got.visibility, "public");
	assert_string_equal(got.created_by, alice_v.user_id);
	time_t t;
	assert_true(time_parse(got.created_at, strlen(got.created_at), &t));
	assert_string_equal(got.created_at, got.updated_at);
	assert_int_equal(got.areas.n, 2);
	assert_string_equal(got.areas.v[0], "WK034401");   /* in tree order */
	assert_string_equal(got.areas.v[1], "BU03440101");
	assert_int_equal(got.roles.n, 2);
	assert_string_equal(got.roles.v[0], "agenda_issues"); /* in catalogue order */
	assert_string_equal(got.roles.v[1], "involve_target_groups");
	assert_int_equal(got.tags.n, 2);
	assert_string_equal(got.tags.v[0], "wonen");           /* sorted, lower case */
	assert_string_equal(got.tags.v[1], "zorg");
	/* the row keeps the roles in the order the catalogue had when they were
	 * written; read, they are in the catalogue's order of now */
	assert_int_equal(write_sql("UPDATE parties SET lists = replace(lists,"
				   " 'agenda_issues' || char(31) || 'involve_target_groups',"
				   " 'involve_target_groups' || char(31) || 'agenda_issues')"), 0);
	assert_int_equal(count_sql("SELECT count(*) FROM parties WHERE instr(lists, 'involve_target_groups' || char(31)) > 0"), 1);
	assert_int_equal(party_get(db, a, &anon, id, &got), 0);
	assert_string_equal(got.roles.v[0], "agenda_issues");
	assert_string_equal(got.roles.v[1], "involve_target_groups");
	assert_int_equal(got.areas.n, 2);
	assert_int_equal(got.tags.n, 2);

	/* missing ids */
	assert_int_equal(party_get(db, a, &anon, "not-a-uuid", &got), ERR_NOTFOUND);
	assert_int_equal(party_get(db, a, &anon, NULL, &got), ERR_NOTFOUND);
	char other[UUID_STRLEN + 1];
	uuid7_new(other);
	assert_int_equal(party_get(db, a, &admin_v, other, &got), ERR_NOTFOUND);

	/* who may edit: the creator is the party's admin; the relation is the
	 * viewer's own, so each reads the party first */
	assert_int_equal(party_get(db, a, &alice_v, id, &got), 0);
	assert_int_equal(got.member, MEMBER_ADMIN);
	assert_true(party_can_edit(&alice_v, &got));
	assert_int_equal(party_get(db, a, &admin_v, id, &got), 0);
	assert_true(party_can_edit(&admin_v, &got));
	assert_int_equal(party_get(db, a, &bob_v, id, &got), 0);
	assert_int_equal(got.member, MEMBER_NONE);
	assert_false(party_can_edit(&bob_v, &got));
	assert_int_equal(party_get(db, a, &anon, id, &got), 0);
	assert_false(party_can_edit(&anon, &got));

	/* the creator edits: fields and lists are replaced */
	struct party up = new_party(a, "Buurtkracht Lombok-Oost", "citizen_initiative", "GM0344", "",
				    "buurtkamer");
	memcpy(up.id, id, sizeof id);
	memset(&p, 0, sizeof p);
	assert_int_equal(update_party(db, a, &alice_v, &up, &p), 0);
	assert_int_equal(party_get(db, a, &anon, id, &got), 0);
	assert_string_equal(got.name, "Buurtkracht Lombok-Oost");
	assert_null(got.email);
	assert_false(got.has_capacity);
	assert_string_equal(got.created_by, alice_v.user_id); /* unchanged by an update */
	assert_int_equal(got.areas.n, 1);
	assert_string_equal(got.areas.v[0], "GM0344");
	assert_int_equal(got.roles.n, 0);
	assert_int_equal(got.tags.n, 1);
	assert_string_equal(got.tags.v[0], "buurtkamer");
	assert_int_equal(count_sql("SELECT count(*) FROM party_tags"), 1);
	assert_int_equal(count_sql("SELECT count(*) FROM party_search"), 1);

	/* another user may not, nor may anonymous; nothing changes */
	up.name = "Overgenomen";
	memset(&p, 0, sizeof p);
	assert_int_equal(update_party(db, a, &bob_v, &up, &p), ERR_FORBIDDEN);
	assert_int_equal(update_party(db, a, &anon, &up, &p), ERR_AUTH);
	assert_int_equal(party_delete(db, &bob_v, id), ERR_FORBIDDEN);
	assert_int_equal(party_delete(db, &anon, id), ERR_AUTH);
	assert_int_equal(party_get(db, a, &anon, id, &got), 0);
	assert_string_equal(got.name, "Buurtkracht Lombok-Oost");

	/* an invalid update changes nothing */
	struct party badup = new_party(a, "", "citizen_initiative", "", "", "");
	memcpy(badup.id, id, sizeof id);
	memset(&p, 0, sizeof p);
	assert_int_equal(update_party(db, a, &alice_v, &badup, &p), ERR_INVALID);
	expect_problem(&p, "name", R_REQUIRED);
	assert_int_equal(party_get(db, a, &anon, id, &got), 0);
	assert_string_equal(got.name, "Buurtkracht Lombok-Oost");

	/* the admin may edit anyone's */
	up.name = "Door beheer";
	memset(&p, 0, sizeof p);
	assert_int_equal(update_party(db, a, &admin_v, &up, &p), 0);
	assert_int_equal(party_get(db, a, &anon, id, &got), 0);
	assert_string_equal(got.name, "Door beheer");
	assert_string_equal(got.created_by, alice_v.user_id);

	/* updating a party that is not there */
	struct party ghost = new_party(a, "Spook", "business", "", "", "");
	memcpy(ghost.id, other, sizeof other);
	memset(&p, 0, sizeof p);
	assert_int_equal(update_party(db, a, &admin_v, &ghost, &p), ERR_NOTFOUND);

	/* the creator deletes; it is gone, with its lists and search entry */
	assert_int_equal(party_delete(db, &alice_v, id), 0);
	assert_int_equal(party_get(db, a, &admin_v, id, &got), ERR_NOTFOUND);
	assert_int_equal(party_delete(db, &alice_v, id), ERR_NOTFOUND);
	assert_int_equal(count_sql("SELECT count(*) FROM party_tags"), 0);
	assert_int_equal(count_sql("SELECT count(*) FROM party_areas"), 0);
	assert_int_equal(count_sql("SELECT count(*) FROM party_search"), 0);

	/* the admin may delete anyone's */
	const char *bobs = add_party(a, &bob_v, new_party(a, "Van Bob", "business", "", "", ""));
	assert_int_equal(party_delete(db, &alice_v, bobs), ERR_FORBIDDEN);
	assert_int_equal(party_delete(db, &admin_v, bobs), 0);
	assert_int_equal(party_get(db, a, &admin_v, bobs, &got), ERR_NOTFOUND);

	/* an invalid create adds to the problems the caller found, and stores nothing */
	struct party bad = new_party(a, "", "nope", "", "", "");
	memset(&p, 0, sizeof p);
	problems_add(&p, "extra", R_UNKNOWN_FIELD, 0);
	assert_int_equal(party_create(db, a, &alice_v, &bad, &p), ERR_INVALID);
	expect_problem(&p, "extra", R_UNKNOWN_FIELD);
	expect_problem(&p, "name", R_REQUIRED);
	expect_problem(&p, "kind", R_NOT_ONE_OF);
	assert_int_equal(count_sql("SELECT count(*) FROM parties"), 0);
	arena_free(a);
}

static void test_party_private(void **state)
{
	(void)state;
	wipe_parties();
	struct arena *a = arena_new();
	struct party pa = new_party(a, "Stil Overleg", "social_work", "GM0344", "", "geheim");
	pa.visibility = "private";
	const char *id = add_party(a, &alice_v, pa);
	add_party(a, &alice_v, new_party(a, "Open Huis", "social_work", "GM0344", "", "geheim"));
	struct party got;
	assert_int_equal(party_get(db, a, &alice_v, id, &got), 0);
	assert_string_equal(got.visibility, "private");
	assert_int_equal(party_get(db, a, &admin_v, id, &got), 0);
	assert_int_equal(party_get(db, a, &bob_v, id, &got), ERR_NOTFOUND);
	assert_int_equal(party_get(db, a, &anon, id, &got), ERR_NOTFOUND);
	assert_int_equal(party_get(db, a, NULL, id, &got), ERR_NOTFOUND);
	/* others cannot even learn that it exists by changing it */
	struct party up = new_party(a, "Gekaapt", "social_work", "", "", "");
	snprintf(up.id, sizeof up.id, "%s", id);
	struct problems p = { 0 };
	assert_int_equal(update_party(db, a, &bob_v, &up, &p), ERR_NOTFOUND);
	assert_int_equal(party_delete(db, &bob_v, id), ERR_NOTFOUND);
	/* anonymous callers are asked to log in first, whether it exists or not */
	assert_int_equal(update_party(db, a, &anon, &up, &p), ERR_AUTH);
	assert_int_equal(party_delete(db, &anon, id), ERR_AUTH);
	char missing[UUID_STRLEN + 1];
	uuid7_new(missing);
	assert_int_equal(party_delete(db, &anon, missing), ERR_AUTH);
	assert_int_equal(party_get(db, a, &alice_v, id, &got), 0);
	assert_string_equal(got.name, "Stil Overleg");

	/* nor find it in the directory, by any filter or search */
	const struct viewer *const who[] = { &anon, &bob_v, &alice_v, &admin_v };
	const size_t want[] = { 1, 1, 2, 2 };
	for (size_t w = 0; w < 4; w++) {
		struct party_filter fs[] = {
			{ .limit = 100 },
			{ .tag = "geheim", .limit = 100 },
			{ .q = "overleg huis", .limit = 100 },
			{ .q = "geheim", .limit = 100 },
			{ .kind = "social_work", .area = "GM0344", .limit = 100 },
		};
		for (size_t i = 0; i < sizeof fs / sizeof fs[0]; i++) {
			struct party *items;
			size_t n;
			const char *next;
			memset(&p, 0, sizeof p);
			assert_int_equal(party_list(db, a, who[w], &fs[i], &p, &items, &n, &next), 0);
			size_t expect = fs[i].q && strcmp(fs[i].q, "overleg huis") == 0 ? 0 : want[w];
			if (n != expect)
				fail_msg("viewer %zu, filter %zu: %zu parties, expected %zu", w, i, n, expect);
			for (size_t k = 0; k < n; k++)
				if (w < 2 && strcmp(items[k].id, id) == 0)
					fail_msg("viewer %zu sees the private party", w);
		}
		long long counts[KIND_COUNT];
		assert_int_equal(party_count_by_kind(db, who[w], counts), 0);
		assert_int_equal(counts[KIND_SOCIAL_WORK], want[w]);
	}
	/* the admin changes it and it stays private and the creator's */
	up.name = "Stil Overleg 2";
	up.visibility = "private";
	memset(&p, 0, sizeof p);
	assert_int_equal(update_party(db, a, &admin_v, &up, &p), 0);
	assert_int_equal(party_get(db, a, &bob_v, id, &got), ERR_NOTFOUND);
	assert_int_equal(party_get(db, a, &alice_v, id, &got), 0);
	assert_string_equal(got.name, "Stil Overleg 2");
	assert_int_equal(party_delete(db, &alice_v, id), 0);
	arena_free(a);
}

/* The directory used by the list tests. Created in this order. */
static const struct {
	const char *name, *kind, *areas, *roles, *tags, *description;
	const struct viewer *by;
	bool private_;
} dir[] = {
	{ "Buurthuis De Pijler", "citizen_initiative", "BU03440101", "involve_target_groups",
	  "buurt jongeren", "Een huiskamer voor de buurt.", &alice_v, false },
	{ "Gemeente Utrecht", "government", "GM0344", "procure_innovations regulatory_room", "beleid",
	  "", &admin_v, false },
	{ "Hogeschool Utrecht", "knowledge_institute", "PV26", "research_working_elements",
	  "onderzoek jongeren", "", &alice_v, false },
	{ "Sociaal Team Noord", "social_work", "WK034401", "detect_signals", "zorg", "", &bob_v, false },
	{ "Stichting Amsterdam Zorgt", "social_work", "GM0363", "detect_signals", "zorg", "", &bob_v, false },
	{ "bakkerij Brood & Buurt", "business", "WK034402", "invest operate_responsibly", "werk",
	  "Werkervaringsplaatsen voor jongeren.", &alice_v, false },
	{ "Rijksoverheid", "government", "NL01", "", "", "", &admin_v, false },
	{ "Zorgpunt", "social_work", "GM0363", "", "zorg", "Het eerste zorgpunt.", &alice_v, false },
	{ "Zorgpunt", "social_work", "WK034402", "", "zorg", "Het tweede zorgpunt.", &alice_v, false },
	{ "Verborgen Initiatief", "citizen_initiative", "WK034401", "", "jongeren", "", &bob_v, true },
};
enum { DIR_N = sizeof dir / sizeof dir[0] };
static const char *dir_ids[DIR_N];
static struct arena *dir_arena;

static void make_directory(void)
{
	wipe_parties();
	if (!dir_arena)
		dir_arena = arena_new();
	for (size_t i = 0; i < DIR_N; i++) {
		struct party pa = new_party(dir_arena, dir[i].name, dir[i].kind, dir[i].areas,
					    dir[i].roles, dir[i].tags);
		pa.description = dir[i].description;
		pa.visibility = dir[i].private_ ? "private" : "public";
		dir_ids[i] = add_party(dir_arena, dir[i].by, pa);
	}
}

/* The index in dir[] of a party's id, or -1. */
static int dir_index(const char *id)
{
	for (int i = 0; i < DIR_N; i++)
		if (strcmp(dir_ids[i], id) == 0)
			return i;
	return -1;
}

/* The parties of a filter as dir indexes "0 3 5", in the order listed,
 * reading every page of the given size. Fails on a duplicate. */
static const char *list_idx(struct arena *a, const struct viewer *v, struct party_filter f, int limit)
{
	char out[256] = "";
	size_t len = 0;
	bool seen[DIR_N] = { false };
	f.limit = limit;
	f.cursor = NULL;
	for (int page = 0; page < 100; page++) {
		struct party *items;
		size_t n;
		const char *next;
		struct problems p = { 0 };
		int rc = party_list(db, a, v, &f, &p, &items, &n, &next);
		if (rc)
			fail_msg("party_list: %s (%s)", err_str(rc), p.n ? p.v[0].field : "-");
		if (n > (size_t)limit)
			fail_msg("a page of %zu with limit %d", n, limit);
		if (next && n != (size_t)limit)
			fail_msg("a next cursor after a short page");
		for (size_t k = 0; k < n; k++) {
			int i = dir_index(items[k].id);
			assert_true(i >= 0);
			if (seen[i])
				fail_msg("party %d listed twice", i);
			seen[i] = true;
			len += (size_t)snprintf(out + len, sizeof out - len, "%s%d", len ? " " : "", i);
		}
		if (!next)
			return arena_strdup(a, out);
		assert_true(n > 0);
		f.cursor = next;
	}
	fail_msg("more than 100 pages");
	return NULL;
}

static void test_party_list_filters(void **state)
{
	(void)state;
	make_directory();
	struct arena *a = arena_new();
#define L(v, ...) list_idx(a, (v), (struct party_filter){ __VA_ARGS__ }, 100)
	/* everything, by name (case-insensitive), the default sort */
	assert_string_equal(L(&anon, .sort = SORT_NAME), "5 0 1 2 6 3 4 7 8");
	assert_string_equal(L(&anon), "5 0 1 2 6 3 4 7 8");
	/* the creator and the admin also see the private one */
	assert_string_equal(L(&bob_v), "5 0 1 2 6 3 4 9 7 8");
	assert_string_equal(L(&admin_v), "5 0 1 2 6 3 4 9 7 8");
	assert_string_equal(L(&alice_v), "5 0 1 2 6 3 4 7 8");
	/* kind */
	assert_string_equal(L(&anon, .kind = "social_work"), "3 4 7 8");
	assert_string_equal(L(&anon, .kind = "government"), "1 6");
	assert_string_equal(L(&bob_v, .kind = "citizen_initiative"), "0 9");
	/* area: serving it, an area inside it, or an area that contains it */
	assert_string_equal(L(&anon, .area = "WK034401"), "0 1 2 6 3");
	assert_string_equal(L(&anon, .area = "BU03440101"), "0 1 2 6 3");
	assert_string_equal(L(&anon, .area = "GM0344"), "5 0 1 2 6 3 8");
	assert_string_equal(L(&anon, .area = "GM0363"), "6 4 7");
	assert_string_equal(L(&anon, .area = "PV27"), "6 4 7");
	assert_string_equal(L(&anon, .area = "NL01"), "5 0 1 2 6 3 4 7 8");
	assert_string_equal(L(&bob_v, .area = "WK034401"), "0 1 2 6 3 9");
	/* role */
	assert_string_equal(L(&anon, .role = "detect_signals"), "3 4");
	assert_string_equal(L(&anon, .role = "invest"), "5");
	assert_string_equal(L(&anon, .role = "fund_what_works_research"), "");
	/* tag, trimmed and lower-cased like stored tags */
	assert_string_equal(L(&anon, .tag = "jongeren"), "0 2");
	assert_string_equal(L(&anon, .tag = " Jongeren "), "0 2");
	assert_string_equal(L(&admin_v, .tag = "jongeren"), "0 2 9");
	assert_string_equal(L(&anon, .tag = "jong"), "");
	/* text search: name, description and tags, every word as a prefix */
	assert_string_equal(L(&anon, .q = "jongeren"), "5 0 2");
	assert_string_equal(L(&anon, .q = "utrecht"), "1 2");
	assert_string_equal(L(&anon, .q = "gemeente utrecht"), "1");
	assert_string_equal(L(&anon, .q = "hogesch"), "2");
	assert_string_equal(L(&anon, .q = "HUISKAMER"), "0");
	assert_string_equal(L(&anon, .q = "\"zorg\" OR"), "");
	assert_string_equal(L(&anon, .q = "zorg*"), "3 4 7 8");
	assert_string_equal(L(&anon, .q = "(tweede"), "8");
	assert_string_equal(L(&anon, .q = "niemand"), "");
	/* filters together */
	assert_string_equal(L(&anon, .kind = "social_work", .area = "GM0344"), "3 8");
	assert_string_equal(L(&anon, .q = "utrecht", .kind = "government"), "1");
	assert_string_equal(L(&anon, .tag = "zorg", .area = "WK034402", .kind = "social_work"), "8");
	assert_string_equal(L(&anon, .q = "zorgpunt", .area = "GM0363"), "7");
	/* sorts */
	assert_string_equal(L(&anon, .sort = SORT_NAME_DESC), "8 7 4 3 6 2 1 0 5");
	assert_string_equal(L(&anon, .sort = SORT_CREATED), "0 1 2 3 4 5 6 7 8");
	assert_string_equal(L(&anon, .sort = SORT_CREATED_DESC), "8 7 6 5 4 3 2 1 0");
	assert_string_equal(L(&anon, .q = "zorg", .sort = SORT_CREATED_DESC), "8 7 4 3");
#undef L
	arena_free(a);
}

static void test_party_list_paging(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	const struct viewer *const who[] = { &anon, &admin_v };
	const struct party_filter filters[] = {
		{ .sort = SORT_NAME },
		{ .sort = SORT_NAME_DESC },
		{ .sort = SORT_CREATED },
		{ .sort = SORT_CREATED_DESC },
		{ .kind = "social_work", .sort = SORT_NAME },
		{ .kind = "social_work", .sort = SORT_NAME_DESC },
		{ .area = "GM0344", .sort = SORT_CREATED },
		{ .q = "zorg", .sort = SORT_NAME },
		{ .q = "zorg", .sort = SORT_NAME_DESC },
		{ .q = "utrecht jongeren zorg", .sort = SORT_NAME },
		{ .tag = "zorg", .sort = SORT_CREATED_DESC },
	};
	for (size_t w = 0; w < 2; w++) {
		for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
			const char *all = list_idx(a, who[w], filters[i], 100);
			for (int limit = 1; limit <= DIR_N + 1; limit++) {
				const char *paged = list_idx(a, who[w], filters[i], limit);
				if (strcmp(all, paged) != 0)
					fail_msg("viewer %zu, filter %zu, limit %d: \"%s\", want \"%s\"", w, i,
						 limit, paged, all);
			}
		}
	}

	/* one page exactly: no next; one short of it: a next with one more */
	struct party *items;
	size_t n;
	const char *next;
	struct problems p = { 0 };
	struct party_filter f = { .limit = 9 };
	assert_int_equal(party_list(db, a, &anon, &f, &p, &items, &n, &next), 0);
	assert_int_equal(n, 9);
	assert_null(next);
	f.limit = 8;
	assert_int_equal(party_list(db, a, &anon, &f, &p, &items, &n, &next), 0);
	assert_int_equal(n, 8);
	assert_non_null(next);
	f.cursor = next;
	assert_int_equal(party_list(db, a, &anon, &f, &p, &items, &n, &next), 0);
	assert_int_equal(n, 1);
	assert_null(next);
	assert_string_equal(items[0].id, dir_ids[8]);
	/* the two parties named alike come in id order, so paging splits them cleanly */
	assert_true(strcmp(dir_ids[7], dir_ids[8]) < 0);
	/* the default limit is 20 */
	f = (struct party_filter){ 0 };
	assert_int_equal(party_list(db, a, &admin_v, &f, &p, &items, &n, &next), 0);
	assert_int_equal(n, DIR_N);
	/* the items carry their lists */
	f = (struct party_filter){ .role = "invest", .limit = 5 };
	assert_int_equal(party_list(db, a, &anon, &f, &p, &items, &n, &next), 0);
	assert_int_equal(n, 1);
	assert_int_equal(items[0].roles.n, 2);
	assert_string_equal(items[0].roles.v[0], "invest");
	assert_string_equal(items[0].roles.v[1], "operate_responsibly");
	assert_int_equal(items[0].areas.n, 1);
	assert_string_equal(items[0].areas.v[0], "WK034402");
	assert_int_equal(items[0].tags.n, 1);
	arena_free(a);
}

/* A page's lists (areas, roles, tags) are read for many parties at once, in
 * chunks: each party in a page of 100 has exactly its own. */
static void test_party_list_lists(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	static const char *const areas[] = { "GM0344", "WK034401", "BU03440101" };
	static const char *const roles[] = { "invest", "detect_signals", "agenda_issues" };
	for (int i = 0; i < 60; i++) {
		struct party pa = { .name = arena_printf(a, "Lijstpartij %02d", i), .kind = "business" };
		pa.areas.v = arena_alloc(a, sizeof(char *) * 3);
		pa.roles.v = arena_alloc(a, sizeof(char *) * 3);
		pa.tags.v = arena_alloc(a, sizeof(char *) * 3);
		for (int k = 0; k <= i % 3; k++) {
			pa.areas.v[pa.areas.n++] = areas[(i + k) % 3];
			pa.roles.v[pa.roles.n++] = roles[(i + k) % 3];
			pa.tags.v[pa.tags.n++] = arena_printf(a, "lijst%d", i * 10 + k);
		}
		struct problems p = { 0 };
		assert_int_equal(party_create(db, a, &alice_v, &pa, &p), 0);
	}
	struct party_filter f = { .q = "lijstpartij", .limit = 100 };
	struct problems p = { 0 };
	struct party *items;
	size_t n;
	const char *next;
	assert_int_equal(party_list(db, a, &anon, &f, &p, &items, &n, &next), 0);
	assert_int_equal(n, 60);
	for (size_t i = 0; i < n; i++) {
		struct party one;
		assert_int_equal(party_get(db, a, &anon, items[i].id, &one), 0);
		const struct strlist *got[] = { &items[i].areas, &items[i].roles, &items[i].tags };
		const struct strlist *want[] = { &one.areas, &one.roles, &one.tags };
		for (int k = 0; k < 3; k++) {
			assert_int_equal(got[k]->n, want[k]->n);
			for (size_t j = 0; j < got[k]->n; j++)
				assert_string_equal(got[k]->v[j], want[k]->v[j]);
		}
		assert_int_equal(items[i].tags.n, (size_t)(i % 3 + 1));
	}
	for (size_t i = 0; i < n; i++)
		assert_int_equal(party_delete(db, &alice_v, items[i].id), 0);
	arena_free(a);
}

/* The same filters and paging when every area filter walks the sorted list
 * instead of finding its parties first (the way large areas go). */
static void test_party_list_large_scope(void **state)
{
	int saved = party_small_scope;
	party_small_scope = 0;
	test_party_list_filters(state);
	test_party_list_paging(state);
	party_small_scope = saved;
}

static void test_party_list_bad_input(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct party *items;
	size_t n;
	const char *next;
	struct problems p;
	struct party_filter f;

	/* cursors that are not kiem's */
	char raw[200], enc[300];
	const char *bad_cursors[] = { "garbage!", "", "abc", "Zm9v", NULL, NULL, NULL };
	/* decodes, but no id after the newline */
	snprintf(raw, sizeof raw, "naam\nzzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz");
	text_base64url((const unsigned char *)raw, strlen(raw), enc);
	bad_cursors[4] = arena_strdup(a, enc);
	/* an id but no newline before it */
	snprintf(raw, sizeof raw, "naam %s", dir_ids[0]);
	text_base64url((const unsigned char *)raw, strlen(raw), enc);
	bad_cursors[5] = arena_strdup(a, enc);
	/* a NUL inside */
	memcpy(raw, "na\0m\n", 5);
	memcpy(raw + 5, dir_ids[0], UUID_STRLEN);
	text_base64url((const unsigned char *)raw, 5 + UUID_STRLEN, enc);
	bad_cursors[6] = arena_strdup(a, enc);
	for (size_t i = 0; i < sizeof bad_cursors / sizeof bad_cursors[0]; i++) {
		f = (struct party_filter){ .cursor = bad_cursors[i], .limit = 5 };
		memset(&p, 0, sizeof p);
		if (party_list(db, a, &anon, &f, &p, &items, &n, &next) != ERR_INVALID)
			fail_msg("cursor %zu \"%s\" accepted", i, bad_cursors[i]);
		expect_problem(&p, "cursor", R_BAD_FORMAT);
		assert_int_equal(p.n, 1);
	}
	/* a good cursor of our own making does work */
	snprintf(raw, sizeof raw, "gemeente utrecht\n%s", dir_ids[1]);
	text_base64url((const unsigned char *)raw, strlen(raw), enc);
	f = (struct party_filter){ .cursor = enc, .limit = 1 };
	memset(&p, 0, sizeof p);
	assert_int_equal(party_list(db, a, &anon, &f, &p, &items, &n, &next), 0);
	assert_int_equal(n, 1);
	assert_string_equal(items[0].id, dir_ids[2]);

	/* other bad filters, all reported at once */
	f = (struct party_filter){ .kind = "club", .area = "XX99", .role = "dance", .limit = 101,
				   .cursor = "!!" };
	memset(&p, 0, sizeof p);
	assert_int_equal(party_list(db, a, &anon, &f, &p, &items, &n, &next), ERR_INVALID);
	expect_problem(&p, "kind", R_NOT_ONE_OF);
	expect_problem(&p, "area", R_UNKNOWN_AREA);
	expect_problem(&p, "role", R_UNKNOWN_ROLE);
	expect_problem(&p, "limit", R_OUT_OF_RANGE);
	expect_problem(&p, "cursor", R_BAD_FORMAT);
	assert_int_equal(p.n, 5);
	f = (struct party_filter){ .q = "a\x01", .tag = "\xff", .limit = 5 };
	memset(&p, 0, sizeof p);
	assert_int_equal(party_list(db, a, &anon, &f, &p, &items, &n, &next), ERR_INVALID);
	expect_problem(&p, "q", R_CONTROL_CHARS);
	expect_problem(&p, "tag", R_BAD_UTF8);
	arena_free(a);
}

static void test_party_counts(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	long long c[KIND_COUNT];
	assert_int_equal(party_count_by_kind(db, &anon, c), 0);
	assert_int_equal(c[KIND_CITIZEN_INITIATIVE], 1);
	assert_int_equal(c[KIND_SOCIAL_WORK], 4);
	assert_int_equal(c[KIND_GOVERNMENT], 2);
	assert_int_equal(c[KIND_BUSINESS], 1);
	assert_int_equal(c[KIND_KNOWLEDGE_INSTITUTE], 1);
	assert_int_equal(party_count_by_kind(db, &bob_v, c), 0);
	assert_int_equal(c[KIND_CITIZEN_INITIATIVE], 2);

	struct party_area_counts *rows;
	size_t n;
	assert_int_equal(party_counts_by_area(db, a, &anon, &rows, &n), 0);
	/* three roots (BE01 and BEPV1 came with the area tests): there is no
	 * single focus, so the rows are the roots, in tree order; each row
	 * counts the same parties as the area filter */
	assert_int_equal(n, 3);
	assert_string_equal(rows[0].code, "BE01");
	assert_int_equal(rows[0].total, 0);
	assert_string_equal(rows[1].code, "BEPV1");
	assert_string_equal(rows[2].code, "NL01");
	assert_int_equal(rows[2].total, 9); /* 5 0 1 2 6 3 4 7 8 */
	bool found = true;
	assert_true(found);
	arena_free(a);
}

/* ---- users, sessions, tokens ---- */

static void test_user_add(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct user u;
	struct problems p = { 0 };
	assert_int_equal(user_add(db, a, "kort@example.nl", "Kort", "kort", PROLE_USER, &u, &p), ERR_INVALID);
	expect_problem(&p, "password", R_TOO_SHORT);
	assert_int_equal(problems_find(&p, "password")->arg, PASSWORD_MIN);
	assert_int_equal(p.n, 1);
	/* characters count, not bytes: eleven é's are 22 bytes but too short */
	memset(&p, 0, sizeof p);
	assert_int_equal(user_add(db, a, "kort@example.nl", "Kort",
				  "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
				  PROLE_USER, &u, &p), ERR_INVALID);
	expect_problem(&p, "password", R_TOO_SHORT);
	/* several problems at once */
	memset(&p, 0, sizeof p);
	assert_int_equal(user_add(db, a, "geen adres", "", "", PROLE_USER, &u, &p), ERR_INVALID);
	expect_problem(&p, "email", R_BAD_EMAIL);
	expect_problem(&p, "name", R_REQUIRED);
	expect_problem(&p, "password", R_REQUIRED);
	assert_int_equal(p.n, 3);
	memset(&p, 0, sizeof p);
	assert_int_equal(user_add(db, a, NULL, NULL, NULL, PROLE_USER, &u, &p), ERR_INVALID);
	expect_problem(&p, "email", R_REQUIRED);
	/* an email that is taken, whatever its case and spaces */
	memset(&p, 0, sizeof p);
	int64_t users = count_sql("SELECT count(*) FROM users");
	assert_int_equal(user_add(db, a, "  ALICE@Example.NL ", "Alice twee", "een ander lang wachtwoord",
				  PROLE_USER, &u, &p), ERR_INVALID);
	expect_problem(&p, "email", R_DUPLICATE);
	assert_int_equal(count_sql("SELECT count(*) FROM users"), users);
	/* stored lower-case, the password only as an argon2id hash */
	struct user found;
	assert_int_equal(user_by_email(db, a, "Alice@Example.nl", &found), 0);
	assert_string_equal(found.id, alice_v.user_id);
	assert_string_equal(found.email, ALICE_EMAIL);
	assert_string_equal(found.name, "Alice");
	assert_int_equal(user_role(&found), PROLE_USER);
	assert_int_equal(user_by_email(db, a, "niemand@example.nl", &found), ERR_NOTFOUND);
	assert_int_equal(count_sql("SELECT count(*) FROM users WHERE password_hash LIKE '$argon2id$%'"), users);
	assert_int_equal(count_sql("SELECT count(*) FROM users WHERE instr(password_hash, 'horse') > 0"), 0);
	assert_int_equal(user_by_email(db, a, "admin@example.nl", &found), 0);
	assert_int_equal(user_role(&found), PROLE_ADMIN);
	arena_free(a);
}

static void test_user_authenticate(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct user u;
	memset(&u, 0, sizeof u);
	assert_int_equal(user_authenticate(db, a, ALICE_EMAIL, ALICE_PASSWORD, &u), 0);
	assert_string_equal(u.id, alice_v.user_id);
	assert_string_equal(u.name, "Alice");
	assert_int_equal(user_authenticate(db, a, " Alice@EXAMPLE.nl", ALICE_PASSWORD, &u), 0);
	assert_int_equal(user_authenticate(db, a, ALICE_EMAIL, "correct horse battery ", &u), ERR_AUTH);
	assert_int_equal(user_authenticate(db, a, ALICE_EMAIL, "Correct horse battery", &u), ERR_AUTH);
	assert_int_equal(user_authenticate(db, a, ALICE_EMAIL, "", &u), ERR_AUTH);
	assert_int_equal(user_authenticate(db, a, ALICE_EMAIL, NULL, &u), ERR_AUTH);
	assert_int_equal(user_authenticate(db, a, "niemand@example.nl", ALICE_PASSWORD, &u), ERR_AUTH);
	assert_int_equal(user_authenticate(db, a, NULL, ALICE_PASSWORD, &u), ERR_AUTH);
	/* bob's password is not alice's */
	assert_int_equal(user_authenticate(db, a, "bob@example.nl", ALICE_PASSWORD, &u), ERR_AUTH);
	assert_int_equal(user_authenticate(db, a, "bob@example.nl", "bobs eigen wachtwoord", &u), 0);
	assert_string_equal(u.id, bob_v.user_id);
	arena_free(a);
}

static void test_sessions(void **state)
{
	(void)state;
	char tok[SECRET_STRLEN + 1], tok2[SECRET_STRLEN + 1];
	assert_int_equal(session_create(db, alice_v.user_id, tok), 0);
	assert_int_equal(strlen(tok), SECRET_STRLEN);
	for (const char *c = tok; *c; c++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", *c));
	assert_int_equal(session_create(db, alice_v.user_id, tok2), 0);
	assert_string_not_equal(tok, tok2);

	struct viewer v;
	memset(&v, 0x55, sizeof v);
	assert_int_equal(session_viewer(db, tok, &v), 0);
	assert_true(v.authenticated);
	assert_string_equal(v.user_id, alice_v.user_id);
	assert_string_equal(v.name, "Alice");
	assert_int_equal(v.role, PROLE_USER);
	char atok[SECRET_STRLEN + 1];
	assert_int_equal(session_create(db, admin_v.user_id, atok), 0);
	assert_int_equal(session_viewer(db, atok, &v), 0);
	assert_int_equal(v.role, PROLE_ADMIN);

	/* only the hash is stored */
	char hash[65];
	secret_hash(tok, hash);
	assert_int_equal(strlen(hash), 64);
	assert_int_equal(count_sql1("SELECT count(*) FROM sessions WHERE token_hash = ?1", hash), 1);
	assert_int_equal(count_sql1("SELECT count(*) FROM sessions WHERE token_hash = ?1", tok), 0);
	assert_int_equal(count_sql1("SELECT count(*) FROM sessions WHERE instr(token_hash, ?1) > 0", tok), 0);

	/* wrong secrets */
	char wrong[SECRET_STRLEN + 1];
	memcpy(wrong, tok, sizeof wrong);
	wrong[10] = wrong[10] == 'A' ? 'B' : 'A';
	assert_int_equal(session_viewer(db, wrong, &v), ERR_AUTH);
	assert_int_equal(session_viewer(db, "short", &v), ERR_AUTH);
	assert_int_equal(session_viewer(db, "", &v), ERR_AUTH);
	assert_int_equal(session_viewer(db, NULL, &v), ERR_AUTH);
	assert_int_equal(session_viewer(db, hash, &v), ERR_AUTH);

	/* logging out ends one session, not the other */
	assert_int_equal(session_delete(db, tok), 0);
	assert_int_equal(session_viewer(db, tok, &v), ERR_AUTH);
	assert_int_equal(session_viewer(db, tok2, &v), 0);
	assert_int_equal(session_delete(db, tok), 0); /* again: nothing to do */
	assert_int_equal(session_delete(db, NULL), 0);

	/* an expired session does not count */
	const char *old = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
	assert_int_equal(strlen(old), SECRET_STRLEN);
	secret_hash(old, hash);
	struct store_conn *c = store_write_begin(db);
	struct store_stmt *st = store_prepare(c,
		"INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)"
		" VALUES (?1, ?2, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', ?3)");
	assert_non_null(st);
	store_bind_str(st, 1, hash);
	store_bind_str(st, 2, alice_v.user_id);
	store_bind_str(st, 3, "2020-01-08T00:00:00Z");
	assert_int_equal(store_run(st), 0);
	assert_int_equal(store_write_end(db, true), 0);
	assert_int_equal(session_viewer(db, old, &v), ERR_AUTH);
	/* a fresh session expires SESSION_DAYS from now */
	char now[TIME_STRLEN + 1], later[TIME_STRLEN + 1];
	time_format(time(NULL) + SESSION_DAYS * 86400 - 60, now);
	time_format(time(NULL) + SESSION_DAYS * 86400 + 60, later);
	secret_hash(tok2, hash);
	struct store_stmt *ex = store_prepare(store_reader(db),
		"SELECT expires_at > ?2 AND expires_at < ?3 FROM sessions WHERE token_hash = ?1");
	assert_non_null(ex);
	store_bind_str(ex, 1, hash);
	store_bind_str(ex, 2, now);
	store_bind_str(ex, 3, later);
	assert_int_equal(store_step(ex), STORE_ROW);
	assert_int_equal(store_int(ex, 0), 1);
	store_reset(ex);
}

static void test_tokens(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	char secret[TOKEN_STRLEN + 1];
	struct api_token t;
	struct problems p = { 0 };
	assert_int_equal(token_create(db, a, &anon, "x", secret, &t, &p), ERR_AUTH);
	assert_int_equal(token_create(db, a, NULL, "x", secret, &t, &p), ERR_AUTH);

	assert_int_equal(token_create(db, a, &alice_v, "CI", secret, &t, &p), 0);
	assert_int_equal(strlen(secret), TOKEN_STRLEN);
	assert_memory_equal(secret, "kiem_", 5);
	assert_true(uuid_valid(t.id, strlen(t.id)));
	assert_string_equal(t.name, "CI");
	assert_null(t.last_used_at);
	char id[UUID_STRLEN + 1];
	memcpy(id, t.id, sizeof id);
	/* only the hash is stored */
	char hash[65];
	secret_hash(secret, hash);
	assert_int_equal(count_sql1("SELECT count(*) FROM api_tokens WHERE token_hash = ?1", hash), 1);
	assert_int_equal(count_sql1("SELECT count(*) FROM api_tokens WHERE instr(token_hash, ?1) > 0",
				    secret + 5), 0);
	assert_int_equal(count_sql("SELECT count(*) FROM api_tokens WHERE token_hash LIKE 'kiem_%'"), 0);

	struct viewer v;
	assert_int_equal(token_viewer(db, secret, &v), 0);
	assert_true(v.authenticated);
	assert_string_equal(v.user_id, alice_v.user_id);
	assert_string_equal(v.name, "Alice");
	/* a wrong or mangled token */
	char wrong[TOKEN_STRLEN + 1];
	memcpy(wrong, secret, sizeof wrong);
	wrong[20] = wrong[20] == 'A' ? 'B' : 'A';
	assert_int_equal(token_viewer(db, wrong, &v), ERR_AUTH);
	assert_int_equal(token_viewer(db, secret + 5, &v), ERR_AUTH);
	memcpy(wrong, secret, sizeof wrong);
	memcpy(wrong, "KIEM_", 5);
	assert_int_equal(token_viewer(db, wrong, &v), ERR_AUTH);
	assert_int_equal(token_viewer(db, NULL, &v), ERR_AUTH);
	assert_int_equal(token_viewer(db, hash, &v), ERR_AUTH);

	/* a token with no name gets one; a name too long is a problem */
	char secret2[TOKEN_STRLEN + 1];
	struct api_token t2;
	assert_int_equal(token_create(db, a, &alice_v, "", secret2, &t2, &p), 0);
	assert_string_equal(t2.name, "API");
	assert_string_not_equal(secret, secret2);
	char longname[TOKEN_NAME_MAX + 2];
	memset(longname, 'n', sizeof longname - 1);
	longname[sizeof longname - 1] = 0;
	char secret3[TOKEN_STRLEN + 1];
	struct api_token t3;
	memset(&p, 0, sizeof p);
	assert_int_equal(token_create(db, a, &alice_v, longname, secret3, &t3, &p), ERR_INVALID);
	expect_problem(&p, "name", R_TOO_LONG);

	/* each sees only their own tokens */
	struct api_token *items;
	size_t n;
	assert_int_equal(token_list(db, a, &alice_v, &items, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(items[0].id, id);
	assert_string_equal(items[0].name, "CI");
	assert_string_equal(items[1].id, t2.id);
	assert_int_equal(token_list(db, a, &bob_v, &items, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(token_list(db, a, &anon, &items, &n), ERR_AUTH);

	/* bob cannot revoke alice's: not found for him, and it still works */
	assert_int_equal(token_revoke(db, &bob_v, id), ERR_NOTFOUND);
	assert_int_equal(token_revoke(db, &anon, id), ERR_AUTH);
	assert_int_equal(token_viewer(db, secret, &v), 0);
	/* alice can */
	assert_int_equal(token_revoke(db, &alice_v, id), 0);
	assert_int_equal(token_viewer(db, secret, &v), ERR_AUTH);
	assert_int_equal(token_revoke(db, &alice_v, id), ERR_NOTFOUND);
	assert_int_equal(token_viewer(db, secret2, &v), 0);
	assert_int_equal(token_list(db, a, &alice_v, &items, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(items[0].id, t2.id);
	arena_free(a);
}

/* ---- roles ---- */

static void test_roles(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	assert_int_equal(role_catalogue_count, 12);
	/* seeded once in setup; again changes nothing */
	assert_int_equal(count_sql("SELECT count(*) FROM roles"), 12);
	assert_int_equal(role_seed(db), 0);
	assert_int_equal(role_seed(db), 0);
	assert_int_equal(count_sql("SELECT count(*) FROM roles"), 12);
	/* and puts back a name changed in the database */
	assert_int_equal(write_sql("UPDATE roles SET name_nl = 'Kapot', position = 99 WHERE key = 'invest'"), 0);
	assert_int_equal(role_seed(db), 0);
	struct role r;
	assert_int_equal(role_get(db, a, "invest", &r), 0);
	assert_string_equal(r.name[LANG_NL], "Investeren");
	assert_string_equal(r.name[LANG_EN], "Investing");
	assert_string_equal(r.typical_kinds, "business");
	assert_int_equal(role_get(db, a, "dance", &r), ERR_NOTFOUND);

	struct role *items;
	size_t n;
	assert_int_equal(role_list(db, a, &items, &n), 0);
	assert_int_equal(n, role_catalogue_count);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(items[i].key, role_catalogue[i].key);
		assert_string_equal(items[i].name[LANG_NL], role_catalogue[i].name[LANG_NL]);
		assert_string_equal(items[i].description[LANG_EN], role_catalogue[i].description[LANG_EN]);
		/* every catalogue role is complete, its kinds real */
		for (int l = 0; l < LANG_COUNT; l++) {
			assert_true(role_catalogue[i].name[l][0]);
			assert_true(role_catalogue[i].description[l][0]);
		}
		struct strlist kinds = words(a, role_catalogue[i].typical_kinds);
		assert_true(kinds.n >= 1);
		for (size_t k = 0; k < kinds.n; k++)
			assert_true(enum_find(party_kinds, KIND_COUNT, kinds.v[k]) >= 0);
	}

	const struct role *f = role_find("detect_signals");
	assert_non_null(f);
	assert_string_equal(f->key, "detect_signals");
	assert_string_equal(f->typical_kinds, "social_work");
	f = role_find("agenda_issues");
	assert_non_null(f);
	assert_non_null(strstr(f->typical_kinds, "citizen_initiative"));
	assert_null(role_find("dance"));
	assert_null(role_find(""));
	assert_null(role_find("INVEST"));
	assert_null(role_find(NULL));
	arena_free(a);
}

/* ---- settings ---- */

/* Every entry of the processing register is complete in both languages,
 * and its ids are unique: the page and the API show every field. */
static void test_register(void **state)
{
	(void)state;
	assert_true(register_count >= 8);
	for (size_t i = 0; i < register_count; i++) {
		const struct processing_activity *p = &register_activities[i];
		assert_non_null(p->id);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(p->id, register_activities[j].id);
		assert_true(p->basis < BASIS_COUNT);
		for (int l = 0; l < LANG_COUNT; l++) {
			assert_true(p->name[l] && *p->name[l]);
			assert_true(p->purpose[l] && *p->purpose[l]);
			assert_true(p->retention[l] && *p->retention[l]);
		}
		const char *const (*lists[])[LANG_COUNT] = { p->categories, p->subjects, p->recipients };
		for (size_t k = 0; k < 3; k++) {
			size_t n = register_list_len(lists[k]);
			assert_true(n >= 1);
			for (size_t e = 0; e < n; e++)
				assert_true(lists[k][e][LANG_EN] && *lists[k][e][LANG_EN]);
		}
	}
}

static void test_settings_key(void **state)
{
	(void)state;
	unsigned char k1[32], k2[32], k3[32], zero[32] = { 0 };
	assert_int_equal(settings_key(db, "csrf_key", k1), 0);
	assert_memory_not_equal(k1, zero, 32);
	assert_int_equal(settings_key(db, "csrf_key", k2), 0);
	assert_memory_equal(k1, k2, 32); /* kept, not made anew */
	assert_int_equal(settings_key(db, "other_key", k3), 0);
	assert_memory_not_equal(k1, k3, 32);
	assert_int_equal(count_sql("SELECT count(*) FROM settings"), 2);

	/* reading a key that exists needs no write: it works while another
	 * connection holds the write lock (as another node might) */
	sqlite3 *other;
	assert_int_equal(sqlite3_open_v2(db_path, &other, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_db_config(other, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)0);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	memset(k2, 0, sizeof k2);
	int rc = settings_key(db, "csrf_key", k2);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	assert_int_equal(rc, 0);
	assert_memory_equal(k1, k2, 32);
}

/* ---- setup ---- */

static int add_user(const char *email, const char *name, const char *password, enum platform_role role,
		    struct viewer *v)
{
	struct arena *a = arena_new();
	struct user u;
	struct problems p = { 0 };
	int rc = user_add(db, a, email, name, password, role, &u, &p);
	if (!rc)
		*v = viewer_of(&u);
	arena_free(a);
	return rc;
}

/* Makes a coordinator of an area (as `kiem user add --coordinator` does). */
static struct viewer add_coordinator(const char *email, const char *area)
{
	struct viewer v;
	assert_int_equal(add_user(email, "Coördinator", "coordinator wachtwoord", PROLE_COORDINATOR, &v), 0);
	sqlite3 *raw;
	assert_int_equal(sqlite3_open(db_path, &raw), SQLITE_OK);
	sqlite3_busy_timeout(raw, 5000);
	char *sql = sqlite3_mprintf("INSERT INTO coordinator_areas (user_id, area_code) VALUES (%Q, %Q)",
				    v.user_id, area);
	assert_int_equal(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sqlite3_close(raw);
	return v;
}

static bool listed(const struct viewer *v, const char *id)
{
	struct arena *a = arena_new();
	struct party_filter f = { .q = "Ledenproef", .limit = 100 };
	struct problems p = { 0 };
	struct party *items;
	size_t n;
	const char *next;
	bool found = false;
	assert_int_equal(party_list(db, a, v, &f, &p, &items, &n, &next), 0);
	for (size_t i = 0; i < n; i++)
		found = found || strcmp(items[i].id, id) == 0;
	arena_free(a);
	return found;
}

static void test_members_and_permissions(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct party in = new_party(a, "Ledenproef", "citizen_initiative", "WK034401", "", "");
	in.visibility = "private";
	const char *id = add_party(a, &alice_v, in);
	struct viewer carol = add_coordinator("carol@example.nl", "WK034401");
	struct viewer dave = add_coordinator("dave@example.nl", "WK034402");
	struct party got;
	struct member *members;
	size_t n;
	struct problems p = { 0 };

	/* the maker is its admin; others do not see a private party */
	assert_int_equal(party_get(db, a, &alice_v, id, &got), 0);
	assert_int_equal(got.member, MEMBER_ADMIN);
	assert_int_equal(party_get(db, a, &bob_v, id, &got), ERR_NOTFOUND);
	assert_int_equal(member_list(db, a, &bob_v, id, &members, &n), ERR_NOTFOUND);
	assert_int_equal(member_list(db, a, &anon, id, &members, &n), ERR_NOTFOUND);
	assert_false(listed(&bob_v, id));

	/* adding: every problem, then Bob as member */
	assert_int_equal(member_add(db, a, &alice_v, id, "niemand@example.nl", "chef", NULL, &p), ERR_INVALID);
	expect_problem(&p, "email", R_UNKNOWN_USER);
	expect_problem(&p, "role", R_NOT_ONE_OF);
	memset(&p, 0, sizeof p);
	assert_int_equal(member_add(db, a, &alice_v, id, "BOB@example.nl", "member", NULL, &p), 0);
	memset(&p, 0, sizeof p);
	assert_int_equal(member_add(db, a, &alice_v, id, "bob@example.nl", "admin", NULL, &p), ERR_INVALID);
	expect_problem(&p, "email", R_DUPLICATE);

	/* a member sees and edits, but does not remove the party or manage members */
	assert_int_equal(party_get(db, a, &bob_v, id, &got), 0);
	assert_int_equal(got.member, MEMBER_MEMBER);
	assert_true(listed(&bob_v, id));
	assert_int_equal(member_list(db, a, &bob_v, id, &members, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(member_role_of(members[0].role), MEMBER_ADMIN); /* admins first */
	assert_string_equal(members[0].name, "Alice");
	struct party up = new_party(a, "Ledenproef Oost", "citizen_initiative", "WK034401", "", "");
	up.visibility = "private";
	memcpy(up.id, id, sizeof up.id);
	memset(&p, 0, sizeof p);
	assert_int_equal(update_party(db, a, &bob_v, &up, &p), 0);
	assert_int_equal(party_delete(db, &bob_v, id), ERR_FORBIDDEN);
	memset(&p, 0, sizeof p);
	assert_int_equal(member_add(db, a, &bob_v, id, "admin@example.nl", "member", NULL, &p), ERR_FORBIDDEN);
	assert_int_equal(member_set_role(db, a, &bob_v, id, bob_v.user_id, "admin", &p), ERR_FORBIDDEN);
	assert_int_equal(member_remove(db, a, &bob_v, id, alice_v.user_id), ERR_FORBIDDEN);

	/* a coordinator of the party's area sees it and manages it; of another area not */
	assert_int_equal(party_get(db, a, &carol, id, &got), 0);
	assert_true(got.coordinated);
	assert_true(listed(&carol, id));
	assert_int_equal(member_list(db, a, &carol, id, &members, &n), 0);
	assert_int_equal(party_get(db, a, &dave, id, &got), ERR_NOTFOUND);
	assert_false(listed(&dave, id));

	/* the party's admin makes Bob admin; then he may remove it; he leaves */
	memset(&p, 0, sizeof p);
	assert_int_equal(member_set_role(db, a, &alice_v, id, bob_v.user_id, "owner", &p), ERR_INVALID);
	expect_problem(&p, "role", R_NOT_ONE_OF);
	memset(&p, 0, sizeof p);
	assert_int_equal(member_set_role(db, a, &alice_v, id, bob_v.user_id, "admin", &p), 0);
	assert_int_equal(party_get(db, a, &bob_v, id, &got), 0);
	assert_true(party_can(&bob_v, &got, OBJ_PARTY, ACT_DELETE));
	assert_int_equal(member_remove(db, a, &bob_v, id, bob_v.user_id), 0);
	assert_int_equal(party_get(db, a, &bob_v, id, &got), ERR_NOTFOUND);
	struct membership *mine;
	assert_int_equal(member_of(db, a, alice_v.user_id, &mine, &n), 0);
	bool in_list = false;
	for (size_t i = 0; i < n; i++)
		in_list = in_list || (strcmp(mine[i].party_id, id) == 0 && mine[i].role == MEMBER_ADMIN);
	assert_true(in_list);

	/* the activity log: every change, its fields, no values; admins only */
	struct activity_filter af = { .object_type = "party", .object_id = id, .limit = 100 };
	struct activity *log;
	const char *next;
	memset(&p, 0, sizeof p);
	assert_int_equal(activity_list(db, a, &alice_v, &af, &p, &log, &n, &next), ERR_FORBIDDEN);
	assert_int_equal(activity_list(db, a, &anon, &af, &p, &log, &n, &next), ERR_AUTH);
	assert_int_equal(activity_list(db, a, &admin_v, &af, &p, &log, &n, &next), 0);
	/* newest first: remove, change, update, add, create */
	assert_int_equal(n, 5);
	assert_string_equal(log[0].action, "remove_member");
	assert_string_equal(log[0].actor_id, bob_v.user_id);
	assert_string_equal(log[1].action, "change_member");
	assert_string_equal(log[2].action, "update");
	assert_string_equal(log[2].fields, "name");
	assert_string_equal(log[2].actor_name, "Bob");
	assert_string_equal(log[3].action, "add_member");
	assert_string_equal(log[4].action, "create");
	assert_string_equal(log[4].actor_id, alice_v.user_id);
	assert_int_equal(count_sql("SELECT count(*) FROM activity WHERE fields LIKE '%Ledenproef%'"), 0);
	/* paging by cursor */
	af.limit = 2;
	assert_int_equal(activity_list(db, a, &admin_v, &af, &p, &log, &n, &next), 0);
	assert_int_equal(n, 2);
	assert_non_null(next);
	af.cursor = next;
	assert_int_equal(activity_list(db, a, &admin_v, &af, &p, &log, &n, &next), 0);
	assert_string_equal(log[0].action, "update");
	af.cursor = "bad";
	assert_int_equal(activity_list(db, a, &admin_v, &af, &p, &log, &n, &next), ERR_INVALID);

	assert_int_equal(party_delete(db, &carol, id), 0);
	arena_free(a);
}

static void test_password_rules(void **state)
{
	(void)state;
	static const char *const weak[] = {
		"Wachtwoord123", "123456789012", "098765432109", "aaaaaaaaaaaa", "abababababab",
		"abcabcabcabc", "abcdefghijklmn", "zyxwvutsrqpo", "PasswordPassword", "carolineisme",
		"Caroline Jansen1",
	};
	for (size_t i = 0; i < sizeof weak / sizeof weak[0]; i++)
		assert_true(password_weak(weak[i], "caroline@example.nl", "Caroline Jansen"));
	static const char *const fine[] = {
		"paard batterij nietje", "correct horse battery", "Caroline fietst naar de markt",
		"7 groene kikkers!", "anna-wachtwoord-123",
	};
	for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++)
		assert_false(password_weak(fine[i], "caroline@example.nl", "Caroline Jansen"));
	/* and user_add refuses a weak one with its own reason */
	struct arena *a = arena_new();
	struct user u;
	struct problems p = { 0 };
	assert_int_equal(user_add(db, a, "zwak@example.nl", "Zwak", "welkom123456", PROLE_USER, &u, &p),
			 ERR_INVALID);
	expect_problem(&p, "password", R_WEAK_PASSWORD);
	arena_free(a);
}

/* Runs SQL on a connection of its own, as another process would. */
static void raw_sql(const char *sql)
{
	sqlite3 *raw;
	assert_int_equal(sqlite3_open(db_path, &raw), SQLITE_OK);
	sqlite3_busy_timeout(raw, 5000);
	assert_int_equal(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
}

static void test_session_idle(void **state)
{
	(void)state;
	char token[SECRET_STRLEN + 1];
	struct viewer v;
	assert_int_equal(session_create(db, alice_v.user_id, token), 0);
	/* a use after ten minutes starts the idle clock again */
	char *sql = sqlite3_mprintf("UPDATE sessions SET last_seen_at = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now', '-10 minutes')"
				    " WHERE user_id = %Q", alice_v.user_id);
	raw_sql(sql);
	sqlite3_free(sql);
	assert_int_equal(session_viewer(db, token, &v), 0);
	assert_int_equal(count_sql1("SELECT count(*) FROM sessions WHERE user_id = ?1"
				    " AND last_seen_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 minutes')",
				    alice_v.user_id), 1);
	/* unused for longer than the idle time, it no longer works */
	sql = sqlite3_mprintf("UPDATE sessions SET last_seen_at = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now', '-%d hours', '-1 minutes')"
			      " WHERE user_id = %Q", SESSION_IDLE_HOURS, alice_v.user_id);
	raw_sql(sql);
	sqlite3_free(sql);
	assert_int_equal(session_viewer(db, token, &v), ERR_AUTH);
	/* the next login clears the ended session away */
	char other[SECRET_STRLEN + 1];
	assert_int_equal(count_sql1("SELECT count(*) FROM sessions WHERE user_id = ?1", alice_v.user_id), 1);
	assert_int_equal(session_create(db, alice_v.user_id, other), 0);
	assert_int_equal(count_sql1("SELECT count(*) FROM sessions WHERE user_id = ?1", alice_v.user_id), 1);
	assert_int_equal(session_viewer(db, other, &v), 0);
	assert_int_equal(session_delete(db, other), 0);
	assert_int_equal(session_delete(db, token), 0);
}

static void test_block_and_coordinators(void **state)
{
	(void)state;
	struct arena *a = arena_new();
	struct viewer eve, seen;
	struct problems p = { 0 };
	assert_int_equal(add_user("eve@example.nl", "Eve", "eves lange wachtwoord", PROLE_USER, &eve), 0);
	char session[SECRET_STRLEN + 1], secret[TOKEN_STRLEN + 1];
	struct api_token tok;
	assert_int_equal(session_create(db, eve.user_id, session), 0);
	assert_int_equal(token_create(db, a, &eve, "t", secret, &tok, &p), 0);

	/* only a platform admin blocks, and not themselves */
	assert_int_equal(user_set_blocked(db, &alice_v, eve.user_id, true), ERR_FORBIDDEN);
	assert_int_equal(user_set_blocked(db, &anon, eve.user_id, true), ERR_AUTH);
	assert_int_equal(user_set_blocked(db, &admin_v, admin_v.user_id, true), ERR_CONFLICT);
	assert_int_equal(user_set_blocked(db, &admin_v, "00000000-0000-7000-8000-000000000000", true), ERR_NOTFOUND);
	assert_int_equal(user_set_blocked(db, &admin_v, eve.user_id, true), 0);
	/* blocked: no login, the session has ended, the token does not work */
	struct user u;
	assert_int_equal(user_authenticate(db, a, "eve@example.nl", "eves lange wachtwoord", &u), ERR_AUTH);
	assert_int_equal(session_viewer(db, session, &seen), ERR_AUTH);
	assert_int_equal(token_viewer(db, secret, &seen), ERR_AUTH);
	assert_int_equal(user_get(db, a, eve.user_id, &u), 0);
	assert_true(u.blocked);
	/* unblocked: the password and the token work again */
	assert_int_equal(user_set_blocked(db, &admin_v, eve.user_id, false), 0);
	assert_int_equal(user_authenticate(db, a, "eve@example.nl", "eves lange wachtwoord", &u), 0);
	assert_int_equal(token_viewer(db, secret, &seen), 0);

	/* appointing a coordinator: the role follows, the sessions end */
	assert_int_equal(session_create(db, eve.user_id, session), 0);
	assert_int_equal(user_set_coordinator(db, &alice_v, eve.user_id, "WK034402", true, &p), ERR_FORBIDDEN);
	memset(&p, 0, sizeof p);
	assert_int_equal(user_set_coordinator(db, &admin_v, eve.user_id, "XX99", true, &p), ERR_INVALID);
	expect_problem(&p, "area", R_UNKNOWN_AREA);
	memset(&p, 0, sizeof p);
	assert_int_equal(user_set_coordinator(db, &admin_v, eve.user_id, "WK034402", true, &p), 0);
	assert_int_equal(session_viewer(db, session, &seen), ERR_AUTH);
	assert_int_equal(token_viewer(db, secret, &seen), 0);
	assert_int_equal(seen.role, PROLE_COORDINATOR);
	const char **codes;
	size_t n;
	assert_int_equal(user_coordinator_areas(db, a, eve.user_id, &codes, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(codes[0], "WK034402");
	/* dismissed from the last area: a resident again */
	assert_int_equal(user_set_coordinator(db, &admin_v, eve.user_id, "WK034402", false, &p), 0);
	assert_int_equal(token_viewer(db, secret, &seen), 0);
	assert_int_equal(seen.role, PROLE_USER);
	assert_int_equal(token_revoke(db, &eve, tok.id), 0);
	arena_free(a);
}

static int setup(void **state)
{
	(void)state;
	snprintf(db_path, sizeof db_path, "/tmp/kiem-test-model-XXXXXX");
	int fd = mkstemp(db_path);
	if (fd < 0)
		return -1;
	close(fd);
	int applied;
	if (store_open(&db, db_path, STORE_CREATE) || store_migrate(db, &applied) || role_seed(db))
		return -1;
	if (add_user("admin@example.nl", "Beheerder", "beheer wachtwoord 1", PROLE_ADMIN, &admin_v) ||
	    add_user(ALICE_EMAIL, "Alice", ALICE_PASSWORD, PROLE_USER, &alice_v) ||
	    add_user("bob@example.nl", "Bob", "bobs eigen wachtwoord", PROLE_USER, &bob_v))
		return -1;
	memset(&anon, 0, sizeof anon);
	static const struct {
		const char *code, *name, *level, *parent;
	} areas[] = {
		{ "NL01", "Nederland", "country", NULL },
		{ "PV26", "Utrecht", "province", "NL01" },
		{ "GM0344", "Utrecht", "municipality", "PV26" },
		{ "WK034401", "Oost", "district", "GM0344" },
		{ "BU03440101", "Lombok-Oost", "neighbourhood", "WK034401" },
		{ "WK034402", "Noord", "district", "GM0344" },
		{ "PV27", "Noord-Holland", "province", "NL01" },
		{ "GM0363", "Amsterdam", "municipality", "PV27" },
	};
	for (size_t i = 0; i < sizeof areas / sizeof areas[0]; i++) {
		struct problems p;
		if (make_area(&admin_v, areas[i].code, areas[i].name, areas[i].level, areas[i].parent, &p))
			return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(dir_arena);
	dir_arena = NULL;
	store_close(db);
	db = NULL;
	testdb_remove(db_path);
	return 0;
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	/* in order: the list tests read the directory that the first of them makes */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_email_phone_url),
		cmocka_unit_test(test_valid_text_and_problems),
		cmocka_unit_test(test_problem_text),
		cmocka_unit_test(test_area_tree),
		cmocka_unit_test(test_own_rules),
		cmocka_unit_test(test_area_create_permission),
		cmocka_unit_test(test_area_create_validation),
		cmocka_unit_test(test_party_validate),
		cmocka_unit_test(test_party_crud),
		cmocka_unit_test(test_party_private),
		cmocka_unit_test(test_party_list_filters),
		cmocka_unit_test(test_party_list_paging),
		cmocka_unit_test(test_party_list_large_scope),
		cmocka_unit_test(test_party_list_lists),
		cmocka_unit_test(test_members_and_permissions),
		cmocka_unit_test(test_password_rules),
		cmocka_unit_test(test_session_idle),
		cmocka_unit_test(test_block_and_coordinators),
		cmocka_unit_test(test_party_list_bad_input),
		cmocka_unit_test(test_party_counts),
		cmocka_unit_test(test_user_add),
		cmocka_unit_test(test_user_authenticate),
		cmocka_unit_test(test_sessions),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_settings_key),
		cmocka_unit_test(test_register),
	};
	return cmocka_run_group_tests_name("model", tests, setup, teardown);
}
