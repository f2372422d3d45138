package cn.gov.enforcement.calendar;

import cn.gov.enforcement.web.ApiErrors;
import cn.gov.enforcement.web.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/periods?from=yyyy-MM-dd&days=N&kind=CALENDAR|WORKING}: the statutory period
 * calculator of the evidence API. All three parameters are required: which kind applies is the
 * law's choice (PER-01), so the caller names it.
 */
@RestController
public class PeriodController {

  /** Status for a day in a year without holiday data: the request is well formed, the calendar cannot answer it. */
  static final HttpStatus YEAR_UNKNOWN_STATUS = HttpStatus.UNPROCESSABLE_ENTITY;

  private final PeriodCalculator calculator;

  public PeriodController(PeriodCalculator calculator) {
    this.calculator = calculator;
  }

  /** The answer: the last day and the instant the period ends (24:00 of it, written as 00:00+08:00 of the next day). */
  public record PeriodAnswer(String lastDay, String endsAt) {}

  @GetMapping("/api/periods")
  public PeriodAnswer period(@RequestParam String from, @RequestParam String days, @RequestParam String kind) {
    LocalDate trigger = parseFrom(required("from", from));
    int count = parseDays(required("days", days));
    PeriodKind periodKind = parseKind(required("kind", kind));
    LocalDate lastDay = calculator.lastDay(trigger, count, periodKind);
    return new PeriodAnswer(lastDay.toString(),
        calculator.endsAt(lastDay).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  @ExceptionHandler(CalendarYearUnknownException.class)
  ResponseEntity<Map<String, String>> yearUnknown(CalendarYearUnknownException e) {
    return ResponseEntity.status(YEAR_UNKNOWN_STATUS).body(ApiErrors.body("CALENDAR_YEAR_UNKNOWN", e.getMessage()));
  }

  private static String required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "MISSING_FIELD", "缺少参数 " + name + " / missing parameter " + name);
    }
    return value.trim();
  }

  private static LocalDate parseFrom(String value) {
    // four-digit years only: ISO also reads "+99999-01-01", whose periods overflow LocalDate
    if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw invalid("from", "应为 yyyy-MM-dd 格式的有效日期", "expected a valid date yyyy-MM-dd");
    }
    try {
      return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      throw invalid("from", "应为 yyyy-MM-dd 格式的有效日期", "expected a valid date yyyy-MM-dd");
    }
  }

  private static int parseDays(String value) {
    int days;
    try {
      days = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid("days", "应为正整数", "expected a positive whole number");
    }
    if (days < 1) {
      throw invalid("days", "应为正整数", "expected a positive whole number");
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

  private static ApiException invalid(String name, String chinese, String english) {
    return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_FIELD",
        "参数 " + name + " 无效：" + chinese + " / invalid parameter " + name + ": " + english);
  }
}
