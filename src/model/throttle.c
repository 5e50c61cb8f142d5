#include "throttle.h"

#include <ctype.h>
#include <pthread.h>
#include <sodium.h>
#include <string.h>

#include "../base/err.h"
#include "../base/log.h"
#include "../base/timefmt.h"
#include "../store/store.h"
#include "settings.h"

/* How an attempt's source is known to the account. */
enum trust { TRUST_NONE, TRUST_ADDRESS, TRUST_BROWSER };

enum {
	KNOWN_SECONDS = THROTTLE_KNOWN_DAYS * 86400,
	/* a good login from a known address writes its time again only when
	 * the time it has is this old: most good logins write nothing here */
	KNOWN_REFRESH = 86400,
	/* the rows past their time that one write deletes: more than a write
	 * adds (two), so they cannot pile up, and few enough that no login
	 * waits on a large delete */
	SWEEP_BATCH = 32,
};

int throttle_account_limit = THROTTLE_ACCOUNT;
int throttle_address_limit = THROTTLE_ADDRESS;
int throttle_window = THROTTLE_WINDOW;
int throttle_mail_limit = THROTTLE_MAIL;

/* The key of the row ids: read once from the settings (the same on every
 * node), then kept. */
static unsigned char hash_key[crypto_shorthash_KEYBYTES];
static bool have_key;
static pthread_mutex_t key_lock = PTHREAD_MUTEX_INITIALIZER;

static int load_key(struct store *s)
{
	_Static_assert(crypto_shorthash_KEYBYTES <= 32, "the key comes from a settings key");
	int rc = 0;
	pthread_mutex_lock(&key_lock);
	if (!have_key) {
		unsigned char key[32];
		rc = settings_key(s, "login_throttle", key);
		if (!rc) {
			memcpy(hash_key, key, sizeof hash_key);
			have_key = true;
		}
		sodium_memzero(key, sizeof key);
	}
	pthread_mutex_unlock(&key_lock);
	return rc;
}

/* The row id of a kind of count over one text, or two (email, address):
 * 'a' an account (from sources new to it), 'k' an account from one address
 * it knows, 'b' an account from its known browsers, 'i' an address, 'm' an
 * address's mail requests, and 'K' an address known to an account. Texts
 * are taken without regard to case. Never 0 (0 is "none") nor negative. */
static int64_t key_of(char kind, const char *s, const char *t)
{
	unsigned char in[512];
	size_t n = 0;
	in[n++] = (unsigned char)kind;
	for (const char *p = s; p && *p && n < 255; p++)
		in[n++] = (unsigned char)tolower((unsigned char)*p);
	if (t) {
		in[n++] = 0xff; /* a separator no text holds */
		for (const char *p = t; *p && n < sizeof in; p++)
			in[n++] = (unsigned char)tolower((unsigned char)*p);
	}
	unsigned char h[crypto_shorthash_BYTES];
	crypto_shorthash(h, in, n, hash_key);
	uint64_t v;
	_Static_assert(crypto_shorthash_BYTES == sizeof v, "a 64-bit hash");
	memcpy(&v, h, sizeof v);
	/* 63 bits, so never negative: on PostgreSQL the id is an identity
	 * column (pg_sql.c), whose sequence migrate-to-pg sets to the largest
	 * id, and a sequence starts at 1 */
	v &= (uint64_t)INT64_MAX;
	return v ? (int64_t)v : 1;
}

static bool given(const char *s)
{
	return s && *s;
}

/* The seconds until a count's window has passed, if it reached the limit. */
static long wait_for(time_t started, int hits, int limit, int window, time_t now)
{
	if (hits < limit || now - started >= window)
		return 0;
	long left = (long)(started + window - now);
	return left > 0 ? left : 0;
}

