package cn.gov.enforcement.deadlines;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.platform.EngineClock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

/** The server's day in Asia/Shanghai by the engine clock (which tests move), and lenient day parsing. */
public final class ServerToday {

  private ServerToday() {}

  public static LocalDate today() {
    return BeijingTime.dayOf(EngineClock.now());
  }

  /** The day of a {@code yyyy-MM-dd} string, an ISO date-time (its date part) or a {@link Date}. */
  public static Optional<LocalDate> day(Object value) {
    if (value instanceof Date date) {
      return Optional.of(BeijingTime.dayOf(date));
    }
    if (value instanceof LocalDate date) {
      return Optional.of(date);
    }
    if (value == null || value.toString().isBlank() || value.toString().strip().length() < 10) {
      return Optional.empty();
    }
    String text = value.toString().strip();
    try {
      if (text.length() > 10) {
        return Optional.of(java.time.OffsetDateTime.parse(text).atZoneSameInstant(BeijingTime.ZONE).toLocalDate());
      }
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDate.parse(text.substring(0, 10)));
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }
}
