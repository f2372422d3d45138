package cn.gov.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.calendar.PeriodsProperties.AnnouncedYear;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * PER-05: an agency adds a year the library does not know by configuration. The schedules here
 * are test fixtures for years the State Council had not published in tyme4j 1.4.9, not real ones.
 */
class ConfiguredYearTest {

  private static final AnnouncedYear YEAR_2027 = new AnnouncedYear(2027,
      List.of("2027-01-01", "2027-01-02", "2027-01-03"), List.of("2027-01-09"));

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(CalendarConfiguration.class);

  @Test
  @DisplayName("PER-05 a configured year is known: listed holidays rest, listed make-up days work, other days by weekday")
  void configuredYear() {
    WorkingDayCalendar calendar = Calendars.with(YEAR_2027);

    assertThat(calendar.knownYears()).contains(2026, 2027);
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 9))).as("make-up Saturday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 4))).as("Monday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 10))).as("Sunday").isFalse();
    assertThat(new PeriodCalculator(calendar).lastDayOfCalendarDays(LocalDate.of(2026, 12, 21), 11))
        .isEqualTo(LocalDate.of(2027, 1, 4));
  }

  @Test
  @DisplayName("PER-05 an entered year replaces the library's data for that year, so a notice can also correct tyme4j")
  void overridesLibrary() {
    WorkingDayCalendar calendar = Calendars.with(new AnnouncedYear(2026, List.of("2026-10-08"), List.of("2026-10-04")));

    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 4))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).as("not in the entered notice: the weekday decides").isTrue();
  }

  @Test
  @DisplayName("PER-05 a malformed schedule is a configuration error naming the key, in Chinese and English")
  void malformedSchedules() {
    assertInvalid(new AnnouncedYear(2027, List.of("2027-02-30"), List.of()), "periods.years[0].holidays[0]");
    assertInvalid(new AnnouncedYear(2027, List.of(), List.of("2027-01-09")), "no statutory holiday is listed for 2027");
    assertInvalid(new AnnouncedYear(null, List.of("2027-01-01"), List.of()), "periods.years[0].year");
    assertInvalid(new AnnouncedYear(2027, List.of("2072-01-01"), List.of()), "does not belong to the schedule for 2027");
    assertInvalid(new AnnouncedYear(2027, List.of("2027-01-01"), List.of("2027-01-01")),
        "both as a holiday and as a make-up working day");
    assertThatThrownBy(() -> Calendars.with(YEAR_2027, YEAR_2027))
        .hasMessageContaining("periods.years[1].year").hasMessageContaining("configured twice");
  }

  private static void assertInvalid(AnnouncedYear year, String expected) {
    assertThatThrownBy(() -> Calendars.with(year))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("节假日配置错误")
        .hasMessageContaining(expected);
  }

  @Test
  @DisplayName("PER-05 a year is added in application.yaml as documented there, without a code change")
  void fromYaml() throws IOException {
    String yaml = """
        periods:
          years:
            - year: 2027
              holidays: [2027-01-01, 2027-01-02, 2027-01-03]
              make-up-working-days:
                - 2027-01-09
        """;
    List<PropertySource<?>> sources = new YamlPropertySourceLoader()
        .load("agency", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));

    context.withInitializer(c -> c.getEnvironment().getPropertySources().addFirst(sources.get(0)))
        .run(c -> {
          WorkingDayCalendar calendar = c.getBean(WorkingDayCalendar.class);
          assertThat(calendar.noticeYears()).containsExactly(2027);
          assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 2))).isFalse();
          assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 9))).isTrue();
        });
  }

  @Test
  @DisplayName("PER-05 a year is added through environment variables PERIODS_YEARS_0_…")
  void fromEnvironment() {
    var environment = new SystemEnvironmentPropertySource("test-systemEnvironment", Map.of(
        "PERIODS_YEARS_0_YEAR", "2027",
        "PERIODS_YEARS_0_HOLIDAYS", "2027-01-01,2027-01-02,2027-01-03",
        "PERIODS_YEARS_0_MAKEUPWORKINGDAYS", "2027-01-09"));

    context.withInitializer(c -> c.getEnvironment().getPropertySources().addFirst(environment))
        .run(c -> {
          WorkingDayCalendar calendar = c.getBean(WorkingDayCalendar.class);
          assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 3))).isFalse();
          assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 9))).isTrue();
        });
  }

  @Test
  @DisplayName("PER-05 without configuration only the library's years are known; a bad key stops the startup")
  void defaultsAndStartupFailure() {
    context.run(c -> assertThat(c.getBean(WorkingDayCalendar.class).noticeYears()).isEmpty());
    context.withPropertyValues("periods.years[0].year=2027", "periods.years[0].holidays=2027-13-01")
        .run(c -> assertThat(c).hasFailed().getFailure().rootCause()
            .hasMessageContaining("periods.years[0].holidays[0]"));
  }
}
