package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.platform.GuardForbiddenException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Issue 11 item 7: nobody approves an access request they made (platform.NoSelfApproval). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SelfApprovalTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private String recording;
  private String caseNumber;

  @BeforeEach
  void recording() {
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    fields.put("officers", "officer1");
    caseNumber = fields.get("caseNumber");
    recording = EvidenceFixtures.uploadId(rest, "officer1", fields, EvidenceFixtures.mp4());
  }

  @AfterEach
  void clear() {
    identityService.clearAuthentication();
  }

  private void authenticate(String user) {
    EvidenceFixtures.authenticate(identityService, user);
  }

  private ProcessInstance request(String requester, String purpose) {
    authenticate(requester);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(RecordingAccessProcessTest.PROCESS, Variables.createVariables()
        .putValue("purpose", purpose).putValue("requestingParty", "本局").putValue("reason", "核查案件事实")
        .putValue("caseNumber", caseNumber));
    Task select = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    taskService.complete(select.getId(), Map.of("recordingIds", Variables.objectValue(List.of(recording))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()));
    identityService.clearAuthentication();
    return instance;
  }

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({"head1, INTERNAL, section-head, Task_ApproveBySectionHead", "director1, PUBLIC_USE, director, Task_ApproveByDirector",
      "legal1, REVIEW_OR_LITIGATION, legal-affairs, Task_SupplyByLegalUnit"})
  @DisplayName("ACC-03 ACC-04 申请人不得认领或审批自己的申请（Java API 与 REST：403），本组其他人可以 / nobody approves their own request")
  void nobodyApprovesTheirOwnRequest(String requester, String purpose, String group, String approvalTask) {
    ProcessInstance instance = request(requester, purpose);
    String colleague = "selftest-" + group;
    try {
      Task approval = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(approval.getTaskDefinitionKey()).isEqualTo(approvalTask);
      Map<String, Object> approve = Map.of("decision", "APPROVE", "approvalOpinion", "同意");

      authenticate(requester);
      assertThatThrownBy(() -> taskService.claim(approval.getId(), requester))
          .isInstanceOf(GuardForbiddenException.class).hasMessageContaining("nobody approves their own request");
      assertThatThrownBy(() -> taskService.complete(approval.getId(), approve))
          .isInstanceOf(GuardForbiddenException.class).hasMessageContaining("nobody approves their own request");
      identityService.clearAuthentication();

      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      ResponseEntity<String> overRest = rest.withBasicAuth(requester, "demo").postForEntity(
          "/engine-rest/task/" + approval.getId() + "/claim", new HttpEntity<>("{\"userId\":\"" + requester + "\"}", headers),
          String.class);
      assertThat(overRest.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(overRest.getBody()).contains("SELF_APPROVAL");
      assertThat(taskService.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee()).isNull();

      // another member of the approving group may
      User user = identityService.newUser(colleague);
      user.setPassword("Colleague-123");
      identityService.saveUser(user);
      identityService.createMembership(colleague, group);
      authenticate(colleague);
      taskService.claim(approval.getId(), colleague);
      assertThat(taskService.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee()).isEqualTo(colleague);
    } finally {
      identityService.clearAuthentication();
      runtimeService.deleteProcessInstance(instance.getId(), "test finished", true, true);
      identityService.deleteUser(colleague);
    }
  }
}
