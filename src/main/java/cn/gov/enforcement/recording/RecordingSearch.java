package cn.gov.enforcement.recording;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REC-09: what a search of {@code GET /api/recordings} asks for. Every given criterion must hold (AND);
 * the text labels match exactly except {@code partyName} and {@code cause}, which match a part
 * (people type 「建筑」 for 「某某建筑公司」). {@code year} / {@code month} / {@code day} select the
 * recordings that started on that Beijing year, month or day (REC-09 "by year/month/day").
 */
public record RecordingSearch(String caseNumber, String unit, String deviceNumber, String officer, String partyName,
    String cause, Integer year, Integer month, Integer day) {

  /** At most this many rows per answer; the newest first when no case is named. */
  static final int LIMIT = 1000;

  public static RecordingSearch of(String caseNumber, String unit, String deviceNumber, String officer,
      String partyName, String cause, Integer year, Integer month, Integer day) {
    if ((month != null || day != null) && year == null) {
      throw Refusals.invalid(month != null ? "month" : "day", "按月或按日查询须同时给出年份（year）",
          "a month or day needs a year");
    }
    if (day != null && month == null) {
      throw Refusals.invalid("day", "按日查询须同时给出月份（month）", "a day needs a month");
    }
    if (year != null && (year < 1900 || year > 9999)) {
      throw Refusals.invalid("year", "年份须在 1900 至 9999 之间", "year must be between 1900 and 9999");
    }
    if (month != null && (month < 1 || month > 12)) {
      throw Refusals.invalid("month", "月份须在 1 至 12 之间", "month must be between 1 and 12");
    }
    if (day != null) {
      try {
        LocalDate.of(year, month, day);
      } catch (DateTimeException e) {
        throw Refusals.invalid("day", "该月没有这一天", "no such day in that month");
      }
    }
    return new RecordingSearch(blank(caseNumber), blank(unit), blank(deviceNumber), blank(officer), blank(partyName),
        blank(cause), year, month, day);
  }

  boolean onlyCase() {
    return unit == null && deviceNumber == null && officer == null && partyName == null && cause == null
        && year == null;
  }

  /** The start (inclusive) and end (exclusive) of the period asked for, or null without a year. */
  Instant[] period() {
    if (year == null) {
      return null;
    }
    LocalDate from = LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    LocalDate to = day != null ? from.plusDays(1) : month != null ? from.plusMonths(1) : from.plusYears(1);
    return new Instant[] {from.atStartOfDay(RetentionClassifier.SHANGHAI).toInstant(),
        to.atStartOfDay(RetentionClassifier.SHANGHAI).toInstant()};
  }

  /** The WHERE clause (without the keyword) and its arguments, in the order the indexes expect. */
  Map<String, List<Object>> where() {
    List<String> clauses = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    add(clauses, args, "r.case_number = ?", caseNumber);
    add(clauses, args, "r.unit = ?", unit);
    add(clauses, args, "r.device_number = ?", deviceNumber);
    if (officer != null) {
      clauses.add("EXISTS (SELECT 1 FROM recording_officer o WHERE o.officer = ? AND o.recording_id = r.id)");
      args.add(officer);
    }
    add(clauses, args, "r.party_name LIKE ? ESCAPE '!'", partyName == null ? null : "%" + like(partyName) + "%");
    add(clauses, args, "r.cause LIKE ? ESCAPE '!'", cause == null ? null : "%" + like(cause) + "%");
    Instant[] period = period();
    if (period != null) {
      clauses.add("r.started_at >= ? AND r.started_at < ?");
      args.add(RecordingRepository.odt(period[0]));
      args.add(RecordingRepository.odt(period[1]));
    }
    Map<String, List<Object>> where = new LinkedHashMap<>();
    where.put(clauses.isEmpty() ? "1 = 1" : String.join(" AND ", clauses), args);
    return where;
  }

  /** For the audit entry: the criteria given. */
  String describe() {
    StringBuilder text = new StringBuilder();
    append(text, "caseNumber", caseNumber);
    append(text, "unit", unit);
    append(text, "deviceNumber", deviceNumber);
    append(text, "officer", officer);
    append(text, "partyName", partyName);
    append(text, "cause", cause);
    append(text, "year", year);
    append(text, "month", month);
    append(text, "day", day);
    return text.toString().strip();
  }

  private static void append(StringBuilder text, String name, Object value) {
    if (value != null) {
      text.append(name).append('=').append(value).append(' ');
    }
  }

  private static void add(List<String> clauses, List<Object> args, String clause, Object value) {
    if (value != null) {
      clauses.add(clause);
      args.add(value);
    }
  }

  private static String like(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
