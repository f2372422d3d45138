package cn.gov.enforcement.calendar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;

/**
 * Turns the values a process variable or a form field may hold into a day and a count, so the
 * {@code periods} bean accepts what the models have: a {@code yyyy-MM-dd} string from a
 * Camunda Form, a {@link Date} variable, a {@link LocalDate} from Java, a Long from EL literals.
 *
 * <p>An instant (Date, Instant, a string with an offset) means the day on which it falls in
 * Beijing (PER-04), so a Date stored as 00:00 +08:00 is read as that day whatever the JVM zone.
 */
final class ExpressionArguments {

  private ExpressionArguments() {}

  static LocalDate day(Object value, String name) {
    if (value == null) {
      throw missing(name);
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    // java.sql.Date has no time part; its toInstant() throws
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof Date date) {
      return BeijingTime.dayOf(date);
    }
    if (value instanceof Calendar calendar) {
      return BeijingTime.dayOf(calendar.getTime());
    }
    if (value instanceof Instant instant) {
      return instant.atZone(BeijingTime.ZONE).toLocalDate();
    }
    if (value instanceof ZonedDateTime time) {
      return time.withZoneSameInstant(BeijingTime.ZONE).toLocalDate();
    }
    if (value instanceof OffsetDateTime time) {
      return time.atZoneSameInstant(BeijingTime.ZONE).toLocalDate();
    }
    if (value instanceof LocalDateTime time) {
      return time.toLocalDate();
    }
    if (value instanceof CharSequence text) {
      return parseDay(text.toString().trim(), name);
    }
    throw invalid(name, value);
  }

  private static LocalDate parseDay(String text, String name) {
    if (text.isEmpty()) {
      throw missing(name);
    }
    return IsoDates.beijingDay(text).orElseThrow(() -> invalid(name, text));
  }

  static int count(Object value, String name) {
    if (value == null) {
      throw missing(name);
    }
    try {
      BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString())
          : new BigDecimal(value.toString().trim());
      // a form's number field may arrive as 20.0; 20.5 days is not a period
      return number.stripTrailingZeros().intValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw invalid(name, value);
    }
  }

  private static IllegalArgumentException missing(String name) {
    return new PeriodArgumentException(name, "期限无法计算：期间计算缺少 " + name + "（" + meaning(name)
        + "未填写）。请检查本步骤及之前步骤填写的日期和天数，仍有问题请联系系统管理员",
        "the deadline cannot be computed: period calculation is missing " + name + " (" + english(name)
            + " not given). Check the dates and numbers of days entered in this and the previous steps");
  }

  private static IllegalArgumentException invalid(String name, Object value) {
    return new PeriodArgumentException(name, "期限无法计算：期间计算的 " + name + " 无效：\"" + value + "\"（" + meaning(name)
        + "应为" + (isCount(name) ? "整数" : "yyyy-MM-dd 格式的日期") + "）。请检查本步骤及之前步骤填写的内容",
        "the deadline cannot be computed: invalid " + name + " for period calculation: \"" + value + "\" (" + english(name)
            + " must be " + (isCount(name) ? "a whole number" : "a date yyyy-MM-dd") + ")");
  }

  private static boolean isCount(String name) {
    return name.equals("days") || name.equals("months");
  }

  private static String meaning(String name) {
    return switch (name) {
      case "start" -> "起算日期";
      case "date" -> "日期";
      case "days" -> "天数";
      case "months" -> "月数";
      default -> name;
    };
  }

  private static String english(String name) {
    return switch (name) {
      case "start" -> "the day the period starts from";
      case "date" -> "the date";
      case "days" -> "the number of days";
      case "months" -> "the number of months";
      default -> name;
    };
  }
}
