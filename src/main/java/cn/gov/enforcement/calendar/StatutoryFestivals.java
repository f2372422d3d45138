package cn.gov.enforcement.calendar;

import com.tyme.lunar.LunarDay;
import com.tyme.solar.SolarDay;
import com.tyme.solar.SolarTerm;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The holidays fixed by law for every year (全国年节及纪念日放假办法, 2024 revision, 国务院令第795号,
 * in force since 2025-01-01, 第二条): 元旦 1 day, 春节 4 days (除夕 to 正月初三), 清明节 1 day (the
 * solar-term day), 劳动节 2 days (1–2 May), 端午节 1 day, 中秋节 1 day, 国庆节 3 days (1–3 October).
 * Lunar and solar-term dates are computed by tyme4j, which does so for any year.
 *
 * <p>The annual State Council notice only adds to these days (bridging days, 补休 for a festival on
 * a weekend) and moves weekend rest to make-up working days; it never makes one of them a working
 * day. So these days are holidays in every year, with or without the notice.
 */
public final class StatutoryFestivals {

  /**
   * The seven festivals, and how far (in days from the festival's nearest fixed day) a State
   * Council notice has moved days around each: a weekday made a holiday (bridging days, 补休) and
   * a weekend made a make-up working day. Measured over the notices 2008–2026 in tyme4j (maxima:
   * 元旦 2/5, 春节 4/9, 清明 2/4, 劳动节 3/9, 端午 2/4, 中秋 3 standalone, 国庆 5/9), plus a margin; see
   * {@code ProvisionalReachTest}.
   */
  public enum Festival {
    NEW_YEAR("元旦", "New Year's Day", 3, 7),
    SPRING_FESTIVAL("春节", "Spring Festival", 5, 11),
    QINGMING("清明节", "Qingming", 3, 6),
    LABOUR_DAY("劳动节", "Labour Day", 4, 11),
    DRAGON_BOAT("端午节", "Dragon Boat Festival", 3, 6),
    MID_AUTUMN("中秋节", "Mid-Autumn Festival", 4, 7),
    NATIONAL_DAY("国庆节", "National Day", 6, 11);

    private final String chinese;
    private final String english;
    private final int weekdayReach;
    private final int weekendReach;

    Festival(String chinese, String english, int weekdayReach, int weekendReach) {
      this.chinese = chinese;
      this.english = english;
      this.weekdayReach = weekdayReach;
      this.weekendReach = weekendReach;
    }

    public String chinese() {
      return chinese;
    }

    public String english() {
      return english;
    }

    /** A weekday this close to one of the festival's fixed days may become a holiday. */
    public int weekdayReach() {
      return weekdayReach;
    }

    /** A Saturday or Sunday this close may become a make-up working day. */
    public int weekendReach() {
      return weekendReach;
    }
  }

  private static final Map<Integer, Map<Festival, List<LocalDate>>> CACHE = new ConcurrentHashMap<>();

  private StatutoryFestivals() {}

  /** The legal days of each festival of {@code year}, in order. */
  public static Map<Festival, List<LocalDate>> of(int year) {
    return CACHE.computeIfAbsent(year, StatutoryFestivals::compute);
  }

  /** All legal holiday days of {@code year}. */
  public static SortedSet<LocalDate> days(int year) {
    SortedSet<LocalDate> days = new TreeSet<>();
    of(year).values().forEach(days::addAll);
    return days;
  }

  /**
   * Whether a notice for {@code day}'s year could change {@code day}: a weekday or weekend day
   * (not itself fixed) within reach of a festival of that year or a neighbouring one.
   */
  public static boolean mayChange(LocalDate day) {
    boolean weekend = day.getDayOfWeek().getValue() >= 6;
    for (int year = day.getYear() - 1; year <= day.getYear() + 1; year++) {
      for (Map.Entry<Festival, List<LocalDate>> festival : of(year).entrySet()) {
        int reach = weekend ? festival.getKey().weekendReach() : festival.getKey().weekdayReach();
        for (LocalDate fixed : festival.getValue()) {
          if (Math.abs(fixed.toEpochDay() - day.toEpochDay()) <= reach) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Map<Festival, List<LocalDate>> compute(int year) {
    Map<Festival, List<LocalDate>> days = new EnumMap<>(Festival.class);
    days.put(Festival.NEW_YEAR, List.of(LocalDate.of(year, 1, 1)));
    LocalDate springFestival = local(LunarDay.fromYmd(year, 1, 1).getSolarDay());
    days.put(Festival.SPRING_FESTIVAL, run(springFestival.minusDays(1), 4)); // 除夕 … 正月初三
    days.put(Festival.QINGMING, List.of(local(SolarTerm.fromName(year, "清明").getJulianDay().getSolarDay())));
    days.put(Festival.LABOUR_DAY, run(LocalDate.of(year, 5, 1), 2));
    days.put(Festival.DRAGON_BOAT, List.of(local(LunarDay.fromYmd(year, 5, 5).getSolarDay())));
    days.put(Festival.MID_AUTUMN, List.of(local(LunarDay.fromYmd(year, 8, 15).getSolarDay())));
    days.put(Festival.NATIONAL_DAY, run(LocalDate.of(year, 10, 1), 3));
    return Collections.unmodifiableMap(days);
  }

  private static List<LocalDate> run(LocalDate first, int length) {
    List<LocalDate> days = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      days.add(first.plusDays(i));
    }
    return List.copyOf(days);
  }

  private static LocalDate local(SolarDay day) {
    return LocalDate.of(day.getYear(), day.getMonth(), day.getDay());
  }
}
