package cn.gov.enforcement.forms;

import cn.gov.enforcement.forms.FormSchema.DynamicList;
import cn.gov.enforcement.forms.FormSchema.Field;
import cn.gov.enforcement.forms.FormSchema.Group;
import cn.gov.enforcement.forms.FormSchema.Limit;
import cn.gov.enforcement.forms.FormSchema.Node;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks values against a {@link FormSchema} the way form-js checks them in the browser, and then
 * the procedure's {@link FormRule}s. Without Spring or the engine, so it is tested on its own.
 *
 * <p>Per field: {@code required} (an empty or whitespace-only string, an empty list and an
 * unchecked required checkbox count as missing), the type of the value, the options of
 * select/radio/checklist/taglist (static {@code values}, or the list in the variable named by
 * {@code valuesKey} or the list a {@code valuesExpression} evaluates to), number
 * {@code min}/{@code max}/{@code decimalDigits}/{@code increment}, text {@code minLength}/
 * {@code maxLength}/{@code pattern}/{@code validationType}, and the format of dates and times. A
 * select or radio whose options are {@code true}/{@code false} takes a boolean, as form-js submits it.
 * A field with the custom property {@code rule} (e.g. {@code "properties": {"rule": "LR-03"}}) names
 * that requirement in each of its refusals: the form, not Java, says which fields a rule requires.
 *
 * <p>Hidden fields: form-js neither submits nor validates a field whose {@code conditional.hide}
 * is true. The condition is evaluated with {@link FeelExpressions} (feel-scala); a field that is
 * hidden, or whose condition FEEL cannot decide on the values, is not required. A value that is
 * present is still checked (type, options, limits), because the process reads it whichever way it
 * came. Disabled fields are skipped entirely, as form-js does.
 */
public final class FormValidator {

  static final Pattern EMAIL = Pattern.compile(
      "^(([^<>()\\[\\]\\\\.,;:\\s@\"]+(\\.[^<>()\\[\\]\\\\.,;:\\s@\"]+)*)|(\".+\"))@((\\[[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}])|(([a-zA-Z\\-0-9]+\\.)+[a-zA-Z]{2,}))$");
  /** International number as form-js expects it (+ or 00, country code, subscriber number). */
  static final Pattern PHONE = Pattern.compile("(\\+|00)[1-9][0-9]{6,17}");
  private static final Pattern DATE_SHAPE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern TIME = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?(Z|[+-]([01]\\d|2[0-3]):?[0-5]\\d)?$");
  private static final int MAX_LISTED_OPTIONS = 10;

  private enum Visibility { SHOWN, UNDECIDED, HIDDEN }

  private final List<FormViolation> violations = new ArrayList<>();

  private FormValidator() {}

  /** The field checks of the form, then (only if they pass) the rules. */
  public static List<FormViolation> validate(FormSchema schema, FormValues values, Collection<FormRule> rules) {
    List<FormViolation> violations = validate(schema, values.asMap());
    if (!violations.isEmpty()) {
      return violations;
    }
    List<FormViolation> ruleViolations = new ArrayList<>();
    for (FormRule rule : rules) {
      ruleViolations.addAll(rule.check(values));
    }
    return ruleViolations;
  }

  /** The field checks of the form. */
  public static List<FormViolation> validate(FormSchema schema, Map<String, Object> values) {
    FormValidator validator = new FormValidator();
    validator.walk(schema.components(), values, "", values, Visibility.SHOWN);
    return List.copyOf(validator.violations);
  }

