#!/usr/bin/env bash
# Time to "Started" and resident memory after start, median of N runs, on H2 (demo profile, fresh
# ./data each run) and on PostgreSQL (postgres profile, a throwaway database each run).
# Usage: bench/startup.sh [runs]    (needs: ./mvnw package done, PostgreSQL on 127.0.0.1:5432)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$(ls target/enforcement-workflow-*.jar | grep -v original | head -n 1)
out=bench/results/startup-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p bench/results

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # label, then env assignments and java args
  local label=$1; shift
  local log; log=$(mktemp)
  env "$@" > "$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 240); do
    grep -q 'Started EnforcementApplication' "$log" && break
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; return 1; }
    sleep 0.5
  done
  sleep 3 # let start-up work that follows "Started" settle before reading RSS
  local started rss
  started=$(grep -oE 'Started EnforcementApplication in [0-9.]+' "$log" | awk '{print $4}')
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$log"
  echo "$label $started $rss"
}

{
  echo "# $(date -u +%FT%TZ) $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -n 1)"
  echo "# label seconds_to_started rss_mib"
  for i in $(seq 1 "$runs"); do
    dir=$(mktemp -d)
    measure h2 PORT=0 java -jar "$jar" --spring.datasource.url="jdbc:h2:file:$dir/enforcement" --server.port=0
    rm -rf "$dir"
  done
  for i in $(seq 1 "$runs"); do
    db="bench_startup_$$_$i"
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
    measure postgres DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres DB_PASSWORD= \
      ADMIN_USER=chief ADMIN_PASSWORD='Bench-Passw0rd#2026' SECURE_COOKIE=false \
      java -jar "$jar" --spring.profiles.active=postgres --server.port=0
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $db WITH (FORCE)"
  done
} | tee "$out.raw"

{
  head -n 2 "$out.raw"
  for label in h2 postgres; do
    s=$(awk -v l=$label '$1==l {print $2}' "$out.raw" | median)
    r=$(awk -v l=$label '$1==l {print $3}' "$out.raw" | median)
    echo "median $label: started in ${s} s, RSS ${r} MiB (runs: $(awk -v l=$label '$1==l {printf "%s/%s ", $2, $3}' "$out.raw"))"
  done
} > "$out"
rm -f "$out.raw"
cat "$out"
