package cn.gov.enforcement.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The security of the running application over HTTP, as a client sees it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpSecurityTest {

  private static final String TEST_PROCESS = "platform-test-guarded-tasks";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private ProcessInstance instance;

  @BeforeEach
  void startGuardedTasks() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(TEST_PROCESS).count() == 0) {
      repositoryService.createDeployment().name("platform-test")
          .addClasspathResource("platform-test/guarded-tasks.bpmn").deploy();
    }
    instance = runtimeService.startProcessInstanceByKey(TEST_PROCESS);
  }

  @AfterEach
  void removeInstance() {
    runtimeService.deleteProcessInstance(instance.getId(), "test finished", true, true);
  }

  private String taskId(String definitionKey) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(definitionKey)
        .singleResult().getId();
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  @Test
  @DisplayName("/engine-rest 与 /api 未登录返回 401 / no credentials → 401")
  void noCredentialsIsUnauthorized() {
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> api = rest.getForEntity("/api/anything", String.class);
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(api.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(api.getBody()).contains("\"error\":\"UNAUTHORIZED\"");
  }

  @Test
  @DisplayName("密码错误返回 401 / wrong password → 401")
  void wrongPasswordIsUnauthorized() {
    ResponseEntity<String> response = rest.withBasicAuth("nobody", "nothing").getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @DisplayName("连续输错密码被限速：随后的正确密码也被拒绝 / repeated wrong passwords are throttled")
  void repeatedWrongPasswordsAreThrottled() {
    String userId = "throttletest";
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setPassword("Correct-horse-9");
      identityService.saveUser(user);
    }
    identityService.unlockUser(userId);
    try {
      assertThat(rest.withBasicAuth(userId, "Correct-horse-9").getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(rest.withBasicAuth(userId, "wrong").getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      // within the login delay even the right password is refused
      assertThat(rest.withBasicAuth(userId, "Correct-horse-9").getForEntity("/engine-rest/task", String.class)
          .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(identityService.createUserQuery().userId(userId).singleResult()).isNotNull();
    } finally {
      identityService.unlockUser(userId);
    }
  }

  @Test
  @DisplayName("用户只能看到本组任务 / a user sees only the tasks of their groups")
  void usersSeeOnlyTheirGroupsTasks() {
    assertThat(visibleTaskKeys("officer1")).containsExactly("Task_Officer");
    assertThat(visibleTaskKeys("legal1")).containsExactly("Task_Legal");
    assertThat(visibleTaskKeys("aux1")).containsExactly("Task_Clerical");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"supervisor1", "director1", "deputy1", "head1"})
  @DisplayName("管理人员只读查看本单位全部任务：不能签收、完成或改派 / managers read the unit's open tasks and can neither claim, complete nor reassign them")
  void managersReadTheUnitsTasksOnly(String manager) {
    assertThat(visibleTaskKeys(manager)).hasSize(5);
    var as = rest.withBasicAuth(manager, "demo");
    String officerTask = taskId("Task_Officer");
    assertThat(as.postForEntity("/engine-rest/task/" + officerTask + "/complete", json("{}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as.postForEntity("/engine-rest/task/" + officerTask + "/claim", json("{\"userId\":\"" + manager + "\"}"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as.postForEntity("/engine-rest/task/" + officerTask + "/assignee", json("{\"userId\":\"officer2\"}"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(officerTask).singleResult().getAssignee()).isNull();
  }

  @SuppressWarnings("unchecked")
  private List<String> visibleTaskKeys(String user) {
    List<Map<String, Object>> tasks = rest.withBasicAuth(user, "demo")
        .getForObject("/engine-rest/task?processInstanceId=" + instance.getId(), List.class);
    return tasks.stream().map(t -> (String) t.get("taskDefinitionKey")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Task_Officer", "Task_Head", "Task_Legal", "Task_Director"})
  @DisplayName("AUX-01 辅助人员不能完成执法人员、科室负责人、法规科或局长的任务 / auxiliary staff get 403")
  void auxiliaryStaffCannotCompleteDecidingTasks(String taskKey) {
    String id = taskId(taskKey);
    var aux = rest.withBasicAuth("aux1", "demo");
    assertThat(aux.postForEntity("/engine-rest/task/" + id + "/complete", json("{}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(aux.postForEntity("/engine-rest/task/" + id + "/submit-form", json("{}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(id).count()).isEqualTo(1);
  }

  @Test
  @DisplayName("AUX-02 辅助人员可以完成分派给辅助人员的文书任务 / auxiliary staff complete clerical tasks")
  void auxiliaryStaffCompleteClericalTasks() {
    String id = taskId("Task_Clerical");
    assertThat(rest.withBasicAuth("aux1", "demo")
        .postForEntity("/engine-rest/task/" + id + "/complete", json("{}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  @DisplayName("AUX-01 辅助人员不能绕过表单向流程写入变量 / auxiliary staff cannot write variables around the form")
  void auxiliaryStaffCannotWriteVariablesAroundTheForm() {
    String id = taskId("Task_Clerical");
    var aux = rest.withBasicAuth("aux1", "demo");
    HttpEntity<String> approve = json("{\"value\":\"APPROVE\",\"type\":\"String\"}");
    assertThat(aux.exchange("/engine-rest/task/" + id + "/variables/deliberationOutcome", HttpMethod.PUT, approve, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(aux.exchange("/engine-rest/task/" + id + "/localVariables/deliberationOutcome", HttpMethod.PUT, approve, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(aux.exchange("/engine-rest/process-instance/" + instance.getId() + "/variables/deliberationOutcome",
        HttpMethod.PUT, approve, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(runtimeService.getVariable(instance.getId(), "deliberationOutcome")).isNull();
    // working on the task itself is allowed
    assertThat(aux.postForEntity("/engine-rest/task/" + id + "/claim", json("{\"userId\":\"aux1\"}"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  @DisplayName("本组成员可以完成本组任务 / a member completes their group's task")
  void memberCompletesOwnGroupsTask() {
    String id = taskId("Task_Director");
    assertThat(rest.withBasicAuth("officer1", "demo")
        .postForEntity("/engine-rest/task/" + id + "/complete", json("{}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("director1", "demo")
        .postForEntity("/engine-rest/task/" + id + "/complete", json("{}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  @DisplayName("CVE-2026-77226 管理员初始设置接口被拒绝 / the admin setup endpoint is refused")
  void adminSetupIsRefused() {
    ResponseEntity<String> response = rest.postForEntity("/camunda/api/admin/setup/default/user/create",
        json("{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\"},\"credentials\":{\"password\":\"Intruder-123\"}}"),
        String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  @DisplayName("CVE-2026-77226 系统管理员组始终有直接成员 / camunda-admin keeps a direct member")
  void lastAdminCannotBeRemoved() {
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").count()).isEqualTo(1);
    var admin = rest.withBasicAuth("admin", "demo");
    assertThat(admin.exchange("/engine-rest/group/camunda-admin/members/admin", HttpMethod.DELETE, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(admin.exchange("/engine-rest/user/admin", HttpMethod.DELETE, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(admin.exchange("/engine-rest/group/camunda-admin", HttpMethod.DELETE, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(identityService.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
  }

  @Test
  @DisplayName("CVE-2026-109432 任务查询中的表达式被拒绝 / expressions in task queries are refused")
  void expressionsInTaskQueriesAreRefused() {
    var officer = rest.withBasicAuth("officer1", "demo");
    assertRefused(officer.getForEntity(
        URI.create(rest.getRootUri() + "/engine-rest/task?assignee=%24%7BcurrentUser()%7D"), String.class));
    assertRefused(officer.postForEntity("/engine-rest/task", json("{\"candidateGroup\":\"#{1+1}\"}"), String.class));
    assertRefused(officer.postForEntity("/engine-rest/task/count",
        json("{\"orQueries\":[{\"assignee\":\"x\"},{\"assigneeExpression\":\"${''.getClass()}\"}]}"), String.class));
    // a JSON unicode escape does not hide the expression
    assertRefused(officer.postForEntity("/engine-rest/task",
        json("{\"orQueries\":[{\"processVariables\":[{\"name\":\"a\",\"operator\":\"eq\",\"value\":\"\\u0024{7*7}\"}]}]}"), String.class));
    String filterId = ((Map<?, ?>) officer.getForObject("/engine-rest/filter", List.class).get(0)).get("id").toString();
    assertRefused(officer.postForEntity("/engine-rest/filter/" + filterId + "/list",
        json("{\"orQueries\":[{\"dueDateExpression\":\"${now()}\"}]}"), String.class));
    // a plain query still works
    assertThat(officer.postForEntity("/engine-rest/task", json("{\"orQueries\":[{\"assignee\":\"officer1\"}]}"), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private static void assertRefused(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("EXPRESSION_REFUSED");
  }

  @Test
  @DisplayName("用户登录后看到中文任务过滤器 / staff see the Chinese Tasklist filters")
  @SuppressWarnings("unchecked")
  void staffSeeChineseFilters() {
    List<Map<String, Object>> filters = rest.withBasicAuth("officer1", "demo").getForObject("/engine-rest/filter", List.class);
    assertThat(filters).extracting(f -> f.get("name")).contains("我的待办", "本组待办", "已逾期");
  }
}
