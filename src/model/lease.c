#include "lease.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/err.h"
#include "../store/store.h"
#include "rows.h"

static char node[LEASE_HOLDER_MAX];

static void name_node(void)
{
	const char *named = getenv("KIEM_NODE");
	if (named && *named) {
		snprintf(node, sizeof node, "%s", named);
		return;
	}
	char host[64] = "";
	if (gethostname(host, sizeof host - 1))
		snprintf(host, sizeof host, "?");
	unsigned char raw[4];
	randombytes_buf(raw, sizeof raw);
	snprintf(node, sizeof node, "%.63s/%ld/%02x%02x%02x%02x", host, (long)getpid(), raw[0], raw[1], raw[2],
		 raw[3]);
}

const char *lease_node(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, name_node);
	return node;
}

/* One statement: a new row, or the row taken over when it has expired or
 * is the holder's own; else it changes nothing. On PostgreSQL a second
 * node's statement waits for the first's commit and then sees its row. */
static const char take_sql[] =
	"INSERT INTO leases (name, holder, until_epoch) VALUES (?1, ?2, ?3)"
	" ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until_epoch = excluded.until_epoch"
	" WHERE leases.until_epoch <= ?4 OR leases.holder = excluded.holder";

int lease_take(struct store *s, const char *name, const char *holder, int64_t now, int seconds, bool *held)
{
	*held = false;
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	struct store_stmt *st = store_prepare(c, take_sql);
	int rc = ERR_DB;
	if (st) {
		store_bind_str(st, 1, name);
		store_bind_str(st, 2, holder);
		store_bind_int(st, 3, now + seconds);
		store_bind_int(st, 4, now);
		rc = store_run(st);
		*held = rc == 0 && store_changes(c) == 1;
	}
	int crc = store_write_end_aside(s, rc == 0);
	if (rc || crc)
		*held = false;
	return rc ? rc : crc;
}

int lease_release(struct store *s, const char *name, const char *holder)
{
	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	int rc = rows_run(c, "UPDATE leases SET until_epoch = 0 WHERE name = ?1 AND holder = ?2", 2, name, holder);
	int crc = store_write_end_aside(s, rc == 0);
	return rc ? rc : crc;
}
