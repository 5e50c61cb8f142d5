#!/bin/sh
# Lists every SQL text of src/ (after the preprocessor, so that the SQL that
# macros build is whole), NUL-separated, for test_pg's check that each one
# prepares on PostgreSQL (KIEM_PG_SQL; docs/postgresql-port.md).
set -eu
cd "$(dirname "$0")/.."
for f in src/*/*.c; do
	# the store speaks each engine's own SQL, and migrate-to-pg reads the
	# SQLite file's catalogue (sqlite_master, pragmas) on purpose
	case "$f" in src/store/* | src/cli/migrate_pg.c) continue ;; esac
	cc -std=c11 -D_GNU_SOURCE -DKIEM_VERSION='""' $(pkg-config --cflags jansson libsodium libcmark libcurl libmicrohttpd 2>/dev/null) -E -P "$f" 2>/dev/null
done | python3 -c '
import re, sys
src = sys.stdin.read()
lit = r"\"(?:[^\"\\\\\n]|\\\\.)*\""
seen = set()
for m in re.finditer("(?:%s\\s*)+" % lit, src):
    parts = re.findall(lit, m.group(0))
    text = "".join(bytes(p[1:-1], "utf-8").decode("unicode_escape") for p in parts)
    head = text.lstrip().split(None, 1)
    # SQL is written in capitals, and has more than its first word
    if len(head) < 2 or head[0] not in ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH"):
        continue
    # a part of a statement that is put together at run time (its
    # parentheses do not close) is not one: the e2e tests cover those
    bare = re.sub(chr(39) + "[^" + chr(39) + "]*" + chr(39), "", text)
    if bare.count("(") != bare.count(")"):
        continue
    if text in seen:
        continue
    seen.add(text)
    sys.stdout.write(text + "\0")
'
