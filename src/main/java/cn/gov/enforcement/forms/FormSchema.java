package cn.gov.enforcement.forms;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the server needs to know of one deployed Camunda Form (form-js JSON): its id and the
 * tree of components that carry a value, with their constraints. Immutable, so one instance per
 * deployed form definition serves every submission.
 *
 * @param id          the form's {@code id}, which is the {@code camunda:formRef} key
 * @param components  the top-level components that matter for validation
 * @param constrained false when no component has anything to check: such a form costs little (only
 *                    the names of the submitted variables are compared with {@code variables})
 * @param variables   the names of the process variables a submission of this form may set: the
 *                    first segment of the key of every component that carries a value (through
 *                    groups without a path), of a group's {@code path} and of a dynamic list's
 *                    {@code path}; exactly what form-js submits, so a variable of any other name
 *                    is not a field of this form
 */
public record FormSchema(String id, List<Node> components, boolean constrained, Set<String> variables) {

  public FormSchema {
    components = List.copyOf(components);
    variables = Set.copyOf(variables);
  }

  /** A schema whose variable names are those of its components. */
  public FormSchema(String id, List<Node> components, boolean constrained) {
    this(id, components, constrained, variableNames(components));
  }

  /** Whether a submission of this form may set the variable. */
  public boolean isField(String variableName) {
    return variables.contains(variableName);
  }

  private static Set<String> variableNames(List<Node> nodes) {
    Set<String> names = new java.util.LinkedHashSet<>();
    for (Node node : nodes) {
      if (node instanceof Field field) {
        names.add(field.path().get(0));
      } else if (node instanceof Group group) {
        if (group.path().isEmpty()) {
          names.addAll(variableNames(group.children()));
        } else {
          names.add(group.path().get(0));
        }
      } else if (node instanceof DynamicList list) {
        names.add(list.path().get(0));
      }
    }
    return names;
  }

  /** A component of the tree. */
  public sealed interface Node permits Field, Group, DynamicList {
    /** The FEEL {@code conditional.hide} expression, or null. */
    String hide();
  }

  /** How a value of a field is checked. */
  public enum Kind {
    /** textfield, textarea: a string */
    TEXT,
    /** number: a number, or a numeric string when {@code serializeToString} */
    NUMBER,
    /** checkbox: a boolean */
    BOOLEAN,
    /** select, radio: one of the options */
    SINGLE_CHOICE,
    /** checklist, taglist: a list of options */
    MULTI_CHOICE,
    /** datetime subtype date: {@code yyyy-MM-dd} */
    DATE,
    /** datetime subtype time: {@code HH:mm}, optionally with an offset */
    TIME,
    /** datetime subtype datetime: ISO-8601 date and time, optionally with an offset */
    DATE_TIME,
    /** any other component with a key: only {@code required} is checked */
    OTHER
  }

  /** A number limit: a literal, or a FEEL expression evaluated against the submission. */
  public record Limit(BigDecimal value, String expression) {
    static Limit of(BigDecimal value) {
      return new Limit(value, null);
    }

    static Limit expression(String expression) {
      return new Limit(null, expression);
    }
  }

  /**
   * A component with a key.
   *
   * @param key              the key as written; dots make a path into nested objects
   * @param path             the key split at dots
   * @param type             the form-js type
   * @param kind             how the value is checked
   * @param label            the label as shown to staff (null when it is an expression)
   * @param required         {@code validate.required}
   * @param min              {@code validate.min} (numbers)
   * @param max              {@code validate.max} (numbers)
   * @param minLength        {@code validate.minLength} (text)
   * @param maxLength        {@code validate.maxLength} (text)
   * @param pattern          {@code validate.pattern}, compiled; null when absent or not valid Java regex
   * @param validationType   {@code validate.validationType}: {@code email} or {@code phone}
   * @param decimalDigits    number: at most this many decimals
   * @param increment        number: the value is a multiple of this
   * @param serializeToString number: the value travels as a string
   * @param options          static options ({@code values[].value}); null when the options are dynamic or absent
   * @param valuesKey        dynamic options: the variable holding them
   * @param valuesExpression dynamic options: a FEEL expression
   * @param hide             {@code conditional.hide}
   * @param disabled         disabled fields are neither submitted nor validated by form-js
   * @param rule             the requirement the field's checks carry (the form-js custom property
   *                         {@code properties.rule}, e.g. {@code LR-03}), named in its refusals; or null
   * @param booleanOptions   select/radio whose static options are all JSON booleans: the value is a boolean
   */
  public record Field(
      String key,
      List<String> path,
      String type,
      Kind kind,
      String label,
      boolean required,
      Limit min,
      Limit max,
      Integer minLength,
      Integer maxLength,
      Pattern pattern,
      String validationType,
      Integer decimalDigits,
      BigDecimal increment,
      boolean serializeToString,
      List<String> options,
      String valuesKey,
      String valuesExpression,
      String hide,
      boolean disabled,
      String rule,
      boolean booleanOptions) implements Node {

    /** Whether anything is checked for this field at all. */
    boolean constrained() {
      if (disabled) {
        return false;
      }
      boolean validates = required || min != null || max != null || minLength != null || maxLength != null
          || pattern != null || validationType != null;
      return switch (kind) {
        // free text without validation accepts whatever a person types
        case TEXT, OTHER -> validates;
        default -> true;
      };
    }
  }

  /** A group; with a {@code path} its children live in a nested object. */
  public record Group(List<String> path, String hide, List<Node> children) implements Node {}

  /** A dynamic list: a list of objects at {@code path}, each validated against the children. */
  public record DynamicList(String key, List<String> path, String label, String hide, List<Node> children)
      implements Node {}
}
