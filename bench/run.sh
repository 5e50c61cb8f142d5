#!/usr/bin/env bash
# The benchmark of DESIGN.md section 5: `make bench` builds ./kiem and runs
# this script. In one run it
#   1. generates a national-scale directory (200,000 parties over the
#      Dutch area tree) into bench/out/bench.db with bench/gen.sql, or
#      reuses the one a previous run made;
#   2. starts `kiem serve` on it, on a free port of 127.0.0.1;
#   3. loads three reads with wrk: a page of the party list, one party, and
#      the party list page in HTML;
#   4. serves the exact bytes of those three responses with nginx, as static
#      files, and loads them the same way;
#   5. reads kiem's resident memory after the load;
#   6. stops both, checks that kiem exits 0 on SIGTERM, and writes the
#      figures beside the budgets in docs/benchmarks.md.
#
# Options (environment):
#   BENCH_REGEN=1          regenerate the database even if it is up to date
#                          (also: ./bench/run.sh --regen)
#   BENCH_PARTIES=N        parties to generate (default 200000)
#   BENCH_DURATION=S       seconds of each measured wrk run (default 10)
#   BENCH_WARMUP=S         seconds of warm-up per endpoint and server (default 2)
#   BENCH_CONNECTIONS=N    wrk connections of the load runs (default 32)
#   BENCH_THREADS=N        wrk threads (default 2)
#   BENCH_DOC=PATH         where to write the report (default docs/benchmarks.md)
#   KIEM_BIN=PATH          the kiem binary (default ./kiem)
# Everything it makes, besides the report, is under bench/out/.
set -eu

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/bench/out
DB=$OUT/bench.db
KIEM=${KIEM_BIN:-$ROOT/kiem}
PARTIES=${BENCH_PARTIES:-200000}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-2}
CONNS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
DOC=${BENCH_DOC:-$ROOT/docs/benchmarks.md}
REGEN=${BENCH_REGEN:-0}

for arg in "$@"; do
	case "$arg" in
	--regen) REGEN=1 ;;
	-h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "bench: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
	esac
done

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

for v in BENCH_PARTIES=$PARTIES BENCH_DURATION=$DURATION BENCH_WARMUP=$WARMUP \
	BENCH_CONNECTIONS=$CONNS BENCH_THREADS=$THREADS; do
	case "${v#*=}" in ''|*[!0-9]*) die "${v%%=*} must be a whole number, not '${v#*=}'" ;; esac
done
[ "$DURATION" -ge 1 ] && [ "$CONNS" -ge 1 ] && [ "$THREADS" -ge 1 ] && [ "$THREADS" -le "$CONNS" ] ||
	die "BENCH_DURATION, BENCH_CONNECTIONS and BENCH_THREADS must be at least 1, with no more threads than connections"
[ "$PARTIES" -ge 1000 ] || die "BENCH_PARTIES must be at least 1000"

