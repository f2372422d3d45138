package cn.gov.enforcement.inspection;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspection ledger (检查台账) of REC-14, kept with the recordings: one row per finding, inserted
 * and audited in one transaction. There is no update or delete here, and the table refuses both
 * (trigger on H2 and PostgreSQL; on PostgreSQL the application role has no UPDATE/DELETE either): a
 * corrected finding is a later row.
 */
@Component
public class PlaybackLedger {

  private final JdbcTemplate jdbc;
  private final AuditLog auditLog;

  public PlaybackLedger(JdbcTemplate jdbc, AuditLog auditLog) {
    this.jdbc = jdbc;
    this.auditLog = auditLog;
  }

  @Transactional
  public LedgerEntry append(String recordingId, String processInstanceId, Instant periodStart, Instant periodEnd,
      String unit, String result, String problem, String checkedBy) {
    Instant now = DeviceRegister.now();
    jdbc.update("INSERT INTO recording_playback_ledger (recording_id, process_instance_id, period_start, period_end, unit,"
        + " result, problem, checked_by, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", recordingId, processInstanceId,
        Timestamp.from(periodStart), Timestamp.from(periodEnd), unit, result, problem, checkedBy, Timestamp.from(now));
    LedgerEntry entry = jdbc.query("SELECT * FROM recording_playback_ledger WHERE recording_id = ? AND process_instance_id = ?"
        + " ORDER BY seq DESC", PlaybackLedger::entry, recordingId, processInstanceId).get(0);
    auditLog.append(checkedBy, AuditAction.PLAYBACK_FINDING, recordingId, "result=" + result + " ledger=" + entry.seq()
        + " check=" + processInstanceId + (problem == null ? "" : " problem=" + problem));
    return entry;
  }

  /** The findings recorded in [from, to), oldest first. */
  public List<LedgerEntry> between(Instant from, Instant to) {
    return jdbc.query("SELECT * FROM recording_playback_ledger WHERE checked_at >= ? AND checked_at < ? ORDER BY seq",
        PlaybackLedger::entry, Timestamp.from(from), Timestamp.from(to));
  }

  public List<LedgerEntry> ofCheck(String processInstanceId) {
    return jdbc.query("SELECT * FROM recording_playback_ledger WHERE process_instance_id = ? ORDER BY seq",
        PlaybackLedger::entry, processInstanceId);
  }

  private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
    return new LedgerEntry(rs.getLong("seq"), rs.getString("recording_id"), rs.getString("process_instance_id"),
        rs.getTimestamp("period_start").toInstant(), rs.getTimestamp("period_end").toInstant(), rs.getString("unit"),
        rs.getString("result"), rs.getString("problem"), rs.getString("checked_by"),
        rs.getTimestamp("checked_at").toInstant());
  }
}
