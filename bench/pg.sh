# bench/pg.sh: the PostgreSQL part of `make bench` (issue 10). Sourced by
# bench/run.sh after its durable writes on SQLite (section 6), so it has
# run.sh's settings and helpers (run_wrk, measure, f, wait_idle, stop_kiem,
# PROBES...). In one run it
#   1. starts a private PostgreSQL 15 (scripts/pg-test-server.sh, fsync on,
#      synchronous_commit on: kiem answers a write after its commit is on
#      disk) in bench/out/pg, and loads the national-scale database of
#      bench/out/bench.db into it: with `kiem migrate-to-pg` when the binary
#      has it, else with `kiem init --pg` and bench/pg-load.sh (COPY);
#   2. one node, `kiem serve --pg`, as it runs by default (cached) and with
#      KIEM_CACHE_MB=0 (uncached): the same three reads as on SQLite (32
#      connections and 1), the other reads one at a time, the issue page;
#   3. a second node on the same database, and nginx as a load balancer on
#      two private ports: one proxies to node A alone, the other to A and B
#      (round robin, keep-alive to both); the three uncached reads through
#      each: the budget is two nodes at least 1.6x one node through the same
#      nginx;
#   4. durable writes (POST /api/v1/parties with a bearer token): 1
#      connection to node A; then, with both nodes started again with
#      kiem's default worker threads (or BENCH_WRITE_WORKERS, as section 6), 32
#      connections to node A, and 32 through nginx to one node and to two;
#      every run's 201s are counted against the parties it added;
#   5. the kill test: 32 connections write through nginx to both nodes; half
#      way, node B gets kill -9; every answer wrk got is logged with its id
#      (bench/post.lua), and every id answered 201 must be in the database;
#   6. PostgreSQL alone: pgbench, one INSERT per transaction from 1 client
#      and from 32, for what the server and the disk give without kiem.
# Settings (environment): BENCH_PG=0 leaves all of this out; BENCH_PG_LOAD=copy
# loads with bench/pg-load.sh even when kiem has migrate-to-pg; BENCH_PG_KEEP=1
# leaves the server running after (its conninfo in bench/out/pg.conninfo);
# BENCH_PG_PIN=A,B runs node A on processor A and node B on processor B
# (taskset), as if each node had a machine of its own.
# pg_summary_rows and pg_report write its part of docs/benchmarks.md;
# pg_check, at the very end, fails the run when a write was lost.

PG_ON=${BENCH_PG:-1}
PG_LOAD_WAY=${BENCH_PG_LOAD:-auto}
PG_DIR=$OUT/pg
PG_KEY=$OUT/pg.key
PG_LB_DIR=$OUT/nginx-lb
PG_CONN=""
PG_NOTE=""
PG_LOST=""
declare -A NODE_PID NODE_URL PG_HWM PG_RC PG_BUSY PG_SAME PG_W
NODE_PID=()
LB_PID=""

pg_cleanup() {
	local n
	for n in "${!NODE_PID[@]}"; do
		kill -KILL "${NODE_PID[$n]}" 2>/dev/null || true
	done
	[ -z "$LB_PID" ] || kill -TERM "$LB_PID" 2>/dev/null || true
	if [ -n "$PG_CONN" ] && [ "${BENCH_PG_KEEP:-0}" != 1 ]; then
		scripts/pg-test-server.sh stop "$PG_DIR" >/dev/null 2>&1 || true
	fi
}
trap 'pg_cleanup; cleanup' EXIT

# the machine's busy and total clock ticks, for how busy a run kept it
cpu_ticks() { awk '/^cpu / { b = $2 + $3 + $4 + $7 + $8 + $9; t = b + $5 + $6; print b, t }' /proc/stat; }
busy_pct() { # busy_pct "BUSY TOTAL" "BUSY TOTAL"
	awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " ");
		printf "%.0f", (y[2] > x[2] ? 100 * (y[1] - x[1]) / (y[2] - x[2]) : 0) }'
}
# processor seconds of the PostgreSQL server so far: the postmaster, its
# processes alive, and those it reaped (backends of closed connections)
pg_cpu() {
	local pm p t=0 hz
	hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
	pm=$(head -1 "$PG_DIR/data/postmaster.pid" 2>/dev/null) || { echo 0; return; }
	t=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat" 2>/dev/null || echo 0)
	for p in $(pgrep -P "$pm" 2>/dev/null); do
		t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0)))
	done
	awk -v t="$t" -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }'
}

pgq() { psql -X -q -v ON_ERROR_STOP=1 -At "$PG_CONN" "$@"; }
# kiem on the benchmark's PostgreSQL database, with a key file of its own
pgk() { env -u KIEM_DB KIEM_KEY_FILE="$PG_KEY" "$KIEM" "$@" --pg "$PG_CONN"; }

