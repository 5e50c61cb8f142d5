/* uuid: version 7 UUIDs (RFC 9562), which sort by creation time.
 * Within one process, ids made in the same millisecond still sort in the
 * order they were made (a 12-bit counter in rand_a). */
#ifndef KIEM_UUID_H
#define KIEM_UUID_H

#include <stdbool.h>
#include <stddef.h>

enum { UUID_STRLEN = 36 };

/* Writes 36 characters and a NUL to out. */
void uuid7_new(char out[UUID_STRLEN + 1]);
/* True if s is a UUID in canonical lower-case hex form. */
bool uuid_valid(const char *s, size_t len);

#endif
