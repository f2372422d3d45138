package cn.gov.enforcement.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What a rule owner does from Camunda Modeler, as the tests need it: the Deploy button (the REST
 * deployment API with the Modeler's form fields and attached files), an evaluation through REST,
 * and the shipped tables and cases to edit. Also restores a shipped table after a test changed it,
 * because the Spring context and its H2 database are shared by all test classes.
 */
final class RuleOwnerDesk {

  static final String PASSWORD = "demo";
  /**
   * Deployment names get this run's id: the Modeler's duplicate filter returns the existing
   * deployment when the same content was deployed under the same name before (a rerun against a
   * kept database), and a test would then see no new version.
   */
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;
  private final RepositoryService repositoryService;

  RuleOwnerDesk(TestRestTemplate rest, RepositoryService repositoryService) {
    this.rest = rest;
    this.repositoryService = repositoryService;
  }

  /** A file as the Modeler attaches it: the part's file name is the resource name. */
  record File(String name, byte[] content) {
    static File of(String name, String content) {
      return new File(name, content.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The answer of the REST API: status and JSON body. */
  record Answer(int status, JsonNode body) {}

  /** The Modeler's Deploy button: {@code POST /engine-rest/deployment/create} with its form fields. */
  Answer deploy(String user, String deploymentName, File... files) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", deploymentName + " [" + RUN + "]");
    form.add("deployment-source", "Camunda Modeler");
    form.add("enable-duplicate-filtering", "true");
    for (File file : files) {
      HttpHeaders partHeaders = new HttpHeaders();
      partHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
      form.add(file.name(), new HttpEntity<>(new NamedBytes(file.name(), file.content()), partHeaders));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> response = rest.withBasicAuth(user, PASSWORD)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
    return answer(response);
  }

  /** {@code POST /engine-rest/decision-definition/key/{key}/evaluate} with typed variables. */
  Answer evaluate(String user, String key, Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = rest.withBasicAuth(user, PASSWORD).postForEntity(
        "/engine-rest/decision-definition/key/" + key + "/evaluate",
        new HttpEntity<>(Map.of("variables", typed), headers), String.class);
    return answer(response);
  }

  /** The shipped table or case file, as the rule owner opens it in the Modeler or an editor. */
  static String shipped(String path) {
    return new String(DecisionCasesTest.bytes(path), StandardCharsets.UTF_8);
  }

  static String shippedTable(String key) {
    return shipped("dmn/" + key + ".dmn");
  }

  static String shippedCases(String key) {
    return shipped("dmn/cases/" + key + ".csv");
  }

  /** An edit of one or more exact passages; fails the test if a passage is not found exactly once. */
  static String edit(String text, String... replacements) {
    String edited = text;
    for (int i = 0; i < replacements.length; i += 2) {
      String from = replacements[i];
      assertThat(edited.split(java.util.regex.Pattern.quote(from), -1)).as("'%s' occurs once", from).hasSize(2);
      edited = edited.replace(from, replacements[i + 1]);
    }
    return edited;
  }

  /**
   * Deploys the shipped table and its shipped cases again (as the application, without a user)
   * unless the latest version is already equivalent: afterwards the latest version answers every
   * shipped case as the shipped table does.
   */
  void restoreShipped(String key) {
    if (latestPassesShippedCases(key)) {
      return;
    }
    repositoryService.createDeployment().name("rules-test-restore-" + key)
        .addString(key + ".dmn", shippedTable(key))
        .addString(key + ".csv", shippedCases(key))
        .deploy();
    assertThat(latestPassesShippedCases(key)).as("latest %s restored", key).isTrue();
  }

  /** Whether the latest deployed version of the table passes the shipped case file. */
  boolean latestPassesShippedCases(String key) {
    var latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
    if (latest == null) {
      return false;
    }
    byte[] dmn;
    try (var in = repositoryService.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
      dmn = in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var decision = DecisionCasesTest.RUNNER.parse(new java.io.ByteArrayInputStream(dmn)).stream()
        .filter(d -> d.getKey().equals(key)).findFirst().orElseThrow();
    CaseFile cases = CaseFile.parse(key, "dmn/cases/" + key + ".csv", DecisionCasesTest.bytes("dmn/cases/" + key + ".csv"));
    return DecisionCasesTest.RUNNER.run(decision, cases).passed();
  }

  List<String> resourceNames(String deploymentId) {
    List<String> names = new ArrayList<>();
    for (Resource resource : repositoryService.getDeploymentResources(deploymentId)) {
      names.add(resource.getName());
    }
    return names;
  }

  int latestVersion(String key) {
    var latest = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
    return latest == null ? 0 : latest.getVersion();
  }

  private static Answer answer(ResponseEntity<String> response) {
    try {
      String body = response.getBody();
      return new Answer(response.getStatusCode().value(), body == null || body.isBlank() ? null : JSON.readTree(body));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Bytes with a file name, so that the multipart part carries {@code filename=…}. */
  private static final class NamedBytes extends ByteArrayResource {
    private final String name;

    NamedBytes(String name, byte[] content) {
      super(content);
      this.name = name;
    }

    @Override
    public String getFilename() {
      return name;
    }
  }
}
