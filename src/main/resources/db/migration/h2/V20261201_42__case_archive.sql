-- REC-13: the archive package of a case (案卷归档包), produced when the records office completes
-- Task_ArchiveCase: one ZIP per case, stored write-once; this row is its register (where it lies,
-- its size and digests). Append-only like the evidence tables: the database refuses UPDATE and DELETE.
CREATE TABLE case_archive (
  id                  VARCHAR(36)  PRIMARY KEY,
  case_number         VARCHAR(128) NOT NULL UNIQUE,
  process_instance_id VARCHAR(64)  NOT NULL,
  storage_path        VARCHAR(512) NOT NULL UNIQUE,
  size_bytes          BIGINT       NOT NULL,
  sha256              CHAR(64)     NOT NULL,
  sm3                 CHAR(64)     NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by          VARCHAR(64)  NOT NULL
);
CREATE TRIGGER case_archive_append_only BEFORE UPDATE, DELETE ON case_archive FOR EACH ROW CALL 'cn.gov.enforcement.audit.AppendOnlyTrigger';
