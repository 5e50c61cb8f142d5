#!/bin/sh
# Runs a command against a private PostgreSQL server of its own: starts one
# (scripts/pg-test-server.sh: Debian's postgresql-15, a temporary data
# directory, a Unix socket and a private port, as the user postgres when run
# as root), runs the command with
#   KIEM_PG       the conninfo of its empty database kiem (test_pg)
#   KIEM_PG_BASE  the same without dbname (the end-to-end tests, which make
#                 a database per test: tests/lib/kiem.mjs)
# and stops the server and removes its directory afterwards, whatever the
# command did. Exits with the command's status.
#
#   tests/with-pg.sh node --test tests/e2e/
#
# fsync is off: the tests check what kiem does, not the disk, and the server
# is thrown away after.
set -eu
cd "$(dirname "$0")/.."
dir=
stop() {
	[ -n "$dir" ] && scripts/pg-test-server.sh stop "$dir"
	dir=
}
trap stop EXIT
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
# a port another program holds makes the start fail: a few tries
for try in 1 2 3; do
	dir=$(mktemp -d /tmp/kiem-pg.XXXXXX)
	if conn=$(PG_FSYNC=off PG_PORT=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 20000)) \
		scripts/pg-test-server.sh start "$dir"); then
		break
	fi
	stop
	[ "$try" = 3 ] && { echo "with-pg: no PostgreSQL server could start" >&2; exit 1; }
done
echo "with-pg: PostgreSQL at $conn" >&2
status=0
KIEM_PG=$conn KIEM_PG_BASE=${conn% dbname=*} "$@" || status=$?
exit $status
