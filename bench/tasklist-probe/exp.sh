#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of officer1's six task statements on tl2inv under variants
set -uo pipefail
db=tl2inv
plans=${1:?plans file}
out=${2:-/tmp/tl2/exp.txt}
psql_db() { psql -h 127.0.0.1 -U postgres -d "$db" -X "$@"; }
run() { # label, extra settings
  local label=$1 pre=${2:-}
  grep '^-- ' "$plans" | sed 's/^-- //' | while IFS= read -r sql; do
    echo "== $label :: ${sql:0:160}"
    for i in 1 2 3; do psql_db -At -c "SET plan_cache_mode=force_custom_plan; SET jit=off; $pre EXPLAIN (ANALYZE, BUFFERS) $sql" > /tmp/tl2/last.txt; done
    cat /tmp/tl2/last.txt
  done
}
{
${SKIP_BASE:+:} run base
psql_db -c "VACUUM (ANALYZE) act_ru_task, act_ru_identitylink, act_ru_variable, act_ru_authorization"
run vacuum
psql_db -c "CREATE INDEX IF NOT EXISTS tl2_ilink_group_type_task ON act_ru_identitylink (group_id_, type_, task_id_)" \
  -c "CREATE INDEX IF NOT EXISTS tl2_task_assignee_tenant_id ON act_ru_task (assignee_, tenant_id_, id_)" \
  -c "CREATE INDEX IF NOT EXISTS tl2_var_deadline_soon ON act_ru_variable (task_id_) WHERE name_ = 'deadlineSoon' AND type_ = 'boolean' AND long_ = 1" \
  -c "VACUUM (ANALYZE) act_ru_task, act_ru_identitylink, act_ru_variable"
run indexes
run indexes-wm16 "SET work_mem='16MB';"
run indexes-nopar "SET max_parallel_workers_per_gather=0;"
} > "$out" 2>&1
# the other statements of one HAL list (officer1 本组待办, 3rd call), before and after authorization indexes
{
python3 "$(dirname "$0")/../inline-sql.py" < /tmp/tl2/seg-officer1-本组待办-list-3.log | grep -v -i "ACT_RU_TASK RES" | sort -u > /tmp/tl2/hal-other.sql
run2() { while IFS= read -r sql; do echo "== $1 :: ${sql:0:200}"; for i in 1 2 3; do psql_db -At -c "EXPLAIN (ANALYZE, BUFFERS) $sql" > /tmp/tl2/last.txt; done; cat /tmp/tl2/last.txt; done < /tmp/tl2/hal-other.sql; }
run2 hal-base
psql_db -c "CREATE INDEX IF NOT EXISTS tl2_auth_group_rtype ON act_ru_authorization (group_id_, resource_type_, type_)" -c "CREATE INDEX IF NOT EXISTS tl2_auth_user_rtype ON act_ru_authorization (user_id_, resource_type_, type_)" -c "ANALYZE act_ru_authorization"
run2 hal-authidx
} > /tmp/tl2/exp-hal.txt 2>&1
