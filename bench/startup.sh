#!/usr/bin/env bash
# Time to "Started" and resident memory after start, median of N runs, next to the bare Camunda
# starter of bench/bare-starter (same Spring Boot and Camunda versions, no models). Each run starts
# on a fresh H2 file database ("first": schema, deployment, the rule gate over every case) and then
# again on the same database ("restart": nothing changed, so nothing is deployed and the rule gate
# must evaluate nothing — counted from the log line "rule gate accepted"). With BENCH_PG=1 also
# first starts on a throwaway PostgreSQL database (postgres profile).
# Usage: bench/startup.sh [runs]   (needs the application jar; BENCH_BARE_JAR or
# bench/bare-starter/target/bare-starter-1.jar: ./mvnw -f bench/bare-starter/pom.xml -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=${BENCH_JAR:-$(ls target/enforcement-workflow-*.jar | grep -v original | head -n 1)}
bare=${BENCH_BARE_JAR:-bench/bare-starter/target/bare-starter-1.jar}
out=bench/results/startup-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p bench/results

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

gate_runs=0
measure() { # label, then env assignments and java args
  local label=$1; shift
  local log; log=$(mktemp)
  env "$@" > "$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 480); do
    grep -qE 'Started [A-Za-z]+Application' "$log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; return 1; }
    sleep 0.25
  done
  sleep 3 # let start-up work that follows "Started" settle before reading RSS
  local started rss
  started=$(grep -oE 'Started [A-Za-z]+Application in [0-9.]+' "$log" | awk '{print $4}')
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [ "$label" = "h2-restart" ]; then gate_runs=$((gate_runs + $(grep -c 'rule gate accepted' "$log" || true))); fi
  rm -f "$log"
  echo "$label $started $rss"
}

{
  echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -n 1)"
  echo "# label seconds_to_started rss_mib"
  for i in $(seq 1 "$runs"); do
    dir=$(mktemp -d)
    for label in h2-first h2-restart; do
      measure $label PORT=0 RECORDING_STORAGE_ROOT="$dir/recordings" CASE_ARCHIVE_ROOT="$dir/archives" java -jar "$jar" \
        --spring.datasource.url="jdbc:h2:file:$dir/enforcement" --server.port=0
    done
    rm -rf "$dir"
    dir=$(mktemp -d)
    for label in bare-first bare-restart; do
      measure $label java -jar "$bare" --spring.datasource.url="jdbc:h2:file:$dir/bare" --server.port=0
    done
    rm -rf "$dir"
  done
  if [ "${BENCH_PG:-0}" = 1 ]; then
    for i in $(seq 1 "$runs"); do
      db="bench_startup_$$_$i"
      psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
      measure postgres-first DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres DB_PASSWORD= \
        ADMIN_USER=chief ADMIN_PASSWORD='Bench-Passw0rd#2026' SECURE_COOKIE=false RECORDING_STORAGE_ROOT="$(mktemp -d)" \
        java -jar "$jar" --spring.profiles.active=postgres --server.port=0
      psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $db WITH (FORCE)"
    done
  fi
  echo "# gate_runs=$gate_runs"
} | tee "$out.raw"

{
  head -n 2 "$out.raw"
  for label in h2-first h2-restart bare-first bare-restart postgres-first; do
    grep -q "^$label " "$out.raw" || continue
    s=$(awk -v l=$label '$1==l {print $2}' "$out.raw" | median)
    r=$(awk -v l=$label '$1==l {print $3}' "$out.raw" | median)
    echo "median ${label/-/ }: started in ${s} s, RSS ${r} MiB (runs: $(awk -v l=$label '$1==l {printf "%s/%s ", $2, $3}' "$out.raw"))"
  done
  echo "rule gate runs on restart: $(sed -nE 's/^# gate_runs=([0-9]+)/\1/p' "$out.raw") (log lines \"rule gate accepted\" over all restarts)"
} > "$out"
rm -f "$out.raw"
cat "$out"
