package cn.gov.enforcement.recording.inspection;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.recording.AccessGrant;
import cn.gov.enforcement.recording.AccessPurpose;
import cn.gov.enforcement.recording.ActivityNames;
import cn.gov.enforcement.recording.Caller;
import cn.gov.enforcement.recording.Recording;
import cn.gov.enforcement.recording.RecordingRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Service;

/**
 * REC-14: the findings of the playback spot checks, written by Task_PlaybackCheck of
 * recording-playback-check ({@link PlaybackFindingRecord}) and read as the inspection ledger (检查台账)
 * through {@code /api/playback-ledger} by those who inspect and supervise: section heads, the leaders,
 * the legal unit, supervision and the records office. Every read is audited.
 */
@Service
public class PlaybackChecks {

  static final Set<String> READERS = Set.of(BureauGroup.SECTION_HEAD.id(), BureauGroup.DIRECTOR.id(),
      BureauGroup.DEPUTY_DIRECTOR.id(), BureauGroup.LEGAL_AFFAIRS.id(), BureauGroup.SUPERVISOR.id(),
      BureauGroup.RECORDS_OFFICE.id());
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

  /** One row of the ledger as the API shows it; the CSV export has the same cells. */
  public record LedgerRow(long seq, String checkedAt, String checkedAtText, String checkedBy, String unit, String period,
      String recordingId, String caseNumber, String activityName, String startedAtText, String deviceNumber,
      String officers, String result, String resultName, String problem, String processInstanceId) {

    /** The cells of {@link PlaybackLedgerController#COLUMNS}, in that order. */
    List<Object> cells() {
      return java.util.Arrays.asList(seq, checkedAtText, checkedBy, unit, period, recordingId, caseNumber, activityName,
          startedAtText, deviceNumber, officers, resultName, problem);
    }
  }

  /** How long the section head who takes a playback task may view its recording. */
  static final Period VALIDITY = Period.ofDays(7);

  private final PlaybackLedger ledger;
  private final RecordingRepository recordings;
  private final AuditLog auditLog;

  public PlaybackChecks(PlaybackLedger ledger, RecordingRepository recordings, AuditLog auditLog) {
    this.ledger = ledger;
    this.recordings = recordings;
    this.auditLog = auditLog;
  }

  /**
   * Task_PlaybackCheck on assignment: the assignee may play back its recording for {@link #VALIDITY}
   * (ACC-03, purpose INTERNAL), unless the recording is confidential (ACC-06: the director's to
   * approve) or an unexpired grant already covers them.
   */
  public void grantPlayback(String recordingId, String assignee, String processInstanceId) {
    Recording recording = recordings.find(recordingId).orElse(null);
    if (recording == null || recording.confidential()) {
      return;
    }
    Instant now = DeviceRegister.now();
    if (recordings.activeGrant(recordingId, assignee, now).isPresent()) {
      return;
    }
    Instant expires = now.atZone(DeviceRegister.BEIJING).plus(VALIDITY).toInstant();
    recordings.insertGrant(new AccessGrant(UUID.randomUUID().toString(), recordingId, assignee,
        AccessPurpose.INTERNAL.name(), "回放检查（抽查） / playback spot check", processInstanceId,
        RecordingPlaybackCheckModel.PROCESS_KEY, now, expires));
    auditLog.append(assignee, AuditAction.ACCESS_GRANTED, recordingId, "grantee=" + assignee
        + " purpose=INTERNAL playback spot check expires=" + expires + " check=" + processInstanceId);
  }

  /**
   * Task_PlaybackCheck on complete: the finding of {@code checkedBy} goes into the ledger, in the
   * completing transaction. The result is PASS 合格 or PROBLEM 存在问题; a problem is described, a pass has none.
   */
  public LedgerEntry record(String recordingId, String processInstanceId, Instant periodStart, Instant periodEnd,
      Object result, Object problem, String checkedBy) {
    if (!LedgerEntry.PASS.equals(result) && !LedgerEntry.PROBLEM.equals(result)) {
      throw new NotValidException("检查结论须为“合格”或“存在问题” / playbackResult must be PASS or PROBLEM");
    }
    String problemText = problem == null || problem.toString().isBlank() ? null : problem.toString().strip();
    if (LedgerEntry.PROBLEM.equals(result) && problemText == null) {
      throw new NotValidException("结论为“存在问题”时须写明问题 / describe the problem (playbackProblem)");
    }
    if (LedgerEntry.PASS.equals(result)) {
      problemText = null;
    }
    Recording recording = recordings.find(recordingId).orElseThrow();
    return ledger.append(recordingId, processInstanceId, periodStart, periodEnd,
        recording.unit() == null ? PlaybackRules.NO_UNIT : recording.unit(), result.toString(), problemText, checkedBy);
  }

  /**
   * The ledger of a year and optionally a month (Beijing) of the finding, or all of it; the read is
   * audited ({@code export}: as the CSV download).
   */
  public List<LedgerRow> ledger(Caller caller, String year, String month, boolean export) {
    if (!caller.inAny(READERS)) {
      throw InspectionRefusals.forbidden("无权查看检查台账", "you may not read the inspection ledger");
    }
    List<LedgerRow> rows = entries(year, month).stream().map(this::row).toList();
    auditLog.append(caller.userId(), AuditAction.PLAYBACK_LEDGER_READ, null, (export ? "export " : "") + "year=" + year
        + " month=" + month + " rows=" + rows.size());
    return rows;
  }

  private List<LedgerEntry> entries(String year, String month) {
    if (year == null || year.isBlank()) {
      if (month != null && !month.isBlank()) {
        throw InspectionRefusals.missing("year");
      }
      return ledger.between(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z"));
    }
    int y = number("year", year, 2000, 2100);
    if (month == null || month.isBlank()) {
      return ledger.between(LocalDate.of(y, 1, 1).atStartOfDay(DeviceRegister.BEIJING).toInstant(),
          LocalDate.of(y + 1, 1, 1).atStartOfDay(DeviceRegister.BEIJING).toInstant());
    }
    int m = number("month", month, 1, 12);
    LocalDate first = LocalDate.of(y, m, 1);
    return ledger.between(first.atStartOfDay(DeviceRegister.BEIJING).toInstant(),
        first.plusMonths(1).atStartOfDay(DeviceRegister.BEIJING).toInstant());
  }

  private static int number(String field, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw InspectionRefusals.invalid(field, "须为 " + min + "–" + max + " 的整数", "must be a whole number " + min + "–" + max);
  }

  private LedgerRow row(LedgerEntry e) {
    Optional<Recording> recording = recordings.find(e.recordingId());
    return new LedgerRow(e.seq(), e.checkedAt().toString(), TIME.format(e.checkedAt()), e.checkedBy(), e.unit(),
        DAY.format(e.periodStart()) + " 至 " + DAY.format(e.periodEnd().minusSeconds(1)), e.recordingId(),
        recording.map(Recording::caseNumber).orElse(null), recording.map(r -> ActivityNames.of(r.activity())).orElse(null),
        recording.map(r -> TIME.format(r.startedAt())).orElse(null), recording.map(Recording::deviceNumber).orElse(null),
        recording.map(r -> String.join("、", r.officers())).orElse(null), e.result(), e.resultName(), e.problem(),
        e.processInstanceId());
  }
}
