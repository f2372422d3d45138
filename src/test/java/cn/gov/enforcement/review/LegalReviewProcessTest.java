package cn.gov.enforcement.review;

import static cn.gov.enforcement.platform.ProcessTestSupport.at;
import static cn.gov.enforcement.platform.ProcessTestSupport.resetClock;
import cn.gov.enforcement.platform.MinimumProcessCoverage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import cn.gov.enforcement.forms.FormValidationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * legal-review (法制审核), one test per path. The clock starts on Monday 2026-11-02, a week
 * without holidays, so 7 working days end on Wednesday 2026-11-11 and 10 on Monday 2026-11-16.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LegalReviewProcessTest {

  /** At least 90% of the model's flow nodes and sequence flows are covered by this class. */
  @org.junit.jupiter.api.extension.RegisterExtension
  static final MinimumProcessCoverage COVERAGE = new MinimumProcessCoverage(LegalReviewModel.PROCESS_KEY, 0.9);

  private static final Instant MONDAY = Instant.parse("2026-11-02T01:00:00Z");

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void setUp() {
    init(processEngine);
    ClockUtil.setCurrentTime(Date.from(MONDAY));
  }

  @AfterEach
  void tearDown() {
    resetClock();
  }

  private ProcessInstance start() {
    return runtimeService.startProcessInstanceByKey(LegalReviewModel.PROCESS_KEY, "LR-" + System.nanoTime(), Map.of(
        "subject", "对某公司违法建设作出拆除决定",
        "investigators", "officer1,officer2",
        "reviewMaterials", "案卷一册"));
  }

  /** LR-03: the review points of the form review-legality, as field keys. */
  static final List<String> POINTS = List.of("findingBody", "findingOfficers", "findingAuthority", "findingFacts",
      "findingEvidence", "findingLegalBasis", "findingProcedure", "findingDiscretion", "findingDocuments");

  /** A complete review: a finding for every LR-03 point, the outcome and the opinion. */
  static Map<String, Object> review(String outcome) {
    Map<String, Object> variables = new HashMap<>();
    POINTS.forEach(point -> variables.put(point, "CONFORMS"));
    variables.put("findingCrimeReferral", "NO_REFERRAL");
    variables.put("reviewOutcome", outcome);
    variables.put("reviewOpinion", "事实清楚，证据充分，程序合法。");
    variables.put("extensionRequested", false);
    return variables;
  }

  private Task claimedReview(ProcessInstance pi) {
    Task review = task(LegalReviewModel.TASK_REVIEW_LEGALITY, pi);
    taskService.claim(review.getId(), "legal1");
    return review;
  }

  @Test
  @DisplayName("LR-01 LR-03 LR-04 LR-05 LR-06 通过：逐项审核、7 个工作日期限、审核人员留痕 / pass: every point found, 7 working days, reviewer recorded")
  void pass() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt(LegalReviewModel.TASK_REVIEW_LEGALITY);
    assertThat(task(pi)).hasCandidateGroup("legal-affairs")
        .hasDueDate(Date.from(Instant.parse("2026-11-11T16:00:00Z")));

    complete(claimedReview(pi), review("PASS"));

    assertThat(pi).isEnded().hasPassed(LegalReviewModel.EVENT_REVIEW_PASSED)
        .variables().containsEntry("reviewOutcome", "PASS").containsEntry("legalReviewer", "legal1")
        .containsEntry("findingEvidence", "CONFORMS");
    org.assertj.core.api.Assertions.assertThat(historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(pi.getId()).taskDefinitionKey(LegalReviewModel.TASK_REVIEW_LEGALITY).singleResult().getAssignee())
        .isEqualTo("legal1");
  }

  @Test
  @DisplayName("LR-03 缺少任一审核要点的结论则不能完成 / a review without a finding for every point is refused")
  void incompleteReviewRefused() {
    ProcessInstance pi = start();
    Task review = claimedReview(pi);
    Map<String, Object> incomplete = review("PASS");
    incomplete.remove("findingDiscretion");
    assertThatThrownBy(() -> taskService.complete(review.getId(), incomplete))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("findingDiscretion");
    assertThat(pi).isWaitingAt(LegalReviewModel.TASK_REVIEW_LEGALITY);
  }

  @Test
  @DisplayName("LR-05 审核人员不得为调查人员，且须为法制机构人员 / an investigator or a non-legal user cannot review")
  void investigatorCannotReview() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(LegalReviewModel.PROCESS_KEY, "LR-" + System.nanoTime(),
        Map.of("subject", "法制员参与调查的案件", "investigators", "legal1, officer1", "reviewMaterials", "案卷"));
    Task review = task(pi);
    assertThatThrownBy(() -> taskService.claim(review.getId(), "legal1"))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("调查人员");
    assertThatThrownBy(() -> taskService.claim(review.getId(), "officer2"))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("法制机构");
    // nobody named: the record must name the reviewer
    assertThatThrownBy(() -> taskService.complete(review.getId(), review("PASS")))
        .isInstanceOf(FormValidationException.class);
    assertThat(task(pi)).isNotAssigned();
  }

  @Test
  @DisplayName("LR-06 延期一次 3 个工作日须说明理由，不得再次延期 / one extension by 3 working days with a reason, not twice")
  void extendedOnce() {
    ProcessInstance pi = start();
    Task first = claimedReview(pi);
    assertThatThrownBy(() -> taskService.complete(first.getId(), Map.of("extensionRequested", true)))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("extensionReason");

    complete(first, withVariables("extensionRequested", true, "extensionReason", "需调取补充卷宗"));

    assertThat(pi).hasPassed(LegalReviewModel.TASK_EXTEND_REVIEW_PERIOD).isWaitingAt(LegalReviewModel.TASK_REVIEW_LEGALITY);
    assertThat(task(pi)).hasDueDate(Date.from(Instant.parse("2026-11-16T16:00:00Z")));
    Task second = claimedReview(pi);
    assertThatThrownBy(() -> taskService.complete(second.getId(),
        Map.of("extensionRequested", true, "extensionReason", "再次延期")))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("一次");

    complete(second, review("PASS"));
    assertThat(pi).isEnded().hasPassed(LegalReviewModel.EVENT_REVIEW_PASSED).variables().containsEntry("reviewExtended", true);
  }

  /** A standalone review requested over REST by {@code user} (reviewRequester is the server's). */
  private ProcessInstance startAs(String user) {
    ResponseEntity<Map> started = rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/process-definition/key/legal-review/submit-form",
        Map.of("businessKey", "LR-" + System.nanoTime(), "variables", restVariables(Map.of("subject", "对某公司违法建设作出拆除决定",
            "investigators", "officer1,officer2", "reviewMaterials", "案卷一册"))), Map.class);
    org.assertj.core.api.Assertions.assertThat(started.getStatusCode().is2xxSuccessful()).as(String.valueOf(started.getBody())).isTrue();
    return runtimeService.createProcessInstanceQuery().processInstanceId((String) started.getBody().get("id")).singleResult();
  }

  @Test
  @DisplayName("LR-04 LR-06 单独发起的审核退回补充调查：申请人补充材料后回到审核，审核期限重新起算 / a standalone review returned for supplement comes back to review after the requester supplements it")
  void supplement() {
    ProcessInstance pi = startAs("head1");
    complete(claimedReview(pi), review("SUPPLEMENT"));
    assertThat(pi).isWaitingAt(LegalReviewModel.TASK_SUPPLEMENT_MATERIALS).hasNotPassed(LegalReviewModel.EVENT_RETURNED_FOR_SUPPLEMENT);
    assertThat(task(pi)).isAssignedTo("head1");
    at("2026-11-09T01:00:00Z"); // a week later
    complete(task(pi), withVariables("supplementRecord", "补充调取了施工许可档案", "reviewMaterials", "案卷一册、补充材料一册"));
    assertThat(pi).isWaitingAt(LegalReviewModel.TASK_REVIEW_LEGALITY).variables().containsEntry("reviewStart", "2026-11-09");
    complete(claimedReview(pi), review("PASS"));
    assertThat(pi).isEnded().hasPassed(LegalReviewModel.TASK_SUPPLEMENT_MATERIALS, LegalReviewModel.EVENT_REVIEW_PASSED).hasNotPassed(LegalReviewModel.EVENT_RETURNED_FOR_SUPPLEMENT);
  }

  @Test
  @DisplayName("LR-05 ACC-03 a legal officer does not review a review they requested (403), and a review claimed by one reviewer is completed by that reviewer only (403 for a colleague) / 不得审核自己提请的审核；已认领的审核只能由认领人完成")
  void noSelfReviewAndOnlyTheClaimant() {
    String colleague = "selftest-legal2";
    org.camunda.bpm.engine.IdentityService identity = processEngine.getIdentityService();
    org.camunda.bpm.engine.identity.User user = identity.newUser(colleague);
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(colleague, "legal-affairs");
    try {
      ProcessInstance own = startAs("legal1");
      String ownTask = task(own).getId();
      org.springframework.http.HttpHeaders json = new org.springframework.http.HttpHeaders();
      json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
      ResponseEntity<String> claim = rest.withBasicAuth("legal1", "demo").postForEntity("/engine-rest/task/{id}/claim",
          new org.springframework.http.HttpEntity<>("{\"userId\":\"legal1\"}", json), String.class, ownTask);
      org.assertj.core.api.Assertions.assertThat(claim.getStatusCode()).as(claim.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
      org.assertj.core.api.Assertions.assertThat(claim.getBody()).contains("SELF_APPROVAL");

      ProcessInstance pi = startAs("head1");
      Task claimed = claimedReview(pi); // legal1
      ResponseEntity<String> byColleague = rest.withBasicAuth(colleague, "demo").postForEntity("/engine-rest/task/{id}/submit-form",
          Map.of("variables", restVariables(review("PASS"))), String.class, claimed.getId());
      org.assertj.core.api.Assertions.assertThat(byColleague.getStatusCode()).as(byColleague.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
      org.assertj.core.api.Assertions.assertThat(byColleague.getBody()).contains("ASSIGNED_TO_OTHER");
      assertThat(pi).isWaitingAt(LegalReviewModel.TASK_REVIEW_LEGALITY);
      ResponseEntity<String> byClaimant = rest.withBasicAuth("legal1", "demo").postForEntity("/engine-rest/task/{id}/submit-form",
          Map.of("variables", restVariables(review("PASS"))), String.class, claimed.getId());
      org.assertj.core.api.Assertions.assertThat(byClaimant.getStatusCode().is2xxSuccessful()).as(byClaimant.getBody()).isTrue();
      assertThat(pi).isEnded().variables().containsEntry("legalReviewer", "legal1");
      runtimeService.deleteProcessInstance(own.getId(), "test finished");
    } finally {
      identity.deleteUser(colleague);
    }
  }

  @Test
  @DisplayName("LR-04 提出修改意见 / changes proposed")
  void amend() {
    ProcessInstance pi = start();
    complete(claimedReview(pi), review("AMEND"));
    assertThat(pi).isEnded().hasPassed(LegalReviewModel.EVENT_CHANGES_PROPOSED);
  }

  @Test
  @DisplayName("LR-01 LR-04 审核不通过 / review failed")
  void fail() {
    ProcessInstance pi = start();
    Map<String, Object> failed = review("FAIL");
    failed.put("findingLegalBasis", "DEFECT");
    complete(claimedReview(pi), failed);
    assertThat(pi).isEnded().hasPassed(LegalReviewModel.EVENT_REVIEW_FAILED);
  }

  @Test
  @DisplayName("LR-03 LR-05 AUX-01 通过 REST 提交表单：辅助人员 403，缺项 400，法制员完成并留名 / REST submit-form: aux1 403, incomplete 400, legal1 completes and is named")
  void restSubmitForm() {
    ProcessInstance pi = start();
    String taskId = task(pi).getId();
    Map<String, Object> body = Map.of("variables", restVariables(review("PASS")));

    ResponseEntity<String> auxiliary = rest.withBasicAuth("aux1", "demo")
        .postForEntity("/engine-rest/task/{id}/submit-form", body, String.class, taskId);
    org.assertj.core.api.Assertions.assertThat(auxiliary.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(pi).isWaitingAt(LegalReviewModel.TASK_REVIEW_LEGALITY);

    Map<String, Object> incomplete = review("PASS");
    incomplete.remove("findingFacts");
    ResponseEntity<String> refused = rest.withBasicAuth("legal1", "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", Map.of("variables", restVariables(incomplete)), String.class, taskId);
    org.assertj.core.api.Assertions.assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat(refused.getBody()).contains("findingFacts").contains("LR-03");
    assertThat(pi).isWaitingAt(LegalReviewModel.TASK_REVIEW_LEGALITY);

    ResponseEntity<String> legal = rest.withBasicAuth("legal1", "demo")
        .postForEntity("/engine-rest/task/{id}/submit-form", body, String.class, taskId);
    org.assertj.core.api.Assertions.assertThat(legal.getStatusCode().is2xxSuccessful()).as(legal.getBody()).isTrue();
    assertThat(pi).isEnded().hasPassed(LegalReviewModel.EVENT_REVIEW_PASSED).variables().containsEntry("legalReviewer", "legal1");
  }

  static Map<String, Object> restVariables(Map<String, Object> variables) {
    Map<String, Object> json = new HashMap<>();
    variables.forEach((key, value) -> json.put(key, Map.of("value", value)));
    return json;
  }

}
