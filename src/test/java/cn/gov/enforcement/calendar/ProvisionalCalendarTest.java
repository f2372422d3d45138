package cn.gov.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Periods in 2027, a year tyme4j 1.4.9 does not know, on the provisional calendar (PER-05): both
 * bounds, and the mark. 2027's fixed days: 元旦 Fri 1 Jan; 春节 除夕 Fri 5 Feb – 初三 Mon 8 Feb;
 * 清明 Mon 5 Apr; 劳动节 Sat 1 – Sun 2 May; 端午 Wed 9 Jun; 中秋 Wed 15 Sep; 国庆 Fri 1 – Sun 3 Oct.
 */
class ProvisionalCalendarTest {

  private final PeriodCalculator calculator = new PeriodCalculator(Calendars.library());

  private static LocalDate day(String text) {
    return LocalDate.parse(text);
  }

  @Test
  @DisplayName("PER-05 2027's festivals fixed by law, lunar and solar-term days from tyme4j (除夕 2027-02-05)")
  void fixedDays2027() {
    assertThat(StatutoryFestivals.days(2027)).extracting(LocalDate::toString).containsExactly(
        "2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-04-05", "2027-05-01",
        "2027-05-02", "2027-06-09", "2027-09-15", "2027-10-01", "2027-10-02", "2027-10-03");
    assertThat(StatutoryFestivals.of(2028).get(StatutoryFestivals.Festival.SPRING_FESTIVAL))
        .extracting(LocalDate::toString).containsExactly("2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28");
  }

  @ParameterizedTest(name = "{0}: from {1}, {2} {3} → bureau {4}, party {5}")
  @CsvSource(delimiter = '|', value = {
      // case                                | from       | n  | kind     | BUREAU     | PARTY
      "元旦: last day Fri 1 Jan                | 2026-12-22 | 10 | CALENDAR | 2027-01-02 | 2027-01-05",
      "元旦: working days across the turn      | 2026-12-25 | 5  | WORKING  | 2027-01-02 | 2027-01-05",
      "year boundary: 90 days from today      | 2026-12-01 | 90 | CALENDAR | 2027-03-01 | 2027-03-01",
      "year boundary: 75 days reach 春节       | 2026-12-01 | 75 | CALENDAR | 2027-02-14 | 2027-02-15",
      "春节: last day 除夕                     | 2027-01-26 | 10 | CALENDAR | 2027-02-09 | 2027-02-15",
      "春节: 3 working days before the festival | 2027-01-29 | 3  | WORKING  | 2027-02-01 | 2027-02-17",
      "国庆: last day Fri 1 Oct                | 2027-09-20 | 11 | CALENDAR | 2027-10-04 | 2027-10-11",
      "国庆: 5 working days before the block   | 2027-09-24 | 5  | WORKING  | 2027-09-29 | 2027-10-15",
      "leap year: last day Tue 29 Feb 2028     | 2028-02-19 | 10 | CALENDAR | 2028-02-29 | 2028-02-29",
      "an ordinary week in March 2027          | 2027-03-08 | 5  | WORKING  | 2027-03-15 | 2027-03-15"})
  @DisplayName("PER-02/PER-05 periods on the provisional calendar: the bureau's earliest end, the party's latest, both marked")
  void bounds(String name, String from, int n, PeriodKind kind, String bureau, String party) {
    Deadline earliest = calculator.days(day(from), n, kind, PeriodSide.BUREAU);
    Deadline latest = calculator.days(day(from), n, kind, PeriodSide.PARTY);

    assertThat(earliest.lastDay()).isEqualTo(day(bureau));
    assertThat(latest.lastDay()).isEqualTo(day(party));
    assertThat(earliest.provisional()).isTrue();
    assertThat(latest.provisional()).isTrue();
    assertThat(latest.lastDay()).isAfterOrEqualTo(earliest.lastDay());
    assertThat(latest.endsAt().toOffsetDateTime()).hasToString(day(party).plusDays(1) + "T00:00+08:00");
  }

