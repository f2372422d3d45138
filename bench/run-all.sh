#!/usr/bin/env bash
# Issue #17: every benchmark of docs/benchmarks.md in one command, each figure next to a limit
# measured in the same run on the same machine (the machine is shared: only ratios compare).
#
#   bench/run-all.sh [section ...]      sections: commits commits_engine decisions decisions_engine timers timers_engine
#                                       ingest startup tasklist (default: all of them, in this order)
#
# Needs PostgreSQL 15 at 127.0.0.1:5432 (user postgres, trust), pgbench, openssl, curl, python3 with
# requests. Builds the application jar and bench/bare-starter with the Maven wrapper when missing
# (BENCH_BUILD=1 forces the application build). Settings: BENCH_SECONDS (per procedure run, 20),
# BENCH_WARMUP (seconds of the same load before each procedure run, 15), BENCH_TIMERS (10000),
# BENCH_TIMERS_WARMUP (3000, per node count),
# BENCH_PROCEDURES (commits section: "legal-review enforcement-case"), BENCH_INGEST_MIB (512), BENCH_INGEST_WARMUP_MIB (warm-up upload before the timed one, default = BENCH_INGEST_MIB, 0 = none),
# BENCH_DECISION_ROUNDS (4: turns of the decision and its limit), BENCH_STARTS (3), BENCH_TASKS ("10000 100000"),
# BENCH_APP_ARGS (extra arguments for every application node, e.g. to try an engine setting),
# BENCH_JAVA_OPTS (JVM options for every application node; default: the start command's options of
# docs/operations.md "Start command", so the benchmark measures what operators run; set it to
# "-XX:+UseG1GC" or anything else to try other options), BENCH_TIMERS_NODES ("1 2": the timer
# drains on one node and then two; "1" skips the second node, for A/B runs of one-node settings).
# Result: bench/results/run-all-<timestamp>.txt (figure | measured | limit | ratio | goal).
set -euo pipefail
cd "$(dirname "$0")/.."
sections=${*:-commits commits_engine decisions decisions_engine timers timers_engine ingest startup tasklist}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/run-all-$stamp.txt
work=$(mktemp -d /tmp/bench-run-all.XXXX)
mkdir -p bench/results
seconds=${BENCH_SECONDS:-20}
# commits section: seconds of the same load before each measured procedure run (a server runs warm)
warmup=${BENCH_WARMUP:-15}
read -r -a app_args <<< "${BENCH_APP_ARGS:-}"
# keep in step with docs/operations.md "Start command" and e2e/cluster.sh
read -r -a java_opts <<< "${BENCH_JAVA_OPTS--XX:+UseParallelGC -Xmx1g}"
psql_pg() { psql -h 127.0.0.1 -U postgres -XAtq "$@"; }

if [ "${BENCH_BUILD:-0}" = 1 ] || ! ls target/enforcement-workflow-*.jar > /dev/null 2>&1; then
  ./mvnw -q -B -ntp -DskipTests package
fi
jar=${BENCH_JAR:-$(ls target/enforcement-workflow-*.jar | grep -v original | head -n 1)}

log() { echo "$*" | tee -a "$out"; }
row() { # figure, measured, limit, ratio, goal
  printf '| %s | %s | %s | %s | %s |\n' "$@" | tee -a "$out"
}
ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{a / b:.2f}' if b else 'n/a')" "$1" "$2"; }
field() { sed -nE "s/.*\b$1=([^ ]+).*/\1/p" <<< "$2"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# ------------------------------------------------------------------ application nodes
pids=()
dbs=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for db in "${dbs[@]}"; do psql_pg -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true; done
  rm -rf "$work"
}
trap cleanup EXIT

