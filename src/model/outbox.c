#include "outbox.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/timefmt.h"
#include "../base/uuid.h"
#include "../store/store.h"

const char *outbox_base_url = "http://127.0.0.1:8080";

int outbox_add(struct store_conn *c, const char *recipient, const char *subject, const char *body)
{
	if (!recipient || !*recipient || !subject || !body || strlen(subject) > OUTBOX_SUBJECT_MAX ||
	    strlen(body) > OUTBOX_BODY_MAX)
		return ERR_INVALID;
	char id[UUID_STRLEN + 1], now[TIME_STRLEN + 1];
	uuid7_new(id);
	time_now(now);
	struct store_stmt *st = store_prepare(c,
		"INSERT INTO outbox (id, recipient, subject, body, created_at, next_attempt_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?5)");
	if (!st)
		return ERR_DB;
	store_bind_str(st, 1, id);
	store_bind_str(st, 2, recipient);
	store_bind_str(st, 3, subject);
	store_bind_str(st, 4, body);
	store_bind_str(st, 5, now);
	return store_run(st);
}

char *outbox_link(struct arena *a, const char *path)
{
	size_t nb = strlen(outbox_base_url), np = strlen(path);
	char *s = arena_alloc(a, nb + np + 1);
	memcpy(s, outbox_base_url, nb);
	memcpy(s + nb, path, np + 1);
	return s;
}
