package cn.gov.enforcement.calendar;

import java.util.SortedSet;

/**
 * PER-05: the calendar was asked about a day in a year for which it has no statutory holiday
 * data. This is a configuration gap (the State Council's notice for that year has not been
 * added), never a reason to treat the day as an ordinary working day.
 */
public class CalendarYearUnknownException extends IllegalStateException {

  private final int year;

  public CalendarYearUnknownException(int year, SortedSet<Integer> knownYears) {
    super("日历中没有 " + year + " 年的法定节假日和调休安排（已有年份：" + YearRanges.format(knownYears)
        + "），请按国务院办公厅通知在配置 periods.years 中补充该年 / no statutory holiday data for " + year
        + " (known years: " + YearRanges.format(knownYears)
        + "); add that year's State Council schedule under the configuration key periods.years");
    this.year = year;
  }

  public int year() {
    return year;
  }
}
