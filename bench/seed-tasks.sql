-- Seeds :n open user tasks by cloning, row for row, one enforcement case that the engine itself
-- started and left at its first user task (立案审查, candidate group enforcement-officer): its
-- execution, task, candidate identity link, the task authorization the engine writes for each
-- candidate group and assignee (default-user-permission-name-for-task: TASK_WORK = perms 16386),
-- its variables (with their byte arrays) and its message subscription. Every id is remapped to a
-- fresh uuid-shaped md5 of (old id, n), so the clones link to each other exactly like the original.
-- Variations, also as the engine writes them (compared with rows of a real claimed task):
--   g%10 in 0..5 enforcement-officer, 6..7 section-head (立案审批), 8 legal-affairs,
--   9 enforcement-officer + auxiliary-staff (two links, two authorization rows);
--   g%20 = 3 / 13 claimed by officer1 / officer2 (assignee column + a user authorization row);
--   g%5 = 0 a due date from 10 days ago to 19 days ahead; of those with a due date within 3 days a
--   task-local variable deadlineSoon = true (what DeadlineSweep writes);
--   creation times spread over the last 180 days.
-- History tables are not cloned: Tasklist's list and count read only ACT_RU_*.
-- Usage: psql -v n=10000 -v template=<business key of the template case> -f bench/seed-tasks.sql
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE seed_g AS
  SELECT g, CASE WHEN g % 10 < 6 OR g % 10 = 9 THEN 'enforcement-officer' WHEN g % 10 < 8 THEN 'section-head' ELSE 'legal-affairs' END AS grp,
         CASE g % 20 WHEN 3 THEN 'officer1' WHEN 13 THEN 'officer2' END AS assignee,
         CASE WHEN g % 5 = 0 THEN localtimestamp + ((g / 5) % 30 - 10) * interval '1 day' END AS due,
         localtimestamp - (g::float8 / :n) * interval '180 days' AS created
  FROM generate_series((SELECT coalesce(max(g), 0) FROM (SELECT substring(business_key_ from 7)::int AS g FROM act_ru_execution WHERE business_key_ ~ '^bench-[0-9]+$') x) + 1,
                       (SELECT coalesce(max(g), 0) FROM (SELECT substring(business_key_ from 7)::int AS g FROM act_ru_execution WHERE business_key_ ~ '^bench-[0-9]+$') x) + :n) g;
CREATE TEMP TABLE seed_t AS SELECT id_ AS pi FROM act_ru_execution WHERE business_key_ = :'template' AND parent_id_ IS NULL;

CREATE FUNCTION pg_temp.m(id text, g int) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN id IS NULL THEN NULL ELSE md5(id || ':' || g)::uuid::text END $$;

INSERT INTO act_ge_bytearray (id_, rev_, name_, deployment_id_, bytes_, generated_, tenant_id_, type_, create_time_, root_proc_inst_id_, removal_time_)
SELECT pg_temp.m(b.id_, g), b.rev_, b.name_, b.deployment_id_, b.bytes_, b.generated_, b.tenant_id_, b.type_, s.created, pg_temp.m(b.root_proc_inst_id_, g), b.removal_time_
FROM act_ge_bytearray b JOIN act_ru_variable v ON v.bytearray_id_ = b.id_ JOIN seed_t t ON v.proc_inst_id_ = t.pi CROSS JOIN seed_g s;

INSERT INTO act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, parent_id_, proc_def_id_, super_exec_, super_case_exec_, case_inst_id_, act_id_, act_inst_id_, is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_, cached_ent_state_, sequence_counter_, tenant_id_, proc_def_key_)
SELECT pg_temp.m(e.id_, g), e.rev_, pg_temp.m(e.root_proc_inst_id_, g), pg_temp.m(e.proc_inst_id_, g), 'bench-' || g, pg_temp.m(e.parent_id_, g), e.proc_def_id_, e.super_exec_, e.super_case_exec_, e.case_inst_id_,
       CASE WHEN s.grp = 'section-head' AND e.act_id_ = 'Task_ProposeFiling' THEN 'Task_ApproveFiling' ELSE e.act_id_ END, pg_temp.m(e.act_inst_id_, g), e.is_active_, e.is_concurrent_, e.is_scope_, e.is_event_scope_, e.suspension_state_, e.cached_ent_state_, e.sequence_counter_, e.tenant_id_, e.proc_def_key_
FROM act_ru_execution e JOIN seed_t t ON e.proc_inst_id_ = t.pi CROSS JOIN seed_g s;

