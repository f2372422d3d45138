#!/usr/bin/env bash
# Task list at scale (issue #17 item 4): a throwaway PostgreSQL database, the application jar
# (postgres + demo profiles: the demo users, password "demo"), one enforcement case started over
# REST as the template, cloned by bench/seed-tasks.sql to 10,000 and then 100,000 open tasks, and
# bench/tasklist-calls.sh timing the calls Tasklist makes for officer1, head1 and supervisor1.
# Usage: bench/tasklist.sh [repeats] [sizes...]   (needs ./mvnw -DskipTests package; PostgreSQL on
# 127.0.0.1:5432, user postgres). Result: bench/results/tasklist-<timestamp>.txt
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-30}; shift || true
sizes=${*:-10000 100000}
port=${BENCH_PORT:-28517}
base=http://127.0.0.1:$port
db=bench_tasks_$$
jar=${BENCH_JAR:-$(ls target/enforcement-workflow-*.jar | grep -v original | head -n 1)}
out=bench/results/tasklist-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p bench/results
psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -X "$@"; }
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
log=$(mktemp)
DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres DB_PASSWORD= ADMIN_USER=admin ADMIN_PASSWORD=demo \
  SECURE_COOKIE=false RECORDING_STORAGE_ROOT=$(mktemp -d) \
  java -jar "$jar" --spring.profiles.active=demo,postgres --server.port="$port" > "$log" 2>&1 &
app=$!
cleanup() { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"; }
trap cleanup EXIT
for _ in $(seq 1 600); do curl -sf "$base/actuator/health" >/dev/null && break; kill -0 $app || { cat "$log"; exit 1; }; sleep 1; done
# the template: a real case, started as officer1, waiting at 立案审查 (candidate group enforcement-officer)
curl -sf -u officer1:demo -H 'Content-Type: application/json' -X POST "$base/engine-rest/process-definition/key/enforcement-case/start" \
  -d '{"businessKey":"bench-template","variables":{"source":{"value":"INSPECTION"},"partyName":{"value":"某某建材有限公司"},"partyType":{"value":"LEGAL_PERSON"},"partyAddress":{"value":"云和县某路 1 号"},"cause":{"value":"未经许可擅自施工"},"clueDescription":{"value":"巡查发现工地未办理施工许可"}}}' >/dev/null
{
  echo "# $(date -u +%FT%TZ) $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg), $(psql -h 127.0.0.1 -U postgres -Atc 'show server_version')"
  echo "# label user filter call n p50_ms p95_ms (floor = GET /engine-rest/version, same user, same run)"
  have=1
  for n in $sizes; do
    s=$(date +%s.%N)
    psql_db -q -v n=$((n - have)) -v template=bench-template -f bench/seed-tasks.sql
    echo "# seeded $n open tasks in $(echo "$(date +%s.%N) - $s" | bc) s (incl. ANALYZE); $(psql_db -Atc 'select count(*) from act_ru_task') tasks, $(psql_db -Atc 'select count(*) from act_ru_authorization where resource_type_ = 7') task authorizations"
    have=$n
    bench/tasklist-calls.sh "$base" "tasks=$n" "$repeats" officer1 head1 supervisor1
    echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  done
} | tee "$out"
