package cn.gov.enforcement.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which days are working days in mainland China (PER-02, PER-05): Monday to Friday, except
 * statutory holidays, plus the make-up working days (调休) on which offices work on a weekend.
 *
 * <p>Sources, in order: a day listed by a notice an administrator entered ({@link EnteredNotices});
 * a day listed by tyme4j; otherwise the weekday. A year that neither source knows is
 * <em>provisional</em> ({@link CalendarSource#PROVISIONAL}), and the calendar still answers, never
 * refusing for lack of data:
 * <ul>
 *   <li>the days fixed by law ({@link StatutoryFestivals}) are holidays;</li>
 *   <li>days the coming notice may still change are <em>uncertain</em>
 *       ({@link StatutoryFestivals#mayChange}): a weekday near a festival may become a holiday
 *       (bridging days, 补休), a weekend day near one may become a make-up working day.
 *       {@link PeriodSide} decides how they count: as rest days for a party's period (latest
 *       end), as working days for the bureau's own (earliest end);</li>
 *   <li>every other day is decided by its weekday.</li>
 * </ul>
 * The reaches per festival come from the notices tyme4j carries ({@link StatutoryFestivals.Festival}).
 * A notice decides the days of its own year only (the PUT refuses dates outside it), so a day of a
 * known year is certain, also in the December before a provisional year. A notice that moves days
 * of the previous December (as those for 2019 and 2024 did) is entered as a correction of that year.
 *
 * <p>Every answer is reported to {@link CalendarTrace}: provisional when the day's year is
 * provisional or the day is uncertain.
 */
public class WorkingDayCalendar {

  private final TymeHolidays library;
  private final EnteredNotices notices;

  public WorkingDayCalendar(TymeHolidays library, EnteredNotices notices) {
    this.library = library;
    this.notices = notices;
  }

  /** What the calendar knows about one day. */
  public record DayStatus(LocalDate day, boolean workingForParty, boolean workingForBureau, boolean provisional,
      CalendarSource source) {

    public boolean working(PeriodSide side) {
      return side == PeriodSide.PARTY ? workingForParty : workingForBureau;
    }

    /** True when the two sides count the day differently (a day the coming notice may change). */
    public boolean uncertain() {
      return workingForParty != workingForBureau;
    }
  }

  public DayStatus status(LocalDate day) {
    int year = day.getYear();
    CalendarSource source = source(year);
    Boolean listed = notices.listedAsWorking(day);
    if (listed == null && source != CalendarSource.NOTICE) {
      listed = library.listedAsWorking(day);
    }
    if (listed != null) {
      // a provisional year's own listed days (tyme4j lists a few of the next year's) are still certain days
      CalendarTrace.consulted(Set.of(year), false);
      return new DayStatus(day, listed, listed, false, source);
    }
    boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    if (source == CalendarSource.PROVISIONAL && StatutoryFestivals.days(year).contains(day)) {
      CalendarTrace.consulted(Set.of(year), true);
      return new DayStatus(day, false, false, true, source);
    }
    boolean provisional = source == CalendarSource.PROVISIONAL;
    boolean uncertain = provisional && StatutoryFestivals.mayChange(day);
    CalendarTrace.consulted(Set.of(year), provisional);
    if (uncertain) {
      return new DayStatus(day, false, true, true, source);
    }
    return new DayStatus(day, !weekend, !weekend, provisional, source);
  }

  /** Where {@code year}'s data comes from. */
  public CalendarSource source(int year) {
    if (notices.years().contains(year)) {
      return CalendarSource.NOTICE;
    }
    return library.knownYears().contains(year) ? CalendarSource.LIBRARY : CalendarSource.PROVISIONAL;
  }

  public boolean isWorkingDay(LocalDate day, PeriodSide side) {
    return status(day).working(side);
  }

  /**
   * Without a side an uncertain day is a rest day (PER-05: nothing is silently a working day); on
   * a day a notice or the library fixes, both sides agree anyway.
   */
  public boolean isWorkingDay(LocalDate day) {
    return isWorkingDay(day, PeriodSide.PARTY);
  }

  /** {@code day} itself when it is a working day, else the first working day after it. */
  public LocalDate onOrNextWorkingDay(LocalDate day, PeriodSide side) {
    LocalDate candidate = day;
    while (!isWorkingDay(candidate, side)) {
      candidate = candidate.plusDays(1);
    }
    return candidate;
  }

  public LocalDate onOrNextWorkingDay(LocalDate day) {
    return onOrNextWorkingDay(day, PeriodSide.PARTY);
  }

  /** {@code day} itself when it is a working day, else the last working day before it. */
  public LocalDate onOrPreviousWorkingDay(LocalDate day, PeriodSide side) {
    LocalDate candidate = day;
    while (!isWorkingDay(candidate, side)) {
      candidate = candidate.minusDays(1);
    }
    return candidate;
  }

  public LocalDate onOrPreviousWorkingDay(LocalDate day) {
    return onOrPreviousWorkingDay(day, PeriodSide.PARTY);
  }

  /** Years with data (library or entered notice); every other year is provisional. */
  public SortedSet<Integer> knownYears() {
    SortedSet<Integer> years = new TreeSet<>(library.knownYears());
    years.addAll(notices.years());
    return years;
  }

  public SortedSet<Integer> libraryYears() {
    return library.knownYears();
  }

  public SortedSet<Integer> noticeYears() {
    return notices.years();
  }
}
