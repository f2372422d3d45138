package cn.gov.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodKindTest {

  @ParameterizedTest(name = "{0} days → WORKING")
  @ValueSource(ints = {2, 3, 5, 7})
  @DisplayName("PER-01 the penalty procedure's 2, 3, 5 and 7 days are working days")
  void penaltyWorkingDays(int days) {
    assertThat(PeriodKind.forPenaltyProcedure(days)).isEqualTo(PeriodKind.WORKING);
  }

  @ParameterizedTest(name = "{0} days → CALENDAR")
  @ValueSource(ints = {1, 4, 6, 10, 15, 20, 30, 60, 90})
  @DisplayName("PER-01 every other number of days is calendar days")
  void otherDaysAreCalendarDays(int days) {
    assertThat(PeriodKind.forPenaltyProcedure(days)).isEqualTo(PeriodKind.CALENDAR);
  }

  @ParameterizedTest(name = "{0} days → {1}")
  @org.junit.jupiter.params.provider.CsvSource({"1, WORKING", "3, WORKING", "5, WORKING", "10, WORKING", "11, CALENDAR", "15, CALENDAR",
      "30, CALENDAR"})
  @DisplayName("PER-01 administrative coercion (行政强制法 69): ten days or less are working days, longer periods calendar days")
  void coercionDays(int days, PeriodKind kind) {
    assertThat(PeriodKind.forCoercionProcedure(days)).isEqualTo(kind);
  }
}