INSERT INTO act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, case_execution_id_, case_inst_id_, case_def_id_, name_, parent_task_id_, description_, task_def_key_, owner_, assignee_, delegation_, priority_, create_time_, last_updated_, due_date_, follow_up_date_, suspension_state_, tenant_id_, task_state_)
SELECT pg_temp.m(k.id_, g), CASE WHEN s.assignee IS NULL THEN k.rev_ ELSE k.rev_ + 1 END, pg_temp.m(k.execution_id_, g), pg_temp.m(k.proc_inst_id_, g), k.proc_def_id_, k.case_execution_id_, k.case_inst_id_, k.case_def_id_,
       CASE WHEN s.grp = 'section-head' THEN '立案审批' ELSE k.name_ END, k.parent_task_id_, k.description_, CASE WHEN s.grp = 'section-head' THEN 'Task_ApproveFiling' ELSE k.task_def_key_ END,
       k.owner_, s.assignee, k.delegation_, k.priority_, s.created, CASE WHEN s.assignee IS NULL THEN k.last_updated_ ELSE s.created END, s.due, k.follow_up_date_, k.suspension_state_, k.tenant_id_, k.task_state_
FROM act_ru_task k JOIN seed_t t ON k.proc_inst_id_ = t.pi CROSS JOIN seed_g s;

INSERT INTO act_ru_identitylink (id_, rev_, group_id_, type_, user_id_, task_id_, proc_def_id_, tenant_id_)
SELECT pg_temp.m(l.id_ || x.grp, g), l.rev_, x.grp, l.type_, l.user_id_, pg_temp.m(l.task_id_, g), l.proc_def_id_, l.tenant_id_
FROM act_ru_identitylink l JOIN act_ru_task k ON l.task_id_ = k.id_ JOIN seed_t t ON k.proc_inst_id_ = t.pi CROSS JOIN seed_g s
CROSS JOIN LATERAL (SELECT s.grp UNION ALL SELECT 'auxiliary-staff' WHERE s.g % 10 = 9) x(grp);

-- the engine's per-task authorization: one row per candidate group (and one for the assignee)
INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, resource_id_, perms_, removal_time_, root_proc_inst_id_)
SELECT pg_temp.m(a.id_ || x.who, g), a.rev_, a.type_, CASE WHEN x.isuser THEN NULL ELSE x.who END, CASE WHEN x.isuser THEN x.who END, a.resource_type_, pg_temp.m(a.resource_id_, g), a.perms_, a.removal_time_, a.root_proc_inst_id_
FROM act_ru_authorization a JOIN act_ru_task k ON a.resource_type_ = 7 AND a.resource_id_ = k.id_ JOIN seed_t t ON k.proc_inst_id_ = t.pi CROSS JOIN seed_g s
CROSS JOIN LATERAL (SELECT s.grp, false UNION ALL SELECT 'auxiliary-staff', false WHERE s.g % 10 = 9 UNION ALL SELECT s.assignee, true WHERE s.assignee IS NOT NULL) x(who, isuser);

INSERT INTO act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, proc_def_id_, case_execution_id_, case_inst_id_, task_id_, batch_id_, bytearray_id_, double_, long_, text_, text2_, var_scope_, sequence_counter_, is_concurrent_local_, tenant_id_)
SELECT pg_temp.m(v.id_, g), v.rev_, v.type_, v.name_, pg_temp.m(v.execution_id_, g), pg_temp.m(v.proc_inst_id_, g), v.proc_def_id_, v.case_execution_id_, v.case_inst_id_, pg_temp.m(v.task_id_, g), v.batch_id_, pg_temp.m(v.bytearray_id_, g), v.double_, v.long_,
       CASE WHEN v.name_ = 'recordingCaseNumber' THEN 'bench-' || g ELSE v.text_ END, v.text2_, pg_temp.m(v.var_scope_, g), v.sequence_counter_, v.is_concurrent_local_, v.tenant_id_
FROM act_ru_variable v JOIN seed_t t ON v.proc_inst_id_ = t.pi CROSS JOIN seed_g s;

-- deadlineSoon as DeadlineSweep sets it: a boolean task-local variable (long_ = 1)
INSERT INTO act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, proc_def_id_, task_id_, long_, var_scope_, sequence_counter_, is_concurrent_local_)
SELECT md5('soon:' || k.id_)::uuid::text, 1, 'boolean', 'deadlineSoon', k.execution_id_, k.proc_inst_id_, k.proc_def_id_, k.id_, 1, k.id_, 1, false
FROM seed_g s JOIN act_ru_task k ON k.id_ = pg_temp.m((SELECT kk.id_ FROM act_ru_task kk JOIN seed_t t ON kk.proc_inst_id_ = t.pi), s.g)
WHERE s.due > localtimestamp AND s.due <= localtimestamp + interval '3 days';

INSERT INTO act_ru_event_subscr (id_, rev_, event_type_, event_name_, execution_id_, proc_inst_id_, activity_id_, configuration_, created_, tenant_id_)
SELECT pg_temp.m(e.id_, g), e.rev_, e.event_type_, e.event_name_, pg_temp.m(e.execution_id_, g), pg_temp.m(e.proc_inst_id_, g), e.activity_id_, e.configuration_, s.created, e.tenant_id_
FROM act_ru_event_subscr e JOIN seed_t t ON e.proc_inst_id_ = t.pi CROSS JOIN seed_g s;
COMMIT;
-- autovacuum is off on these machines: without statistics the planner guesses
ANALYZE;
