package cn.gov.enforcement.security;

import static cn.gov.enforcement.security.Attacks.authenticate;
import static cn.gov.enforcement.security.Attacks.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.forms.FormValidationException;
import cn.gov.enforcement.forms.WebappSession;
import cn.gov.enforcement.recording.RecordingAccessModel;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11 item 4: who did something is written by the server from the authenticated user
 * (platform.ServerStampedVariables); a client that submits such a variable is refused with 400
 * naming it, at start, at task completion and at variable updates, on every entry point.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForgedIdentityAttackTest {

  private static final String TEST_PROCESS = "platform-test-guarded-tasks";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;

  @BeforeEach
  void setUp() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(TEST_PROCESS).count() == 0) {
      repositoryService.createDeployment().name("platform-test").addClasspathResource("platform-test/guarded-tasks.bpmn").deploy();
    }
  }

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
  }

  private static String requestVariables(String forged) {
    return "{\"variables\":{\"purpose\":{\"value\":\"INTERNAL\",\"type\":\"String\"},"
        + "\"requestingParty\":{\"value\":\"某区公安分局\",\"type\":\"String\"},"
        + "\"reason\":{\"value\":\"核查案件事实\",\"type\":\"String\"},"
        + "\"caseNumber\":{\"value\":\"YX-2026-001\",\"type\":\"String\"}" + forged + "}}";
  }

  private static void assertNamed(ResponseEntity<String> response, String field) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("\"field\":\"" + field + "\"").contains("SERVER_STAMPED");
  }

  private long instances(String key) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).count();
  }

  /** Runs the attack and checks that it started no instance of the process. */
  private void assertNoInstance(String key, Runnable attack) {
    long instances = instances(key);
    attack.run();
    assertThat(instances(key)).as("instances of %s", key).isEqualTo(instances);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/engine-rest/process-definition/key/recording-access/start",
      "/engine-rest/process-definition/key/recording-access/start;x=1",
      "/engine-rest/engine/default/process-definition/key/recording-access/submit-form",
      "/engine-rest/process-definition/key/recording-access/submit-form"})
  @DisplayName("ACC-03 officer1 以 requester=director1 启动调阅申请被拒绝：400，指明字段 / a forged requester is refused")
  void forgedRequesterAtStart(String path) {
    assertNoInstance("recording-access", () -> assertNamed(send(rest, HttpMethod.POST, path, "officer1",
        requestVariables(",\"requester\":{\"value\":\"director1\",\"type\":\"String\"}")), "requester"));
  }

  @Test
  @DisplayName("ACC-03 webapp API 的启动表单提交同样拒绝 / the webapps' submit-form refuses it too")
  @SuppressWarnings("rawtypes")
  void forgedRequesterOverWebappApi() {
    WebappSession session = WebappSession.login(rest, "officer1", "demo");
    long instances = instances("recording-access");
    ResponseEntity<Map> response = session.post(
        "/camunda/api/engine/engine/default/process-definition/key/recording-access/submit-form",
        Map.of("variables", Map.of(
            "purpose", Map.of("value", "INTERNAL", "type", "String"),
            "requestingParty", Map.of("value", "某区公安分局", "type", "String"),
            "reason", Map.of("value", "核查", "type", "String"),
            "caseNumber", Map.of("value", "YX-2026-001", "type", "String"),
            "requester", Map.of("value", "director1", "type", "String"))));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(String.valueOf(response.getBody())).contains("requester");
    assertThat(instances("recording-access")).isEqualTo(instances);
  }

  @Test
  @DisplayName("ACC-03 Java API（已登录用户）同样拒绝；不带 requester 时由引擎填写为登录用户 / Java API: refused; the engine stamps the requester")
  void forgedRequesterOverJavaApi() {
    long instances = instances("recording-access");
    authenticate(identityService, "officer1");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(RecordingAccessModel.PROCESS_KEY, Map.of("purpose", "INTERNAL",
        "requester", "director1")))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.field()).isEqualTo("requester"));
    assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey(RecordingAccessModel.PROCESS_KEY)
        .setVariable("requester", "director1").execute())
        .isInstanceOf(FormValidationException.class).hasMessageContaining("requester");
    identityService.clearAuthentication();
    assertThat(instances("recording-access")).isEqualTo(instances);
    authenticate(identityService, "officer1");
    ProcessInstance honest = runtimeService.startProcessInstanceByKey(RecordingAccessModel.PROCESS_KEY, Variables.createVariables()
        .putValue("purpose", "INTERNAL").putValue("requestingParty", "某区公安分局").putValue("reason", "核查")
        .putValue("caseNumber", "YX-2026-001"));
    identityService.clearAuthentication();
    try {
      assertThat(runtimeService.getVariable(honest.getId(), "requester")).isEqualTo("officer1");
    } finally {
      runtimeService.deleteProcessInstance(honest.getId(), "test finished", true, true);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "enforcement-case, intakeBy",
      "major-decision,   registeredBy",
      "legal-review,     reviewRequester",
      "document-service, serviceInitiator",
      "disclosure,       disclosureRequester"})
  @DisplayName("DEC-17 登记人等身份变量在启动时不得由客户端提交 / intakeBy, registeredBy … are refused at start")
  void forgedInitiatorsAtStart(String key, String variable) {
    String body = "{\"variables\":{\"" + variable + "\":{\"value\":\"director1\",\"type\":\"String\"}}}";
    assertNoInstance(key, () -> {
      assertNamed(send(rest, HttpMethod.POST, "/engine-rest/process-definition/key/" + key + "/start", "officer1", body), variable);
      assertNamed(send(rest, HttpMethod.POST, "/engine-rest/process-definition/key/" + key + "/submit-form", "officer1", body),
          variable);
    });
  }

  @Test
  @DisplayName("DEC-17 办理任务或更新变量时改写 intakeBy / registeredBy / approvedBy 被拒绝 / overwriting at completion or variable update is refused")
  void overwritingAtCompletionAndUpdate() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(TEST_PROCESS);
    try {
      String task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_Officer")
          .singleResult().getId();
      String forged = "{\"variables\":{\"intakeBy\":{\"value\":\"director1\",\"type\":\"String\"}}}";
      assertNamed(send(rest, HttpMethod.POST, "/engine-rest/task/" + task + "/complete", "officer1", forged), "intakeBy");
      assertNamed(send(rest, HttpMethod.POST, "/engine-rest/task/" + task + "/submit-form", "officer1", forged), "intakeBy");
      assertNamed(send(rest, HttpMethod.PUT, "/engine-rest/task/" + task + "/variables/registeredBy", "officer1",
          "{\"value\":\"director1\",\"type\":\"String\"}"), "registeredBy");
      assertNamed(send(rest, HttpMethod.POST, "/engine-rest/task/" + task + "/localVariables", "officer1",
          "{\"modifications\":{\"approvedBy\":{\"value\":\"director1\",\"type\":\"String\"}}}"), "approvedBy");
      assertNamed(send(rest, HttpMethod.POST, "/engine-rest/process-instance/" + instance.getId() + "/variables", "officer1",
          "{\"modifications\":{\"requester\":{\"value\":\"director1\",\"type\":\"String\"}}}"), "requester");
      assertNamed(send(rest, HttpMethod.POST, "/engine-rest/message", "officer1",
          "{\"messageName\":\"anything\",\"processVariables\":{\"intakeBy\":{\"value\":\"director1\",\"type\":\"String\"}}}"),
          "intakeBy");
      authenticate(identityService, "officer1");
      assertThatThrownBy(() -> taskService.complete(task, Map.of("registeredBy", "director1")))
          .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.field()).isEqualTo("registeredBy"));
      assertThatThrownBy(() -> runtimeService.setVariable(instance.getId(), "intakeBy", "director1"))
          .isInstanceOf(FormValidationException.class).hasMessageContaining("intakeBy");
      identityService.clearAuthentication();
      assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
      assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys("intakeBy", "registeredBy", "approvedBy", "requester");
    } finally {
      runtimeService.deleteProcessInstance(instance.getId(), "test finished", true, true);
    }
  }

  @ParameterizedTest(name = "PER-06 {0} 由服务器记录，不得通过变量接口写入 / is the server's date, not writable beside the form")
  @ValueSource(strings = {"filedOn", "decisionDate", "closedOn", "archivedOn", "resultPublishedOn", "disclosurePublishedOn"})
  void serverDatesAreNotWritable(String date) {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(TEST_PROCESS);
    try {
      String task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_Officer")
          .singleResult().getId();
      String early = "{\"value\":\"2020-01-01\",\"type\":\"String\"}";
      assertNamed(send(rest, HttpMethod.PUT, "/engine-rest/task/" + task + "/variables/" + date, "officer1", early), date);
      assertNamed(send(rest, HttpMethod.POST, "/engine-rest/process-instance/" + instance.getId() + "/variables;x=1", "admin",
          "{\"modifications\":{\"" + date + "\":" + early + "}}"), date);
      assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey(date);
    } finally {
      runtimeService.deleteProcessInstance(instance.getId(), "test finished", true, true);
    }
  }
}
