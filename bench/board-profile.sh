#!/usr/bin/env bash
# Where one deadline-board call's time goes (issue #17 item 4, docs/benchmarks.md "The deadline board's list"):
# a throwaway PostgreSQL database seeded like bench/tasklist.sh, the board called by one user, and during
# the measured calls (a) PostgreSQL's statement log (log_min_duration_statement = 1 ms on that database)
# and (b) async-profiler in wall-clock mode, attached to the running JVM by jcmd (the agent comes from
# Maven Central, tools.profiler:async-profiler). bench/board-profile.py sums both: statements per call by
# shape, and the samples inside DeadlineBoard.read by the method they are in.
# Usage (under the machine's lock): bench/board-profile.sh [tasks] [user] [calls]   (default 100000 supervisor1 5)
# BENCH_JAR=<jar> profiles another build. Result: bench/results/board-profile-<timestamp>.txt
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000} user=${2:-supervisor1} calls=${3:-5}
jar=${BENCH_JAR:-$(ls target/enforcement-workflow-*.jar | grep -v original | head -n 1)}
port=${BENCH_PORT:-28519} base=http://127.0.0.1:${BENCH_PORT:-28519} db=bench_board_$$
# Debian's server log (logging_collector off: the cluster's stderr); its line prefix names the database
pglog=$(ls /var/log/postgresql/postgresql-*-main.log | head -n 1)
work=$(mktemp -d)
. bench/async-profiler.sh
async_profiler "$work"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/board-profile-$stamp.txt
mkdir -p bench/results
psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE $db" -c "ALTER DATABASE $db SET log_min_duration_statement = 1"
DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres DB_PASSWORD= ADMIN_USER=admin ADMIN_PASSWORD=demo \
  SECURE_COOKIE=false RECORDING_STORAGE_ROOT=$work/rec \
  java -XX:+EnableDynamicAgentLoading -jar "$jar" --spring.profiles.active=demo,postgres --server.port="$port" > "$work/app.log" 2>&1 &
app=$!
cleanup() { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 600); do curl -sf "$base/actuator/health" >/dev/null && break; kill -0 $app || { cat "$work/app.log"; exit 1; }; sleep 1; done
# the template of bench/tasklist.sh: a real case waiting at 立案审查, cloned by bench/seed-tasks.sql
curl -sf -u officer1:demo -H 'Content-Type: application/json' -X POST "$base/engine-rest/process-definition/key/enforcement-case/start" \
  -d '{"businessKey":"bench-template","variables":{"source":{"value":"INSPECTION"},"partyName":{"value":"某某建材有限公司"},"partyType":{"value":"LEGAL_PERSON"},"partyAddress":{"value":"云和县某路 1 号"},"cause":{"value":"未经许可擅自施工"},"clueDescription":{"value":"巡查发现工地未办理施工许可"}}}' >/dev/null
psql -h 127.0.0.1 -U postgres -d "$db" -X -q -v n=$((n - 1)) -v template=bench-template -f bench/seed-tasks.sql
board() { curl -sf -o /dev/null -w '%{time_total}\n' -u "$user:demo" "$base/api/deadlines/board"; }
for _ in 1 2 3; do board >/dev/null; done   # warm-up: JIT, caches
{
  echo "# $stamp jar $jar; $n open tasks; $user; $calls calls; load $(cut -d' ' -f1-3 /proc/loadavg)"
  from=$(($(wc -l < "$pglog") + 1))
  jcmd "$app" "JVMTI.agent_load $work/linux-x64/libasyncProfiler.so \"start,event=wall,interval=2ms\"" >/dev/null
  echo "# seconds per call: $(for _ in $(seq 1 "$calls"); do board; done | tr '\n' ' ')"
  jcmd "$app" "JVMTI.agent_load $work/linux-x64/libasyncProfiler.so \"stop,collapsed,file=$work/board.collapsed\"" >/dev/null
  tail -n +"$from" "$pglog" | python3 bench/board-profile.py "$db" "$calls" "$work/board.collapsed"
} | tee "$out"
