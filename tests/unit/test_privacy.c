/* Unit tests of src/model/privacy.c: the export of a person's data and the
 * erasure of their account. One fresh temporary database per run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/base/arena.h"
#include "../../src/base/buf.h"
#include "../../src/base/err.h"
#include "../../src/model/area.h"
#include "../../src/model/member.h"
#include "../../src/model/outbox.h"
#include "../../src/model/party.h"
#include "../../src/model/privacy.h"
#include "../../src/model/role.h"
#include "../../src/model/user.h"
#include "../../src/store/store.h"
#include "testdb.h"

#define ZED_NAME "Zephyrine Quokkaberg"
#define ZED_EMAIL "zephyrine.quokkaberg@voorbeeld.example"
#define ZED_PASSWORD "zephyrine wachtwoord 77"

static char db_path[64];
static struct store *db;
static struct viewer anon, admin_v, alice_v, zed_v;
static char zed_party[UUID_STRLEN + 1], alice_party[UUID_STRLEN + 1];
static char zed_session[SECRET_STRLEN + 1], zed_token[TOKEN_STRLEN + 1];

/* The viewer's export, parsed: it must be valid JSON. */
static json_t *export_doc(const struct viewer *v)
{
	struct buf out = BUF_INIT(1 << 20);
	assert_int_equal(privacy_export(db, v, &out), 0);
	json_error_t e;
	json_t *doc = json_loadb(out.ptr, out.len, JSON_REJECT_DUPLICATES, &e);
	assert_non_null(doc);
	buf_release(&out);
	return doc;
}

static int add_user(const char *email, const char *name, const char *password, enum platform_role role,
		    struct viewer *v)
{
	struct arena *a = arena_new();
	struct user u;
	struct problems p = { 0 };
	int rc = user_add(db, a, email, name, password, role, &u, &p);
	if (!rc) {
		memset(v, 0, sizeof *v);
		v->authenticated = true;
		snprintf(v->user_id, sizeof v->user_id, "%s", u.id);
		snprintf(v->name, sizeof v->name, "%s", u.name);
		v->role = user_role(&u);
	}
	arena_free(a);
	return rc;
}

static int add_party(const struct viewer *v, const char *name, char id[UUID_STRLEN + 1])
{
	struct arena *a = arena_new();
	struct party pa;
	memset(&pa, 0, sizeof pa);
	pa.name = name;
	pa.kind = "citizen_initiative";
	pa.description = "Groente voor de wijk.";
	struct problems p = { 0 };
	int rc = party_create(db, a, v, &pa, &p);
	if (!rc)
		snprintf(id, UUID_STRLEN + 1, "%s", pa.id);
	arena_free(a);
	return rc;
}

static int64_t count1(const char *sql, const char *arg)
{
	struct store_stmt *st = store_prepare(store_reader(db), sql);
	assert_non_null(st);
	store_bind_str(st, 1, arg);
	assert_int_equal(store_step(st), STORE_ROW);
	int64_t n = store_int(st, 0);
	store_reset(st);
	return n;
}

/* Whether a file holds the bytes of s, in any case. */
static bool file_has(const char *path, const char *s)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t n = strlen(s), have = 0, cap = 1 << 20;
	char *data = malloc(cap);
	assert_non_null(data);
	size_t got;
	while ((got = fread(data + have, 1, cap - have, f)) > 0) {
		have += got;
		if (have == cap) {
			cap *= 2;
			data = realloc(data, cap);
			assert_non_null(data);
		}
	}
	fclose(f);
	bool found = false;
	for (size_t i = 0; !found && n && i + n <= have; i++)
		found = strncasecmp(data + i, s, n) == 0;
	free(data);
	return found;
}

