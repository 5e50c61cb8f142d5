#include "cursor.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/text.h"
#include "../base/uuid.h"

const char *cursor_encode(struct arena *a, const char *value, const char *id)
{
	size_t vlen = strlen(value), n = vlen + 1 + strlen(id);
	char *raw = arena_alloc(a, n + 1);
	memcpy(raw, value, vlen);
	raw[vlen] = '\n';
	memcpy(raw + vlen + 1, id, strlen(id));
	char *enc = arena_alloc(a, (n + 2) / 3 * 4 + 1);
	text_base64url((const unsigned char *)raw, n, enc);
	return enc;
}

bool cursor_decode(struct arena *a, const char *cursor, size_t max, const char **value, const char **id)
{
	size_t n = strlen(cursor);
	if (n > max)
		return false;
	char *raw = arena_alloc(a, n + 2);
	long len = text_unbase64url(cursor, n, raw);
	if (len <= UUID_STRLEN || memchr(raw, 0, (size_t)len))
		return false;
	char *nl = raw + len - UUID_STRLEN - 1;
	if (*nl != '\n' || !uuid_valid(nl + 1, UUID_STRLEN))
		return false;
	*nl = 0;
	*value = raw;
	*id = nl + 1;
	return text_utf8_valid(raw, strlen(raw));
}
