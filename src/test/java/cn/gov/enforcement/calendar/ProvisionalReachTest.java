package cn.gov.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.tyme.holiday.LegalHoliday;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PER-05 "errs on the party's safe side": had the year been provisional, every day its real
 * notice changed would have been an uncertain day, so the party's bound (uncertain = rest) is
 * never earlier and the bureau's (uncertain = working) never later than the real schedule. Checked
 * against every notice tyme4j carries since 2008; the fixed days are checked for the years the
 * 2024 law governs.
 */
class ProvisionalReachTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023,
      2024, 2025, 2026})
  @DisplayName("PER-05 every bridging holiday and make-up day of a real notice lies within the provisional calendar's uncertain days")
  void realNoticesWithinReach(int year) {
    List<String> outside = new ArrayList<>();
    for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
      LegalHoliday listed = LegalHoliday.fromYmd(year, day.getMonthValue(), day.getDayOfMonth());
      // 2015's one-off 抗战胜利70周年 holiday is not a festival of the law
      if (listed == null || listed.getName().startsWith("抗战")) {
        continue;
      }
      boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
      boolean changed = listed.isWork() ? weekend : !weekend && !StatutoryFestivals.days(year).contains(day);
      if (changed && !StatutoryFestivals.mayChange(day)) {
        outside.add(day + (listed.isWork() ? " 调休" : " 放假") + " " + listed.getName());
      }
    }
    assertThat(outside).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {2025, 2026})
  @DisplayName("PER-05 the days fixed by the 2024 law are holidays in every notice since it is in force")
  void fixedDaysAreHolidays(int year) {
    for (LocalDate day : StatutoryFestivals.days(year)) {
      LegalHoliday listed = LegalHoliday.fromYmd(year, day.getMonthValue(), day.getDayOfMonth());
      assertThat(listed).as(day.toString()).isNotNull();
      assertThat(listed.isWork()).as(day.toString()).isFalse();
    }
  }
}
