package cn.gov.enforcement.audit;

import java.time.Instant;

/**
 * One row of the audit log as stored and as {@code GET /api/audit} shows it. {@code format} says how
 * {@code hash} is computed (1: the first '|'-joined form, 2: length-prefixed, docs/evidence.md);
 * {@code subjectKind}/{@code subjectDigest} name the write-once row the entry recorded and its digest.
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String target, String detail,
    String prevHash, String hash, int format, String subjectKind, String subjectDigest) {}
