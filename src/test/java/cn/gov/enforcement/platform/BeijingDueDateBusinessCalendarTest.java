package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs with -Duser.timezone=UTC (pom): the engine's own calendar would be eight hours late here. */
class BeijingDueDateBusinessCalendarTest {

  private final BeijingDueDateBusinessCalendar calendar = new BeijingDueDateBusinessCalendar();

  @Test
  @DisplayName("PER-04 a timeDate/dueDate text without offset is Beijing time, not the JVM zone")
  void withoutOffset() {
    assertThat(calendar.resolveDuedate("2026-10-09")).isEqualTo(Date.from(Instant.parse("2026-10-08T16:00:00Z")));
    assertThat(calendar.resolveDuedate("2026-10-08T09:30")).isEqualTo(Date.from(Instant.parse("2026-10-08T01:30:00Z")));
    assertThat(calendar.resolveDuedate("2026-10-08T09:30:00")).isEqualTo(Date.from(Instant.parse("2026-10-08T01:30:00Z")));
  }

  @Test
  @DisplayName("PER-04 text with an offset and ISO durations keep the engine's meaning")
  void offsetsAndDurations() {
    assertThat(calendar.resolveDuedate("2026-10-09T00:00:00+08:00")).isEqualTo(Date.from(Instant.parse("2026-10-08T16:00:00Z")));
    assertThat(calendar.resolveDuedate("2026-10-08T16:00:00Z")).isEqualTo(Date.from(Instant.parse("2026-10-08T16:00:00Z")));
    Date start = Date.from(Instant.parse("2026-10-08T16:00:00Z"));
    assertThat(calendar.resolveDuedate("PT24H", start)).isEqualTo(Date.from(Instant.parse("2026-10-09T16:00:00Z")));
  }
}