# start_node NAME CACHE_MB [THREADS]: `kiem serve --pg` on a free port
# (CACHE_MB as in start_kiem; THREADS its KIEM_THREADS, else the caller's),
# on the processor BENCH_PG_PIN gives it, if any; sets NODE_PID[NAME] and
# NODE_URL[NAME] and waits until it is idle.
PG_STARTS=0
PG_PIN=${BENCH_PG_PIN:-}
start_node() {
	local name=$1 cache=$2 log port="" envs=() pin=()
	envs=(KIEM_ACCESS_LOG=off KIEM_MAX_CONNECTIONS_PER_ADDRESS=0 KIEM_KEY_FILE="$PG_KEY")
	[ "$cache" = default ] || envs+=(KIEM_CACHE_MB="$cache")
	[ -z "${3:-}" ] || envs+=(KIEM_THREADS="$3")
	if [ -n "$PG_PIN" ]; then
		if [ "$name" = a ]; then pin=(taskset -c "${PG_PIN%%,*}"); else pin=(taskset -c "${PG_PIN#*,}"); fi
	fi
	PG_STARTS=$((PG_STARTS + 1))
	log=$OUT/kiem-pg-$PG_STARTS-$name.log
	env -u KIEM_CACHE_MB -u KIEM_DB -u KIEM_PG "${envs[@]}" \
		"${pin[@]}" "$KIEM" serve --pg "$PG_CONN" --listen 127.0.0.1:0 2>"$log" &
	NODE_PID[$name]=$!
	for _ in $(seq 1 150); do
		port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$log" | head -1)
		[ -n "$port" ] && break
		kill -0 "${NODE_PID[$name]}" 2>/dev/null || break
		sleep 0.1
	done
	[ -n "$port" ] || { cat "$log" >&2; die "kiem on PostgreSQL ($name) did not listen (see $log)"; }
	NODE_URL[$name]=http://127.0.0.1:$port
	KIEM_PID=${NODE_PID[$name]}
	wait_idle
	KIEM_PID=""
}
# stop_node NAME SECONDS: SIGTERM as stop_kiem; sets PG_RC[NAME]
stop_node() {
	KIEM_PID=${NODE_PID[$1]}
	stop_kiem "$2"
	PG_RC[$1]=$KIEM_RC
	unset "NODE_PID[$1]"
}
node_mem() { # node_mem NAME KEY: VmHWM of a running node into PG_HWM[KEY]
	PG_HWM[$2]=$(awk '/^VmHWM:/ {print $2}' "/proc/${NODE_PID[$1]}/status")
}

# the parties in the database once the writes still in flight when wrk
# stopped have committed: the count, when it has not changed for half a
# second (at most 20 s); else the next run would count them
pg_parties_settled() {
	local last="" now
	for _ in $(seq 1 40); do
		now=$(pgq -c "SELECT count(*) FROM parties")
		[ "$now" = "$last" ] && break
		last=$now
		sleep 0.5
	done
	echo "$now"
}
# pg_writes TAG URL SECONDS CONNECTIONS: POSTs parties (bench/post.lua) after
# a warm-up; R[pg-w-TAG] as run_wrk's; PG_W[TAG] "saved expected" parties
pg_writes() {
	local tag=$1 url=$2 secs=$3 conns=$4 threads=$THREADS before after warm=0
	[ "$conns" -ge "$threads" ] || threads=$conns
	before=$(pg_parties_settled)
	if [ "$WARMUP" -gt 0 ]; then
		run_wrk "pg-w-$tag-warmup" "$url" "$WARMUP" "$conns" "$threads" -s bench/post.lua -- "$PG_TOKEN" "w$tag" >/dev/null
		warm=$(awk '/^ +[0-9]+ requests in/ { print $1 }' "$OUT/wrk-pg-w-$tag-warmup.txt")
	fi
	R[pg-w-$tag]=$(run_wrk "pg-w-$tag" "$url" "$secs" "$conns" "$threads" -s bench/post.lua -- "$PG_TOKEN" "$tag")
	after=$(pg_parties_settled)
	PG_W[$tag]="$((after - before)) $((warm + $(f "pg-w-$tag" 4)))"
	say "  writes $tag: $(f "pg-w-$tag" 1)/s, $(f "pg-w-$tag" 5) not 201; $((after - before)) parties for $((warm + $(f "pg-w-$tag" 4))) requests"
}

