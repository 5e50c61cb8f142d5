/* Unit tests of the outbox's delivery in src/model/outbox.c: the pass,
 * its back-off and giving up, with a sendmail program that fails, the
 * removal of old rows, and bodies sealed at rest. The clock is a parameter,
 * so days pass at once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/base/err.h"
#include "../../src/base/log.h"
#include "../../src/base/mail.h"
#include "../../src/base/seal.h"
#include "../../src/base/timefmt.h"
#include "../../src/model/outbox.h"
#include "../../src/model/role.h"
#include "../../src/store/store.h"

static char dir[64], db_path[96], script[96], seen[96], messages[96], key_path[96], other_key[96];
static struct store *db;

static void queue(const char *to, const char *subject, const char *body)
{
	struct store_conn *c = store_write_begin(db);
	assert_non_null(c);
	int rc = outbox_add(c, to, subject, body);
	assert_int_equal(store_write_end(db, rc == 0), 0);
	assert_int_equal(rc, 0);
}

/* One column of the row to this recipient, as text ("" for NULL). */
static const char *col(const char *to, const char *sql)
{
	static char out[400];
	struct store_stmt *st = store_prepare(store_reader(db), sql);
	assert_non_null(st);
	store_bind_str(st, 1, to);
	assert_int_equal(store_step(st), STORE_ROW);
	snprintf(out, sizeof out, "%s", store_text(st, 0));
	store_reset(st);
	return out;
}

static void quiet_log(bool q)
{
	log_set_level(q ? (enum log_level)(LOG_ERROR + 1) : LOG_INFO);
}

static void test_backoff(void **state)
{
	(void)state;
	assert_int_equal(outbox_backoff(1), 60);
	assert_int_equal(outbox_backoff(2), 5 * 60);
	assert_int_equal(outbox_backoff(3), 15 * 60);
	assert_int_equal(outbox_backoff(4), 60 * 60);
	assert_int_equal(outbox_backoff(5), 240 * 60);
	for (int i = 2; i < 20; i++)
		assert_true(outbox_backoff(i) >= outbox_backoff(i - 1));
}

static void test_refuses_headers(void **state)
{
	(void)state;
	struct store_conn *c = store_write_begin(db);
	assert_int_equal(outbox_add(c, "a@example.nl\r\nBcc: x@example.com", "Hoi", "x"), ERR_INVALID);
	assert_int_equal(outbox_add(c, "a@example.nl", "Hoi\r\nBcc: x@example.com", "x"), ERR_INVALID);
	assert_int_equal(outbox_add(c, "not an address", "Hoi", "x"), ERR_INVALID);
	store_write_end(db, false);
}

static void test_retries_then_gives_up(void **state)
{
	(void)state;
	queue("fail@example.nl", "Nieuw wachtwoord", "Klik: https://x.example/code-123\n");
	struct mail_transport t = { .via = MAIL_VIA_SENDMAIL, .sendmail = script, .timeout_s = 10 };
	time_t now = time(NULL);
	int sent = -1, failed = -1;
	for (int i = 1; i <= OUTBOX_ATTEMPTS; i++) {
		assert_int_equal(outbox_deliver(db, &t, "kiem <noreply@example.nl>", now, &sent, &failed), 0);
		assert_int_equal(sent, 0);
		assert_int_equal(failed, 1);
		assert_int_equal(atoi(col("fail@example.nl", "SELECT attempts FROM outbox WHERE recipient = ?1")), i);
		assert_non_null(strstr(col("fail@example.nl", "SELECT last_error FROM outbox WHERE recipient = ?1"),
				       "exited with status 75: temporarily unavailable"));
		if (i < OUTBOX_ATTEMPTS) {
			/* not due again before its pause is over */
			char next[TIME_STRLEN + 1];
			time_format(now + outbox_backoff(i), next);
			assert_string_equal(col("fail@example.nl", "SELECT next_attempt_at FROM outbox WHERE recipient = ?1"), next);
			assert_int_equal(outbox_deliver(db, &t, "kiem <noreply@example.nl>", now + outbox_backoff(i) - 1,
							&sent, &failed), 0);
			assert_int_equal(failed, 0);
			/* the body waits, sealed */
			assert_true(seal_is_sealed(col("fail@example.nl", "SELECT body FROM outbox WHERE recipient = ?1")));
			now += outbox_backoff(i);
		}
	}
	/* given up: failed_at, the body with its link gone */
	assert_string_not_equal(col("fail@example.nl", "SELECT failed_at FROM outbox WHERE recipient = ?1"), "");
	assert_string_equal(col("fail@example.nl", "SELECT body FROM outbox WHERE recipient = ?1"), "");
	assert_string_equal(col("fail@example.nl", "SELECT subject FROM outbox WHERE recipient = ?1"), "Nieuw wachtwoord");
	assert_int_equal(outbox_deliver(db, &t, "kiem <noreply@example.nl>", now + 86400 * 7, &sent, &failed), 0);
	assert_int_equal(failed, 0);
}

