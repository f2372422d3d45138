-- REC-09: recordings are classified by unit, device, officers, time, party and cause, and found by
-- year/month/day and by case. Two new labels on the (append-only) recording row, one row per officer
-- (so an officer's recordings are an index lookup, not a LIKE over the comma list), and the indexes
-- the search uses: each filter column leads an index, started_at second for the date range and order.
-- The labels are not part of the row digest of the audit chain (RowDigest.RECORDING keeps its columns,
-- so the digests of rows stored before this migration stay valid); the row itself cannot change.
ALTER TABLE recording ADD COLUMN unit VARCHAR(128);
ALTER TABLE recording ADD COLUMN cause VARCHAR(256);

CREATE TABLE recording_officer (
  recording_id VARCHAR(36) NOT NULL REFERENCES recording (id),
  officer      VARCHAR(64) NOT NULL,
  PRIMARY KEY (officer, recording_id)
);

-- the officers of recordings stored before this migration
INSERT INTO recording_officer (recording_id, officer)
WITH RECURSIVE split (id, officer, rest) AS (
  SELECT id, CAST(NULL AS VARCHAR(512)), CAST(officers || ',' AS VARCHAR(513)) FROM recording
  UNION ALL
  SELECT id, CAST(TRIM(SUBSTRING(rest FROM 1 FOR POSITION(',' IN rest) - 1)) AS VARCHAR(512)),
    CAST(SUBSTRING(rest FROM POSITION(',' IN rest) + 1) AS VARCHAR(513))
  FROM split WHERE rest <> ''
)
SELECT DISTINCT id, officer FROM split WHERE officer IS NOT NULL AND officer <> '';

CREATE INDEX recording_started_idx ON recording (started_at);
CREATE INDEX recording_case_started_idx ON recording (case_number, started_at);
CREATE INDEX recording_device_started_idx ON recording (device_number, started_at);
CREATE INDEX recording_unit_started_idx ON recording (unit, started_at);
CREATE INDEX recording_party_started_idx ON recording (party_name, started_at);
CREATE INDEX recording_cause_started_idx ON recording (cause, started_at);

CREATE TRIGGER recording_officer_append_only BEFORE UPDATE OR DELETE ON recording_officer
  FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change();
CREATE TRIGGER recording_officer_no_truncate BEFORE TRUNCATE ON recording_officer
  FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change();
