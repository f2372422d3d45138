package cn.gov.enforcement.audit;

import cn.gov.enforcement.platform.EngineClock;
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
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only, hash-chained audit log (ACC-07).
 *
 * <p>Serialised in the database, not in the JVM: every append locks the single {@code audit_head}
 * row ({@code SELECT … FOR UPDATE}) inside the writer's own transaction and moves it on in that
 * transaction, so the next writer — on this node or another one on the same database — waits until
 * the first has committed or rolled back, and always builds on a committed predecessor. (A JVM lock
 * released before the commit let a second writer read the old end of the chain: issue 11 item 5.)
 * Callers append as the last statement of their transaction, so the lock is held only for the commit.
 *
 * <p>Each row of format 2 stores {@code hash = SHA-256} over the length-prefixed fields
 * ({@link CanonicalDigest}) {@code "audit-v2", prevHash, seq, epochMillis, actor, action, target,
 * detail, subjectKind, subjectDigest}; {@code subjectDigest} is the {@link RowDigest} of the
 * recording or grant the entry recorded. Rows of format 1 (written before) keep their '|'-joined
 * hash and are verified as they are. The database refuses UPDATE and DELETE (triggers); the chain,
 * the head row and the anchor file ({@link AuditAnchor}) find what was done around the triggers.
 */
@Component
public class AuditLog {

  /** The predecessor of the first row. */
  public static final String GENESIS = "0".repeat(64);
  static final int FORMAT = 2;

  private final JdbcClient jdbc;
  private final AuditAnchor anchor;

  public AuditLog(JdbcClient jdbc, AuditAnchor anchor) {
    this.jdbc = jdbc;
    this.anchor = anchor;
  }

  private record Head(long seq, String hash, String chainId, boolean legacySealed) {}

  /** Appends in the caller's transaction when there is one, so an upload and its audit row commit together. */
  @Transactional(propagation = Propagation.REQUIRED)
  public AuditEntry append(String actor, AuditAction action, String target, String detail) {
    return write(actor, action, target, detail, null, null);
  }

  /**
   * Appends an entry that records the creation of a write-once row and carries its digest, read back
   * from the database in this transaction: a later edit of the row no longer matches (verify).
   */
  @Transactional(propagation = Propagation.REQUIRED)
  public AuditEntry appendCovering(String actor, AuditAction action, RowDigest kind, String id, String detail) {
    String digest = kind.of(jdbc, id).orElseThrow(() -> new IllegalStateException(kind.table() + " " + id + " not stored"));
    return write(actor, action, id, detail, kind.kind(), digest);
  }

