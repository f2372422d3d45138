package cn.gov.enforcement.casework;

import cn.gov.enforcement.platform.ProcessTestSupport;
import static cn.gov.enforcement.platform.ProcessTestSupport.at;
import static cn.gov.enforcement.platform.ProcessTestSupport.claimed;
import cn.gov.enforcement.delivery.DocumentServiceModel;
import cn.gov.enforcement.disclosure.DisclosureModel;
import cn.gov.enforcement.platform.MinimumProcessCoverage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.gov.enforcement.calendar.Periods;
import cn.gov.enforcement.review.LegalReviewModel;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import cn.gov.enforcement.platform.GuardBadRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * enforcement-case (行政执法案件): one test per path through intake, filing, investigation,
 * hearing, decision, service, execution, closure and disclosure; timers fired with the engine
 * clock. Filed on Mon 2 March 2026.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnforcementCaseProcessTest {

  /** At least 90% of the model's flow nodes and sequence flows are covered by this class. */
  @org.junit.jupiter.api.extension.RegisterExtension
  static final MinimumProcessCoverage COVERAGE = new MinimumProcessCoverage(EnforcementCaseModel.PROCESS_KEY, 0.9);

  static final String NOTICE = "为保护您的合法权益，监督我们的执法行为，本次执法全程录音录像";
  static final List<String> REVIEW_POINTS = List.of("findingBody", "findingOfficers", "findingAuthority", "findingFacts",
      "findingEvidence", "findingLegalBasis", "findingProcedure", "findingDiscretion", "findingDocuments");

  @Autowired private ProcessEngine processEngine;
  @Autowired private Periods periods;
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

  // ---- steps -------------------------------------------------------------------------------

  private ProcessInstance startCase(String source, boolean viaHotline) {
    Map<String, Object> variables = new HashMap<>(Map.of("source", source, "partyName", "某某建材有限公司",
        "partyType", "LEGAL_PERSON", "partyAddress", "云和县某路 1 号", "cause", "未经许可擅自施工",
        "clueDescription", "巡查发现工地未办理施工许可"));
    if ("COMPLAINT".equals(source)) {
      variables.put("viaHotline", viaHotline);
    }
    return runtimeService().startProcessInstanceByKey(EnforcementCaseModel.PROCESS_KEY, "case-" + UUID.randomUUID(), variables);
  }

  private static String caseNumber() {
    return "云建立〔2026〕" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A small real recording of the case's {@code activity}, uploaded through the evidence API. */
  private String upload(ProcessInstance pi, String activity) {
    return cn.gov.enforcement.recording.EvidenceFixtures.uploadFor(rest,
        (String) runtimeService().getVariable(pi.getId(), "caseNumber"), activity, cn.gov.enforcement.recording.EvidenceFixtures.wav(3));
  }

  private void proposeFiling(ProcessInstance pi) {
    complete(claimed(EnforcementCaseModel.TASK_PROPOSE_FILING, pi, "officer1"), withVariables("caseNumber", caseNumber(), "filingFacts", "现场照片、询问笔录",
        "suspectedViolation", "《建筑法》第七条", "filingOpinion", "建议立案"));
  }

  private void fileCase(ProcessInstance pi) {
    proposeFiling(pi);
    complete(claimed(EnforcementCaseModel.TASK_APPROVE_FILING, pi, "head1"), withVariables("filingApproved", true,
        "filingApprovalOpinion", "同意立案"));
    complete(task(EnforcementCaseModel.TASK_ASSIGN_INVESTIGATORS, pi), withVariables("investigators", List.of("officer1", "officer2")));
    // PER-06: the activities happen the next day (a typed outside date may not lie in the future)
    at("2026-03-03T02:00:00Z");
  }

  private void plan(ProcessInstance pi, String activity, String exemption) {
    complete(task(EnforcementCaseModel.TASK_PLAN_ACTIVITY, pi), withVariables("activity", activity, "exemption", exemption,
        "affectsLibertyLifeOrMajorProperty", false));
  }

  private Map<String, Object> activityRecord(boolean more, Object... extra) {
    Map<String, Object> record = new HashMap<>(Map.of("activityOfficers", List.of("officer1", "officer2"),
        "credentialsShown", true, "activityDate", "2026-03-03", "activityEndedAt", "2026-03-03T10:00:00+08:00",
        "activityRecord", "现场检查笔录：工地正在施工，未见施工许可证", "moreActivities", more));
    for (int i = 0; i < extra.length; i += 2) {
      record.put((String) extra[i], extra[i + 1]);
    }
    return record;
  }

  private void notifyRightsAndWaive(ProcessInstance pi) {
    notifyRights(pi);
    complete(claimed(EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE, pi, "officer1"), waiver());
  }

  /** CASE-03: "no hearing" inside the request window is the party's written waiver, recorded by an officer. */
  private static Map<String, Object> waiver() {
    return withVariables("hearingRequested", false, "partyStatement", "无异议",
        "hearingWaiverDocument", "当事人书面放弃听证声明（附卷第 12 页）",
        "hearingWaiverReceivedOn", cn.gov.enforcement.deadlines.ServerToday.today().toString());
  }

  private void notifyRights(ProcessInstance pi) {
    // PER-06: the notice (Wed 4 March, or the day of a later notice) is recorded the day it is served
    if (ClockUtil.getCurrentTime().before(Date.from(Instant.parse("2026-03-04T02:00:00Z")))) {
      at("2026-03-04T02:00:00Z");
    }
    complete(task(EnforcementCaseModel.TASK_NOTIFY_RIGHTS, pi), withVariables("rightsNoticeNumber", "云建告〔2026〕1号",
        "intendedPenalty", "罚款五万元", "hearingRightGranted", true,
        "rightsNoticeServedOn", cn.gov.enforcement.calendar.BeijingTime.dayOf(ClockUtil.getCurrentTime()).toString()));
  }

  private static Map<String, Object> draft(boolean legalReview, boolean complex) {
    return withVariables("decisionSummary", "对某某建材有限公司罚款五万元", "decisionType", "PENALTY", "penaltyContent", "罚款五万元",
        "legalBasis", "《建筑法》第六十四条", "evidenceList", "现场检查笔录、照片、音像资料", "factorsConsidered", "首次违法，主动整改",
        "majorPublicInterest", false, "majorRightsAfterHearing", false,
        "complexOrMultipleRelations", false, "requiredByLaw", legalReview, "complexCase", complex,
        "serviceMethod", "DIRECT", "complianceDays", 15);
  }

  /** The decision is approved on Mon 16 March: PER-06, decisionDate is the server's date of the approval. */
  private static Map<String, Object> approve() {
    at("2026-03-16T02:00:00Z");
    return withVariables("decisionApproved", true, "decisionNumber", "云建罚决〔2026〕1号",
        "approvalOpinion", "同意");
  }

  private void review(ProcessInstance pi, String outcome) {
    ProcessInstance review = calledProcessInstance(LegalReviewModel.PROCESS_KEY, pi);
    Task task = task(LegalReviewModel.TASK_REVIEW_LEGALITY, review);
    taskService().claim(task.getId(), "legal1");
    Map<String, Object> findings = new HashMap<>();
    REVIEW_POINTS.forEach(point -> findings.put(point, "CONFORMS"));
    findings.putAll(Map.of("findingCrimeReferral", "NO_REFERRAL", "reviewOutcome", outcome,
        "reviewOpinion", "审核意见：" + outcome, "extensionRequested", false));
    complete(task, findings);
  }

  private void serveDirectly(ProcessInstance pi, String serviceDate) {
    if (cn.gov.enforcement.deadlines.ServerToday.today().isBefore(java.time.LocalDate.parse(serviceDate))) {
      at(serviceDate + "T02:00:00Z"); // a service date is an outside date: not in the future (PER-06)
    }
    ProcessInstance service = calledProcessInstance(DocumentServiceModel.PROCESS_KEY, pi);
    complete(task(DocumentServiceModel.TASK_SERVE_DIRECTLY, service), withVariables("served", true, "receiptSignedBy", "张三",
        "signerRelation", "RECIPIENT", "serviceDate", serviceDate, "servedBy", "officer1"));
  }

  private void closeAndArchive(ProcessInstance pi, String reason) {
    at("2026-04-20T02:00:00Z");
    complete(task(EnforcementCaseModel.TASK_CLOSE_CASE, pi), withVariables("closureReason", reason, "closureReport", "结案报告"));
    assertThat(pi).variables().containsEntry("closedOn", "2026-04-20");
    assertThat(task(EnforcementCaseModel.TASK_ARCHIVE_CASE, pi)).hasCandidateGroup("records-office").hasDueDate(periods.endOfDays("2026-04-20", 30));
    at("2026-04-27T02:00:00Z");
    complete(task(EnforcementCaseModel.TASK_ARCHIVE_CASE, pi), withVariables("archiveNumber", "A-2026-1"));
  }

  /** The case's disclosure: its own instance with the case's business key (issue #16), not a called one. */
  private ProcessInstance disclosureOf(ProcessInstance pi) {
    String businessKey = processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getBusinessKey();
    ProcessInstance disclosure = runtimeService().createProcessInstanceQuery().processDefinitionKey(DisclosureModel.PROCESS_KEY)
        .processInstanceBusinessKey(businessKey).singleResult();
    org.assertj.core.api.Assertions.assertThat(disclosure).as("the disclosure instance of " + businessKey).isNotNull();
    return disclosure;
  }

  private void publish(ProcessInstance disclosure) {
    complete(task(DisclosureModel.TASK_PREPARE_DISCLOSURE, disclosure), withVariables("resultFacts", "占道经营", "resultBasis", "《城市市容和环境卫生管理条例》第三十六条", "resultOutcome", "罚款五百元", "contentExcluded", false));
    complete(task(DisclosureModel.TASK_REVIEW_DISCLOSURE, disclosure), withVariables("contentApproved", true, "disclosureReviewOpinion", "同意"));
    complete(task(DisclosureModel.TASK_PUBLISH_RESULT, disclosure), withVariables("publicationUrl", "https://www.example.gov.cn/gs"));
  }

  // ---- paths -------------------------------------------------------------------------------

  @Test
  @DisplayName("CASE-01 CASE-02 CASE-04 CASE-05 CASE-06 CASE-07 REC-01 REC-04 REC-07 REC-11 REC-12 REC-13 SVC-06 SVC-07 inspection case: two recorded activities uploaded on time, evidence preservation decided in 7 working days, no hearing, no review, approved, served, complied, closed, archived, disclosed")
  void inspectionCaseToArchive() {
    ProcessInstance pi = startCase("INSPECTION", false);
    assertThat(pi).hasNotPassed(EnforcementCaseModel.TASK_DECIDE_HOTLINE_RECORDING).isWaitingAt(EnforcementCaseModel.TASK_PROPOSE_FILING);
    assertThat(task(pi)).hasCandidateGroup("enforcement-officer");
    proposeFiling(pi);
    assertThat(task(EnforcementCaseModel.TASK_APPROVE_FILING, pi)).hasCandidateGroup("section-head");
    complete(claimed(EnforcementCaseModel.TASK_APPROVE_FILING, pi, "head1"), withVariables("filingApproved", true, "filingApprovalOpinion", "同意"));
    assertThat(pi).hasPassed(EnforcementCaseModel.TASK_OPEN_CASE).isWaitingAt(EnforcementCaseModel.TASK_ASSIGN_INVESTIGATORS, EnforcementCaseModel.EVENT_DECISION_WARNING_DUE)
        .variables().containsEntry("filedOn", "2026-03-02");
    org.assertj.core.api.Assertions.assertThat(job(EnforcementCaseModel.EVENT_DECISION_WARNING_DUE, pi).getDuedate()).isEqualTo(periods.endOfDays("2026-03-02", 75));
    complete(task(EnforcementCaseModel.TASK_ASSIGN_INVESTIGATORS, pi), withVariables("investigators", List.of("officer1", "officer2"), "assistants", List.of("aux1")));
    // the case's recordings come from the evidence store: real media uploaded through the API
    String recA = upload(pi, "ONSITE_INSPECTION");
    String recB = upload(pi, "EVIDENCE_PRESERVATION");
    at("2026-03-03T02:00:00Z"); // PER-06: the activities are recorded on the day they happen

    plan(pi, "ONSITE_INSPECTION", "NONE");
    assertThat(pi).hasPassed(EnforcementCaseModel.TASK_DECIDE_ACTIVITY_RECORDING).isWaitingAt(EnforcementCaseModel.TASK_RECORD_ACTIVITY)
        .variables().containsEntry("recordingRequirement", "AV").containsEntry("notifyParty", true);
    // the pick list holds this activity's recordings, not the other activity's
    org.assertj.core.api.Assertions.assertThat(taskService().getVariable(task(EnforcementCaseModel.TASK_RECORD_ACTIVITY, pi).getId(), "recordingOptions")
        .toString()).contains(recA).doesNotContain(recB);
    complete(task(EnforcementCaseModel.TASK_RECORD_ACTIVITY, pi), activityRecord(true, "recordingNoticeGiven", true, "activityRecordingIds", List.of(recA)));
    assertThat(pi).isWaitingAt(EnforcementCaseModel.EVENT_UPLOAD_DEADLINE, EnforcementCaseModel.TASK_PLAN_ACTIVITY);
    // REC-08: the check is due 24 hours after the activity ended
    org.assertj.core.api.Assertions.assertThat(job(EnforcementCaseModel.EVENT_UPLOAD_DEADLINE, pi).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-03-04T02:00:00Z")));

    plan(pi, "EVIDENCE_PRESERVATION", "NONE");
    complete(task(EnforcementCaseModel.TASK_RECORD_ACTIVITY, pi), activityRecord(false, "recordingNoticeGiven", true, "activityRecordingIds", List.of(recB),
        "activityRecord", "先行登记保存清单：钢筋 2 吨，理由：可能灭失"));
    // CASE-02: 7 working days from Tue 3 March: Thu 12 March
    assertThat(task(EnforcementCaseModel.TASK_DECIDE_PRESERVED_EVIDENCE, pi)).hasCandidateGroup("section-head").hasDueDate(periods.endOfPenaltyDays("2026-03-03", 7));
    complete(task(EnforcementCaseModel.TASK_DECIDE_PRESERVED_EVIDENCE, pi), withVariables("preservationDecision", "CONFISCATE", "preservationDecisionReason", "违法所得"));

    at("2026-03-04T02:00:01Z");
    runtimeService().createExecutionQuery().processInstanceId(pi.getId()).activityId(EnforcementCaseModel.EVENT_UPLOAD_DEADLINE).list()
        .forEach(execution -> execute(processEngine.getManagementService().createJobQuery().executionId(execution.getId()).singleResult()));
    assertThat(pi).hasPassed(EnforcementCaseModel.EVENT_RECORDING_ON_TIME).hasNotPassed(EnforcementCaseModel.TASK_WARN_MISSING_RECORDING);

    notifyRights(pi);
    assertThat(task(EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE, pi)).hasDueDate(periods.endOfPenaltyDays("2026-03-04", 5));
    complete(claimed(EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE, pi, "officer1"), waiver());
    complete(claimed(EnforcementCaseModel.TASK_DRAFT_DECISION, pi, "officer1"), draft(false, false));
    assertThat(pi).hasPassed(EnforcementCaseModel.TASK_DECIDE_LEGAL_REVIEW).isWaitingAt(EnforcementCaseModel.TASK_APPROVE_DECISION)
        .variables().containsEntry("legalReviewRequired", false);
    // CASE-05: the decision is due 90 days after filing
    assertThat(task(EnforcementCaseModel.TASK_APPROVE_DECISION, pi)).hasCandidateGroup("director").hasDueDate(periods.endOfDays("2026-03-02", 90));
    // REC-02: the approver sees what the store found at upload (an audio file where AV was required)
    org.assertj.core.api.Assertions.assertThat(taskService().getVariable(task(EnforcementCaseModel.TASK_APPROVE_DECISION, pi).getId(), "recordingWarnings")
        .toString()).contains("上传的文件为音频").doesNotContain("MEDIA_MISMATCH");
    complete(claimed(EnforcementCaseModel.TASK_APPROVE_DECISION, pi, "director1"), approve());

    ProcessInstance service = calledProcessInstance(DocumentServiceModel.PROCESS_KEY, pi);
    // SVC-07: served within 7 (working) days of the decision
    assertThat(task(DocumentServiceModel.TASK_SERVE_DIRECTLY, service)).hasDueDate(periods.endOfPenaltyDays("2026-03-16", 7));
    serveDirectly(pi, "2026-03-17");
    assertThat(pi).variables().containsEntry("decisionServedOn", "2026-03-17");
    assertThat(task(EnforcementCaseModel.TASK_CHECK_COMPLIANCE, pi)).hasDueDate(periods.endOfDays("2026-03-17", 15));
    complete(task(EnforcementCaseModel.TASK_CHECK_COMPLIANCE, pi), withVariables("complied", true, "complianceRecord", "已缴纳罚款"));
    closeAndArchive(pi, "EXECUTED");

    // issue #16: archiving ends the case: no token, no timer left (the 75-day warning of a decided
    // case never fires); the publication lives on in its own instance with the same business key
    assertThat(pi).isEnded().hasPassed(EnforcementCaseModel.EVENT_CASE_ARCHIVED, EnforcementCaseModel.TASK_START_DISCLOSURE, EnforcementCaseModel.EVENT_DISCLOSURE_STARTED)
        .hasNotPassed(EnforcementCaseModel.TASK_WARN_DECISION_DEADLINE);
    org.assertj.core.api.Assertions.assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    org.assertj.core.api.Assertions.assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId()).count()).isZero();

    ProcessInstance disclosure = disclosureOf(pi);
    assertThat(disclosure).isNotEnded().isWaitingAt(DisclosureModel.TASK_PREPARE_DISCLOSURE);
    Object caseNumber = processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("caseNumber").singleResult().getValue();
    assertThat(disclosure).variables().containsEntry("caseNumber", caseNumber).containsEntry("disclosureType", "PENALTY")
        .containsKey("resultBasis"); // preset from the decision's legal basis
    publish(disclosure);
    at("2031-03-19T00:00:00Z");
    execute(job(DisclosureModel.EVENT_WITHDRAWAL_DUE, disclosure));
    complete(task(DisclosureModel.TASK_APPROVE_WITHDRAWAL, disclosure), withVariables("withdrawalApproved", true, "withdrawalOpinion", "同意"));
    complete(task(DisclosureModel.TASK_WITHDRAW_PUBLICATION, disclosure));
    assertThat(disclosure).isEnded().hasPassed(DisclosureModel.EVENT_WITHDRAWN);
  }

  @Test
  @DisplayName("CASE-01 REC-02 a hotline complaint is audio-recorded (COMPLAINT_HOTLINE → AUDIO); a refused filing ends the case")
  void hotlineComplaintNotFiled() {
    ProcessInstance pi = startCase("COMPLAINT", true);
    assertThat(pi).hasPassed(EnforcementCaseModel.TASK_DECIDE_HOTLINE_RECORDING).isWaitingAt(EnforcementCaseModel.TASK_PROPOSE_FILING)
        .variables().containsEntry("recordingRequirement", "AUDIO");
    proposeFiling(pi);
    complete(claimed(EnforcementCaseModel.TASK_APPROVE_FILING, pi, "head1"), withVariables("filingApproved", false, "filingApprovalOpinion", "不属于本局管辖"));
    assertThat(pi).isEnded().hasPassed(EnforcementCaseModel.EVENT_NOT_FILED).hasNotPassed(EnforcementCaseModel.TASK_OPEN_CASE);
  }

  @Test
  @DisplayName("REC-07 AUX-01 REC-03 REC-04 REC-08 CASE-05 CASE-03 CASE-04 CASE-06: certified officers checked, exempted activity reported, recording missing warned, 75-day warning, hearing by a non-investigator, legal review, collective discussion, returned draft, court enforcement")
  void hearingReviewDiscussionCourt() {
    ProcessInstance pi = startCase("DIGITAL_CITY", false);
    proposeFiling(pi);
    complete(claimed(EnforcementCaseModel.TASK_APPROVE_FILING, pi, "head1"), withVariables("filingApproved", true, "filingApprovalOpinion", "同意"));
    Task assign = task(EnforcementCaseModel.TASK_ASSIGN_INVESTIGATORS, pi);
    assertThatThrownBy(() -> taskService().complete(assign.getId(), Map.of("investigators", List.of("officer1", "aux1"))))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("investigators");
    complete(assign, withVariables("investigators", List.of("officer1", "officer2")));
    assertThat(pi).variables().containsEntry("investigators", "officer1,officer2");
    at("2026-03-03T02:00:00Z"); // PER-06: the activities are recorded on the day they happen

    plan(pi, "INTERVIEW", "SECRET_OR_PRIVACY");
    assertThat(pi).variables().containsEntry("recordingRequirement", "EXEMPT").containsEntry("writtenRecordRequired", true);
    Task exempt = task(EnforcementCaseModel.TASK_RECORD_ACTIVITY, pi);
    assertThatThrownBy(() -> taskService().complete(exempt.getId(), activityRecord(true)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("exemption");
    complete(exempt, activityRecord(true, "exemptionReason", "询问内容涉及商业秘密", "exemptionBasis", "音像记录制度第六条"));
    assertThat(task(EnforcementCaseModel.TASK_REVIEW_EXEMPTION_RECORD, pi)).hasCandidateGroup("section-head");
    complete(task(EnforcementCaseModel.TASK_REVIEW_EXEMPTION_RECORD, pi), withVariables("exemptionAccepted", "ACCEPTED", "exemptionReviewOpinion", "理由成立"));

    plan(pi, "INTERVIEW", "NONE");
    Task interview = task(EnforcementCaseModel.TASK_RECORD_ACTIVITY, pi);
    // issue 16: the second activity's record opens empty, not with the first one's answers
    assertThat(pi).variables().doesNotContainKeys("exemptionReason", "moreActivities", "credentialsShown", "activityEndedAt");
    assertThatThrownBy(() -> taskService().complete(interview.getId(), activityRecord(false)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("REC-04");
    assertThatThrownBy(() -> taskService().complete(interview.getId(),
        activityRecord(false, "recordingNoticeGiven", true, "activityOfficers", List.of("officer1", "aux1"))))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("activityOfficers");
    complete(interview, activityRecord(false, "recordingNoticeGiven", true));

    at("2026-03-04T02:00:01Z");
    execute(job(EnforcementCaseModel.EVENT_UPLOAD_DEADLINE, pi));
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_WARN_MISSING_RECORDING);
    complete(task(EnforcementCaseModel.TASK_WARN_MISSING_RECORDING, pi), withVariables("lateRecordingExplanation", "执法记录仪故障，已书面说明"));

    at("2026-05-19T00:00:00Z");
    execute(job(EnforcementCaseModel.EVENT_DECISION_WARNING_DUE, pi));
    assertThat(task(EnforcementCaseModel.TASK_WARN_DECISION_DEADLINE, pi)).hasCandidateGroup("section-head");
    complete(task(EnforcementCaseModel.TASK_WARN_DECISION_DEADLINE, pi), withVariables("deadlineMeasures", "督办，五月底前审批"));
    at("2026-03-04T02:00:00Z");

    notifyRights(pi);
    complete(task(EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE, pi), withVariables("hearingRequested", true, "hearingRequestedOn", "2026-03-04"));
    Task schedule = task(EnforcementCaseModel.TASK_SCHEDULE_HEARING, pi);
    Map<String, Object> hearing = new HashMap<>(Map.of("hearingOfficer", "officer1", "hearingDate", "2026-03-20",
        "hearingPlace", "第一听证室", "publicHearing", true));
    assertThatThrownBy(() -> taskService().complete(schedule.getId(), hearing))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("听证主持人不得为本案调查人员");
    hearing.put("hearingOfficer", "head1");
    hearing.put("hearingDate", "2026-03-06");
    assertThatThrownBy(() -> taskService().complete(schedule.getId(), hearing))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("七个工作日");
    hearing.put("hearingDate", "2026-03-20");
    complete(schedule, hearing);
    // CASE-03 / PER-01: 7 working days before Fri 20 March = Wed 11 March (not 13 March, 7 calendar days)
    assertThat(task(EnforcementCaseModel.TASK_NOTIFY_HEARING, pi)).hasDueDate(Date.from(Instant.parse("2026-03-11T16:00:00Z")));
    complete(task(EnforcementCaseModel.TASK_NOTIFY_HEARING, pi), withVariables("hearingNoticeServedOn", "2026-03-04", "hearingNoticeNumber", "云建听〔2026〕1号"));
    assertThat(pi).variables().containsEntry("recordingRequirement", "FULL_PROCESS_AV");
    assertThat(task(EnforcementCaseModel.TASK_HOLD_HEARING, pi)).isAssignedTo("head1");
    complete(task(EnforcementCaseModel.TASK_HOLD_HEARING, pi), withVariables("recordingNoticeGiven", true, "hearingRecord", "听证笔录",
        "hearingOfficerOpinion", "维持拟处罚意见"));

    Map<String, Object> reviewed = draft(false, true);
    reviewed.put("majorRightsAfterHearing", true);
    complete(claimed(EnforcementCaseModel.TASK_DRAFT_DECISION, pi, "officer1"), reviewed);
    assertThat(pi).isWaitingAt(EnforcementCaseModel.CALL_ACTIVITY_LEGAL_REVIEW).variables().containsEntry("legalReviewGround", "RIGHTS_AFTER_HEARING");
    assertThat(calledProcessInstance(LegalReviewModel.PROCESS_KEY, pi)).variables().containsEntry("investigators", "officer1,officer2");
    review(pi, "PASS");
    assertThat(task(EnforcementCaseModel.TASK_COLLECTIVE_DISCUSSION, pi)).hasCandidateGroup("director");
    complete(task(EnforcementCaseModel.TASK_COLLECTIVE_DISCUSSION, pi), withVariables("discussionParticipants", "局长、副局长、法规科", "discussionRecord", "记录",
        "discussionConclusion", "同意处罚"));
    complete(claimed(EnforcementCaseModel.TASK_APPROVE_DECISION, pi, "director1"), withVariables("decisionApproved", false, "approvalOpinion", "罚款数额请重新核定"));
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_DRAFT_DECISION);
    complete(claimed(EnforcementCaseModel.TASK_DRAFT_DECISION, pi, "officer1"), draft(false, false));
    // LR-04: a review was required once, so the changed draft is reviewed again although the answers now say no
    assertThat(pi).isWaitingAt(EnforcementCaseModel.CALL_ACTIVITY_LEGAL_REVIEW).variables().containsEntry("legalReviewRequired", false);
    review(pi, "PASS");
    // issue 16: asked again, 负责人审批决定 opens without the last round's 退回修改 (Tasklist fills forms from variables)
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_APPROVE_DECISION).variables().doesNotContainKey("decisionApproved");
    complete(claimed(EnforcementCaseModel.TASK_APPROVE_DECISION, pi, "director1"), approve());

    serveDirectly(pi, "2026-03-17");
    complete(task(EnforcementCaseModel.TASK_CHECK_COMPLIANCE, pi), withVariables("complied", false, "complianceRecord", "逾期未缴纳"));
    at("2026-04-02T02:00:00Z");
    complete(task(EnforcementCaseModel.TASK_ISSUE_REMINDER, pi), withVariables("reminderNumber", "云建催〔2026〕1号", "reminderServedOn", "2026-04-02", "reminderDays", 10));
    // 行政强制法 69: ten working days — 3 Apr, then 7–10 and 13–17 Apr (4–6 Apr 清明)
    assertThat(task(EnforcementCaseModel.TASK_RECORD_REMINDER_RESULT, pi)).hasDueDate(Date.from(Instant.parse("2026-04-17T16:00:00Z")));
    complete(task(EnforcementCaseModel.TASK_RECORD_REMINDER_RESULT, pi), withVariables("complied", false, "enforcementRoute", "COURT"));
    assertThat(task(EnforcementCaseModel.TASK_APPLY_TO_COURT, pi)).hasCandidateGroup("legal-affairs");
    at("2026-04-15T02:00:00Z");
    complete(task(EnforcementCaseModel.TASK_APPLY_TO_COURT, pi), withVariables("courtName", "云和县人民法院", "courtApplicationDate", "2026-04-15"));
    closeAndArchive(pi, "COURT_ENFORCEMENT");
    assertThat(pi).hasPassed(EnforcementCaseModel.EVENT_CASE_ARCHIVED, EnforcementCaseModel.TASK_WARN_DECISION_DEADLINE, EnforcementCaseModel.TASK_REVIEW_EXEMPTION_RECORD, EnforcementCaseModel.TASK_HOLD_HEARING);
  }

  @Test
  @DisplayName("CASE-03 LR-04 CASE-06 the hearing-request period lapses after 5 working days; review returns the case for supplementary investigation, then for changes; reminder complied")
  void requestLapsesReviewReturns() {
    ProcessInstance pi = startCase("REFERRAL", false);
    fileCase(pi);
    plan(pi, "DOCUMENT_WORK", "NONE");
    complete(task(EnforcementCaseModel.TASK_RECORD_ACTIVITY, pi), activityRecord(false));
    assertThat(pi).hasNotPassed(EnforcementCaseModel.SUB_PROCESS_UPLOAD_CHECK, EnforcementCaseModel.TASK_REVIEW_EXEMPTION_RECORD);
    notifyRights(pi);
    at("2026-03-11T16:00:01Z");
    execute(job(EnforcementCaseModel.EVENT_HEARING_REQUEST_PERIOD_OVER, pi));
    assertThat(pi).hasPassed(EnforcementCaseModel.EVENT_HEARING_REQUEST_PERIOD_OVER).isWaitingAt(EnforcementCaseModel.TASK_DRAFT_DECISION);

    complete(claimed(EnforcementCaseModel.TASK_DRAFT_DECISION, pi, "officer1"), draft(true, false));
    review(pi, "SUPPLEMENT");
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_PLAN_ACTIVITY);
    plan(pi, "DAILY_PATROL", "NONE");
    assertThat(pi).variables().containsEntry("recordingRequirement", "OPTIONAL");
    complete(task(EnforcementCaseModel.TASK_RECORD_ACTIVITY, pi), activityRecord(false, "activityDate", "2026-03-12", "activityEndedAt", "2026-03-12T10:00:00+08:00"));
    // new facts: the party is told again before the decision is drafted (CASE-03)
    notifyRightsAndWaive(pi);
    complete(claimed(EnforcementCaseModel.TASK_DRAFT_DECISION, pi, "officer1"), draft(true, false));
    review(pi, "AMEND");
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_DRAFT_DECISION);
    complete(claimed(EnforcementCaseModel.TASK_DRAFT_DECISION, pi, "officer1"), draft(true, false));
    review(pi, "PASS");
    complete(claimed(EnforcementCaseModel.TASK_APPROVE_DECISION, pi, "director1"), approve());
    serveDirectly(pi, "2026-03-17");
    complete(task(EnforcementCaseModel.TASK_CHECK_COMPLIANCE, pi), withVariables("complied", false, "complianceRecord", "未履行"));
    at("2026-04-02T02:00:00Z");
    complete(task(EnforcementCaseModel.TASK_ISSUE_REMINDER, pi), withVariables("reminderNumber", "云建催〔2026〕2号", "reminderServedOn", "2026-04-02", "reminderDays", 10));
    complete(task(EnforcementCaseModel.TASK_RECORD_REMINDER_RESULT, pi), withVariables("complied", true));
    closeAndArchive(pi, "EXECUTED");
    assertThat(pi).hasPassed(EnforcementCaseModel.GATEWAY_COMPLIED_AFTER_REMINDER, EnforcementCaseModel.EVENT_CASE_ARCHIVED).hasNotPassed(EnforcementCaseModel.GATEWAY_ENFORCEMENT_ROUTE);
  }

  @Test
  @DisplayName("LR-01 CASE-04 CASE-07 a failed legal review means no decision: the case is closed and archived without service or disclosure")
  void failedReviewClosesCase() {
    ProcessInstance pi = startCase("INSPECTION", false);
    fileCase(pi);
    plan(pi, "DOCUMENT_WORK", "NONE");
    complete(task(EnforcementCaseModel.TASK_RECORD_ACTIVITY, pi), activityRecord(false));
    notifyRightsAndWaive(pi);
    complete(claimed(EnforcementCaseModel.TASK_DRAFT_DECISION, pi, "officer1"), draft(true, false));
    review(pi, "FAIL");
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_CLOSE_CASE).hasNotPassed(EnforcementCaseModel.TASK_APPROVE_DECISION);
    closeAndArchive(pi, "REVIEW_FAILED");
    // archived: ended at once, the 75-day timer with it (issue #16); no disclosure was started
    assertThat(pi).isEnded().hasPassed(EnforcementCaseModel.EVENT_CASE_ARCHIVED).hasNotPassed(EnforcementCaseModel.TASK_START_DISCLOSURE, EnforcementCaseModel.CALL_ACTIVITY_SERVE_DECISION,
        EnforcementCaseModel.TASK_WARN_DECISION_DEADLINE);
    org.assertj.core.api.Assertions.assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  /** A waived, unreviewed case decided, its disclosure published and the decision served on 17 March; answers the disclosure. */
  private ProcessInstance decidedPublishedServed(ProcessInstance pi) {
    fileCase(pi);
    plan(pi, "DOCUMENT_WORK", "NONE");
    complete(task(EnforcementCaseModel.TASK_RECORD_ACTIVITY, pi), activityRecord(false));
    notifyRightsAndWaive(pi);
    complete(claimed(EnforcementCaseModel.TASK_DRAFT_DECISION, pi, "officer1"), draft(false, false));
    complete(claimed(EnforcementCaseModel.TASK_APPROVE_DECISION, pi, "director1"), approve());
    ProcessInstance disclosure = disclosureOf(pi);
    publish(disclosure);
    serveDirectly(pi, "2026-03-17");
    return disclosure;
  }

  @Test
  @DisplayName("PUB-05 CASE-06 a revoked decision is reported on the case and the disclosure is told (DecisionRevoked); compulsory execution decided by the head")
  void revocationAndCompulsoryExecution() {
    ProcessInstance pi = startCase("INSPECTION", false);
    ProcessInstance disclosure = decidedPublishedServed(pi);
    complete(task(EnforcementCaseModel.TASK_CHECK_COMPLIANCE, pi), withVariables("complied", false, "complianceRecord", "未履行"));
    at("2026-04-02T02:00:00Z");
    complete(task(EnforcementCaseModel.TASK_ISSUE_REMINDER, pi), withVariables("reminderNumber", "云建催〔2026〕3号", "reminderServedOn", "2026-04-02", "reminderDays", 10));
    complete(task(EnforcementCaseModel.TASK_RECORD_REMINDER_RESULT, pi), withVariables("complied", false, "enforcementRoute", "COMPULSORY"));
    assertThat(task(EnforcementCaseModel.TASK_DECIDE_COMPULSORY_EXECUTION, pi)).hasCandidateGroup("director");
    complete(task(EnforcementCaseModel.TASK_DECIDE_COMPULSORY_EXECUTION, pi), withVariables("executionDecisionNumber", "云建强〔2026〕1号",
        "executionMeasure", "划拨存款"));

    at("2026-05-06T02:00:00Z");
    // the case is found by its number: the business key is the 案号 from 立案审查 on
    String caseNumber = (String) runtimeService().getVariable(pi.getId(), "caseNumber");
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getBusinessKey()).isEqualTo(caseNumber);
    runtimeService().createMessageCorrelation(EnforcementCaseModel.MESSAGE_CASE_DECISION_REVOKED).processInstanceBusinessKey(caseNumber).correlate();
    assertThat(task(EnforcementCaseModel.TASK_RECORD_REVOCATION, pi)).hasCandidateGroup("legal-affairs");
    complete(task(EnforcementCaseModel.TASK_RECORD_REVOCATION, pi), withVariables("revocationType", "REVOKED", "revocationDocument", "云政复〔2026〕9号",
        "revokedOn", "2026-05-06", "revocationExplanation", "该决定经行政复议被撤销"));
    assertThat(pi).hasPassed(EnforcementCaseModel.TASK_NOTIFY_DISCLOSURE, EnforcementCaseModel.EVENT_REVOCATION_HANDLED).variables().containsEntry("disclosuresNotified", 1);
    assertThat(disclosure).isWaitingAt(DisclosureModel.TASK_WITHDRAW_REVOKED).variables()
        .containsEntry("revocationExplanation", "该决定经行政复议被撤销");
    complete(task(DisclosureModel.TASK_WITHDRAW_REVOKED, disclosure), withVariables("withdrawalExplanation", "决定已撤销"));
    closeAndArchive(pi, "OTHER");
    assertThat(pi).isEnded().hasPassed(EnforcementCaseModel.TASK_DECIDE_COMPULSORY_EXECUTION, EnforcementCaseModel.EVENT_DISCLOSURE_STARTED, EnforcementCaseModel.EVENT_CASE_ARCHIVED);
  }

  @Test
  @DisplayName("PUB-05 issue #16: the case ends at archive while its disclosure runs on; a revocation reported afterwards (CaseDecisionRevoked) starts case-revocation, is recorded by the legal unit and reaches the disclosure")
  void revocationAfterArchive() {
    ProcessInstance pi = startCase("INSPECTION", false);
    ProcessInstance disclosure = decidedPublishedServed(pi);
    complete(task(EnforcementCaseModel.TASK_CHECK_COMPLIANCE, pi), withVariables("complied", true, "complianceRecord", "已缴纳罚款"));
    closeAndArchive(pi, "EXECUTED");
    String caseNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("caseNumber").singleResult().getValue();
    assertThat(pi).isEnded().hasPassed(EnforcementCaseModel.EVENT_CASE_ARCHIVED);
    org.assertj.core.api.Assertions.assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(disclosure).isNotEnded().isWaitingAt(DisclosureModel.EVENT_WITHDRAWAL_DUE);

    at("2026-06-01T02:00:00Z");
    runtimeService().createMessageCorrelation(CaseRevocationModel.MESSAGE_CASE_DECISION_REVOKED).processInstanceBusinessKey(caseNumber).correlate();
    ProcessInstance revocation = runtimeService().createProcessInstanceQuery().processDefinitionKey(CaseRevocationModel.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(revocation).isWaitingAt(CaseRevocationModel.TASK_RECORD_REVOCATION).variables().containsEntry("caseNumber", caseNumber);
    assertThat(task(CaseRevocationModel.TASK_RECORD_REVOCATION, revocation)).hasCandidateGroup("legal-affairs");
    complete(task(CaseRevocationModel.TASK_RECORD_REVOCATION, revocation), withVariables("revocationType", "REVOKED", "revocationDocument", "云政复〔2026〕11号",
        "revokedOn", "2026-06-01", "revocationExplanation", "该决定经行政复议被撤销"));
    assertThat(revocation).isEnded().hasPassed(CaseRevocationModel.TASK_NOTIFY_DISCLOSURE, CaseRevocationModel.EVENT_REVOCATION_HANDLED).variables()
        .containsEntry("disclosuresNotified", 1);
    assertThat(disclosure).isWaitingAt(DisclosureModel.TASK_WITHDRAW_REVOKED).variables().containsEntry("revocationExplanation", "该决定经行政复议被撤销");
    complete(task(DisclosureModel.TASK_WITHDRAW_REVOKED, disclosure), withVariables("withdrawalExplanation", "决定已撤销"));
    assertThat(disclosure).isEnded().hasPassed(DisclosureModel.EVENT_REVOKED_WITHDRAWN);

    // a number without an archived case starts nothing
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtimeService().createMessageCorrelation(CaseRevocationModel.MESSAGE_CASE_DECISION_REVOKED)
        .processInstanceBusinessKey("云建罚〔2026〕不存在").correlate()).hasMessageContaining("PUB-05");
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(CaseRevocationModel.PROCESS_KEY)
        .processInstanceBusinessKey("云建罚〔2026〕不存在").count()).isZero();
  }

  @Test
  @DisplayName("CASE-01 AUX-01 AUX-02 roles through REST: auxiliary staff take in a case but cannot approve filing (403); the section head can")
  void rolesThroughRest() {
    Map<String, Object> start = Map.of("businessKey", "case-" + UUID.randomUUID(), "variables", Map.of(
        "source", Map.of("value", "COMPLAINT"), "viaHotline", Map.of("value", false), "partyName", Map.of("value", "王某"),
        "partyType", Map.of("value", "NATURAL_PERSON"), "partyAddress", Map.of("value", "某村"),
        "cause", Map.of("value", "占道经营"), "clueDescription", Map.of("value", "来访投诉")));
    ResponseEntity<Map> started = rest.withBasicAuth("aux1", "demo")
        .postForEntity("/engine-rest/process-definition/key/enforcement-case/submit-form", start, Map.class);
    org.assertj.core.api.Assertions.assertThat(started.getStatusCode().is2xxSuccessful()).as(String.valueOf(started.getBody())).isTrue();
    ProcessInstance pi = runtimeService().createProcessInstanceQuery().processInstanceId((String) started.getBody().get("id")).singleResult();
    proposeFiling(pi);
    String taskId = task(EnforcementCaseModel.TASK_APPROVE_FILING, pi).getId();
    Map<String, Object> body = Map.of("variables", Map.of("filingApproved", Map.of("value", true),
        "filingApprovalOpinion", Map.of("value", "同意")));
    ResponseEntity<String> aux = rest.withBasicAuth("aux1", "demo")
        .postForEntity("/engine-rest/task/{id}/submit-form", body, String.class, taskId);
    org.assertj.core.api.Assertions.assertThat(aux.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> head = rest.withBasicAuth("head1", "demo")
        .postForEntity("/engine-rest/task/{id}/submit-form", body, String.class, taskId);
    org.assertj.core.api.Assertions.assertThat(head.getStatusCode().is2xxSuccessful()).as(head.getBody()).isTrue();
    assertThat(pi).hasPassed(EnforcementCaseModel.TASK_OPEN_CASE).isWaitingAt(EnforcementCaseModel.TASK_ASSIGN_INVESTIGATORS);
  }

  // ---- issue 14: every rule enforced --------------------------------------------------------

  /** A REST submit-form as {@code user}; values are wrapped as engine-rest variables. */
  private ResponseEntity<Map> submit(String user, String taskId, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", variables), Map.class, taskId);
  }

  private static void assertRefused(ResponseEntity<Map> response, HttpStatus status, String... words) {
    org.assertj.core.api.Assertions.assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
    for (String word : words) {
      org.assertj.core.api.Assertions.assertThat(String.valueOf(response.getBody())).contains(word);
    }
  }

  private static void assertAccepted(ResponseEntity<?> response) {
    org.assertj.core.api.Assertions.assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
  }

  private ProcessInstance caseAtPartyResponse() {
    ProcessInstance pi = startCase("INSPECTION", false);
    fileCase(pi);
    plan(pi, "DOCUMENT_WORK", "NONE");
    complete(task(EnforcementCaseModel.TASK_RECORD_ACTIVITY, pi), activityRecord(false));
    notifyRights(pi); // served Wed 4 March; the request window ends Wed 11 March 24:00
    return pi;
  }

  @Test
  @DisplayName("LR-04 once legal review was required, every changed draft goes back to review: answering the review questions \"no\" after AMEND does not reach approval; the record of the held review cannot be removed or changed over REST (400)")
  void reviewRequiredOnceReviewsEveryChange() {
    ProcessInstance pi = caseAtPartyResponse();
    complete(claimed(EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE, pi, "officer1"), waiver());
    complete(claimed(EnforcementCaseModel.TASK_DRAFT_DECISION, pi, "officer1"), draft(true, false));
    review(pi, "AMEND");
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_DRAFT_DECISION).variables().containsEntry("legalReviewHeld", true);

    ResponseEntity<String> removed = rest.withBasicAuth("officer1", "demo").exchange("/engine-rest/process-instance/{id}/variables/legalReviewHeld",
        org.springframework.http.HttpMethod.DELETE, null, String.class, pi.getId());
    org.assertj.core.api.Assertions.assertThat(removed.getStatusCode()).as(removed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> changed = rest.withBasicAuth("officer1", "demo").exchange("/engine-rest/process-instance/{id}/variables/legalReviewHeld",
        org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(Map.of("value", false, "type", "Boolean")), String.class, pi.getId());
    org.assertj.core.api.Assertions.assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);

    complete(claimed(EnforcementCaseModel.TASK_DRAFT_DECISION, pi, "officer1"), draft(false, false));
    assertThat(pi).isWaitingAt(EnforcementCaseModel.CALL_ACTIVITY_LEGAL_REVIEW).hasNotPassed(EnforcementCaseModel.TASK_APPROVE_DECISION)
        .variables().containsEntry("legalReviewRequired", false);
    review(pi, "PASS");
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_APPROVE_DECISION);
  }

  @Test
  @DisplayName("CASE-03 before the 5-working-day window ends, \"no hearing\" needs the party's written waiver (document and date, PER-06), recorded by a certified officer: without it 400 naming the field, by auxiliary staff refused; after the window silence is a lapse")
  void noHearingBeforeWindowEndsNeedsWrittenWaiver() {
    ProcessInstance pi = caseAtPartyResponse();
    String taskId = task(EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE, pi).getId();
    Map<String, Object> noHearing = Map.of("hearingRequested", false, "partyStatement", "无异议");
    assertRefused(submit("officer1", taskId, noHearing), HttpStatus.BAD_REQUEST, "hearingWaiverDocument", "hearingWaiverReceivedOn", "CASE-03");

    Map<String, Object> waived = new HashMap<>(noHearing);
    waived.put("hearingWaiverDocument", "当事人书面放弃听证声明");
    waived.put("hearingWaiverReceivedOn", "2026-03-05"); // PER-06: not in the future
    assertRefused(submit("officer1", taskId, waived), HttpStatus.BAD_REQUEST, "hearingWaiverReceivedOn", "PER-06");
    waived.put("hearingWaiverReceivedOn", "2026-03-04");
    waived.put("assistedOfficer", "officer1");
    assertRefused(submit("aux1", taskId, waived), HttpStatus.BAD_REQUEST, "hearingRequested", "辅助人员不得登记");
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE);

    waived.remove("assistedOfficer");
    assertAccepted(submit("officer1", taskId, waived));
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_DRAFT_DECISION).variables().containsEntry("hearingWaiverRecordedBy", "officer1")
        .containsEntry("hearingWaiverReceivedOn", "2026-03-04");
  }

  @Test
  @DisplayName("CASE-03 PER-01 the hearing is not chaired by an investigator and its day leaves 7 working days for the notice: otherwise 400 naming the field and the requirement, the schedule stays open")
  void hearingScheduleRefusesInvestigatorAndShortNotice() {
    ProcessInstance pi = caseAtPartyResponse();
    complete(task(EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE, pi), withVariables("hearingRequested", true, "hearingRequestedOn", "2026-03-04"));
    String taskId = task(EnforcementCaseModel.TASK_SCHEDULE_HEARING, pi).getId();
    Map<String, Object> schedule = new HashMap<>(Map.of("hearingOfficer", "officer1", "hearingDate", "2026-03-20",
        "hearingPlace", "第一听证室", "publicHearing", true));
    assertRefused(submit("head1", taskId, schedule), HttpStatus.BAD_REQUEST, "hearingOfficer", "CASE-03");
    schedule.put("hearingOfficer", "head1");
    schedule.put("hearingDate", "2026-03-06");
    assertRefused(submit("head1", taskId, schedule), HttpStatus.BAD_REQUEST, "hearingDate", "PER-01", "CASE-03");
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_SCHEDULE_HEARING);

    schedule.put("hearingDate", "2026-03-20");
    assertAccepted(submit("head1", taskId, schedule));
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_NOTIFY_HEARING).variables().containsEntry("appointedHearingOfficer", "head1");
  }

  private ProcessInstance caseAtHearing() {
    ProcessInstance pi = caseAtPartyResponse();
    complete(task(EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE, pi), withVariables("hearingRequested", true, "hearingRequestedOn", "2026-03-04"));
    complete(task(EnforcementCaseModel.TASK_SCHEDULE_HEARING, pi), withVariables("hearingOfficer", "head1", "hearingDate", "2026-03-20",
        "hearingPlace", "第一听证室", "publicHearing", true));
    complete(task(EnforcementCaseModel.TASK_NOTIFY_HEARING, pi), withVariables("hearingNoticeServedOn", "2026-03-04", "hearingNoticeNumber", "云建听〔2026〕2号"));
    return pi;
  }

  @Test
  @DisplayName("CASE-03 LR-05 only the appointed hearing officer completes the hearing: an investigator's submit-form (403), reassigning or unclaiming it (403, REST and Java API) and rewriting the appointment (400) are refused; the hearing officer completes it")
  void onlyTheHearingOfficerCompletesTheHearing() {
    ProcessInstance pi = caseAtHearing();
    Task hearing = task(EnforcementCaseModel.TASK_HOLD_HEARING, pi);
    assertThat(hearing).isAssignedTo("head1");
    assertThat(pi).variables().containsEntry("appointedHearingOfficer", "head1");
    Map<String, Object> record = Map.of("recordingNoticeGiven", true, "hearingRecord", "听证笔录", "hearingOfficerOpinion", "维持拟处罚意见");

    assertRefused(submit("officer1", hearing.getId(), record), HttpStatus.FORBIDDEN, "ASSIGNED_TO_OTHER");
    org.springframework.http.HttpHeaders json = new org.springframework.http.HttpHeaders();
    json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    ResponseEntity<String> unclaimed = rest.withBasicAuth("head1", "demo").postForEntity("/engine-rest/task/{id}/unclaim",
        new org.springframework.http.HttpEntity<>("{}", json), String.class, hearing.getId());
    org.assertj.core.api.Assertions.assertThat(unclaimed.getStatusCode()).as(unclaimed.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThatThrownBy(() -> taskService().setAssignee(hearing.getId(), "officer1"))
        .isInstanceOf(cn.gov.enforcement.platform.GuardForbiddenException.class).hasMessageContaining("head1");
    ResponseEntity<String> rewritten = rest.withBasicAuth("officer1", "demo").exchange("/engine-rest/process-instance/{id}/variables/appointedHearingOfficer",
        org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(Map.of("value", "officer1", "type", "String")), String.class, pi.getId());
    org.assertj.core.api.Assertions.assertThat(rewritten.getStatusCode()).as(rewritten.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(task(EnforcementCaseModel.TASK_HOLD_HEARING, pi)).isAssignedTo("head1");

    assertAccepted(submit("head1", hearing.getId(), record));
    assertThat(pi).hasPassed(EnforcementCaseModel.TASK_HOLD_HEARING).isWaitingAt(EnforcementCaseModel.TASK_DRAFT_DECISION);
  }

  @Test
  @DisplayName("DEC-17 REC-12 CASE-01 the drafter, reviewer and approver are the users who completed the steps (server-stamped, a submitted draftedBy is refused 400); nobody approves a filing they proposed or a decision they drafted (403)")
  void doersStampedAndNoSelfApproval() {
    String both = "selftest-headofficer";
    org.camunda.bpm.engine.IdentityService identity = processEngine.getIdentityService();
    org.camunda.bpm.engine.identity.User user = identity.newUser(both);
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(both, "section-head");
    identity.createMembership(both, "enforcement-officer");
    try {
      ProcessInstance pi = startCase("INSPECTION", false);
      assertAccepted(submit(both, task(EnforcementCaseModel.TASK_PROPOSE_FILING, pi).getId(), Map.of("caseNumber", caseNumber(), "filingFacts", "现场照片",
          "suspectedViolation", "《建筑法》第七条", "filingOpinion", "建议立案")));
      assertThat(pi).variables().containsEntry("filingProposedBy", both);
      String approval = task(EnforcementCaseModel.TASK_APPROVE_FILING, pi).getId();
      Map<String, Object> approve = Map.of("filingApproved", true, "filingApprovalOpinion", "同意");
      assertRefused(submit(both, approval, approve), HttpStatus.FORBIDDEN, "SELF_APPROVAL");
      assertAccepted(submit("head1", approval, approve));
      assertThat(pi).variables().containsEntry("filingApprovedBy", "head1");

      complete(task(EnforcementCaseModel.TASK_ASSIGN_INVESTIGATORS, pi), withVariables("investigators", List.of("officer1", "officer2")));
      at("2026-03-03T02:00:00Z");
      plan(pi, "DOCUMENT_WORK", "NONE");
      complete(task(EnforcementCaseModel.TASK_RECORD_ACTIVITY, pi), activityRecord(false));
      notifyRights(pi);
      complete(claimed(EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE, pi, "officer1"), waiver());

      String draftTask = task(EnforcementCaseModel.TASK_DRAFT_DECISION, pi).getId();
      Map<String, Object> typed = new HashMap<>();
      draft(true, false).forEach(typed::put);
      typed.put("draftedBy", "director1");
      assertRefused(submit("officer1", draftTask, typed), HttpStatus.BAD_REQUEST, "draftedBy");
      typed.remove("draftedBy");
      typed.put("drafter", "director1");
      assertRefused(submit("officer1", draftTask, typed), HttpStatus.BAD_REQUEST, "drafter");
      typed.remove("drafter");
      assertAccepted(submit("officer1", draftTask, typed));
      review(pi, "PASS");
      assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_APPROVE_DECISION).variables().containsEntry("draftedBy", "officer1").containsEntry("reviewedBy", "legal1");

      at("2026-03-16T02:00:00Z");
      assertAccepted(submit("director1", task(EnforcementCaseModel.TASK_APPROVE_DECISION, pi).getId(), Map.of("decisionApproved", true,
          "decisionNumber", "云建罚决〔2026〕7号", "approvalOpinion", "同意")));
      assertThat(pi).variables().containsEntry("approvedBy", "director1").containsKey("approvedAt").containsKey("draftedAt").containsKey("reviewedAt");
      org.assertj.core.api.Assertions.assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
          .taskDefinitionKey(EnforcementCaseModel.TASK_APPROVE_DECISION).singleResult().getAssignee()).isEqualTo("director1");
    } finally {
      identity.deleteUser(both);
    }
  }

  @Test
  @DisplayName("AUX-02 a step auxiliary staff complete names the officer of the case they assist (a pick of the investigators, 400 without it or with another officer), and that officer gets a notice task in Tasklist")
  void auxiliaryNamesTheOfficerTheyAssist() {
    ProcessInstance pi = caseAtPartyResponse();
    Task response = task(EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE, pi);
    org.assertj.core.api.Assertions.assertThat(String.valueOf(taskService().getVariableLocal(response.getId(), "assistedOfficerOptions")))
        .contains("officer1").contains("officer2").doesNotContain("head1");
    Map<String, Object> request = new HashMap<>(Map.of("hearingRequested", true, "hearingRequestedOn", "2026-03-04", "partyStatement", "要求听证"));
    assertRefused(submit("aux1", response.getId(), request), HttpStatus.BAD_REQUEST, "assistedOfficer", "AUX-02");
    request.put("assistedOfficer", "head1");
    assertRefused(submit("aux1", response.getId(), request), HttpStatus.BAD_REQUEST, "assistedOfficer");
    request.put("assistedOfficer", "officer2");
    assertAccepted(submit("aux1", response.getId(), request));
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_SCHEDULE_HEARING).variables().containsEntry("assistedOfficer", "officer2").containsEntry("assistedBy", "aux1");

    ResponseEntity<List> notices = rest.withBasicAuth("officer2", "demo").getForEntity("/engine-rest/task?assignee=officer2", List.class);
    assertAccepted(notices);
    org.assertj.core.api.Assertions.assertThat(String.valueOf(notices.getBody())).contains("辅助人员代办告知：登记陈述申辩与听证申请").contains("aux1");
  }

  // ---- PER-06: dates the system can trust -----------------------------------------------------

  @Test
  @DisplayName("PER-06 the filing date is the server's date of the approval: a submitted filingDate is refused (400 naming the field), filedOn is today")
  void filingDateIsTheServers() {
    ProcessInstance pi = startCase("INSPECTION", false);
    proposeFiling(pi);
    String taskId = task(EnforcementCaseModel.TASK_APPROVE_FILING, pi).getId();
    Map<String, Object> typed = Map.of("variables", Map.of("filingApproved", Map.of("value", true),
        "filingDate", Map.of("value", "2026-02-01"), "filingApprovalOpinion", Map.of("value", "同意")));
    ResponseEntity<Map> refused = rest.withBasicAuth("head1", "demo")
        .postForEntity("/engine-rest/task/{id}/submit-form", typed, Map.class, taskId);
    org.assertj.core.api.Assertions.assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat((String) refused.getBody().get("message"))
        .contains("字段 filingDate 由系统填写").contains("filingDate is written by the server");
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_APPROVE_FILING);

    at("2026-03-05T15:59:59Z"); // 23:59:59 Thursday 5 March in Beijing
    complete(claimed(EnforcementCaseModel.TASK_APPROVE_FILING, pi, "head1"), withVariables("filingApproved", true, "filingApprovalOpinion", "同意"));
    assertThat(pi).variables().containsEntry("filedOn", "2026-03-05").containsEntry("filingDate", "2026-03-05");
    org.assertj.core.api.Assertions.assertThat(job(EnforcementCaseModel.EVENT_DECISION_WARNING_DUE, pi).getDuedate()).isEqualTo(periods.endOfDays("2026-03-05", 75));
  }

  @Test
  @DisplayName("CASE-01 the case number is the case's business key and fixed once filing is proposed: changing or removing it over engine-rest (instance or task-local variable, patch deletions, submit-form) or the Java API is refused (400) and changes nothing; writing the same number is harmless")
  void caseNumberFixedOnceRegistered() {
    ProcessInstance pi = startCase("INSPECTION", false);
    proposeFiling(pi);
    String number = (String) runtimeService().getVariable(pi.getId(), "caseNumber");
    org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
        .singleResult().getBusinessKey()).isEqualTo(number);
    String taskId = task(EnforcementCaseModel.TASK_APPROVE_FILING, pi).getId();

    Map<String, Object> forged = Map.of("value", "云建立〔2026〕999号", "type", "String");
    // staff hold no variable permissions (403); even the administrator, who holds them all, is refused by the guard
    for (String path : List.of("/engine-rest/process-instance/{id}/variables/caseNumber", "/engine-rest/task/{id}/variables/caseNumber",
        "/engine-rest/task/{id}/localVariables/caseNumber")) {
      String target = path.contains("/task/") ? taskId : pi.getId();
      assertRefused(rest.withBasicAuth("head1", "demo").exchange(path, org.springframework.http.HttpMethod.PUT,
          new org.springframework.http.HttpEntity<>(forged), Map.class, target), HttpStatus.FORBIDDEN);
      assertRefused(rest.withBasicAuth("admin", "demo").exchange(path, org.springframework.http.HttpMethod.PUT,
          new org.springframework.http.HttpEntity<>(forged), Map.class, target), HttpStatus.BAD_REQUEST, "不得更改", "cannot change");
    }
    // removing it is refused as well (admin; staff hold no variable permissions)
    assertRefused(rest.withBasicAuth("admin", "demo").exchange("/engine-rest/process-instance/{id}/variables/caseNumber",
        org.springframework.http.HttpMethod.DELETE, null, Map.class, pi.getId()), HttpStatus.BAD_REQUEST, "不得删除", "cannot be removed");
    assertRefused(rest.withBasicAuth("admin", "demo").postForEntity("/engine-rest/process-instance/{id}/variables",
        Map.of("deletions", List.of("caseNumber")), Map.class, pi.getId()), HttpStatus.BAD_REQUEST, "cannot be removed");
    Map<String, Object> approval = new HashMap<>(Map.of("filingApproved", true, "filingApprovalOpinion", "同意", "caseNumber", "云建立〔2026〕999号"));
    assertRefused(submit("head1", taskId, approval), HttpStatus.BAD_REQUEST, "caseNumber");
    assertThatThrownBy(() -> runtimeService().setVariable(pi.getId(), "caseNumber", "云建立〔2026〕998号"))
        .isInstanceOf(GuardBadRequestException.class).hasMessageContaining("cannot change");

    ResponseEntity<Map> same = rest.withBasicAuth("admin", "demo").exchange("/engine-rest/task/{id}/variables/caseNumber",
        org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(Map.of("value", number, "type", "String")), Map.class, taskId);
    assertAccepted(same);
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_APPROVE_FILING).variables().containsEntry("caseNumber", number);
    org.assertj.core.api.Assertions.assertThat(taskService().getVariableLocal(taskId, "caseNumber")).isNull();
  }

  private ProcessInstance caseAtRightsNotice() {
    at("2026-03-02T02:00:00Z");
    ProcessInstance pi = startCase("INSPECTION", false);
    fileCase(pi);
    String recording = upload(pi, "ONSITE_INSPECTION");
    plan(pi, "ONSITE_INSPECTION", "NONE");
    complete(task(EnforcementCaseModel.TASK_RECORD_ACTIVITY, pi), activityRecord(false, "recordingNoticeGiven", true, "activityRecordingIds", List.of(recording)));
    at("2026-03-10T02:00:00Z"); // Tue 10 March
    return pi;
  }

  private ResponseEntity<Map> submitRightsNotice(ProcessInstance pi, String servedOn, String reason) {
    Map<String, Object> variables = new HashMap<>(Map.of("rightsNoticeNumber", Map.of("value", "云建告〔2026〕9号"),
        "intendedPenalty", Map.of("value", "罚款五万元"), "hearingRightGranted", Map.of("value", true),
        "rightsNoticeServedOn", Map.of("value", servedOn)));
    if (reason != null) {
      variables.put("lateEntryReason", Map.of("value", reason));
    }
    return rest.withBasicAuth("officer1", "demo").postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", variables), Map.class, task(EnforcementCaseModel.TASK_NOTIFY_RIGHTS, pi).getId());
  }

  @ParameterizedTest(name = "served on {0}: refused on {1}")
  @DisplayName("PER-06 a typed outside date may not lie in the future nor before the previous step; more than 3 days back needs a reason — a 400 naming the field")
  @CsvSource({
      "2026-03-11, rightsNoticeServedOn, 不能晚于今天",
      "2026-03-01, rightsNoticeServedOn, 不能早于本案上一环节的日期 2026-03-02",
      "2026-03-06, lateEntryReason, 属补录",
  })
  void outsideDateRefused(String servedOn, String field, String words) {
    ProcessInstance pi = caseAtRightsNotice();
    ResponseEntity<Map> refused = submitRightsNotice(pi, servedOn, null);
    org.assertj.core.api.Assertions.assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat(refused.getBody().get("error")).isEqualTo("FORM_INVALID");
    org.assertj.core.api.Assertions.assertThat((String) refused.getBody().get("message"))
        .contains("字段 " + field).contains("field " + field).contains(words).contains("PER-06");
    assertThat(pi).isWaitingAt(EnforcementCaseModel.TASK_NOTIFY_RIGHTS);
  }

  @Test
  @DisplayName("PER-06 an outside date 3 days back is in time; one further back with a reason is accepted and marked 补录 for later steps")
  void lateEntryMarked() {
    ProcessInstance inTime = caseAtRightsNotice();
    org.assertj.core.api.Assertions.assertThat(submitRightsNotice(inTime, "2026-03-07", null).getStatusCode().is2xxSuccessful()).isTrue();
    org.assertj.core.api.Assertions.assertThat(runtimeService().getVariable(inTime.getId(), "rightsNoticeServedOnLateEntry")).isNull();
    org.assertj.core.api.Assertions.assertThat(runtimeService().getVariable(inTime.getId(), "lateEntries")).isNull();

    ProcessInstance late = caseAtRightsNotice();
    ResponseEntity<Map> accepted = submitRightsNotice(late, "2026-03-05", "送达回证遗失后补回");
    org.assertj.core.api.Assertions.assertThat(accepted.getStatusCode().is2xxSuccessful()).as(String.valueOf(accepted.getBody())).isTrue();
    assertThat(late).isWaitingAt(EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE).variables()
        .containsEntry("rightsNoticeServedOnLateEntry", true)
        .containsEntry("lateEntries", "补录：告知书送达日期 2026-03-05（2026-03-10 录入；原因：送达回证遗失后补回）")
        .doesNotContainKey("lateEntryReason");
    // the period still runs from the day the party received the notice
    assertThat(task(EnforcementCaseModel.TASK_RECORD_PARTY_RESPONSE, late)).hasDueDate(periods.endOfPenaltyDays("2026-03-05", 5));
  }
}
