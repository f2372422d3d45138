package cn.gov.enforcement.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.calendar.EnteredNotices;
import cn.gov.enforcement.calendar.PeriodCalculator;
import cn.gov.enforcement.calendar.Periods;
import cn.gov.enforcement.calendar.TymeHolidays;
import cn.gov.enforcement.calendar.WorkingDayCalendar;
import java.util.SortedSet;
import java.util.TreeSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CASE-03 / PER-01: the penalty procedure's hearing notice, 7 working days before the hearing, as
 * the model computes it ({@code ${periods.latestWorkingDaysBefore(hearingDate, 7)}} on
 * {@code Task_NotifyHearing}, and {@link HearingScheduleRule}).
 */
class HearingNoticeDeadlineTest {

  private static final EnteredNotices NONE = new EnteredNotices() {
    @Override
    public SortedSet<Integer> years() {
      return new TreeSet<>();
    }

    @Override
    public Boolean listedAsWorking(LocalDate day) {
      return null;
    }
  };

  private final PeriodCalculator calculator = new PeriodCalculator(new WorkingDayCalendar(new TymeHolidays(), NONE));
  private final Periods periods = new Periods(calculator);

  @ParameterizedTest(name = "hearing {0} → notice by {1}")
  @DisplayName("CASE-03 PER-01 the hearing is notified at least 7 working days ahead (APL 64 with 85), not 7 calendar days")
  @CsvSource({
      // a plain week: Fri 20 March − 7 working days = Wed 11 March (7 calendar days would be Fri 13)
      "2026-03-20, 2026-03-11",
      // Monday hearing: back over one weekend
      "2026-03-23, 2026-03-12",
      // across National Day 2026 (1–7 Oct off, Sat 10 Oct a make-up working day) and Mid-Autumn (Fri 25 Sep)
      "2026-10-12, 2026-09-24",
      // across the Spring Festival 2026 (15–23 Feb off, Sat 14 Feb a make-up working day)
      "2026-02-27, 2026-02-11",
  })
  void sevenWorkingDays(LocalDate hearing, LocalDate latestNotice) {
    assertThat(calculator.latestDayWorkingDaysBefore(hearing, HearingScheduleRule.NOTICE_WORKING_DAYS)).isEqualTo(latestNotice);
  }

  @Test
  @DisplayName("CASE-03 PER-04 the notice task is due 24:00 Beijing time of the latest day")
  void dueAtMidnightBeijing() {
    assertThat(periods.latestWorkingDaysBefore("2026-03-20", 7)).isEqualTo(Date.from(Instant.parse("2026-03-11T16:00:00Z")));
  }
}
