package cn.gov.enforcement.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which days are working days in mainland China (PER-02, PER-05): Monday to Friday, except
 * statutory holidays, plus the make-up working days (调休) on which offices work on a weekend.
 *
 * <p>Sources, in order: a day listed in configuration; a day listed by tyme4j; otherwise the
 * weekday, but only within a year that one of the two sources knows. Asked about any other year,
 * it throws {@link CalendarYearUnknownException} rather than guess.
 */
public class WorkingDayCalendar {

  private final TymeHolidays library;
  private final ConfiguredHolidays configured;
  private final SortedSet<Integer> knownYears;

  public WorkingDayCalendar(TymeHolidays library, ConfiguredHolidays configured) {
    this.library = library;
    this.configured = configured;
    SortedSet<Integer> years = new TreeSet<>(library.knownYears());
    years.addAll(configured.years());
    this.knownYears = Collections.unmodifiableSortedSet(years);
  }

  public boolean isWorkingDay(LocalDate day) {
    Boolean fromConfiguration = configured.listedAsWorking(day);
    if (fromConfiguration != null) {
      return fromConfiguration;
    }
    if (!knownYears.contains(day.getYear())) {
      throw new CalendarYearUnknownException(day.getYear(), knownYears);
    }
    Boolean fromLibrary = library.listedAsWorking(day);
    if (fromLibrary != null) {
      return fromLibrary;
    }
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
  }

  /** {@code day} itself when it is a working day, else the first working day after it. */
  public LocalDate onOrNextWorkingDay(LocalDate day) {
    LocalDate candidate = day;
    while (!isWorkingDay(candidate)) {
      candidate = candidate.plusDays(1);
    }
    return candidate;
  }

  /** {@code day} itself when it is a working day, else the last working day before it. */
  public LocalDate onOrPreviousWorkingDay(LocalDate day) {
    LocalDate candidate = day;
    while (!isWorkingDay(candidate)) {
      candidate = candidate.minusDays(1);
    }
    return candidate;
  }

  public SortedSet<Integer> knownYears() {
    return knownYears;
  }

  public SortedSet<Integer> libraryYears() {
    return library.knownYears();
  }

  public SortedSet<Integer> configuredYears() {
    return configured.years();
  }
}
