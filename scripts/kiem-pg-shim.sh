#!/bin/sh
# Runs kiem against PostgreSQL, one database per --db path: the end-to-end
# tests' way to run on PostgreSQL. tests/lib/kiem.mjs puts it before kiem
# when KIEM_PG_BASE is set (a conninfo without dbname), so that
#
#   KIEM_PG_BASE="host=/tmp/x port=5432 user=kiem" KIEM_BIN=$PWD/kiem node --test tests/e2e/foo.test.mjs
#
# runs a test file on PostgreSQL (tests/run-e2e-pg.sh starts the server).
# `init --db PATH` creates the database for PATH (named after its hash) if
# it is not there yet, as init creates the file; every command with --db
# (or KIEM_DB) gets KIEM_PG for it. KIEM_REAL_BIN is the kiem to run.
set -eu
db=
prev=
for a in "$@"; do
	[ "$prev" = "--db" ] && db=$a
	prev=$a
done
db=${db:-${KIEM_DB:-}}
if [ -n "$db" ]; then
	name=k$(printf '%s' "$db" | md5sum | cut -c1-16)
	if [ "${1:-}" = init ] &&
		[ -z "$(psql "$KIEM_PG_BASE dbname=postgres" -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" ]; then
		psql "$KIEM_PG_BASE dbname=postgres" -qAt -c "CREATE DATABASE $name" >/dev/null
	fi
	export KIEM_PG="$KIEM_PG_BASE dbname=$name"
fi
exec "${KIEM_REAL_BIN:?}" "$@"
