package cn.gov.enforcement.calendar;

import com.tyme.holiday.LegalHoliday;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statutory holidays (放假) and make-up working days (调休上班) that the bundled
 * {@code cn.6tail:tyme4j} release knows, read only through its public API
 * ({@link LegalHoliday#fromYmd}).
 *
 * <p>A year counts as known when the library has its National Day (1 October). National Day is
 * in every annual State Council notice and is the last holiday of it, so a year for which the
 * library only carries days announced in the previous year's notice (tyme4j 1.4.9 has two
 * make-up days of late December 2001, from the notice for 2002) does not count as known.
 */
public class TymeHolidays {

  /** Years scanned for data; tyme4j starts with 2001 and a release covers the year it ships in. */
  private static final int FIRST_YEAR_SCANNED = 1990;
  private static final int LAST_YEAR_SCANNED = 2199;

  private final SortedSet<Integer> knownYears;
  /** {@code LegalHoliday.fromYmd} runs a regular expression over the whole data; read each year once. */
  private final Map<Integer, Map<LocalDate, Boolean>> yearCache = new ConcurrentHashMap<>();

  public TymeHolidays() {
    SortedSet<Integer> years = new TreeSet<>();
    for (int year = FIRST_YEAR_SCANNED; year <= LAST_YEAR_SCANNED; year++) {
      if (LegalHoliday.fromYmd(year, 10, 1) != null) {
        years.add(year);
      }
    }
    this.knownYears = Collections.unmodifiableSortedSet(years);
  }

  public SortedSet<Integer> knownYears() {
    return knownYears;
  }

  /**
   * {@code TRUE} for a make-up working day, {@code FALSE} for a statutory holiday, {@code null}
   * for a day the library lists neither way (then the weekday decides).
   */
  public Boolean listedAsWorking(LocalDate day) {
    return yearCache.computeIfAbsent(day.getYear(), TymeHolidays::readYear).get(day);
  }

  private static Map<LocalDate, Boolean> readYear(int year) {
    Map<LocalDate, Boolean> listed = new ConcurrentHashMap<>();
    for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
      LegalHoliday holiday = LegalHoliday.fromYmd(year, day.getMonthValue(), day.getDayOfMonth());
      if (holiday != null) {
        listed.put(day, holiday.isWork());
      }
    }
    return listed;
  }
}
