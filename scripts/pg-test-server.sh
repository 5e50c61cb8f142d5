#!/bin/sh
# A private PostgreSQL for the tests: Debian's postgresql-15 binaries, a
# data directory and a Unix socket in a temporary directory, a private port,
# no TCP. As the user postgres when run as root (initdb refuses root).
#
#   scripts/pg-test-server.sh start [DIR]   prints the conninfo to use
#   scripts/pg-test-server.sh stop DIR      stops it and removes DIR
#
# The database's locale is C.UTF-8: text sorts by its code points, as it
# does in SQLite, and full-text search lowercases letters beyond ASCII
# (CAFÉ finds café; docs/postgresql-port.md).
set -eu
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:-}
dir=${2:-}

as_owner() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

case "$cmd" in
start)
	[ -x "$BIN/initdb" ] || { echo "pg-test-server: no PostgreSQL at $BIN (apt-get install postgresql-15)" >&2; exit 1; }
	dir=${dir:-$(mktemp -d /tmp/kiem-pg.XXXXXX)}
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres "$dir"
	port=${PG_PORT:-$((20000 + $$ % 20000))}
	as_owner "$BIN/initdb" -D "$dir/data" -U kiem --auth=trust --locale=C.UTF-8 -E UTF8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-p $port -k $dir -c listen_addresses='' -c fsync=${PG_FSYNC:-on}" start >/dev/null ||
		{ cat "$dir/server.log" >&2; exit 1; }
	as_owner "$BIN/createdb" -h "$dir" -p "$port" -U kiem kiem
	echo "host=$dir port=$port user=kiem dbname=kiem"
	;;
stop)
	[ -n "$dir" ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
	as_owner "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
	rm -rf "$dir"
	;;
*)
	echo "usage: $0 start [DIR] | stop DIR" >&2
	exit 2
	;;
esac
