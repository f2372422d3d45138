#!/usr/bin/env bash
# Where one kind of REST request's cost goes (issue #17 item 3, docs/benchmarks.md "Decisions, second round"):
# the application on a throwaway PostgreSQL database, a bench/procedures.py mode (default: decision) warmed up,
# then, each in turns with GET /engine (the limit of the decisions section):
#   1. machine CPU per request, split into the application's JVM, PostgreSQL's processes and the rest (the
#      load generator, the kernel), from /proc (4 clients, 10 s each);
#   2. async-profiler CPU samples of the JVM during the mode (4 clients), by the engine command they are in
#      and by kind (JDBC driver, MyBatis, the rest);
#   3. after a restart with log_min_duration_statement = 0 on the database (logging every statement slows the
#      server, so apart from 1 and 2): the statements of one request by shape, server time and count (1 client).
# Usage (under the machine's lock): bench/rest-profile.sh [mode]. BENCH_JAR=<jar> profiles another build,
# BENCH_APP_ARGS adds application arguments. Result: bench/results/rest-profile-<mode>-<timestamp>.txt
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-decision}
jar=${BENCH_JAR:-$(ls target/enforcement-workflow-*.jar | grep -v original | head -n 1)}
port=${BENCH_PORT:-28521} base=http://127.0.0.1:${BENCH_PORT:-28521} db=bench_rest_profile_$$
read -r -a app_args <<< "${BENCH_APP_ARGS:-}"
pglog=$(ls /var/log/postgresql/postgresql-*-main.log | head -n 1)
work=$(mktemp -d)
. bench/async-profiler.sh
async_profiler "$work"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/rest-profile-$mode-$stamp.txt
mkdir -p bench/results
app=
start_app() {
  DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres DB_PASSWORD= ADMIN_USER=admin ADMIN_PASSWORD=demo \
    SECURE_COOKIE=false RECORDING_STORAGE_ROOT=$work/rec AUDIT_ANCHOR_DIR=$work/anchor CASE_ARCHIVE_ROOT=$work/archives \
    java -XX:+UseParallelGC -Xmx1g -XX:+EnableDynamicAgentLoading -jar "$jar" --spring.profiles.active=demo,postgres \
    --server.port="$port" "${app_args[@]}" > "$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 300); do curl -sf "$base/actuator/health" > /dev/null && return 0; kill -0 $app || { cat "$work/app.log"; exit 1; }; sleep 1; done
}
stop_app() { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; }
cleanup() { stop_app; psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"; rm -rf "$work"; }
trap cleanup EXIT
drive() { python3 bench/procedures.py --base "$base" --db "$db" --mode "$1" --clients "$2" --seconds "$3" --warmup 0; }
ticks() { local s=0 p; for p in "$@"; do s=$((s + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$s"; }
machine() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }

psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE $db"
start_app
python3 bench/procedures.py --base "$base" --db "$db" --mode "$mode" --versus engine --clients 4 --seconds 2 --warmup 20 --warmup-seconds 15 > /dev/null
# not a pipe into tee: the block restarts the application, and the cleanup must see its pid
exec > >(tee "$out")
echo "# $stamp jar $jar; mode $mode; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "## 1. machine CPU per request, ms (4 clients, 10 s each, in turns)"
for m in engine "$mode" engine "$mode"; do
  # shellcheck disable=SC2046
  j0=$(ticks $app) p0=$(ticks $(pgrep -x postgres)) m0=$(machine)
  r=$(drive "$m" 4 10)
  # shellcheck disable=SC2046
  j1=$(ticks $app) p1=$(ticks $(pgrep -x postgres)) m1=$(machine)
  n=$(sed -nE 's/.*instances=([0-9]+).*/\1/p' <<< "$r")
  python3 -c "n=$n; j=($j1-$j0)*10/n; p=($p1-$p0)*10/n; m=($m1-$m0)*10/n
print(f'{\"$m\":12s} {n/10:7.1f}/s  JVM {j:5.2f}  PostgreSQL {p:5.2f}  rest {m-j-p:5.2f}  machine {m:5.2f}')"
done
echo "## 2. JVM CPU samples during $mode (async-profiler, 1 ms, 4 clients, 10 s)"
jcmd "$app" "JVMTI.agent_load $work/linux-x64/libasyncProfiler.so \"start,event=cpu,interval=1ms\"" > /dev/null
drive "$mode" 4 10 > /dev/null
jcmd "$app" "JVMTI.agent_load $work/linux-x64/libasyncProfiler.so \"stop,collapsed,file=$work/cpu.collapsed\"" > /dev/null
python3 bench/rest-profile.py samples "$work/cpu.collapsed"
stop_app
psql -h 127.0.0.1 -U postgres -q -c "ALTER DATABASE $db SET log_min_duration_statement = 0"
start_app
drive "$mode" 1 5 > /dev/null
from=$(($(wc -l < "$pglog") + 1))
r=$(drive "$mode" 1 5)
echo "## 3. statements per request ($r)"
tail -n +"$from" "$pglog" | python3 bench/rest-profile.py statements "$db" "$(sed -nE 's/.*instances=([0-9]+).*/\1/p' <<< "$r")"
