package cn.gov.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.platform.ProcessVariable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The per-process declarations ({@code *Model} classes: {@code PROCESS_KEY}, element ids,
 * {@link ProcessVariable}s) checked against the models without an engine, so that renaming an
 * element in a BPMN or a field in a form fails the build instead of a case at run time:
 *
 * <ul>
 *   <li>{@code PROCESS_KEY} is the id of the process in {@code processes/<key>.bpmn};</li>
 *   <li>a {@code MESSAGE_*} constant is the name of a message of that BPMN, every other
 *       {@code String} constant the id of an element of it;</li>
 *   <li>every declared variable is named by the BPMN or by one of its forms (the forms its user
 *       tasks and start event reference), unless it is marked {@link ProcessVariable.OutsideModel};
 *       one so marked is named by neither (the mark stays true);</li>
 *   <li>where a form field with the variable's key has a type that says what the engine gets
 *       (text, date, radio or select of strings: {@code String}; checkbox, radio of booleans:
 *       {@code Boolean}; number: {@code Number}; checklist, taglist: {@code Object}), the declared
 *       type is that one.</li>
 * </ul>
 */
@DisplayName("流程声明与模型一致 / the per-process declarations of ids and variables match the BPMN and its forms")
class ProcessModelDeclarationsTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every model class: a final class named {@code *Model} with a {@code PROCESS_KEY}. */
  static List<Class<?>> modelClasses() {
    List<Class<?>> models = new ArrayList<>();
    for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("cn.gov.enforcement")) {
      if (c.getSimpleName().endsWith("Model") && c.tryGetField("PROCESS_KEY").isPresent()) {
        models.add(c.reflect());
      }
    }
    models.sort((a, b) -> a.getName().compareTo(b.getName()));
    return models;
  }

  @Test
  @DisplayName("每个流程都有声明类 / every BPMN in processes/ has its declaration class")
  void everyProcessIsDeclared() throws Exception {
    Set<String> declared = new HashSet<>();
    for (Class<?> model : modelClasses()) {
      declared.add((String) model.getField("PROCESS_KEY").get(null));
    }
    try (Stream<Path> files = Files.list(PROCESSES)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bpmn"))
          .map(n -> n.substring(0, n.length() - ".bpmn".length())))
          .isNotEmpty()
          .allSatisfy(key -> assertThat(declared).as("declaration class for %s", key).contains(key));
    }
  }

  @TestFactory
  Stream<DynamicTest> declarationsMatchTheirModels() {
    return modelClasses().stream().map(model -> DynamicTest.dynamicTest(model.getSimpleName(), () -> check(model)));
  }

  private static void check(Class<?> model) throws Exception {
    String key = (String) model.getField("PROCESS_KEY").get(null);
    Path bpmnFile = PROCESSES.resolve(key + ".bpmn");
    assertThat(bpmnFile).as("%s.PROCESS_KEY names a BPMN", model.getSimpleName()).exists();
    String bpmnText = Files.readString(bpmnFile);
    BpmnModelInstance bpmn;
    try (InputStream in = Files.newInputStream(bpmnFile)) {
      bpmn = Bpmn.readModelFromStream(in);
    }
    assertThat(bpmn.getModelElementsByType(Process.class)).extracting(Process::getId).contains(key);

    Map<String, JsonNode> forms = formsOf(bpmn);
    Map<String, Set<Class<?>>> fieldTypes = new LinkedHashMap<>();
    StringBuilder formText = new StringBuilder();
    for (JsonNode form : forms.values()) {
      formText.append(form.toString()).append('\n');
      collectFields(form.path("components"), fieldTypes);
    }

    List<String> problems = new ArrayList<>();
    Set<String> variableNames = new HashSet<>();
    for (Field field : model.getDeclaredFields()) {
      int mod = field.getModifiers();
      if (!Modifier.isStatic(mod) || !Modifier.isPublic(mod) || !Modifier.isFinal(mod)) {
        continue;
      }
      Object value = field.get(null);
      if (field.getType() == String.class && field.getName().startsWith("MESSAGE_")) {
        if (bpmn.getModelElementsByType(Message.class).stream().noneMatch(m -> value.equals(m.getName()))) {
          problems.add(field.getName() + " = \"" + value + "\" is no message of " + bpmnFile);
        }
      } else if (field.getType() == String.class && !field.getName().equals("PROCESS_KEY")) {
        ModelElementInstance element = bpmn.getModelElementById((String) value);
        if (element == null) {
          problems.add(field.getName() + " = \"" + value + "\" is no element of " + bpmnFile);
        }
      } else if (value instanceof ProcessVariable<?> variable) {
        if (!variableNames.add(variable.name())) {
          problems.add(variable.name() + " is declared twice");
        }
        boolean named = mentions(bpmnText, variable.name()) || mentions(formText, variable.name());
        boolean outside = field.isAnnotationPresent(ProcessVariable.OutsideModel.class);
        if (!named && !outside) {
          problems.add(variable + " is named neither by " + bpmnFile + " nor by its forms " + forms.keySet()
              + " (renamed? or mark it @OutsideModel if code writes it)");
        }
        if (named && outside) {
          problems.add(variable + " is marked @OutsideModel but " + bpmnFile + " or its forms name it");
        }
        Set<Class<?>> types = fieldTypes.get(variable.name());
        if (types != null && types.size() == 1 && !types.contains(null) && !types.contains(variable.type())) {
          problems.add(variable + " is a " + types.iterator().next().getSimpleName() + " field in the forms " + forms.keySet());
        }
      }
    }
    assertThat(problems).as(model.getName()).isEmpty();
  }

  private static boolean mentions(CharSequence text, String name) {
    return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(text).find();
  }

  /** The forms of the model's user tasks and start events, by form id. */
  private static Map<String, JsonNode> formsOf(BpmnModelInstance bpmn) throws IOException {
    Set<String> refs = new HashSet<>();
    for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
      if (task.getCamundaFormRef() != null) {
        refs.add(task.getCamundaFormRef());
      }
    }
    for (StartEvent start : bpmn.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        refs.add(start.getCamundaFormRef());
      }
    }
    Map<String, JsonNode> forms = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".form"))::iterator) {
        JsonNode form = JSON.readTree(file.toFile());
        if (refs.contains(form.path("id").asText())) {
          forms.put(form.path("id").asText(), form);
        }
      }
    }
    assertThat(forms.keySet()).as("every formRef has its form").containsAll(refs);
    return forms;
  }

  private static void collectFields(JsonNode components, Map<String, Set<Class<?>>> types) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        collectFields(c.path("components"), types);
      }
      if (c.hasNonNull("key")) {
        types.computeIfAbsent(c.path("key").asText(), k -> new HashSet<>()).add(javaType(c));
      }
    }
  }

  /** What the engine gets for the field, or null where the form does not say (values from a variable). */
  private static Class<?> javaType(JsonNode field) {
    switch (field.path("type").asText()) {
      case "textfield", "textarea", "datetime":
        return String.class;
      case "checkbox":
        return Boolean.class;
      case "number":
        return Number.class;
      case "radio", "select":
        JsonNode values = field.path("values");
        if (!values.isArray() || values.isEmpty()) {
          return null;
        }
        Set<Class<?>> kinds = new HashSet<>();
        values.forEach(v -> kinds.add(v.path("value").isBoolean() ? Boolean.class : v.path("value").isTextual() ? String.class : Object.class));
        return kinds.size() == 1 ? kinds.iterator().next() : null;
      default:
        return Object.class; // checklist, taglist, dynamic lists: a list or JSON value
    }
  }
}
