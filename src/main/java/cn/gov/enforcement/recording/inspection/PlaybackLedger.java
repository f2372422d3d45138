package cn.gov.enforcement.recording.inspection;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import static cn.gov.enforcement.recording.inspection.DeviceRegister.utc;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspection ledger (检查台账) of REC-14, kept with the recordings: one row per finding, inserted
 * and audited in one transaction. There is no update or delete here, and the table refuses both
 * (trigger on H2 and PostgreSQL; on PostgreSQL the application role has no UPDATE/DELETE either): a
 * corrected finding is a later row. Rows map by name onto {@link LedgerEntry}; instants are bound as
 * UTC offsets like the device register's.
 */
@Component
public class PlaybackLedger {

  private final JdbcClient jdbc;
  private final AuditLog auditLog;

  public PlaybackLedger(JdbcClient jdbc, AuditLog auditLog) {
    this.jdbc = jdbc;
    this.auditLog = auditLog;
  }

  @Transactional
  public LedgerEntry append(String recordingId, String processInstanceId, Instant periodStart, Instant periodEnd,
      String unit, String result, String problem, String checkedBy) {
    Instant now = DeviceRegister.now();
    jdbc.sql("INSERT INTO recording_playback_ledger (recording_id, process_instance_id, period_start, period_end, unit,"
        + " result, problem, checked_by, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(recordingId, processInstanceId, utc(periodStart), utc(periodEnd), unit, result, problem, checkedBy, utc(now))
        .update();
    LedgerEntry entry = jdbc.sql("SELECT * FROM recording_playback_ledger WHERE recording_id = ? AND process_instance_id = ?"
        + " ORDER BY seq DESC").params(recordingId, processInstanceId).query(LedgerEntry.class).list().get(0);
    auditLog.append(checkedBy, AuditAction.PLAYBACK_FINDING, recordingId, "result=" + result + " ledger=" + entry.seq()
        + " check=" + processInstanceId + (problem == null ? "" : " problem=" + problem));
    return entry;
  }

  /** The findings recorded in [from, to), oldest first. */
  public List<LedgerEntry> between(Instant from, Instant to) {
    return jdbc.sql("SELECT * FROM recording_playback_ledger WHERE checked_at >= ? AND checked_at < ? ORDER BY seq")
        .params(utc(from), utc(to)).query(LedgerEntry.class).list();
  }

  public List<LedgerEntry> ofCheck(String processInstanceId) {
    return jdbc.sql("SELECT * FROM recording_playback_ledger WHERE process_instance_id = ? ORDER BY seq")
        .param(processInstanceId).query(LedgerEntry.class).list();
  }
}
