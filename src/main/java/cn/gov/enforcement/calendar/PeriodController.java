package cn.gov.enforcement.calendar;

import cn.gov.enforcement.web.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/periods?from=yyyy-MM-dd&days=N&kind=CALENDAR|WORKING[&side=BUREAU|PARTY]}: the
 * statutory period calculator of the evidence API. {@code from}, {@code days} and {@code kind} are
 * required: which kind applies is the law's choice (PER-01), so the caller names it. {@code side}
 * (default {@code BUREAU}, the bureau's own time limit) only matters on a provisional year (PER-05):
 * {@code PARTY} gives the latest end any notice could produce, {@code BUREAU} the earliest.
 */
@RestController
public class PeriodController {

  private final PeriodCalculator calculator;

  public PeriodController(PeriodCalculator calculator) {
    this.calculator = calculator;
  }

  /**
   * The answer: the last day, the instant the period ends (24:00 of it, written as 00:00+08:00 of
   * the next day) and whether it depends on a day of a year whose notice is not yet entered.
   */
  public record PeriodAnswer(String lastDay, String endsAt, boolean provisional) {}

  @GetMapping("/api/periods")
  public PeriodAnswer period(@RequestParam String from, @RequestParam String days, @RequestParam String kind,
      @RequestParam(required = false) String side) {
    LocalDate trigger = parseFrom(required("from", from));
    int count = parseDays(required("days", days));
    PeriodKind periodKind = parseKind(required("kind", kind));
    PeriodSide periodSide = parseSide(side);
    Deadline deadline = calculator.days(trigger, count, periodKind, periodSide);
    return new PeriodAnswer(deadline.lastDay().toString(),
        deadline.endsAt().toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), deadline.provisional());
  }

  private static String required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "MISSING_FIELD", "缺少参数 " + name + " / missing parameter " + name);
    }
    return value.trim();
  }

  private static LocalDate parseFrom(String value) {
    return IsoDates.day(value)
        .orElseThrow(() -> invalid("from", "应为 yyyy-MM-dd 格式的有效日期", "expected a valid date yyyy-MM-dd"));
  }

  private static int parseDays(String value) {
    int days;
    try {
      days = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid("days", "应为正整数", "expected a positive whole number");
    }
    // a period of more than ten years is a typo, and would walk the calendar for a long time
    if (days < 1 || days > 3660) {
      throw invalid("days", "应为 1 至 3660 之间的整数", "expected a whole number from 1 to 3660");
    }
    return days;
  }

  private static PeriodKind parseKind(String value) {
    try {
      return PeriodKind.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw invalid("kind", "只能是 CALENDAR（自然日）或 WORKING（工作日）", "must be CALENDAR or WORKING");
    }
  }

  private static PeriodSide parseSide(String value) {
    if (value == null || value.isBlank()) {
      return PeriodSide.BUREAU;
    }
    try {
      return PeriodSide.valueOf(value.trim());
    } catch (IllegalArgumentException e) {
      throw invalid("side", "只能是 BUREAU（本机关期限）或 PARTY（当事人期间）", "must be BUREAU or PARTY");
    }
  }

  private static ApiException invalid(String name, String chinese, String english) {
    return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_FIELD",
        "参数 " + name + " 无效：" + chinese + " / invalid parameter " + name + ": " + english);
  }
}
