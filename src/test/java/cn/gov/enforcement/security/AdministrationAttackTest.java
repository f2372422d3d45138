package cn.gov.enforcement.security;

import static cn.gov.enforcement.security.Attacks.authenticate;
import static cn.gov.enforcement.security.Attacks.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.platform.GuardBadRequestException;
import cn.gov.enforcement.platform.GuardForbiddenException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Issue 11 item 7: the last administrator, the setup endpoint, resolve and tenants, on every path. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdministrationAttackTest {

  private static final String TEST_PROCESS = "platform-test-guarded-tasks";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/engine-rest/group/camunda-admin/members/admin;x=1",
      "/engine-rest/group/camunda-admin;x=1/members/admin",
      "/engine-rest/engine/default/group/camunda-admin/members/admin;a",
      "/engine-rest//group/camunda-admin/members/admin",
      "/engine-rest/group/camunda%2Dadmin/members/admin",
      "/engine-rest/user/admin;x=1",
      "/engine-rest/user/admin/",
      "/engine-rest/group/camunda-admin;x=1",
      "/engine-rest/group/camunda-admin"})
  @DisplayName("CVE-2026-77226 最后一名系统管理员无法被移除（各种路径写法）/ the last admin stays, any path spelling")
  void lastAdminStays(String path) {
    ResponseEntity<String> response = send(rest, HttpMethod.DELETE, path, "admin", null);
    assertThat(response.getStatusCode().is4xxClientError()).as("%s → %s", path, response.getStatusCode()).isTrue();
    assertThat(identityService.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
  }

  @Test
  @DisplayName("CVE-2026-77226 Java API 同样不能移除最后一名管理员 / the Java API cannot remove the last admin either")
  void lastAdminStaysInJava() {
    assertThatThrownBy(() -> identityService.deleteMembership("admin", "camunda-admin"))
        .isInstanceOf(GuardForbiddenException.class).hasMessageContaining("camunda-admin");
    assertThatThrownBy(() -> identityService.deleteUser("admin")).isInstanceOf(GuardForbiddenException.class);
    assertThatThrownBy(() -> identityService.deleteGroup("camunda-admin")).isInstanceOf(GuardForbiddenException.class);
    assertThat(identityService.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/camunda/api/admin/setup/default/user/create",
      "/camunda/api/admin/setup;x=1/default/user/create",
      "/camunda/api/admin;x=1/setup/default/user/create",
      "/camunda/api//admin/setup/default/user/create",
      "/camunda/api/admin/%73etup/default/user/create",
      "/camunda/api/admin/SETUP/default/user/create"})
  @DisplayName("CVE-2026-77226 管理员初始设置接口在各种路径写法下都被拒绝 / the setup endpoint is refused, any path spelling")
  void setupIsRefused(String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = rest.exchange(java.net.URI.create(rest.getRootUri() + path), HttpMethod.POST,
        new HttpEntity<>("{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\"},"
            + "\"credentials\":{\"password\":\"Intruder-123\"}}", headers), String.class);
    assertThat(response.getStatusCode().is4xxClientError()).as("%s → %s", path, response.getStatusCode()).isTrue();
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  @DisplayName("AUX-01 未被委托的任务不能“办结委托”（REST 与 Java API：400）；被委托的可以 / resolve needs a delegated task")
  void resolveNeedsDelegation() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(TEST_PROCESS).count() == 0) {
      repositoryService.createDeployment().name("platform-test").addClasspathResource("platform-test/guarded-tasks.bpmn").deploy();
    }
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(TEST_PROCESS);
    try {
      String task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_Officer")
          .singleResult().getId();
      ResponseEntity<String> response = send(rest, HttpMethod.POST, "/engine-rest/task/" + task + "/resolve", "officer1",
          "{\"variables\":{\"note\":{\"value\":\"x\",\"type\":\"String\"}}}");
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).contains("NOT_DELEGATED");
      assertThatThrownBy(() -> taskService.resolveTask(task)).isInstanceOf(GuardBadRequestException.class)
          .hasMessageContaining("not delegated");
      assertThat(taskService.getVariable(task, "note")).isNull();

      taskService.delegateTask(task, "officer2");
      taskService.resolveTask(task);
      assertThat(taskService.createTaskQuery().taskId(task).singleResult().getDelegationState()).isEqualTo(DelegationState.RESOLVED);
    } finally {
      runtimeService.deleteProcessInstance(instance.getId(), "test finished", true, true);
    }
  }

  @Test
  @DisplayName("部署不得指定不存在的租户（REST 与 Java API：400）/ a deployment naming an unknown tenant is refused")
  void unknownTenantIsRefused() {
    String model = Bpmn.convertToString(Bpmn.createExecutableProcess("tenant-test").camundaHistoryTimeToLive(1)
        .startEvent().endEvent().done());
    assertThatThrownBy(() -> repositoryService.createDeployment().name("tenant-test").tenantId("no-such-tenant")
        .addString("tenant-test.bpmn", model).deploy())
        .isInstanceOf(GuardBadRequestException.class).hasMessageContaining("no-such-tenant");

    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "tenant-test");
    form.add("tenant-id", "no-such-tenant");
    form.add("data", new ByteArrayResource(model.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "tenant-test.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> response = rest.withBasicAuth("admin", "demo")
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("TENANT_UNKNOWN");
    assertThat(repositoryService.createDeploymentQuery().deploymentName("tenant-test").count()).isZero();
  }

  @Test
  @DisplayName("CVE-2026-77226 非管理员在 Java API 中也不能移除管理员 / a non-admin cannot either")
  void nonAdminCannotRemoveAdmin() {
    authenticate(identityService, "officer1");
    assertThatThrownBy(() -> identityService.deleteMembership("admin", "camunda-admin"))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    identityService.clearAuthentication();
    assertThat(identityService.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
  }
}
