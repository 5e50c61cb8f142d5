#include "settings.h"
#include "rows.h"

#include <sodium.h>
#include <string.h>

#include "../base/err.h"
#include "../base/text.h"
#include "../store/store.h"

static int from_hex(const char *hex, unsigned char key[32])
{
	size_t bin_len = 0;
	if (sodium_hex2bin(key, 32, hex, strlen(hex), NULL, &bin_len, NULL) || bin_len != 32)
		return ERR_DB;
	return 0;
}

int settings_key(struct store *s, const char *name, unsigned char key[32])
{
	struct store_stmt *st = rows_prepare(store_reader(s), "SELECT value FROM settings WHERE key = ?1", 1,
			name);
	if (!st)
		return ERR_DB;
	int rc = store_step(st);
	if (rc == STORE_ROW) {
		rc = from_hex(store_text(st, 0), key);
		store_reset(st);
		return rc; /* found: no write needed */
	}
	store_reset(st);
	if (rc != STORE_DONE)
		return rc;

	struct store_conn *c = store_write_begin(s);
	if (!c)
		return ERR_DB;
	unsigned char fresh[32];
	char hex[65];
	randombytes_buf(fresh, sizeof fresh);
	text_hex(fresh, sizeof fresh, hex);
	/* another node may have made it meanwhile: keep theirs */
	rc = rows_run(c, "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING", 2,
			name, hex);
	if (!rc && (st = store_prepare(c, "SELECT value FROM settings WHERE key = ?1"))) {
		store_bind_str(st, 1, name);
		rc = store_step(st) == STORE_ROW ? from_hex(store_text(st, 0), key) : ERR_DB;
		store_reset(st);
	}
	int crc = store_write_end(s, rc == 0);
	sodium_memzero(fresh, sizeof fresh);
	return rc ? rc : crc;
}
