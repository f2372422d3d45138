package cn.gov.enforcement.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained audit log (ACC-07). Each row stores
 * {@code hash = SHA-256(prevHash | seq | time | actor | action | target | detail)}, so editing a row
 * breaks its own hash and removing one breaks the link of the next. The database refuses UPDATE and
 * DELETE (trigger); the chain is what finds a change made around the trigger (superuser, restore).
 */
@Component
public class AuditLog {

  /** The predecessor of the first row. */
  public static final String GENESIS = "0".repeat(64);

  private final JdbcTemplate jdbc;

  public AuditLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Appends in the caller's transaction when there is one, so an upload and its audit row commit
   * together. Writers are serialised in this JVM; across instances the unique prev_hash makes a
   * concurrent second writer fail instead of forking the chain.
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public synchronized AuditEntry append(String actor, AuditAction action, String target, String detail) {
    Instant now = ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.MILLIS);
    List<Object[]> last = jdbc.query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
        (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
    long seq = last.isEmpty() ? 1 : (Long) last.get(0)[0] + 1;
    String prev = last.isEmpty() ? GENESIS : (String) last.get(0)[1];
    String safeActor = actor == null ? "system" : actor;
    String hash = hash(prev, seq, now, safeActor, action.name(), target, detail);
    try {
      jdbc.update("INSERT INTO audit_log (seq, occurred_at, actor, action, target, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
          seq, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), safeActor, action.name(), target, truncate(detail), prev, hash);
    } catch (DataIntegrityViolationException e) {
      throw new IllegalStateException("audit chain moved on concurrently; retry / 审计日志并发写入，请重试", e);
    }
    return new AuditEntry(seq, now, safeActor, action.name(), target, truncate(detail), prev, hash);
  }

  public List<AuditEntry> between(Instant from, Instant to) {
    return jdbc.query("SELECT * FROM audit_log WHERE occurred_at >= ? AND occurred_at < ? ORDER BY seq",
        AuditLog::entry, OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
  }

  public List<AuditEntry> forTarget(String target) {
    return jdbc.query("SELECT * FROM audit_log WHERE target = ? ORDER BY seq", AuditLog::entry, target);
  }

  /** Walks the whole chain in order; reads in pages so a long log does not fill the heap. */
  public AuditVerification verify() {
    String expectedPrev = GENESIS;
    long expectedSeq = 1;
    long rows = 0;
    final int page = 1000;
    while (true) {
      List<AuditEntry> batch = jdbc.query("SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT " + page,
          AuditLog::entry, expectedSeq);
      for (AuditEntry entry : batch) {
        if (entry.seq() != expectedSeq) {
          return new AuditVerification(false, rows, entry.seq(), entry.hash(), expectedSeq,
              "rows " + expectedSeq + ".." + (entry.seq() - 1) + " are missing / 审计记录缺失");
        }
        if (!entry.prevHash().equals(expectedPrev)) {
          return new AuditVerification(false, rows, entry.seq(), entry.hash(), entry.seq(),
              "row " + entry.seq() + " does not follow its predecessor / 与前一条记录的链接断开");
        }
        String recomputed = hash(entry.prevHash(), entry.seq(), entry.occurredAt(), entry.actor(), entry.action(),
            entry.target(), entry.detail());
        if (!recomputed.equals(entry.hash())) {
          return new AuditVerification(false, rows, entry.seq(), entry.hash(), entry.seq(),
              "row " + entry.seq() + " was altered / 审计记录被篡改");
        }
        expectedPrev = entry.hash();
        expectedSeq++;
        rows++;
      }
      if (batch.size() < page) {
        return new AuditVerification(true, rows, expectedSeq - 1, expectedPrev, null, null);
      }
    }
  }

  static String hash(String prev, long seq, Instant at, String actor, String action, String target, String detail) {
    String content = String.join("|", prev, Long.toString(seq), Long.toString(at.toEpochMilli()), actor, action,
        String.valueOf(target), String.valueOf(detail));
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String truncate(String detail) {
    return detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000);
  }

  private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("detail"),
        rs.getString("prev_hash").trim(), rs.getString("hash").trim());
  }
}
