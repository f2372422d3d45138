package cn.gov.enforcement.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Submissions through engine-rest as officer1: every refusal answers 400 naming the field in
 * Chinese and English, and leaves the task, its variables and the history as they were. The
 * models and forms are in src/test/resources/forms-test and are removed again after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("表单提交服务端校验（REST）/ server-side validation of form submissions through REST")
class FormSubmissionValidationTest {

  static final String PROCESS = "forms-validation-test";
  static final String CONSULTATION = "forms-validation-consultation";
  static final String CALLER = "forms-validation-caller";
  static final String OFFICERS = "enforcement-officer";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired AuthorizationService authorizationService;

  private String deploymentId;
  private final List<String> authorizationIds = new ArrayList<>();

  @BeforeAll
  void deploy() {
    deploymentId = repositoryService.createDeployment()
        .name("forms-validation-test")
        .addClasspathResource("forms-test/validation-test.bpmn")
        .addClasspathResource("forms-test/validation-test-start.form")
        .addClasspathResource("forms-test/validation-test-task.form")
        .addClasspathResource("forms-test/validation-test-note.form")
        .addClasspathResource("forms-test/plan-consultation.form")
        .deploy()
        .getId();
    for (String key : List.of(PROCESS, CONSULTATION, CALLER)) {
      Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(OFFICERS);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId(key);
      grant.addPermission(ProcessDefinitionPermissions.READ);
      grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
      authorizationIds.add(authorizationService.saveAuthorization(grant).getId());
    }
  }

  @AfterAll
  void undeploy() {
    repositoryService.deleteDeployment(deploymentId, true);
    authorizationIds.forEach(authorizationService::deleteAuthorization);
  }

  // ------------------------------------------------------------------ start form

  @Nested
  @DisplayName("启动表单 / start form")
  class StartForm {

    @Test
    @DisplayName("submit-form：下拉框值 BOGUS 被拒绝（400），不创建流程实例 / select value BOGUS is refused, no instance is created")
    void selectBogusRefused() {
      long before = instances(PROCESS);
      ResponseEntity<Map> response = post("/process-definition/key/" + PROCESS + "/submit-form",
          Map.of("variables", vars("title", "城市更新规划", "category", "BOGUS")));
      assertRefusal(response, "category", "NOT_ALLOWED");
      assertThat((String) response.getBody().get("message")).contains("BOGUS").contains("PLANNING");
      assertThat(instances(PROCESS)).isEqualTo(before);
    }

    @Test
    @DisplayName("/start（不经表单）缺少必填项也被拒绝（400） / plain /start with a missing required field answers 400 as well")
    void plainStartRefused() {
      long before = instances(PROCESS);
      ResponseEntity<Map> response = post("/process-definition/key/" + PROCESS + "/start",
          Map.of("variables", vars("category", "BUDGET")));
      assertRefusal(response, "title", "REQUIRED");
      assertThat(instances(PROCESS)).isEqualTo(before);
    }

