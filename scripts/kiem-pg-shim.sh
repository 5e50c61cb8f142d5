#!/bin/sh
# Runs kiem against PostgreSQL, one database per --db path, so that the
# end-to-end tests can run on PostgreSQL before they know of it:
#
#   KIEM_PG_BASE="host=/tmp/x port=5432 user=kiem" \
#   KIEM_REAL_BIN=$PWD/kiem KIEM_BIN=$PWD/scripts/kiem-pg-shim.sh node --test tests/e2e/foo.test.mjs
#
# `init --db PATH` creates the database for PATH (named after its hash);
# every command gets KIEM_PG for it. The tests' own sqlite3 queries of the
# file still go to the (empty) file: those tests fail here.
set -eu
db=
prev=
for a in "$@"; do
	[ "$prev" = "--db" ] && db=$a
	prev=$a
done
if [ -n "$db" ]; then
	name=k$(printf '%s' "$db" | md5sum | cut -c1-16)
	if [ "${1:-}" = init ]; then
		psql "$KIEM_PG_BASE dbname=postgres" -qAt -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
	fi
	export KIEM_PG="$KIEM_PG_BASE dbname=$name"
fi
exec "${KIEM_REAL_BIN:?}" "$@"
