package cn.gov.enforcement.calendar;

import cn.gov.enforcement.calendar.PeriodsProperties.AnnouncedYear;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The years an agency announced by configuration ({@link PeriodsProperties}), checked once at
 * startup: a malformed schedule stops the application with a message naming the key, instead of
 * computing deadlines from half a calendar.
 *
 * <p>A listed day overrides whatever tyme4j says about it, so configuration can also correct the
 * library. A notice for year Y may list days of late December Y−1 or early January Y+1 (New Year
 * blocks cross the turn of the year), so dates within one year of the block's year are accepted;
 * anything further away is taken for a typo.
 */
public class ConfiguredHolidays implements EnteredNotices {

  private final SortedSet<Integer> years;
  private final Map<LocalDate, Boolean> listedAsWorking;

  private ConfiguredHolidays(SortedSet<Integer> years, Map<LocalDate, Boolean> listedAsWorking) {
    this.years = Collections.unmodifiableSortedSet(years);
    this.listedAsWorking = Map.copyOf(listedAsWorking);
  }

  public static ConfiguredHolidays none() {
    return new ConfiguredHolidays(new TreeSet<>(), Map.of());
  }

  public static ConfiguredHolidays from(PeriodsProperties properties) {
    SortedSet<Integer> years = new TreeSet<>();
    Map<LocalDate, Boolean> listed = new HashMap<>();
    List<AnnouncedYear> blocks = properties.years() == null ? List.of() : properties.years();
    for (int i = 0; i < blocks.size(); i++) {
      AnnouncedYear block = blocks.get(i);
      String key = "periods.years[" + i + "]";
      if (block.year() == null || block.year() < 1949 || block.year() > 9998) {
        throw invalid(key + ".year", "缺少年份或年份无效", "the year is missing or invalid");
      }
      if (!years.add(block.year())) {
        throw invalid(key + ".year", block.year() + " 年重复配置", "year " + block.year() + " is configured twice");
      }
      // a year with weekends only would make every holiday a working day: exactly what PER-05 forbids
      if (block.holidays() == null || block.holidays().isEmpty()) {
        throw invalid(key + ".holidays", block.year() + " 年没有列出任何法定节假日",
            "no statutory holiday is listed for " + block.year());
      }
      put(listed, block.year(), key + ".holidays", block.holidays(), false);
      put(listed, block.year(), key + ".make-up-working-days",
          block.makeUpWorkingDays() == null ? List.of() : block.makeUpWorkingDays(), true);
    }
    return new ConfiguredHolidays(years, listed);
  }

  private static void put(Map<LocalDate, Boolean> listed, int year, String key, List<String> values, boolean working) {
    for (int j = 0; j < values.size(); j++) {
      String itemKey = key + "[" + j + "]";
      LocalDate day = parse(itemKey, values.get(j));
      if (Math.abs(day.getYear() - year) > 1) {
        throw invalid(itemKey, day + " 不属于 " + year + " 年的安排", day + " does not belong to the schedule for " + year);
      }
      Boolean before = listed.put(day, working);
      if (before != null && before != working) {
        throw invalid(itemKey, day + " 同时被列为放假日和调休上班日",
            day + " is listed both as a holiday and as a make-up working day");
      }
    }
  }

  private static LocalDate parse(String key, String value) {
    try {
      return LocalDate.parse(value == null ? "" : value.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      throw invalid(key, "日期 \"" + value + "\" 无效，应为 yyyy-MM-dd",
          "date \"" + value + "\" is invalid, expected yyyy-MM-dd");
    }
  }

  private static IllegalStateException invalid(String key, String chinese, String english) {
    return new IllegalStateException("节假日配置错误 " + key + "：" + chinese + " / invalid holiday configuration "
        + key + ": " + english);
  }

  @Override
  public SortedSet<Integer> years() {
    return years;
  }

  /** Like {@link TymeHolidays#listedAsWorking}: TRUE make-up working day, FALSE holiday, null not listed. */
  @Override
  public Boolean listedAsWorking(LocalDate day) {
    return listedAsWorking.get(day);
  }
}