# ------------------------------------------------------------ the tools
NGINX=$(command -v nginx || true)
[ -n "$NGINX" ] || { [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx; } || true
missing=""
command -v wrk >/dev/null 2>&1 || missing="$missing wrk"
[ -n "$NGINX" ] || missing="$missing nginx (Debian package nginx-light)"
command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
command -v curl >/dev/null 2>&1 || missing="$missing curl"
[ -z "$missing" ] || die "missing:$missing. Run 'make deps' (it installs the packages of deps.txt), then 'make bench'."
[ -x "$KIEM" ] || die "no kiem binary at $KIEM; run 'make bench', which builds it first"
command -v timeout >/dev/null 2>&1 || die "missing: timeout (coreutils)"

mkdir -p "$OUT"
START_TS=$(date +%s)

# Processor time, to tell how much other work ran beside the benchmark: the
# machine's busy time (user, nice, system, irq, softirq, steal; in clock
# ticks), less the processor time of this script and the children it waited
# for (kiem, nginx and its workers, wrk, curl, sqlite3).
HZ=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
# `times` must run in this shell, not in a pipeline or $(...), whose
# subshell has no children yet: own_cpu writes a file that own_cpu_read reads.
own_cpu() { times >"$OUT/times.txt"; }
own_cpu_read() {
	awk '{ for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] } } END { printf "%.2f", t }' "$OUT/times.txt"
}
BUSY0=$(cpu_busy)
own_cpu
OWN0=$(own_cpu_read)

# ------------------------------------------------------------ cleanup
KIEM_PID=""
NGINX_PID=""
cleanup() {
	if [ -n "$KIEM_PID" ] && kill -0 "$KIEM_PID" 2>/dev/null; then
		kill -TERM "$KIEM_PID" 2>/dev/null || true
		for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$KIEM_PID" 2>/dev/null || break; sleep 0.5; done
		kill -KILL "$KIEM_PID" 2>/dev/null || true
	fi
	if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
		kill -TERM "$NGINX_PID" 2>/dev/null || true
		for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.5; done
		kill -KILL "$NGINX_PID" 2>/dev/null || true
	fi
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT TERM HUP

# ------------------------------------------------------------ 1. the data
schema_sum=$(cksum < src/store/schema.c | cut -d' ' -f1)
gen_sum=$(cksum < bench/gen.sql | cut -d' ' -f1)
STAMP="parties=$PARTIES schema=$schema_sum gensql=$gen_sum"

db_parties() { sqlite3 -readonly "$1" 'SELECT count(*) FROM parties' 2>/dev/null || echo 0; }

GEN_NOTE=""
if [ "$REGEN" != 1 ] && [ -f "$DB" ] && [ -f "$DB.stamp" ] && [ "$(cat "$DB.stamp")" = "$STAMP" ] &&
	[ "$(db_parties "$DB")" = "$PARTIES" ]; then
	say "reusing $DB ($PARTIES parties; BENCH_REGEN=1 or --regen makes a new one)"
	GEN_NOTE="reused from an earlier run (generated by bench/gen.sql)"
else
	say "generating $PARTIES parties into $DB"
	rm -f "$DB" "$DB-wal" "$DB-shm" "$DB.stamp" "$DB.tmp" "$DB.tmp-wal" "$DB.tmp-shm"
	t0=$(date +%s)
	"$KIEM" init --db "$DB.tmp" >"$OUT/init.log" 2>&1 || { cat "$OUT/init.log" >&2; die "kiem init failed"; }
	timeout 600 sqlite3 -bail "$DB.tmp" ".param set @parties $PARTIES" ".read bench/gen.sql" \
		>"$OUT/gen.log" 2>&1 || { cat "$OUT/gen.log" >&2; die "generating the data failed (see $OUT/gen.log)"; }
	[ "$(db_parties "$DB.tmp")" = "$PARTIES" ] || die "the generated database does not hold $PARTIES parties"
	[ -z "$(sqlite3 -readonly "$DB.tmp" 'PRAGMA foreign_key_check' | head -1)" ] ||
		die "the generated database breaks a foreign key"
	mv "$DB.tmp" "$DB"
	rm -f "$DB.tmp-wal" "$DB.tmp-shm"
	echo "$STAMP" > "$DB.stamp"
	t1=$(date +%s)
	say "generated in $((t1 - t0)) s"
	GEN_NOTE="generated by bench/gen.sql in $((t1 - t0)) s"
fi

q() { sqlite3 -readonly "$DB" "$1"; }
N_PARTIES=$(q 'SELECT count(*) FROM parties')
N_AREAS=$(q 'SELECT count(*) FROM areas')
N_AREA_LEVELS=$(q "SELECT group_concat(n || ' ' || level, ', ') FROM (SELECT level, count(*) AS n FROM areas
	GROUP BY level ORDER BY CASE level WHEN 'country' THEN 0 WHEN 'province' THEN 1 WHEN 'municipality' THEN 2
	WHEN 'district' THEN 3 ELSE 4 END)")
N_PA=$(q 'SELECT count(*) FROM party_areas')
N_PR=$(q 'SELECT count(*) FROM party_roles')
N_PT=$(q 'SELECT count(*) FROM party_tags')
N_FTS=$(q 'SELECT count(*) FROM party_search')
N_KINDS=$(q "SELECT group_concat(n || ' ' || kind, ', ') FROM (SELECT kind, count(*) AS n FROM parties GROUP BY kind ORDER BY n DESC)")
DB_MB=$(( $(stat -c %s "$DB") / 1048576 ))
# a party from the middle of the list, by creation
PARTY_ID=$(q 'SELECT id FROM parties WHERE rowid = (SELECT max(rowid) / 2 FROM parties)')
[ -n "$PARTY_ID" ] || die "could not pick a party from $DB"

# ------------------------------------------------------------ 2. kiem
# start_kiem LOG: starts kiem serve on a free port; sets KIEM_PID and KIEM_URL
start_kiem() {
	local log=$1 port=""
	"$KIEM" serve --db "$DB" --listen 127.0.0.1:0 2>"$log" &
	KIEM_PID=$!
	for _ in $(seq 1 150); do
		port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$log" | head -1)
		[ -n "$port" ] && break
		kill -0 "$KIEM_PID" 2>/dev/null || { cat "$log" >&2; die "kiem exited before it listened"; }
		sleep 0.1
	done
	[ -n "$port" ] || { cat "$log" >&2; die "kiem did not say where it listens within 15 s"; }
	KIEM_URL=http://127.0.0.1:$port
}

# stop_kiem SECONDS: SIGTERM, then SIGKILL after SECONDS; sets KIEM_RC to
# the exit status, or to a sentence if it had to be killed
stop_kiem() {
	local rc=0
	kill -TERM "$KIEM_PID" 2>/dev/null || true
	for _ in $(seq 1 $(($1 * 10))); do
		kill -0 "$KIEM_PID" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$KIEM_PID" 2>/dev/null; then
		KIEM_RC="did not exit within $1 s of SIGTERM (killed)"
		kill -KILL "$KIEM_PID" 2>/dev/null || true
		wait "$KIEM_PID" 2>/dev/null || true
	else
		wait "$KIEM_PID" || rc=$?
		KIEM_RC=$rc
	fi
	KIEM_PID=""
}

say "starting kiem"
start_kiem "$OUT/kiem.log"
KIEM_THREADS=$(sed -n 's|.*listening on .* with \([0-9][0-9]*\) threads.*|\1|p' "$OUT/kiem.log" | head -1)
SQLITE_LIB=$(sed -n 's|.*starting; SQLite \([0-9.]*\);.*|\1|p' "$OUT/kiem.log" | head -1)
RSS_START=$(awk '/^VmRSS:/ {print $2}' "/proc/$KIEM_PID/status")
say "kiem (pid $KIEM_PID) listens on $KIEM_URL"

# The three reads: their kiem paths, the files nginx serves their bytes
# from, and their titles in the report.
NAMES=(list party page)
declare -A PATHS=(
	[list]="/api/v1/parties?limit=20"
	[party]="/api/v1/parties/$PARTY_ID"
	[page]="/partijen"
)
declare -A FILES=([list]=list.json [party]=party.json [page]=partijen.html)
declare -A TITLES=(
	[list]="GET /api/v1/parties?limit=20 (a page of the party list, JSON)"
	[party]="GET /api/v1/parties/{id} (one party, JSON)"
	[page]="GET /partijen (the party list page, HTML)"
)

# ------------------------------------------------------------ 4a. the bytes
STATIC=$OUT/nginx/static
rm -rf "$STATIC"
mkdir -p "$STATIC" "$OUT/nginx/tmp" "$OUT/responses"
declare -A STATUS CTYPE BODY HEAD
for n in "${NAMES[@]}"; do
	meta=$(curl -sS --max-time 30 -D "$OUT/responses/$n.headers" -o "$STATIC/${FILES[$n]}" \
		-w '%{http_code} %{size_header} %{size_download} %{content_type}' "$KIEM_URL${PATHS[$n]}") ||
		die "could not fetch ${PATHS[$n]} from kiem"
	read -r STATUS[$n] HEAD[$n] BODY[$n] CTYPE[$n] <<<"$meta"
	cp "$STATIC/${FILES[$n]}" "$OUT/responses/$n.body"
	say "kiem ${PATHS[$n]}: ${STATUS[$n]}, ${BODY[$n]} bytes of ${CTYPE[$n]:-?}"
done
[ "${STATUS[list]}" = 200 ] || die "the party list answered ${STATUS[list]}, not 200"
[ "${STATUS[party]}" = 200 ] || die "the party answered ${STATUS[party]}, not 200"
chmod -R a+rX "$OUT/nginx"

# ------------------------------------------------------------ 3. load kiem
# wrk's latency percentiles in milliseconds: "50%  612.00us" -> 0.612
WRK_AWK='
function ms(v) {
	if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
	if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
	if (v ~ /m$/) return substr(v, 1, length(v) - 1) * 60000
	if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
	return v + 0
}
/^ +50%/ { p50 = ms($2) }
/^ +99%/ { p99 = ms($2) }
/^Requests\/sec:/ { rps = $2 }
/^ +[0-9]+ requests in/ { total = $1 }
/Non-2xx or 3xx responses:/ { non2xx = $NF }
/Socket errors:/ { errs = $0; sub(/.*Socket errors: */, "", errs) }
END { printf "%.0f %.3f %.3f %d %d %s\n", rps, p50, p99, total, non2xx, (errs == "" ? "none" : errs) }'

# run_wrk TAG URL SECONDS CONNECTIONS THREADS: prints "rps p50 p99 total non2xx errors"
run_wrk() {
	local tag=$1 url=$2 secs=$3 conns=$4 threads=$5
	timeout $((secs + 30)) wrk -t"$threads" -c"$conns" -d"${secs}s" --latency "$url" >"$OUT/wrk-$tag.txt" 2>&1 ||
		die "wrk failed against $url (see $OUT/wrk-$tag.txt)"
	awk "$WRK_AWK" "$OUT/wrk-$tag.txt"
}

declare -A R
measure() { # measure kiem|nginx BASEURL: fills R[SERVER-NAME-load] and R[SERVER-NAME-one]
	local server=$1 base=$2 n path
	for n in "${NAMES[@]}"; do
		if [ "$server" = kiem ]; then path=${PATHS[$n]}; else path=/${FILES[$n]}; fi
		say "$server $path: warm-up ${WARMUP}s, load ${DURATION}s x ${CONNS} connections, latency ${DURATION}s x 1 connection"
		[ "$WARMUP" -gt 0 ] && run_wrk "$server-$n-warmup" "$base$path" "$WARMUP" "$CONNS" "$THREADS" >/dev/null
		R[$server-$n-load]=$(run_wrk "$server-$n-load" "$base$path" "$DURATION" "$CONNS" "$THREADS")
		R[$server-$n-one]=$(run_wrk "$server-$n-one" "$base$path" "$DURATION" 1 1)
	done
}

measure kiem "$KIEM_URL"

# ------------------------------------------------------------ 5. memory
RSS_AFTER=$(awk '/^VmRSS:/ {print $2}' "/proc/$KIEM_PID/status")
HWM_AFTER=$(awk '/^VmHWM:/ {print $2}' "/proc/$KIEM_PID/status")
KIEM_THREADS_OS=$(awk '/^Threads:/ {print $2}' "/proc/$KIEM_PID/status")

# ------------------------------------------------------------ 6a. stop kiem
say "stopping kiem with SIGTERM"
stop_kiem 15
MAIN_RC=$KIEM_RC
say "kiem exited: $MAIN_RC"

# ------------------------------------------------------------ 4b. nginx
NGINX_VERSION=$("$NGINX" -v 2>&1 | sed 's|.*nginx/||')
NGINX_DIR=$OUT/nginx
NGINX_PORT=""
for _ in 1 2 3 4 5 6 7 8; do
	port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
	{
		[ "$(id -u)" = 0 ] && echo "user root;" # the workers must read bench/out
		cat <<EOF
# Generated by bench/run.sh: static copies of kiem's responses.
daemon off;
master_process on;
worker_processes 2;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events {
	worker_connections 4096;
}
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	tcp_nodelay on;
	keepalive_timeout 65;
	keepalive_requests 1000000;
	open_file_cache max=64 inactive=60s;
	client_body_temp_path $NGINX_DIR/tmp/body;
	proxy_temp_path $NGINX_DIR/tmp/proxy;
	fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
	uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
	scgi_temp_path $NGINX_DIR/tmp/scgi;
	types {
		application/json json;
		text/html html;
	}
	default_type application/octet-stream;
	server {
		listen 127.0.0.1:$port;
		root $STATIC;
		location / {
		}
	}
}
EOF
	} > "$NGINX_DIR/nginx.conf"
	: > "$NGINX_DIR/error.log"
	"$NGINX" -p "$NGINX_DIR" -e "$NGINX_DIR/error.log" -c "$NGINX_DIR/nginx.conf" 2>>"$NGINX_DIR/error.log" &
	NGINX_PID=$!
	for _ in $(seq 1 50); do
		if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/${FILES[list]}"; then
			NGINX_PORT=$port
			break
		fi
		kill -0 "$NGINX_PID" 2>/dev/null || break
		sleep 0.1
	done
	[ -n "$NGINX_PORT" ] && break
	kill -TERM "$NGINX_PID" 2>/dev/null || true
	wait "$NGINX_PID" 2>/dev/null || true
	NGINX_PID=""
	grep -q "in use" "$NGINX_DIR/error.log" || { cat "$NGINX_DIR/error.log" >&2; die "nginx did not start"; }
done
[ -n "$NGINX_PORT" ] || die "nginx found no free port"
NGINX_URL=http://127.0.0.1:$NGINX_PORT
for n in "${NAMES[@]}"; do
	curl -sS --max-time 10 -o "$OUT/responses/$n.nginx" "$NGINX_URL/${FILES[$n]}"
	cmp -s "$OUT/responses/$n.nginx" "$OUT/responses/$n.body" || die "nginx does not serve the bytes kiem sent for $n"
	declare "NGINX_HEAD_$n=$(curl -sS --max-time 10 -o /dev/null -w '%{size_header}' "$NGINX_URL/${FILES[$n]}")"
done
say "nginx (pid $NGINX_PID) serves the same bytes on $NGINX_URL"

measure nginx "$NGINX_URL"

kill -QUIT "$NGINX_PID" 2>/dev/null || true
for _ in $(seq 1 100); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
wait "$NGINX_PID" 2>/dev/null || true
NGINX_PID=""

# field N of a result: 1 rps, 2 p50 ms, 3 p99 ms, 4 requests, 5 non-2xx, 6.. socket errors
f() { echo "${R[$1]}" | awk -v i="$2" '{ if (i < 6) print $i; else { s = $6; for (j = 7; j <= NF; j++) s = s " " $j; print s } }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 < b + 0) }'; }
verdict() { if lt "$1" "$2"; then echo "**pass**"; else echo "**FAIL**"; fi; }
fmt_ms() { awk -v v="$1" 'BEGIN { if (v < 10) printf "%.2f ms", v; else printf "%.1f ms", v }'; }
fmt_int() { echo "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }'; }
factor() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "n/a" }'; }

# ------------------------------------------------------------ 7. other reads
# One request at a time against a fresh kiem, for the reads that the load
# runs leave out: filters, search and the other pages. Each gets a cold
# request and then up to PROBE_RUNS warm ones, each cut off after
# PROBE_MAX seconds; a read over a second is asked only once more.
PROBE_RUNS=5
PROBE_MAX=10
BU_CODE=$(q "SELECT code FROM areas WHERE level = 'neighbourhood' ORDER BY path LIMIT 1 OFFSET (SELECT count(*) / 2 FROM areas WHERE level = 'neighbourhood')")
GM_CODE=$(q "SELECT code FROM areas WHERE level = 'municipality' ORDER BY path LIMIT 1 OFFSET (SELECT count(*) / 2 FROM areas WHERE level = 'municipality')")
# search budgets: p95 under 25 ms up to 20,000 matches, never over 100 ms
matches() { q "SELECT count(*) FROM party_search WHERE party_search MATCH '$1'"; }
search_budget() { if [ "$1" -le 20000 ]; then echo 25; else echo 100; fi; }
M_RARE=$(matches armoede)
M_COMMON=$(matches wij)
# path|what|budget in ms
PROBES=(
	"/partijen/$PARTY_ID|one party's page|50"
	"/partijen?area=$BU_CODE|the party list page, for a neighbourhood|50"
	"/api/v1/parties?area=$BU_CODE|parties of a neighbourhood|50"
	"/api/v1/parties?area=$GM_CODE|parties of a municipality|50"
	"/api/v1/parties?kind=government|parties of one kind|50"
	"/api/v1/parties?tag=armoede|parties with a tag|50"
	"/api/v1/parties?role=invest|parties with a role|50"
	"/api/v1/parties?sort=-createdAt|the newest parties|50"
	"/api/v1/parties?q=armoede|search: a word $(fmt_int "$M_RARE") parties match|$(search_budget "$M_RARE")"
	"/api/v1/parties?q=wij|search: a word $(fmt_int "$M_COMMON") parties match|$(search_budget "$M_COMMON")"
	"/api/v1/areas?limit=100|a page of areas, with party counts|50"
	"/|the home page (parties by kind and by area)|50" # last: a cut-off read keeps a processor busy
)
say "one request at a time to ${#PROBES[@]} other reads (at most ${PROBE_MAX}s each)"
start_kiem "$OUT/kiem-probes.log"
PROBE_ROWS=""
PROBE_CUT=""
for entry in "${PROBES[@]}"; do
	path=${entry%%|*}
	what=${entry#*|}
	budget=${what##*|}
	what=${what%|*}
	times=()
	code=""
	cold=""
	for i in $(seq 0 "$PROBE_RUNS"); do
		out=$(curl -s -o /dev/null --max-time "$PROBE_MAX" -w '%{http_code} %{time_total}' "$KIEM_URL$path" || true)
		c=${out%% *}
		t=$(awk -v t="${out#* }" 'BEGIN { printf "%.3f", t * 1000 }')
		if [ "$c" = 000 ] || [ -z "$c" ]; then
			[ "$i" = 0 ] && cold="> ${PROBE_MAX} s (cut off)"
			PROBE_CUT=1
			code=${code:-none}
			times=()
			break
		fi
		code=$c
		if [ "$i" = 0 ]; then cold=$t; else times+=("$t"); fi
		# a slow read is asked once more, not PROBE_RUNS times
		if awk -v t="$t" 'BEGIN { exit !(t > 1000) }' && [ "$i" -ge 1 ]; then break; fi
	done
	if [ "${#times[@]}" -gt 0 ]; then
		med=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
		max=$(printf '%s\n' "${times[@]}" | sort -g | tail -1)
		warm="$(fmt_ms "$med") / $(fmt_ms "$max") (${#times[@]})"
		ok=$(verdict "$max" "$budget")
	else
		warm="–"
		ok="**FAIL**"
	fi
	case "$cold" in '>'*) ;; *) cold=$(fmt_ms "$cold") ;; esac
	PROBE_ROWS="$PROBE_ROWS| \`GET $path\` | $what | $code | $cold | $warm | < $budget ms | $ok |
"
	say "  $path: $code, cold $cold, warm $warm"
done
PROBE_STOP_START=$(date +%s)
stop_kiem 10
PROBE_RC=$KIEM_RC
PROBE_STOP_S=$(( $(date +%s) - PROBE_STOP_START ))
BUSY1=$(cpu_busy)
own_cpu
OWN1=$(own_cpu_read)
echo "machine busy: $((BUSY1 - BUSY0)) ticks of 1/$HZ s; this run: $OWN0 s -> $OWN1 s" >"$OUT/cpu.txt"

# ------------------------------------------------------------ 6b. the report
CPU=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
[ -n "$CPU" ] || CPU=unknown
MEM_TOTAL=$(awk '/^MemTotal:/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
KIEM_VERSION=$("$KIEM" --version 2>/dev/null || echo kiem)
WRK_VERSION=$(wrk --version 2>&1 | head -1 | awk '{print $2}')
SQLITE_CLI=$(sqlite3 --version | awk '{print $1}')
GIT_REV=$(git rev-parse --short HEAD 2>/dev/null || echo "no commit yet")
[ -z "$(git status --porcelain 2>/dev/null | head -1)" ] || GIT_REV="$GIT_REV, with uncommitted changes"
ELAPSED=$(( $(date +%s) - START_TS ))
OTHER_CPU=$(awk -v b0="$BUSY0" -v b1="$BUSY1" -v o0="$OWN0" -v o1="$OWN1" -v hz="$HZ" \
	'BEGIN { v = (b1 - b0) / hz - (o1 - o0); printf "%.0f", (v < 0 ? 0 : v) }')
OTHER_PCT=$(awk -v v="$OTHER_CPU" -v t="$ELAPSED" -v n="$(nproc)" 'BEGIN { printf "%.0f", (t > 0 ? 100 * v / (t * n) : 0) }')
HWM_MB=$(awk -v k="$HWM_AFTER" 'BEGIN { printf "%.1f", k / 1024 }')
RSS_MB=$(awk -v k="$RSS_AFTER" 'BEGIN { printf "%.1f", k / 1024 }')
RSS_START_MB=$(awk -v k="$RSS_START" 'BEGIN { printf "%.1f", k / 1024 }')

endpoint_section() {
	local n=$1 kl=kiem-$1-load ko=kiem-$1-one nl=nginx-$1-load no=nginx-$1-one nh
	nh=NGINX_HEAD_$n
	local krps nrps
	krps=$(f "$kl" 1); nrps=$(f "$nl" 1)
	echo "### ${TITLES[$n]}"
	echo
	echo "kiem answered **${STATUS[$n]}** with ${BODY[$n]} bytes of \`${CTYPE[$n]:-?}\` (headers ${HEAD[$n]} bytes;"
	echo "nginx's headers for the same body: ${!nh} bytes)."
	if [ "${STATUS[$n]}" = 404 ]; then
		echo "**The page is not written yet**: kiem answers 404, so these figures measure its error page,"
		echo "and nginx serves the same bytes with status 200."
	elif [ "${STATUS[$n]}" != 200 ]; then
		echo "**kiem did not answer 200**; nginx serves the same bytes with status 200."
	fi
	echo
	echo "| figure | kiem | nginx | kiem/nginx | budget | kiem |"
	echo "|---|---:|---:|---:|---|---|"
	local tp_ok
	if awk -v a="$krps" -v b="$nrps" 'BEGIN { exit !(b > 0 && a >= b / 2) }'; then tp_ok="**pass**"; else tp_ok="**FAIL**"; fi
	echo "| throughput, $CONNS connections | $(fmt_int "$krps") req/s | $(fmt_int "$nrps") req/s | $(ratio "$krps" "$nrps") | ≥ 50% of nginx | $tp_ok |"
	echo "| median, $CONNS connections | $(fmt_ms "$(f "$kl" 2)") | $(fmt_ms "$(f "$nl" 2)") | $(factor "$(f "$kl" 2)" "$(f "$nl" 2)") | < 1 ms | $(verdict "$(f "$kl" 2)" 1) |"
	echo "| p99, $CONNS connections | $(fmt_ms "$(f "$kl" 3)") | $(fmt_ms "$(f "$nl" 3)") | $(factor "$(f "$kl" 3)" "$(f "$nl" 3)") | < 5 ms; < 50 ms at national scale | $(verdict "$(f "$kl" 3)" 5); $(verdict "$(f "$kl" 3)" 50) |"
	echo "| median, 1 connection | $(fmt_ms "$(f "$ko" 2)") | $(fmt_ms "$(f "$no" 2)") | $(factor "$(f "$ko" 2)" "$(f "$no" 2)") | < 1 ms | $(verdict "$(f "$ko" 2)" 1) |"
	echo "| p99, 1 connection | $(fmt_ms "$(f "$ko" 3)") | $(fmt_ms "$(f "$no" 3)") | $(factor "$(f "$ko" 3)" "$(f "$no" 3)") | < 5 ms | $(verdict "$(f "$ko" 3)" 5) |"
	echo "| throughput, 1 connection | $(fmt_int "$(f "$ko" 1)") req/s | $(fmt_int "$(f "$no" 1)") req/s | $(ratio "$(f "$ko" 1)" "$(f "$no" 1)") | | |"
	echo
	local bad=""
	for t in "$kl" "$ko" "$nl" "$no"; do
		if [ "$(f "$t" 5)" != 0 ] || [ "$(f "$t" 6)" != none ]; then
			bad="$bad ${t%%-*} ($( [ "${t##*-}" = load ] && echo "$CONNS connections" || echo "1 connection" )): $(f "$t" 5) non-2xx of $(f "$t" 4), socket errors: $(f "$t" 6);"
		fi
	done
	[ -z "$bad" ] || { echo "Errors:${bad%;}."; echo; }
}

mkdir -p "$(dirname "$DOC")"
{
	cat <<EOF
# Benchmarks

The figures of the last \`make bench\`, beside the budgets of DESIGN.md section 5.
\`make bench\` (that is, \`bench/run.sh\`) rewrites this file; the raw wrk output is in
\`bench/out/wrk-*.txt\` and kiem's log in \`bench/out/kiem.log\`.

## The run

- date: $(date -u '+%Y-%m-%d %H:%M UTC'); the whole run took ${ELAPSED} s
- machine: $(nproc) processors, $CPU, $MEM_TOTAL memory; kernel $(uname -sr)
- $KIEM_VERSION ($GIT_REV), ${KIEM_THREADS:-?} worker threads; SQLite ${SQLITE_LIB:-?} (the library kiem uses; the sqlite3 shell that generated the data: $SQLITE_CLI)
- wrk $WRK_VERSION; nginx $NGINX_VERSION (\`worker_processes 2\`, \`access_log off\`, sendfile, open_file_cache)
- load generator, kiem and nginx share the same $(nproc) processors over loopback; nginx runs only after kiem has stopped
- other work on the machine: while the benchmark ran, other processes used ${OTHER_CPU} s of processor time, ${OTHER_PCT}% of the $(( ELAPSED * $(nproc) )) processor-seconds there were$( [ "$OTHER_PCT" -gt 5 ] && echo " (**the machine was busy**: other work competed with the benchmark, so treat these figures with care)")

## The data set

$GEN_NOTE; a file database of $DB_MB MB (\`bench/out/bench.db\`):

- $(fmt_int "$N_PARTIES") parties: $N_KINDS
- $(fmt_int "$N_AREAS") areas: $N_AREA_LEVELS
- $(fmt_int "$N_PA") party–area, $(fmt_int "$N_PR") party–role and $(fmt_int "$N_PT") party–tag links; $(fmt_int "$N_FTS") rows in the full-text index
- not yet generated, because the schema has no tables for them yet: the 1,000,000 ties, 50,000 issues,
  200,000 initiatives and 1,000,000 offers and needs of the budget's national scale

The party read is \`$PARTY_ID\`, from the middle of the list.

## Results

Each endpoint was warmed up for ${WARMUP} s, then loaded for ${DURATION} s with
\`wrk -t$THREADS -c$CONNS --latency\` (throughput, and latency under load) and for ${DURATION} s with
\`wrk -t1 -c1 --latency\` (latency of one request at a time, without queueing); nginx got the
same three runs for the same bytes as static files.

EOF
	for n in "${NAMES[@]}"; do endpoint_section "$n"; done
	cat <<EOF
### Other reads at national scale, one request at a time

The load runs above cover three reads; these are the others a visitor or an API client
makes, each asked of a freshly started kiem once cold and then up to $PROBE_RUNS times warm, one
request at a time, cut off after $PROBE_MAX s. The budget is 50 ms for any page at national scale
and, for search, a p95 under 25 ms for queries with up to 20,000 matches and no query over
100 ms; the verdict holds the slowest warm request against the budget.

| read | what | status | cold | warm: median / max (n) | budget | kiem |
|---|---|---|---:|---:|---|---|
$PROBE_ROWS
After these reads kiem $( [ "$PROBE_RC" = 0 ] && echo "exited 0 on SIGTERM in ${PROBE_STOP_S} s" || echo "$PROBE_RC")$( [ -n "$PROBE_CUT" ] && echo " (a read that was cut off kept running in kiem, which finishes the requests in flight before it exits)").

### Memory and shutdown

| figure | kiem | budget | kiem |
|---|---:|---|---|
| resident after start (VmRSS) | $RSS_START_MB MB | | |
| resident after the load (VmRSS) | $RSS_MB MB | < 100 MB | $(verdict "$RSS_MB" 100) |
| peak resident (VmHWM) | $HWM_MB MB | < 100 MB | $(verdict "$HWM_MB" 100) |
| exit status on SIGTERM | $MAIN_RC | 0 | $( [ "$MAIN_RC" = 0 ] && echo "**pass**" || echo "**FAIL**") |

kiem had ${KIEM_THREADS_OS:-?} threads after the load.

## What the figures mean

- **throughput**: requests per second that wrk completed with $CONNS connections kept open,
  each sending its next request as soon as the answer came. The budget asks for at least half of
  what nginx reaches serving the same bytes from a file; *kiem/nginx* is that fraction. For the
  latencies, *kiem/nginx* says how many times longer kiem took.
- **median, p99 ($CONNS connections)**: the latency wrk measured per request during that load: the
  time half of the requests, and 99 in 100, took from sending to the full answer. Under a closed
  load of $CONNS connections it includes the time a request waits for a free processor, so it is
  roughly $CONNS / throughput at the median: a server reaches a median under 1 ms only above
  $((CONNS * 1000)) requests per second on these $(nproc) processors, which wrk shares.
- **median, p99 (1 connection)**: one request at a time: the time kiem itself takes for a
  request, with no queue. This is what "a read: median under 1 ms, p99 under 5 ms" is about
  when the machine is not saturated.
- **national scale**: every read here runs against the $(fmt_int "$N_PARTIES")-party directory, so the
  p99 under load is also held against the budget of 50 ms for any page at that scale.
- **memory**: VmRSS is what kiem has resident after the load; VmHWM the most it ever had, read
  from /proc/PID/status before it is stopped. The budget is 100 MB at the national scale.
- **exit status**: kiem must finish the requests in flight and exit 0 on SIGTERM.
- Figures from one run on a shared 2-processor machine move by 10% or so between runs; compare
  ratios rather than absolute numbers.

## How to run

    make bench                    # builds ./kiem, generates the data once (~10 s), runs everything (~3 min)
    BENCH_REGEN=1 make bench      # regenerates bench/out/bench.db first
    BENCH_DURATION=30 make bench  # longer runs (seconds per wrk run; default 10)

Other settings: \`BENCH_PARTIES\`, \`BENCH_CONNECTIONS\`, \`BENCH_THREADS\`, \`BENCH_WARMUP\`; see
\`bench/run.sh --help\`. wrk, nginx-light, sqlite3 and curl come from \`make deps\`. The
database is regenerated when \`bench/gen.sql\`, \`src/store/schema.c\` or the party count change.
EOF
} > "$DOC.tmp"
mv "$DOC.tmp" "$DOC"

say "wrote ${DOC#"$ROOT"/} in ${ELAPSED} s"
[ "$MAIN_RC" = 0 ] || die "kiem did not exit 0 on SIGTERM: $MAIN_RC"
