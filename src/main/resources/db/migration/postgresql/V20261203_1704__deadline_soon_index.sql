-- Issue #17 item 4 (docs/benchmarks.md, "Task list at scale"): Tasklist's 即将到期 (and 本单位即将到期,
-- the deadline board's SOON mark) asks for tasks with the task-local variable deadlineSoon = true
-- (DeadlineSweep writes it: NAME_ 'deadlineSoon', TYPE_ 'boolean', LONG_ 1). The engine's
-- statement is an EXISTS per task, so PostgreSQL read every task with a due date and probed
-- ACT_IDX_VARIABLE_TASK_NAME_TYPE once for each (12,663 probes, 103 ms at 100,000 open tasks).
-- This index holds only the marked variables (2,001 of 1,002,001 rows at 100,000 tasks): the planner
-- starts from it and looks the few marked tasks up by id instead (50 ms). The task statements run
-- with custom plans (platform/TaskQueryCustomPlans), so the bound name and value match the
-- predicate. Built once at migration time, before the engine starts (no CONCURRENTLY: Flyway's
-- transaction), it reads ACT_RU_VARIABLE once.
CREATE INDEX IF NOT EXISTS enf_idx_variable_deadline_soon ON act_ru_variable (task_id_)
  WHERE name_ = 'deadlineSoon' AND type_ = 'boolean' AND long_ = 1;
