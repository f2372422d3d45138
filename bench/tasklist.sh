#!/usr/bin/env bash
# Task list at scale (issue #17 item 4): a throwaway PostgreSQL database, the application jar
# (postgres + demo profiles: the demo users, password "demo"), one enforcement case started over
# REST as the template, cloned by bench/seed-tasks.sql to 10,000 and then 100,000 open tasks, and
# bench/tasklist-calls.sh timing the calls Tasklist makes for officer1, head1 and supervisor1.
# Usage: bench/tasklist.sh [repeats] [sizes...]   (needs ./mvnw -DskipTests package; PostgreSQL on
# 127.0.0.1:5432, user postgres). Result: bench/results/tasklist-<timestamp>.txt
# BENCH_JAR=<jar> measures another build; BENCH_LABEL=<label> names the run. After the calls of each
# size, the statements of one more 本组待办 / 我的待办 / 即将到期 count and page of officer1 (taken
# from the MyBatis debug log of the two task statements, bench/inline-sql.py) are run under
# EXPLAIN (ANALYZE, BUFFERS) into bench/results/tasklist-<timestamp>-plans-<size>.txt, and the
# deadline board (GET /api/deadlines/board) is timed for supervisor1 and officer1.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-30}; shift || true
sizes=${*:-10000 100000}
port=${BENCH_PORT:-28517}
base=http://127.0.0.1:$port
db=bench_tasks_$$
jar=${BENCH_JAR:-$(ls target/enforcement-workflow-*.jar | grep -v original | head -n 1)}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/tasklist-$stamp${BENCH_LABEL:+-$BENCH_LABEL}.txt
mkdir -p bench/results
psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -X "$@"; }
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
log=$(mktemp)
DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres DB_PASSWORD= ADMIN_USER=admin ADMIN_PASSWORD=demo \
  SECURE_COOKIE=false RECORDING_STORAGE_ROOT=$(mktemp -d) \
  java -jar "$jar" --spring.profiles.active=demo,postgres --server.port="$port" \
    --logging.level.org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria=DEBUG \
    --logging.level.org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria=DEBUG > "$log" 2>&1 &
app=$!
cleanup() { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"; }
trap cleanup EXIT
# EXPLAIN ANALYZE of officer1's task statements, as the engine sent them (see the usage above)
plans() {
  local from list_body='{"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"sorting":[{"sortBy":"created","sortOrder":"desc"}]}'
  from=$(($(wc -l < "$log") + 1))
  local filters; filters=$(curl -sf -u admin:demo "$base/engine-rest/filter?resourceType=Task")
  for name in 本组待办 我的待办 即将到期; do
    local id; id=$(python3 -c 'import json,sys; print(next(f["id"] for f in json.load(sys.stdin) if f["name"]==sys.argv[1]))' "$name" <<<"$filters")
    curl -sf -o /dev/null -u officer1:demo -X POST -H 'Content-Type: application/json' "$base/engine-rest/filter/$id/count" -d '{}'
    curl -sf -o /dev/null -u officer1:demo -X POST -H 'Content-Type: application/json' -H 'Accept: application/json' \
      "$base/engine-rest/filter/$id/list?firstResult=0&maxResults=15" -d "$list_body"
  done
  tail -n +"$from" "$log" | python3 bench/inline-sql.py | while IFS= read -r sql; do
    echo "-- $sql"
    psql_db -At -c "EXPLAIN (ANALYZE, BUFFERS) $sql"
    echo
  done > "bench/results/tasklist-$stamp${BENCH_LABEL:+-$BENCH_LABEL}-plans-$1.txt"
}
# The limit of a queue count in the same run: the group counts as the application sends them (after
# platform/TaskQuerySemiJoin) next to counting the unassigned tasks of ACT_RU_TASK alone, with no join and no
# filter on groups. Any count of the group queue reads at least those rows (PostgreSQL counts through the heap:
# an index-only count needs an all-visible table, which a task table that churns is not), so the second line is
# the floor below which no index or rewrite takes the count ("Fifth round" in docs/benchmarks.md).
sql_floor() {
  local group_count="SELECT COUNT ( * ) FROM ( SELECT RES.ID_ from ACT_RU_TASK RES WHERE ( 1 = 1 and RES.ASSIGNEE_ IS NULL and ( RES.ASSIGNEE_ is null and EXISTS ( select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( '%s' ) ) ) ) ) and ( RES.TENANT_ID_ is null ) ) countDistinct"
  # shellcheck disable=SC2059
  bench/psql-timing.py "$db" "$repeats" \
    "table-unassigned-count=SELECT COUNT(*) FROM ACT_RU_TASK RES WHERE RES.ASSIGNEE_ IS NULL AND RES.TENANT_ID_ IS NULL" \
    "officer1-group-count=$(printf "$group_count" enforcement-officer)" \
    "head1-group-count=$(printf "$group_count" section-head)" | sed "s/^/tasks=$1 sql /"
}
for _ in $(seq 1 600); do curl -sf "$base/actuator/health" >/dev/null && break; kill -0 $app || { cat "$log"; exit 1; }; sleep 1; done
# the template: a real case, started as officer1, waiting at 立案审查 (candidate group enforcement-officer)
curl -sf -u officer1:demo -H 'Content-Type: application/json' -X POST "$base/engine-rest/process-definition/key/enforcement-case/start" \
  -d '{"businessKey":"bench-template","variables":{"source":{"value":"INSPECTION"},"partyName":{"value":"某某建材有限公司"},"partyType":{"value":"LEGAL_PERSON"},"partyAddress":{"value":"云和县某路 1 号"},"cause":{"value":"未经许可擅自施工"},"clueDescription":{"value":"巡查发现工地未办理施工许可"}}}' >/dev/null
{
  echo "# jar $jar (${BENCH_LABEL:-})"
  echo "# $(date -u +%FT%TZ) $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg), $(psql -h 127.0.0.1 -U postgres -Atc 'show server_version')"
  echo "# label user filter call n p50_ms p95_ms (floor = GET /engine-rest/version, same user, same run)"
  have=1
  for n in $sizes; do
    s=$(date +%s.%N)
    psql_db -q -v n=$((n - have)) -v template=bench-template -f bench/seed-tasks.sql
    echo "# seeded $n open tasks in $(echo "$(date +%s.%N) - $s" | bc) s (incl. ANALYZE); $(psql_db -Atc 'select count(*) from act_ru_task') tasks, $(psql_db -Atc 'select count(*) from act_ru_authorization where resource_type_ = 7') task authorizations"
    have=$n
    bench/tasklist-calls.sh "$base" "tasks=$n" "$repeats" officer1 head1 supervisor1
    bench/tasklist-board.sh "$base" "tasks=$n" 5 ${BENCH_BOARD_USERS:-supervisor1 officer1}
    plans "$n"
    sql_floor "$n"
    echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  done
} | tee "$out"