pg_run() {
	local n k t b0 b1 port1 meta
	command -v psql >/dev/null 2>&1 && [ -x /usr/lib/postgresql/15/bin/initdb ] ||
		die "missing: PostgreSQL 15 (Debian package postgresql-15). Run 'make bench', or BENCH_PG=0 to leave it out."

	# ---------------------------------------------------------- the server
	scripts/pg-test-server.sh stop "$PG_DIR" >/dev/null 2>&1 || true
	for _ in 1 2 3 4 5; do
		port1=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
		PG_CONN=$(PG_FSYNC=on PG_PORT=$port1 scripts/pg-test-server.sh start "$PG_DIR" 2>"$OUT/pg-start.log") && break
		PG_CONN=""
		grep -q "in use" "$PG_DIR/server.log" 2>/dev/null || { cat "$OUT/pg-start.log" >&2; die "PostgreSQL did not start"; }
		scripts/pg-test-server.sh stop "$PG_DIR" >/dev/null 2>&1 || true
	done
	[ -n "$PG_CONN" ] || die "PostgreSQL found no free port"
	echo "$PG_CONN" >"$OUT/pg.conninfo"
	PG_VERSION=$(pgq -c "SHOW server_version")
	PG_SETTINGS=$(pgq -c "SELECT string_agg(name || ' ' || current_setting(name), ', ' ORDER BY name) FROM pg_settings
		WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'max_connections', 'full_page_writes')")
	say "PostgreSQL $PG_VERSION at $PG_CONN ($PG_SETTINGS)"

	# ---------------------------------------------------------- the data
	rm -f "$PG_KEY"
	t=$(date +%s)
	if [ "$PG_LOAD_WAY" != copy ] && "$KIEM" migrate-to-pg --help >/dev/null 2>&1; then
		say "loading $DB into PostgreSQL with kiem migrate-to-pg"
		env -u KIEM_DB KIEM_KEY_FILE="$PG_KEY" "$KIEM" migrate-to-pg --db "$DB" --pg "$PG_CONN" >"$OUT/pg-load.log" 2>&1 ||
			{ tail -20 "$OUT/pg-load.log" >&2; die "kiem migrate-to-pg failed (see $OUT/pg-load.log)"; }
		PG_LOAD_HOW="\`kiem migrate-to-pg\`, which copies every table and checks counts and checksums"
	else
		say "loading $DB into PostgreSQL: kiem init --pg, then bench/pg-load.sh (COPY)"
		pgk init >"$OUT/pg-load.log" 2>&1 || { cat "$OUT/pg-load.log" >&2; die "kiem init --pg failed"; }
		bench/pg-load.sh "$DB" "$PG_CONN" >>"$OUT/pg-load.log" 2>&1 ||
			{ tail -20 "$OUT/pg-load.log" >&2; die "bench/pg-load.sh failed (see $OUT/pg-load.log)"; }
		PG_LOAD_HOW="\`kiem init --pg\`, then bench/pg-load.sh: \`COPY\` of every table the generator filled, from the sqlite3 shell's CSV, then the counts of every table compared"
	fi
	PG_LOAD_S=$(( $(date +%s) - t ))
	[ "$(pgq -c 'SELECT count(*) FROM parties')" = "$N_PARTIES" ] || die "PostgreSQL does not hold the $N_PARTIES parties after loading"
	pgq -c "VACUUM ANALYZE" >/dev/null
	PG_DB_MB=$(pgq -c "SELECT pg_database_size(current_database()) / 1048576")
	say "loaded in $PG_LOAD_S s ($PG_DB_MB MB)"
	printf '%s\n' "bench-password-not-secret" |
		pgk user add --email bench@example.nl --name Bench --admin >"$OUT/pg-setup.log" 2>&1 ||
		{ cat "$OUT/pg-setup.log" >&2; die "could not add the benchmark's user on PostgreSQL"; }
	PG_TOKEN=$(pgk token create --email bench@example.nl --name bench 2>>"$OUT/pg-setup.log") ||
		{ cat "$OUT/pg-setup.log" >&2; die "could not create the benchmark's token on PostgreSQL"; }

	# ---------------------------------------------------------- one node, cached
	say "PostgreSQL: one node as it runs by default (cached)"
	start_node a default
	for n in "${NAMES[@]}"; do
		meta=$(curl -sS --max-time 30 -o "$OUT/responses/$n.pg.body" -w '%{http_code}' "${NODE_URL[a]}${PATHS[$n]}") ||
			die "could not fetch ${PATHS[$n]} from kiem on PostgreSQL"
		[ "$meta" = "${STATUS[$n]}" ] || die "${PATHS[$n]} answered $meta on PostgreSQL, ${STATUS[$n]} on SQLite"
		if cmp -s "$OUT/responses/$n.pg.body" "$OUT/responses/$n.cached.body"; then PG_SAME[$n]=yes; else PG_SAME[$n]=no; fi
	done
	measure pg-cached "${NODE_URL[a]}"
	node_mem a cached
	stop_node a 15
	PG_RC[cached]=${PG_RC[a]}

	# ---------------------------------------------------------- one node, uncached
	say "PostgreSQL: node A with the cache off: ${#PROBES[@]} other reads, then the three reads"
	start_node a 0
	pg_probes "${NODE_URL[a]}"
	measure pg-uncached "${NODE_URL[a]}"
	node_mem a uncached

	# ---------------------------------------------------------- two nodes behind nginx
	say "PostgreSQL: node B, and nginx in front of A (one port) and of A and B (another)"
	start_node b 0
	pg_lb_start
	for n in "${NAMES[@]}"; do
		for k in lb1 lb2; do
			say "$k ${PATHS[$n]}: warm-up ${WARMUP}s, load ${DURATION}s x ${CONNS} connections"
			[ "$WARMUP" -gt 0 ] && run_wrk "pg-$k-$n-warmup" "${LB_URL[$k]}${PATHS[$n]}" "$WARMUP" "$CONNS" "$THREADS" >/dev/null
			b0=$(cpu_ticks)
			R[pg-$k-$n]=$(run_wrk "pg-$k-$n" "${LB_URL[$k]}${PATHS[$n]}" "$DURATION" "$CONNS" "$THREADS")
			b1=$(cpu_ticks)
			PG_BUSY[$k-$n]=$(busy_pct "$b0" "$b1")
		done
	done

	# ---------------------------------------------------------- the issue page, on node A
	ISSUE_AREA_PG=$(q "SELECT area_code FROM party_areas WHERE party_id = '$PARTY_ID' ORDER BY area_code LIMIT 1")
	PG_ISSUE_ID=$(curl -sS --max-time 30 -H "Authorization: Bearer $PG_TOKEN" -H 'Content-Type: application/json' \
		--data "{\"title\":\"Eenzaamheid onder ouderen\",\"summary\":\"Ouderen voelen zich alleen.\",\"description\":\"Meer ontmoeting in de wijk.\",\"area\":\"$ISSUE_AREA_PG\",\"ownerParty\":\"$PARTY_ID\"}" \
		"${NODE_URL[a]}/api/v1/issues" | sed -n 's|^{"id":"\([0-9a-f-]*\)".*|\1|p')
	[ -n "$PG_ISSUE_ID" ] || die "could not create the issue on PostgreSQL"
	PG_ISSUE_STATUS=$(curl -s -o /dev/null --max-time 30 -w '%{http_code}' "${NODE_URL[a]}/vraagstukken/$PG_ISSUE_ID" || true)
	say "PostgreSQL: the issue page ($PG_ISSUE_STATUS), ${DURATION}s x 1 connection"
	[ "$WARMUP" -gt 0 ] && run_wrk pg-issue-warmup "${NODE_URL[a]}/vraagstukken/$PG_ISSUE_ID" "$WARMUP" 1 1 >/dev/null
	R[pg-issue]=$(run_wrk pg-issue "${NODE_URL[a]}/vraagstukken/$PG_ISSUE_ID" "$DURATION" 1 1)

	# ---------------------------------------------------------- durable writes
	say "PostgreSQL: durable writes, 1 connection to node A"
	pg_writes one "${NODE_URL[a]}/api/v1/parties" "$DURATION" 1
	pg_lb_stop
	stop_node b 15
	stop_node a 15
	PG_RC[uncached]=${PG_RC[a]}
	# from 32 connections as on SQLite (section 6): each write waits for its
	# commit on a thread for writes, so that those that arrive together can
	# commit together
	say "PostgreSQL: nodes A and B again, with ${PG_WWORKERS:-the default number of} worker threads each; $PG_WCONNS connections to node A, through nginx to one node and to two"
	start_node a 0 "$PG_WWORKERS"
	start_node b 0 "$PG_WWORKERS"
	pg_lb_start
	pg_writes a32 "${NODE_URL[a]}/api/v1/parties" "$DURATION" "$PG_WCONNS"
	pg_writes lb1 "${LB_URL[lb1]}/api/v1/parties" "$DURATION" "$PG_WCONNS"
	pg_writes lb2 "${LB_URL[lb2]}/api/v1/parties" "$DURATION" "$PG_WCONNS"

	# ---------------------------------------------------------- kill -9 under a write load
	pg_kill_test
	stop_node a 15
	PG_RC[writes]=${PG_RC[a]}
	pg_lb_stop
	pg_alone
	pg_verify_kill
	PG_CPU_S=$(pg_cpu)
	if [ "${BENCH_PG_KEEP:-0}" = 1 ]; then
		say "PostgreSQL keeps running (BENCH_PG_KEEP=1): $PG_CONN; stop it with scripts/pg-test-server.sh stop $PG_DIR"
	else
		scripts/pg-test-server.sh stop "$PG_DIR" >/dev/null 2>&1 || true
	fi
	PG_CONN=""
}

