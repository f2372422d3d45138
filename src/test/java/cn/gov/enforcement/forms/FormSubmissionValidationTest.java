package cn.gov.enforcement.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import cn.gov.enforcement.decision.MajorDecisionModel;
import cn.gov.enforcement.platform.FormSubmissionGuard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Submissions through engine-rest and the webapps' API as officer1 (and aux1 for AUX-01): every
 * refusal answers 400 naming the field in Chinese and English, and leaves the task, its variables
 * and the history as they were. A variable that is not a field of the form is refused as well. The
 * models and forms are in src/test/resources/forms-test and are removed again after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("表单提交服务端校验（REST）/ server-side validation of form submissions through REST")
class FormSubmissionValidationTest {

  static final String PROCESS = "forms-validation-test";
  static final String CONSULTATION = "forms-validation-consultation";
  static final String CALLER = "forms-validation-caller";
  static final String AUX_PROCESS = "forms-aux-test";
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
        .addClasspathResource("forms-test/aux-clerical-test.bpmn")
        .addClasspathResource("forms-test/aux-clerical.form")
        .addClasspathResource("forms-test/aux-deliberation.form")
        .deploy()
        .getId();
    for (String key : List.of(PROCESS, CONSULTATION, CALLER, AUX_PROCESS)) {
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
      // start instructions are camunda-admin only (platform.EngineGuardInterceptor); even then the form is checked
      ResponseEntity<Map> response = postAs("admin", "/process-definition/key/" + PROCESS + "/start", Map.of(
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
      assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(200);
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

    /** One field made invalid in an otherwise valid submission: the refusal names it, nothing changes. */
    static Stream<Arguments> refusedFields() {
      return Stream.of(
          arguments("缺少必填项被拒绝，任务与变量不变 / a missing required field is refused, task and variables unchanged",
              "/submit-form", "hearingDate", null, "REQUIRED"),
          arguments("单选值 BOGUS 被拒绝 / radio value BOGUS is refused", "/submit-form", "decision", value("BOGUS"), "NOT_ALLOWED"),
          arguments("/complete 同样校验 / /complete is checked like submit-form", "/complete", "decision", value("BOGUS"), "NOT_ALLOWED"),
          arguments("数字字段提交文本被拒绝（类型） / text in a number field is refused (type)", "/submit-form", "amount", value("12"), "TYPE"),
          arguments("日期格式错误被拒绝（2025-02-30） / a bad date is refused (2025-02-30)", "/submit-form", "hearingDate",
              value("2025-02-30"), "FORMAT"),
          arguments("日期格式错误被拒绝（2025/09/01） / a bad date is refused (2025/09/01)", "/submit-form", "hearingDate",
              value("2025/09/01"), "FORMAT"),
          arguments("文本不符合 pattern 被拒绝 / text not matching its pattern is refused", "/submit-form", "fileNumber",
              value("第2025-1号"), "PATTERN"),
          arguments("电子邮件格式被校验 / the e-mail validation type is checked", "/submit-form", "contactEmail",
              value("not an address"), "EMAIL"),
          arguments("多选中有不允许的值被拒绝 / a checklist with a value outside its options is refused", "/submit-form", "materials",
              json("[\"DRAFT\",\"SECRET\"]"), "NOT_ALLOWED"),
          arguments("动态选项（valuesKey）按变量中的选项校验 / dynamic options are checked against the variable named by valuesKey",
              "/submit-form", "assistants", json("[\"officer1\",\"stranger\"]"), "NOT_ALLOWED"),
          arguments("必选复选框未勾选被拒绝 / a required checkbox left unchecked is refused", "/submit-form", "confirmed", value(false),
              "REQUIRED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFields")
    @DisplayName("一个字段无效即被拒绝（400），任务与变量不变 / one invalid field is refused with 400, task and variables unchanged")
    void refusedField(String name, String action, String field, Map<String, Object> invalid, String reason) {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      if (invalid == null) {
        variables.remove(field);
      } else {
        variables.put(field, invalid);
      }
      assertRefusedWithoutChange(task, action, variables, field, reason);
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

  // ------------------------------------------------------------------ variables that are not fields

  @Nested
  @DisplayName("表单以外的变量一律拒绝 / a variable that is not a field of the form is refused")
  class NotAField {

    /** A foreign variable next to the form's fields, on each path that completes a task. */
    static Stream<Arguments> foreignOnComplete() {
      return Stream.of(
          arguments("/complete 带表单以外的变量被拒绝（400），任务与变量不变 / complete with a foreign variable answers 400 and changes nothing",
              "/task/%s/complete", value("APPROVE")),
          arguments("/engine/default/… 路径同样拒绝 / the same through /engine-rest/engine/default/…", "/engine/default/task/%s/complete",
              value("APPROVE")),
          arguments("瞬时变量（transient）同样拒绝 / a transient variable is refused as well", "/task/%s/complete",
              Map.of("value", "APPROVE", "type", "String", "valueInfo", Map.of("transient", true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignOnComplete")
    @DisplayName("完成任务时带表单以外的变量被拒绝 / completing a task with a foreign variable is refused")
    void foreignVariableOnComplete(String name, String path, Map<String, Object> foreign) {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      variables.put("deliberationOutcome", foreign);
      assertForeignRefusedWithoutChange(task, () -> post(path.formatted(task.getId()), Map.of("variables", variables)),
          "deliberationOutcome");
    }

    @Test
    @DisplayName("/submit-form 同样拒绝，并列出每个多余的变量 / submit-form is refused too, listing every foreign variable")
    void submitForm() {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      variables.put("deliberationOutcome", value("APPROVE"));
      // (not approvedBy any more: that one is server-stamped and refused before the form is looked at)
      variables.put("adminNote", value("director1"));
      ResponseEntity<Map> response = assertForeignRefusedWithoutChange(task,
          () -> post("/task/" + task.getId() + "/submit-form", Map.of("variables", variables)), "adminNote");
      assertThat(fields(response)).containsExactly("adminNote", "deliberationOutcome");
    }

    @Test
    @DisplayName("改写已有的非本表单变量（文本、JSON）被拒绝 / overwriting an existing variable of another form (text, JSON) is refused")
    void existingVariables() {
      Task task = fillTask();
      Map<String, Object> variables = taskVariables();
      variables.put("title", value("另一个标题"));
      assertForeignRefusedWithoutChange(task, () -> post("/task/" + task.getId() + "/complete", Map.of("variables", variables)),
          "title");
      Map<String, Object> options = taskVariables();
      options.put("assistantOptions", json("[{\"label\":\"外\",\"value\":\"stranger\"}]"));
      options.put("assistants", json("[\"stranger\"]"));
      assertForeignRefusedWithoutChange(task, () -> post("/task/" + task.getId() + "/submit-form", Map.of("variables", options)),
          "assistantOptions");
    }

    @Test
    @DisplayName("委托任务 /resolve 带表单以外的变量被拒绝，仅表单字段则通过 / resolve of a delegated task with a foreign variable is refused, with fields only it passes")
    void resolve() {
      Task task = fillTask();
      taskService.setAssignee(task.getId(), "officer2");
      taskService.delegateTask(task.getId(), "officer1");
      Map<String, Object> variables = vars("decision", "APPROVE", "deliberationOutcome", "APPROVE");
      assertForeignRefusedWithoutChange(task, () -> post("/task/" + task.getId() + "/resolve", Map.of("variables", variables)),
          "deliberationOutcome");
      assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getDelegationState())
          .isEqualTo(DelegationState.PENDING);

      assertThat(post("/task/" + task.getId() + "/resolve", Map.of("variables", vars("decision", "APPROVE")))
          .getStatusCode().value()).isEqualTo(204);
      Task resolved = taskService.createTaskQuery().taskId(task.getId()).singleResult();
      assertThat(resolved.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
      assertThat(resolved.getAssignee()).isEqualTo("officer2");
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "decision")).isEqualTo("APPROVE");
    }

    @Test
    @DisplayName("启动表单 submit-form、/start、/engine/default/…/start 带多余变量均被拒绝，不创建实例 / start with a foreign variable is refused on every path")
    void start() {
      long before = instances(PROCESS);
      Map<String, Object> variables = startVariables();
      variables.put("deliberationOutcome", value("APPROVE"));
      for (String path : List.of("/process-definition/key/" + PROCESS + "/submit-form", "/process-definition/key/" + PROCESS + "/start",
          "/engine/default/process-definition/key/" + PROCESS + "/submit-form",
          "/process-definition/" + definitionId(PROCESS) + "/start")) {
        assertForeign(post(path, Map.of("variables", variables)), "deliberationOutcome");
      }
      assertThat(instances(PROCESS)).isEqualTo(before);
    }

    @Test
    @DisplayName("startInstructions 中的变量同样检查 / variables of start instructions are checked as well")
    void startInstructions() {
      long before = instances(PROCESS);
      // start instructions are camunda-admin only (platform.EngineGuardInterceptor); even then the form is checked
      ResponseEntity<Map> response = postAs("admin", "/process-definition/key/" + PROCESS + "/start", Map.of(
          "variables", startVariables(),
          "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_Fill",
              "variables", vars("deliberationOutcome", "APPROVE")))));
      assertForeign(response, "deliberationOutcome");
      assertThat(instances(PROCESS)).isEqualTo(before);
    }

    @Test
    @DisplayName("Java API 同样拒绝 / the Java API is refused as well")
    void javaApi() {
      Task task = fillTask();
      Map<String, Object> values = new HashMap<>(Map.of("decision", "APPROVE", "hearingDate", "2025-09-01", "confirmed", true));
      values.put("deliberationOutcome", "APPROVE");
      assertThatThrownBy(() -> taskService.complete(task.getId(), values))
          .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.violations())
              .extracting(FormViolation::field, FormViolation::reason)
              .containsExactly(org.assertj.core.groups.Tuple.tuple("deliberationOutcome", FormSubmissionGuard.NOT_A_FIELD)));
      assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "deliberationOutcome")).isNull();

      Map<String, Object> start = startJavaVariables();
      start.put("deliberationOutcome", "APPROVE");
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS, start))
          .isInstanceOf(FormValidationException.class).hasMessageContaining("字段 deliberationOutcome 不是本表单的字段");
    }

    @Test
    @DisplayName("仅含表单字段的提交照常通过，无约束的表单亦然 / submissions of the form's fields still pass, also for a form without constraints")
    void fieldsOnlyPass() {
      Task task = fillTask();
      assertThat(post("/task/" + task.getId() + "/complete", Map.of("variables", taskVariables())).getStatusCode().value())
          .isEqualTo(204);
      Task note = taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).taskDefinitionKey("Task_Note")
          .singleResult();
      assertForeignRefusedWithoutChange(note, () -> post("/task/" + note.getId() + "/complete",
          Map.of("variables", vars("note", "备注", "decision", "REJECT"))), "decision");
      assertThat(post("/task/" + note.getId() + "/complete", Map.of("variables", vars("note", "备注"))).getStatusCode().value())
          .isEqualTo(204);
    }
  }