  private void walk(List<Node> nodes, Map<String, Object> data, String prefix, Map<String, Object> scope,
      Visibility inherited) {
    for (Node node : nodes) {
      Visibility visibility = combine(inherited, visibility(node.hide(), scope));
      if (node instanceof Field field) {
        check(field, data, prefix, scope, visibility);
      } else if (node instanceof Group group) {
        if (group.path().isEmpty()) {
          walk(group.children(), data, prefix, scope, visibility);
        } else {
          String key = prefix + String.join(".", group.path());
          Object nested = FormValues.lookup(data, group.path());
          if (nested != null && !(nested instanceof Map)) {
            add(key, null, "TYPE", "应为对象", "must be an object");
            continue;
          }
          walk(group.children(), nested == null ? Map.of() : asMap(nested), key + ".", scope, visibility);
        }
      } else if (node instanceof DynamicList list) {
        String key = prefix + list.key();
        Object items = FormValues.lookup(data, list.path());
        if (items == null) {
          continue;
        }
        if (!(items instanceof List<?> elements)) {
          add(key, list.label(), "TYPE", "应为列表", "must be a list");
          continue;
        }
        for (int i = 0; i < elements.size(); i++) {
          Object element = elements.get(i);
          String itemKey = key + "[" + i + "]";
          if (!(element instanceof Map)) {
            add(itemKey, list.label(), "TYPE", "应为对象", "must be an object");
            continue;
          }
          Map<String, Object> item = asMap(element);
          Map<String, Object> itemScope = new HashMap<>(scope);
          itemScope.putAll(item);
          walk(list.children(), item, itemKey + ".", itemScope, visibility);
        }
      }
    }
  }

  private void check(Field field, Map<String, Object> data, String prefix, Map<String, Object> scope,
      Visibility visibility) {
    if (!field.constrained()) {
      return;
    }
    int before = violations.size();
    checkValue(field, data, prefix, scope, visibility);
    if (field.rule() != null) {
      // the field's checks carry a requirement of the procedure: its refusals name it, like a FormRule's
      for (int i = before; i < violations.size(); i++) {
        FormViolation v = violations.get(i);
        violations.set(i, new FormViolation(v.field(), v.reason(), v.chinese() + "（" + field.rule() + "）",
            v.english() + " (" + field.rule() + ")"));
      }
    }
  }

  private void checkValue(Field field, Map<String, Object> data, String prefix, Map<String, Object> scope,
      Visibility visibility) {
    String key = prefix + field.key();
    String label = field.label();
    Object value = FormValues.lookup(data, field.path());
    boolean enforceRequired = field.required() && visibility == Visibility.SHOWN;
    if (FormValues.isBlankValue(value)) {
      if (enforceRequired) {
        add(key, label, "REQUIRED", "为必填项", "is required");
      }
      return;
    }
    switch (field.kind()) {
      case TEXT -> text(field, key, value);
      case NUMBER -> number(field, key, value, scope);
      case BOOLEAN -> {
        if (!(value instanceof Boolean checked)) {
          add(key, label, "TYPE", "应为是/否（true 或 false）", "must be true or false");
        } else if (enforceRequired && !checked) {
          add(key, label, "REQUIRED", "须勾选", "must be checked");
        }
      }
      case SINGLE_CHOICE -> {
        if (field.booleanOptions() && !(value instanceof Boolean)) {
          add(key, label, "TYPE", "应为是/否（true 或 false）", "must be true or false");
        } else if (!isScalar(value)) {
          add(key, label, "TYPE", "应为单个选项值", "must be a single option value");
        } else {
          allowed(field, key, List.of(value), scope);
        }
      }
      case MULTI_CHOICE -> {
        if (!(value instanceof List<?> list)) {
          add(key, label, "TYPE", "应为选项值列表", "must be a list of option values");
        } else if (!list.stream().allMatch(FormValidator::isScalar)) {
          add(key, label, "TYPE", "应为选项值列表", "must be a list of option values");
        } else {
          allowed(field, key, list, scope);
        }
      }
      case DATE -> {
        if (!(value instanceof String text) || !isDate(text)) {
          add(key, label, "FORMAT", "应为 yyyy-MM-dd 格式的日期，实际为 " + shown(value),
              "must be a date yyyy-MM-dd, was " + shown(value));
        }
      }
      case TIME -> {
        if (!(value instanceof String text) || !TIME.matcher(text).matches()) {
          add(key, label, "FORMAT", "应为 HH:mm 格式的时间，实际为 " + shown(value), "must be a time HH:mm, was " + shown(value));
        }
      }
      case DATE_TIME -> {
        if (!(value instanceof String text) || !isDateTime(text)) {
          add(key, label, "FORMAT", "应为 ISO-8601 日期时间（yyyy-MM-ddTHH:mm），实际为 " + shown(value),
              "must be an ISO-8601 date-time yyyy-MM-ddTHH:mm, was " + shown(value));
        }
      }
      case OTHER -> { }
    }
  }