static void test_export(void **state)
{
	(void)state;
	struct buf out = BUF_INIT(1 << 20);
	assert_int_equal(privacy_export(db, &anon, &out), ERR_AUTH);
	json_t *doc = export_doc(&zed_v);
	json_t *acc = json_object_get(doc, "account");
	assert_string_equal(json_string_value(json_object_get(acc, "name")), ZED_NAME);
	assert_string_equal(json_string_value(json_object_get(acc, "email")), ZED_EMAIL);
	assert_string_equal(json_string_value(json_object_get(acc, "role")), "coordinator");
	assert_true(json_is_false(json_object_get(acc, "blocked")));
	json_t *ms = json_object_get(doc, "memberships");
	assert_int_equal(json_array_size(ms), 2);
	json_t *made = json_object_get(doc, "partiesCreated");
	assert_int_equal(json_array_size(made), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(made, 0), "id")), zed_party);
	assert_int_equal(json_array_size(json_object_get(doc, "sessions")), 1);
	assert_int_equal(json_array_size(json_object_get(doc, "tokens")), 1);
	json_t *areas = json_object_get(doc, "coordinatorAreas");
	assert_int_equal(json_array_size(areas), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(areas, 0), "code")), "GM0344");
	/* made by the system, appointed by the admin, added to parties (as the
	 * subject), and their own acts */
	json_t *log = json_object_get(doc, "activity");
	assert_true(json_array_size(log) >= 4);
	size_t i;
	json_t *e;
	json_array_foreach(log, i, e) {
		const char *actor = json_string_value(json_object_get(e, "actorId"));
		const char *subject = json_string_value(json_object_get(e, "subjectId"));
		bool about = (!strcmp(json_string_value(json_object_get(e, "objectType")), "user") &&
			      !strcmp(json_string_value(json_object_get(e, "objectId")), zed_v.user_id)) ||
			     (subject && !strcmp(subject, zed_v.user_id)); /* a member change about them */
		assert_true(about || (actor && !strcmp(actor, zed_v.user_id)));
		assert_true(json_is_array(json_object_get(e, "fields")));
	}
	/* no secrets, no hashes */
	char *text = json_dumps(doc, JSON_COMPACT);
	char hash[65];
	secret_hash(zed_session, hash);
	assert_null(strstr(text, zed_session));
	assert_null(strstr(text, hash));
	assert_null(strstr(text, zed_token));
	secret_hash(zed_token, hash);
	assert_null(strstr(text, hash));
	assert_null(strstr(text, "argon2"));
	/* mail to them: subject and times, never the text with its link */
	json_t *mail = json_object_get(doc, "mail");
	assert_int_equal(json_array_size(mail), 2);
	json_t *first = json_array_get(mail, 0);
	assert_string_equal(json_string_value(json_object_get(first, "recipient")), ZED_EMAIL);
	assert_string_equal(json_string_value(json_object_get(first, "subject")), "Bevestig je e-mailadres");
	assert_true(json_is_string(json_object_get(first, "createdAt")));
	assert_true(json_is_null(json_object_get(first, "sentAt")));
	assert_null(strstr(text, "geheime-link-777"));
	assert_null(strstr(text, "Voor Alice"));
	free(text);
	json_decref(doc);
}

static void test_erase(void **state)
{
	(void)state;
	assert_int_equal(privacy_erase(db, &anon), ERR_AUTH);
	/* the only platform admin keeps the account */
	assert_int_equal(privacy_erase(db, &admin_v), ERR_CONFLICT);

	assert_int_equal(privacy_erase(db, &zed_v), 0);
	const char *id = zed_v.user_id;
	assert_int_equal(count1("SELECT count(*) FROM sessions WHERE user_id = ?1", id), 0);
	assert_int_equal(count1("SELECT count(*) FROM api_tokens WHERE user_id = ?1", id), 0);
	assert_int_equal(count1("SELECT count(*) FROM coordinator_areas WHERE user_id = ?1", id), 0);
	assert_int_equal(count1("SELECT count(*) FROM memberships WHERE user_id = ?1", id), 0);
	assert_int_equal(count1("SELECT count(*) FROM outbox WHERE recipient = ?1 COLLATE NOCASE", ZED_EMAIL), 0);
	assert_int_equal(count1("SELECT count(*) FROM outbox WHERE recipient = ?1", "alice@example.nl"), 1);
	/* the row stays, anonymised and blocked */
	struct arena *a = arena_new();
	struct user u;
	assert_int_equal(user_get(db, a, id, &u), 0);
	assert_string_equal(u.name, PRIVACY_ERASED_NAME);
	assert_int_equal(strncmp(u.email, "erased-", 7), 0);
	assert_non_null(strstr(u.email, "@invalid"));
	assert_true(u.blocked);
	assert_int_equal(user_role(&u), PROLE_USER);
	struct user out;
	assert_int_equal(user_authenticate(db, a, ZED_EMAIL, ZED_PASSWORD, &out), ERR_AUTH);
	struct viewer seen;
	assert_int_equal(session_viewer(db, zed_session, &seen), ERR_AUTH);
	assert_int_equal(token_viewer(db, zed_token, &seen), ERR_AUTH);
	/* what they made stays; its last admin is gone, the party keeps going */
	struct party pa;
	assert_int_equal(party_get(db, a, &admin_v, zed_party, &pa), 0);
	assert_string_equal(pa.created_by, id);
	assert_int_equal(count1("SELECT count(*) FROM memberships WHERE party_id = ?1", zed_party), 0);
	assert_int_equal(count1("SELECT count(*) FROM memberships WHERE party_id = ?1", alice_party), 1);
	/* the log: the erase entry, without data, and the party left */
	assert_int_equal(count1("SELECT count(*) FROM activity WHERE action = 'erase' AND object_type = 'user'"
				" AND object_id = ?1 AND actor_id = ?1 AND fields = ''", id), 1);
	assert_int_equal(count1("SELECT count(*) FROM activity WHERE action = 'remove_member' AND object_id = ?1",
				alice_party), 1);
	/* the search index holds party text only */
	assert_int_equal(count1("SELECT count(*) FROM party_search WHERE party_search MATCH ?1", "Quokkaberg"), 0);
	/* the name and email are nowhere in the file or its log */
	char wal[80];
	snprintf(wal, sizeof wal, "%s-wal", db_path);
	static const char *const gone[] = { ZED_NAME, ZED_EMAIL, "Quokkaberg", "geheime-link-777" };
	for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++) {
		if (file_has(db_path, gone[i]) || file_has(wal, gone[i]))
			fail_msg("\"%s\" is still in the database", gone[i]);
	}
	assert_true(file_has(db_path, "Buurtmoestuin Oost"));
	/* an erased account has nothing left to export but the anonymous row */
	json_t *doc = export_doc(&zed_v);
	assert_int_equal(json_array_size(json_object_get(doc, "memberships")), 0);
	assert_int_equal(json_array_size(json_object_get(doc, "tokens")), 0);
	json_decref(doc);
	arena_free(a);
}

