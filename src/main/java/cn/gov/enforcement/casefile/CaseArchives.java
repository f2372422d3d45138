package cn.gov.enforcement.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register of archive packages ({@code case_archive}): INSERT and SELECT only, like the evidence tables. */
@Repository
public class CaseArchives {

  /** One stored package. */
  public record Archive(String id, String caseNumber, String processInstanceId, String storagePath, long sizeBytes,
      String sha256, String sm3, Instant createdAt, String createdBy) {}

  private final JdbcClient jdbc;

  public CaseArchives(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Archive a) {
    jdbc.sql("""
        INSERT INTO case_archive (id, case_number, process_instance_id, storage_path, size_bytes, sha256, sm3,
          created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?)""")
        .params(a.id(), a.caseNumber(), a.processInstanceId(), a.storagePath(), a.sizeBytes(), a.sha256(), a.sm3(),
            OffsetDateTime.ofInstant(a.createdAt(), ZoneOffset.UTC), a.createdBy())
        .update();
  }

  public Optional<Archive> forCase(String caseNumber) {
    return jdbc.sql("SELECT * FROM case_archive WHERE case_number = ?").param(caseNumber).query(CaseArchives::archive)
        .optional();
  }

  private static Archive archive(ResultSet rs, int row) throws SQLException {
    return new Archive(rs.getString("id"), rs.getString("case_number"), rs.getString("process_instance_id"),
        rs.getString("storage_path"), rs.getLong("size_bytes"), rs.getString("sha256").trim(),
        rs.getString("sm3").trim(), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getString("created_by"));
  }
}