int throttle_login_check(struct store *s, struct login_attempt *t, time_t now, long *wait)
{
	*wait = 0;
	t->trust = TRUST_NONE;
	t->account_key = t->known_key = 0;
	t->counted = false;
	t->known_at = 0;
	if (load_key(s))
		return ERR_DB;
	int64_t known = 0, by_address = 0, by_browser = 0, by_new = 0, address = 0;
	if (given(t->email)) {
		if (given(t->address)) {
			known = key_of('K', t->email, t->address);
			by_address = key_of('k', t->email, t->address);
		}
		by_browser = key_of('b', t->email, NULL);
		by_new = key_of('a', t->email, NULL);
	}
	if (given(t->address))
		address = key_of('i', t->address, NULL);
	if (!known && !by_new && !address)
		return 0;
	/* every row this attempt may need, in one statement */
	struct store_stmt *st = store_prepare(store_reader(s),
		"SELECT id, started, hits FROM login_throttle WHERE id IN (?1, ?2, ?3, ?4, ?5)");
	if (!st)
		return ERR_DB;
	const int64_t ids[] = { known, by_address, by_browser, by_new, address };
	for (int i = 0; i < 5; i++)
		store_bind_int(st, i + 1, ids[i]);
	struct seen { time_t started; int hits; bool found; } row[5] = { 0 };
	int rc;
	while ((rc = store_step(st)) == STORE_ROW) {
		int64_t id = store_int(st, 0);
		for (int i = 0; i < 5; i++)
			if (ids[i] && ids[i] == id)
				row[i] = (struct seen){ (time_t)store_int(st, 1), (int)store_int(st, 2), true };
	}
	store_reset(st);
	if (rc != STORE_DONE)
		return ERR_DB;

	int which = 3; /* by_new */
	if (known) {
		t->known_key = known;
		if (row[0].found && now - row[0].started < KNOWN_SECONDS)
			t->known_at = row[0].started;
	}
	if (t->known_at) {
		t->trust = TRUST_ADDRESS;
		which = 1;
	} else if (t->known_browser) {
		t->trust = TRUST_BROWSER;
		which = 2;
	}
	long a = 0, i = 0;
	if (by_new) {
		t->account_key = ids[which];
		t->counted = row[which].found && row[which].hits > 0 && now - row[which].started < throttle_window;
		if (row[which].found)
			a = wait_for(row[which].started, row[which].hits, throttle_account_limit, throttle_window, now);
	}
	if (row[4].found)
		i = wait_for(row[4].started, row[4].hits, throttle_address_limit, throttle_window, now);
	*wait = a > i ? a : i;
	return 0;
}

/* Runs sql (a string literal) on c with n numbers bound to ?1..?n. */
static int run(struct store_conn *c, const char *sql, int n, const int64_t *v)
{
	struct store_stmt *st = store_prepare(c, sql);
	if (!st)
		return ERR_DB;
	for (int i = 0; i < n; i++)
		store_bind_int(st, i + 1, v[i]);
	return store_run(st);
}

/* Deletes up to SWEEP_BATCH rows past their time, on the writer c. */
static int sweep_some(struct store_conn *c, time_t now)
{
	return run(c, "DELETE FROM login_throttle WHERE id IN"
		   " (SELECT id FROM login_throttle WHERE expires <= ?1 LIMIT 32)", 1, (int64_t[]){ now });
}
_Static_assert(SWEEP_BATCH == 32, "the LIMIT of sweep_some");

/* Adds one to the count id in its window on the writer c, or starts it
 * again if its window has passed; a count at cap stays there. Sets
 * *started and *hits to what the count holds after. */
static int count(struct store_conn *c, int64_t id, int window, int cap, time_t now, time_t *started, int *hits)
{
	struct store_stmt *st = store_prepare(c,
		"INSERT INTO login_throttle (id, started, hits, expires) VALUES (?1, ?2, 1, ?3)"
		" ON CONFLICT (id) DO UPDATE SET"
		"  hits = CASE WHEN login_throttle.started <= ?4 THEN 1"
		"    WHEN login_throttle.hits >= ?5 THEN login_throttle.hits ELSE login_throttle.hits + 1 END,"
		"  started = CASE WHEN login_throttle.started <= ?4 THEN ?2 ELSE login_throttle.started END,"
		"  expires = CASE WHEN login_throttle.started <= ?4 THEN ?3 ELSE login_throttle.expires END"
		" RETURNING started, hits");
	if (!st)
		return ERR_DB;
	store_bind_int(st, 1, id);
	store_bind_int(st, 2, (int64_t)now);
	store_bind_int(st, 3, (int64_t)now + window);
	store_bind_int(st, 4, (int64_t)now - window);
	store_bind_int(st, 5, cap);
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		*started = (time_t)store_int(st, 0);
		*hits = (int)store_int(st, 1);
		rc = 0;
	} else {
		rc = rc == STORE_DONE ? ERR_DB : rc;
	}
	store_reset(st);
	return rc;
}

/* Text a client typed, fit for one log line: at most 100 bytes, control
 * characters and quotes as '?'. */
static void loggable(const char *s, char out[101])
{
	size_t n = 0;
	for (; s && s[n] && n < 100; n++) {
		unsigned char c = (unsigned char)s[n];
		out[n] = c < 0x20 || c == 0x7f || c == '"' ? '?' : (char)c;
	}
	out[n] = 0;
}

