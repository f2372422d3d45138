package cn.gov.enforcement.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Calendars for the unit tests: tyme4j alone, or with notices entered in memory. tyme4j is read once. */
final class Calendars {

  private static final TymeHolidays LIBRARY = new TymeHolidays();

  private Calendars() {}

  static WorkingDayCalendar library() {
    return new WorkingDayCalendar(LIBRARY, new InMemoryNotices());
  }

  /** A calendar with these entered years: each a year, its holidays and its make-up working days. */
  static WorkingDayCalendar with(InMemoryNotices notices) {
    return new WorkingDayCalendar(LIBRARY, notices);
  }

  /** Entered notices held in memory; {@link #enter} may be called while a calendar uses them. */
  static final class InMemoryNotices implements EnteredNotices {
    private final SortedSet<Integer> years = new TreeSet<>();
    private final Map<LocalDate, Boolean> days = new HashMap<>();

    InMemoryNotices enter(int year, List<String> holidays, List<String> makeUp) {
      years.add(year);
      holidays.forEach(day -> days.put(LocalDate.parse(day), false));
      makeUp.forEach(day -> days.put(LocalDate.parse(day), true));
      return this;
    }

    @Override
    public SortedSet<Integer> years() {
      return years;
    }

    @Override
    public Boolean listedAsWorking(LocalDate day) {
      return days.get(day);
    }
  }
}
