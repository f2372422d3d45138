package cn.gov.enforcement.disclosure;

import cn.gov.enforcement.platform.ProcessTestSupport;
import static cn.gov.enforcement.platform.ProcessTestSupport.at;
import cn.gov.enforcement.platform.MinimumProcessCoverage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotValidException;
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

/** disclosure (行政执法公示): one test per path, the engine clock moved for due dates and the withdrawal timer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisclosureProcessTest {

  /** At least 90% of the model's flow nodes and sequence flows are covered by this class. */
  @org.junit.jupiter.api.extension.RegisterExtension
  static final MinimumProcessCoverage COVERAGE = new MinimumProcessCoverage(DisclosureModel.PROCESS_KEY, 0.9);

  @Autowired private ProcessEngine processEngine;
  @Autowired private TestRestTemplate rest;

  @BeforeEach
  void setUp() {
    init(processEngine);
    at("2026-03-02T02:00:00Z");
  }

  @AfterEach
  void resetClock() {
    ProcessTestSupport.resetClock();
  }

  private ProcessInstance start(String type, String partyType) {
    String caseNumber = "云建罚〔2026〕" + UUID.randomUUID().toString().substring(0, 8);
    return runtimeService().startProcessInstanceByKey(DisclosureModel.PROCESS_KEY, caseNumber, Map.of(
        "disclosureType", type, "caseNumber", caseNumber, "decisionNumber", "云建罚决〔2026〕1号",
        "decidedOn", "2026-03-02", "partyName", "某某建材有限公司", "partyType", partyType,
        "disclosureSummary", "违法建设，罚款五万元"));
  }

  private static Map<String, Object> content(boolean excluded) {
    return withVariables("resultFacts", "未经批准擅自搭建建筑物", "resultBasis", "《城乡规划法》第六十四条", "resultOutcome", "罚款五万元", "contentExcluded", excluded);
  }

  @Test
  @DisplayName("PUB-01 PUB-02 PUB-04 a penalty is reviewed by the legal unit, published within 7 working days, withdrawn after 5 years with the director's approval")
  void penaltyPublishedAndWithdrawnAfterFiveYears() {
    ProcessInstance pi = start("PENALTY", "LEGAL_PERSON");
    assertThat(pi).isWaitingAt(DisclosureModel.TASK_PREPARE_DISCLOSURE);
    // 7 working days after Mon 2 March 2026: Wed 11 March, due at its 24:00
    assertThat(task(pi)).hasCandidateGroup("records-office").hasDueDate(Date.from(Instant.parse("2026-03-11T16:00:00Z")));
    complete(task(pi), content(false));
    assertThat(pi).isWaitingAt(DisclosureModel.TASK_REVIEW_DISCLOSURE);
    assertThat(task(pi)).hasCandidateGroup("legal-affairs");
    complete(task(pi), withVariables("contentApproved", true, "disclosureReviewOpinion", "同意发布"));
    assertThat(pi).isWaitingAt(DisclosureModel.TASK_PUBLISH_RESULT);
    at("2026-03-05T02:00:00Z"); // published on Thu 5 March
    complete(task(pi), withVariables("publicationUrl", "https://www.example.gov.cn/gs/1"));
    assertThat(pi).variables().containsEntry("disclosurePublishedOn", "2026-03-05");
    assertThat(pi).isWaitingAt(DisclosureModel.EVENT_WITHDRAWAL_DUE);
    org.assertj.core.api.Assertions.assertThat(job().getDuedate()).isEqualTo(Date.from(Instant.parse("2031-03-05T16:00:00Z")));
    at("2031-03-05T16:00:01Z");
    execute(job());
    assertThat(pi).isWaitingAt(DisclosureModel.TASK_APPROVE_WITHDRAWAL);
    assertThat(task(pi)).hasCandidateGroup("director");
    complete(task(pi), withVariables("withdrawalApproved", true, "withdrawalOpinion", "同意"));
    at("2031-03-06T02:00:00Z");
    complete(task(pi));
    assertThat(pi).isEnded().hasPassed(DisclosureModel.EVENT_WITHDRAWN).variables().containsEntry("disclosureWithdrawnOn", "2031-03-06");
  }

  @Test
  @DisplayName("PUB-04 a natural person's result is withdrawn after 2 years; PUB-02 inspection results carry no 7-day due date")
  void naturalPersonTwoYears() {
    ProcessInstance pi = start("INSPECTION", "NATURAL_PERSON");
    org.assertj.core.api.Assertions.assertThat(task(pi).getDueDate()).isNull();
    // PUB-02: an inspection's items, not the penalty's
    Task prepare = task(pi);
    assertThatThrownBy(() -> taskService().complete(prepare.getId(), content(false)))
        .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class).hasMessageContaining("inspectionObject");
    complete(prepare, withVariables("inspectionObject", "某某餐馆", "resultBasis", "《城市市容和环境卫生管理条例》",
        "inspectionManner", "现场检查", "inspectionTime", "2026-03-02", "inspectionItems", "门前三包", "inspectionProblems", "无",
        "inspectionRectification", "无需整改", "contentExcluded", false));
    complete(task(pi), withVariables("contentApproved", true, "disclosureReviewOpinion", "同意"));
    at("2026-03-05T02:00:00Z");
    complete(task(pi), withVariables("publicationUrl", "https://www.example.gov.cn/gs/2"));
    org.assertj.core.api.Assertions.assertThat(job().getDuedate()).isEqualTo(Date.from(Instant.parse("2028-03-05T16:00:00Z")));
  }

  @Test
  @DisplayName("PUB-01 PUB-03 withheld content needs a ground and a reason the legal unit accepts; returned content is redone; entirely withheld content is not published")
  void exclusionNeedsReviewedReason() {
    ProcessInstance pi = start("PENALTY", "NATURAL_PERSON");
    complete(task(pi), content(false));
    complete(task(pi), withVariables("contentApproved", false, "disclosureReviewOpinion", "事实表述不准确"));
    assertThat(pi).hasPassed(DisclosureModel.GATEWAY_CONTENT_APPROVED).isWaitingAt(DisclosureModel.TASK_PREPARE_DISCLOSURE);
    complete(task(pi), withVariables("resultFacts", "……", "resultBasis", "……", "resultOutcome", "……", "contentExcluded", true, "exclusionGround", "PRIVACY",
        "exclusionReason", "涉及未成年人个人信息", "withheldEntirely", true));
    Task review = task(pi);
    assertThatThrownBy(() -> taskService().complete(review.getId(), Map.of("contentApproved", true,
        "exclusionReasonApproved", false, "disclosureReviewOpinion", "理由不充分")))
        .hasRootCauseInstanceOf(NotValidException.class).hasMessageContaining("PUB-03");
    complete(review, withVariables("contentApproved", true, "exclusionReasonApproved", true, "disclosureReviewOpinion", "理由成立"));
    assertThat(pi).isEnded().hasPassed(DisclosureModel.EVENT_WITHHELD).hasNotPassed(DisclosureModel.TASK_PUBLISH_RESULT);
  }

  @Test
  @DisplayName("PUB-05 a revoked decision is withdrawn within 3 days with an explanation (message DecisionRevoked)")
  void revokedDecisionWithdrawn() {
    ProcessInstance pi = start("PENALTY", "LEGAL_PERSON");
    complete(task(pi), content(false));
    complete(task(pi), withVariables("contentApproved", true, "disclosureReviewOpinion", "同意"));
    at("2026-03-05T02:00:00Z");
    complete(task(pi), withVariables("publicationUrl", "https://www.example.gov.cn/gs/3"));
    at("2026-06-05T02:00:00Z");
    runtimeService().createMessageCorrelation(DisclosureModel.MESSAGE_DECISION_REVOKED).processInstanceBusinessKey(pi.getBusinessKey())
        .setVariable("revocationType", "REVOKED").setVariable("revocationExplanation", "经行政复议撤销").correlate();
    assertThat(pi).isWaitingAt(DisclosureModel.TASK_WITHDRAW_REVOKED).variables().containsEntry("revocationReceivedOn", "2026-06-05");
    // Fri 5 June + 3 working days = Wed 10 June
    assertThat(task(pi)).hasDueDate(Date.from(Instant.parse("2026-06-10T16:00:00Z")));
    complete(task(pi), withVariables("withdrawalExplanation", "该决定已被撤销"));
    assertThat(pi).isEnded().hasPassed(DisclosureModel.EVENT_REVOKED_WITHDRAWN).hasNotPassed(DisclosureModel.TASK_APPROVE_WITHDRAWAL)
        .variables().containsEntry("disclosureWithdrawnOn", "2026-06-05");
  }

  @Test
  @DisplayName("PUB-01 AUX-01 roles through REST: auxiliary staff cannot review the content (403), the legal unit can")
  void rolesThroughRest() {
    ProcessInstance pi = start("LICENSING", "LEGAL_PERSON");
    complete(task(pi), content(false));
    String taskId = task(pi).getId();
    Map<String, Object> body = Map.of("variables", Map.of("contentApproved", Map.of("value", true),
        "disclosureReviewOpinion", Map.of("value", "同意发布")));
    ResponseEntity<String> aux = rest.withBasicAuth("aux1", "demo")
        .postForEntity("/engine-rest/task/{id}/submit-form", body, String.class, taskId);
    org.assertj.core.api.Assertions.assertThat(aux.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> legal = rest.withBasicAuth("legal1", "demo")
        .postForEntity("/engine-rest/task/{id}/submit-form", body, String.class, taskId);
    org.assertj.core.api.Assertions.assertThat(legal.getStatusCode().is2xxSuccessful()).as(legal.getBody()).isTrue();
    assertThat(pi).isWaitingAt(DisclosureModel.TASK_PUBLISH_RESULT);
  }

  @Test
  @DisplayName("PER-06 the publication day is the server's date of the step: a submitted disclosurePublishedOn or the old publishedOn is refused (400 naming the field); the registration day is stamped too")
  void publicationDayIsTheServers() {
    ProcessInstance pi = start("PENALTY", "LEGAL_PERSON");
    assertThat(pi).variables().containsEntry("disclosureRegisteredOn", "2026-03-02");
    complete(task(pi), content(false));
    complete(task(pi), withVariables("contentApproved", true, "disclosureReviewOpinion", "同意"));
    String taskId = task(pi).getId();
    for (String field : new String[] {"disclosurePublishedOn", "publishedOn"}) {
      ResponseEntity<Map> refused = rest.withBasicAuth("records1", "demo").postForEntity("/engine-rest/task/{id}/submit-form",
          Map.of("variables", Map.of(field, Map.of("value", "2026-03-01"), "publicationUrl", Map.of("value", "https://www.example.gov.cn/gs/9"))),
          Map.class, taskId);
      org.assertj.core.api.Assertions.assertThat(refused.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
      org.assertj.core.api.Assertions.assertThat((String) refused.getBody().get("message")).contains(field);
    }
    assertThat(pi).isWaitingAt(DisclosureModel.TASK_PUBLISH_RESULT);
    at("2026-03-04T15:59:59Z"); // 23:59:59 Wed 4 March in Beijing
    ResponseEntity<Map> accepted = rest.withBasicAuth("records1", "demo").postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", Map.of("publicationUrl", Map.of("value", "https://www.example.gov.cn/gs/9"))), Map.class, taskId);
    org.assertj.core.api.Assertions.assertThat(accepted.getStatusCode().is2xxSuccessful()).as(String.valueOf(accepted.getBody())).isTrue();
    assertThat(pi).isWaitingAt(DisclosureModel.EVENT_WITHDRAWAL_DUE).variables().containsEntry("disclosurePublishedOn", "2026-03-04");
    org.assertj.core.api.Assertions.assertThat(job().getDuedate()).isEqualTo(Date.from(Instant.parse("2031-03-04T16:00:00Z")));
  }

  @Test
  @DisplayName("PUB-02 an unknown kind of disclosure is refused at the start")
  void unknownTypeRefused() {
    assertThatThrownBy(() -> start("GOSSIP", "LEGAL_PERSON")).isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class).hasMessageContaining("disclosureType");
  }
}
