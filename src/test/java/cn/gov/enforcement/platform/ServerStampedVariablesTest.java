package cn.gov.enforcement.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The declared list of server-stamped variables covers the models and collides with no form field. */
class ServerStampedVariablesTest {

  private static final Pattern INITIATOR = Pattern.compile("camunda:initiator=\"([^\"]+)\"");

  @Test
  @DisplayName("DEC-17 每个模型的 camunda:initiator 变量都在服务器填写清单中 / every camunda:initiator is server-stamped")
  void everyInitiatorIsListed() throws IOException {
    List<String> initiators = new ArrayList<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher m = INITIATOR.matcher(Files.readString(model));
        while (m.find()) {
          initiators.add(m.group(1));
        }
      }
    }
    assertThat(initiators).isNotEmpty().allSatisfy(name -> assertThat(ServerStampedVariables.isServerStamped(name))
        .as("camunda:initiator %s is in ServerStampedVariables.NAMES", name).isTrue());
  }

  @Test
  @DisplayName("DEC-17 没有表单字段与服务器填写的变量同名 / no form field has a server-stamped name")
  void noFormFieldIsServerStamped() throws IOException {
    List<String> keys = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        json.readTree(form.toFile()).findValues("key").stream().map(JsonNode::asText).forEach(keys::add);
      }
    }
    assertThat(keys).isNotEmpty();
    assertThat(ServerStampedVariables.among(keys)).isEmpty();
  }
}
