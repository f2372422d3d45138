package cn.gov.enforcement.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The digest of one write-once row (a recording, an access grant) as the audit entry that records its
 * creation carries it: table name, then each column's name and canonical value in a fixed order
 * ({@link CanonicalDigest}). Values are read back from the database, so what is digested is what is
 * stored: timestamps as ISO-8601 UTC instants ({@link java.time.Instant#toString()}), booleans as
 * {@code true}/{@code false}, numbers in Java's decimal form, text as stored (fixed-width digests trimmed).
 */
public enum RowDigest {

  RECORDING("recording", List.of("id", "storage_path", "media_type", "size_bytes", "sha256", "sm3", "activity",
      "case_number", "device_number", "officers", "party_name", "started_at", "ended_at", "uploaded_at", "uploaded_by",
      "upload_deadline", "late", "confidential", "confidentiality_reason", "metadata_status", "duration_seconds",
      "recorded_at", "device_make", "device_model", "client_file_name", "segments", "warnings", "evidence_description",
      "recording_requirement")),
  GRANT("recording_access_grant", List.of("id", "recording_id", "grantee", "purpose", "reason", "process_instance_id",
      "approved_by", "granted_at", "expires_at"));

  private static final Set<String> TIMES = Set.of("started_at", "ended_at", "uploaded_at", "upload_deadline",
      "recorded_at", "granted_at", "expires_at");
  private static final Set<String> BOOLEANS = Set.of("late", "confidential");
  private static final Set<String> TRIMMED = Set.of("sha256", "sm3");

  private final String table;
  private final List<String> columns;

  RowDigest(String table, List<String> columns) {
    this.table = table;
    this.columns = columns;
  }

  /** The value of {@code audit_log.subject_kind}. */
  public String kind() {
    return table;
  }

  public String table() {
    return table;
  }

  public static Optional<RowDigest> ofKind(String kind) {
    for (RowDigest digest : values()) {
      if (digest.table.equals(kind)) {
        return Optional.of(digest);
      }
    }
    return Optional.empty();
  }

  /** The digest of the row with this id as stored now; empty when there is no such row. */
  public Optional<String> of(JdbcClient jdbc, String id) {
    return jdbc.sql("SELECT * FROM " + table + " WHERE id = ?").param(id).query((rs, i) -> digest(rs)).optional();
  }

  private String digest(ResultSet rs) throws SQLException {
    CanonicalDigest digest = CanonicalDigest.start().field(table);
    for (String column : columns) {
      digest.field(column).field(value(rs, column));
    }
    return digest.hex();
  }

  private static String value(ResultSet rs, String column) throws SQLException {
    if (TIMES.contains(column)) {
      OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
      return time == null ? null : time.toInstant().toString();
    }
    if (BOOLEANS.contains(column)) {
      boolean value = rs.getBoolean(column);
      return rs.wasNull() ? null : Boolean.toString(value);
    }
    if ("size_bytes".equals(column)) {
      long value = rs.getLong(column);
      return rs.wasNull() ? null : Long.toString(value);
    }
    if ("duration_seconds".equals(column)) {
      double value = rs.getDouble(column);
      return rs.wasNull() ? null : Double.toString(value);
    }
    String text = rs.getString(column);
    return text != null && TRIMMED.contains(column) ? text.trim() : text;
  }
}