# PostgreSQL alone: pgbench, one INSERT of a row like section 6's sqlite3
# rows per transaction, from 1 client and from PG_WCONNS, into a table of
# its own (dropped after): what the server and the disk give without kiem.
# PG_ALONE[1|N] "tps mean_ms"
declare -A PG_ALONE
pg_alone() {
	local c j
	pgq -c "CREATE TABLE bench_alone (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
		name TEXT NOT NULL, kind TEXT NOT NULL, created_at TEXT NOT NULL)" >/dev/null
	echo "INSERT INTO bench_alone (name, kind, created_at) VALUES ('Bench write ' || :client_id, 'business', now()::text);" \
		>"$OUT/pgbench-insert.sql"
	for c in 1 "$PG_WCONNS"; do
		j=$THREADS
		[ "$c" -ge "$j" ] || j=$c
		say "PostgreSQL alone: pgbench, one INSERT a transaction, $c clients, ${DURATION}s"
		timeout $((DURATION + 60)) /usr/lib/postgresql/15/bin/pgbench -n -c "$c" -j "$j" -T "$DURATION" \
			-f "$OUT/pgbench-insert.sql" "$PG_CONN" >"$OUT/pgbench-$c.txt" 2>&1 ||
			die "pgbench failed (see $OUT/pgbench-$c.txt)"
		PG_ALONE[$c]=$(awk '/^tps = / { t = $3 } /^latency average = / { l = $4 } END { printf "%.0f %.3f", t, l }' "$OUT/pgbench-$c.txt")
	done
	pgq -c "DROP TABLE bench_alone" >/dev/null
}

# The other reads of section 5, one at a time, on a node with the cache off:
# PG_PROBE[i] "code cold median max n"
declare -A PG_PROBE
pg_probes() {
	local base=$1 i r out c t times cold code entry path
	for i in "${!PROBES[@]}"; do
		entry=${PROBES[$i]}
		path=${entry%%|*}
		times=() cold="" code=""
		for r in $(seq 0 "$PROBE_RUNS"); do
			out=$(curl -s -o /dev/null --max-time "$PROBE_MAX" -w '%{http_code} %{time_total}' "$base$path" || true)
			c=${out%% *}
			[ -n "$c" ] && [ "$c" != 000 ] || { code=${code:-none}; times=(); break; }
			code=$c
			t=$(awk -v t="${out#* }" 'BEGIN { printf "%.3f", t * 1000 }')
			if [ "$r" = 0 ]; then cold=$t; else times+=("$t"); fi
			if awk -v t="$t" 'BEGIN { exit !(t > 1000) }' && [ "$r" -ge 1 ]; then break; fi
		done
		if [ "${#times[@]}" -gt 0 ]; then
			PG_PROBE[$i]="$code ${cold:-0} $(printf '%s\n' "${times[@]}" | sort -g |
				awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)], v[NR], NR }')"
		else
			PG_PROBE[$i]="$code - - - 0"
		fi
		say "  $path: ${PG_PROBE[$i]}"
	done
}

