-- Runs after every Flyway migrate, as the owner role (spring.flyway.user): the application's role
-- (spring.datasource.username, placeholder app_role) gets exactly what it needs and owns nothing.
-- Engine and other tables: SELECT, INSERT, UPDATE, DELETE. Write-once evidence tables: SELECT and
-- INSERT only (the triggers stay as a second wall for the owner). audit_head: SELECT and UPDATE
-- (the row lock and moving the head forward). Nothing when the application connects as the owner
-- itself (a single-role trial database).
DO $$
DECLARE
  app text := '${app_role}';
  s text := current_schema();
BEGIN
  IF app = '' OR app = current_user THEN
    RETURN;
  END IF;
  EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC', s);
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', s, app);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', s, app);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', s, app);
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON recording, recording_classification, recording_event, '
      || 'recording_access_grant, recording_officer, case_archive, audit_log, '
      || 'recording_device, recording_device_check, recording_playback_ledger FROM %I', app);
  EXECUTE format('REVOKE INSERT, DELETE, TRUNCATE ON audit_head FROM %I', app);
  EXECUTE format('REVOKE ALL ON app_schema_history FROM %I', app);
END
$$;
