package cn.gov.enforcement.forms;

import cn.gov.enforcement.forms.FormSchema.DynamicList;
import cn.gov.enforcement.forms.FormSchema.Field;
import cn.gov.enforcement.forms.FormSchema.Group;
import cn.gov.enforcement.forms.FormSchema.Kind;
import cn.gov.enforcement.forms.FormSchema.Limit;
import cn.gov.enforcement.forms.FormSchema.Node;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a Camunda Form (form-js JSON, schemaVersion 16 as bundled with the 7.24 Tasklist) into a
 * {@link FormSchema}. Components without a value (text, html, image, spacer, separator, button,
 * iframe, table) and computed ones (expression) are left out; groups and dynamic lists are kept
 * with their children. A constraint the server cannot apply (a pattern Java cannot compile) is
 * dropped with a warning rather than refusing every submission of the form.
 */
public final class FormSchemaParser {

  private static final Logger LOG = LoggerFactory.getLogger(FormSchemaParser.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Types that never carry a submitted value even when an old schema gives them a key. */
  private static final Set<String> WITHOUT_VALUE =
      Set.of("text", "html", "image", "spacer", "separator", "button", "iframe", "table", "expression", "filepicker");

  /** Types form-js never submits a value for, whatever keys an old schema gives them. */
  private static final Set<String> WITHOUT_DATA =
      Set.of("text", "html", "image", "spacer", "separator", "button", "iframe", "table", "documentPreview");

  private FormSchemaParser() {}

  /** @throws IllegalArgumentException when the bytes are not a form-js JSON document */
  public static FormSchema parse(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("the form is not valid JSON: " + e.getMessage(), e);
    }
    return parse(root);
  }

