package cn.gov.enforcement.recording.inspection;

import cn.gov.enforcement.recording.Caller;
import cn.gov.enforcement.web.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
 * by year and optionally month (Beijing) of the finding; who may read it, and the audit of each
 * read, are {@link PlaybackChecks#ledger}'s.
 */
@RestController
@RequestMapping("/api/playback-ledger")
public class PlaybackLedgerController {

  static final List<String> COLUMNS = List.of("序号", "检查时间", "检查人", "执法单位", "抽查期间", "音像资料编号", "案号",
      "执法活动", "录制开始", "设备编号", "执法人员", "检查结论", "存在问题");
  private final PlaybackChecks checks;
  private final IdentityService identityService;

  public PlaybackLedgerController(PlaybackChecks checks, IdentityService identityService) {
    this.checks = checks;
    this.identityService = identityService;
  }

  @GetMapping
  public List<PlaybackChecks.LedgerRow> list(@RequestParam(required = false) String year,
      @RequestParam(required = false) String month) {
    return checks.ledger(Caller.current(identityService), year, month, false);
  }

  @GetMapping("/export")
  public ResponseEntity<byte[]> export(@RequestParam(required = false) String year,
      @RequestParam(required = false) String month) {
    List<PlaybackChecks.LedgerRow> rows = checks.ledger(Caller.current(identityService), year, month, true);
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(String.join(",", COLUMNS.stream().map(PlaybackLedgerController::csv).toList())).append("\r\n");
    for (PlaybackChecks.LedgerRow r : rows) {
      csv.append(String.join(",", r.cells().stream().map(v -> csv(v == null ? "" : v.toString())).toList())).append("\r\n");
    }
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

  /** RFC 4180 quoting; a cell a spreadsheet would run as a formula (= + - @) is prefixed with an apostrophe. */
  static String csv(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
