package cn.gov.enforcement.audit;

/** What the audit log records (ACC-07): every access, export, upload, classification change and disposal. */
public enum AuditAction {
  UPLOAD,
  UPLOAD_REJECTED,
  LIST,
  VIEW_METADATA,
  DOWNLOAD,
  ACCESS_REFUSED,
  ACCESS_GRANTED,
  ACCESS_REJECTED,
  CLASSIFICATION,
  FIXITY_MISMATCH,
  DISPOSAL,
  DISPOSAL_BLOCKED,
  RETENTION_EXTENDED,
  AUDIT_READ,
  /** A stored access grant, its row's digest in the entry (issue 11: grants under a digest). */
  GRANT_STORED,
  /** A row stored before rows were digested, sealed into the chain once at the upgrade. */
  SEALED,
  // calendar (PER-05): a year's holiday notice entered, and each deadline it moved (old → new)
  CALENDAR_NOTICE,
  DEADLINE_RECOMPUTED,
  // deadlines (PER-07): a task warned ahead of its due date, and a task marked overdue (超期)
  DEADLINE_WARNING,
  DEADLINE_OVERDUE,
  // case file (REC-13, issue 15): a case file read, an archive package stored (its digests in the entry)
  CASE_FILE_READ,
  CASE_ARCHIVED,
  // inspection (REC-14, REC-15): a device registered, a pre-duty check, a playback finding, the ledger exported
  DEVICE_REGISTERED,
  DEVICE_CHECKED,
  PLAYBACK_SAMPLE,
  PLAYBACK_FINDING,
  PLAYBACK_LEDGER_READ,
  // rules (issue 16): a rule table version deployed from the browser editor, with what changed
  RULE_DEPLOYED
}
