#!/usr/bin/env bash
# A/B of two application jars on whole procedures (docs/benchmarks.md "Custom plans only for task
# queries"): pgbench -N at 4 clients as the commit ceiling, then for each jar a fresh PostgreSQL
# database, the jar (demo + postgres profiles) and bench/procedures.py legal-review at 4 clients.
# Usage: bench/plans-ab.sh BEFORE_JAR AFTER_JAR [seconds]   Result: bench/results/plans-ab-<timestamp>.txt
set -euo pipefail
cd "$(dirname "$0")/.."
before=$1 after=$2 seconds=${3:-20}
port=${BENCH_PORT:-28731}
out=bench/results/plans-ab-$(date -u +%Y%m%dT%H%M%SZ).txt
work=$(mktemp -d)
psql_pg() { psql -h 127.0.0.1 -U postgres -XAtq "$@"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
app=
cleanup() {
  [ -n "$app" ] && { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; }
  psql_pg -c "DROP DATABASE IF EXISTS bench_plans_$$ WITH (FORCE)" || true
  psql_pg -c "DROP DATABASE IF EXISTS bench_plans_pgbench_$$ WITH (FORCE)" || true
  rm -rf "$work"
}
trap cleanup EXIT
{
  echo "# bench/plans-ab.sh $(date -u +%FT%TZ), $(nproc) cores, PostgreSQL $(psql_pg -c 'show server_version'), load at start: $(load)"
  psql_pg -c "CREATE DATABASE bench_plans_pgbench_$$"
  pgbench -h 127.0.0.1 -U postgres -i -q -s 4 bench_plans_pgbench_$$ > /dev/null 2>&1
  tps=$(pgbench -h 127.0.0.1 -U postgres -N -c 4 -j 2 -T "$seconds" bench_plans_pgbench_$$ 2>/dev/null | sed -nE 's/^tps = ([0-9.]+).*/\1/p')
  psql_pg -c "DROP DATABASE bench_plans_pgbench_$$ WITH (FORCE)"
  echo "pgbench -N 4 clients ${seconds} s: $tps tps; load $(load)"
  for label in before after; do
    jar=$([ $label = before ] && echo "$before" || echo "$after")
    db=bench_plans_$$
    psql_pg -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"; psql_pg -c "CREATE DATABASE $db"
    DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres DB_PASSWORD= ADMIN_USER=admin ADMIN_PASSWORD=demo \
      SECURE_COOKIE=false RECORDING_STORAGE_ROOT="$work/rec-$label" AUDIT_ANCHOR_DIR="$work/anchor-$label" \
      CASE_ARCHIVE_ROOT="$work/arch-$label" \
      java -jar "$jar" --spring.profiles.active=demo,postgres --server.port="$port" > "$work/$label.log" 2>&1 &
    app=$!
    for _ in $(seq 1 300); do
      curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && break
      kill -0 "$app" 2>/dev/null || { tail -n 40 "$work/$label.log" >&2; exit 1; }
      sleep 1
    done
    r=$(python3 bench/procedures.py --base "http://127.0.0.1:$port" --db "$db" --mode legal-review --clients 4 --seconds "$seconds" --warmup 10)
    echo "$label ($jar): legal-review 4 clients: $r; load $(load)"
    kill "$app"; wait "$app" 2>/dev/null || true; app=
  done
} | tee "$out"
