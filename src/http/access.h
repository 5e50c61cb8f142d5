/* access: the request id and the access log. Private to the http layer.
 *
 * Every request has an id (16 hex digits: a random prefix per process and
 * a counter), sent back as X-Request-Id and named in error answers, so that
 * a person who reports an error can be matched with its log line.
 *
 * The access log is one line per request on standard error, through
 * base/log.h:  access METHOD TARGET STATUS BYTES DURATIONms queries=N ID
 * where TARGET is the path with every query value written as "*" (values
 * can hold secrets: codes, tokens, what someone searched for) and a path
 * whose parameters are secrets written as its pattern. A 429 is written at
 * warn level and a 5xx at error level, also when the access log is off;
 * everything else at info level, only when it is on. Client addresses are
 * not written: the log holds no personal data. N is the number of SQL
 * statements its handler ran (store_queries()), so that what a page costs
 * can be seen, and tested. */
#ifndef KIEM_HTTP_ACCESS_H
#define KIEM_HTTP_ACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

enum { ACCESS_ID_LEN = 16 };

/* Whether lines for ordinary answers are written (KIEM_ACCESS_LOG); the
 * random prefix of the ids is picked here. */
void access_init(bool on);
/* A fresh request id into out[ACCESS_ID_LEN + 1]. */
void access_new_id(char *out);
/* Whether s is fit to be a request id taken from a trusted proxy: 1 to 64
 * letters, digits, '-', '_' and '.'. */
bool access_id_ok(const char *s);
/* Appends s, a part of a request line as sent (so already percent-encoded),
 * as a log may show it: space, control characters and bytes outside ASCII
 * percent-encoded, so that a line stays one line and a forged one cannot be
 * slipped in. */
void access_escape(struct buf *b, const char *s);
/* Writes the line for one answered request (method and target NULL or ""
 * when its head never arrived whole). */
void access_line(int status, const char *method, const char *target, size_t bytes, double ms,
		 uint64_t queries, const char *id);

#endif
