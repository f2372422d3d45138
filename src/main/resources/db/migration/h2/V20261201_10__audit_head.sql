-- Issue 11 item 5/6: the audit chain is serialised in the database and anchored (see the
-- PostgreSQL script of the same version for the reasons).
CREATE TABLE audit_head (
  id            SMALLINT    PRIMARY KEY CHECK (id = 1),
  seq           BIGINT      NOT NULL,
  hash          CHAR(64)    NOT NULL,
  chain_id      VARCHAR(36) NOT NULL,
  legacy_sealed BOOLEAN     NOT NULL
);
INSERT INTO audit_head (id, seq, hash, chain_id, legacy_sealed)
SELECT 1, COALESCE(MAX(seq), 0),
       COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), REPEAT('0', 64)),
       CAST(RANDOM_UUID() AS VARCHAR(36)), FALSE
FROM audit_log;

ALTER TABLE audit_log ADD COLUMN format SMALLINT DEFAULT 1 NOT NULL;
ALTER TABLE audit_log ADD COLUMN subject_kind VARCHAR(32);
ALTER TABLE audit_log ADD COLUMN subject_digest CHAR(64);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_kind, target);

CREATE TRIGGER recording_access_grant_append_only BEFORE UPDATE, DELETE ON recording_access_grant FOR EACH ROW CALL 'cn.gov.enforcement.audit.AppendOnlyTrigger';
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE, DELETE ON audit_head FOR EACH ROW CALL 'cn.gov.enforcement.audit.ForwardOnlyHeadTrigger';
