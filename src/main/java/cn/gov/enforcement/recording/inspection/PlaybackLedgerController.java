package cn.gov.enforcement.recording.inspection;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.recording.ActivityNames;
import cn.gov.enforcement.recording.Recording;
import cn.gov.enforcement.recording.RecordingRepository;
import cn.gov.enforcement.web.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REC-14: the inspection ledger (检查台账) — {@code GET /api/playback-ledger} (JSON) and
 * {@code GET /api/playback-ledger/export} (CSV, UTF-8 with BOM so that a spreadsheet reads the Chinese),
 * by year and optionally month (Beijing) of the finding. For those who inspect and supervise: section
 * heads, the leaders, the legal unit, supervision and the records office. Every read is audited.
 */
@RestController
@RequestMapping("/api/playback-ledger")
public class PlaybackLedgerController {

  static final Set<String> READERS = Set.of(BureauGroup.SECTION_HEAD.id(), BureauGroup.DIRECTOR.id(),
      BureauGroup.DEPUTY_DIRECTOR.id(), BureauGroup.LEGAL_AFFAIRS.id(), BureauGroup.SUPERVISOR.id(),
      BureauGroup.RECORDS_OFFICE.id());
  static final List<String> COLUMNS = List.of("序号", "检查时间", "检查人", "执法单位", "抽查期间", "音像资料编号", "案号",
      "执法活动", "录制开始", "设备编号", "执法人员", "检查结论", "存在问题");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

  private final PlaybackLedger ledger;
  private final RecordingRepository recordings;
  private final IdentityService identityService;
  private final AuditLog auditLog;

  public PlaybackLedgerController(PlaybackLedger ledger, RecordingRepository recordings, IdentityService identityService,
      AuditLog auditLog) {
    this.ledger = ledger;
    this.recordings = recordings;
    this.identityService = identityService;
    this.auditLog = auditLog;
  }

  @GetMapping
  public List<LedgerRow> list(@RequestParam(required = false) String year,
      @RequestParam(required = false) String month) {
    DeviceController.Caller caller = reader();
    List<LedgerRow> rows = entries(year, month).stream().map(this::row).toList();
    auditLog.append(caller.userId(), AuditAction.PLAYBACK_LEDGER_READ, null, "year=" + year + " month=" + month
        + " rows=" + rows.size());
    return rows;
  }

  @GetMapping("/export")
  public ResponseEntity<byte[]> export(@RequestParam(required = false) String year,
      @RequestParam(required = false) String month) {
    DeviceController.Caller caller = reader();
    List<LedgerRow> rows = entries(year, month).stream().map(this::row).toList();
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(String.join(",", COLUMNS.stream().map(PlaybackLedgerController::csv).toList())).append("\r\n");
    for (LedgerRow r : rows) {
      csv.append(String.join(",", r.cells().stream().map(v -> csv(v == null ? "" : v.toString())).toList())).append("\r\n");
    }
    auditLog.append(caller.userId(), AuditAction.PLAYBACK_LEDGER_READ, null, "export year=" + year + " month=" + month
        + " rows=" + rows.size());
    String name = "playback-ledger" + (year == null ? "" : "-" + year) + (month == null ? "" : "-" + month) + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The ledger is append-only: nothing is edited or deleted. */
  @RequestMapping(path = {"", "/export"}, method = {RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
      RequestMethod.DELETE})
  public ResponseEntity<Map<String, String>> writeOnce(HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "GET")
        .body(ApiErrors.body("METHOD_NOT_ALLOWED", "检查台账由回放检查任务写入，只能追加，不能修改或删除（" + request.getMethod()
            + "） / the ledger is written by the playback check tasks only and is append-only: " + request.getMethod()
            + " is not allowed"));
  }

  private DeviceController.Caller reader() {
    DeviceController.Caller caller = DeviceController.caller(identityService);
    if (!caller.inAny(READERS)) {
      throw InspectionRefusals.forbidden("无权查看检查台账", "you may not read the inspection ledger");
    }
    return caller;
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

  /** One row of the ledger as the API shows it; the CSV export has the same cells. */
  record LedgerRow(long seq, String checkedAt, String checkedAtText, String checkedBy, String unit, String period,
      String recordingId, String caseNumber, String activityName, String startedAtText, String deviceNumber,
      String officers, String result, String resultName, String problem, String processInstanceId) {

    /** The cells of {@link PlaybackLedgerController#COLUMNS}, in that order. */
    List<Object> cells() {
      return java.util.Arrays.asList(seq, checkedAtText, checkedBy, unit, period, recordingId, caseNumber, activityName,
          startedAtText, deviceNumber, officers, resultName, problem);
    }
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

  /** RFC 4180 quoting; a cell a spreadsheet would run as a formula (= + - @) is prefixed with an apostrophe. */
  static String csv(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
