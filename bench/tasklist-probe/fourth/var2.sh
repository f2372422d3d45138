#!/bin/bash
cd "$(dirname "$0")"
P="psql -h 127.0.0.1 -U postgres -d tl4 -X -At"
semi="SELECT COUNT(*) FROM (SELECT RES.ID_ from ACT_RU_TASK RES WHERE ( 1 = 1 and RES.ASSIGNEE_ IS NULL and ( RES.ASSIGNEE_ is null and EXISTS (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( 'enforcement-officer' ) ) ) ) ) and (RES.TENANT_ID_ is null ) ) countDistinct"
orig="SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ WHERE ( 1 = 1 and RES.ASSIGNEE_ IS NULL and ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( 'enforcement-officer' ) ) ) ) and (RES.TENANT_ID_ is null ) ) countDistinct"
run() { ../../psql-timing.py tl4 5 "$1-orig=$orig" "$1-semi=$semi" "$1-orig-np|max_parallel_workers_per_gather:0=$orig" "$1-semi-np|max_parallel_workers_per_gather:0=$semi" "$1-orig-merge|enable_hashjoin:off=$orig" "$1-semi-merge|enable_hashjoin:off=$semi" "$1-semi-merge-np|enable_hashjoin:off;max_parallel_workers_per_gather:0=$semi"; }
run noidx
$P -q -c "create index tl4_il_gtt on act_ru_identitylink (group_id_, type_, task_id_)" -c "create index tl4_task_unassigned on act_ru_task (id_) include (tenant_id_) where assignee_ is null" -c "vacuum analyze act_ru_task" -c "vacuum analyze act_ru_identitylink"
run idx
$P -c "explain $semi" -c "set enable_hashjoin=off" -c "explain $semi" -c "explain $orig"
$P -q -c "drop index tl4_il_gtt" -c "drop index tl4_task_unassigned"
uptime
