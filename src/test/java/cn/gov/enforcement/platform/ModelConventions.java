package cn.gov.enforcement.platform;

import cn.gov.enforcement.identity.BureauGroup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the models against the conventions of architecture.md and contract.md by reading the
 * files, without an engine, so a new model is checked the moment it is added. Each violation is
 * one line {@code file: element: what is wrong}.
 */
final class ModelConventions {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
  static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
  /** form-js schema version bundled with the 7.24 Tasklist. */
  static final int MAX_FORM_SCHEMA_VERSION = 16;

  private static final Pattern ELEMENT_ID = Pattern.compile("^(Task|Gateway|Event|Flow|Activity|SubProcess|CallActivity)_[A-Z][A-Za-z0-9]*$");
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  private static final Set<String> FLOW_NODES = Set.of("task", "userTask", "serviceTask", "sendTask", "receiveTask",
      "scriptTask", "businessRuleTask", "manualTask", "callActivity", "subProcess", "startEvent", "endEvent",
      "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "exclusiveGateway", "parallelGateway",
      "inclusiveGateway", "eventBasedGateway");
  private static final Set<String> INPUT_COMPONENTS = Set.of("textfield", "textarea", "number", "select", "radio",
      "checkbox", "checklist", "taglist", "datetime");

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> violations = new ArrayList<>();

  static List<String> check(Path processes, Path dmn, Path forms) throws IOException {
    ModelConventions conventions = new ModelConventions();
    Set<String> formIds = conventions.checkForms(forms);
    for (Path bpmn : files(processes, ".bpmn")) {
      conventions.checkProcessModel(bpmn, formIds);
    }
    for (Path decision : files(dmn, ".dmn")) {
      conventions.checkDecisionModel(decision);
    }
    return conventions.violations;
  }

