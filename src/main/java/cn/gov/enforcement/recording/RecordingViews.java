package cn.gov.enforcement.recording;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON the evidence API answers with (contract "Evidence API"); times in Asia/Shanghai. */
final class RecordingViews {

  private RecordingViews() {}

  static Map<String, Object> summary(Recording r, Classification c, boolean disposed) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", r.id());
    view.put("sha256", r.sha256());
    view.put("sm3", r.sm3());
    view.put("mediaType", r.mediaType());
    view.put("sizeBytes", r.sizeBytes());
    view.put("durationSeconds", r.durationSeconds());
    view.put("recordedAt", time(r.recordedAt()));
    view.put("retentionClass", c.retentionClass().name());
    view.put("minimumRetention", c.minimumRetention());
    view.put("retainUntil", time(c.retainUntil()));
    view.put("longTermMedium", c.longTermMedium());
    view.put("uploadDeadline", time(r.uploadDeadline()));
    view.put("late", r.late());
    view.put("warnings", r.warnings());
    view.put("warningTexts", WarningTexts.forStaff(r.warnings()));
    view.put("metadataStatus", r.metadataStatus());
    view.put("activity", r.activity());
    view.put("caseNumber", r.caseNumber());
    view.put("deviceNumber", r.deviceNumber());
    view.put("officers", r.officers());
    view.put("partyName", r.partyName());
    view.put("startedAt", time(r.startedAt()));
    view.put("endedAt", time(r.endedAt()));
    // the name the officer knows the file by (a label only), for lists such as Tasklist's 音像资料 tab
    view.put("clientFileName", r.clientFileName());
    view.put("uploadedAt", time(r.uploadedAt()));
    view.put("uploadedBy", r.uploadedBy());
    view.put("deviceMake", r.deviceMake());
    view.put("deviceModel", r.deviceModel());
    view.put("confidential", r.confidential());
    view.put("recordingRequirement", r.recordingRequirement());
    view.put("unit", r.unit());
    view.put("cause", r.cause());
    view.put("disposed", disposed);
    return view;
  }

  static Map<String, Object> detail(Recording r, List<Classification> history, List<RecordingEvent> events) {
    Classification current = history.get(history.size() - 1);
    boolean disposed = events.stream().anyMatch(e -> RecordingEvent.DISPOSED.equals(e.kind()));
    Map<String, Object> view = summary(r, current, disposed);
    view.put("storagePath", r.storagePath());
    view.put("clientFileName", r.clientFileName());
    view.put("confidentialityReason", r.confidentialityReason());
    view.put("segments", r.segmentsJson());
    view.put("evidenceDescription", r.evidenceDescription());
    view.put("facts", current.facts());
    view.put("classifications", history.stream().map(c -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("decidedAt", time(c.decidedAt()));
      row.put("decidedBy", c.decidedBy());
      row.put("decidedClass", c.decidedClass());
      row.put("retentionClass", c.retentionClass().name());
      row.put("retainUntil", time(c.retainUntil()));
      row.put("reason", c.reason());
      return row;
    }).toList());
    view.put("events", events.stream().map(e -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kind", e.kind());
      row.put("occurredAt", time(e.occurredAt()));
      row.put("actor", e.actor());
      row.put("sha256", e.sha256());
      row.put("sm3", e.sm3());
      row.put("detail", e.detail());
      return row;
    }).toList());
    return view;
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atZone(RetentionClassifier.SHANGHAI).toOffsetDateTime();
  }
}
