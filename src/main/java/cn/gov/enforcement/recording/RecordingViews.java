package cn.gov.enforcement.recording;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The JSON the evidence API answers with (contract "Evidence API"): one record per answer, its
 * components in the order the JSON has always had; times in Asia/Shanghai.
 */
final class RecordingViews {

  private RecordingViews() {}

  /** A recording in a list, and the {@code 201} of an upload. */
  record Summary(String id, String sha256, String sm3, String mediaType, long sizeBytes, Double durationSeconds,
      OffsetDateTime recordedAt, String retentionClass, String minimumRetention, OffsetDateTime retainUntil,
      boolean longTermMedium, OffsetDateTime uploadDeadline, boolean late, List<String> warnings,
      List<String> warningTexts, String metadataStatus, String activity, String caseNumber, String deviceNumber,
      List<String> officers, String partyName, OffsetDateTime startedAt, OffsetDateTime endedAt,
      // the name the officer knows the file by (a label only), for lists such as Tasklist's 音像资料 tab
      String clientFileName, OffsetDateTime uploadedAt, String uploadedBy, String deviceMake, String deviceModel,
      boolean confidential, String recordingRequirement, String unit, String cause, boolean disposed) {}

  /** {@code GET /api/recordings/{id}}: the summary, the rest of the row, the classification history and events. */
  record Detail(@JsonUnwrapped Summary summary, String storagePath, String confidentialityReason, String segments,
      String evidenceDescription, Map<String, Boolean> facts, List<ClassificationRow> classifications,
      List<EventRow> events) {}

  /** {@code POST /api/recordings/{id}/facts}: the summary with the facts and the class they decided. */
  record FactsAnswer(@JsonUnwrapped Summary summary, Map<String, Boolean> facts, String decidedClass) {}

  record ClassificationRow(OffsetDateTime decidedAt, String decidedBy, String decidedClass, String retentionClass,
      OffsetDateTime retainUntil, String reason) {}

  record EventRow(String kind, OffsetDateTime occurredAt, String actor, String sha256, String sm3, String detail) {}

  static Summary summary(Recording r, Classification c, boolean disposed) {
    return new Summary(r.id(), r.sha256(), r.sm3(), r.mediaType(), r.sizeBytes(), r.durationSeconds(),
        time(r.recordedAt()), c.retentionClass().name(), c.minimumRetention(), time(c.retainUntil()),
        c.longTermMedium(), time(r.uploadDeadline()), r.late(), r.warnings(), WarningTexts.forStaff(r.warnings()),
        r.metadataStatus(), r.activity(), r.caseNumber(), r.deviceNumber(), r.officers(), r.partyName(),
        time(r.startedAt()), time(r.endedAt()), r.clientFileName(), time(r.uploadedAt()), r.uploadedBy(),
        r.deviceMake(), r.deviceModel(), r.confidential(), r.recordingRequirement(), r.unit(), r.cause(), disposed);
  }

  static Detail detail(Recording r, List<Classification> history, List<RecordingEvent> events) {
    Classification current = history.get(history.size() - 1);
    boolean disposed = events.stream().anyMatch(e -> RecordingEvent.DISPOSED.equals(e.kind()));
    return new Detail(summary(r, current, disposed), r.storagePath(), r.confidentialityReason(), r.segmentsJson(),
        r.evidenceDescription(), current.facts(),
        history.stream().map(c -> new ClassificationRow(time(c.decidedAt()), c.decidedBy(), c.decidedClass(),
            c.retentionClass().name(), time(c.retainUntil()), c.reason())).toList(),
        events.stream().map(e -> new EventRow(e.kind(), time(e.occurredAt()), e.actor(), e.sha256(), e.sm3(),
            e.detail())).toList());
  }

  static FactsAnswer facts(Recording r, Classification current, boolean disposed) {
    return new FactsAnswer(summary(r, current, disposed), current.facts(), current.decidedClass());
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atZone(RetentionClassifier.SHANGHAI).toOffsetDateTime();
  }
}
