package cn.gov.enforcement.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Turns the engine's variables into the plain values the validator reads, without deserializing
 * any object: JSON (a Spin JSON value, or an object variable serialized as JSON, which is how
 * Tasklist submits checklists and taglists) becomes lists and maps; other serialized objects,
 * bytes and files become an opaque marker that fails every type check.
 */
public final class EngineValues {

  /** Stands for a value the validator cannot look into. */
  static final Object OPAQUE = new Object() {
    @Override
    public String toString() {
      return "(object)";
    }
  };

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_FORMAT = "application/json";

  private EngineValues() {}

  public static Map<String, Object> plain(VariableMap variables) {
    Map<String, Object> plain = new HashMap<>();
    for (String name : variables.keySet()) {
      TypedValue typed = variables.getValueTyped(name);
      plain.put(name, value(typed));
    }
    return plain;
  }

  static Object value(TypedValue typed) {
    if (typed == null) {
      return null;
    }
    if (typed instanceof SerializableValue serializable) {
      if (serializable.isDeserialized()) {
        Object value = serializable.getValue();
        if (value instanceof SpinJsonNode node) {
          return json(node.toString());
        }
        if (value == null || value instanceof Map || value instanceof java.util.List) {
          return value;
        }
        return OPAQUE;
      }
      if (JSON_FORMAT.equals(serializable.getSerializationDataFormat())) {
        return json(serializable.getValueSerialized());
      }
      return OPAQUE;
    }
    Object value = typed.getValue();
    if (value instanceof byte[] || value instanceof java.io.InputStream) {
      return OPAQUE;
    }
    return value;
  }

  private static Object json(String text) {
    if (text == null) {
      return null;
    }
    try {
      return JSON.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      return OPAQUE;
    }
  }
}