  @ParameterizedTest(name = "{0}: from {1} + {2} months → bureau {3}, party {4}")
  @CsvSource(delimiter = '|', value = {
      "month end: 31 Jan + 1 → Sun 28 Feb moves to Mon | 2027-01-31 | 1 | 2027-03-01 | 2027-03-01",
      "month end: 31 Mar + 1 → Fri 30 Apr before 劳动节 | 2027-03-31 | 1 | 2027-04-30 | 2027-05-07",
      "leap year: 31 Jan 2028 + 1 → Tue 29 Feb         | 2028-01-31 | 1 | 2028-02-29 | 2028-02-29",
      "year boundary: 30 Nov 2026 + 3 → Sun 28 Feb 2027 | 2026-11-30 | 3 | 2027-03-01 | 2027-03-01"})
  @DisplayName("PER-02/PER-05 periods in months on the provisional calendar, month ends and the leap day")
  void months(String name, String from, int months, String bureau, String party) {
    assertThat(calculator.months(day(from), months, PeriodSide.BUREAU).lastDay()).isEqualTo(day(bureau));
    assertThat(calculator.months(day(from), months, PeriodSide.PARTY).lastDay()).isEqualTo(day(party));
    assertThat(calculator.months(day(from), months, PeriodSide.PARTY).provisional()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "15 days before Mon 11 Oct 2027: Sun 26 / Sat 25 Sep may be make-up days, so Fri 24 Sep | 2027-10-11 | 15 | CALENDAR | 2027-09-24",
      "10 days before Mon 15 Feb 2027: 5 Feb is 除夕, the days before may be bridged         | 2027-02-15 | 10 | CALENDAR | 2027-01-29",
      "7 working days before Thu 18 Feb 2027, across 春节                                    | 2027-02-18 | 7  | WORKING  | 2027-01-26"})
  @DisplayName("PER-03/PER-05 'at least N days before' on the provisional calendar: the earliest day any notice could require")
  void latestBefore(String name, String date, int n, PeriodKind kind, String latest) {
    Deadline deadline = kind == PeriodKind.WORKING ? calculator.workingDaysBefore(day(date), n) : calculator.before(day(date), n);

    assertThat(deadline.lastDay()).isEqualTo(day(latest));
    assertThat(deadline.provisional()).isTrue();
  }

  @Test
  @DisplayName("PER-05 a period entirely inside a library year is not provisional, also in the December before a provisional year")
  void libraryYearNotProvisional() {
    Deadline december = calculator.days(day("2026-12-01"), 30, PeriodKind.CALENDAR, PeriodSide.PARTY);

    assertThat(december.lastDay()).isEqualTo(day("2026-12-31"));
    assertThat(december.provisional()).isFalse();
  }

  @Test
  @DisplayName("PER-05 entering the 2027 notice ends the provisional state: same calendar object, new answers")
  void enteredNoticeReplacesProvisional() {
    Calendars.InMemoryNotices notices = new Calendars.InMemoryNotices();
    PeriodCalculator entered = new PeriodCalculator(Calendars.with(notices));
    assertThat(entered.days(day("2027-09-20"), 11, PeriodKind.CALENDAR, PeriodSide.PARTY).lastDay()).isEqualTo(day("2027-10-11"));

    notices.enter(2027, java.util.List.of("2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05",
        "2027-10-06", "2027-10-07"), java.util.List.of("2027-09-26", "2027-10-09"));
    Deadline deadline = entered.days(day("2027-09-20"), 11, PeriodKind.CALENDAR, PeriodSide.PARTY);

    assertThat(deadline.lastDay()).isEqualTo(day("2027-10-08"));
    assertThat(deadline.provisional()).isFalse();
    assertThat(entered.calendar().source(2027)).isEqualTo(CalendarSource.NOTICE);
  }
}
