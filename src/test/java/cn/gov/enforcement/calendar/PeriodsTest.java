package cn.gov.enforcement.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The {@code periods} bean as BPMN expressions call it: loose argument types in, a Date out. */
class PeriodsTest {

  private final Periods periods = new Periods(new PeriodCalculator(Calendars.library()));

  /** 24:00 Beijing time of 2026-10-08. */
  private static final Date CONTRACT_END = Date.from(Instant.parse("2026-10-08T16:00:00Z"));

  @Test
  @DisplayName("PER-02 endOfDays takes consultationStart as yyyy-MM-dd text, LocalDate or Date and consultationDays as any whole number")
  void endOfDaysArguments() {
    Date startAsDate = Date.from(OffsetDateTime.parse("2026-09-11T00:00:00+08:00").toInstant());

    assertThat(periods.endOfDays("2026-09-11", 20L)).isEqualTo(CONTRACT_END);
    assertThat(periods.endOfDays(LocalDate.of(2026, 9, 11), 20)).isEqualTo(CONTRACT_END);
    assertThat(periods.endOfDays(startAsDate, "20")).isEqualTo(CONTRACT_END);
    assertThat(periods.endOfDays("2026-09-11T10:30:00+08:00", 20.0)).isEqualTo(CONTRACT_END);
  }

  @Test
  @DisplayName("PER-04 a Date is read as its Beijing day and the end is 24:00 Beijing time whatever the JVM zone")
  void independentOfJvmZone() {
    TimeZone original = TimeZone.getDefault();
    try {
      for (String zone : new String[] {"UTC", "America/Los_Angeles", "Pacific/Kiritimati"}) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        // 2026-09-10T17:00Z is already 11 September (01:00) in Beijing
        Date start = Date.from(Instant.parse("2026-09-10T17:00:00Z"));
        assertThat(periods.endOfDays(start, 20)).as(zone).isEqualTo(CONTRACT_END);
        assertThat(periods.endOfDays("2026-09-11", 20)).as(zone).isEqualTo(CONTRACT_END);
      }
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  @DisplayName("PER-01 endOfWorkingDays and endOfPenaltyDays: 3 penalty days from Fri 26 Sep 2025 are working days, 10 are calendar days")
  void workingAndPenaltyDays() {
    assertThat(periods.endOfWorkingDays("2025-09-29", 5)).isEqualTo(end("2025-10-13"));
    assertThat(periods.endOfPenaltyDays("2025-09-26", 3)).isEqualTo(end("2025-09-30"));
    assertThat(periods.endOfPenaltyDays("2025-09-26", 10)).isEqualTo(end("2025-10-09"));
  }

  @Test
  @DisplayName("PER-03 latestBefore is due at 24:00 of the latest allowed day (15 days before 20 Oct 2025 → Tue 30 Sep)")
  void latestBefore() {
    assertThat(periods.latestBefore("2025-10-20", 15)).isEqualTo(end("2025-09-30"));
    assertThat(periods.latestBefore(LocalDate.of(2026, 3, 2), 10)).isEqualTo(end("2026-02-14"));
  }

  @Test
  @DisplayName("PER-02 endOfMonths: a 3-month deferral from 1 Jul 2026 lands on National Day and ends 24:00 on Thu 8 Oct")
  void endOfMonths() {
    assertThat(periods.endOfMonths("2026-07-01", 3)).isEqualTo(end("2026-10-08"));
    assertThat(periods.endOfMonths("2026-06-15", 3)).isEqualTo(end("2026-09-15"));
  }

  @Test
  @DisplayName("PER-04 endOfDay is 00:00 Asia/Shanghai of the following day")
  void endOfDay() {
    assertThat(periods.endOfDay("2026-10-08")).isEqualTo(CONTRACT_END);
  }

  @Test
  @DisplayName("PER-02 missing or malformed arguments are refused with a Chinese and English message")
  void badArguments() {
    assertThatThrownBy(() -> periods.endOfDays(null, 20))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("缺少 start").hasMessageContaining("missing start");
    assertThatThrownBy(() -> periods.endOfDays("2026-02-30", 20))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid start");
    assertThatThrownBy(() -> periods.endOfDays("2026-09-11", 20.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid days");
    assertThatThrownBy(() -> periods.endOfDays("2026-09-11", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing days");
    assertThatThrownBy(() -> periods.endOfDays(new Object(), 20))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("PER-05 a deadline in a year without data is a date, and the trace says it is provisional")
  void unknownYear() {
    CalendarTrace.Traced<Date> traced = CalendarTrace.trace(() -> periods.endOfDays("2099-03-01", 20));

    assertThat(traced.value()).isEqualTo(end("2099-03-23"));
    assertThat(traced.provisional()).isTrue();
    assertThat(traced.years()).contains(2099);
  }

  private static Date end(String lastDay) {
    return Date.from(LocalDate.parse(lastDay).plusDays(1).atStartOfDay(BeijingTime.ZONE).toInstant());
  }
}
