/* arena: a region allocator for one request or one command.
 *
 * Everything allocated from an arena is freed at once by arena_free().
 * Allocation never returns NULL: running out of memory aborts, as the sizes
 * that clients control are limited before they reach an arena. */
#ifndef KIEM_ARENA_H
#define KIEM_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);   /* zeroed, aligned */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s); /* NULL gives NULL */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
size_t arena_used(const struct arena *a);

#endif
