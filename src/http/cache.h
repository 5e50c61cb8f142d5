/* cache: answers to anonymous reads, kept while the data stands.
 *
 * Only what every anonymous visitor would get alike is kept: a 200 to a GET
 * of a route marked RF_CACHE, asked without a session or a token, that set
 * no cookie and no header of its own. An answer is kept with the store's
 * generation from before it was made, and served only while that is still
 * the generation: any write makes every kept answer a miss. Private to the
 * http layer. */
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
