package cn.gov.enforcement.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * PER-04: every deadline is reckoned in Beijing time, whatever zone the JVM or the database runs in.
 *
 * <p>"24:00 of the last day" is represented as the instant 00:00 of the following day in
 * Asia/Shanghai: the first instant at which the period is over. java.time and ISO-8601 have no
 * hour 24, and a timer due at exactly that instant fires when the period has ended, never a
 * millisecond early (23:59:59 would be, and loses a second on databases that drop milliseconds).
 */
public final class BeijingTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private BeijingTime() {}

  /** 24:00 of {@code lastDay}, i.e. 00:00 of the next day, in Asia/Shanghai. */
  public static ZonedDateTime endOfDay(LocalDate lastDay) {
    return lastDay.plusDays(1).atStartOfDay(ZONE);
  }

  /** The calendar day in Beijing on which {@code instant} falls. */
  public static LocalDate dayOf(Date instant) {
    return instant.toInstant().atZone(ZONE).toLocalDate();
  }

  public static Date toDate(ZonedDateTime time) {
    return Date.from(time.toInstant());
  }
}