new_db() { local db=$1; psql_pg -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"; psql_pg -c "CREATE DATABASE $db"; dbs+=("$db"); }

# start_node <port> <db> [args…]: the jar on PostgreSQL, demo users (password demo); waits for health
start_node() {
  local port=$1 db=$2; shift 2
  DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres DB_PASSWORD= ADMIN_USER=admin ADMIN_PASSWORD=demo \
    SECURE_COOKIE=false RECORDING_STORAGE_ROOT="$work/recordings-$db" AUDIT_ANCHOR_DIR="$work/anchor-$port" \
    CASE_ARCHIVE_ROOT="$work/archives-$port" \
    java "${java_opts[@]}" -jar "$jar" --spring.profiles.active=demo,postgres --server.port="$port" "${app_args[@]}" "$@" \
    > "$work/node-$port.log" 2>&1 &
  pids+=($!)
  local pid=$!
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { tail -n 50 "$work/node-$port.log" >&2; return 1; }
    sleep 1
  done
  echo "node on $port did not start" >&2; return 1
}
stop_node() { local pid=$1; kill "$pid"; wait "$pid" 2>/dev/null || true; }

app_db=bench_all_$$
app_port=${BENCH_PORT:-28700}
app_up=0
app() { # the first node, shared by the commits, decisions and timers sections
  if [ $app_up = 0 ]; then new_db "$app_db"; start_node "$app_port" "$app_db"; app_up=1; fi
}
base=http://127.0.0.1:$app_port

{
  echo "# bench/run-all.sh $sections — $(date -u +%FT%TZ), $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
  echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1048576)" GiB"}' /proc/meminfo), $(java -version 2>&1 | head -n 1), PostgreSQL $(psql_pg -c 'show server_version')"
  echo "# load average at start: $(load) (other helpers' builds share the machine: compare ratios, not absolute figures)"
  [ ${#app_args[@]} -gt 0 ] && echo "# application arguments: ${app_args[*]}"
  echo "# JVM options of the application nodes: ${java_opts[*]:-(none)}"
  echo
  echo "| figure | measured | limit (same run) | ratio | goal |"
  echo "|---|---|---|---|---|"
} | tee "$out"

# ------------------------------------------------------------------ 1. commits: pgbench vs procedures
tps1= tps4=
commit_ceiling() { # pgbench -N at 1 and 4 clients, once per run (tps1, tps4)
  [ -n "$tps1" ] && return 0
  new_db bench_pgbench_$$
  pgbench -h 127.0.0.1 -U postgres -i -q -s 4 bench_pgbench_$$ > /dev/null 2>&1
  tps1=$(pgbench -h 127.0.0.1 -U postgres -N -c 1 -j 1 -T "$seconds" bench_pgbench_$$ 2>/dev/null | sed -nE 's/^tps = ([0-9.]+).*/\1/p')
  tps4=$(pgbench -h 127.0.0.1 -U postgres -N -c 4 -j 2 -T "$seconds" bench_pgbench_$$ 2>/dev/null | sed -nE 's/^tps = ([0-9.]+).*/\1/p')
  log "# pgbench -N (scale 4, ${seconds} s): 1 client ${tps1} tps, 4 clients ${tps4} tps; load $(load)"
  psql_pg -c "DROP DATABASE bench_pgbench_$$ WITH (FORCE)"
}
section_commits() {
  commit_ceiling
  app
  local mode clients r tps
  for mode in ${BENCH_PROCEDURES:-legal-review enforcement-case}; do
    for clients in 1 4; do
      r=$(python3 bench/procedures.py --base "$base" --db "$app_db" --mode "$mode" --clients "$clients" --seconds "$seconds" \
        --warmup-seconds "$warmup")
      log "# $r; load $(load)"
      tps=$([ "$clients" = 1 ] && echo "$tps1" || echo "$tps4")
      local per_s cpi rpi
      per_s=$(field per_s "$r"); cpi=$(field commits_per_instance "$r"); rpi=$(field requests_per_instance "$r")
      row "$mode, $clients client(s): instances/s (commits, requests per instance; p50/p95 ms per request)" \
        "$per_s/s ($cpi commits, $rpi requests; $(field p50_ms "$r")/$(field p95_ms "$r") ms)" \
        "pgbench -N $tps tps" \
        "$(python3 -c "print(f'{$per_s * 1000 / $tps:.1f} instances per 1,000 tps; {$per_s * $cpi / $tps:.2f} of the commit ceiling')")" \
        "$([ "$mode" = legal-review ] && [ "$clients" = 4 ] && echo '≥ 27.3 instances per 1,000 tps (2 × 58.4/s at 4,279 tps), ≤ 20 commits' || echo '≤ 20 commits per instance (legal-review)')"
    done
  done
}

# The engine alone for legal-review's four requests (bench/models/bench-review.bpmn on the bare starter,
# its REST without authentication, so no password checks and no authorization): an upper bound of what
# any application on this engine and machine reaches for a procedure of that shape.
section_commits_engine() {
  commit_ceiling
  local bare; bare=$(bare_jar)
  local app_db=bench_bare_review_$$ port=$((app_port + 11)) clients r tps per_s cpi rpi
  start_bare "$bare" "$port" "$app_db" bench/models/bench-review.bpmn
  local node=${pids[-1]}
  for clients in 1 4; do
    r=$(python3 bench/procedures.py --base "http://127.0.0.1:$port" --db "$app_db" --mode bare-review --clients "$clients" \
      --seconds "$seconds" --warmup-seconds "$warmup")
    log "# $r; load $(load)"
    tps=$([ "$clients" = 1 ] && echo "$tps1" || echo "$tps4")
    per_s=$(field per_s "$r"); cpi=$(field commits_per_instance "$r"); rpi=$(field requests_per_instance "$r")
    row "bare engine, legal-review's shape (bench-review), $clients client(s): instances/s (commits, requests per instance; p50/p95 ms)" \
      "$per_s/s ($cpi commits, $rpi requests; $(field p50_ms "$r")/$(field p95_ms "$r") ms)" "pgbench -N $tps tps" \
      "$(python3 -c "print(f'{$per_s * 1000 / $tps:.1f} instances per 1,000 tps')")" "the engine's own ceiling for legal-review's requests"
  done
  stop_node "$node"
}

# ------------------------------------------------------------------ 3. decisions vs the HTTP + authentication ceiling
section_decisions() {
  app
  # both warm (BENCH_WARMUP seconds of each first, as the procedures), then in turns: BENCH_DECISION_ROUNDS rounds
  # of each, so the ratio is of one machine speed (measured one after the other, it moved by ±30 %)
  local both d e
  both=$(python3 bench/procedures.py --base "$base" --db "$app_db" --mode decision --versus engine --clients 4 \
    --seconds "$seconds" --rounds "${BENCH_DECISION_ROUNDS:-4}" --warmup 20 --warmup-seconds "$warmup")
  d=$(grep '^mode=decision ' <<< "$both") e=$(grep '^mode=engine ' <<< "$both")
  log "# $e; load $(load)"
  log "# $d; load $(load)"
  row "retention-class evaluate (history full), 4 clients, warm, in turns with the limit (p50/p95 ms)" \
    "$(field per_s "$d")/s ($(field p50_ms "$d")/$(field p95_ms "$d") ms, $(field commits_per_instance "$d") commits)" \
    "GET /engine-rest/engine $(field per_s "$e")/s ($(field commits_per_instance "$e") commits)" \
    "$(ratio "$(field per_s "$d")" "$(field per_s "$e")")" "≥ 0.50"
}

# The same evaluation on the bare Camunda starter (dmn/retention-class.dmn deployed over REST; history full; its
# REST has no authentication, so no password check, no authorization check and no operation log), in turns with
# the bare starter's own GET /engine: stock Camunda's own ratio, and what it spends on one evaluation beyond HTTP
# (1/rate of the evaluation - 1/rate of GET /engine). A reference, not a bound: the application's FEEL engine
# parses each expression once, stock Camunda's on every evaluation.
section_decisions_engine() {
  local bare; bare=$(bare_jar)
  local db=bench_bare_decision_$$ port=$((app_port + 13)) both d e extra
  start_bare "$bare" "$port" "$db" dmn/retention-class.dmn
  local node=${pids[-1]}
  both=$(python3 bench/procedures.py --base "http://127.0.0.1:$port" --db "$db" --mode decision --versus engine --clients 4 \
    --seconds "$seconds" --rounds "${BENCH_DECISION_ROUNDS:-4}" --warmup 20 --warmup-seconds "$warmup")
  d=$(grep '^mode=decision ' <<< "$both") e=$(grep '^mode=engine ' <<< "$both")
  log "# bare engine: $e; load $(load)"
  log "# bare engine: $d; load $(load)"
  extra=$(python3 -c "print(f'{1000 / $(field per_s "$d") - 1000 / $(field per_s "$e"):.2f}')")
  row "retention-class evaluate on the bare Camunda starter (history full, no authentication), 4 clients, in turns with its GET /engine" \
    "$(field per_s "$d")/s ($(field p50_ms "$d")/$(field p95_ms "$d") ms, $(field commits_per_instance "$d") commits); the evaluation beyond HTTP: $extra ms per call" \
    "its GET /engine $(field per_s "$e")/s" "$(ratio "$(field per_s "$d")" "$(field per_s "$e")")" \
    "stock Camunda's own ratio (the decisions section: the application's)"
  stop_node "$node"
}

# ------------------------------------------------------------------ 2. timers on one and two nodes
timer_sql() { psql_pg -d "$app_db" -c "$1"; }
ticks() { # CPU ticks (1/100 s) of the given processes: utime + stime
  local s=0 p; for p in "$@"; do s=$((s + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo "$s"
}
pg_backends() { psql_pg -c "select pid from pg_stat_activity where datname = '$app_db' and pid <> pg_backend_pid()"; }
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
drain() { # label, nodes (pids of the application nodes), n: due timers created suspended, then activated at once
  local label=$1 nodes=$2 n=${3:-${BENCH_TIMERS:-10000}} api=$base/engine-rest
  local batch=$((n < 1000 ? n : 1000))
  timer_sql "delete from act_ru_job where process_def_key_ = 'bench-timer'" > /dev/null
  curl -sf -u admin:demo -X PUT -H 'Content-Type: application/json' "$api/job-definition/suspended" \
    -d '{"processDefinitionKey":"bench-timer","suspended":true,"includeJobs":true}'
  local i
  for i in $(seq 1 $((n / batch))); do
    curl -sf -u admin:demo -H 'Content-Type: application/json' -o /dev/null "$api/process-definition/key/bench-timer-fanout/start" \
      -d "{\"businessKey\":\"$label-$i\",\"variables\":{\"n\":{\"value\":$batch,\"type\":\"Integer\"}}}"
  done
  local due; due=$(timer_sql "select count(*) from act_ru_job where process_def_key_ = 'bench-timer' and suspension_state_ = 2")
  local c0; c0=$(psql_pg -c "select xact_commit from pg_stat_database where datname = '$app_db'")
  # CPU: every node's JVM, the database's backends (the pools are open by now), the whole machine
  local backends; backends=$(pg_backends)
  local j0 p0 m0 t0 t1; j0=$(ticks $nodes); p0=$(ticks $backends); m0=$(machine_ticks); t0=$(date +%s.%N)
  curl -sf -u admin:demo -X PUT -H 'Content-Type: application/json' "$api/job-definition/suspended" \
    -d '{"processDefinitionKey":"bench-timer","suspended":false,"includeJobs":true}'
  for _ in $(seq 1 1200); do
    [ "$(timer_sql "select count(*) from act_ru_job where process_def_key_ = 'bench-timer'")" = 0 ] && break
    sleep 0.2
  done
  t1=$(date +%s.%N)
  local j1 p1 m1; j1=$(ticks $nodes); p1=$(ticks $backends); m1=$(machine_ticks)
  sleep 1.5
  local c1; c1=$(psql_pg -c "select xact_commit from pg_stat_database where datname = '$app_db'")
  local fired doubles failed
  fired=$(timer_sql "select count(*) from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_ join act_hi_procinst f on f.id_ = p.super_process_instance_id_ where a.act_id_ = 'Event_Due' and a.end_time_ is not null and f.business_key_ like '$label-%'")
  doubles=$(timer_sql "select count(*) from (select a.proc_inst_id_ from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_ join act_hi_procinst f on f.id_ = p.super_process_instance_id_ where a.act_id_ = 'Event_Due' and f.business_key_ like '$label-%' group by 1 having count(*) > 1) d")
  failed=$(timer_sql "select count(*) from act_hi_job_log where process_def_key_ = 'bench-timer' and job_state_ = 1")
  local secs; secs=$(echo "$t1 - $t0" | bc -l)
  local per_job="python3 -c \"import sys; print(f'{int(sys.argv[1]) * 10 / max($fired, 1):.2f}')\""
  echo "label=$label nodes=$(wc -w <<< "$nodes") due=$due fired=$fired doubles=$doubles failed_runs_total=$failed seconds=$(printf %.1f "$secs") jobs_per_s=$(python3 -c "print(f'{$fired / $secs:.0f}')") commits_per_job=$(python3 -c "print(f'{($c1 - $c0) / max($fired, 1):.1f}')") jvm_cpu_ms_per_job=$(eval "$per_job $((j1 - j0))") pg_cpu_ms_per_job=$(eval "$per_job $((p1 - p0))") machine_cpu_ms_per_job=$(eval "$per_job $((m1 - m0))")"
}
section_timers() {
  app
  curl -sf -u admin:demo -F deployment-name=bench-timer -F "data=@bench/models/bench-timer.bpmn" -o /dev/null \
    "$base/engine-rest/deployment/create"
  local node1=${pids[0]} warm=${BENCH_TIMERS_WARMUP:-3000} one two w
  # a node that has run for a while has compiled its job path; a fresh JVM compiles it during the
  # drain (C2 alone took ~0.9 ms CPU per job of the first 10,000): warm up first, reported apart
  if [ "$warm" -gt 0 ]; then w=$(drain warm-one "$node1" "$warm"); log "# warm-up: $w; load $(load)"; fi
  one=$(drain one-node "$node1"); log "# $one; load $(load)"
  if [ "${BENCH_TIMERS_NODES:-1 2}" = 1 ]; then
    row "${BENCH_TIMERS:-10000} due timers, one node: jobs/s (double executions; CPU ms per job: JVM + PostgreSQL)" \
      "$(field jobs_per_s "$one")/s ($(field doubles "$one") doubles of $(field fired "$one") fired; $(field jvm_cpu_ms_per_job "$one") + $(field pg_cpu_ms_per_job "$one") ms)" "goal 500 jobs/s" \
      "$(ratio "$(field jobs_per_s "$one")" 500)" "≥ 1.00, 0 doubles"
    return 0
  fi
  local port2=$((app_port + 1))
  start_node "$port2" "$app_db"
  if [ "$warm" -gt 0 ]; then w=$(drain warm-two "$node1 ${pids[-1]}" "$warm"); log "# warm-up: $w; load $(load)"; fi
  two=$(drain two-nodes "$node1 ${pids[-1]}"); log "# $two; load $(load)"
  stop_node "${pids[-1]}"
  row "${BENCH_TIMERS:-10000} due timers, one node: jobs/s (double executions; CPU ms per job: JVM + PostgreSQL)" \
    "$(field jobs_per_s "$one")/s ($(field doubles "$one") doubles of $(field fired "$one") fired; $(field jvm_cpu_ms_per_job "$one") + $(field pg_cpu_ms_per_job "$one") ms)" "goal 500 jobs/s" \
    "$(ratio "$(field jobs_per_s "$one")" 500)" "≥ 1.00, 0 doubles"
  row "same, two nodes on one database (CPU ms per job: both JVMs + PostgreSQL)" \
    "$(field jobs_per_s "$two")/s ($(field doubles "$two") doubles of $(field fired "$two") fired; $(field jvm_cpu_ms_per_job "$two") + $(field pg_cpu_ms_per_job "$two") ms)" \
    "one node $(field jobs_per_s "$one")/s" "$(ratio "$(field jobs_per_s "$two")" "$(field jobs_per_s "$one")")" "≥ 1.70, 0 doubles"
  row "CPU per job, two nodes against one (JVMs + PostgreSQL; 1.00 = the second node costs nothing extra)" \
    "$(python3 -c "print(f'{$(field jvm_cpu_ms_per_job "$two") + $(field pg_cpu_ms_per_job "$two"):.2f}')") ms" \
    "one node $(python3 -c "print(f'{$(field jvm_cpu_ms_per_job "$one") + $(field pg_cpu_ms_per_job "$one"):.2f}')") ms" \
    "$(ratio "$(python3 -c "print($(field jvm_cpu_ms_per_job "$two") + $(field pg_cpu_ms_per_job "$two"))")" "$(python3 -c "print($(field jvm_cpu_ms_per_job "$one") + $(field pg_cpu_ms_per_job "$one"))")")" "≤ 1.18 (1.70× on twice the cores)"
}

# start_bare <jar> <port> <db> <model>: bench/bare-starter on a fresh PostgreSQL database with the job
# executor settings of application.yaml (its REST has no authentication); deploys the benchmark model
start_bare() {
  local bare=$1 port=$2 db=$3 model=$4 up=0
  new_db "$db"
  java "${java_opts[@]}" -jar "$bare" --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres \
    --spring.datasource.password= --camunda.bpm.admin-user.password=demo \
    --camunda.bpm.job-execution.core-pool-size=4 --camunda.bpm.job-execution.max-pool-size=4 \
    --camunda.bpm.job-execution.queue-capacity=40 --camunda.bpm.job-execution.max-jobs-per-acquisition=20 \
    --camunda.bpm.job-execution.backoff-time-in-millis=50 --camunda.bpm.job-execution.max-backoff=500 \
    > "$work/bare-$port.log" 2>&1 &
  pids+=($!)
  local node=$!
  for _ in $(seq 1 300); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/engine-rest/engine" && { up=1; break; }
    kill -0 "$node" 2>/dev/null || break
    sleep 1
  done
  [ $up = 1 ] || { tail -n 50 "$work/bare-$port.log" >&2; return 1; }
  curl -sf -F deployment-name=bench -F "data=@$model" -o /dev/null "http://127.0.0.1:$port/engine-rest/deployment/create"
}

# The same drain on the bare Camunda starter (bench/bare-starter: the engine with history full and
# authorization on, none of the application's models, guards, listeners or plug-ins), on its own fresh
# database of the same PostgreSQL, with the job executor settings of application.yaml and the same JVM
# options: what the engine itself costs per timer job on this machine, the ceiling any application
# on it shares. Its acquisition is the engine's own loop (QueueAwareJobExecutor is the application's).
section_timers_engine() {
  local bare; bare=$(bare_jar)
  local app_db=bench_bare_$$ app_port=$((app_port + 9))
  local base=http://127.0.0.1:$app_port
  start_bare "$bare" "$app_port" "$app_db" bench/models/bench-timer.bpmn
  local node=${pids[-1]}
  local warm=${BENCH_TIMERS_WARMUP:-3000} w one
  if [ "$warm" -gt 0 ]; then w=$(drain warm-bare "$node" "$warm"); log "# warm-up (bare engine): $w; load $(load)"; fi
  one=$(drain bare-engine "$node"); log "# $one; load $(load)"
  stop_node "$node"
  row "${BENCH_TIMERS:-10000} due timers on the bare Camunda starter (no application), one node: jobs/s (doubles; CPU ms per job: JVM + PostgreSQL; machine)" \
    "$(field jobs_per_s "$one")/s ($(field doubles "$one") doubles of $(field fired "$one") fired; $(field jvm_cpu_ms_per_job "$one") + $(field pg_cpu_ms_per_job "$one") ms; $(field machine_cpu_ms_per_job "$one") ms)" \
    "goal 500 jobs/s" "$(ratio "$(field jobs_per_s "$one")" 500)" "the engine's own ceiling on this machine"
}

# ------------------------------------------------------------------ 5. ingest vs openssl digests
section_ingest() {
  local r; r=$(BENCH_PORT=$((app_port + 5)) BENCH_JAR="$jar" bench/ingest-2gb.sh "${BENCH_INGEST_MIB:-512}" | tail -n 25)
  log "$(sed 's/^/# /' <<< "$r")"
  local up sm3 sha slower
  up=$(sed -nE 's/^upload .* ([0-9.]+) MiB\/s.*/\1/p' <<< "$r")
  sm3=$(sed -nE 's/^openssl dgst -sm3: .* ([0-9.]+) MiB\/s/\1/p' <<< "$r")
  sha=$(sed -nE 's/^openssl dgst -sha256: .* ([0-9.]+) MiB\/s/\1/p' <<< "$r")
  slower=$(python3 -c "print(min($sm3, $sha))")
  # the timed upload is the JVM's second; the first (the warm-up, its own file) is the cold figure
  local cold; cold=$(sed -nE 's/^cold upload \(warm-up\): +[0-9]+ in [0-9.]+ s = ([0-9.]+) MiB\/s.*/\1/p' <<< "$r")
  row "upload of ${BENCH_INGEST_MIB:-512} MiB at -Xmx256m (RSS idle → peak), after a warm-up upload" \
    "$up MiB/s ($(sed -nE 's/^RSS idle after start: +([0-9]+) MiB/\1/p' <<< "$r") → $(sed -nE 's/^RSS peak \(VmHWM\): +([0-9]+) MiB/\1/p' <<< "$r") MiB)" \
    "slower of openssl -sm3 $sm3 / -sha256 $sha MiB/s" "$(ratio "$up" "$slower")" "≥ 0.80, memory flat"
  if [ -n "$cold" ]; then
    row "same, cold: the fresh JVM's first upload (the warm-up, ${BENCH_INGEST_WARMUP_MIB:-${BENCH_INGEST_MIB:-512}} MiB)" "$cold MiB/s" \
      "slower of openssl -sm3 $sm3 / -sha256 $sha MiB/s" "$(ratio "$cold" "$slower")" "—"
  fi
  local dd sink cpu
  dd=$(sed -nE 's/^dd conv=fsync: .* ([0-9.]+) MiB\/s.*/\1/p' <<< "$r")
  sink=$(sed -nE 's/^curl -F into a sink: .* ([0-9.]+) MiB\/s.*/\1/p' <<< "$r")
  cpu=$(sed -nE 's/^CPU during upload: .* at most ([0-9.]+) MiB\/s/\1/p' <<< "$r")
  row "same upload against the machine's raw limits (same file, same run)" "$up MiB/s" \
    "dd conv=fsync $dd MiB/s; curl -F into a reading-only sink $sink MiB/s; its own CPU seconds ÷ CPUs $cpu MiB/s" \
    "$(ratio "$up" "$dd") of dd, $(ratio "$up" "$sink") of the sink, $(ratio "$up" "$cpu") of the CPU bound" "—"
}

# ------------------------------------------------------------------ 6. start-up vs a bare Camunda starter
bare_jar() { # bench/bare-starter's jar, built with the wrapper when missing
  local bare; bare=$(ls bench/bare-starter/target/bare-starter-*.jar 2>/dev/null | head -n 1 || true)
  if [ -z "$bare" ]; then ./mvnw -q -B -ntp -f bench/bare-starter/pom.xml -DskipTests package >&2; bare=$(ls bench/bare-starter/target/bare-starter-*.jar | head -n 1); fi
  echo "$bare"
}
section_startup() {
  local bare; bare=$(bare_jar)
  local r; r=$(BENCH_JAR="$jar" BENCH_BARE_JAR="$bare" bench/startup.sh "${BENCH_STARTS:-3}" | tail -n 6)
  log "$(sed 's/^/# /' <<< "$r")"
  local first restart barefirst barere gate
  first=$(sed -nE 's/^median h2 first: started in ([0-9.]+) s.*/\1/p' <<< "$r")
  restart=$(sed -nE 's/^median h2 restart: started in ([0-9.]+) s.*/\1/p' <<< "$r")
  barefirst=$(sed -nE 's/^median bare first: started in ([0-9.]+) s.*/\1/p' <<< "$r")
  barere=$(sed -nE 's/^median bare restart: started in ([0-9.]+) s.*/\1/p' <<< "$r")
  gate=$(sed -nE 's/^rule gate runs on restart: ([0-9]+).*/\1/p' <<< "$r")
  row "start-up to \"Started\", fresh H2 database (schema, models, rule gate)" "$first s" "bare starter, fresh database $barefirst s" "$(ratio "$first" "$barefirst")" "≤ 1.50"
  row "start-up to \"Started\", restart, nothing changed (rule gate runs: $gate)" "$restart s" "bare starter restart $barere s" "$(ratio "$restart" "$barere")" "≤ 1.50, 0 gate runs"
}

# ------------------------------------------------------------------ 4. task list at scale
section_tasklist() {
  local r; r=$(BENCH_PORT=$((app_port + 7)) BENCH_JAR="$jar" bench/tasklist.sh "${BENCH_TASKLIST_REPEATS:-10}" ${BENCH_TASKS:-10000 100000})
  log "$(sed 's/^/# /' <<< "$r")"
  local n worst
  for n in ${BENCH_TASKS:-10000 100000}; do
    worst=$(awk -v n="tasks=$n" '$1 == n && $4 != "floor" {print $7, $2, $3, $4}' <<< "$r" | sort -n | tail -n 1)
    floor=$(awk -v n="tasks=$n" '$1 == n && $4 == "floor" {print $7}' <<< "$r" | sort -n | tail -n 1)
    row "task list at $n open tasks: worst p95 of the Tasklist calls (user filter call)" "${worst%% *} ms (${worst#* })" \
      "floor GET /version p95 $floor ms" "$(ratio "${worst%% *}" "$floor")" "p95 ≤ 100 ms, < 2× from 10k to 100k"
  done
}

for s in $sections; do
  "section_$s"
done
log ""
log "# load average at end: $(load); result: $out"
