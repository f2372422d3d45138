package cn.gov.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The counting rules on real dates; no Spring, tyme4j data only unless a test configures a year. */
class PeriodCalculatorTest {

  private final PeriodCalculator calculator = new PeriodCalculator(Calendars.library());

  private static LocalDate day(String text) {
    return LocalDate.parse(text);
  }

  @Test
  @DisplayName("PER-02 PER-04 contract example: consultation from 2026-09-11 for 20 days ends at 24:00 Beijing time on 2026-10-08 (after National Day)")
  void contractExample() {
    LocalDate lastDay = calculator.lastDayOfCalendarDays(day("2026-09-11"), 20);

    assertThat(lastDay).isEqualTo(day("2026-10-08"));
    assertThat(calculator.endsAt(lastDay).toOffsetDateTime()).hasToString("2026-10-09T00:00+08:00");
    assertThat(calculator.endsAt(lastDay).toInstant()).isEqualTo(Instant.parse("2026-10-08T16:00:00Z"));
  }

  @Test
  @DisplayName("PER-02 counting starts on the day after the triggering event")
  void startsNextDay() {
    assertThat(calculator.lastDayOfCalendarDays(day("2026-03-16"), 1)).isEqualTo(day("2026-03-17"));
    assertThat(calculator.lastDayOfCalendarDays(day("2026-03-16"), 3)).isEqualTo(day("2026-03-19"));
    assertThat(calculator.lastDayOfWorkingDays(day("2026-03-16"), 1)).isEqualTo(day("2026-03-17"));
  }

  @Test
  @DisplayName("PER-02 a last day inside the 2025 National Day holidays (1–8 Oct) moves to Thu 9 Oct")
  void nationalDay2025() {
    assertThat(calculator.lastDayOfCalendarDays(day("2025-09-20"), 11)).isEqualTo(day("2025-10-09"));
    assertThat(calculator.lastDayOfCalendarDays(day("2025-09-20"), 18)).isEqualTo(day("2025-10-09"));
  }

  @Test
  @DisplayName("PER-02 a last day on an ordinary Sunday moves to Monday")
  void ordinarySunday() {
    assertThat(calculator.lastDayOfCalendarDays(day("2025-09-11"), 10)).isEqualTo(day("2025-09-22"));
  }

  @Test
  @DisplayName("PER-02 a period ending on a make-up working Sunday ends that Sunday (28 Sep 2025, 4 Jan 2026)")
  void endsOnMakeUpSunday() {
    assertThat(calculator.lastDayOfCalendarDays(day("2025-09-18"), 10)).isEqualTo(day("2025-09-28"));
    assertThat(calculator.lastDayOfCalendarDays(day("2025-12-25"), 10)).isEqualTo(day("2026-01-04"));
  }

  @Test
  @DisplayName("PER-02 a period ending on the make-up working Saturday 11 Oct 2025 ends that Saturday")
  void endsOnMakeUpSaturday() {
    assertThat(calculator.lastDayOfCalendarDays(day("2025-10-01"), 10)).isEqualTo(day("2025-10-11"));
  }

  @Test
  @DisplayName("PER-02 2026 Spring Festival: make-up Saturdays 14 and 28 Feb are last days; 15–23 Feb move to Tue 24 Feb")
  void springFestival2026() {
    assertThat(calculator.lastDayOfCalendarDays(day("2026-02-04"), 10)).isEqualTo(day("2026-02-14"));
    assertThat(calculator.lastDayOfCalendarDays(day("2026-02-05"), 10)).isEqualTo(day("2026-02-24"));
    assertThat(calculator.lastDayOfCalendarDays(day("2026-02-13"), 10)).isEqualTo(day("2026-02-24"));
    assertThat(calculator.lastDayOfCalendarDays(day("2026-02-18"), 10)).isEqualTo(day("2026-02-28"));
  }

  @Test
  @DisplayName("PER-01 working days skip the 2025 National Day holidays and count the make-up days Sun 28 Sep and Sat 11 Oct")
  void workingDaysNationalDay2025() {
    // Sat 27 Sep rests, Sun 28 Sep works: 28, 29, 30 Sep
    assertThat(calculator.lastDayOfWorkingDays(day("2025-09-26"), 3)).isEqualTo(day("2025-09-30"));
    // 30 Sep, (1–8 Oct), 9, 10, Sat 11, (Sun 12), Mon 13 Oct
    assertThat(calculator.lastDayOfWorkingDays(day("2025-09-29"), 5)).isEqualTo(day("2025-10-13"));
  }

  @Test
  @DisplayName("PER-01 working days across the 2026 Spring Festival count the make-up Saturdays 14 and 28 Feb")
  void workingDaysSpringFestival2026() {
    assertThat(calculator.lastDayOfWorkingDays(day("2026-02-12"), 3)).isEqualTo(day("2026-02-24"));
    assertThat(calculator.lastDayOfWorkingDays(day("2026-02-12"), 7)).isEqualTo(day("2026-02-28"));
  }

  @Test
  @DisplayName("PER-01 the kind chooses the count: 3 days from Fri 26 Sep 2025 are Mon 29 Sep as calendar days, Tue 30 Sep as working days")
  void kindChoosesCount() {
    assertThat(calculator.lastDay(day("2025-09-26"), 3, PeriodKind.CALENDAR)).isEqualTo(day("2025-09-29"));
    assertThat(calculator.lastDay(day("2025-09-26"), 3, PeriodKind.WORKING)).isEqualTo(day("2025-09-30"));
  }

