-- Issue 11 item 5/6: the audit chain is serialised in the database and anchored.
-- audit_head is the one row every writer locks (SELECT ... FOR UPDATE) inside its own transaction,
-- so two nodes on one database append one after the other; its seq never goes back, so a removed
-- tail is visible (the chain ends before the head) and the next append never reuses a seq.
-- chain_id names this chain in the anchor file written outside the database (AuditAnchor).
CREATE TABLE audit_head (
  id            SMALLINT    PRIMARY KEY CHECK (id = 1),
  seq           BIGINT      NOT NULL,
  hash          CHAR(64)    NOT NULL,
  chain_id      VARCHAR(36) NOT NULL,
  legacy_sealed BOOLEAN     NOT NULL
);
INSERT INTO audit_head (id, seq, hash, chain_id, legacy_sealed)
SELECT 1, COALESCE(MAX(seq), 0),
       COALESCE((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), repeat('0', 64)),
       gen_random_uuid()::text, FALSE
FROM audit_log;

-- format 1: the rows written before (hash over '|'-joined text, kept verifiable as they are);
-- format 2: length-prefixed fields, including the digest of the row the entry records (docs/evidence.md).
ALTER TABLE audit_log ADD COLUMN format SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE audit_log ADD COLUMN subject_kind VARCHAR(32);
ALTER TABLE audit_log ADD COLUMN subject_digest CHAR(64);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_kind, target);

-- Grants end by their expiry, never by an edit: append-only like the other evidence tables.
CREATE TRIGGER recording_access_grant_append_only BEFORE UPDATE OR DELETE ON recording_access_grant
  FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change();
CREATE TRIGGER recording_access_grant_no_truncate BEFORE TRUNCATE ON recording_access_grant
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change();

-- The head may only move forward and never be removed.
CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.seq < OLD.seq OR NEW.chain_id <> OLD.chain_id
     OR (OLD.legacy_sealed AND NOT NEW.legacy_sealed) THEN
    RAISE EXCEPTION 'audit_head may only move forward / 审计链头只能前移' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change();