  // ------------------------------------------------------------------ AUX-01

  @Nested
  @DisplayName("AUX-01 辅助人员不得单独作出决定 / auxiliary staff never alone take a decision")
  class AuxiliaryStaff {

    @Test
    @DisplayName("AUX-01 aux1 不能通过自己的整理任务写入决定变量（complete、submit-form、Tasklist） / aux1 cannot inject deliberationOutcome through the clerical task")
    void cannotInjectDecision() {
      Task task = clericalTask();
      Map<String, Object> variables = vars("pageCount", 12, "deliberationOutcome", "APPROVE");
      for (String action : List.of("/complete", "/submit-form")) {
        assertForeignRefusedWithoutChange(task,
            () -> postAs("aux1", "/task/" + task.getId() + action, Map.of("variables", variables)), "deliberationOutcome");
      }
      WebappSession session = WebappSession.login(rest, "aux1", "demo");
      ResponseEntity<Map> tasklist = session.post("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
          Map.of("variables", variables));
      assertThat(tasklist.getStatusCode().value()).as("status of %s", tasklist.getBody()).isEqualTo(400);
      assertThat((String) tasklist.getBody().get("message")).contains("字段 deliberationOutcome 不是本表单的字段");
      assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "deliberationOutcome")).isNull();
    }

    @Test
    @DisplayName("AUX-01 aux1 完成整理任务后，决定仍由执法人员作出 / after aux1's clerical work the decision is still the officers'")
    void decisionStaysWithOfficers() {
      Task task = clericalTask();
      assertThat(postAs("aux1", "/task/" + task.getId() + "/complete",
          Map.of("variables", vars("pageCount", 12, "clericalNote", "已编页码"))).getStatusCode().value()).isEqualTo(204);
      assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "deliberationOutcome")).isNull();
      Task deliberate = taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId())
          .taskDefinitionKey(MajorDecisionModel.TASK_DELIBERATE).singleResult();
      assertThat(deliberate).isNotNull();
      assertThat(post("/task/" + deliberate.getId() + "/submit-form",
          Map.of("variables", vars("deliberationOutcome", "APPROVE"))).getStatusCode().value()).isEqualTo(204);
      assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId())
          .activityId("Event_Approved").count()).isOne();
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
      assertThat((String) response.getBody().get("message")).contains("字段 decision").contains("field decision")
          .doesNotContain("Cannot submit task form");
      assertThat(response.getBody().get("error")).isEqualTo("FORM_INVALID");
      assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
      assertThat(EngineValues.plain(taskService.getVariablesTyped(task.getId(), false))).isEqualTo(before);

      variables.put("decision", value("APPROVE"));
      assertThat(session.post("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
          Map.of("variables", variables)).getStatusCode().value()).isEqualTo(204);
    }

    @Test
    @DisplayName("Tasklist 接口带表单以外的变量被拒绝（submit-form、complete），仅表单字段则通过 / a foreign variable through the Tasklist API is refused, the form's fields pass")
    void tasklistForeignVariable() {
      Task task = fillTask();
      WebappSession session = WebappSession.login(rest, "officer1", "demo");
      Map<String, Object> variables = taskVariables();
      variables.put("deliberationOutcome", value("APPROVE"));
      for (String action : List.of("/submit-form", "/complete")) {
        assertUnchanged(task, () -> {
          ResponseEntity<Map> response = session.post("/camunda/api/engine/engine/default/task/" + task.getId() + action,
              Map.of("variables", variables));
          assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(400);
          assertThat((String) response.getBody().get("message"))
              .contains("字段 deliberationOutcome 不是本表单的字段").contains("deliberationOutcome is not a field of this form");
          return response;
        });
      }
      assertThat(session.post("/camunda/api/engine/engine/default/task/" + task.getId() + "/complete",
          Map.of("variables", taskVariables())).getStatusCode().value()).isEqualTo(204);
    }

    @Test
    @DisplayName("Tasklist 启动表单：仅表单字段通过，带多余变量被拒绝 / a Tasklist start form: fields pass, a foreign variable is refused")
    void tasklistStartForm() {
      WebappSession session = WebappSession.login(rest, "officer1", "demo");
      String definition = definitionId(PROCESS);
      long before = instances(PROCESS);
      Map<String, Object> variables = startVariables();
      variables.put("deliberationOutcome", value("APPROVE"));
      ResponseEntity<Map> refused = session.post("/camunda/api/engine/engine/default/process-definition/" + definition
          + "/submit-form", Map.of("variables", variables));
      assertThat(refused.getStatusCode().value()).as("status of %s", refused.getBody()).isEqualTo(400);
      assertThat((String) refused.getBody().get("message")).contains("字段 deliberationOutcome 不是本表单的字段");
      // the webapps' API answers a refused start with 400 in the form-refusal shape (FormRefusalFeature),
      // /start as well as submit-form, and without Camunda's English "Cannot instantiate …" wrapper
      assertThat(refused.getBody().get("error")).isEqualTo("FORM_INVALID");
      assertThat((String) refused.getBody().get("message")).doesNotContain("Cannot instantiate");
      ResponseEntity<Map> start = session.post("/camunda/api/engine/engine/default/process-definition/" + definition + "/start",
          Map.of("variables", variables));
      assertThat(start.getStatusCode().value()).as("status of %s", start.getBody()).isEqualTo(400);
      assertThat(start.getBody().get("error")).isEqualTo("FORM_INVALID");
      assertThat(start.getBody().get("field")).isEqualTo("deliberationOutcome");
      assertThat((String) start.getBody().get("message")).contains("字段 deliberationOutcome 不是本表单的字段");
      assertThat(instances(PROCESS)).isEqualTo(before);

      ResponseEntity<Map> started = session.post("/camunda/api/engine/engine/default/process-definition/" + definition + "/submit-form",
          Map.of("variables", startVariables()));
      assertThat(started.getStatusCode().value()).as("status of %s", started.getBody()).isEqualTo(200);
      assertThat(instances(PROCESS)).isEqualTo(before + 1);
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
          vars("consultationStart", cn.gov.enforcement.deadlines.ServerToday.today().toString(), "consultationDays", 25), "shortPeriodReason", "DEC-05");
      assertRefusedWithoutChange(task, "/submit-form",
          vars("consultationStart", cn.gov.enforcement.deadlines.ServerToday.today().toString(), "consultationDays", 25, "shortPeriodReason", "   "), "shortPeriodReason", "DEC-05");
    }

    @Test
    @DisplayName("DEC-05 期限少于 20 日被拒绝 / under 20 days is refused")
    void atLeastTwentyDays() {
      Task task = consultationTask();
      ResponseEntity<Map> response = assertRefusedWithoutChange(task, "/submit-form",
          vars("consultationStart", cn.gov.enforcement.deadlines.ServerToday.today().toString(), "consultationDays", 15, "shortPeriodReason", "紧急"), "consultationDays", "DEC-05");
      assertThat((String) response.getBody().get("message")).contains("不得少于 20 日").contains("at least 20 days");
    }

    @Test
    @DisplayName("DEC-05 期限 25 日附理由、30 日不附理由均通过 / 25 days with a reason and 30 days without one pass")
    void validPeriods() {
      Task first = consultationTask();
      assertThat(post("/task/" + first.getId() + "/submit-form", Map.of("variables",
          vars("consultationStart", cn.gov.enforcement.deadlines.ServerToday.today().toString(), "consultationDays", 25, "shortPeriodReason", "上级要求限期出台"))).getStatusCode().value())
          .isEqualTo(204);
      Task second = consultationTask();
      assertThat(post("/task/" + second.getId() + "/submit-form", Map.of("variables",
          vars("consultationStart", cn.gov.enforcement.deadlines.ServerToday.today().toString(), "consultationDays", 30))).getStatusCode().value())
          .isEqualTo(204);
    }
  }

  // ------------------------------------------------------------------ helpers

  private Task fillTask() {
    String instanceId = runtimeService.startProcessInstanceByKey(PROCESS, startJavaVariables()).getId();
    // the options of the taglist come from the system, not from the start form
    runtimeService.setVariable(instanceId, "assistantOptions", assistantOptions());
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
    return variables;
  }

  private static Object assistantOptions() {
    return SpinValues.jsonValue("[{\"label\":\"张\",\"value\":\"officer1\"},{\"label\":\"刘\",\"value\":\"officer2\"}]").create();
  }

  /** What Tasklist would submit for a complete, valid start form: its fields, nothing else. */
  private static Map<String, Object> startVariables() {
    return vars("title", "城市更新规划", "category", "PLANNING", "caseNumber", "GH-2025");
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

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> postAs(String user, String path, Object body) {
    return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest" + path, body, Map.class);
  }

  private Task clericalTask() {
    String instanceId = runtimeService.startProcessInstanceByKey(AUX_PROCESS).getId();
    return taskService.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey("Task_Clerical").singleResult();
  }

  private String definitionId(String key) {
    return repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId).processDefinitionKey(key).singleResult()
        .getId();
  }

  @SuppressWarnings("unchecked")
  private static List<String> fields(ResponseEntity<Map> response) {
    List<Map<String, String>> violations = (List<Map<String, String>>) response.getBody().get("violations");
    return violations.stream().map(v -> v.get("field")).toList();
  }

  /** 400 naming the variable that is not a field of the form, in Chinese and English. */
  private static void assertForeign(ResponseEntity<Map> response, String name) {
    assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(400);
    Map<?, ?> body = response.getBody();
    assertThat(body.get("error")).isEqualTo("FORM_INVALID");
    assertThat(body.get("field")).isEqualTo(name);
    assertThat((String) body.get("message")).contains("字段 " + name + " 不是本表单的字段").contains(name + " is not a field of this form");
    assertThat(reasons(response)).containsOnly(FormSubmissionGuard.NOT_A_FIELD);
  }

  private ResponseEntity<Map> assertForeignRefusedWithoutChange(Task task, Supplier<ResponseEntity<Map>> call, String name) {
    return assertUnchanged(task, () -> {
      ResponseEntity<Map> response = call.get();
      assertForeign(response, name);
      return response;
    });
  }

  /** Runs the call and checks that the task is still open, and its variables and the history are as they were. */
  private ResponseEntity<Map> assertUnchanged(Task task, Supplier<ResponseEntity<Map>> call) {
    Map<String, Object> before = EngineValues.plain(taskService.getVariablesTyped(task.getId(), false));
    long details = historyService.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId()).count();
    ResponseEntity<Map> response = call.get();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isOne();
    assertThat(EngineValues.plain(taskService.getVariablesTyped(task.getId(), false))).as("no variable changed").isEqualTo(before);
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId()).count())
        .as("no variable update in the history").isEqualTo(details);
    return response;
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
