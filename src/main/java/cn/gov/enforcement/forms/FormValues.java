package cn.gov.enforcement.forms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a form is checked against: the variables the task or the new process instance sees
 * once the submission is applied (submitted values over existing ones), as plain Java values:
 * {@code String}, {@code Boolean}, a {@code Number}, {@code java.util.Date}, {@code List} and
 * {@code Map} for JSON. A {@link FormRule} reads them through the typed helpers, which answer
 * empty for a missing value or a value of another type, so a rule never fails on bad input (the
 * field checks report that).
 */
public final class FormValues {

  private final Map<String, Object> values;

  public FormValues(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public Map<String, Object> asMap() {
    return values;
  }

  /** The raw value; a dotted key reads into nested objects. */
  public Object get(String key) {
    return lookup(values, List.of(key.split("\\.")));
  }

  /** The value at a dotted path in nested maps, or null. */
  static Object lookup(Map<String, Object> data, List<String> path) {
    Object current = data;
    for (String segment : path) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(segment);
    }
    return current;
  }

  /** A number (or a numeric string), as BigDecimal. */
  public Optional<BigDecimal> number(String key) {
    Object value = get(key);
    if (value instanceof String text) {
      try {
        return Optional.of(new BigDecimal(text.strip()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(decimal(value));
  }

  /** A string value. */
  public Optional<String> text(String key) {
    return get(key) instanceof String text ? Optional.of(text) : Optional.empty();
  }

  /** Missing, null, an empty or whitespace-only string, or an empty list. */
  public boolean isBlank(String key) {
    return isBlankValue(get(key));
  }

  /** The boolean {@code true} (not the string). */
  public boolean isTrue(String key) {
    return Boolean.TRUE.equals(get(key));
  }

  static boolean isBlankValue(Object value) {
    return value == null
        || value instanceof String text && text.isBlank()
        || value instanceof List<?> list && list.isEmpty();
  }

  /** A Java number as BigDecimal; null for anything else, NaN and infinities. */
  static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isNaN(d) || Double.isInfinite(d) ? null : new BigDecimal(Double.toString(d));
    }
    return null;
  }
}