/* A count goes on past its limit (a few attempts may race past the check
 * on several nodes), but not without end. */
enum { CAP = 1 << 30 };

int throttle_login_failed(struct store *s, struct login_attempt *t, time_t now)
{
	if (!t->account_key && !given(t->address))
		return 0;
	if (load_key(s))
		return ERR_DB;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	time_t account_start = 0, address_start = 0;
	int account_hits = 0, address_hits = 0;
	int rc = sweep_some(c, now);
	if (!rc && t->account_key)
		rc = count(c, t->account_key, throttle_window, CAP, now, &account_start, &account_hits);
	if (!rc && given(t->address))
		rc = count(c, key_of('i', t->address, NULL), throttle_window, CAP, now, &address_start, &address_hits);
	int crc = store_write_end_aside(s, rc == 0);
	rc = rc ? rc : crc;
	if (rc)
		return rc;

	/* the one failure that reached the limit logs the lock, on whichever
	 * node it came */
	char until[TIME_STRLEN + 1], address_until[TIME_STRLEN + 1], who[101], where[101];
	bool account_locked = t->account_key && account_hits == throttle_account_limit;
	bool address_locked = given(t->address) && address_hits == throttle_address_limit;
	if (account_locked)
		time_format(account_start + throttle_window, until);
	if (address_locked)
		time_format(address_start + throttle_window, address_until);
	loggable(t->email, who);
	loggable(t->address, where);
	static const char *const from[] = {
		[TRUST_NONE] = "from addresses and browsers new to it",
		[TRUST_ADDRESS] = "from the address",
		[TRUST_BROWSER] = "from the browsers that logged in to it before",
	};
	if (account_locked)
		log_warn("login: account \"%s\" locked %s%s%s until %s, after %d failed logins", who,
			 from[t->trust], t->trust == TRUST_ADDRESS ? " " : "", t->trust == TRUST_ADDRESS ? where : "",
			 until, throttle_account_limit);
	if (address_locked)
		log_warn("login: address %s locked for every account until %s, after %d failed logins", where,
			 address_until, throttle_address_limit);
	return 0;
}

int throttle_login_passed(struct store *s, struct login_attempt *t, time_t now)
{
	if (!given(t->email))
		return 0;
	/* nothing to write, as for most good logins: no failures to forget,
	 * and an address known since less than a day */
	bool remember = t->known_key && (!t->known_at || now - t->known_at >= KNOWN_REFRESH);
	if (!t->counted && !remember)
		return 0;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = sweep_some(c, now);
	/* the failures that held up this source are forgotten; those of the
	 * account's other sources stay */
	if (!rc && t->counted)
		rc = run(c, "DELETE FROM login_throttle WHERE id = ?1", 1, (int64_t[]){ t->account_key });
	if (!rc && remember)
		rc = run(c, "INSERT INTO login_throttle (id, started, hits, expires) VALUES (?1, ?2, 0, ?3)"
			 " ON CONFLICT (id) DO UPDATE SET started = excluded.started, expires = excluded.expires",
			 3, (int64_t[]){ t->known_key, now, (int64_t)now + KNOWN_SECONDS });
	int crc = store_write_end_aside(s, rc == 0);
	return rc ? rc : crc;
}

int throttle_mail(struct store *s, const char *address, time_t now, long *wait)
{
	*wait = 0;
	if (!given(address))
		return 0;
	if (load_key(s))
		return ERR_DB;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	time_t started = 0;
	int hits = 0;
	int rc = sweep_some(c, now);
	/* one past the limit marks a refusal, which is not counted further */
	if (!rc)
		rc = count(c, key_of('m', address, NULL), THROTTLE_WINDOW, throttle_mail_limit + 1, now, &started, &hits);
	int crc = store_write_end_aside(s, rc == 0);
	rc = rc ? rc : crc;
	if (!rc && hits > throttle_mail_limit)
		*wait = wait_for(started, hits, throttle_mail_limit, THROTTLE_WINDOW, now);
	return rc;
}

int throttle_sweep(struct store *s, time_t now)
{
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = run(c, "DELETE FROM login_throttle WHERE expires <= ?1", 1, (int64_t[]){ now });
	int n = rc ? 0 : store_changes(c);
	int crc = store_write_end_aside(s, rc == 0);
	rc = rc ? rc : crc;
	return rc ? rc : n;
}

int throttle_reset(struct store *s)
{
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = run(c, "DELETE FROM login_throttle", 0, NULL);
	int crc = store_write_end_aside(s, rc == 0);
	return rc ? rc : crc;
}
