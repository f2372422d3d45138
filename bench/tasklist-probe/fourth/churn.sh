#!/bin/bash
# How much of the visibility map a little churn clears: on tl4 with the two trial indexes, after VACUUM, 2 % of the
# tasks updated in place (as a claim or a due-date change writes them; a completion deletes, a new task inserts into
# freed space, which clears the same bits), then the share of all-visible pages and the index-only plan's time.
cd "$(dirname "$0")"
P="psql -h 127.0.0.1 -U postgres -d tl4 -X -At"
semi=$(cat group-count.sql)
$P -q -c "create extension if not exists pg_visibility" -c "create index tl5_il_gtt on act_ru_identitylink (group_id_, type_, task_id_)" -c "create index tl5_task_unassigned on act_ru_task (id_) include (tenant_id_) where assignee_ is null" -c "vacuum analyze act_ru_task" -c "vacuum analyze act_ru_identitylink"
for share in 0 0.005 0.02; do
  $P -q -c "update act_ru_task set rev_ = rev_ where random() < $share"
  echo "after updating $share of the tasks: all-visible pages $($P -c "select all_visible || ' of ' || (select relpages from pg_class where relname = 'act_ru_task') from pg_visibility_map_summary('act_ru_task')")"
  ../../psql-timing.py tl4 7 "churn$share-def=$semi" "churn$share-rpc-np|random_page_cost:1.1;max_parallel_workers_per_gather:0=$semi"
  $P -q -c "vacuum analyze act_ru_task"
done
$P -q -c "drop index tl5_il_gtt" -c "drop index tl5_task_unassigned" -c "vacuum analyze act_ru_task" -c "vacuum analyze act_ru_identitylink"
