package cn.gov.enforcement.calendar;

import cn.gov.enforcement.calendar.StatutoryFestivals.Festival;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks a year's notice before it is stored (PER-05): the year is one the 2024 law governs, the
 * notice number is given, every date is a {@code yyyy-MM-dd} date inside the year, the days of all
 * seven festivals fixed by law are among the holidays, make-up working days are Saturdays or
 * Sundays, and no date is both. Every problem is reported, each in Chinese and English.
 */
final class NoticeValidation {

  /** 全国年节及纪念日放假办法 (2024 revision) is in force from 2025-01-01; earlier years had other festivals. */
  static final int FIRST_YEAR = 2025;
  static final int LAST_YEAR = 2199;

  private NoticeValidation() {}

  /** One problem: Chinese and English. */
  record Problem(String chinese, String english) {}

  /** The request as sent: lists of texts, so that a malformed date is reported rather than a parse error. */
  record Request(List<?> holidays, List<?> makeUpWorkingDays, Object notice) {}

  record Checked(SortedSet<LocalDate> holidays, SortedSet<LocalDate> makeUpWorkingDays, String notice, List<Problem> problems) {}

  static Checked check(int year, Request request) {
    List<Problem> problems = new ArrayList<>();
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      problems.add(new Problem("年份 " + year + " 不在 " + FIRST_YEAR + "–" + LAST_YEAR + " 之内（2024 年修订的放假办法自 2025 年起施行）",
          "year " + year + " is outside " + FIRST_YEAR + "–" + LAST_YEAR + " (the 2024 holiday law applies from 2025)"));
      return new Checked(new TreeSet<>(), new TreeSet<>(), null, problems);
    }
    String notice = request.notice() == null ? "" : request.notice().toString().trim();
    if (notice.isEmpty()) {
      problems.add(new Problem("缺少通知文号 notice（如 国办发明电〔2026〕7号）", "the notice number (notice) is missing"));
    } else if (notice.length() > 200) {
      problems.add(new Problem("通知文号过长（最多 200 字）", "the notice number is longer than 200 characters"));
    }
    SortedSet<LocalDate> holidays = dates(year, "holidays", "放假日期", request.holidays(), problems);
    SortedSet<LocalDate> makeUp = dates(year, "makeUpWorkingDays", "调休上班日期", request.makeUpWorkingDays(), problems);
    if (request.holidays() == null || request.holidays().isEmpty()) {
      problems.add(new Problem("没有列出任何放假日期 holidays", "no holiday is listed (holidays)"));
    }
    for (LocalDate day : makeUp) {
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        problems.add(new Problem("调休上班日 " + day + " 不是周六或周日", "make-up working day " + day + " is not a Saturday or Sunday"));
      }
      if (holidays.contains(day)) {
        problems.add(new Problem(day + " 同时列为放假日和调休上班日", day + " is listed both as a holiday and as a make-up working day"));
      }
    }
    for (Map.Entry<Festival, List<LocalDate>> festival : StatutoryFestivals.of(year).entrySet()) {
      List<LocalDate> missing = festival.getValue().stream().filter(day -> !holidays.contains(day)).toList();
      if (!missing.isEmpty()) {
        String days = missing.stream().map(LocalDate::toString).collect(Collectors.joining("、"));
        problems.add(new Problem("缺少" + festival.getKey().chinese() + "的法定假日 " + days,
            "the statutory days of " + festival.getKey().english() + " are missing: " + days.replace("、", ", ")));
      }
    }
    return new Checked(holidays, makeUp, notice, problems);
  }

  private static SortedSet<LocalDate> dates(int year, String field, String label, List<?> values, List<Problem> problems) {
    SortedSet<LocalDate> days = new TreeSet<>();
    if (values == null) {
      return days;
    }
    for (Object value : values) {
      String text = value == null ? "" : value.toString().trim();
      LocalDate day = IsoDates.day(text).orElse(null);
      if (day == null) {
        problems.add(new Problem(label + " \"" + text + "\" 不是 yyyy-MM-dd 格式的有效日期",
            field + " \"" + text + "\" is not a valid date yyyy-MM-dd"));
        continue;
      }
      if (day.getYear() != year) {
        problems.add(new Problem(label + " " + day + " 不在 " + year + " 年之内", field + " " + day + " is not inside " + year));
        continue;
      }
      days.add(day);
    }
    return days;
  }
}
