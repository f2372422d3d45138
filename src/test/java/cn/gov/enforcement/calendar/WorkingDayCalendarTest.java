package cn.gov.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which days are working days, checked against the State Council notices for 2025 and 2026. */
class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar = Calendars.library();

  @Test
  @DisplayName("PER-05 tyme4j 1.4.9 supplies 2002–2026; 2001 (two carried-over make-up days only) is not a known year")
  void libraryYears() {
    assertThat(calendar.knownYears()).containsAll(IntStream.rangeClosed(2002, 2026).boxed().toList());
    assertThat(calendar.knownYears()).doesNotContain(2001);
  }

  @ParameterizedTest(name = "{0} is a rest day")
  @ValueSource(strings = {"2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06",
      "2025-10-07", "2025-10-08", "2025-09-27", "2025-10-12"})
  @DisplayName("PER-02 2025 National Day and Mid-Autumn: 1–8 October are holidays (State Council notice for 2025)")
  void nationalDay2025Holidays(String day) {
    assertThat(calendar.isWorkingDay(LocalDate.parse(day))).isFalse();
  }

  @ParameterizedTest(name = "{0} is a working day")
  @ValueSource(strings = {"2025-09-28", "2025-10-11", "2025-09-30", "2025-10-09"})
  @DisplayName("PER-02 2025 National Day: make-up working days Sun 28 Sep and Sat 11 Oct count as working days")
  void nationalDay2025MakeUpDays(String day) {
    assertThat(calendar.isWorkingDay(LocalDate.parse(day))).isTrue();
  }

  @ParameterizedTest(name = "{0} is a rest day")
  @ValueSource(strings = {"2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
      "2026-02-21", "2026-02-22", "2026-02-23"})
  @DisplayName("PER-02 2026 Spring Festival: 15–23 February are holidays (State Council notice for 2026)")
  void springFestival2026Holidays(String day) {
    assertThat(calendar.isWorkingDay(LocalDate.parse(day))).isFalse();
  }

  @ParameterizedTest(name = "{0} is a working day")
  @ValueSource(strings = {"2026-02-14", "2026-02-28", "2026-01-04", "2026-09-20", "2026-10-10"})
  @DisplayName("PER-02 2026 make-up working days (Sat 14 and 28 Feb, Sun 4 Jan, Sun 20 Sep, Sat 10 Oct) are working days")
  void makeUpDays2026(String day) {
    assertThat(calendar.isWorkingDay(LocalDate.parse(day))).isTrue();
  }

  @Test
  @DisplayName("PER-02 outside holiday blocks, Monday–Friday work and Saturday–Sunday rest")
  void ordinaryWeek() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 16))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 20))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 21))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 22))).isFalse();
  }

  @Test
  @DisplayName("PER-05 a Monday in a year without holiday data is answered provisionally, never refused")
  void yearWithoutData() {
    WorkingDayCalendar.DayStatus monday = calendar.status(LocalDate.of(2099, 3, 2));

    assertThat(monday.source()).isEqualTo(CalendarSource.PROVISIONAL);
    assertThat(monday.provisional()).isTrue();
    assertThat(monday.workingForParty()).isTrue();
    assertThat(monday.workingForBureau()).isTrue();
  }

  @Test
  @DisplayName("PER-05 the year after the library's last year is provisional until its notice is entered")
  void firstYearAfterLibrary() {
    int unknown = calendar.knownYears().last() + 1;
    assertThat(calendar.source(unknown)).isEqualTo(CalendarSource.PROVISIONAL);
    assertThat(calendar.source(unknown - 1)).isEqualTo(CalendarSource.LIBRARY);
    assertThat(calendar.status(LocalDate.of(unknown, 1, 1)).workingForBureau()).as("元旦 is fixed by law").isFalse();
  }

  @Test
  @DisplayName("PER-05 a make-up day tyme4j lists in 2001 does not make 2001 a known year, but the listed day is certain")
  void partialYear() {
    assertThat(calendar.source(2001)).isEqualTo(CalendarSource.PROVISIONAL);
    assertThat(calendar.status(LocalDate.of(2001, 12, 29)).provisional()).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2001, 12, 29))).as("make-up Saturday for 2002").isTrue();
  }
}