  private static List<Path> files(Path folder, String suffix) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> stream = Files.list(folder)) {
      return stream.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private void violation(Path file, String element, String message) {
    violations.add(file.getFileName() + ": " + element + ": " + message);
  }

  private Set<String> checkForms(Path folder) throws IOException {
    Set<String> ids = new HashSet<>();
    for (Path form : files(folder, ".form")) {
      JsonNode root;
      try {
        root = json.readTree(form.toFile());
      } catch (IOException e) {
        violation(form, "-", "does not parse as JSON: " + e.getMessage());
        continue;
      }
      String id = root.path("id").asText("");
      if (id.isBlank()) {
        violation(form, "-", "has no form id");
      } else if (!ids.add(id)) {
        violation(form, id, "form id is used by another form");
      }
      if (!"default".equals(root.path("type").asText())) {
        violation(form, id, "type must be \"default\"");
      }
      int version = root.path("schemaVersion").asInt(-1);
      if (version < 1 || version > MAX_FORM_SCHEMA_VERSION) {
        violation(form, id, "schemaVersion must be 1.." + MAX_FORM_SCHEMA_VERSION + " (Tasklist 7.24), was " + version);
      }
      if (!root.path("components").isArray()) {
        violation(form, id, "has no components");
      }
      checkFormComponents(form, root.path("components"));
    }
    return ids;
  }

  private void checkFormComponents(Path form, JsonNode components) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String key = component.path("key").asText(component.path("id").asText("?"));
      if (INPUT_COMPONENTS.contains(type) && !CJK.matcher(component.path("label").asText()).find()) {
        violation(form, key, "an input field needs a Chinese label");
      }
      if (component.has("components")) {
        checkFormComponents(form, component.path("components"));
      }
    }
  }

  private void checkProcessModel(Path file, Set<String> formIds) {
    Document document = parse(file);
    if (document == null) {
      return;
    }
    Set<String> shapes = attributeValues(document.getElementsByTagNameNS(BPMNDI, "BPMNShape"), "bpmnElement");
    Set<String> edges = attributeValues(document.getElementsByTagNameNS(BPMNDI, "BPMNEdge"), "bpmnElement");
    NodeList processes = document.getElementsByTagNameNS(BPMN, "process");
    for (int i = 0; i < processes.getLength(); i++) {
      Element process = (Element) processes.item(i);
      String id = process.getAttribute("id");
      if ("true".equals(process.getAttribute("isExecutable"))
          && process.getAttributeNS(CAMUNDA_BPMN, "historyTimeToLive").isBlank()) {
        violation(file, id, "executable process without camunda:historyTimeToLive");
      }
    }
    NodeList all = document.getElementsByTagNameNS(BPMN, "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      String type = element.getLocalName();
      String id = element.getAttribute("id");
      if (FLOW_NODES.contains(type) || "sequenceFlow".equals(type)) {
        if (!ELEMENT_ID.matcher(id).matches()) {
          violation(file, id, type + " id must read like Task_ReviewDraft, Gateway_…, Event_…, Flow_…");
        }
        Set<String> diagram = "sequenceFlow".equals(type) ? edges : shapes;
        if (!diagram.contains(id)) {
          violation(file, id, type + " has no diagram " + ("sequenceFlow".equals(type) ? "edge" : "shape"));
        }
      }
      if ("userTask".equals(type)) {
        checkUserTask(file, element, formIds);
      }
      if ("startEvent".equals(type) && element.hasAttributeNS(CAMUNDA_BPMN, "formRef")) {
        checkFormRef(file, element, formIds);
      }
      checkDelegates(file, element, CAMUNDA_BPMN);
    }
    // listeners sit in extension elements of the camunda namespace
    for (String listener : List.of("executionListener", "taskListener")) {
      NodeList listeners = document.getElementsByTagNameNS(CAMUNDA_BPMN, listener);
      for (int i = 0; i < listeners.getLength(); i++) {
        // attributes of camunda's own elements carry no namespace
        checkDelegates(file, (Element) listeners.item(i), null);
      }
    }
  }

  private void checkUserTask(Path file, Element task, Set<String> formIds) {
    String id = task.getAttribute("id");
    if (!CJK.matcher(task.getAttribute("name")).find()) {
      violation(file, id, "a user task needs a Chinese name");
    }
    if (!task.hasAttributeNS(CAMUNDA_BPMN, "formRef")) {
      violation(file, id, "user task without camunda:formRef");
    } else {
      checkFormRef(file, task, formIds);
    }
    String groups = task.getAttributeNS(CAMUNDA_BPMN, "candidateGroups");
    if (!groups.contains("${") && !groups.contains("#{")) {
      for (String group : groups.split(",")) {
        if (!group.isBlank() && BureauGroup.byId(group.trim()).isEmpty()) {
          violation(file, id, "candidate group " + group.trim() + " is not a group of the contract");
        }
      }
    }
  }

  private void checkFormRef(Path file, Element element, Set<String> formIds) {
    String formRef = element.getAttributeNS(CAMUNDA_BPMN, "formRef");
    if (!formRef.contains("${") && !formIds.contains(formRef)) {
      violation(file, element.getAttribute("id"), "camunda:formRef " + formRef + " is not a form in forms/");
    }
  }

  private void checkDelegates(Path file, Element element, String namespace) {
    String where = element.getAttribute("id").isBlank() ? element.getLocalName() : element.getAttribute("id");
    if (element.hasAttributeNS(namespace, "class")) {
      violation(file, where, "camunda:class: reference the Spring bean with camunda:delegateExpression");
    }
    if (element.hasAttributeNS(namespace, "expression")) {
      violation(file, where, "camunda:expression: put the logic in a bean referenced by camunda:delegateExpression");
    }
  }

  private void checkDecisionModel(Path file) {
    Document document = parse(file);
    if (document == null) {
      return;
    }
    NodeList decisions = document.getElementsByTagNameNS("*", "decision");
    for (int i = 0; i < decisions.getLength(); i++) {
      Element decision = (Element) decisions.item(i);
      if (decision.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
        violation(file, decision.getAttribute("id"), "decision without camunda:historyTimeToLive");
      }
    }
  }

  private Document parse(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      violation(file, "-", "does not parse as XML: " + e.getMessage());
      return null;
    }
  }

  private static Set<String> attributeValues(NodeList nodes, String attribute) {
    Set<String> values = new HashSet<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(((Element) nodes.item(i)).getAttribute(attribute));
    }
    return values;
  }
}
