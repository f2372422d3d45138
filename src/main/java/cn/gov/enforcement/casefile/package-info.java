/**
 * The case file (案卷, issue 15 item 5, REC-01, REC-13): one readable view of an enforcement case —
 * every step's record (who, when, what was decided, on which basis), the recordings with their
 * digests, the deadlines and how they were met, the case's audit entries — and, when the records
 * office completes {@code Task_ArchiveCase}, the write-once archive package (ZIP: the record as PDF
 * and JSON, the recordings as references with digests, a manifest with SHA-256 and SM3 of every item).
 *
 * <p>It reads across capabilities, so it is its own package: the engine's history through the public
 * {@code HistoryService} / {@code RepositoryService}, the evidence store only through
 * {@link cn.gov.enforcement.recording.EvidenceReader} (the recording package's public read service),
 * and the audit log through {@code audit}. It never calls another capability's beans otherwise.
 */
package cn.gov.enforcement.casefile;
