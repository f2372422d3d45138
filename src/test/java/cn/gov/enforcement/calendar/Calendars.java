package cn.gov.enforcement.calendar;

import cn.gov.enforcement.calendar.PeriodsProperties.AnnouncedYear;
import java.util.List;

/** Calendars for the unit tests: tyme4j alone, or with years announced by configuration. tyme4j is read once. */
final class Calendars {

  private static final TymeHolidays LIBRARY = new TymeHolidays();

  private Calendars() {}

  static WorkingDayCalendar library() {
    return new WorkingDayCalendar(LIBRARY, ConfiguredHolidays.none());
  }

  static WorkingDayCalendar with(AnnouncedYear... years) {
    return new WorkingDayCalendar(LIBRARY, ConfiguredHolidays.from(new PeriodsProperties(List.of(years))));
  }

  /**
   * An agency's 2028 block as the tests use it. Not the real 2028 schedule (unpublished when this
   * was written): only what the leap-day tests need, New Year's Day.
   */
  static AnnouncedYear year2028Fixture() {
    return new AnnouncedYear(2028, List.of("2028-01-01"), List.of());
  }
}
