package cn.gov.enforcement.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/** Reads list variables however a client sent them: a Camunda Forms checklist (JSON), a Java list, or text. */
final class ProcessVariables {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProcessVariables() {}

  static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> collection) {
      return collection.stream().map(String::valueOf).toList();
    }
    String text = value instanceof SpinJsonNode node ? node.toString() : String.valueOf(value).trim();
    if (text.startsWith("[")) {
      try {
        List<String> out = new ArrayList<>();
        for (JsonNode item : JSON.readTree(text)) {
          out.add(item.asText());
        }
        return out;
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException("not a JSON list: " + text, e);
      }
    }
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