    @Test
    @DisplayName("以 startInstructions 跳过开始事件也要校验启动表单 / starting at an inner activity does not bypass the start form")
    void startInstructionsChecked() {
      long before = instances(PROCESS);
      ResponseEntity<Map> response = post("/process-definition/key/" + PROCESS + "/start", Map.of(
          "variables", vars("title", "城市更新规划", "category", "BOGUS"),
          "skipCustomListeners", true,
          "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_Fill"))));
      assertRefusal(response, "category", "NOT_ALLOWED");
      assertThat(instances(PROCESS)).isEqualTo(before);
    }

    @Test
    @DisplayName("文本格式（pattern）与长度不符被拒绝 / text pattern and length are checked")
    void patternAndLength() {
      ResponseEntity<Map> response = post("/process-definition/key/" + PROCESS + "/submit-form",
          Map.of("variables", vars("title", "短", "category", "OTHER", "caseNumber", "x-12")));
      assertRefusal(response, "caseNumber", "PATTERN");
      assertThat(reasons(response)).containsExactlyInAnyOrder("MIN_LENGTH", "PATTERN");
    }

    @Test
    @DisplayName("合格的启动表单创建实例 / a valid start form starts the procedure")
    void validStart() {
      ResponseEntity<Map> response = post("/process-definition/key/" + PROCESS + "/submit-form",
          Map.of("variables", startVariables()));
      assertThat(response.getStatusCode().value()).isEqualTo(200);
      String instanceId = (String) response.getBody().get("id");
      assertThat(taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("Task_Fill").count()).isOne();
    }

    @Test
    @DisplayName("调用活动启动子流程不按启动表单校验 / a call activity starting the process is not a form submission")
    void callActivityNotChecked() {
      String caller = runtimeService.startProcessInstanceByKey(CALLER).getId();
      assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(caller).count()).isOne();
    }
  }

  // ------------------------------------------------------------------ task form

  @Nested
  @DisplayName("任务表单 / task form")
  class TaskForm {

    @Test
    @DisplayName("缺少必填项被拒绝，任务与变量不变 / a missing required field is refused, task and variables unchanged")
    void missingRequired() {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      variables.remove("hearingDate");
      assertRefusedWithoutChange(task, "/submit-form", variables, "hearingDate", "REQUIRED");
    }

    @Test
    @DisplayName("单选值 BOGUS 被拒绝 / radio value BOGUS is refused")
    void radioBogus() {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      variables.put("decision", value("BOGUS"));
      assertRefusedWithoutChange(task, "/submit-form", variables, "decision", "NOT_ALLOWED");
    }

    @Test
    @DisplayName("/complete 同样校验 / /complete is checked like submit-form")
    void completeChecked() {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      variables.put("decision", value("BOGUS"));
      assertRefusedWithoutChange(task, "/complete", variables, "decision", "NOT_ALLOWED");
    }

    @Test
    @DisplayName("数字超出范围被拒绝 / a number out of range is refused")
    void numberOutOfRange() {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      variables.put("amount", value(500));
      ResponseEntity<Map> response = assertRefusedWithoutChange(task, "/submit-form", variables, "amount", "MAX");
      assertThat((String) response.getBody().get("message")).contains("不得大于 100").contains("at most 100");
    }

    @Test
    @DisplayName("数字字段提交文本被拒绝（类型） / text in a number field is refused (type)")
    void numberType() {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      variables.put("amount", value("12"));
      assertRefusedWithoutChange(task, "/submit-form", variables, "amount", "TYPE");
    }

    @Test
    @DisplayName("日期格式错误被拒绝（2025-02-30、2025/09/01） / a bad date is refused")
    void badDate() {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      variables.put("hearingDate", value("2025-02-30"));
      assertRefusedWithoutChange(task, "/submit-form", variables, "hearingDate", "FORMAT");
      variables.put("hearingDate", value("2025/09/01"));
      assertRefusedWithoutChange(task, "/submit-form", variables, "hearingDate", "FORMAT");
    }

    @Test
    @DisplayName("文本不符合 pattern 被拒绝 / text not matching its pattern is refused")
    void pattern() {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      variables.put("fileNumber", value("第2025-1号"));
      assertRefusedWithoutChange(task, "/submit-form", variables, "fileNumber", "PATTERN");
    }

    @Test
    @DisplayName("电子邮件格式被校验 / the e-mail validation type is checked")
    void email() {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      variables.put("contactEmail", value("not an address"));
      assertRefusedWithoutChange(task, "/submit-form", variables, "contactEmail", "EMAIL");
    }

    @Test
    @DisplayName("多选中有不允许的值被拒绝 / a checklist with a value outside its options is refused")
    void checklistValue() {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      variables.put("materials", json("[\"DRAFT\",\"SECRET\"]"));
      assertRefusedWithoutChange(task, "/submit-form", variables, "materials", "NOT_ALLOWED");
    }

    @Test
    @DisplayName("动态选项（valuesKey）按变量中的选项校验 / dynamic options are checked against the variable named by valuesKey")
    void dynamicOptions() {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      variables.put("assistants", json("[\"officer1\",\"stranger\"]"));
      assertRefusedWithoutChange(task, "/submit-form", variables, "assistants", "NOT_ALLOWED");
    }

    @Test
    @DisplayName("必选复选框未勾选被拒绝 / a required checkbox left unchecked is refused")
    void requiredCheckbox() {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      variables.put("confirmed", value(false));
      assertRefusedWithoutChange(task, "/submit-form", variables, "confirmed", "REQUIRED");
    }

    @Test
    @DisplayName("条件显示的必填项：不同意时须填写理由，同意时不要求 / a conditionally shown field is required only when shown")
    void conditionalRequired() {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      variables.put("decision", value("REJECT"));
      assertRefusedWithoutChange(task, "/submit-form", variables, "reason", "REQUIRED");

      variables.put("reason", value("材料不全"));
      assertThat(post("/task/" + task.getId() + "/submit-form", Map.of("variables", variables)).getStatusCode().value())
          .isEqualTo(204);
    }

    @Test
    @DisplayName("合格提交完成任务（204），无约束的表单直接通过 / a valid submission completes the task; a form without constraints passes")
    void validSubmission() {
      Task task = fillTask();
      ResponseEntity<Map> response = post("/task/" + task.getId() + "/submit-form", Map.of("variables", taskVariables()));
      assertThat(response.getStatusCode().value()).isEqualTo(204);
      assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "decision")).isEqualTo("APPROVE");

      Task note = taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).taskDefinitionKey("Task_Note")
          .singleResult();
      assertThat(post("/task/" + note.getId() + "/complete", Map.of("variables", vars("note", 42))).getStatusCode().value())
          .isEqualTo(204);
    }

    @Test
    @DisplayName("Java API 调用同样被拒绝，异常为 FormValidationException / the Java API is refused with FormValidationException")
    void javaApi() {
      Task task = fillTask();
      Map<String, Object> before = EngineValues.plain(taskService.getVariablesTyped(task.getId(), false));
      assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("decision", "MAYBE")))
          .isInstanceOfSatisfying(FormValidationException.class, e -> {
            assertThat(e.formId()).isEqualTo("Form_ValidationTestTask");
            assertThat(e.violations()).extracting(FormViolation::field).contains("decision", "hearingDate", "confirmed");
          });
      assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
      assertThat(EngineValues.plain(taskService.getVariablesTyped(task.getId(), false))).isEqualTo(before);
    }
  }

  // ------------------------------------------------------------------ Tasklist

  @Nested
  @DisplayName("Tasklist 所用的 webapp 内部接口 / the webapps' internal API used by Tasklist")
  class Tasklist {

    @Test
    @DisplayName("Tasklist 提交（会话 + CSRF）同样被拒绝，400 并说明字段 / a Tasklist submission is refused with 400 naming the field")
    void tasklistSubmitForm() {
      Task task = fillTask();
      Map<String, Object> before = EngineValues.plain(taskService.getVariablesTyped(task.getId(), false));
      WebappSession session = WebappSession.login(rest, "officer1", "demo");
      Map<String, Object> variables = taskVariables();
      variables.put("decision", value("BOGUS"));

      ResponseEntity<Map> response = session.post(
          "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form", Map.of("variables", variables));

      assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(400);
      assertThat((String) response.getBody().get("message")).contains("字段 decision").contains("field decision");
      assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
      assertThat(EngineValues.plain(taskService.getVariablesTyped(task.getId(), false))).isEqualTo(before);

      variables.put("decision", value("APPROVE"));
      assertThat(session.post("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
          Map.of("variables", variables)).getStatusCode().value()).isEqualTo(204);
    }
  }

  // ------------------------------------------------------------------ DEC-05

  @Nested
  @DisplayName("DEC-05 征求意见期限 / consultation period")
  class Consultation {

    @Test
    @DisplayName("DEC-05 期限少于 30 日未填写理由被拒绝 / under 30 days without shortPeriodReason is refused")
    void shortPeriodNeedsReason() {
      Task task = consultationTask();
      assertRefusedWithoutChange(task, "/submit-form",
          vars("consultationStart", "2025-10-09", "consultationDays", 25), "shortPeriodReason", "DEC-05");
      assertRefusedWithoutChange(task, "/submit-form",
          vars("consultationStart", "2025-10-09", "consultationDays", 25, "shortPeriodReason", "   "), "shortPeriodReason", "DEC-05");
    }

    @Test
    @DisplayName("DEC-05 期限少于 20 日被拒绝 / under 20 days is refused")
    void atLeastTwentyDays() {
      Task task = consultationTask();
      ResponseEntity<Map> response = assertRefusedWithoutChange(task, "/submit-form",
          vars("consultationStart", "2025-10-09", "consultationDays", 15, "shortPeriodReason", "紧急"), "consultationDays", "DEC-05");
      assertThat((String) response.getBody().get("message")).contains("不得少于 20 日").contains("at least 20 days");
    }

    @Test
    @DisplayName("DEC-05 期限 25 日附理由、30 日不附理由均通过 / 25 days with a reason and 30 days without one pass")
    void validPeriods() {
      Task first = consultationTask();
      assertThat(post("/task/" + first.getId() + "/submit-form", Map.of("variables",
          vars("consultationStart", "2025-10-09", "consultationDays", 25, "shortPeriodReason", "上级要求限期出台"))).getStatusCode().value())
          .isEqualTo(204);
      Task second = consultationTask();
      assertThat(post("/task/" + second.getId() + "/submit-form", Map.of("variables",
          vars("consultationStart", "2025-10-09", "consultationDays", 30))).getStatusCode().value())
          .isEqualTo(204);
    }
  }

  // ------------------------------------------------------------------ helpers

  private Task fillTask() {
    String instanceId = runtimeService.startProcessInstanceByKey(PROCESS, startJavaVariables()).getId();
    return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("Task_Fill").singleResult();
  }

  private Task consultationTask() {
    String instanceId = runtimeService.startProcessInstanceByKey(CONSULTATION).getId();
    return taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
  }

  private static Map<String, Object> startJavaVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", "城市更新规划");
    variables.put("category", "PLANNING");
    variables.put("assistantOptions",
        SpinValues.jsonValue("[{\"label\":\"张\",\"value\":\"officer1\"},{\"label\":\"刘\",\"value\":\"officer2\"}]").create());
    return variables;
  }

  private static Map<String, Object> startVariables() {
    Map<String, Object> variables = vars("title", "城市更新规划", "category", "PLANNING", "caseNumber", "GH-2025");
    variables.put("assistantOptions", json("[{\"label\":\"张\",\"value\":\"officer1\"},{\"label\":\"刘\",\"value\":\"officer2\"}]"));
    return variables;
  }

  /** What Tasklist would submit for a complete, valid task form. */
  private static Map<String, Object> taskVariables() {
    Map<String, Object> variables = vars("decision", "APPROVE", "amount", 12.5, "hearingDate", "2025-09-01",
        "fileNumber", "2025-001", "contactEmail", "office@bureau.example", "confirmed", true);
    variables.put("materials", json("[\"DRAFT\",\"OPINIONS\"]"));
    variables.put("assistants", json("[\"officer1\"]"));
    return variables;
  }

  private static Map<String, Object> vars(Object... namesAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], value(namesAndValues[i + 1]));
    }
    return variables;
  }

  private static Map<String, Object> value(Object value) {
    Map<String, Object> dto = new HashMap<>();
    dto.put("value", value);
    return dto;
  }

  private static Map<String, Object> json(String text) {
    return Map.of("value", text, "type", "Json");
  }

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> post(String path, Object body) {
    return rest.withBasicAuth("officer1", "demo").postForEntity("/engine-rest" + path, body, Map.class);
  }

  private long instances(String key) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).count();
  }

  @SuppressWarnings("unchecked")
  private static List<String> reasons(ResponseEntity<Map> response) {
    List<Map<String, String>> violations = (List<Map<String, String>>) response.getBody().get("violations");
    return violations.stream().map(v -> v.get("reason")).toList();
  }

  private static void assertRefusal(ResponseEntity<Map> response, String field, String reason) {
    assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(400);
    Map<?, ?> body = response.getBody();
    assertThat(body.get("error")).isEqualTo("FORM_INVALID");
    assertThat(body.get("type")).isEqualTo("FormValidationException");
    String message = (String) body.get("message");
    assertThat(message).as("names the field in Chinese and English").contains("字段 " + field).contains("field " + field);
    assertThat(reasons(response)).contains(reason);
  }

  private ResponseEntity<Map> assertRefusedWithoutChange(Task task, String action, Map<String, Object> variables,
      String field, String reason) {
    Map<String, Object> before = EngineValues.plain(taskService.getVariablesTyped(task.getId(), false));
    long details = historyService.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId()).count();

    ResponseEntity<Map> response = post("/task/" + task.getId() + action, Map.of("variables", variables));

    assertRefusal(response, field, reason);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isOne();
    assertThat(EngineValues.plain(taskService.getVariablesTyped(task.getId(), false))).as("no variable changed").isEqualTo(before);
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId()).count())
        .as("no variable update in the history").isEqualTo(details);
    return response;
  }
}
