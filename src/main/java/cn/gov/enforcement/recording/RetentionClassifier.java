package cn.gov.enforcement.recording;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.platform.EngineClock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the retention class of each recording (RET-05): decided at ingest, re-decided when a fact
 * is reported, and never shortened. Facts only accumulate — a fact once reported true stays true —
 * and a decision shorter than the current class keeps the current class. Each decision is a new row.
 */
@Component
public class RetentionClassifier {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final RetentionDecision decision;
  private final RecordingRepository repository;
  private final AuditLog auditLog;

  public RetentionClassifier(RetentionDecision decision, RecordingRepository repository, AuditLog auditLog) {
    this.decision = decision;
    this.repository = repository;
    this.auditLog = auditLog;
  }

  /** The first decision, made before the recording row exists (inserted with it by the ingest). */
  Classification initial(String recordingId, String activity, Instant endedAt, Map<String, Boolean> facts, String actor,
      Instant now, String reason) {
    Map<String, Boolean> all = normalised(facts);
    RetentionDecision.Outcome outcome = decision.decide(activity, all);
    return new Classification(0, recordingId, now, actor, all, outcome.retentionClass().name(), outcome.retentionClass(),
        outcome.minimumRetention(), retainUntil(endedAt, outcome.minimumRetention()), outcome.longTermMedium(), reason);
  }

  /** {@code POST /api/recordings/{id}/facts}: re-decide with the accumulated facts; the class only grows. */
  @Transactional
  public Classification redecide(Recording recording, Map<String, Boolean> reported, String actor, String reason) {
    Classification current = repository.currentClassification(recording.id()).orElseThrow();
    Map<String, Boolean> facts = new LinkedHashMap<>(current.facts());
    reported.forEach((fact, value) -> facts.merge(fact, Boolean.TRUE.equals(value), Boolean::logicalOr));
    RetentionDecision.Outcome outcome = decision.decide(recording.activity(), facts);
    Instant now = EngineClock.now().toInstant();
    Classification next;
    if (outcome.retentionClass().longerThan(current.retentionClass())) {
      next = new Classification(0, recording.id(), now, actor, facts, outcome.retentionClass().name(),
          outcome.retentionClass(), outcome.minimumRetention(), retainUntil(recording.endedAt(), outcome.minimumRetention()),
          outcome.longTermMedium(), reason);
    } else {
      // same or shorter: the current class and date stand (RET-05), the facts are still recorded
      next = new Classification(0, recording.id(), now, actor, facts, outcome.retentionClass().name(),
          current.retentionClass(), current.minimumRetention(), current.retainUntil(), current.longTermMedium(), reason);
    }
    repository.insertClassification(next);
    auditLog.append(actor, AuditAction.CLASSIFICATION, recording.id(), "facts=" + facts + " decided="
        + outcome.retentionClass() + " class " + current.retentionClass() + " -> " + next.retentionClass()
        + (reason == null ? "" : " reason=" + reason));
    return repository.currentClassification(recording.id()).orElseThrow();
  }

  /**
   * A disposal review kept the recording (records office or section head said no, or a legal hold
   * was found): it is kept for another minimum period from now, so the scan does not ask again at once.
   */
  @Transactional
  public Classification extend(Recording recording, String actor, String reason) {
    Classification current = repository.currentClassification(recording.id()).orElseThrow();
    Instant now = EngineClock.now().toInstant();
    String period = current.minimumRetention() == null ? "P1Y" : current.minimumRetention();
    Instant base = current.retainUntil() == null || current.retainUntil().isBefore(now) ? now : current.retainUntil();
    Instant until = current.retainUntil() == null ? null : base.atZone(SHANGHAI).plus(Period.parse(period)).toInstant();
    Classification next = new Classification(0, recording.id(), now, actor, current.facts(), current.decidedClass(),
        current.retentionClass(), current.minimumRetention(), until, current.longTermMedium(), reason);
    repository.insertClassification(next);
    auditLog.append(actor, AuditAction.RETENTION_EXTENDED, recording.id(), "until=" + until + " reason=" + reason);
    return next;
  }

  static Instant retainUntil(Instant endedAt, String minimumRetention) {
    if (minimumRetention == null || minimumRetention.isBlank()) {
      return null;
    }
    return endedAt.atZone(SHANGHAI).plus(Period.parse(minimumRetention)).toInstant();
  }

  static Map<String, Boolean> normalised(Map<String, Boolean> facts) {
    Map<String, Boolean> all = new LinkedHashMap<>();
    for (String fact : RetentionDecision.FACTS) {
      all.put(fact, Boolean.TRUE.equals(facts.get(fact)));
    }
    return all;
  }
}
