#!/bin/bash
# the group-queue count (officer1, as TaskQuerySemiJoin sends it) on the kept database tl4 (setup.sh): without
# and with the two trial indexes, vacuumed and with the visibility map cleared, under four planner settings
cd "$(dirname "$0")"
P="psql -h 127.0.0.1 -U postgres -d tl4 -X -At"
semi=$(cat group-count.sql)
run() { ../../psql-timing.py tl4 7 "$1-def=$semi" "$1-rpc|random_page_cost:1.1=$semi" "$1-rpc-np|random_page_cost:1.1;max_parallel_workers_per_gather:0=$semi" "$1-np|max_parallel_workers_per_gather:0=$semi"; }
$P -q -c "vacuum analyze act_ru_task" -c "vacuum analyze act_ru_identitylink"
run noidx-vac
$P -q -c "create index tl5_il_gtt on act_ru_identitylink (group_id_, type_, task_id_)" -c "create index tl5_task_unassigned on act_ru_task (id_) include (tenant_id_) where assignee_ is null" -c "vacuum analyze act_ru_task" -c "vacuum analyze act_ru_identitylink"
run idx-vac
$P -c "set random_page_cost=1.1" -c "explain $semi"
$P -c "set random_page_cost=1.1" -c "set max_parallel_workers_per_gather=0" -c "explain $semi"
$P -q -c "create extension if not exists pg_visibility" -c "select pg_truncate_visibility_map('act_ru_task')" -c "select pg_truncate_visibility_map('act_ru_identitylink')" -c "analyze act_ru_task" -c "analyze act_ru_identitylink"
run idx-vmclear
$P -c "set random_page_cost=1.1" -c "explain $semi"
$P -q -c "drop index tl5_il_gtt" -c "drop index tl5_task_unassigned" -c "vacuum analyze act_ru_task" -c "vacuum analyze act_ru_identitylink"
uptime