# nginx as the load balancer: port lb1 proxies to node A alone, lb2 to A and B
declare -A LB_URL
pg_lb_start() {
	local p1 p2 a=${NODE_URL[a]#http://} b=${NODE_URL[b]#http://}
	mkdir -p "$PG_LB_DIR/tmp"
	for _ in 1 2 3 4 5 6 7 8; do
		p1=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
		p2=$(( p1 + 1 ))
		{
			[ "$(id -u)" = 0 ] && echo "user root;"
			cat <<EOF
# Generated by bench/pg.sh: nginx as the load balancer in front of kiem's
# nodes on PostgreSQL. Port $p1: node A alone; port $p2: nodes A and B, round
# robin. Keep-alive connections to the nodes; a node that fails a connection
# is left out for 30 s; a POST already sent to a node is never sent to
# another (nginx's default for requests that are not idempotent).
daemon off;
master_process on;
worker_processes 2;
pid $PG_LB_DIR/nginx.pid;
error_log $PG_LB_DIR/error.log warn;
events {
	worker_connections 4096;
}
http {
	access_log off;
	tcp_nodelay on;
	keepalive_timeout 65;
	keepalive_requests 1000000;
	client_body_temp_path $PG_LB_DIR/tmp/body;
	proxy_temp_path $PG_LB_DIR/tmp/proxy;
	fastcgi_temp_path $PG_LB_DIR/tmp/fastcgi;
	uwsgi_temp_path $PG_LB_DIR/tmp/uwsgi;
	scgi_temp_path $PG_LB_DIR/tmp/scgi;
	proxy_http_version 1.1;
	proxy_set_header Connection "";
	proxy_set_header Host \$host;
	proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
	proxy_set_header X-Forwarded-Proto \$scheme;
	upstream kiem_one {
		server $a max_fails=1 fail_timeout=30s;
		keepalive 64;
		keepalive_requests 1000000;
	}
	upstream kiem_two {
		server $a max_fails=1 fail_timeout=30s;
		server $b max_fails=1 fail_timeout=30s;
		keepalive 64;
		keepalive_requests 1000000;
	}
	server {
		listen 127.0.0.1:$p1;
		location / {
			proxy_pass http://kiem_one;
		}
	}
	server {
		listen 127.0.0.1:$p2;
		location / {
			proxy_pass http://kiem_two;
		}
	}
}
EOF
		} >"$PG_LB_DIR/nginx.conf"
		: >"$PG_LB_DIR/error.log"
		"$NGINX" -p "$PG_LB_DIR" -e "$PG_LB_DIR/error.log" -c "$PG_LB_DIR/nginx.conf" 2>>"$PG_LB_DIR/error.log" &
		LB_PID=$!
		LB_URL=()
		for _ in $(seq 1 50); do
			if curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$p1${PATHS[party]}" &&
				curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$p2${PATHS[party]}"; then
				LB_URL=([lb1]=http://127.0.0.1:$p1 [lb2]=http://127.0.0.1:$p2)
				break
			fi
			kill -0 "$LB_PID" 2>/dev/null || break
			sleep 0.1
		done
		[ "${#LB_URL[@]}" = 2 ] && break
		pg_lb_stop
		grep -q "in use" "$PG_LB_DIR/error.log" || { cat "$PG_LB_DIR/error.log" >&2; die "nginx (the load balancer) did not start"; }
	done
	[ "${#LB_URL[@]}" = 2 ] || die "nginx (the load balancer) found no free ports"
	cp "$PG_LB_DIR/nginx.conf" "$OUT/nginx-lb.conf"
	say "nginx (pid $LB_PID): ${LB_URL[lb1]} to node A, ${LB_URL[lb2]} to nodes A and B"
}
pg_lb_stop() {
	[ -n "$LB_PID" ] || return 0
	kill -QUIT "$LB_PID" 2>/dev/null || true
	for _ in $(seq 1 100); do kill -0 "$LB_PID" 2>/dev/null || break; sleep 0.1; done
	kill -KILL "$LB_PID" 2>/dev/null || true
	wait "$LB_PID" 2>/dev/null || true
	LB_PID=""
}

# 32 connections write through nginx to both nodes; half way node B gets
# kill -9. Every answer is logged (bench/post.lua); pg_verify_kill checks
# the ids answered 201 against the database once everything has stopped.
pg_kill_test() {
	local secs=$(( DURATION < 4 ? 4 : DURATION )) wrk_pid
	rm -rf "$OUT/kill" && mkdir -p "$OUT/kill"
	say "PostgreSQL: kill test: ${secs}s of writes, $PG_WCONNS connections through nginx to A and B; kill -9 of B after $((secs / 2))s"
	timeout $((secs + 30)) wrk -t"$THREADS" -c"$PG_WCONNS" -d"${secs}s" --latency -s bench/post.lua \
		"${LB_URL[lb2]}/api/v1/parties" -- "$PG_TOKEN" kill "$OUT/kill" >"$OUT/wrk-pg-kill.txt" 2>&1 &
	wrk_pid=$!
	sleep $((secs / 2))
	KILL_BEFORE=$(cat "$OUT"/kill/answers-*.txt 2>/dev/null | grep -c '^201 ' || true)
	kill -KILL "${NODE_PID[b]}"
	wait "${NODE_PID[b]}" 2>/dev/null || true
	unset "NODE_PID[b]"
	say "  node B killed after $KILL_BEFORE writes were answered 201"
	wait "$wrk_pid" || die "wrk failed in the kill test (see $OUT/wrk-pg-kill.txt)"
	R[pg-kill]=$(awk "$WRK_AWK" "$OUT/wrk-pg-kill.txt")
}
pg_verify_kill() {
	local ids=$OUT/kill/acked.txt
	cat "$OUT"/kill/answers-*.txt | awk '$1 == 201 { print $2 }' >"$ids"
	KILL_ACKED=$(wc -l <"$ids")
	KILL_ANSWERS=$(cat "$OUT"/kill/answers-*.txt | wc -l)
	KILL_OTHER=$(cat "$OUT"/kill/answers-*.txt | awk '$1 != 201 { n[$1]++ } END { for (s in n) printf "%s%d × %s", (k++ ? ", " : ""), n[s], s }')
	KILL_NOID=$(grep -c '^-$' "$ids" || true)
	# one psql session: the ids into a table, then what is missing
	read -r KILL_FOUND KILL_MISSING KILL_DUP < <({
		echo "CREATE TEMP TABLE acked (id TEXT NOT NULL);"
		echo "COPY acked (id) FROM STDIN;"
		cat "$ids"
		echo '\.'
		echo "SELECT count(p.id), count(*) - count(p.id), count(*) - count(DISTINCT a.id) FROM acked a LEFT JOIN parties p ON p.id = a.id;"
	} | psql -X -q -v ON_ERROR_STOP=1 -At -F ' ' "$PG_CONN")
	KILL_SAVED=$(pgq -c "SELECT count(*) FROM parties WHERE name LIKE 'Bench write kill-%'")
	if [ "$KILL_ACKED" -gt 0 ] && [ "$KILL_MISSING" = 0 ] && [ "$KILL_NOID" = 0 ] && [ "$KILL_DUP" = 0 ] &&
		[ "$KILL_BEFORE" -gt 0 ] && [ "$KILL_ACKED" -gt "$KILL_BEFORE" ]; then
		PG_LOST=0
	else
		PG_LOST=${KILL_MISSING:-?}
	fi
	say "  kill test: $KILL_ACKED answered 201 ($KILL_BEFORE before the kill), $KILL_FOUND of them in the database, $KILL_MISSING missing; $KILL_SAVED parties saved"
}

PG_WCONNS=32
PG_WWORKERS=${BENCH_WRITE_WORKERS:-}
if [ "$PG_ON" = 1 ]; then
	pg_run
	PG_NOTE=""
else
	PG_NOTE="not measured (BENCH_PG=0)"
fi

# ------------------------------------------------------------ the report
# the ratio of two nodes to one through nginx, per read: "1.23"
pg_x() { awk -v a="$(f "pg-lb2-$1" 1)" -v b="$(f "pg-lb1-$1" 1)" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print 0 }'; }
# pg_cpu_req lb1|lb2 READ: the machine's processor time per request of that run
pg_cpu_req() {
	awk -v b="${PG_BUSY[$1-$2]}" -v n="$(nproc)" -v d="$DURATION" -v r="$(f "pg-$1-$2" 4)" \
		'BEGIN { if (r > 0) printf "%.2f ms/req", b / 100 * n * d * 1000 / r; else print "–" }'
}
pg_nodes_verdict() {
	local n ok="**pass**" worst=""
	for n in "${NAMES[@]}"; do
		awk -v x="$(pg_x "$n")" 'BEGIN { exit !(x >= 1.6) }' || ok="**FAIL**"
		worst="$worst, ${n} $(pg_x "$n")x"
	done
	echo "$ok (${worst#, })"
}
pg_kill_verdict() {
	if [ "$PG_LOST" = 0 ]; then
		echo "**pass**: $(fmt_int "$KILL_ACKED") writes answered 201, all in the database"
	else
		echo "**FAIL**: $(fmt_int "${KILL_ACKED:-0}") answered 201, ${KILL_MISSING:-?} not in the database"
	fi
}
pg_summary_rows() {
	[ "$PG_ON" = 1 ] || { echo "| PostgreSQL (issue 10) | | $PG_NOTE |"; return; }
	echo "| issue 10: two nodes on PostgreSQL behind nginx, uncached reads ≥ 1.6x one node through the same nginx | | $(pg_nodes_verdict) |"
	echo "| issue 10: no acknowledged write lost when one of two nodes is killed with kill -9 during a write load ($PG_WCONNS connections) | | $(pg_kill_verdict) |"
}
pg_wsaved() { # pg_wsaved TAG: "all N kept" or a warning
	local s=${PG_W[$1]% *} e=${PG_W[$1]#* }
	if [ "$s" -ge "$e" ] && [ "$s" -le $((e + 2 * PG_WCONNS)) ]; then echo "$(fmt_int "$s") saved for $(fmt_int "$e") requests"; else echo "**$(fmt_int "$s") saved for $(fmt_int "$e") requests**"; fi
}
pg_report() {
	local n i entry path budget code cold med max cnt ok
	echo "## PostgreSQL and two nodes (issue 10)"
	echo
	if [ "$PG_ON" != 1 ]; then echo "$PG_NOTE."; echo; return; fi
	cat <<EOF
The same database on PostgreSQL $PG_VERSION, a private server (\`scripts/pg-test-server.sh\`,
data in \`bench/out/pg\` on the same disk as the SQLite file) with its defaults but for the
locale: $PG_SETTINGS. Loaded with $PG_LOAD_HOW, in $PG_LOAD_S s ($PG_DB_MB MB after
\`VACUUM ANALYZE\`). kiem ran as \`kiem serve --pg CONNINFO\`, with the same settings as on SQLite$( [ -z "$PG_PIN" ] || echo ", each node on a processor of its own (\`BENCH_PG_PIN=$PG_PIN\`: node A on processor ${PG_PIN%%,*}, node B on ${PG_PIN#*,}; wrk, nginx and PostgreSQL on any)"). The PostgreSQL server used ${PG_CPU_S:-?} s of processor time in all.

### Both backends side by side

Throughput at $CONNS connections, medians at 1 connection; the writes' figures are writes per
second. The budgets are those of the sections above.

| figure | SQLite | PostgreSQL | PostgreSQL / SQLite |
|---|---:|---:|---:|
EOF
	for n in "${NAMES[@]}"; do
		echo "| ${TITLES[$n]%% (*}, cached, $CONNS connections | $(fmt_int "$(f "cached-$n-load" 1)") req/s | $(fmt_int "$(f "pg-cached-$n-load" 1)") req/s | $(ratio "$(f "pg-cached-$n-load" 1)" "$(f "cached-$n-load" 1)") |"
		echo "| ${TITLES[$n]%% (*}, uncached, $CONNS connections | $(fmt_int "$(f "uncached-$n-load" 1)") req/s | $(fmt_int "$(f "pg-uncached-$n-load" 1)") req/s | $(ratio "$(f "pg-uncached-$n-load" 1)" "$(f "uncached-$n-load" 1)") |"
		echo "| ${TITLES[$n]%% (*}, uncached, median / p99 at 1 connection | $(fmt_ms "$(f "uncached-$n-one" 2)") / $(fmt_ms "$(f "uncached-$n-one" 3)") | $(fmt_ms "$(f "pg-uncached-$n-one" 2)") / $(fmt_ms "$(f "pg-uncached-$n-one" 3)") | |"
	done
	cat <<EOF
| the issue page, uncached, median at 1 connection (< 0.3 ms) | $(fmt_ms "$(f issue 2)") | $(fmt_ms "$(f pg-issue 2)") | |
| durable writes, 1 connection | $(fmt_int "$(f write 1)")/s | $(fmt_int "$(f pg-w-one 1)")/s | $(ratio "$(f pg-w-one 1)" "$(f write 1)") |
| durable writes, $PG_WCONNS connections | $( [ -n "${R[write32]:-}" ] && echo "$(fmt_int "$(f write32 1)")/s" || echo "see above") | $(fmt_int "$(f pg-w-a32 1)")/s | $( [ -n "${R[write32]:-}" ] && ratio "$(f pg-w-a32 1)" "$(f write32 1)") |
| the database alone: single-row commits, 1 client (sqlite3 shell; pgbench) | $(fmt_int "$S_RATE")/s | $(fmt_int "${PG_ALONE[1]%% *}")/s | $(ratio "${PG_ALONE[1]%% *}" "$S_RATE") |
| the database alone: single-row commits, $PG_WCONNS clients (pgbench) | | $(fmt_int "${PG_ALONE[$PG_WCONNS]%% *}")/s | |
| peak resident memory of kiem (VmHWM), cached / uncached | $(mb "${HWM_AFTER[cached]}") / $(mb "${HWM_AFTER[uncached]}") MB | $(mb "${PG_HWM[cached]}") / $(mb "${PG_HWM[uncached]}") MB | |
| exit status on SIGTERM, cached / uncached (/ after the writes) | ${STOP_RC[cached]} / ${STOP_RC[uncached]} | ${PG_RC[cached]} / ${PG_RC[uncached]} / ${PG_RC[writes]} | |

EOF
	local diff=""
	for n in "${NAMES[@]}"; do [ "${PG_SAME[$n]}" = yes ] || diff="$diff ${PATHS[$n]}"; done
	if [ -z "$diff" ]; then
		echo "On PostgreSQL kiem sent the same bytes as on SQLite for the three reads."
	else
		echo "On PostgreSQL kiem sent other bytes than on SQLite for:$diff (see \`bench/out/responses/*.pg.body\`)."
	fi
	cat <<EOF

### Other reads on PostgreSQL, with the cache off, one request at a time

As on SQLite above, on node A with \`KIEM_CACHE_MB=0\` right after it started.

| read | status | cold | warm: median / max (n) | budget | kiem |
|---|---|---:|---:|---|---|
EOF
	for i in "${!PROBES[@]}"; do
		entry=${PROBES[$i]}
		path=${entry%%|*}
		budget=${entry##*|}
		read -r code cold med max cnt <<<"${PG_PROBE[$i]}"
		if [ "$cnt" != 0 ]; then ok=$(verdict "$max" "$budget"); else ok="**FAIL**"; fi
		[ "$code" = 200 ] || ok="**FAIL**"
		if [ "$cnt" != 0 ]; then
			echo "| \`GET $path\` | $code | $(fmt_ms "$cold") | $(fmt_ms "$med") / $(fmt_ms "$max") ($cnt) | < $budget ms | $ok |"
		else
			echo "| \`GET $path\` | $code | – | – | < $budget ms | $ok |"
		fi
	done
	cat <<EOF

### Two nodes behind nginx

Node A and node B, both \`kiem serve --pg\` with \`KIEM_CACHE_MB=0\` on the same database, and
nginx in front (\`bench/out/nginx-lb.conf\`): one port proxies to node A alone, another to A and
B, round robin, with keep-alive connections to the nodes. Each read was warmed up for ${WARMUP} s,
then loaded for ${DURATION} s with \`wrk -t$THREADS -c$CONNS\` through each port. *busy* is how much of
the machine's $(nproc) processors was in use during the run (wrk, nginx, the nodes and
PostgreSQL all run on them), and beside it the processor time the machine spent per request
(all of it: wrk, nginx, kiem and PostgreSQL).

| read, uncached, $CONNS connections | node A direct | one node via nginx | two nodes via nginx | two / one | budget | kiem |
|---|---:|---:|---:|---:|---|---|
EOF
	for n in "${NAMES[@]}"; do
		echo "| ${TITLES[$n]%% (*} | $(fmt_int "$(f "pg-uncached-$n-load" 1)") req/s | $(fmt_int "$(f "pg-lb1-$n" 1)") req/s (p99 $(fmt_ms "$(f "pg-lb1-$n" 3)"); busy ${PG_BUSY[lb1-$n]}%, $(pg_cpu_req lb1 "$n")) | $(fmt_int "$(f "pg-lb2-$n" 1)") req/s (p99 $(fmt_ms "$(f "pg-lb2-$n" 3)"); busy ${PG_BUSY[lb2-$n]}%, $(pg_cpu_req lb2 "$n")) | $(pg_x "$n")x | ≥ 1.6x | $(awk -v x="$(pg_x "$n")" 'BEGIN { print (x >= 1.6 ? "**pass**" : "**FAIL**") }') |"
	done
	cat <<EOF

Two nodes can only read 1.6 times as much as one when one node leaves the machine at least
that much room: if the run with one node already keeps the processors busy (*busy* near 100%),
a second node on the same processors only shares them, and the time per request says whether
two nodes cost more per request than one (they should not) or only found no free processor. On this machine wrk, nginx, both nodes
and PostgreSQL share $(nproc) processors; the budget is meant for nodes on machines of their own,
or at least for a machine whose processors one node does not fill.

### Durable writes on PostgreSQL

POST /api/v1/parties with an administrator's bearer token (\`bench/post.lua\`, each name its
own), ${WARMUP} s of warm-up, then ${DURATION} s measured. kiem answers 201 only after
PostgreSQL has committed (\`synchronous_commit = on\`, \`fsync = on\`). The write from 1 connection
went to node A as it ran for the reads; for those from $PG_WCONNS connections both nodes were started
again with ${PG_WWORKERS:-the default number of} worker threads (\`KIEM_THREADS\`), as kiem on SQLite above; every
connection's write can wait for its commit at once on a thread for writes (\`KIEM_WRITE_THREADS\`).

| writes | writes per second | median | p99 | not 201 | parties saved |
|---|---:|---:|---:|---:|---|
| 1 connection, node A | $(fmt_int "$(f pg-w-one 1)") | $(fmt_ms "$(f pg-w-one 2)") | $(fmt_ms "$(f pg-w-one 3)") | $(f pg-w-one 5) | $(pg_wsaved one) |
| $PG_WCONNS connections, node A | $(fmt_int "$(f pg-w-a32 1)") | $(fmt_ms "$(f pg-w-a32 2)") | $(fmt_ms "$(f pg-w-a32 3)") | $(f pg-w-a32 5) | $(pg_wsaved a32) |
| $PG_WCONNS connections, nginx, one node | $(fmt_int "$(f pg-w-lb1 1)") | $(fmt_ms "$(f pg-w-lb1 2)") | $(fmt_ms "$(f pg-w-lb1 3)") | $(f pg-w-lb1 5) | $(pg_wsaved lb1) |
| $PG_WCONNS connections, nginx, two nodes | $(fmt_int "$(f pg-w-lb2 1)") | $(fmt_ms "$(f pg-w-lb2 2)") | $(fmt_ms "$(f pg-w-lb2 3)") | $(f pg-w-lb2 5) | $(pg_wsaved lb2) |
| PostgreSQL alone, 1 client (pgbench) | $(fmt_int "${PG_ALONE[1]%% *}") | mean $(fmt_ms "${PG_ALONE[1]#* }") | | | |
| PostgreSQL alone, $PG_WCONNS clients (pgbench) | $(fmt_int "${PG_ALONE[$PG_WCONNS]%% *}") | mean $(fmt_ms "${PG_ALONE[$PG_WCONNS]#* }") | | | |

kiem from 1 connection reached $(ratio "$(f pg-w-one 1)" "${PG_ALONE[1]%% *}") of what PostgreSQL alone commits from 1 client,
and from $PG_WCONNS connections on one node $(ratio "$(f pg-w-a32 1)" "${PG_ALONE[$PG_WCONNS]%% *}") of what it commits from $PG_WCONNS clients
(PostgreSQL alone: \`pgbench -n -c N -T ${DURATION}\`, one \`INSERT\` of a row of four columns per
transaction, after kiem's writes, on the same server).

"Parties saved" counts the parties the run added against the requests wrk sent (warm-up and
measured run); wrk stops a run with a request in flight on each connection, which it does not
count but kiem commits, so up to one per connection and run (two runs: warm-up and measured)
more can be saved than counted.

### kill -9 of a node during a write load

$PG_WCONNS connections wrote through nginx to both nodes for $(( DURATION < 4 ? 4 : DURATION )) s; half way, after
$(fmt_int "${KILL_BEFORE:-0}") writes had been answered 201, node B got \`kill -9\`. wrk logged every answer
with the id it carried (\`bench/out/kill/answers-*.txt\`); after node A had stopped, every id
answered 201 was looked up in the database.

| figure | |
|---|---:|
| answers | $(fmt_int "${KILL_ANSWERS:-0}") |
| answered 201 | $(fmt_int "${KILL_ACKED:-0}") |
| other answers | ${KILL_OTHER:-none} |
| answered 201 and in the database | $(fmt_int "${KILL_FOUND:-0}") |
| answered 201 and **not** in the database | ${KILL_MISSING:-?} |
| parties of the run in the database (answered or not) | $(fmt_int "${KILL_SAVED:-0}") |
| socket errors (wrk) | $(f pg-kill 6) |
| verdict | $(pg_kill_verdict) |

A write in flight on node B when it died is either committed and unanswered (it is in the
database; the client saw an error and may retry) or not committed; it is never answered 201
and lost. nginx does not send a POST that reached node B on to node A (it cannot know whether
B committed it), so those requests are answered 502 by nginx.

EOF
}
pg_check() {
	[ "$PG_ON" = 1 ] || return 0
	[ "$PG_LOST" = 0 ] || die "PostgreSQL kill test: ${KILL_MISSING:-?} writes answered 201 are not in the database (see $DOC)"
	[ "${PG_RC[cached]}" = 0 ] && [ "${PG_RC[uncached]}" = 0 ] && [ "${PG_RC[writes]}" = 0 ] ||
		die "kiem on PostgreSQL did not exit 0 on SIGTERM: ${PG_RC[cached]} / ${PG_RC[uncached]} / ${PG_RC[writes]}"
}