  public static FormSchema parse(String json) {
    return parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static FormSchema parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the form is not a JSON object");
    }
    String id = text(root, "id");
    List<Node> components = components(root.get("components"), id);
    Set<String> variables = new LinkedHashSet<>();
    variableNames(root.get("components"), variables);
    return new FormSchema(id, List.copyOf(components), anyConstrained(components), variables);
  }

  /**
   * The top-level names form-js submits: the first segment of each key (a dotted key is a path
   * into an object), of each group {@code path} and dynamic list {@code path}; the children of a
   * group without a path are top-level. Unlike the validation tree this keeps computed fields
   * ({@code expression}, {@code filepicker}: form-js submits them), disabled fields and groups
   * whose children carry nothing to check.
   */
  private static void variableNames(JsonNode array, Set<String> names) {
    if (array == null || !array.isArray()) {
      return;
    }
    for (JsonNode c : array) {
      if (!c.isObject()) {
        continue;
      }
      String type = text(c, "type");
      if ("group".equals(type) || "dynamiclist".equals(type)) {
        List<String> path = path(text(c, "path"));
        if (!path.isEmpty()) {
          names.add(path.get(0));
        } else if ("group".equals(type)) {
          variableNames(c.get("components"), names);
        }
        continue;
      }
      List<String> key = path(text(c, "key"));
      if (!key.isEmpty() && type != null && !WITHOUT_DATA.contains(type)) {
        names.add(key.get(0));
      }
    }
  }

  private static List<Node> components(JsonNode array, String formId) {
    List<Node> nodes = new ArrayList<>();
    if (array == null || !array.isArray()) {
      return nodes;
    }
    for (JsonNode component : array) {
      Node node = component(component, formId);
      if (node != null) {
        nodes.add(node);
      }
    }
    return nodes;
  }

  private static Node component(JsonNode c, String formId) {
    if (!c.isObject()) {
      return null;
    }
    String type = text(c, "type");
    String hide = c.path("conditional").isObject() ? text(c.get("conditional"), "hide") : null;
    if ("group".equals(type)) {
      List<Node> children = components(c.get("components"), formId);
      return children.isEmpty() ? null : new Group(path(text(c, "path")), hide, List.copyOf(children));
    }
    if ("dynamiclist".equals(type)) {
      List<String> path = path(text(c, "path"));
      List<Node> children = components(c.get("components"), formId);
      if (path.isEmpty() || children.isEmpty()) {
        return null;
      }
      return new DynamicList(text(c, "path"), path, label(c), hide, List.copyOf(children));
    }
    String key = text(c, "key");
    if (key == null || key.isBlank() || type == null || WITHOUT_VALUE.contains(type)) {
      return null;
    }
    JsonNode validate = c.path("validate");
    return new Field(
        key,
        path(key),
        type,
        kind(type, text(c, "subtype")),
        label(c),
        validate.path("required").asBoolean(false),
        limit(validate.get("min")),
        limit(validate.get("max")),
        integer(validate.get("minLength")),
        integer(validate.get("maxLength")),
        pattern(text(validate, "pattern"), formId, key),
        text(validate, "validationType"),
        integer(c.get("decimalDigits")),
        decimal(c.get("increment")),
        c.path("serializeToString").asBoolean(false),
        options(c.get("values")),
        blankToNull(text(c, "valuesKey")),
        blankToNull(text(c, "valuesExpression")),
        hide,
        c.path("disabled").isBoolean() && c.get("disabled").asBoolean(),
        c.path("properties").isObject() ? blankToNull(text(c.get("properties"), "rule")) : null,
        booleanOptions(c.get("values")));
  }

  private static boolean booleanOptions(JsonNode values) {
    if (values == null || !values.isArray() || values.isEmpty()) {
      return false;
    }
    for (JsonNode option : values) {
      JsonNode value = option.isObject() ? option.get("value") : option;
      if (value == null || !value.isBoolean()) {
        return false;
      }
    }
    return true;
  }

  static Kind kind(String type, String subtype) {
    return switch (type) {
      case "textfield", "textarea" -> Kind.TEXT;
      case "number" -> Kind.NUMBER;
      case "checkbox" -> Kind.BOOLEAN;
      case "select", "radio" -> Kind.SINGLE_CHOICE;
      case "checklist", "taglist" -> Kind.MULTI_CHOICE;
      case "datetime" -> switch (subtype == null ? "date" : subtype) {
        case "time" -> Kind.TIME;
        case "datetime" -> Kind.DATE_TIME;
        default -> Kind.DATE;
      };
      default -> Kind.OTHER;
    };
  }

  private static List<String> options(JsonNode values) {
    if (values == null || !values.isArray()) {
      return null;
    }
    List<String> options = new ArrayList<>();
    for (JsonNode option : values) {
      JsonNode value = option.isObject() ? option.get("value") : option;
      if (value != null && value.isValueNode() && !value.isNull()) {
        options.add(value.asText());
      }
    }
    return List.copyOf(options);
  }

  private static Limit limit(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return Limit.of(node.decimalValue());
    }
    String text = node.asText().trim();
    if (text.isEmpty()) {
      return null;
    }
    if (text.startsWith("=")) {
      return Limit.expression(text);
    }
    BigDecimal value = decimal(node);
    return value == null ? null : Limit.of(value);
  }

  private static Integer integer(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.intValue();
    }
    try {
      return Integer.valueOf(node.asText().trim());
    } catch (NumberFormatException e) {
      return null; // an expression: not checked
    }
  }

  private static BigDecimal decimal(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    try {
      String text = node.asText().trim();
      return text.isEmpty() ? null : new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Pattern pattern(String source, String formId, String key) {
    if (source == null || source.isEmpty() || source.startsWith("=")) {
      return null;
    }
    try {
      return Pattern.compile(source);
    } catch (PatternSyntaxException e) {
      LOG.warn("form {}: the pattern of field {} is not a Java regular expression and is not checked on the server: {}",
          formId, key, e.getDescription());
      return null;
    }
  }

  /** The label staff see; a datetime has {@code dateLabel}/{@code timeLabel} instead. */
  private static String label(JsonNode c) {
    String label = text(c, "label");
    if (label == null || label.isBlank()) {
      label = text(c, "dateLabel") != null ? text(c, "dateLabel") : text(c, "timeLabel");
    }
    return label == null || label.isBlank() || label.startsWith("=") ? null : label.trim();
  }

  private static List<String> path(String path) {
    if (path == null || path.isBlank()) {
      return List.of();
    }
    return List.copyOf(Arrays.asList(path.trim().split("\\.")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static boolean anyConstrained(List<Node> nodes) {
    for (Node node : nodes) {
      if (node instanceof Field field && field.constrained()
          || node instanceof Group group && anyConstrained(group.children())
          || node instanceof DynamicList list && anyConstrained(list.children())) {
        return true;
      }
    }
    return false;
  }
}
