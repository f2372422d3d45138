package cn.gov.enforcement.casefile;

import cn.gov.enforcement.audit.AuditEntry;
import cn.gov.enforcement.recording.EvidenceReader;
import java.time.Instant;
import java.util.List;

/** The case file as read from the engine's history, the evidence store and the audit log. */
public record CaseFile(String caseNumber, String processInstanceId, String cause, String partyName, Instant startedAt,
    String startedBy, Instant endedAt, List<Step> steps, List<EvidenceReader.Item> recordings, List<Deadline> deadlines,
    List<AuditEntry> auditEntries) {

  /** One step's record: a user task (or the case's start), who did it, when, and what they entered. */
  public record Step(String process, String name, String activityId, String who, Instant startedAt, Instant endedAt,
      String outcome, List<Entry> entries) {}

  /** One field of a step: the form's Chinese label and the value as entered. */
  public record Entry(String key, String label, String value) {}

  /** A task with a due date and how it was met: {@code MET}, {@code LATE} or {@code OPEN}. */
  public record Deadline(String step, String rule, Instant due, Instant done, String status) {}
}
