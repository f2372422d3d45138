package cn.gov.enforcement.platform;

import cn.gov.enforcement.calendar.BeijingTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;

/**
 * The engine's "dueDate" business calendar (timer {@code timeDate}, task {@code dueDate} given as
 * text), reading a date or date-time without an offset in Beijing time (PER-04).
 *
 * <p>The engine's own calendar reads {@code 2026-10-08} or {@code 2026-10-08T09:00} in the JVM's
 * zone, so the same model would fire eight hours later on a server running in UTC. Text with an
 * offset and ISO durations ({@code P…}) are left to the engine: they do not depend on the zone.
 * A {@link Date} returned by the {@code periods} bean does not pass through any calendar.
 */
public class BeijingDueDateBusinessCalendar extends DueDateBusinessCalendar {

  @Override
  public Date resolveDuedate(String duedate, Date startDate) {
    Date local = duedate == null ? null : withoutOffset(duedate.trim());
    return local != null ? local : super.resolveDuedate(duedate, startDate);
  }

  private static Date withoutOffset(String text) {
    if (text.startsWith("P")) {
      return null;
    }
    try {
      if (text.length() == 10) {
        return BeijingTime.toDate(LocalDate.parse(text).atStartOfDay(BeijingTime.ZONE));
      }
      return BeijingTime.toDate(LocalDateTime.parse(text).atZone(BeijingTime.ZONE));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
