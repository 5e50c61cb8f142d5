/* Renames the functions sqlite.c defines, so that store.c can put the
 * PostgreSQL engine beside it (engine.h). The Makefile includes this file
 * first in sqlite.c; nothing else includes it. */
#define store_open sqlite_store_open
#define store_close sqlite_store_close
#define store_engine_version sqlite_store_engine_version
#define store_migrate sqlite_store_migrate
#define store_schema_version sqlite_store_schema_version
#define store_reader sqlite_store_reader
#define store_read_begin sqlite_store_read_begin
#define store_read_end sqlite_store_read_end
#define store_write_begin sqlite_store_write_begin
#define store_write_end sqlite_store_write_end
#define store_write_end_aside sqlite_store_write_end_aside
#define store_checkpoint sqlite_store_checkpoint
#define store_scrub sqlite_store_scrub
#define store_stmt_reprepares sqlite_store_stmt_reprepares
#define store_prepare sqlite_store_prepare
#define store_bind_text sqlite_store_bind_text
#define store_bind_str sqlite_store_bind_str
#define store_bind_int sqlite_store_bind_int
#define store_bind_null sqlite_store_bind_null
#define store_step sqlite_store_step
#define store_queries sqlite_store_queries
#define store_reset sqlite_store_reset
#define store_text sqlite_store_text
#define store_bytes sqlite_store_bytes
#define store_int sqlite_store_int
#define store_is_null sqlite_store_is_null
#define store_run sqlite_store_run
#define store_generation sqlite_store_generation
#define store_interrupt sqlite_store_interrupt
#define store_changes sqlite_store_changes
#define store_like_contains sqlite_store_like_contains
#define store_fts_query sqlite_store_fts_query
