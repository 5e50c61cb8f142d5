/* schema: the numbered migrations, applied in order by store_migrate().
 * A migration once released is never changed; a change is a new step. */
#ifndef KIEM_SCHEMA_H
#define KIEM_SCHEMA_H

extern const char *const schema_steps[];
extern const int schema_count;

#endif
