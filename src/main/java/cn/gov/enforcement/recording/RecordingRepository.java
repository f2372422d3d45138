package cn.gov.enforcement.recording;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.audit.RowDigest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * JDBC access to the evidence tables. Only INSERT and SELECT: the tables are append-only (the
 * database refuses anything else), so there is deliberately no update or delete method here.
 * A stored grant is recorded in the audit chain with its row's digest here, so no caller can forget it.
 * Rows whose columns are the record's components (grants, events) are mapped by name; a recording
 * and a classification carry lists and JSON in columns, so they keep a mapper of their own.
 */
@Repository
public class RecordingRepository {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;
  private final AuditLog auditLog;

  public RecordingRepository(JdbcClient jdbc, AuditLog auditLog) {
    this.jdbc = jdbc;
    this.auditLog = auditLog;
  }

  public void insert(Recording r) {
    jdbc.sql("""
        INSERT INTO recording (id, storage_path, media_type, size_bytes, sha256, sm3, activity, case_number,
          device_number, officers, party_name, started_at, ended_at, uploaded_at, uploaded_by, upload_deadline, late,
          confidential, confidentiality_reason, metadata_status, duration_seconds, recorded_at, device_make,
          device_model, client_file_name, segments, warnings, evidence_description, recording_requirement, unit, cause)
        VALUES (:id, :storagePath, :mediaType, :sizeBytes, :sha256, :sm3, :activity, :caseNumber, :deviceNumber,
          :officers, :partyName, :startedAt, :endedAt, :uploadedAt, :uploadedBy, :uploadDeadline, :late, :confidential,
          :confidentialityReason, :metadataStatus, :durationSeconds, :recordedAt, :deviceMake, :deviceModel,
          :clientFileName, :segments, :warnings, :evidenceDescription, :recordingRequirement, :unit, :cause)""")
        .param("id", r.id()).param("storagePath", r.storagePath()).param("mediaType", r.mediaType())
        .param("sizeBytes", r.sizeBytes()).param("sha256", r.sha256()).param("sm3", r.sm3())
        .param("activity", r.activity()).param("caseNumber", r.caseNumber()).param("deviceNumber", r.deviceNumber())
        .param("officers", String.join(",", r.officers())).param("partyName", r.partyName())
        .param("startedAt", odt(r.startedAt())).param("endedAt", odt(r.endedAt()))
        .param("uploadedAt", odt(r.uploadedAt())).param("uploadedBy", r.uploadedBy())
        .param("uploadDeadline", odt(r.uploadDeadline())).param("late", r.late())
        .param("confidential", r.confidential()).param("confidentialityReason", r.confidentialityReason())
        .param("metadataStatus", r.metadataStatus()).param("durationSeconds", r.durationSeconds())
        .param("recordedAt", odt(r.recordedAt())).param("deviceMake", r.deviceMake())
        .param("deviceModel", r.deviceModel()).param("clientFileName", r.clientFileName())
        .param("segments", r.segmentsJson()).param("warnings", json(r.warnings()))
        .param("evidenceDescription", r.evidenceDescription()).param("recordingRequirement", r.recordingRequirement())
        .param("unit", r.unit()).param("cause", r.cause())
        .update();
    // REC-09: one row per officer, so "recordings of officer X" is an index lookup, not a LIKE over a list
    for (String officer : r.officers()) {
      jdbc.sql("INSERT INTO recording_officer (recording_id, officer) VALUES (?, ?)").params(r.id(), officer).update();
    }
  }

  public Optional<Recording> find(String id) {
    return jdbc.sql("SELECT * FROM recording WHERE id = ?").param(id).query(RecordingRepository::recording).optional();
  }

  public boolean exists(String id) {
    return jdbc.sql("SELECT COUNT(*) FROM recording WHERE id = ?").param(id).query(Long.class).single() > 0;
  }