  @Test
  @DisplayName("PER-02 across a month end: 11 days from 20 Apr 2026 reach 1 May, a holiday, and end Wed 6 May")
  void acrossMonthEnd() {
    assertThat(calculator.lastDayOfCalendarDays(day("2026-04-20"), 11)).isEqualTo(day("2026-05-06"));
    assertThat(calculator.lastDayOfCalendarDays(day("2026-01-31"), 1)).isEqualTo(day("2026-02-02"));
  }

  @Test
  @DisplayName("PER-02 months: the corresponding day, or the month's last day when there is none; then past rest days")
  void months() {
    assertThat(calculator.lastDayOfMonths(day("2026-03-31"), 1)).isEqualTo(day("2026-04-30"));
    // 28 Feb 2026 is a make-up working Saturday
    assertThat(calculator.lastDayOfMonths(day("2025-11-30"), 3)).isEqualTo(day("2026-02-28"));
    assertThat(calculator.lastDayOfMonths(day("2026-01-31"), 1)).isEqualTo(day("2026-02-28"));
    // deferral landing on National Day 2026 (1–7 Oct) ends Thu 8 Oct
    assertThat(calculator.lastDayOfMonths(day("2026-07-01"), 3)).isEqualTo(day("2026-10-08"));
  }

  @Test
  @DisplayName("PER-02 leap day 29 Feb 2024 is a last day in days and in months")
  void leapDay2024() {
    assertThat(calculator.lastDayOfCalendarDays(day("2024-02-19"), 10)).isEqualTo(day("2024-02-29"));
    assertThat(calculator.lastDayOfMonths(day("2023-11-29"), 3)).isEqualTo(day("2024-02-29"));
    assertThat(calculator.lastDayOfMonths(day("2023-11-30"), 3)).isEqualTo(day("2024-02-29"));
    assertThat(calculator.lastDayOfMonths(day("2024-02-29"), 12)).isEqualTo(day("2025-02-28"));
  }

  @Test
  @DisplayName("PER-05 leap day 2028-02-29 is computed on the provisional calendar and says so")
  void leapDay2028Provisional() {
    Deadline deadline = calculator.days(day("2028-02-19"), 10, PeriodKind.CALENDAR, PeriodSide.PARTY);

    assertThat(deadline.lastDay()).isEqualTo(day("2028-02-29"));
    assertThat(deadline.provisional()).isTrue();
  }

  @Test
  @DisplayName("PER-02 leap day 2028-02-29 (Tuesday) with an entered 2028 notice")
  void leapDay2028Configured() {
    PeriodCalculator with2028 = new PeriodCalculator(Calendars.with(new Calendars.InMemoryNotices()
        .enter(2028, java.util.List.of("2028-01-01"), java.util.List.of())));

    assertThat(with2028.lastDayOfCalendarDays(day("2028-02-19"), 10)).isEqualTo(day("2028-02-29"));
    assertThat(with2028.lastDayOfMonths(day("2028-01-31"), 1)).isEqualTo(day("2028-02-29"));
    assertThat(with2028.endsAt(day("2028-02-29")).toOffsetDateTime()).hasToString("2028-03-01T00:00+08:00");
  }

  @Test
  @DisplayName("PER-05 a period whose last day falls in a provisional year is computed and marked; days in between are not needed")
  void lastDayInProvisionalYear() {
    int lastKnown = Calendars.library().knownYears().last();
    Deadline deadline = calculator.days(LocalDate.of(lastKnown, 12, 20), 20, PeriodKind.CALENDAR, PeriodSide.BUREAU);
    assertThat(deadline.lastDay().getYear()).isEqualTo(lastKnown + 1);
    assertThat(deadline.provisional()).isTrue();
    // triggered in 2001 (provisional), last day in 2002 (known): only the last day is looked up
    Deadline from2001 = calculator.days(day("2001-12-20"), 20, PeriodKind.CALENDAR, PeriodSide.BUREAU);
    assertThat(from2001.lastDay()).isEqualTo(day("2002-01-09"));
    assertThat(from2001.provisional()).isFalse();
  }

  @Test
  @DisplayName("PER-03 at least 15 days before Mon 20 Oct 2025: 5 Oct is a holiday, so the latest day is Tue 30 Sep")
  void latestBeforeNationalDay() {
    assertThat(calculator.latestDayBefore(day("2025-10-20"), 15)).isEqualTo(day("2025-09-30"));
    assertThat(calculator.latestDayBefore(day("2026-10-22"), 15)).isEqualTo(day("2026-09-30"));
  }

  @Test
  @DisplayName("PER-03 at least 10 days before Mon 2 Mar 2026: 20 Feb is a holiday, the make-up Saturday 14 Feb is the latest day")
  void latestBeforeSpringFestival() {
    assertThat(calculator.latestDayBefore(day("2026-03-02"), 10)).isEqualTo(day("2026-02-14"));
  }

  @Test
  @DisplayName("PER-03 a working day stays; an ordinary Saturday moves back to Friday")
  void latestBeforeOrdinary() {
    assertThat(calculator.latestDayBefore(day("2026-03-16"), 10)).isEqualTo(day("2026-03-06"));
    assertThat(calculator.latestDayBefore(day("2026-04-05"), 15)).isEqualTo(day("2026-03-20"));
  }

  @Test
  @DisplayName("PER-02 a period needs at least one day or month")
  void rejectsEmptyPeriods() {
    assertThatThrownBy(() -> calculator.lastDayOfCalendarDays(day("2026-03-16"), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("days must be at least 1");
    assertThatThrownBy(() -> calculator.lastDayOfWorkingDays(day("2026-03-16"), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calculator.lastDayOfMonths(day("2026-03-16"), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
