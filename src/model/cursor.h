/* cursor: the keyset cursors of the model's lists. A cursor carries the
 * sort value and the id of the last row shown (base64url of "value\nid"),
 * so the next page starts after that row without an offset. */
#ifndef KIEM_CURSOR_H
#define KIEM_CURSOR_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* The cursor after the row with this sort value and id, in the arena. */
const char *cursor_encode(struct arena *a, const char *value, const char *id);
/* The sort value and id of a cursor at most max characters long; false if
 * it is not one of cursor_encode's. */
bool cursor_decode(struct arena *a, const char *cursor, size_t max, const char **value, const char **id);

#endif