  public List<Recording> list(String caseNumber) {
    if (caseNumber == null || caseNumber.isBlank()) {
      return jdbc.sql("SELECT * FROM recording ORDER BY uploaded_at DESC LIMIT 1000")
          .query(RecordingRepository::recording).list();
    }
    return jdbc.sql("SELECT * FROM recording WHERE case_number = ? ORDER BY started_at").param(caseNumber)
        .query(RecordingRepository::recording).list();
  }

  /** REC-09: the recordings matching every criterion; by start time within a case, else the newest first. */
  public List<Recording> search(RecordingSearch search) {
    Map.Entry<String, List<Object>> where = search.where().entrySet().iterator().next();
    String order = search.caseNumber() != null ? "r.started_at" : "r.started_at DESC";
    return jdbc.sql("SELECT r.* FROM recording r WHERE " + where.getKey() + " ORDER BY " + order + " LIMIT "
        + RecordingSearch.LIMIT).params(where.getValue()).query(RecordingRepository::recording).list();
  }

  /** Ids in pages, for the fixity check. */
  public List<String> idsAfter(String after, int limit) {
    return jdbc.sql("SELECT id FROM recording WHERE id > ? ORDER BY id LIMIT " + limit).param(after)
        .query(String.class).list();
  }

  public void insertClassification(Classification c) {
    jdbc.sql("""
        INSERT INTO recording_classification (recording_id, decided_at, decided_by, facts, decided_class,
          retention_class, minimum_retention, retain_until, long_term_medium, reason) VALUES (?,?,?,?,?,?,?,?,?,?)""")
        .params(c.recordingId(), odt(c.decidedAt()), c.decidedBy(), json(c.facts()), c.decidedClass(),
            c.retentionClass().name(), c.minimumRetention(), odt(c.retainUntil()), c.longTermMedium(), c.reason())
        .update();
  }

  public Optional<Classification> currentClassification(String recordingId) {
    return jdbc.sql("SELECT * FROM recording_classification WHERE recording_id = ? ORDER BY seq DESC LIMIT 1")
        .param(recordingId).query(RecordingRepository::classification).optional();
  }

  public List<Classification> classifications(String recordingId) {
    return jdbc.sql("SELECT * FROM recording_classification WHERE recording_id = ? ORDER BY seq").param(recordingId)
        .query(RecordingRepository::classification).list();
  }

  /** Recordings whose current retention ended by {@code now} and that are not disposed (RET-06). */
  public List<String> dueForDisposal(Instant now) {
    return jdbc.sql("""
        SELECT c.recording_id FROM recording_classification c
        WHERE c.seq = (SELECT MAX(l.seq) FROM recording_classification l WHERE l.recording_id = c.recording_id)
          AND c.retain_until IS NOT NULL AND c.retain_until <= ?
          AND NOT EXISTS (SELECT 1 FROM recording_event e WHERE e.recording_id = c.recording_id AND e.kind = 'DISPOSED')
        ORDER BY c.retain_until""").param(odt(now)).query(String.class).list();
  }

  public void insertEvent(String recordingId, String kind, Instant at, String actor, String sha256, String sm3,
      String detail) {
    jdbc.sql("INSERT INTO recording_event (recording_id, kind, occurred_at, actor, sha256, sm3, detail) VALUES (?,?,?,?,?,?,?)")
        .params(recordingId, kind, odt(at), actor, sha256, sm3, detail).update();
  }

  public List<RecordingEvent> events(String recordingId) {
    return jdbc.sql("SELECT * FROM recording_event WHERE recording_id = ? ORDER BY seq").param(recordingId)
        .query(RecordingEvent.class).list();
  }

  public boolean isDisposed(String recordingId) {
    return jdbc.sql("SELECT COUNT(*) FROM recording_event WHERE recording_id = ? AND kind = 'DISPOSED'")
        .param(recordingId).query(Long.class).single() > 0;
  }

