/* The request id and the access log (access.h). */
#include "access.h"

#include <sodium.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/log.h"

static bool log_all = true;
static uint32_t id_prefix;
static atomic_uint_fast32_t id_counter;

void access_init(bool on)
{
	log_all = on;
	id_prefix = randombytes_random();
}

void access_new_id(char *out)
{
	uint32_t n = (uint32_t)atomic_fetch_add(&id_counter, 1) + 1;
	snprintf(out, ACCESS_ID_LEN + 1, "%08x%08x", (unsigned)id_prefix, (unsigned)n);
}

bool access_id_ok(const char *s)
{
	size_t n = strlen(s);
	if (!n || n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
		      c == '_' || c == '.'))
			return false;
	}
	return true;
}

void access_escape(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p <= 0x20 || *p >= 0x7f) {
			buf_addc(b, '%');
			buf_addc(b, hex[*p >> 4]);
			buf_addc(b, hex[*p & 15]);
		} else {
			buf_addc(b, (char)*p);
		}
	}
}

void access_line(int status, const char *method, const char *target, size_t bytes, double ms,
		 uint64_t queries, const char *id)
{
	enum log_level level = status >= 500 ? LOG_ERROR : status == 429 ? LOG_WARN : LOG_INFO;
	if (level == LOG_INFO && !log_all)
		return;
	enum { TARGET_SHOWN = 600 }; /* a log line holds 1024 bytes, and the id comes last */
	if (!target || !*target)
		target = "-";
	size_t tlen = strlen(target);
	log_msg(level, "access %s %.*s%s %d %zu %.1fms queries=%llu %s", method && *method ? method : "-",
		(int)(tlen > TARGET_SHOWN ? TARGET_SHOWN : tlen), target, tlen > TARGET_SHOWN ? "..." : "",
		status, bytes, ms, (unsigned long long)queries, id && *id ? id : "-");
}