  private AuditEntry write(String actor, AuditAction action, String target, String detail, String subjectKind,
      String subjectDigest) {
    Head head = lockHead();
    Instant now = EngineClock.now().toInstant().truncatedTo(ChronoUnit.MILLIS);
    long seq = head.seq() + 1;
    String safeActor = actor == null ? "system" : actor;
    String safeDetail = truncate(detail);
    String hash = hash(head.hash(), seq, now, safeActor, action.name(), target, safeDetail, subjectKind, subjectDigest);
    jdbc.sql("""
        INSERT INTO audit_log (seq, occurred_at, actor, action, target, detail, prev_hash, hash, format, subject_kind,
          subject_digest) VALUES (?,?,?,?,?,?,?,?,?,?,?)""")
        .params(seq, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), safeActor, action.name(), target, safeDetail,
            head.hash(), hash, FORMAT, subjectKind, subjectDigest)
        .update();
    jdbc.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1").params(seq, hash).update();
    afterCommit(() -> anchor.advance(head.chainId(), seq, hash));
    return new AuditEntry(seq, now, safeActor, action.name(), target, safeDetail, head.hash(), hash, FORMAT,
        subjectKind, subjectDigest);
  }

  private Head lockHead() {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("audit appends need a transaction (the head row is locked until its commit)");
    }
    return jdbc.sql("SELECT seq, hash, chain_id, legacy_sealed FROM audit_head WHERE id = 1 FOR UPDATE")
        .query(AuditLog::headRow).single();
  }

  private Head head() {
    return jdbc.sql("SELECT seq, hash, chain_id, legacy_sealed FROM audit_head WHERE id = 1").query(AuditLog::headRow)
        .single();
  }

  private static Head headRow(ResultSet rs, int row) throws SQLException {
    return new Head(rs.getLong(1), rs.getString(2).trim(), rs.getString(3), rs.getBoolean(4));
  }

  private static void afterCommit(Runnable action) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
  }

  /**
   * Once, at the first start after the upgrade that introduced row digests: every recording and grant
   * stored before gets a SEALED entry with its digest, so from then on every row is covered. Later
   * rows without a covering entry are reported by verify, never sealed.
   */
  @Transactional
  public int sealLegacyRows() {
    Head head = lockHead();
    if (head.legacySealed()) {
      return 0;
    }
    int sealed = 0;
    for (RowDigest kind : RowDigest.values()) {
      for (String id : uncovered(kind, Integer.MAX_VALUE)) {
        appendCovering("system", AuditAction.SEALED, kind, id, "stored before rows were digested; sealed at upgrade");
        sealed++;
      }
    }
    jdbc.sql("UPDATE audit_head SET legacy_sealed = TRUE WHERE id = 1").update();
    return sealed;
  }

  private List<String> uncovered(RowDigest kind, int limit) {
    return jdbc.sql("SELECT t.id FROM " + kind.table() + " t WHERE NOT EXISTS (SELECT 1 FROM audit_log a "
        + "WHERE a.subject_kind = ? AND a.target = t.id) ORDER BY t.id"
        + (limit == Integer.MAX_VALUE ? "" : " LIMIT " + limit)).param(kind.kind()).query(String.class).list();
  }

  public List<AuditEntry> between(Instant from, Instant to) {
    return jdbc.sql("SELECT * FROM audit_log WHERE occurred_at >= ? AND occurred_at < ? ORDER BY seq")
        .params(OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
        .query(AuditLog::entry).list();
  }

  public List<AuditEntry> forTarget(String target) {
    return jdbc.sql("SELECT * FROM audit_log WHERE target = ? ORDER BY seq").param(target).query(AuditLog::entry).list();
  }

  /**
   * Walks the chain up to the head in order (in pages, so a long log does not fill the heap): seq
   * without gaps, each link, each hash, each covered row's digest; then the head (a removed tail),
   * the anchor outside the database (a removed tail with the head rewound) and rows no entry covers.
   */
  public AuditVerification verify() {
    Head head = head();
    Optional<AuditAnchor.Anchor> anchored = anchor.read(head.chainId());
    Long anchorSeq = anchored.map(AuditAnchor.Anchor::seq).orElse(null);
    String expectedPrev = GENESIS;
    long expectedSeq = 1;
    long rows = 0;
    final int page = 1000;
    while (expectedSeq <= head.seq()) {
      List<AuditEntry> batch = jdbc.sql("SELECT * FROM audit_log WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT " + page)
          .params(expectedSeq, head.seq()).query(AuditLog::entry).list();
      for (AuditEntry entry : batch) {
        if (entry.seq() != expectedSeq) {
          return broken(head, anchorSeq, rows, expectedSeq, "rows " + expectedSeq + ".." + (entry.seq() - 1)
              + " are missing / 审计记录缺失", null);
        }
        if (!entry.prevHash().equals(expectedPrev)) {
          return broken(head, anchorSeq, rows, entry.seq(), "row " + entry.seq()
              + " does not follow its predecessor / 与前一条记录的链接断开", null);
        }
        if (!recompute(entry).equals(entry.hash())) {
          return broken(head, anchorSeq, rows, entry.seq(), "row " + entry.seq() + " was altered / 审计记录被篡改", null);
        }
        if (entry.subjectKind() != null) {
          RowDigest kind = RowDigest.ofKind(entry.subjectKind()).orElse(null);
          Optional<String> now = kind == null ? Optional.empty() : kind.of(jdbc, entry.target());
          String subject = entry.subjectKind() + ":" + entry.target();
          if (now.isEmpty()) {
            return broken(head, anchorSeq, rows, entry.seq(), subject + " recorded by row " + entry.seq()
                + " is missing / 审计记录所记载的数据行缺失", subject);
          }
          if (!now.get().equals(entry.subjectDigest())) {
            return broken(head, anchorSeq, rows, entry.seq(), subject + " was altered after row " + entry.seq()
                + " recorded it / 数据行在记载后被篡改", subject);
          }
        }
        if (anchorSeq != null && entry.seq() == anchorSeq && !entry.hash().equals(anchored.get().hash())) {
          return broken(head, anchorSeq, rows, entry.seq(), "row " + entry.seq()
              + " differs from the anchor kept outside the database / 与库外锚点不符", null);
        }
        expectedPrev = entry.hash();
        expectedSeq++;
        rows++;
      }
      if (batch.isEmpty()) {
        break;
      }
    }
    if (expectedSeq - 1 < head.seq()) {
      return broken(head, anchorSeq, rows, expectedSeq, "rows " + expectedSeq + ".." + head.seq()
          + " at the end are missing (the head says " + head.seq() + ") / 审计日志末尾记录被删除", null);
    }
    if (!expectedPrev.equals(head.hash())) {
      return broken(head, anchorSeq, rows, head.seq(), "the head does not match row " + head.seq()
          + " / 链头与最后一条记录不符", null);
    }
    if (anchorSeq != null && anchorSeq > head.seq()) {
      return broken(head, anchorSeq, rows, head.seq() + 1, "rows " + (head.seq() + 1) + ".." + anchorSeq
          + " at the end are missing: the anchor outside the database says the chain had reached " + anchorSeq
          + " / 库外锚点显示审计日志末尾记录被删除", null);
    }
    for (RowDigest kind : RowDigest.values()) {
      List<String> uncovered = uncovered(kind, 1);
      if (!uncovered.isEmpty()) {
        String subject = kind.kind() + ":" + uncovered.get(0);
        return broken(head, anchorSeq, rows, null, subject + " is not covered by any audit entry (stored around the "
            + "application) / 数据行未被审计链记载", subject);
      }
    }
    return new AuditVerification(true, rows, head.seq(), head.hash(), null, null, null, head.chainId(), anchorSeq);
  }

  private static AuditVerification broken(Head head, Long anchorSeq, long rows, Long seq, String problem, String subject) {
    return new AuditVerification(false, rows, head.seq(), head.hash(), seq, problem, subject, head.chainId(), anchorSeq);
  }

  private static String recompute(AuditEntry e) {
    return e.format() == 1
        ? hashV1(e.prevHash(), e.seq(), e.occurredAt(), e.actor(), e.action(), e.target(), e.detail())
        : hash(e.prevHash(), e.seq(), e.occurredAt(), e.actor(), e.action(), e.target(), e.detail(), e.subjectKind(),
            e.subjectDigest());
  }

  /** Format 2 (docs/evidence.md "Hash input"). */
  static String hash(String prev, long seq, Instant at, String actor, String action, String target, String detail,
      String subjectKind, String subjectDigest) {
    return CanonicalDigest.start().field("audit-v2").field(prev).field(seq).field(at.toEpochMilli()).field(actor)
        .field(action).field(target).field(detail).field(subjectKind).field(subjectDigest).hex();
  }

  /** Format 1, the rows written before format 2: kept only to verify them. */
  static String hashV1(String prev, long seq, Instant at, String actor, String action, String target, String detail) {
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
    String digest = rs.getString("subject_digest");
    return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("detail"),
        rs.getString("prev_hash").trim(), rs.getString("hash").trim(), rs.getInt("format"),
        rs.getString("subject_kind"), digest == null ? null : digest.trim());
  }
}
