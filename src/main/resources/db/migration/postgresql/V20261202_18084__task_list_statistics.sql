-- Issue #17 item 4 (docs/benchmarks.md, "Task list at scale"): the engine's task query joins the
-- authorizations with AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*') and filters them on
-- A.PERMS_ & 2 = 2 (READ) or A.PERMS_ & 64 = 64 (READ_TASK). PostgreSQL has no statistics for a
-- bit-and expression and guesses 0.5 % of the rows match each, so with one authorization row per
-- task and candidate group (default-user-permission-name-for-task) it estimates ~40 rows where
-- there are thousands and joins them by a nested loop over all of them for every task: tasks ×
-- authorizations rows (45 M at 10,000 tasks, 10 s per page). With statistics on the expressions
-- the estimate is right and the planner looks each task's authorizations up in the existing index
-- ACT_IDX_AUTH_RESOURCE_ID instead (~100× faster at 10,000 tasks, linear in the tasks).
-- PostgreSQL 14+ (expression statistics); H2 plans differently and has no CREATE STATISTICS.
CREATE STATISTICS IF NOT EXISTS act_stat_auth_perms ON (perms_ & 2), (perms_ & 64), resource_type_ FROM act_ru_authorization;
-- the statistics exist only after an ANALYZE: autovacuum does it in production, this one at once
ANALYZE act_ru_authorization;
