package cn.gov.enforcement.today;

import static cn.gov.enforcement.platform.ProcessTestSupport.claimed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.enforcement.casework.EnforcementCaseModel;
import cn.gov.enforcement.delivery.DocumentServiceModel;
import cn.gov.enforcement.disclosure.DisclosureModel;
import cn.gov.enforcement.review.LegalReviewModel;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue #12 item 7: the enforcement case — and the legal review, document service and disclosure it
 * calls — from intake to archive on the machine's REAL date. No clock is pinned at the start; the
 * engine clock only moves forward from now, to fire timers. Every due date on the way must be
 * computable (provisional where it reaches a year without a notice, PER-05), so a year boundary or
 * a missing notice fails CI before it fails a bureau.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TodayEnforcementCaseTest extends RealDateTest {

  @org.springframework.beans.factory.annotation.Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;

  @Test
  @DisplayName("PER-05 PER-06 CASE-01..07 LR-06 SVC-07 PUB-02 REC-13 a case filed, reviewed, decided, served, closed, archived and disclosed from today's real date")
  void caseFromToday() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(EnforcementCaseModel.PROCESS_KEY, "today-" + UUID.randomUUID(), Map.of(
        "source", "INSPECTION", "partyName", "某某建材有限公司", "partyType", "LEGAL_PERSON", "partyAddress", "云和县某路 1 号",
        "cause", "未经许可擅自施工", "clueDescription", "巡查发现工地未办理施工许可"));
    // DEC-17: the server records who did each step, so a named person does it
    complete(claimed(EnforcementCaseModel.TASK_PROPOSE_FILING, pi, "officer1"), withVariables("caseNumber", "云建立〔" + today().getYear() + "〕" + UUID.randomUUID().toString().substring(0, 6),
        "filingFacts", "现场照片", "suspectedViolation", "《建筑法》第七条", "filingOpinion", "建议立案"));
    complete(claimed(EnforcementCaseModel.TASK_APPROVE_FILING, pi, "head1"), withVariables("filingApproved", true, "filingApprovalOpinion", "同意立案"));
    assertThat(runtimeService.getVariable(pi.getId(), "filedOn")).isEqualTo(today().toString());
    Job warning = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(EnforcementCaseModel.EVENT_DECISION_WARNING_DUE).singleResult();
    assertThat(warning.getDuedate()).isNotNull().isAfter(ClockUtil.getCurrentTime());
    complete(task(EnforcementCaseModel.TASK_ASSIGN_INVESTIGATORS, pi), withVariables("investigators", List.of("officer1", "officer2")));
    // a real recording of the inspection, uploaded through the evidence API (REC-08 asks the store)
    String recording = cn.gov.enforcement.recording.EvidenceFixtures.uploadFor(rest,
        (String) runtimeService.getVariable(pi.getId(), "caseNumber"), "ONSITE_INSPECTION",
        cn.gov.enforcement.recording.EvidenceFixtures.mp4());

    complete(task(EnforcementCaseModel.TASK_PLAN_ACTIVITY, pi), withVariables("activity", "ONSITE_INSPECTION", "exemption", "NONE",
        "affectsLibertyLifeOrMajorProperty", false));
    String endedAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString();
    complete(task(EnforcementCaseModel.TASK_RECORD_ACTIVITY, pi), withVariables("activityOfficers", List.of("officer1", "officer2"), "credentialsShown", true,
        "activityDate", today().toString(), "activityEndedAt", endedAt, "activityRecord", "现场检查笔录", "moreActivities", false,
        "recordingNoticeGiven", true, "activityRecordingIds", List.of(recording)));
    forward(Duration.ofHours(25), pi); // the upload check after 24 h
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(EnforcementCaseModel.TASK_WARN_MISSING_RECORDING).count()).isZero();

    complete(task(EnforcementCaseModel.TASK_NOTIFY_RIGHTS, pi), withVariables("rightsNoticeNumber", "云建告〔1〕号", "intendedPenalty", "罚款五万元",
        "hearingRightGranted", true, "rightsNoticeServedOn", today().toString()));
    Task response = task(EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE, pi);
    assertDue(response);
    // CASE-03: inside the 5-working-day window only the party's written waiver, recorded by an officer, closes it
    taskService.claim(response.getId(), "officer1");
    complete(response, withVariables("hearingRequested", false, "partyStatement", "无异议",
        "hearingWaiverDocument", "当事人书面放弃听证声明", "hearingWaiverReceivedOn", today().toString()));
    complete(claimed(EnforcementCaseModel.TASK_DRAFT_DECISION, pi, "officer1"), withVariables("decisionSummary", "罚款五万元", "decisionType", "PENALTY",
        "penaltyContent", "罚款五万元", "legalBasis", "《建筑法》第六十四条", "evidenceList", "笔录、照片", "factorsConsidered", "首次违法",
        "majorPublicInterest", false, "majorRightsAfterHearing", false, "complexOrMultipleRelations", false,
        "requiredByLaw", true, "complexCase", false, "serviceMethod", "DIRECT", "complianceDays", 15));

    ProcessInstance review = calledProcessInstance(LegalReviewModel.PROCESS_KEY, pi);
    Task legality = task(LegalReviewModel.TASK_REVIEW_LEGALITY, review);
    assertDue(legality);
    taskService.claim(legality.getId(), "legal1");
    Map<String, Object> findings = new HashMap<>();
    for (String point : List.of("findingBody", "findingOfficers", "findingAuthority", "findingFacts", "findingEvidence",
        "findingLegalBasis", "findingProcedure", "findingDiscretion", "findingDocuments")) {
      findings.put(point, "CONFORMS");
    }
    findings.putAll(Map.of("findingCrimeReferral", "NO_REFERRAL", "reviewOutcome", "PASS", "reviewOpinion", "同意", "extensionRequested", false));
    complete(legality, findings);

    Task approval = task(EnforcementCaseModel.TASK_APPROVE_DECISION, pi);
    assertDue(approval); // 90 days after filing: often in a year without a notice
    taskService.claim(approval.getId(), "director1");
    complete(approval, withVariables("decisionApproved", true, "decisionNumber", "云建罚决〔1〕号", "approvalOpinion", "同意"));
    assertThat(runtimeService.getVariable(pi.getId(), "decisionDate")).isEqualTo(today().toString());

    ProcessInstance service = calledProcessInstance(DocumentServiceModel.PROCESS_KEY, pi);
    Task serve = task(DocumentServiceModel.TASK_SERVE_DIRECTLY, service);
    assertDue(serve);
    complete(serve, withVariables("served", true, "receiptSignedBy", "张三", "signerRelation", "RECIPIENT",
        "serviceDate", today().toString(), "servedBy", "officer1"));
    Task compliance = task(EnforcementCaseModel.TASK_CHECK_COMPLIANCE, pi);
    assertDue(compliance);
    complete(compliance, withVariables("complied", true, "complianceRecord", "已缴纳罚款"));
    complete(task(EnforcementCaseModel.TASK_CLOSE_CASE, pi), withVariables("closureReason", "EXECUTED", "closureReport", "结案报告"));
    Task archive = task(EnforcementCaseModel.TASK_ARCHIVE_CASE, pi);
    assertDue(archive);
    complete(archive, withVariables("archiveNumber", "A-TODAY-1"));

    // issue #16: the case ended at archive; its disclosure is its own instance with the same business key
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).as("the case has ended").isZero();
    ProcessInstance disclosure = runtimeService.createProcessInstanceQuery().processDefinitionKey(DisclosureModel.PROCESS_KEY)
        .processInstanceBusinessKey(engine.getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(pi.getId()).singleResult().getBusinessKey()).singleResult();
    Task prepare = task(DisclosureModel.TASK_PREPARE_DISCLOSURE, disclosure);
    assertDue(prepare); // PUB-02: 7 working days after the decision
    complete(prepare, withVariables("resultFacts", "占道经营", "resultBasis", "《城市市容和环境卫生管理条例》第三十六条", "resultOutcome", "罚款五百元", "contentExcluded", false));
    complete(task(DisclosureModel.TASK_REVIEW_DISCLOSURE, disclosure), withVariables("contentApproved", true, "disclosureReviewOpinion", "同意"));
    complete(task(DisclosureModel.TASK_PUBLISH_RESULT, disclosure), withVariables("publicationUrl", "https://www.example.gov.cn/gs"));

    forward(Duration.ofDays(80), pi); // the 75-day warning finds the decision made
    Job withdrawal = managementService.createJobQuery().processInstanceId(disclosure.getId()).timers().singleResult();
    assertThat(withdrawal.getDuedate()).isNotNull();
    ClockUtil.setCurrentTime(Date.from(withdrawal.getDuedate().toInstant().plusSeconds(1)));
    managementService.executeJob(withdrawal.getId());
    complete(task(DisclosureModel.TASK_APPROVE_WITHDRAWAL, disclosure), withVariables("withdrawalApproved", true, "withdrawalOpinion", "同意"));
    complete(task(DisclosureModel.TASK_WITHDRAW_PUBLICATION, disclosure));

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).as("the case has ended").isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(EnforcementCaseModel.EVENT_CASE_ARCHIVED).finished().count()).isEqualTo(1);
  }
}
