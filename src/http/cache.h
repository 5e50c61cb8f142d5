/* cache: answers to anonymous reads, kept while the data stands.
 *
 * Only what every anonymous visitor would get alike is kept: a 200 to a GET
 * of a route marked RF_CACHE, asked without a session or a token, that set
 * no cookie and no header of its own. An answer is kept with the store's
 * generation from before it was made, and served only while that is still
 * the generation: any write makes every kept answer a miss. Private to the
 * http layer.
 *
 * Several processes and nodes: the generation is the database's own
 * (store_generation: a row every commit that changes data counts up), so a
 * write on any node, or by the CLI on the same SQLite file, makes every
 * node's kept answers misses from the moment it commits, before its writer
 * can answer. What a hit costs for that: on SQLite, PRAGMA data_version on
 * the thread's reader at most once a millisecond while this process commits
 * nothing (the row is read again only after some commit; sqlite.c,
 * GENERATION_TRUST_NS); on
 * PostgreSQL one round trip per hit that reads the row, on the thread's
 * own connection. Measured with wrk (4 connections, KIEM_THREADS=2, the
 * demo's /api/v1/parties, PostgreSQL on the same 2-core machine, shared
 * with other builds, so noisy; runs of before and after alternated): hits
 * 7,200-24,000/s before (a counter in the process, nodes blind to each
 * other), 4,000-8,200/s after, against about 500/s with no cache; on
 * SQLite no difference (8,300-12,000/s both). One read shared by the
 * threads that wait at once (one round trip in flight per node) was
 * slower still: 3,000/s at 4 connections, 1,800/s at 32. A LISTEN/NOTIFY
 * instead would leave a moment between a commit on one node and the news
 * on another, in which a client that saw its write answered could read an
 * old answer there; closing it costs that round trip anyway. Misses and
 * answers never kept do not read the generation. */
#ifndef KIEM_HTTP_CACHE_H
#define KIEM_HTTP_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

/* Sizes the cache; 0 turns it off. Call before serving. */
void cache_init(size_t max_bytes);
void cache_release(void);
/* On a hit, appends the body to out and sets *status and *ctype. */
bool cache_get(const char *key, size_t klen, uint64_t generation, struct buf *out, int *status,
	       const char **ctype);
/* Keeps an answer; ctype must be a string that lives as long as the cache. */
void cache_put(const char *key, size_t klen, uint64_t generation, int status, const char *ctype,
	       const char *body, size_t len);

#endif