  private void text(Field field, String key, Object value) {
    String label = field.label();
    if (!(value instanceof String text)) {
      add(key, label, "TYPE", "应为文本", "must be text");
      return;
    }
    int length = text.strip().length();
    if (field.minLength() != null && length < field.minLength()) {
      add(key, label, "MIN_LENGTH", "长度不得少于 " + field.minLength() + " 个字符",
          "must have at least " + field.minLength() + " characters");
    }
    if (field.maxLength() != null && length > field.maxLength()) {
      add(key, label, "MAX_LENGTH", "长度不得超过 " + field.maxLength() + " 个字符",
          "must have at most " + field.maxLength() + " characters");
    }
    if (field.pattern() != null && !matches(field.pattern(), text)) {
      add(key, label, "PATTERN", "格式不符合要求（" + field.pattern().pattern() + "）",
          "must match the pattern " + field.pattern().pattern());
    }
    if ("email".equals(field.validationType()) && !EMAIL.matcher(text).matches()) {
      add(key, label, "EMAIL", "应为有效的电子邮件地址", "must be a valid e-mail address");
    }
    if ("phone".equals(field.validationType()) && !PHONE.matcher(text).find()) {
      add(key, label, "PHONE", "应为带国家代码的电话号码（如 +8657112345678）",
          "must be an international phone number (e.g. +8657112345678)");
    }
  }

  private void number(Field field, String key, Object value, Map<String, Object> scope) {
    String label = field.label();
    BigDecimal number = FormValues.decimal(value);
    if (number == null && value instanceof String text && field.serializeToString()) {
      try {
        number = new BigDecimal(text.strip());
      } catch (NumberFormatException e) {
        number = null;
      }
    }
    if (number == null) {
      add(key, label, "TYPE", "应为数字，实际为 " + shown(value), "must be a number, was " + shown(value));
      return;
    }
    if (field.decimalDigits() != null && field.decimalDigits() >= 0
        && Math.max(0, number.stripTrailingZeros().scale()) > field.decimalDigits()) {
      if (field.decimalDigits() == 0) {
        add(key, label, "DECIMALS", "应为整数", "must be a whole number");
      } else {
        add(key, label, "DECIMALS", "最多 " + field.decimalDigits() + " 位小数",
            "must have at most " + field.decimalDigits() + " decimal digits");
      }
    }
    if (field.increment() != null && field.increment().signum() > 0
        && number.remainder(field.increment()).signum() != 0) {
      add(key, label, "INCREMENT", "应为 " + plain(field.increment()) + " 的整数倍",
          "must be a multiple of " + plain(field.increment()));
    }
    BigDecimal min = limit(field.min(), scope);
    if (min != null && number.compareTo(min) < 0) {
      add(key, label, "MIN", "不得小于 " + plain(min) + "（实际为 " + plain(number) + "）",
          "must be at least " + plain(min) + " (was " + plain(number) + ")");
    }
    BigDecimal max = limit(field.max(), scope);
    if (max != null && number.compareTo(max) > 0) {
      add(key, label, "MAX", "不得大于 " + plain(max) + "（实际为 " + plain(number) + "）",
          "must be at most " + plain(max) + " (was " + plain(number) + ")");
    }
  }

  private void allowed(Field field, String key, List<?> values, Map<String, Object> scope) {
    Set<String> options = options(field, scope);
    if (options == null) {
      return; // dynamic options the server cannot know
    }
    for (Object value : values) {
      String text = String.valueOf(value);
      if (!options.contains(text)) {
        String listed = listed(options);
        add(key, field.label(), "NOT_ALLOWED", "的值 " + shown(value) + " 不在可选范围内（可选：" + listed.replace(", ", "、") + "）",
            "has the value " + shown(value) + ", which is not an allowed value (" + listed + ")");
        return;
      }
    }
  }

