package cn.gov.enforcement.decision;

import cn.gov.enforcement.forms.FormValidationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The public opinions of a consultation as JSON lists of objects (DEC-05, DEC-06): the register
 * ({@value #REGISTER}, one entry per 登记征集意见) and its handling ({@value #HANDLING}, one entry
 * per registered opinion with its adoption and, when not adopted, its own reason). Both are
 * written only by the server (platform.ServerStampedVariables); the handling form edits a copy.
 */
final class PublicOpinions {

  static final String REGISTER = "publicOpinions";
  static final String HANDLING = "publicOpinionHandling";
  /** The handling form's dynamic list, a copy of the register the form edits. */
  static final String FORM_LIST = "opinionHandling";

  private static final ObjectMapper JSON = new ObjectMapper();

  private PublicOpinions() {}

  /** Reads a list of objects from a Spin JSON value, a Java list or JSON text; null is empty. */
  static List<Map<String, Object>> read(Object value) {
    if (value == null) {
      return new ArrayList<>();
    }
    if (value instanceof Collection<?> collection) {
      List<Map<String, Object>> items = new ArrayList<>();
      for (Object element : collection) {
        if (!(element instanceof Map)) {
          throw FormValidationException.rule("DEC-06", FORM_LIST, "意见列表格式无效", "each opinion must be an object");
        }
        Map<String, Object> item = new LinkedHashMap<>();
        ((Map<?, ?>) element).forEach((k, v) -> item.put(String.valueOf(k), v));
        items.add(item);
      }
      return items;
    }
    try {
      return JSON.readValue(value.toString(), new TypeReference<List<Map<String, Object>>>() {});
    } catch (JsonProcessingException e) {
      throw FormValidationException.rule("DEC-06", FORM_LIST, "意见列表格式无效", "the opinion list is not a JSON list of objects");
    }
  }

  static TypedValue json(List<Map<String, Object>> items) {
    try {
      return SpinValues.jsonValue(Spin.JSON(JSON.writeValueAsString(items))).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
