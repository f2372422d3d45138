package cn.gov.enforcement.calendar;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.function.Supplier;

/**
 * The counting rules for statutory periods, on plain dates (PER-01..PER-05). Java callers use
 * this class; BPMN expressions use the {@code periods} bean ({@link Periods}), which converts its
 * arguments and turns the last day into the instant the period ends.
 *
 * <p>Every method takes the day of the triggering event; counting starts the day after it
 * (期间开始的日不计算在期间内, CPL 85). Methods returning a {@link Deadline} say whether the result
 * depends on a provisional day; the {@link PeriodSide} says whose period it is, which decides how
 * days a coming notice may still change are counted (PER-05). The {@code lastDay…} methods without
 * a side are the bureau's own deadlines ({@link PeriodSide#BUREAU}).
 */
public class PeriodCalculator {

  private final WorkingDayCalendar calendar;

  public PeriodCalculator(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }

  /** A period of {@code days} of the given kind (PER-01, PER-02), for {@code side}. */
  public Deadline days(LocalDate trigger, int days, PeriodKind kind, PeriodSide side) {
    return deadline(() -> lastDay(trigger, days, kind, side));
  }

  /** A period in months (PER-02 applied to months), for {@code side}. */
  public Deadline months(LocalDate trigger, int months, PeriodSide side) {
    return deadline(() -> lastDayOfMonths(trigger, months, side));
  }

  /** PER-03 "at least {@code days} (calendar) days before {@code date}". */
  public Deadline before(LocalDate date, int days) {
    return deadline(() -> latestDayBefore(date, days));
  }

  /** PER-01 with PER-03: "at least {@code days} working days before {@code date}". */
  public Deadline workingDaysBefore(LocalDate date, int days) {
    return deadline(() -> latestDayWorkingDaysBefore(date, days));
  }

  private Deadline deadline(Supplier<LocalDate> computation) {
    CalendarTrace.Traced<LocalDate> traced = CalendarTrace.trace(computation);
    return new Deadline(traced.value(), endsAt(traced.value()), traced.provisional());
  }

  /** The last day of a period of {@code days} of the given kind (PER-01, PER-02), the bureau's own. */
  public LocalDate lastDay(LocalDate trigger, int days, PeriodKind kind) {
    return lastDay(trigger, days, kind, PeriodSide.BUREAU);
  }

  public LocalDate lastDay(LocalDate trigger, int days, PeriodKind kind, PeriodSide side) {
    return switch (kind) {
      case CALENDAR -> lastDayOfCalendarDays(trigger, days, side);
      case WORKING -> lastDayOfWorkingDays(trigger, days, side);
    };
  }

  public LocalDate lastDayOfCalendarDays(LocalDate trigger, int days) {
    return lastDayOfCalendarDays(trigger, days, PeriodSide.BUREAU);
  }

  /**
   * PER-02: trigger + {@code days}; a last day that is a statutory holiday or a rest day moves to
   * the next working day, a make-up working day stays. Days in between are not looked at.
   */
  public LocalDate lastDayOfCalendarDays(LocalDate trigger, int days, PeriodSide side) {
    requireAtLeast(days, 1, "days");
    return calendar.onOrNextWorkingDay(trigger.plusDays(days), side);
  }

  public LocalDate lastDayOfWorkingDays(LocalDate trigger, int days) {
    return lastDayOfWorkingDays(trigger, days, PeriodSide.BUREAU);
  }

  /** PER-01: the {@code days}-th working day after the trigger; the last day is a working day by construction. */
  public LocalDate lastDayOfWorkingDays(LocalDate trigger, int days, PeriodSide side) {
    requireAtLeast(days, 1, "days");
    LocalDate day = trigger;
    int counted = 0;
    while (counted < days) {
      day = day.plusDays(1);
      if (calendar.isWorkingDay(day, side)) {
        counted++;
      }
    }
    return day;
  }

  public LocalDate lastDayOfMonths(LocalDate trigger, int months) {
    return lastDayOfMonths(trigger, months, PeriodSide.BUREAU);
  }

  /**
   * A period in months (e.g. a deferral of 3 months): the same day of the month {@code months}
   * later, or the month's last day when that month is shorter (民法典 第二百零三条); then moved past
   * rest days like a period in days (PER-02).
   */
  public LocalDate lastDayOfMonths(LocalDate trigger, int months, PeriodSide side) {
    requireAtLeast(months, 1, "months");
    return calendar.onOrNextWorkingDay(trigger.plusMonths(months), side);
  }

  /**
   * PER-03: "at least {@code days} days before {@code date}": the latest allowed day is
   * {@code date − days}; when that is a rest day, the working day before it. An uncertain day of a
   * provisional year counts as a rest day, so the bureau acts no later than any notice could allow.
   */
  public LocalDate latestDayBefore(LocalDate date, int days) {
    requireAtLeast(days, 0, "days");
    return calendar.onOrPreviousWorkingDay(date.minusDays(days), PeriodSide.PARTY);
  }

  /**
   * PER-01 with PER-03: "at least {@code days} working days before {@code date}": counting back
   * from {@code date} (included when it is a working day), {@code days} working days lie after the
   * latest allowed day; when that day is a rest day, the working day before it. With only working
   * days this equals {@link #latestDayBefore}. Uncertain days count as rest days (earliest).
   */
  public LocalDate latestDayWorkingDaysBefore(LocalDate date, int days) {
    requireAtLeast(days, 0, "days");
    LocalDate day = date;
    int counted = 0;
    while (counted < days) {
      if (calendar.isWorkingDay(day, PeriodSide.PARTY)) {
        counted++;
      }
      day = day.minusDays(1);
    }
    return calendar.onOrPreviousWorkingDay(day, PeriodSide.PARTY);
  }

  /** PER-04: the instant a period whose last day is {@code lastDay} ends: 24:00 Beijing time. */
  public ZonedDateTime endsAt(LocalDate lastDay) {
    return BeijingTime.endOfDay(lastDay);
  }

  private static void requireAtLeast(int value, int minimum, String name) {
    if (value < minimum) {
      throw new PeriodArgumentException(name, "期限无法计算：" + name + " 必须不小于 " + minimum + "（实际为 " + value
          + "）。请检查填写的天数或月数", "the deadline cannot be computed: " + name + " must be at least " + minimum
          + " (was " + value + ")");
    }
  }
}