static int setup(void **state)
{
	(void)state;
	snprintf(db_path, sizeof db_path, "/tmp/kiem-test-privacy-XXXXXX");
	int fd = mkstemp(db_path);
	if (fd < 0)
		return -1;
	close(fd);
	int applied;
	char key[80], why[200];
	bool made;
	snprintf(key, sizeof key, "%s.key", db_path);
	if (store_open(&db, db_path, STORE_CREATE) || store_migrate(db, &applied) || role_seed(db) ||
	    outbox_open_key(key, &made, why, sizeof why))
		return -1;
	if (add_user("admin@example.nl", "Beheerder", "beheer wachtwoord 1", PROLE_ADMIN, &admin_v) ||
	    add_user("alice@example.nl", "Alice", "correct horse battery", PROLE_USER, &alice_v) ||
	    add_user(ZED_EMAIL, ZED_NAME, ZED_PASSWORD, PROLE_USER, &zed_v))
		return -1;
	memset(&anon, 0, sizeof anon);
	struct arena *a = arena_new();
	struct problems p = { 0 };
	struct area nl = { .code = "NL01", .name = "Nederland", .level = "country" };
	struct area gm = { .code = "GM0344", .name = "Utrecht", .level = "municipality", .parent = "NL01" };
	int rc = area_create(db, &admin_v, a, &nl, &p);
	if (!rc)
		rc = area_create(db, &admin_v, a, &gm, &p);
	if (!rc)
		rc = user_set_coordinator(db, &admin_v, zed_v.user_id, "GM0344", true, &p);
	zed_v.role = PROLE_COORDINATOR;
	if (!rc)
		rc = add_party(&zed_v, "Buurtmoestuin Oost", zed_party);
	if (!rc)
		rc = add_party(&alice_v, "Repaircafé Noord", alice_party);
	struct member m;
	if (!rc)
		rc = member_add(db, a, &alice_v, alice_party, ZED_EMAIL, "member", &m, &p);
	if (!rc)
		rc = session_create(db, zed_v.user_id, zed_session);
	struct store_conn *w = rc ? NULL : store_write_begin(db);
	if (w) {
		rc = outbox_add(w, ZED_EMAIL, "Bevestig je e-mailadres", "Klik: https://x.example/geheime-link-777\n");
		if (!rc)
			rc = outbox_add(w, "Zephyrine.Quokkaberg@voorbeeld.example", "Nieuw wachtwoord", "Klik hier\n");
		if (!rc)
			rc = outbox_add(w, "alice@example.nl", "Voor Alice", "Hallo\n");
		int crc = store_write_end(db, rc == 0);
		rc = rc ? rc : crc;
	}
	struct api_token t;
	if (!rc)
		rc = token_create(db, a, &zed_v, "mijn script", zed_token, &t, &p);
	arena_free(a);
	return rc ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(db);
	testdb_remove(db_path);
	return 0;
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	/* in order: the export before the erasure */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_export),
		cmocka_unit_test(test_erase),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
