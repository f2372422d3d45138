package cn.gov.enforcement.calendar;

import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The {@code periods} bean for BPMN expressions: timer {@code timeDate} and task {@code dueDate},
 * e.g. {@code ${periods.endOfDays(consultationStart, consultationDays)}}.
 *
 * <p>Every method returns a {@link Date}, which the engine takes as it is (no business calendar,
 * no JVM zone involved), and it is always the end of the last allowed day: 24:00 Beijing time,
 * i.e. 00:00 Asia/Shanghai of the following day (PER-04). That is the instant a timer should
 * fire, and for a task due date it means "may still be done on the last day"; Tasklist shows it
 * as 00:00 of the next day.
 *
 * <p>Day arguments may be a {@code yyyy-MM-dd} string, a {@link Date}, a {@link LocalDate} or
 * another java.time value (see {@link ExpressionArguments}); counts may be any integral number or
 * numeric string. A day in a year without holiday data raises {@link CalendarYearUnknownException}.
 * Methods are not overloaded because JUEL picks a method by name and argument count.
 */
@Component("periods")
public class Periods {

  private final PeriodCalculator calculator;

  public Periods(PeriodCalculator calculator) {
    this.calculator = calculator;
  }

  /** PER-02: {@code days} calendar days after {@code start}, extended past rest days; ends 24:00 of the last day. */
  public Date endOfDays(Object start, Object days) {
    return end(calculator.lastDayOfCalendarDays(day(start, "start"), count(days, "days")));
  }

  /** PER-01: {@code days} working days after {@code start}; ends 24:00 of the last of them. */
  public Date endOfWorkingDays(Object start, Object days) {
    return end(calculator.lastDayOfWorkingDays(day(start, "start"), count(days, "days")));
  }

  /** PER-01: a period of the penalty procedure: working days for 2, 3, 5 and 7, calendar days otherwise. */
  public Date endOfPenaltyDays(Object start, Object days) {
    int n = count(days, "days");
    return end(calculator.lastDay(day(start, "start"), n, PeriodKind.forPenaltyProcedure(n)));
  }

  /** {@code months} months after {@code start} (e.g. a 3-month deferral), extended past rest days; ends 24:00. */
  public Date endOfMonths(Object start, Object months) {
    return end(calculator.lastDayOfMonths(day(start, "start"), count(months, "months")));
  }

  /**
   * PER-03: "at least {@code days} days before {@code date}": due at 24:00 of the latest allowed
   * day ({@code date − days}, moved back to a working day).
   */
  public Date latestBefore(Object date, Object days) {
    return end(calculator.latestDayBefore(day(date, "date"), count(days, "days")));
  }

  /** 24:00 Beijing time of {@code date} itself, for a deadline that is already a day. */
  public Date endOfDay(Object date) {
    return end(day(date, "date"));
  }

  private Date end(LocalDate lastDay) {
    return BeijingTime.toDate(calculator.endsAt(lastDay));
  }

  private static LocalDate day(Object value, String name) {
    return ExpressionArguments.day(value, name);
  }

  private static int count(Object value, String name) {
    return ExpressionArguments.count(value, name);
  }
}