  public void insertGrant(AccessGrant g) {
    jdbc.sql("""
        INSERT INTO recording_access_grant (id, recording_id, grantee, purpose, reason, process_instance_id, approved_by,
          granted_at, expires_at) VALUES (?,?,?,?,?,?,?,?,?)""")
        .params(g.id(), g.recordingId(), g.grantee(), g.purpose(), g.reason(), g.processInstanceId(), g.approvedBy(),
            odt(g.grantedAt()), odt(g.expiresAt()))
        .update();
    // the grant row under a digest in the chain, whoever stores it (issue 11 item 6)
    auditLog.appendCovering(g.approvedBy(), AuditAction.GRANT_STORED, RowDigest.GRANT, g.id(),
        "recording=" + g.recordingId() + " grantee=" + g.grantee() + " purpose=" + g.purpose());
  }

  /**
   * The grant that lets {@code user} fetch the recording at {@code now}, the one lasting longest first.
   * Only a grant the audit chain recorded counts: a row inserted around the application grants nothing.
   */
  public Optional<AccessGrant> activeGrant(String recordingId, String user, Instant now) {
    return jdbc.sql("""
        SELECT * FROM recording_access_grant g WHERE recording_id = ? AND grantee = ? AND granted_at <= ? AND expires_at > ?
          AND EXISTS (SELECT 1 FROM audit_log a WHERE a.subject_kind = 'recording_access_grant' AND a.target = g.id)
        ORDER BY expires_at DESC LIMIT 1""").params(recordingId, user, odt(now), odt(now))
        .query(AccessGrant.class).optional();
  }

  private static Recording recording(ResultSet rs, int row) throws SQLException {
    double duration = rs.getDouble("duration_seconds");
    Double durationSeconds = rs.wasNull() ? null : duration;
    return Recording.builder()
        .id(rs.getString("id"))
        .storagePath(rs.getString("storage_path"))
        .mediaType(rs.getString("media_type"))
        .sizeBytes(rs.getLong("size_bytes"))
        .sha256(trim(rs.getString("sha256")))
        .sm3(trim(rs.getString("sm3")))
        .activity(rs.getString("activity"))
        .caseNumber(rs.getString("case_number"))
        .deviceNumber(rs.getString("device_number"))
        .officers(Arrays.asList(rs.getString("officers").split(",")))
        .partyName(rs.getString("party_name"))
        .startedAt(instant(rs, "started_at"))
        .endedAt(instant(rs, "ended_at"))
        .uploadedAt(instant(rs, "uploaded_at"))
        .uploadedBy(rs.getString("uploaded_by"))
        .uploadDeadline(instant(rs, "upload_deadline"))
        .late(rs.getBoolean("late"))
        .confidential(rs.getBoolean("confidential"))
        .confidentialityReason(rs.getString("confidentiality_reason"))
        .metadataStatus(rs.getString("metadata_status"))
        .durationSeconds(durationSeconds)
        .recordedAt(instant(rs, "recorded_at"))
        .deviceMake(rs.getString("device_make"))
        .deviceModel(rs.getString("device_model"))
        .clientFileName(rs.getString("client_file_name"))
        .segmentsJson(rs.getString("segments"))
        .warnings(readList(rs.getString("warnings")))
        .evidenceDescription(rs.getString("evidence_description"))
        .recordingRequirement(rs.getString("recording_requirement"))
        .unit(rs.getString("unit"))
        .cause(rs.getString("cause"))
        .build();
  }

  private static Classification classification(ResultSet rs, int row) throws SQLException {
    return new Classification(rs.getLong("seq"), rs.getString("recording_id"), instant(rs, "decided_at"),
        rs.getString("decided_by"), readFacts(rs.getString("facts")), rs.getString("decided_class"),
        RetentionClass.valueOf(rs.getString("retention_class")), rs.getString("minimum_retention"),
        instant(rs, "retain_until"), rs.getBoolean("long_term_medium"), rs.getString("reason"));
  }

  static OffsetDateTime odt(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> readList(String json) {
    try {
      return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Boolean> readFacts(String json) {
    try {
      return JSON.readValue(json, new TypeReference<java.util.LinkedHashMap<String, Boolean>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
