package cn.gov.enforcement.casework;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads a list of user or recording ids as a form delivers it: a Java collection (REST, tests), a
 * JSON array (Tasklist's checklist/taglist arrive as Spin JSON) or comma-separated text.
 */
final class UserIds {

  private UserIds() {}

  static Set<String> of(Object value) {
    Set<String> ids = new LinkedHashSet<>();
    if (value == null) {
      return ids;
    }
    if (value instanceof Collection<?> collection) {
      collection.forEach(v -> add(ids, v));
    } else if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> add(ids, element.isString() ? element.stringValue() : element.toString()));
    } else {
      String text = value.toString().replace("[", "").replace("]", "").replace("\"", "");
      for (String part : text.split("[,，;；\\s]+")) {
        add(ids, part);
      }
    }
    return ids;
  }

  private static void add(Set<String> ids, Object value) {
    if (value != null && !value.toString().isBlank()) {
      ids.add(value.toString().trim());
    }
  }

  static String csv(Collection<String> ids) {
    return String.join(",", ids);
  }
}
