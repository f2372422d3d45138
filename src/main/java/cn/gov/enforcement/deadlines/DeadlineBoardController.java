package cn.gov.enforcement.deadlines;

import cn.gov.enforcement.deadlines.DeadlineBoard.Dimension;
import cn.gov.enforcement.deadlines.DeadlineBoard.Selection;
import cn.gov.enforcement.deadlines.DeadlineBoard.Status;
import cn.gov.enforcement.web.ApiException;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/deadlines/board}: the deadline board of the Cockpit plugin 期限看板 (read-only).
 * Authenticated like every {@code /api} call (HTTP Basic, or for a GET the webapps' session).
 * Parameters select the list, never the counts: {@code status} (OVERDUE, SOON, OPEN or PROVISIONAL),
 * {@code dimension} (procedure, unit or officer) with its {@code id} ("" for none / unassigned), and
 * {@code limit} (0–1000 entries, default 200; the dashboard asks for 0).
 */
@RestController
public class DeadlineBoardController {

  private final DeadlineBoard board;

  public DeadlineBoardController(DeadlineBoard board) {
    this.board = board;
  }

  @GetMapping("/api/deadlines/board")
  public DeadlineBoard.Board board(@RequestParam(required = false) String status,
      @RequestParam(required = false) String dimension, @RequestParam(required = false) String id,
      @RequestParam(required = false) Integer limit) {
    return board.read(selection(status, dimension, id, limit));
  }

  static Selection selection(String status, String dimension, String id, Integer limit) {
    String wanted = status == null ? "" : status.toUpperCase(Locale.ROOT);
    boolean provisional = "PROVISIONAL".equals(wanted);
    Status chosen = wanted.isEmpty() || provisional ? null : parse(Status.class, wanted,
        "status", "状态", "应为 OVERDUE、SOON、OPEN 或 PROVISIONAL", "must be OVERDUE, SOON, OPEN or PROVISIONAL");
    Dimension by = dimension == null || dimension.isEmpty() ? null : parse(Dimension.class, dimension.toUpperCase(Locale.ROOT),
        "dimension", "统计口径", "应为 procedure、unit 或 officer", "must be procedure, unit or officer");
    int n = limit == null ? Selection.DEFAULT_LIMIT : limit;
    if (n < 0 || n > Selection.MAX_LIMIT) {
      throw ApiException.invalidField("limit", "条数", "应在 0 到 " + Selection.MAX_LIMIT + " 之间",
          "must be between 0 and " + Selection.MAX_LIMIT);
    }
    return new Selection(chosen, provisional, by, by == null ? null : (id == null ? "" : id), n);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String label, String chinese,
      String english) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidField(field, label, chinese, english);
    }
  }
}