  /** The allowed option values, or null when they cannot be known on the server. */
  private Set<String> options(Field field, Map<String, Object> scope) {
    if (field.options() != null && field.valuesKey() == null && field.valuesExpression() == null) {
      return new LinkedHashSet<>(field.options());
    }
    Object source = field.valuesKey() != null ? FormValues.lookup(scope, List.of(field.valuesKey().split("\\.")))
        : FeelExpressions.evaluate(field.valuesExpression(), scope);
    if (!(source instanceof List<?> list)) {
      return null;
    }
    Set<String> options = new LinkedHashSet<>();
    for (Object option : list) {
      Object value = option instanceof Map<?, ?> map ? map.get("value") : option;
      if (value != null) {
        options.add(String.valueOf(value));
      }
    }
    return options;
  }

  private static BigDecimal limit(Limit limit, Map<String, Object> scope) {
    if (limit == null) {
      return null;
    }
    if (limit.value() != null) {
      return limit.value();
    }
    Object value = FeelExpressions.evaluate(limit.expression(), scope);
    return value instanceof BigDecimal decimal ? decimal : null;
  }

  private static Visibility visibility(String hide, Map<String, Object> scope) {
    if (hide == null || hide.isBlank()) {
      return Visibility.SHOWN;
    }
    Object result = FeelExpressions.evaluate(hide, scope);
    if (Boolean.TRUE.equals(result)) {
      return Visibility.HIDDEN;
    }
    if (result == null || Boolean.FALSE.equals(result)) {
      return Visibility.SHOWN;
    }
    return Visibility.UNDECIDED;
  }

  private static Visibility combine(Visibility a, Visibility b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  /**
   * {@code pattern.test(value)} as in the browser (a match anywhere; anchors in the pattern make it
   * whole). A pattern that backtracks for longer than {@link #PATTERN_BUDGET_NANOS} on a value
   * counts as not matching, so a submitted value cannot tie up the engine.
   */
  static boolean matches(Pattern pattern, String text) {
    try {
      return pattern.matcher(new Deadline(text, System.nanoTime() + PATTERN_BUDGET_NANOS)).find();
    } catch (Deadline.Exceeded e) {
      return false;
    }
  }

  static final long PATTERN_BUDGET_NANOS = 200_000_000L;

  /** A CharSequence that stops a regular expression once its time is up. */
  private static final class Deadline implements CharSequence {
    static final class Exceeded extends RuntimeException {
      Exceeded() {
        super(null, null, false, false);
      }
    }

    private final CharSequence text;
    private final long deadline;
    private int reads;

    Deadline(CharSequence text, long deadline) {
      this.text = text;
      this.deadline = deadline;
    }

    @Override
    public char charAt(int index) {
      if ((++reads & 0x3FF) == 0 && System.nanoTime() > deadline) {
        throw new Exceeded();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Deadline(text.subSequence(start, end), deadline);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }

  static boolean isDate(String text) {
    if (!DATE_SHAPE.matcher(text).matches()) {
      return false;
    }
    try {
      LocalDate.parse(text, DATE);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isDateTime(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime.parse(text);
        return true;
      } catch (DateTimeParseException e2) {
        return false;
      }
    }
  }

  private static boolean isScalar(Object value) {
    return value instanceof String || value instanceof Number || value instanceof Boolean;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  private void add(String key, String label, String reason, String chinese, String english) {
    String name = label == null ? "字段 " + key : "字段 " + key + "（" + label + "）";
    violations.add(new FormViolation(key, reason, name + chinese, "field " + key + " " + english));
  }

  private static String listed(Set<String> options) {
    List<String> all = new ArrayList<>(options);
    String listed = String.join(", ", all.subList(0, Math.min(all.size(), MAX_LISTED_OPTIONS)));
    return all.size() > MAX_LISTED_OPTIONS ? listed + ", …" : listed;
  }

  /** A value as shown in a message: quoted, shortened, never a whole document. */
  static String shown(Object value) {
    String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
