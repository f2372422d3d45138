package cn.gov.enforcement.deadlines;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/deadlines/board}: the deadline board of the Cockpit plugin 期限看板 (read-only).
 * Authenticated like every {@code /api} call (HTTP Basic, or for a GET the webapps' session).
 */
@RestController
public class DeadlineBoardController {

  private final DeadlineBoard board;

  public DeadlineBoardController(DeadlineBoard board) {
    this.board = board;
  }

  @GetMapping("/api/deadlines/board")
  public DeadlineBoard.Board board() {
    return board.read();
  }
}
