package cn.gov.enforcement.calendar;

import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The {@code periods} bean for BPMN expressions: timer {@code timeDate} and task {@code dueDate},
 * e.g. {@code ${periods.endOfDays(consultationStart, consultationDays, 'PARTY')}}.
 *
 * <p>Every method returns a {@link Date}, which the engine takes as it is (no business calendar,
 * no JVM zone involved), and it is always the end of the last allowed day: 24:00 Beijing time,
 * i.e. 00:00 Asia/Shanghai of the following day (PER-04). That is the instant a timer should
 * fire, and for a task due date it means "may still be done on the last day"; Tasklist shows it
 * as 00:00 of the next day.
 *
 * <p>Whose period (PER-05, {@link PeriodSide}): the two-argument forms are the bureau's own time
 * limits (earliest end on a provisional year); a period that protects a party (a window for the
 * party to act, a time the party is given) passes {@code 'PARTY'} as third argument (latest end).
 * {@link #latestBefore} and {@link #latestWorkingDaysBefore} have one bound only (the earliest day).
 * The calendar never refuses: a day of a year whose notice is not known comes from the
 * provisional calendar, and {@link CalendarTrace} tells whoever evaluates the expression that the
 * result is provisional (the engine marks the task {@code dueProvisional}).
 *
 * <p>Day arguments may be a {@code yyyy-MM-dd} string, a {@link Date}, a {@link LocalDate} or
 * another java.time value (see {@link ExpressionArguments}); counts may be any integral number or
 * numeric string. JUEL picks a method by name and argument count, so overloads differ in count.
 */
@Component("periods")
public class Periods {

  private final PeriodCalculator calculator;

  public Periods(PeriodCalculator calculator) {
    this.calculator = calculator;
  }

  /** PER-02: {@code days} calendar days after {@code start}, extended past rest days; the bureau's own limit. */
  public Date endOfDays(Object start, Object days) {
    return endOfDays(start, days, PeriodSide.BUREAU);
  }

  /** PER-02 for {@code side} ({@code 'PARTY'} or {@code 'BUREAU'}). */
  public Date endOfDays(Object start, Object days, Object side) {
    return calculator.days(day(start, "start"), count(days, "days"), PeriodKind.CALENDAR, PeriodSide.of(side)).endsAtDate();
  }

  /** PER-01: {@code days} working days after {@code start}; the bureau's own limit. */
  public Date endOfWorkingDays(Object start, Object days) {
    return endOfWorkingDays(start, days, PeriodSide.BUREAU);
  }

  public Date endOfWorkingDays(Object start, Object days, Object side) {
    return calculator.days(day(start, "start"), count(days, "days"), PeriodKind.WORKING, PeriodSide.of(side)).endsAtDate();
  }

  /** PER-01: a period of the penalty procedure: working days for 2, 3, 5 and 7, calendar days otherwise; the bureau's own. */
  public Date endOfPenaltyDays(Object start, Object days) {
    return endOfPenaltyDays(start, days, PeriodSide.BUREAU);
  }

  public Date endOfPenaltyDays(Object start, Object days, Object side) {
    int n = count(days, "days");
    return calculator.days(day(start, "start"), n, PeriodKind.forPenaltyProcedure(n), PeriodSide.of(side)).endsAtDate();
  }

  /** A period of administrative coercion (催告, 行政强制法 第三十五、五十四条): working days up to 10, calendar days beyond. */
  public Date endOfCoercionDays(Object start, Object days, Object side) {
    int n = count(days, "days");
    return calculator.days(day(start, "start"), n, PeriodKind.forCoercionProcedure(n), PeriodSide.of(side)).endsAtDate();
  }

  /** {@code months} months after {@code start} (e.g. a 3-month deferral), extended past rest days; the bureau's own. */
  public Date endOfMonths(Object start, Object months) {
    return endOfMonths(start, months, PeriodSide.BUREAU);
  }

  public Date endOfMonths(Object start, Object months, Object side) {
    return calculator.months(day(start, "start"), count(months, "months"), PeriodSide.of(side)).endsAtDate();
  }

  /**
   * PER-03: "at least {@code days} days before {@code date}": due at 24:00 of the latest allowed
   * day ({@code date − days}, moved back to a working day; uncertain days count as rest days).
   */
  public Date latestBefore(Object date, Object days) {
    return calculator.before(day(date, "date"), count(days, "days")).endsAtDate();
  }

  /** PER-01/PER-03: "at least {@code days} working days before {@code date}" (e.g. the penalty hearing notice, APL 64/85). */
  public Date latestWorkingDaysBefore(Object date, Object days) {
    return calculator.workingDaysBefore(day(date, "date"), count(days, "days")).endsAtDate();
  }

  /** 24:00 Beijing time of {@code date} itself, for a deadline that is already a day. */
  public Date endOfDay(Object date) {
    return BeijingTime.toDate(calculator.endsAt(day(date, "date")));
  }

  private static LocalDate day(Object value, String name) {
    return ExpressionArguments.day(value, name);
  }

  private static int count(Object value, String name) {
    return ExpressionArguments.count(value, name);
  }
}
