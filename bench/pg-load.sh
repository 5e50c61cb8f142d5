#!/usr/bin/env bash
# Copies the benchmark's SQLite database into a PostgreSQL database that
# `kiem init --pg` has just made (the schema and its seeds, nothing else):
# for bench/pg.sh, until `kiem migrate-to-pg` is the way (bench/pg.sh uses
# it when the binary has it).
#
#   bench/pg-load.sh SQLITE_FILE CONNINFO
#
# For every table of the PostgreSQL schema: when it is empty there and has
# rows in the file, its columns (all but the generated ones: the tsvector of
# a full-text table) go through `COPY ... FROM STDIN (FORMAT csv)`, NULL
# written as \N so that an empty text stays an empty text; a table kiem init
# seeded (the roles, the settings) must hold as many rows on both sides and
# is left as it is. Then every identity column's sequence goes past the
# largest value copied, the counts of every table are compared, and the
# tables are analysed. The foreign keys are not checked during the copy
# (session_replication_role = replica: the role must be a superuser, as
# scripts/pg-test-server.sh's is); the file's were (run.sh checks them).
set -eu
db=${1:?usage: bench/pg-load.sh SQLITE_FILE CONNINFO}
conn=${2:?usage: bench/pg-load.sh SQLITE_FILE CONNINFO}

die() { printf 'pg-load: error: %s\n' "$*" >&2; exit 1; }
pg() { psql -X -q -v ON_ERROR_STOP=1 -At "$conn" "$@"; }
lite() { sqlite3 -readonly -bail "$db" "$@"; }

tables=$(pg -c "SELECT table_name FROM information_schema.tables
	WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'
	ORDER BY table_name")
[ -n "$tables" ] || die "no tables in $conn: run kiem init --pg first"

copied=0
for t in $tables; do
	n_lite=$(lite "SELECT count(*) FROM \"$t\"" 2>/dev/null) || die "table $t is not in $db"
	n_pg=$(pg -c "SELECT count(*) FROM \"$t\"")
	if [ "$n_pg" != 0 ]; then
		[ "$n_pg" = "$n_lite" ] || die "$t: $n_pg rows seeded in PostgreSQL, $n_lite in $db"
		continue
	fi
	[ "$n_lite" != 0 ] || continue
	cols=$(pg -c "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)
		FROM information_schema.columns
		WHERE table_schema = 'public' AND table_name = '$t' AND is_generated = 'NEVER'")
	lite -csv -cmd ".nullvalue '\N'" "SELECT $cols FROM \"$t\"" |
		pg -c "SET session_replication_role = replica;
			COPY \"$t\" ($cols) FROM STDIN WITH (FORMAT csv, NULL '\\N')" ||
		die "copying $t failed"
	copied=$((copied + 1))
done

# identity columns (seq, the rowids): their sequences go on after the copy
pg <<'EOF' >/dev/null
DO $$
DECLARE r record;
BEGIN
	FOR r IN SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = 'public' AND is_identity = 'YES'
	LOOP
		EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), coalesce(max(%I), 0) + 1, false) FROM %I',
			r.table_name, r.column_name, r.column_name, r.table_name);
	END LOOP;
END $$;
EOF

for t in $tables; do
	a=$(lite "SELECT count(*) FROM \"$t\"")
	b=$(pg -c "SELECT count(*) FROM \"$t\"")
	[ "$a" = "$b" ] || die "$t: $a rows in $db, $b in PostgreSQL after the copy"
done
pg -c 'ANALYZE' >/dev/null
echo "pg-load: copied $copied tables"