static void test_sends_oldest_first_and_clears(void **state)
{
	(void)state;
	queue("een@example.nl", "Eerste", "1\n");
	queue("twee@example.nl", "Tweede", "2\n");
	struct mail_transport t = { .via = MAIL_VIA_SENDMAIL, .sendmail = script, .timeout_s = 10 };
	int sent = 0, failed = 0;
	assert_int_equal(outbox_deliver(db, &t, "noreply@example.nl", time(NULL), &sent, &failed), 0);
	assert_int_equal(sent, 2);
	assert_int_equal(failed, 0);
	/* the program saw the second last */
	FILE *f = fopen(seen, "r");
	assert_non_null(f);
	char line[200], last[200] = "";
	while (fgets(line, sizeof line, f))
		snprintf(last, sizeof last, "%s", line);
	fclose(f);
	assert_string_equal(last, "twee@example.nl\n");
	assert_string_equal(col("een@example.nl", "SELECT body FROM outbox WHERE recipient = ?1"), "");
	assert_string_not_equal(col("een@example.nl", "SELECT sent_at FROM outbox WHERE recipient = ?1"), "");
}

static void test_log_mode_and_cancel(void **state)
{
	(void)state;
	queue("log@example.nl", "Gelogd", "https://x.example/bevestigen\n");
	atomic_bool stop = true;
	struct mail_transport t = { .via = MAIL_VIA_LOG, .cancel = &stop };
	int sent = -1, failed = -1;
	assert_int_equal(outbox_deliver(db, &t, "noreply@example.nl", time(NULL), &sent, &failed), 0);
	assert_int_equal(sent, 0); /* stopping: it stays due */
	assert_string_equal(col("log@example.nl", "SELECT sent_at FROM outbox WHERE recipient = ?1"), "");
	atomic_store(&stop, false);
	assert_int_equal(outbox_deliver(db, &t, "noreply@example.nl", time(NULL), &sent, &failed), 0);
	assert_int_equal(sent, 1);
	assert_string_equal(col("log@example.nl", "SELECT body FROM outbox WHERE recipient = ?1"), "");
}

/* Whether a file holds these bytes. */
static bool file_has(const char *path, const char *s)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	static char data[1 << 22];
	size_t n = fread(data, 1, sizeof data, f);
	fclose(f);
	return memmem(data, n, s, strlen(s)) != NULL;
}

static bool on_disk(const char *s)
{
	char wal[128];
	snprintf(wal, sizeof wal, "%s-wal", db_path);
	return file_has(db_path, s) || file_has(wal, s);
}

/* A body is sealed from the moment it is queued: its links never stand in
 * the file, nor in its write-ahead log, nor in the free space a cleared
 * body leaves. The mail itself goes out as written. */
static void test_sealed_at_rest(void **state)
{
	(void)state;
	queue("geheim@example.nl", "Je link", "Hallo Zoe Zandvoort,\nklik: https://x.example/code-zeer-geheim-77\n");
	const char *body = col("geheim@example.nl", "SELECT body FROM outbox WHERE recipient = ?1");
	assert_true(seal_is_sealed(body));
	assert_null(strstr(body, "zeer-geheim"));
	assert_false(on_disk("zeer-geheim"));
	assert_false(on_disk("Zandvoort"));
	assert_true(on_disk("geheim@example.nl")); /* the control: the row is there */
	struct mail_transport t = { .via = MAIL_VIA_SENDMAIL, .sendmail = script, .timeout_s = 10 };
	int sent = 0, failed = 0;
	assert_int_equal(outbox_deliver(db, &t, "noreply@example.nl", time(NULL), &sent, &failed), 0);
	assert_int_equal(sent, 1);
	assert_true(file_has(messages, "klik: https://x.example/code-zeer-geheim-77"));
	assert_true(file_has(messages, "Hallo Zoe Zandvoort,"));
	assert_string_equal(col("geheim@example.nl", "SELECT body FROM outbox WHERE recipient = ?1"), "");
	assert_false(on_disk("zeer-geheim"));
}

/* A body sealed with a key that is gone (the key file was replaced, or the
 * database restored without it) does not open: the mail is given up at
 * once, never sent as gibberish. A body written before bodies were sealed
 * still goes. */
