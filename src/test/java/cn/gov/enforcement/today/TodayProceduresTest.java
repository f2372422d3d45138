package cn.gov.enforcement.today;

import static cn.gov.enforcement.platform.ProcessTestSupport.as;
import static cn.gov.enforcement.platform.ProcessTestSupport.open;
import static cn.gov.enforcement.platform.ProcessTestSupport.completeAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.decision.MajorDecisionModel;
import cn.gov.enforcement.delivery.DocumentServiceModel;
import cn.gov.enforcement.disclosure.DisclosureModel;
import cn.gov.enforcement.recording.DisposalScan;
import cn.gov.enforcement.recording.EvidenceFixtures;
import cn.gov.enforcement.recording.RecordingAccessModel;
import cn.gov.enforcement.recording.RecordingDisposalModel;
import cn.gov.enforcement.recording.RecordingUploadDeadlineModel;
import cn.gov.enforcement.recording.UploadDeadlineWarnings;
import cn.gov.enforcement.review.LegalReviewModel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue #12, the real-date suite beside {@link TodayEnforcementCaseTest}: every other procedure on
 * its own, from the machine's REAL date. No clock is pinned at the start; the engine clock only
 * moves forward from now, to fire timers, and is reset after. Every due date on the way must exist
 * and say {@code dueProvisional} where its last day lies in a year without an entered notice
 * (PER-05), and every typed date of an outside event is today's (PER-06), so the checks of both
 * run on the date the bureau will run them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TodayProceduresTest extends RealDateTest {

  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate rest;
  @Autowired DisposalScan disposalScan;

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  /** A timer's due date exists and lies ahead of the (real) clock. */
  private Job timer(ProcessInstance pi, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    assertThat(job).as("timer %s", activityId).isNotNull();
    assertThat(job.getDuedate()).as("due of timer %s", activityId).isNotNull().isAfter(ClockUtil.getCurrentTime());
    return job;
  }

  private boolean ended(ProcessInstance pi, String endEvent) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0
        && historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId(endEvent).finished().count() == 1;
  }

  private static Map<String, Object> legalFindings() {
    Map<String, Object> findings = new HashMap<>();
    for (String point : List.of("findingBody", "findingOfficers", "findingAuthority", "findingFacts", "findingEvidence",
        "findingLegalBasis", "findingProcedure", "findingDiscretion", "findingDocuments")) {
      findings.put(point, "CONFORMS");
    }
    findings.putAll(Map.of("findingCrimeReferral", "NO_REFERRAL", "reviewOutcome", "PASS", "reviewOpinion", "同意", "extensionRequested", false));
    return findings;
  }

  // ------------------------------------------------------------------ major-decision

  @Test
  @DisplayName("PER-05 PER-06 DEC-01..DEC-15 major-decision from today's real date: proposal, admission, research, experts, consultation, review, legal review, meeting, publication")
  void majorDecisionFromToday() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(MajorDecisionModel.PROCESS_KEY, "today-DEC-" + UUID.randomUUID(), withVariables(
        "title", "城区占道经营管理办法", "category", "OTHER", "proposedBy", "PUBLIC", "proposer", "市容科", "proposalSummary", "规范城区占道经营"));
    completeAs(pi, MajorDecisionModel.TASK_ADMIT_PROPOSAL, "director1", withVariables("admitted", true, "leadUnit", "市容科",
        "outsideCatalogueReason", "群众反映强烈，须年内解决")); // DEC-18: not in this year's catalogue
    completeAs(pi, MajorDecisionModel.TASK_RESEARCH_DRAFT, "officer1", withVariables("draftPlan", "方案：划定临时摊区", "draftExplanation", "必要、合法、可行",
        "contested", false, "confidential", false, "franchiseGrantOrWithdrawal", false, "majorLicenceOrPenaltyHearing", false,
        "publicFeeOrPrice", false, "normativeDocumentPublicInterest", false, "majorPublicDisagreement", false, "requiredByLaw", false));
    completeAs(pi, MajorDecisionModel.TASK_SELECT_EXPERTS, "head1", withVariables("experts", List.of("expert1", "expert2", "expert3"),
        "expertSelectionMethod", "RANDOM", "selectionNote", "随机抽取", "noConflictOfInterest", true));
    for (String expert : List.of("expert1", "expert2", "expert3")) {
      complete(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(MajorDecisionModel.TASK_EXPERT_OPINION).taskAssignee(expert).singleResult(),
          withVariables("expertOpinion", expert + "：方案可行", "signed", true));
    }
    for (int i = 0; i < 3; i++) {
      completeAs(pi, MajorDecisionModel.TASK_HANDLE_EXPERT_OPINION, "officer1", withVariables("expertOpinionClass", "SUPPORT", "expertAdopted", true));
    }
    // the draft is published today: the planned day of the step (PER-06), 30 days (PER-02)
    completeAs(pi, MajorDecisionModel.TASK_PUBLISH_DRAFT, "head1", withVariables("consultationStart", today().toString(), "consultationDays", 30L,
        "submissionMethods", "信函、电子邮件", "contactUnit", "市容科", "contactAddress", "永兴县某路1号", "contactPhone", "0735-0000000",
        "contactEmail", "cg@example.gov.cn", "publicationChannel", "县政府门户网站"));
    Job consultation = timer(pi, MajorDecisionModel.EVENT_CONSULTATION_CLOSED);
    completeAs(pi, MajorDecisionModel.TASK_REGISTER_OPINIONS, "aux1", withVariables("opinionSubmitter", "张三", "opinionChannel", "EMAIL",
        "opinionContent", "摊区请避开学校门口", "assistedOfficer", "officer1"));
    completeAs(pi, MajorDecisionModel.TASK_REGISTER_OPINIONS, "aux1", withVariables("opinionSubmitter", "李四", "opinionChannel", "LETTER",
        "opinionContent", "延长夜市时段", "assistedOfficer", "officer1"));
    // each registration re-enters the consultation sub-process: its timer is set again, due as before
    Job closing = timer(pi, MajorDecisionModel.EVENT_CONSULTATION_CLOSED);
    assertThat(closing.getDuedate()).isEqualTo(consultation.getDuedate());
    ClockUtil.setCurrentTime(Date.from(closing.getDuedate().toInstant().plusSeconds(1)));
    managementService.executeJob(closing.getId());
    LocalDate handledOn = today();
    completeAs(pi, MajorDecisionModel.TASK_HANDLE_PUBLIC_OPINIONS, "officer1", withVariables("opinionHandling",
        org.camunda.spin.plugin.variable.SpinValues.jsonValue("[{\"no\":1,\"adopted\":true},{\"no\":2,\"adopted\":false,"
            + "\"notAdoptedReason\":\"影响居民休息\"}]").create(),
        "opinionClassification", "摊区位置建议", "handlingPublicationChannel", "县政府门户网站"));
    assertThat(runtimeService.getVariable(pi.getId(), "handlingPublishedOn")).isEqualTo(handledOn.toString());
    completeAs(pi, MajorDecisionModel.TASK_REVIEW_DRAFT, "deputy1", withVariables("deputyApproved", true, "deputyOpinion", "同意提交"));

    ProcessInstance review = calledProcessInstance(LegalReviewModel.PROCESS_KEY, pi);
    Task legality = task(LegalReviewModel.TASK_REVIEW_LEGALITY, review);
    assertDue(legality);
    taskService.claim(legality.getId(), "legal1");
    complete(legality, legalFindings());

    completeAs(pi, MajorDecisionModel.TASK_PREPARE_MEETING, "aux1", withVariables("meetingDate", today().plusDays(1).toString(), "meetingMaterials", "草案、说明、审查意见",
        "assistedOfficer", "officer1"));
    forward(Duration.ofDays(1));
    completeAs(pi, MajorDecisionModel.TASK_DELIBERATE, "director1", withVariables("speechLeadUnit", "承办单位说明", "speechLegalUnit", "法制机构意见",
        "speechMembers", "班子成员意见", "speechDeputy", "分管副局长意见", "speechDirector", "局长意见", "majorityView", "APPROVE",
        "deliberationOutcome", "APPROVE", "dissent", "无", "minutes", "会议纪要", "higherApprovalRequired", false));
    assertThat(runtimeService.getVariable(pi.getId(), "decisionDate")).isEqualTo(today().toString());

    Task publish = open(pi, MajorDecisionModel.TASK_PUBLISH_RESULT);
    assertDue(publish); // 20 days after the meeting (DEC-15)
    timer(pi, MajorDecisionModel.EVENT_PUBLICATION_OVERDUE);
    completeAs(pi, MajorDecisionModel.TASK_PUBLISH_RESULT, "records1", withVariables("resultPublicationChannel", "县政府门户网站"));
    assertThat(runtimeService.getVariable(pi.getId(), "resultPublishedOn")).isEqualTo(today().toString());

    completeAs(pi, MajorDecisionModel.TASK_MONITOR_IMPLEMENTATION, "officer1", withVariables("implementationReport", "执行正常",
        "reportPublishedOn", today().toString(), "evaluatedBy", "EXPERT", "evaluation", "效果良好"));
    completeAs(pi, MajorDecisionModel.TASK_DECIDE_IMPLEMENTATION, "director1", withVariables("implementationDecision", "STOP",
        "implementationDecisionReason", "目标已实现"));
    assertThat(ended(pi, MajorDecisionModel.EVENT_IMPLEMENTATION_STOPPED)).as("major-decision ended at its normal end").isTrue();
  }

  // ------------------------------------------------------------------ legal-review

  @Test
  @DisplayName("PER-05 LR-01 LR-06 legal-review alone from today's real date: 7 working days, passed")
  void legalReviewFromToday() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(LegalReviewModel.PROCESS_KEY, "today-LR-" + UUID.randomUUID(), Map.of(
        "subject", "对某公司违法建设作出拆除决定", "investigators", "officer1,officer2", "reviewMaterials", "案卷一册"));
    Task legality = task(LegalReviewModel.TASK_REVIEW_LEGALITY, pi);
    assertDue(legality);
    taskService.claim(legality.getId(), "legal1");
    complete(legality, legalFindings());
    assertThat(ended(pi, LegalReviewModel.EVENT_REVIEW_PASSED)).as("legal-review ended at its normal end").isTrue();
  }

  // ------------------------------------------------------------------ document-service

  private ProcessInstance service(String method, Object... more) {
    Map<String, Object> variables = new HashMap<>(Map.of("caseNumber", "云建罚〔" + today().getYear() + "〕" + UUID.randomUUID().toString().substring(0, 6),
        "documentTitle", "行政处罚决定书", "recipientName", "某某建材有限公司", "recipientAddress", "云和县某路 1 号", "method", method));
    for (int i = 0; i < more.length; i += 2) {
      variables.put((String) more[i], more[i + 1]);
    }
    return runtimeService.startProcessInstanceByKey(DocumentServiceModel.PROCESS_KEY, "today-SVC-" + UUID.randomUUID(), variables);
  }

  @Test
  @DisplayName("PER-05 PER-06 SVC-01 SVC-05 SVC-06 document-service alone from today's real date: direct service today; public notice deemed served by its timer")
  void documentServiceFromToday() {
    ProcessInstance direct = service("DIRECT");
    assertThat(runtimeService.getVariable(direct.getId(), "serviceRequestedOn")).isEqualTo(today().toString());
    complete(task(DocumentServiceModel.TASK_SERVE_DIRECTLY, direct), withVariables("served", true, "receiptSignedBy", "张三", "signerRelation", "RECIPIENT",
        "serviceDate", today().toString(), "servedBy", "officer1"));
    assertThat(ended(direct, DocumentServiceModel.EVENT_SERVED)).as("direct service ended at its normal end").isTrue();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(direct.getId()).variableName("serviceDate")
        .singleResult().getValue()).isEqualTo(today().toString());

    // SVC-05: every other method inapplicable (whereabouts unknown), with the explanation
    ProcessInstance notice = service("PUBLIC_NOTICE", "personalInapplicable", "WHEREABOUTS_UNKNOWN", "mailInapplicable", "WHEREABOUTS_UNKNOWN",
        "entrustedInapplicable", "WHEREABOUTS_UNKNOWN", "inapplicableExplanation", "经公安户籍、社区核实，受送达人下落不明");
    LocalDate publishedOn = today();
    String screenshot = EvidenceFixtures.uploadFor(rest, (String) runtimeService.getVariable(notice.getId(), "caseNumber"),
        "SERVICE_PUBLIC_NOTICE", EvidenceFixtures.jpeg());
    complete(task(DocumentServiceModel.TASK_PUBLISH_NOTICE, notice), withVariables("noticeReason", "下落不明", "noticeCarrier", "WEBSITE",
        "noticeLocation", "https://www.example.gov.cn", "publishedOn", publishedOn.toString(), "noticeArchiveRef", "GG-TODAY",
        "noticeRecordingIds", List.of(screenshot)));
    Job deemed = timer(notice, DocumentServiceModel.EVENT_DEEMED_SERVED);
    // 30 days (PER-02): the last day may lie in 2027, a year without a notice — the timer is computed anyway
    assertThat(deemed.getDuedate().toInstant()).isAfter(publishedOn.plusDays(30).atStartOfDay(BeijingTime.ZONE).toInstant());
    ClockUtil.setCurrentTime(Date.from(deemed.getDuedate().toInstant().plusSeconds(1)));
    managementService.executeJob(deemed.getId());
    assertThat(ended(notice, DocumentServiceModel.EVENT_SERVED)).as("public notice ended at its normal end").isTrue();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(notice.getId()).variableName("serviceDate")
        .singleResult().getValue()).isEqualTo(BeijingTime.dayOf(new Date(deemed.getDuedate().getTime() - 1)).toString());
  }

  // ------------------------------------------------------------------ disclosure

  @Test
  @DisplayName("PER-05 PER-06 PUB-01 PUB-02 PUB-04 disclosure alone from today's real date: due in 7 working days, published today, withdrawn by its timer")
  void disclosureFromToday() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(DisclosureModel.PROCESS_KEY, "today-PUB-" + UUID.randomUUID(), Map.of(
        "disclosureType", "PENALTY", "caseNumber", "云建罚〔" + today().getYear() + "〕1", "decisionNumber", "云建罚决〔1〕号",
        "decidedOn", today().toString(), "partyName", "某某建材有限公司", "partyType", "LEGAL_PERSON", "disclosureSummary", "罚款五万元"));
    assertThat(runtimeService.getVariable(pi.getId(), "disclosureRegisteredOn")).isEqualTo(today().toString());
    Task prepare = task(DisclosureModel.TASK_PREPARE_DISCLOSURE, pi);
    assertDue(prepare);
    complete(prepare, withVariables("resultFacts", "占道经营", "resultBasis", "《城市市容和环境卫生管理条例》第三十六条", "resultOutcome", "罚款五百元", "contentExcluded", false));
    assertDue(task(DisclosureModel.TASK_REVIEW_DISCLOSURE, pi));
    complete(task(DisclosureModel.TASK_REVIEW_DISCLOSURE, pi), withVariables("contentApproved", true, "disclosureReviewOpinion", "同意"));
    assertDue(task(DisclosureModel.TASK_PUBLISH_RESULT, pi));
    complete(task(DisclosureModel.TASK_PUBLISH_RESULT, pi), withVariables("publicationUrl", "https://www.example.gov.cn/gs"));
    assertThat(runtimeService.getVariable(pi.getId(), "disclosurePublishedOn")).isEqualTo(today().toString());
    Job withdrawal = timer(pi, DisclosureModel.EVENT_WITHDRAWAL_DUE);
    ClockUtil.setCurrentTime(Date.from(withdrawal.getDuedate().toInstant().plusSeconds(1)));
    managementService.executeJob(withdrawal.getId());
    complete(task(DisclosureModel.TASK_APPROVE_WITHDRAWAL, pi), withVariables("withdrawalApproved", true, "withdrawalOpinion", "同意"));
    complete(task(DisclosureModel.TASK_WITHDRAW_PUBLICATION, pi));
    assertThat(ended(pi, DisclosureModel.EVENT_WITHDRAWN)).as("disclosure ended at its normal end").isTrue();
  }

  // ------------------------------------------------------------------ recordings

  @Test
  @DisplayName("PER-05 ACC-03 recording-access from today's real date: an internal viewing approved by the section head")
  void recordingAccessFromToday() {
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    fields.put("officers", "officer1");
    String recording = EvidenceFixtures.uploadId(rest, "officer1", fields, EvidenceFixtures.mp4());
    ProcessInstance[] started = new ProcessInstance[1];
    as("officer2", () -> started[0] = runtimeService.startProcessInstanceByKey(RecordingAccessModel.PROCESS_KEY, Variables.createVariables()
        .putValue("purpose", "INTERNAL").putValue("requestingParty", "某区公安分局").putValue("reason", "核查案件事实")
        .putValue("caseNumber", fields.get("caseNumber"))));
    ProcessInstance pi = started[0];
    Task select = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    as("officer2", () -> taskService.complete(select.getId(), Map.of("recordingIds", Variables.objectValue(List.of(recording))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create())));
    Task approve = open(pi, RecordingAccessModel.TASK_APPROVE_BY_SECTION_HEAD);
    as("head1", () -> taskService.complete(approve.getId(), Map.of("decision", "APPROVE", "approvalOpinion", "同意查阅")));
    assertThat(ended(pi, RecordingAccessModel.EVENT_ACCESS_GRANTED)).as("recording-access ended at its normal end").isTrue();
  }

  @Test
  @DisplayName("PER-05 RET-06 recording-disposal from today's real date: the scan after the retention, reviewed and approved")
  void recordingDisposalFromToday() {
    Map<String, String> fields = EvidenceFixtures.justRecorded("DAILY_PATROL");
    fields.put("caseNumber", "巡查-today-" + System.nanoTime());
    String id = EvidenceFixtures.uploadId(rest, "officer1", fields, EvidenceFixtures.wav(1));
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(200, ChronoUnit.DAYS))); // forward, past the 6 months' retention
    Map<String, ProcessInstance> started = disposalScan.scan();
    assertThat(started).containsKey(id);
    ProcessInstance pi = started.get(id);
    Task review = open(pi, RecordingDisposalModel.TASK_REVIEW_DISPOSAL);
    as("records1", () -> taskService.complete(review.getId(), Map.of("recommendation", "DISPOSE", "reviewOpinion", "已满 6 个月，无保留必要")));
    Task approve = open(pi, RecordingDisposalModel.TASK_APPROVE_DISPOSAL);
    as("head1", () -> taskService.complete(approve.getId(), Map.of("decision", "APPROVE", "approvalOpinion", "同意销毁")));
    assertThat(ended(pi, RecordingDisposalModel.EVENT_DISPOSAL_FINISHED)).as("recording-disposal ended at its normal end").isTrue();
  }

  @Test
  @DisplayName("PER-05 REC-08 recording-upload-deadline from today's real date: the 24-hour timer raises the section head's task with its due date")
  void uploadDeadlineFromToday() {
    Map<String, String> fields = EvidenceFixtures.justRecorded("INTERVIEW");
    Instant deadline = OffsetDateTime.parse(fields.get("endedAt")).toInstant().plus(24, ChronoUnit.HOURS);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(UploadDeadlineWarnings.PROCESS_KEY, Variables.createVariables()
        .putValue("caseNumber", fields.get("caseNumber")).putValue("activity", fields.get("activity"))
        .putValue("uploadDeadline", Date.from(deadline)).putValue("late", false));
    Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(deadline).isAfter(ClockUtil.getCurrentTime().toInstant());
    forward(Duration.ofHours(25), pi);
    Task late = open(pi, RecordingUploadDeadlineModel.TASK_REVIEW_LATE_UPLOAD);
    assertThat(late.getDueDate().toInstant()).isEqualTo(deadline);
    taskService.complete(late.getId(), Map.of("explanation", "执法记录仪故障，已补传并说明"));
    assertThat(ended(pi, RecordingUploadDeadlineModel.EVENT_LATE_UPLOAD_REVIEWED)).as("recording-upload-deadline ended at its normal end").isTrue();
  }
}
