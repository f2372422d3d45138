package cn.gov.enforcement.deadlines;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.calendar.IsoDates;
import cn.gov.enforcement.platform.EngineClock;
import java.time.LocalDate;
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
    // an instant with offset is the Beijing day it falls on; anything else that starts with a day counts as that day
    Optional<LocalDate> instantsDay = text.length() > 10
        ? IsoDates.instantWithOffset(text).map(instant -> LocalDate.ofInstant(instant, BeijingTime.ZONE)) : Optional.empty();
    return instantsDay.or(() -> IsoDates.beijingDay(text.substring(0, 10)));
  }
}
