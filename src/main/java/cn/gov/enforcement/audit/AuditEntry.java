package cn.gov.enforcement.audit;

import java.time.Instant;

/** One row of the audit log as stored and as {@code GET /api/audit} shows it. */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String target, String detail,
    String prevHash, String hash) {}
