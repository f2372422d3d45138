package cn.gov.enforcement.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reader of ISO-8601 dates and date-times typed by people or sent by clients. Each method
 * answers empty for text it cannot read, and the caller turns that into its own bilingual 400 or
 * its own fallback. Text without an offset is Beijing time (PER-04), never the JVM's zone.
 */
public final class IsoDates {

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern ENDS_WITH_OFFSET = Pattern.compile(".*(Z|[+-]\\d{2}:?\\d{2})$");

  private IsoDates() {}

  /**
   * A calendar day {@code yyyy-MM-dd} with a four-digit year (ISO would also read
   * {@code +99999-01-01}, whose periods overflow {@code LocalDate}).
   */
  public static Optional<LocalDate> day(String text) {
    if (text == null || !DAY.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // 2026-02-30
    }
  }

  /**
   * The Beijing day of a day ({@code yyyy-MM-dd}), of an instant with offset (the day in Beijing
   * on which it falls) or of a local date-time (its date).
   */
  public static Optional<LocalDate> beijingDay(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (text.length() == 10) {
        return Optional.of(LocalDate.parse(text));
      }
      if (ENDS_WITH_OFFSET.matcher(text).matches()) {
        return Optional.of(OffsetDateTime.parse(text).atZoneSameInstant(BeijingTime.ZONE).toLocalDate());
      }
      return Optional.of(LocalDateTime.parse(text).toLocalDate());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** An instant written with its offset ({@code 2026-03-01T09:30:00+08:00}, {@code …Z}) and nothing else. */
  public static Optional<Instant> instantWithOffset(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * An instant with offset, with a zone ({@code …+08:00[Asia/Shanghai]}), or a local date-time
   * read as Beijing time.
   */
  public static Optional<Instant> instant(String text) {
    Optional<Instant> withOffset = instantWithOffset(text);
    if (withOffset.isPresent()) {
      return withOffset;
    }
    try {
      return Optional.of(ZonedDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(text).atZone(BeijingTime.ZONE).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
