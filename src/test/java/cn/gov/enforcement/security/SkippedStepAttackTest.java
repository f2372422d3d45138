package cn.gov.enforcement.security;

import static cn.gov.enforcement.security.Attacks.authenticate;
import static cn.gov.enforcement.security.Attacks.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.forms.WebappSession;
import cn.gov.enforcement.platform.GuardForbiddenException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11 item 3: nobody but camunda-admin starts a process part-way or moves an instance
 * (modification, restart, migration), on any entry point. Proven by the activity history: the
 * refused start leaves no instance and no activity of the process behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SkippedStepAttackTest {

  private static final String TEST_PROCESS = "platform-test-guarded-tasks";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;

  @BeforeEach
  void deployTestProcess() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(TEST_PROCESS).count() == 0) {
      repositoryService.createDeployment().name("platform-test").addClasspathResource("platform-test/guarded-tasks.bpmn").deploy();
    }
  }

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
  }

  private static String startAt(String activityId) {
    return "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"" + activityId + "\"}]}";
  }

  /** Runs the attack and checks in the history that it started no instance and no activity. */
  private void assertNothingStarted(String key, String activityId, Runnable attack) {
    long instances = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).count();
    long activities = historyService.createHistoricActivityInstanceQuery().activityId(activityId).count();
    attack.run();
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).count())
        .as("instances of %s", key).isEqualTo(instances);
    assertThat(historyService.createHistoricActivityInstanceQuery().activityId(activityId).count())
        .as("instances of %s", activityId).isEqualTo(activities);
  }

  @ParameterizedTest(name = "{0} → {1} at {2} ({3})")
  @CsvSource({
      "aux1,     enforcement-case, Task_CloseCase,     /engine-rest/process-definition/key/enforcement-case/start",
      "aux1,     enforcement-case, Event_NotFiled,     /engine-rest/process-definition/key/enforcement-case/start;x=1",
      "head1,    major-decision,   Task_Deliberate,    /engine-rest/engine/default/process-definition/key/major-decision/start",
      "head1,    legal-review,     Event_ReviewPassed, /engine-rest/process-definition/key/legal-review/start",
      "officer1, document-service, Event_Served,       /engine-rest/process-definition/key/document-service/start;x=1"})
  @DisplayName("AUX-01 DEC-17 从流程中间启动（engine-rest）被拒绝：403，历史中没有任何活动 / starting part-way is refused")
  void startInstructionsOverEngineRest(String user, String key, String activityId, String path) {
    assertNothingStarted(key, activityId, () -> {
      ResponseEntity<String> response = send(rest, HttpMethod.POST, path, user, startAt(activityId));
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(response.getBody()).contains("ADMIN_ONLY");
    });
  }

  @ParameterizedTest(name = "{0} → {1} at {2}")
  @CsvSource({
      "aux1,     enforcement-case, Task_CloseCase",
      "head1,    major-decision,   Task_Deliberate",
      "officer1, document-service, Event_Served"})
  @DisplayName("AUX-01 从流程中间启动（webapp API，会话 + CSRF）被拒绝 / the webapps' API refuses starting part-way too")
  @SuppressWarnings("rawtypes")
  void startInstructionsOverWebappApi(String user, String key, String activityId) {
    WebappSession session = WebappSession.login(rest, user, "demo");
    assertNothingStarted(key, activityId, () -> assertThat(session.post(
        "/camunda/api/engine/engine/default/process-definition/key/" + key + "/start",
        Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", activityId))))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
  }

  @ParameterizedTest(name = "{0} → {1} at {2}")
  @CsvSource({
      "aux1,  enforcement-case, Task_CloseCase",
      "head1, legal-review,     Event_ReviewPassed"})
  @DisplayName("AUX-01 从流程中间启动（Java API，已登录用户）被拒绝 / the Java API refuses starting part-way too")
  void startInstructionsOverJavaApi(String user, String key, String activityId) {
    assertNothingStarted(key, activityId, () -> {
      authenticate(identityService, user);
      try {
        assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey(key).startBeforeActivity(activityId).execute())
            .isInstanceOf(GuardForbiddenException.class).hasMessageContaining("camunda-admin");
        assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey(key).startAfterActivity(activityId).execute())
            .isInstanceOf(GuardForbiddenException.class);
      } finally {
        identityService.clearAuthentication();
      }
    });
  }

  @Test
  @DisplayName("AUX-01 修改、异步修改、重启、迁移：非管理员 403，实例原地不动 / modification, restart and migration are admin-only")
  void movesAreAdminOnly() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(TEST_PROCESS);
    String definitionId = instance.getProcessDefinitionId();
    try {
      String modification = "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_Director\"}]}";
      for (String user : List.of("aux1", "officer1", "director1")) {
        assertThat(send(rest, HttpMethod.POST, "/engine-rest/process-instance/" + instance.getId() + "/modification;x=1", user,
            modification).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(rest, HttpMethod.POST, "/engine-rest/process-instance/" + instance.getId() + "/modification-async",
            user, modification).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(rest, HttpMethod.POST, "/engine-rest/modification/execute", user,
            "{\"processDefinitionId\":\"" + definitionId + "\",\"processInstanceIds\":[\"" + instance.getId() + "\"],"
                + "\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_Director\"}]}").getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(rest, HttpMethod.POST, "/engine-rest/process-definition/" + definitionId + "/restart", user,
            "{\"processInstanceIds\":[\"" + instance.getId() + "\"],"
                + "\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_Director\"}]}").getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(rest, HttpMethod.POST, "/engine-rest/migration/execute", user,
            "{\"migrationPlan\":{\"sourceProcessDefinitionId\":\"" + definitionId + "\",\"targetProcessDefinitionId\":\""
                + definitionId + "\",\"instructions\":[]},\"processInstanceIds\":[\"" + instance.getId() + "\"]}").getStatusCode())
            .isEqualTo(HttpStatus.FORBIDDEN);
      }
      authenticate(identityService, "officer1");
      assertThatThrownBy(() -> runtimeService.createProcessInstanceModification(instance.getId())
          .startBeforeActivity("Task_Director").execute()).isInstanceOf(GuardForbiddenException.class);
      identityService.clearAuthentication();
      assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .activityId("Task_Director").count()).isEqualTo(1); // the one the normal start created
    } finally {
      runtimeService.deleteProcessInstance(instance.getId(), "test finished", true, true);
    }
  }

  @Test
  @DisplayName("AUX-01 系统管理员可以从中间启动和修改实例；普通启动照常 / camunda-admin may; a normal start still works")
  void adminMay() {
    ResponseEntity<String> started = send(rest, HttpMethod.POST, "/engine-rest/process-definition/key/" + TEST_PROCESS + "/start",
        "admin", startAt("Task_Director"));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String id = started.getBody().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
    try {
      assertThat(runtimeService.getActiveActivityIds(id)).containsExactly("Task_Director");
      assertThat(send(rest, HttpMethod.POST, "/engine-rest/process-instance/" + id + "/modification", "admin",
          "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_Legal\"}]}").getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
      assertThat(runtimeService.getActiveActivityIds(id)).containsExactlyInAnyOrder("Task_Director", "Task_Legal");
    } finally {
      runtimeService.deleteProcessInstance(id, "test finished", true, true);
    }
    // an ordinary start at the start event
    ResponseEntity<String> normal = send(rest, HttpMethod.POST, "/engine-rest/process-definition/key/" + TEST_PROCESS + "/start",
        "admin", "{}");
    assertThat(normal.getStatusCode()).isEqualTo(HttpStatus.OK);
    runtimeService.deleteProcessInstance(normal.getBody().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1"), "test finished", true, true);
  }
}
