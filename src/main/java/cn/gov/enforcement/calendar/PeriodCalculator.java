package cn.gov.enforcement.calendar;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * The counting rules for statutory periods, on plain dates (PER-01..PER-03). Java callers use
 * this class; BPMN expressions use the {@code periods} bean ({@link Periods}), which converts its
 * arguments and turns the last day into the instant the period ends.
 *
 * <p>Every method takes the day of the triggering event; counting starts the day after it
 * (期间开始的日不计算在期间内, CPL 85).
 */
public class PeriodCalculator {

  private final WorkingDayCalendar calendar;

  public PeriodCalculator(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** The last day of a period of {@code days} of the given kind (PER-01, PER-02). */
  public LocalDate lastDay(LocalDate trigger, int days, PeriodKind kind) {
    return switch (kind) {
      case CALENDAR -> lastDayOfCalendarDays(trigger, days);
      case WORKING -> lastDayOfWorkingDays(trigger, days);
    };
  }

  /**
   * PER-02: trigger + {@code days}; a last day that is a statutory holiday or a rest day moves to
   * the next working day, a make-up working day stays. Days in between are not looked at, so a
   * period may run through a year the calendar does not know as long as its last day is known.
   */
  public LocalDate lastDayOfCalendarDays(LocalDate trigger, int days) {
    requireAtLeast(days, 1, "days");
    return calendar.onOrNextWorkingDay(trigger.plusDays(days));
  }

  /** PER-01: the {@code days}-th working day after the trigger; the last day is a working day by construction. */
  public LocalDate lastDayOfWorkingDays(LocalDate trigger, int days) {
    requireAtLeast(days, 1, "days");
    LocalDate day = trigger;
    int counted = 0;
    while (counted < days) {
      day = day.plusDays(1);
      if (calendar.isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /**
   * A period in months (e.g. a deferral of 3 months): the same day of the month {@code months}
   * later, or the month's last day when that month is shorter (民法典 第二百零三条); then moved past
   * rest days like a period in days (PER-02).
   */
  public LocalDate lastDayOfMonths(LocalDate trigger, int months) {
    requireAtLeast(months, 1, "months");
    return calendar.onOrNextWorkingDay(trigger.plusMonths(months));
  }

  /**
   * PER-03: "at least {@code days} days before {@code date}": the latest allowed day is
   * {@code date − days}; when that is a rest day, the working day before it.
   */
  public LocalDate latestDayBefore(LocalDate date, int days) {
    requireAtLeast(days, 0, "days");
    return calendar.onOrPreviousWorkingDay(date.minusDays(days));
  }

  /** PER-04: the instant a period whose last day is {@code lastDay} ends: 24:00 Beijing time. */
  public ZonedDateTime endsAt(LocalDate lastDay) {
    return BeijingTime.endOfDay(lastDay);
  }

  private static void requireAtLeast(int value, int minimum, String name) {
    if (value < minimum) {
      throw new IllegalArgumentException(name + " 必须不小于 " + minimum + "（实际为 " + value + "） / "
          + name + " must be at least " + minimum + " (was " + value + ")");
    }
  }
}
