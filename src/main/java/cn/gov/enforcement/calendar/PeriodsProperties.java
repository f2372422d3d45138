package cn.gov.enforcement.calendar;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code periods.*} in application.yaml or the environment: the State Council's holiday schedule
 * for years the bundled tyme4j release does not know yet, so that an agency adds a newly
 * announced year without a code change (PER-05).
 *
 * <pre>
 * periods:
 *   years:
 *     - year: 2027
 *       holidays: [2027-01-01, 2027-01-02, …]          # 放假 days, weekends inside a block included
 *       make-up-working-days: [2027-02-20, …]           # 调休上班 days
 * </pre>
 *
 * or as environment variables {@code PERIODS_YEARS_0_YEAR=2027},
 * {@code PERIODS_YEARS_0_HOLIDAYS=2027-01-01,2027-01-02,…},
 * {@code PERIODS_YEARS_0_MAKEUPWORKINGDAYS=2027-02-20,…}.
 *
 * <p>Dates are kept as strings here and parsed by {@link ConfiguredHolidays}, so that a typo is
 * reported with its key and never depends on a locale-specific date converter.
 */
@ConfigurationProperties("periods")
public record PeriodsProperties(@DefaultValue List<AnnouncedYear> years) {

  /** One year's notice: the year it is for, its holidays and its make-up working days. */
  public record AnnouncedYear(Integer year, @DefaultValue List<String> holidays,
      @DefaultValue List<String> makeUpWorkingDays) {}

  public static PeriodsProperties none() {
    return new PeriodsProperties(List.of());
  }
}
