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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * JDBC access to the evidence tables. Only INSERT and SELECT: the tables are append-only (the
 * database refuses anything else), so there is deliberately no update or delete method here.
 * A stored grant is recorded in the audit chain with its row's digest here, so no caller can forget it.
 */
@Repository
public class RecordingRepository {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final AuditLog auditLog;

  public RecordingRepository(JdbcTemplate jdbc, AuditLog auditLog) {
    this.jdbc = jdbc;
    this.auditLog = auditLog;
  }

  public void insert(Recording r) {
    jdbc.update("""
        INSERT INTO recording (id, storage_path, media_type, size_bytes, sha256, sm3, activity, case_number,
          device_number, officers, party_name, started_at, ended_at, uploaded_at, uploaded_by, upload_deadline, late,
          confidential, confidentiality_reason, metadata_status, duration_seconds, recorded_at, device_make,
          device_model, client_file_name, segments, warnings, evidence_description, recording_requirement, unit, cause)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
        r.id(), r.storagePath(), r.mediaType(), r.sizeBytes(), r.sha256(), r.sm3(), r.activity(), r.caseNumber(),
        r.deviceNumber(), String.join(",", r.officers()), r.partyName(), odt(r.startedAt()), odt(r.endedAt()),
        odt(r.uploadedAt()), r.uploadedBy(), odt(r.uploadDeadline()), r.late(), r.confidential(),
        r.confidentialityReason(), r.metadataStatus(), r.durationSeconds(), odt(r.recordedAt()), r.deviceMake(),
        r.deviceModel(), r.clientFileName(), r.segmentsJson(), json(r.warnings()), r.evidenceDescription(),
        r.recordingRequirement(), r.unit(), r.cause());
    // REC-09: one row per officer, so "recordings of officer X" is an index lookup, not a LIKE over a list
    for (String officer : r.officers()) {
      jdbc.update("INSERT INTO recording_officer (recording_id, officer) VALUES (?,?)", r.id(), officer);
    }
  }

  public Optional<Recording> find(String id) {
    return jdbc.query("SELECT * FROM recording WHERE id = ?", RecordingRepository::recording, id).stream().findFirst();
  }

  public boolean exists(String id) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM recording WHERE id = ?", Integer.class, id);
    return count != null && count > 0;
  }

  public List<Recording> list(String caseNumber) {
    if (caseNumber == null || caseNumber.isBlank()) {
      return jdbc.query("SELECT * FROM recording ORDER BY uploaded_at DESC LIMIT 1000", RecordingRepository::recording);
    }
    return jdbc.query("SELECT * FROM recording WHERE case_number = ? ORDER BY started_at", RecordingRepository::recording,
        caseNumber);
  }

  /** REC-09: the recordings matching every criterion; by start time within a case, else the newest first. */
  public List<Recording> search(RecordingSearch search) {
    Map.Entry<String, List<Object>> where = search.where().entrySet().iterator().next();
    String order = search.caseNumber() != null ? "r.started_at" : "r.started_at DESC";
    return jdbc.query("SELECT r.* FROM recording r WHERE " + where.getKey() + " ORDER BY " + order + " LIMIT "
        + RecordingSearch.LIMIT, RecordingRepository::recording, where.getValue().toArray());
  }

  /** Ids in pages, for the fixity check. */
  public List<String> idsAfter(String after, int limit) {
    return jdbc.queryForList("SELECT id FROM recording WHERE id > ? ORDER BY id LIMIT " + limit, String.class, after);
  }

  public void insertClassification(Classification c) {
    jdbc.update("""
        INSERT INTO recording_classification (recording_id, decided_at, decided_by, facts, decided_class,
          retention_class, minimum_retention, retain_until, long_term_medium, reason) VALUES (?,?,?,?,?,?,?,?,?,?)""",
        c.recordingId(), odt(c.decidedAt()), c.decidedBy(), json(c.facts()), c.decidedClass(), c.retentionClass().name(),
        c.minimumRetention(), odt(c.retainUntil()), c.longTermMedium(), c.reason());
  }

  public Optional<Classification> currentClassification(String recordingId) {
    return jdbc.query("SELECT * FROM recording_classification WHERE recording_id = ? ORDER BY seq DESC LIMIT 1",
        RecordingRepository::classification, recordingId).stream().findFirst();
  }

  public List<Classification> classifications(String recordingId) {
    return jdbc.query("SELECT * FROM recording_classification WHERE recording_id = ? ORDER BY seq",
        RecordingRepository::classification, recordingId);
  }

  /** Recordings whose current retention ended by {@code now} and that are not disposed (RET-06). */
  public List<String> dueForDisposal(Instant now) {
    return jdbc.queryForList("""
        SELECT c.recording_id FROM recording_classification c
        WHERE c.seq = (SELECT MAX(l.seq) FROM recording_classification l WHERE l.recording_id = c.recording_id)
          AND c.retain_until IS NOT NULL AND c.retain_until <= ?
          AND NOT EXISTS (SELECT 1 FROM recording_event e WHERE e.recording_id = c.recording_id AND e.kind = 'DISPOSED')
        ORDER BY c.retain_until""", String.class, odt(now));
  }

  public void insertEvent(String recordingId, String kind, Instant at, String actor, String sha256, String sm3,
      String detail) {
    jdbc.update("INSERT INTO recording_event (recording_id, kind, occurred_at, actor, sha256, sm3, detail) VALUES (?,?,?,?,?,?,?)",
        recordingId, kind, odt(at), actor, sha256, sm3, detail);
  }

  public List<RecordingEvent> events(String recordingId) {
    return jdbc.query("SELECT * FROM recording_event WHERE recording_id = ? ORDER BY seq", (rs, i) -> new RecordingEvent(
        rs.getLong("seq"), rs.getString("recording_id"), rs.getString("kind"), instant(rs, "occurred_at"),
        rs.getString("actor"), trim(rs.getString("sha256")), trim(rs.getString("sm3")), rs.getString("detail")), recordingId);
  }

  public boolean isDisposed(String recordingId) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM recording_event WHERE recording_id = ? AND kind = 'DISPOSED'",
        Integer.class, recordingId);
    return count != null && count > 0;
  }

  public void insertGrant(AccessGrant g) {
    jdbc.update("""
        INSERT INTO recording_access_grant (id, recording_id, grantee, purpose, reason, process_instance_id, approved_by,
          granted_at, expires_at) VALUES (?,?,?,?,?,?,?,?,?)""",
        g.id(), g.recordingId(), g.grantee(), g.purpose(), g.reason(), g.processInstanceId(), g.approvedBy(),
        odt(g.grantedAt()), odt(g.expiresAt()));
    // the grant row under a digest in the chain, whoever stores it (issue 11 item 6)
    auditLog.appendCovering(g.approvedBy(), AuditAction.GRANT_STORED, RowDigest.GRANT, g.id(),
        "recording=" + g.recordingId() + " grantee=" + g.grantee() + " purpose=" + g.purpose());
  }

  /**
   * The grant that lets {@code user} fetch the recording at {@code now}, the one lasting longest first.
   * Only a grant the audit chain recorded counts: a row inserted around the application grants nothing.
   */
  public Optional<AccessGrant> activeGrant(String recordingId, String user, Instant now) {
    return jdbc.query("""
        SELECT * FROM recording_access_grant g WHERE recording_id = ? AND grantee = ? AND granted_at <= ? AND expires_at > ?
          AND EXISTS (SELECT 1 FROM audit_log a WHERE a.subject_kind = 'recording_access_grant' AND a.target = g.id)
        ORDER BY expires_at DESC LIMIT 1""", (rs, i) -> new AccessGrant(rs.getString("id"), rs.getString("recording_id"),
        rs.getString("grantee"), rs.getString("purpose"), rs.getString("reason"), rs.getString("process_instance_id"),
        rs.getString("approved_by"), instant(rs, "granted_at"), instant(rs, "expires_at")), recordingId, user, odt(now), odt(now))
        .stream().findFirst();
  }

  private static Recording recording(ResultSet rs, int row) throws SQLException {
    double duration = rs.getDouble("duration_seconds");
    Double durationSeconds = rs.wasNull() ? null : duration;
    return new Recording(rs.getString("id"), rs.getString("storage_path"), rs.getString("media_type"),
        rs.getLong("size_bytes"), trim(rs.getString("sha256")), trim(rs.getString("sm3")), rs.getString("activity"),
        rs.getString("case_number"), rs.getString("device_number"), Arrays.asList(rs.getString("officers").split(",")),
        rs.getString("party_name"), instant(rs, "started_at"), instant(rs, "ended_at"), instant(rs, "uploaded_at"),
        rs.getString("uploaded_by"), instant(rs, "upload_deadline"), rs.getBoolean("late"), rs.getBoolean("confidential"),
        rs.getString("confidentiality_reason"), rs.getString("metadata_status"), durationSeconds,
        instant(rs, "recorded_at"), rs.getString("device_make"), rs.getString("device_model"),
        rs.getString("client_file_name"), rs.getString("segments"), readList(rs.getString("warnings")),
        rs.getString("evidence_description"), rs.getString("recording_requirement"), rs.getString("unit"),
        rs.getString("cause"));
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