static void test_other_key_and_plain_bodies(void **state)
{
	(void)state;
	char why[200];
	bool made;
	queue("oud@example.nl", "Oude sleutel", "https://x.example/code-oud\n");
	assert_int_equal(outbox_open_key(other_key, &made, why, sizeof why), 0);
	assert_true(made);
	struct store_conn *c = store_write_begin(db);
	struct store_stmt *st = store_prepare(c,
		"INSERT INTO outbox (id, recipient, subject, body, created_at, next_attempt_at)"
		" VALUES ('0190a0a0-0000-7000-8000-00000000000a', 'plat@example.nl', 'Zonder zegel',"
		" 'platte tekst van vroeger', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
	assert_int_equal(store_run(st), STORE_DONE);
	assert_int_equal(store_write_end(db, true), 0);
	struct mail_transport t = { .via = MAIL_VIA_SENDMAIL, .sendmail = script, .timeout_s = 10 };
	int sent = 0, failed = 0;
	quiet_log(true);
	int rc = outbox_deliver(db, &t, "noreply@example.nl", time(NULL), &sent, &failed);
	quiet_log(false);
	assert_int_equal(rc, 0);
	assert_int_equal(sent, 1);
	assert_int_equal(failed, 1);
	assert_string_not_equal(col("oud@example.nl", "SELECT failed_at FROM outbox WHERE recipient = ?1"), "");
	assert_non_null(strstr(col("oud@example.nl", "SELECT last_error FROM outbox WHERE recipient = ?1"), "key"));
	assert_string_equal(col("oud@example.nl", "SELECT body FROM outbox WHERE recipient = ?1"), "");
	assert_false(file_has(messages, "code-oud"));
	assert_string_not_equal(col("plat@example.nl", "SELECT sent_at FROM outbox WHERE recipient = ?1"), "");
	assert_true(file_has(messages, "platte tekst van vroeger"));
	assert_int_equal(outbox_open_key(key_path, &made, why, sizeof why), 0);
	assert_false(made);
}

static void test_prune(void **state)
{
	(void)state;
	int before = atoi(col("x", "SELECT count(*) FROM outbox WHERE ?1 <> ''"));
	assert_true(before >= 4);
	queue("wacht@example.nl", "Nog niet verstuurd", "x\n");
	int gone = -1;
	/* 29 days on: everything stays */
	assert_int_equal(outbox_prune(db, time(NULL) + 29 * 86400, &gone), 0);
	assert_int_equal(gone, 0);
	/* a week more, and the given-up mail is past its 30 days as well */
	assert_int_equal(outbox_prune(db, time(NULL) + 45 * 86400, &gone), 0);
	assert_int_equal(gone, before);
	/* what was never sent stays, to be sent */
	assert_int_equal(atoi(col("x", "SELECT count(*) FROM outbox WHERE ?1 <> ''")), 1);
}

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/kiem-test-outbox-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(db_path, sizeof db_path, "%s/kiem.db", dir);
	snprintf(script, sizeof script, "%s/sendmail", dir);
	snprintf(seen, sizeof seen, "%s/seen", dir);
	snprintf(messages, sizeof messages, "%s/messages", dir);
	snprintf(key_path, sizeof key_path, "%s/kiem.db.key", dir);
	snprintf(other_key, sizeof other_key, "%s/other.key", dir);
	FILE *f = fopen(script, "w");
	if (!f)
		return -1;
	fprintf(f, "#!/bin/sh\ncat >> '%s'\n"
		   "case \"$3\" in fail*) echo 'temporarily unavailable' >&2; exit 75;; esac\n"
		   "echo \"$3\" >> '%s'\n", messages, seen);
	fclose(f);
	chmod(script, 0755);
	signal(SIGPIPE, SIG_IGN);
	int applied;
	bool made;
	char why[200];
	if (store_open(&db, db_path, STORE_CREATE) || store_migrate(db, &applied) || role_seed(db) ||
	    outbox_open_key(key_path, &made, why, sizeof why))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(db);
	static const char *const names[] = { "kiem.db", "kiem.db-wal", "kiem.db-shm", "sendmail", "seen", "messages",
					     "kiem.db.key", "other.key" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char p[128];
		snprintf(p, sizeof p, "%s/%s", dir, names[i]);
		unlink(p);
	}
	rmdir(dir);
	return 0;
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	/* in order: each adds rows the last one removes */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backoff),
		cmocka_unit_test(test_refuses_headers),
		cmocka_unit_test(test_retries_then_gives_up),
		cmocka_unit_test(test_sends_oldest_first_and_clears),
		cmocka_unit_test(test_log_mode_and_cancel),
		cmocka_unit_test(test_sealed_at_rest),
		cmocka_unit_test(test_other_key_and_plain_bodies),
		cmocka_unit_test(test_prune),
	};
	return cmocka_run_group_tests_name("outbox", tests, setup, teardown);
}
