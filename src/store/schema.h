/* schema: the numbered migrations, applied in order by store_migrate().
 * A migration once released is never changed; a change is a new step. */
#ifndef KIEM_SCHEMA_H
#define KIEM_SCHEMA_H

extern const char *const schema_steps[];
extern const int schema_count;

/* One statement per full-text index of the schema that merges its segments
 * into one, so that the words of deleted rows are gone (store_scrub). A new
 * full-text table adds its statement here. */
extern const char *const schema_fts_optimize[];
extern const int schema_fts_count;

#endif
