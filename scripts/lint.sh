#!/bin/sh
# The lints of `make check`: no SQL built with printf or a string builder,
# and none of the banned string functions of STYLE.md.
cd "$(dirname "$0")/.." || exit 2
fail=0
src="--include=*.c --include=*.h -r src"
# migrate-to-pg copies the tables it finds in the schema: it puts their SQL
# together from their names (checked to be plain identifiers), never values
sqlsrc="$src --exclude=migrate_pg.c"
hits=$(grep -nE '(snprintf|sprintf|printf|buf_printf|arena_printf|buf_adds?)\s*\([^;]*"[^"]*\b(SELECT|INSERT|UPDATE|DELETE|WHERE|CREATE|DROP)\b' $sqlsrc)
if [ -n "$hits" ]; then
	echo "lint: SQL built with printf or a buffer; bind the values instead:"; echo "$hits"; fail=1
fi
hits=$(grep -nE 'store_prepare\([^;]*(\.ptr|arena_printf|buf_take|snprintf)' $src)
if [ -n "$hits" ]; then
	echo "lint: store_prepare takes SQL literals only, never a built string:"; echo "$hits"; fail=1
fi
hits=$(grep -nwE 'strcpy|strcat|sprintf|vsprintf|gets|strtok|atoi|atol|strncpy' $src | grep -vE '^[^:]+:[0-9]+:\s*(/\*|\*)')
if [ -n "$hits" ]; then
	echo "lint: banned functions (STYLE.md):"; echo "$hits"; fail=1
fi
[ $fail -eq 0 ] && echo "lint: ok"
exit $fail
