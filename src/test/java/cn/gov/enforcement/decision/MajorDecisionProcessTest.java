package cn.gov.enforcement.decision;

import static cn.gov.enforcement.platform.ProcessTestSupport.as;
import static cn.gov.enforcement.platform.ProcessTestSupport.at;
import static cn.gov.enforcement.platform.ProcessTestSupport.resetClock;
import static cn.gov.enforcement.platform.ProcessTestSupport.open;
import static cn.gov.enforcement.platform.ProcessTestSupport.completeAs;
import static cn.gov.enforcement.platform.ProcessTestSupport.vars;
import cn.gov.enforcement.delivery.DocumentServiceModel;
import cn.gov.enforcement.disclosure.DisclosureModel;
import cn.gov.enforcement.platform.MinimumProcessCoverage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import cn.gov.enforcement.calendar.Periods;
import cn.gov.enforcement.review.LegalReviewModel;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import cn.gov.enforcement.deadlines.ServerToday;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * major-decision (重大行政决策程序), one test per path, time moved with the engine clock. Every
 * task is claimed by a demo user of its candidate group before it is completed, because the
 * procedure records who did each step (DEC-17).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MajorDecisionProcessTest {

  /** At least 90% of the model's flow nodes and sequence flows are covered by this class. */
  @org.junit.jupiter.api.extension.RegisterExtension
  static final MinimumProcessCoverage COVERAGE = new MinimumProcessCoverage(MajorDecisionModel.PROCESS_KEY, 0.9);

  static final String KEY = MajorDecisionModel.PROCESS_KEY;

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  @Autowired TestRestTemplate rest;
  @Autowired org.camunda.bpm.engine.ManagementService managementService;
  @Autowired Periods periods;

  @BeforeEach
  void setUp() {
    init(processEngine);
    at("2026-09-10T02:00:00Z");
  }

  @AfterEach
  void tearDown() {
    resetClock();
  }

  // ------------------------------------------------------------------ helpers

  static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
    Map<String, Object> map = new HashMap<>(base);
    map.putAll(vars(pairs));
    return map;
  }

  ProcessInstance start(String proposedBy) {
    Map<String, Object> start = vars("title", "城区占道经营管理办法", "category", "OTHER", "proposedBy", proposedBy,
        "proposer", "市容科", "proposalSummary", "规范城区占道经营");
    if ("DIRECTOR".equals(proposedBy)) {
      start.put("leadUnit", "市容科");
      start.put("outsideCatalogueReason", "汛期前须出台，年初未列入目录"); // DEC-18
    }
    // the director's own proposal is registered by the director (DEC-02: the initiator decides)
    String initiator = "DIRECTOR".equals(proposedBy) ? "director1" : "head1";
    return as(initiator, () -> runtimeService.startProcessInstanceByKey(KEY, "DEC-" + System.nanoTime(), start));
  }

  static Map<String, Object> research(boolean confidential, boolean hearing) {
    Map<String, Object> values = vars("draftPlan", "方案：划定临时摊区", "draftExplanation", "必要、合法、可行",
        "contested", false, "confidential", confidential,
        "franchiseGrantOrWithdrawal", false, "majorLicenceOrPenaltyHearing", false, "publicFeeOrPrice", false,
        "normativeDocumentPublicInterest", false, "majorPublicDisagreement", hearing, "requiredByLaw", false);
    if (confidential) {
      values.put("confidentialityBasis", "涉及安保部署");
    }
    return values;
  }

  static final Map<String, Object> EXPERTS = vars("experts", List.of("expert1", "expert2", "expert3"),
      "expertSelectionMethod", "RANDOM", "selectionNote", "随机抽取，含持不同意见专家", "noConflictOfInterest", true);

  void expertArgument(ProcessInstance pi) {
    completeAs(pi, MajorDecisionModel.TASK_SELECT_EXPERTS, "head1", EXPERTS);
    for (String expert : List.of("expert1", "expert2", "expert3")) {
      Task task = taskService.createTaskQuery().processInstanceId(pi.getId())
          .taskDefinitionKey(MajorDecisionModel.TASK_EXPERT_OPINION).taskAssignee(expert).singleResult();
      complete(task, vars("expertOpinion", expert + "：方案可行", "signed", true));
    }
    for (int i = 0; i < 3; i++) {
      completeAs(pi, MajorDecisionModel.TASK_HANDLE_EXPERT_OPINION, "officer1",
          vars("expertOpinionClass", "SUPPORT", "expertAdopted", true));
    }
  }

  static final Map<String, Object> CONSULTATION = vars("consultationStart", "2026-09-11", "consultationDays", 20L,
      "shortPeriodReason", "汛期前须出台", "submissionMethods", "信函、电子邮件", "contactUnit", "市容科",
      "contactAddress", "永兴县某路1号", "contactPhone", "0735-0000000", "contactEmail", "cg@example.gov.cn",
      "publicationChannel", "县政府门户网站");

  void consultation(ProcessInstance pi) {
    completeAs(pi, MajorDecisionModel.TASK_PUBLISH_DRAFT, "head1", CONSULTATION);
    registerOpinion(pi, "aux1", "摊区请避开学校门口");
    execute(job(MajorDecisionModel.EVENT_CONSULTATION_CLOSED, pi));
    completeAs(pi, MajorDecisionModel.TASK_HANDLE_PUBLIC_OPINIONS, "officer1", vars("opinionHandling", rows(row(1, true, null)),
        "opinionClassification", "摊区位置建议", "handlingPublicationChannel", "县政府门户网站"));
  }

  /** One registration of one opinion received during the consultation (登记征集意见). */
  void registerOpinion(ProcessInstance pi, String user, String content) {
    Map<String, Object> opinion = vars("opinionSubmitter", "张三", "opinionChannel", "EMAIL", "opinionContent", content);
    if ("aux1".equals(user)) {
      opinion.put("assistedOfficer", "officer1"); // AUX-02: an auxiliary names the officer they assist
    }
    completeAs(pi, MajorDecisionModel.TASK_REGISTER_OPINIONS, user, opinion);
  }

  /** A row of the handling form's list, as Tasklist submits it. */
  static Map<String, Object> row(int no, boolean adopted, String reason) {
    Map<String, Object> row = new java.util.LinkedHashMap<>();
    row.put("no", no);
    row.put("adopted", adopted);
    if (reason != null) {
      row.put("notAdoptedReason", reason);
    }
    return row;
  }

  @SafeVarargs
  static Object rows(Map<String, Object>... rows) {
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(json(List.of(rows))).create();
  }

  /** Director's own proposal, researched, argued by experts, with or without consultation. */
  ProcessInstance toReview(boolean confidential) {
    ProcessInstance pi = start("DIRECTOR");
    completeAs(pi, MajorDecisionModel.TASK_RESEARCH_DRAFT, "officer1", research(confidential, false));
    expertArgument(pi);
    if (!confidential) {
      consultation(pi);
    }
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_REVIEW_DRAFT);
    return pi;
  }

  void deputyApproves(ProcessInstance pi) {
    completeAs(pi, MajorDecisionModel.TASK_REVIEW_DRAFT, "deputy1", vars("deputyApproved", true, "deputyOpinion", "同意提交"));
  }

  ProcessInstance legalReviewOf(ProcessInstance pi) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
  }

  void legalReview(ProcessInstance pi, String outcome) {
    ProcessInstance review = legalReviewOf(pi);
    assertThat(review).isWaitingAt(LegalReviewModel.TASK_REVIEW_LEGALITY);
    Map<String, Object> values = vars("reviewOutcome", outcome, "reviewOpinion", "合法性审查意见",
        "extensionRequested", false, "findingCrimeReferral", "NO_REFERRAL");
    for (String point : List.of("findingBody", "findingOfficers", "findingAuthority", "findingFacts", "findingEvidence",
        "findingLegalBasis", "findingProcedure", "findingDiscretion", "findingDocuments")) {
      values.put(point, "CONFORMS");
    }
    completeAs(review, LegalReviewModel.TASK_REVIEW_LEGALITY, "legal1", values);
  }

  void prepareMeeting(ProcessInstance pi) {
    // AUX-02: the auxiliary names the officer they assist, who is told
    refused(pi, MajorDecisionModel.TASK_PREPARE_MEETING, "aux1", vars("meetingDate", "2026-11-10", "meetingMaterials", "草案、说明、审查意见"), "assistedOfficer");
    completeAs(pi, MajorDecisionModel.TASK_PREPARE_MEETING, "aux1", vars("meetingDate", "2026-11-10", "meetingMaterials", "草案、说明、审查意见",
        "assistedOfficer", "officer1"));
    org.assertj.core.api.Assertions.assertThat(taskService.createTaskQuery().taskAssignee("officer1")
        .taskNameLike("辅助人员代办告知：准备局长办公会材料%").count()).isPositive();
  }

  /** The meeting's values; the meeting day is the server's (PER-06), so the clock moves to {@code date}. */
  static Map<String, Object> deliberation(String majority, String outcome, String date) {
    at(date + "T02:00:00Z");
    return vars("speechLeadUnit", "承办单位说明", "speechLegalUnit", "法制机构意见",
        "speechMembers", "班子成员意见", "speechDeputy", "分管副局长意见", "speechDirector", "局长意见",
        "majorityView", majority, "deliberationOutcome", outcome, "dissent", "无", "minutes", "会议纪要",
        "higherApprovalRequired", false);
  }

  /** Confidential matter, no hearing, straight to the meeting. */
  ProcessInstance toDeliberation() {
    ProcessInstance pi = toReview(true);
    deputyApproves(pi);
    legalReview(pi, "PASS");
    prepareMeeting(pi);
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_DELIBERATE);
    return pi;
  }

  static Map<String, Object> monitoring() {
    // an outside date: the report was published today (PER-06)
    return vars("implementationReport", "执行正常", "reportPublishedOn", ServerToday.today().toString(), "evaluatedBy", "EXPERT",
        "evaluation", "效果良好");
  }

  void refused(ProcessInstance pi, String taskKey, String user, Map<String, Object> values, String message) {
    Task task = open(pi, taskKey);
    if (task.getAssignee() == null) {
      taskService.claim(task.getId(), user);
    }
    assertThatThrownBy(() -> taskService.complete(task.getId(), values)).hasMessageContaining(message);
    assertThat(pi).isWaitingAt(taskKey);
  }

  /** The materials go out through document-service (直接送达), the service date comes back. */
  void confirmAndServe(ProcessInstance pi, String servedOn) {
    at(servedOn + "T02:00:00Z"); // the service date is an outside date: not in the future (PER-06)
    completeAs(pi, MajorDecisionModel.TASK_CONFIRM_PARTICIPANTS, "head1", vars("confirmedParticipants", 20L,
        "participantList", "张三等 20 人及其地址", "materialsServiceMethod", "DIRECT"));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_SERVE_HEARING_MATERIALS);
    ProcessInstance service = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    assertThat(service).hasProcessDefinitionKey(DocumentServiceModel.PROCESS_KEY).isWaitingAt(DocumentServiceModel.TASK_SERVE_DIRECTLY);
    complete(task(service), withVariables("served", true, "receiptSignedBy", "张三", "signerRelation", "RECIPIENT",
        "serviceDate", servedOn, "servedBy", "officer1"));
  }

  Date due(Task task) {
    return taskService.createTaskQuery().taskId(task.getId()).singleResult().getDueDate();
  }

  // ------------------------------------------------------------------ paths

  @Test
  @DisplayName("DEC-02 DEC-01 他人提出的建议经局长不予立项，记录理由后结束 / a proposal the director refuses ends with the reason")
  void admissionRefused() {
    ProcessInstance pi = start("UNIT");
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_ADMIT_PROPOSAL).variables().containsEntry("category", "OTHER");
    assertThat(task(pi)).hasCandidateGroup("director");
    refused(pi, MajorDecisionModel.TASK_ADMIT_PROPOSAL, "director1", vars("admitted", false), "rejectionReason");

    completeAs(pi, MajorDecisionModel.TASK_ADMIT_PROPOSAL, "director1", vars("admitted", false, "rejectionReason", "不属于本局职权"));

    assertThat(pi).isEnded().hasPassed(MajorDecisionModel.EVENT_PROPOSAL_REJECTED).hasNotPassed(MajorDecisionModel.TASK_RESEARCH_DRAFT)
        .variables().containsEntry("rejectionReason", "不属于本局职权").containsEntry("admittedBy", "director1");
  }

  @Test
  @DisplayName("DEC-02 局长提出与否由登记人（认证用户）决定：科室负责人声明 proposedBy=DIRECTOR 经 /engine-rest start 或 submit-form 均 400、不建实例；局长本人登记的直接进入程序 / proposedBy=DIRECTOR only from an initiator in director")
  void directorOriginIsTheInitiators() {
    String businessKey = "DEC-ORIGIN-" + System.nanoTime();
    Map<String, Object> body = Map.of("businessKey", businessKey, "variables", Map.of(
        "title", Map.of("value", "城区占道经营管理办法"), "category", Map.of("value", "OTHER"),
        "proposedBy", Map.of("value", "DIRECTOR"), "proposer", Map.of("value", "局长办公室"),
        "proposalSummary", Map.of("value", "规范城区占道经营"), "leadUnit", Map.of("value", "市容科"),
        "outsideCatalogueReason", Map.of("value", "汛期前须出台")));
    for (String path : List.of("/engine-rest/process-definition/key/major-decision/start",
        "/engine-rest/process-definition/key/major-decision/submit-form")) {
      ResponseEntity<Map> claimed = rest.withBasicAuth("head1", "demo").postForEntity(path, body, Map.class);
      org.assertj.core.api.Assertions.assertThat(claimed.getStatusCode()).as(path + " " + claimed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      org.assertj.core.api.Assertions.assertThat((String) claimed.getBody().get("message"))
          .contains("proposedBy").contains("局长").contains("director").contains("DEC-02");
    }
    org.assertj.core.api.Assertions.assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count()).isZero();

    ResponseEntity<Map> director = rest.withBasicAuth("director1", "demo")
        .postForEntity("/engine-rest/process-definition/key/major-decision/submit-form", body, Map.class);
    org.assertj.core.api.Assertions.assertThat(director.getStatusCode().is2xxSuccessful()).as(String.valueOf(director.getBody())).isTrue();
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_RESEARCH_DRAFT).hasNotPassed(MajorDecisionModel.TASK_ADMIT_PROPOSAL)
        .variables().containsEntry("registeredBy", "director1");
  }

  Map<String, Object> startBody(String proposedBy, Object... more) {
    Map<String, Object> variables = new HashMap<>(Map.of("title", Map.of("value", "城区停车收费调整"), "category", Map.of("value", "FEE_OR_PRICE"),
        "proposedBy", Map.of("value", proposedBy), "proposer", Map.of("value", "市政科"), "proposalSummary", Map.of("value", "调整收费"),
        "leadUnit", Map.of("value", "市政科")));
    for (int i = 0; i < more.length; i += 2) {
      variables.put((String) more[i], Map.of("value", more[i + 1]));
    }
    return Map.of("businessKey", "DEC-CAT-" + System.nanoTime(), "variables", variables);
  }

  ResponseEntity<Map> startOverRest(String user, Map<String, Object> body) {
    return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/process-definition/key/major-decision/submit-form", body, Map.class);
  }

  ProcessInstance byKey(Map<String, Object> body) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey((String) body.get("businessKey")).singleResult();
  }

  @Test
  @DisplayName("DEC-18 年度重大行政决策目录由局长通过并公布（他人 403）；目录内事项注明编号（须为本年度目录中的），目录外事项须有局长记录的理由方可进入程序（局长本人登记时或立项审查时），他人不得代填 / the yearly catalogue: adopted by the director, published; a matter outside it needs the director's recorded reason")
  void yearlyCatalogue() {
    Map<String, Object> catalogueBody = Map.of("items", List.of(Map.of("title", "城区停车收费调整", "category", "FEE_OR_PRICE"),
        Map.of("title", "城区占道经营管理办法", "category", "OTHER")));
    ResponseEntity<Map> byHead = rest.withBasicAuth("head1", "demo").exchange("/api/decision-catalogue/2026",
        org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(catalogueBody), Map.class);
    org.assertj.core.api.Assertions.assertThat(byHead.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map> noItems = rest.withBasicAuth("director1", "demo").exchange("/api/decision-catalogue/2026",
        org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(Map.of("items", List.of())), Map.class);
    org.assertj.core.api.Assertions.assertThat(noItems.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat((String) noItems.getBody().get("message")).contains("items").contains("DEC-18");
    ResponseEntity<Map> adopted = rest.withBasicAuth("director1", "demo").exchange("/api/decision-catalogue/2026",
        org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(catalogueBody), Map.class);
    org.assertj.core.api.Assertions.assertThat(adopted.getStatusCode()).as(String.valueOf(adopted.getBody())).isEqualTo(HttpStatus.OK);
    ResponseEntity<Map> read = rest.withBasicAuth("officer1", "demo").getForEntity("/api/decision-catalogue/2026", Map.class);
    org.assertj.core.api.Assertions.assertThat(read.getBody()).containsEntry("adoptedBy", "director1").containsEntry("published", true);
    org.assertj.core.api.Assertions.assertThat(String.valueOf(read.getBody().get("items"))).contains("2026-01").contains("城区停车收费调整")
        .contains("2026-02");

    // an item number that is not in this year's adopted catalogue
    ResponseEntity<Map> unknown = startOverRest("head1", startBody("UNIT", "catalogueItemNo", "2026-09"));
    org.assertj.core.api.Assertions.assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat((String) unknown.getBody().get("message")).contains("catalogueItemNo").contains("DEC-18");
    // the reason is the director's: a section head may not give it
    ResponseEntity<Map> headReason = startOverRest("head1", startBody("UNIT", "outsideCatalogueReason", "急需"));
    org.assertj.core.api.Assertions.assertThat(headReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat((String) headReason.getBody().get("message")).contains("outsideCatalogueReason");
    // the director's own proposal outside the catalogue needs the director's reason at once
    ResponseEntity<Map> directorNoReason = startOverRest("director1", startBody("DIRECTOR"));
    org.assertj.core.api.Assertions.assertThat(directorNoReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat((String) directorNoReason.getBody().get("message")).contains("outsideCatalogueReason");

    // in the catalogue: admitted without a reason
    Map<String, Object> inCatalogue = startBody("UNIT", "catalogueItemNo", "2026-01");
    org.assertj.core.api.Assertions.assertThat(startOverRest("head1", inCatalogue).getStatusCode().is2xxSuccessful()).isTrue();
    ProcessInstance listed = byKey(inCatalogue);
    assertThat(listed).variables().containsEntry("inCatalogue", true).containsEntry("catalogueItemTitle", "城区停车收费调整");
    completeAs(listed, MajorDecisionModel.TASK_ADMIT_PROPOSAL, "director1", vars("admitted", true, "leadUnit", "市政科"));
    assertThat(listed).isWaitingAt(MajorDecisionModel.TASK_RESEARCH_DRAFT);

    // outside the catalogue: the director admits it only with a reason, which is recorded as the director's
    Map<String, Object> outside = startBody("UNIT");
    org.assertj.core.api.Assertions.assertThat(startOverRest("head1", outside).getStatusCode().is2xxSuccessful()).isTrue();
    ProcessInstance unlisted = byKey(outside);
    ResponseEntity<Map> noReason = submit(unlisted, MajorDecisionModel.TASK_ADMIT_PROPOSAL, "director1", vars("admitted", true, "leadUnit", "市政科"));
    org.assertj.core.api.Assertions.assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat((String) noReason.getBody().get("message")).contains("outsideCatalogueReason").contains("DEC-18");
    ResponseEntity<Map> reasoned = submit(unlisted, MajorDecisionModel.TASK_ADMIT_PROPOSAL, "director1", vars("admitted", true, "leadUnit", "市政科",
        "outsideCatalogueReason", "上级部署的临时任务"));
    org.assertj.core.api.Assertions.assertThat(reasoned.getStatusCode().is2xxSuccessful()).as(String.valueOf(reasoned.getBody())).isTrue();
    assertThat(unlisted).isWaitingAt(MajorDecisionModel.TASK_RESEARCH_DRAFT).variables().containsEntry("inCatalogue", false)
        .containsEntry("outsideCatalogueReason", "上级部署的临时任务").containsEntry("outsideCatalogueApprovedBy", "director1");
  }

  @Test
  @DisplayName("DEC-02 经局长立项并指定承办单位后进入调查研究 / an admitted proposal names the lead unit and enters research")
  void admitted() {
    ProcessInstance pi = start("PUBLIC");
    completeAs(pi, MajorDecisionModel.TASK_ADMIT_PROPOSAL, "director1", vars("admitted", true, "leadUnit", "市容科",
        "outsideCatalogueReason", "群众反映强烈，须年内解决"));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_RESEARCH_DRAFT).variables().containsEntry("leadUnit", "市容科");
    assertThat(task(pi)).hasCandidateGroup("section-head").hasCandidateGroup("enforcement-officer");
  }

  @Test
  @DisplayName("DEC-02 DEC-03 局长提出的建议直接进入程序；有争议的须有至少两个备选方案 / the director's proposal enters directly; contested research needs 2 alternatives")
  void directorProposalAndContestedResearch() {
    ProcessInstance pi = start("DIRECTOR");
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_RESEARCH_DRAFT).hasNotPassed(MajorDecisionModel.TASK_ADMIT_PROPOSAL);

    Map<String, Object> contested = with(research(false, false), "contested", true,
        "alternative1", "方案一", "alternative1Grounds", "依据一");
    refused(pi, MajorDecisionModel.TASK_RESEARCH_DRAFT, "officer1", contested, "alternative2");

    completeAs(pi, MajorDecisionModel.TASK_RESEARCH_DRAFT, "officer1",
        with(contested, "alternative2", "方案二", "alternative2Grounds", "依据二"));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_SELECT_EXPERTS).variables()
        .containsEntry("draftedBy", "officer1").containsEntry("investigators", "officer1");
  }

  @Test
  @DisplayName("DEC-04 DEC-06 至少 3 名不同专家并行出具经签名的书面意见，每份不采纳的各自说明理由 / ≥ 3 distinct experts in parallel, signed opinions, reasons for non-adoption")
  void expertArgumentByThreeExperts() {
    ProcessInstance pi = start("DIRECTOR");
    completeAs(pi, MajorDecisionModel.TASK_RESEARCH_DRAFT, "officer1", research(false, false));
    refused(pi, MajorDecisionModel.TASK_SELECT_EXPERTS, "head1", with(EXPERTS, "experts", List.of("expert1", "expert2", "expert1")), "3");
    refused(pi, MajorDecisionModel.TASK_SELECT_EXPERTS, "head1", with(EXPERTS, "experts", List.of("expert1", "expert2", "officer2")), "officer2");

    completeAs(pi, MajorDecisionModel.TASK_SELECT_EXPERTS, "head1", EXPERTS);

    List<Task> opinions = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(MajorDecisionModel.TASK_EXPERT_OPINION).list();
    org.assertj.core.api.Assertions.assertThat(opinions).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder("expert1", "expert2", "expert3");
    Task first = opinions.get(0);
    assertThatThrownBy(() -> taskService.complete(first.getId(),
        vars("expertOpinion", "意见", "signed", false))).isNotNull();
    for (Task opinion : opinions) {
      complete(opinion, vars("expertOpinion", "意见：" + opinion.getAssignee(), "signed", true));
    }
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_HANDLE_EXPERT_OPINION).variables()
        .containsEntry("expertOpinion_expert2", "意见：expert2").containsKey("expertSignedAt_expert3");

    refused(pi, MajorDecisionModel.TASK_HANDLE_EXPERT_OPINION, "officer1",
        vars("expertOpinionClass", "OPPOSE", "expertAdopted", false), "expertNotAdoptedReason");
    completeAs(pi, MajorDecisionModel.TASK_HANDLE_EXPERT_OPINION, "officer1", vars("expertOpinionClass", "OPPOSE", "expertAdopted", false,
        "expertNotAdoptedReason", "与上位法不符"));
    completeAs(pi, MajorDecisionModel.TASK_HANDLE_EXPERT_OPINION, "officer1", vars("expertOpinionClass", "SUPPORT", "expertAdopted", true));
    completeAs(pi, MajorDecisionModel.TASK_HANDLE_EXPERT_OPINION, "officer1", vars("expertOpinionClass", "PARTIAL", "expertAdopted", true));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_PUBLISH_DRAFT).variables().containsValue("与上位法不符");
  }

  @Test
  @DisplayName("DEC-04 MDR 19–21 论证专家只能从专家库（expert 组用户）中选择，至少 3 名不同专家，登记有利害关系的专家不得选任；拒绝为 400 并指明字段 / experts are picked from the registered experts, ≥ 3, none with a recorded interest")
  void expertsFromTheRegisterWithoutInterest() {
    boolean created = identityService.createUserQuery().userId("expert4").count() == 0;
    if (created) {
      var user = identityService.newUser("expert4");
      user.setLastName("专家");
      user.setFirstName("四");
      identityService.saveUser(user);
      identityService.createMembership("expert4", "expert");
    }
    try {
      ProcessInstance pi = start("DIRECTOR");
      // completed over REST: the pick list is filled inside officer1's request, who may not list users
      ResponseEntity<Map> researched = submit(pi, MajorDecisionModel.TASK_RESEARCH_DRAFT, "officer1", research(false, false));
      org.assertj.core.api.Assertions.assertThat(researched.getStatusCode().is2xxSuccessful()).as(String.valueOf(researched.getBody())).isTrue();
      Task selection = open(pi, MajorDecisionModel.TASK_SELECT_EXPERTS);
      org.assertj.core.api.Assertions.assertThat(String.valueOf(taskService.getVariableLocal(selection.getId(), "expertOptions")))
          .contains("\"expert1\"").contains("\"expert4\"").doesNotContain("officer1");
      // typed text instead of a pick from the register
      ResponseEntity<Map> typed = submit(pi, MajorDecisionModel.TASK_SELECT_EXPERTS, "head1", with(EXPERTS, "experts", "expert1,expert2,expert3"));
      org.assertj.core.api.Assertions.assertThat(typed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      org.assertj.core.api.Assertions.assertThat((String) typed.getBody().get("message")).contains("experts");
      // an expert with a recorded interest in the matter
      ResponseEntity<Map> interested = submit(pi, MajorDecisionModel.TASK_SELECT_EXPERTS, "head1",
          with(EXPERTS, "interestedExperts", List.of("expert3")));
      org.assertj.core.api.Assertions.assertThat(interested.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      org.assertj.core.api.Assertions.assertThat((String) interested.getBody().get("message"))
          .contains("experts").contains("expert3").contains("利害关系").contains("DEC-04");
      refused(pi, MajorDecisionModel.TASK_SELECT_EXPERTS, "head1", with(EXPERTS, "experts", List.of("expert1", "expert2")), "3");
      assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_SELECT_EXPERTS);

      ResponseEntity<Map> accepted = submit(pi, MajorDecisionModel.TASK_SELECT_EXPERTS, "head1",
          with(EXPERTS, "experts", List.of("expert1", "expert2", "expert4"), "interestedExperts", List.of("expert3")));
      org.assertj.core.api.Assertions.assertThat(accepted.getStatusCode().is2xxSuccessful()).as(String.valueOf(accepted.getBody())).isTrue();
      assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_EXPERT_OPINION).variables().containsEntry("expertInterests", "expert3");
      org.assertj.core.api.Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId())
          .taskDefinitionKey(MajorDecisionModel.TASK_EXPERT_OPINION).list()).extracting(Task::getAssignee)
          .containsExactlyInAnyOrder("expert1", "expert2", "expert4");
    } finally {
      if (created) {
        identityService.deleteUser("expert4");
      }
    }
  }

  @Test
  @DisplayName("DEC-04 专家签名即完成论证任务的专家本人（服务器记录），不接受填写的姓名、他人代签或在表单旁写入签名变量；后续归纳任务显示签署人 / the signature is the expert who completes the task")
  void expertSignatureIsTheCompletingExpert() {
    ProcessInstance pi = start("DIRECTOR");
    completeAs(pi, MajorDecisionModel.TASK_RESEARCH_DRAFT, "officer1", research(false, false));
    completeAs(pi, MajorDecisionModel.TASK_SELECT_EXPERTS, "head1", EXPERTS);
    Task mine = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(MajorDecisionModel.TASK_EXPERT_OPINION).taskAssignee("expert1").singleResult();
    Map<String, Object> opinion = vars("expertOpinion", "方案可行", "signed", true);

    ResponseEntity<Map> typedName = rest.withBasicAuth("expert1", "demo").postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", Map.of("expertOpinion", Map.of("value", "方案可行"), "signed", Map.of("value", true, "type", "Boolean"),
            "signatureName", Map.of("value", "expert2"))), Map.class, mine.getId());
    org.assertj.core.api.Assertions.assertThat(typedName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat((String) typedName.getBody().get("message")).contains("signatureName");
    ResponseEntity<Map> forged = rest.withBasicAuth("expert1", "demo").postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", Map.of("expertOpinion", Map.of("value", "方案可行"), "signed", Map.of("value", true, "type", "Boolean"),
            "expertSignedBy_expert1", Map.of("value", "expert2"))), Map.class, mine.getId());
    org.assertj.core.api.Assertions.assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat(String.valueOf(forged.getBody())).contains("expertSignedBy_expert1");
    ResponseEntity<Map> otherExpert = rest.withBasicAuth("expert2", "demo").postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", Map.of("expertOpinion", Map.of("value", "方案可行"), "signed", Map.of("value", true, "type", "Boolean"))),
        Map.class, mine.getId());
    org.assertj.core.api.Assertions.assertThat(otherExpert.getStatusCode().is4xxClientError()).as(String.valueOf(otherExpert.getBody())).isTrue();
    org.assertj.core.api.Assertions.assertThat(taskService.createTaskQuery().taskId(mine.getId()).count()).isOne();

    ResponseEntity<Map> signed = rest.withBasicAuth("expert1", "demo").postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", Map.of("expertOpinion", Map.of("value", "方案可行"), "signed", Map.of("value", true, "type", "Boolean"))),
        Map.class, mine.getId());
    org.assertj.core.api.Assertions.assertThat(signed.getStatusCode().is2xxSuccessful()).as(String.valueOf(signed.getBody())).isTrue();
    for (String expert : List.of("expert2", "expert3")) {
      complete(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(MajorDecisionModel.TASK_EXPERT_OPINION)
          .taskAssignee(expert).singleResult(), opinion);
    }
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_HANDLE_EXPERT_OPINION).variables()
        .containsEntry("expertSignedBy_expert1", "expert1").containsEntry("expertSignedBy_expert3", "expert3");
    org.assertj.core.api.Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(MajorDecisionModel.TASK_HANDLE_EXPERT_OPINION).list())
        .extracting(t -> taskService.getVariableLocal(t.getId(), "shownSignedBy"))
        .containsExactlyInAnyOrder("expert1", "expert2", "expert3");
  }

  @Test
  @DisplayName("DEC-05 DEC-06 征求意见期间可随时多次登记意见，登记只随期满定时器关闭（2026-09-11 起 20 日至 2026-10-08 24:00）；少于 30 日须说明理由 / opinions are registered any number of times; the register closes with the one consultation timer")
  void consultationEndsOnlyByTimer() {
    ProcessInstance pi = start("DIRECTOR");
    completeAs(pi, MajorDecisionModel.TASK_RESEARCH_DRAFT, "officer1", research(false, false));
    expertArgument(pi);
    Map<String, Object> noReason = new HashMap<>(CONSULTATION);
    noReason.remove("shortPeriodReason");
    refused(pi, MajorDecisionModel.TASK_PUBLISH_DRAFT, "head1", noReason, "shortPeriodReason");
    refused(pi, MajorDecisionModel.TASK_PUBLISH_DRAFT, "head1", with(CONSULTATION, "consultationDays", 15L), "consultationDays");

    completeAs(pi, MajorDecisionModel.TASK_PUBLISH_DRAFT, "head1", CONSULTATION);

    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_REGISTER_OPINIONS);
    org.assertj.core.api.Assertions.assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().count())
        .as("one consultation timer").isOne();
    Job timer = job(MajorDecisionModel.EVENT_CONSULTATION_CLOSED, pi);
    org.assertj.core.api.Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-10-08T16:00:00Z")));
    // opinions are registered any number of times while the consultation is open; none closes it
    registerOpinion(pi, "aux1", "摊区请避开学校门口");
    at("2026-09-20T02:00:00Z");
    registerOpinion(pi, "officer1", "延长夜市时段");
    at("2026-10-08T15:59:00Z");
    registerOpinion(pi, "records1", "增设垃圾桶");
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_REGISTER_OPINIONS).hasNotPassed(MajorDecisionModel.TASK_HANDLE_PUBLIC_OPINIONS)
        .variables().containsEntry("opinionsReceived", 3L);
    org.assertj.core.api.Assertions.assertThat(String.valueOf(runtimeService.getVariable(pi.getId(), "publicOpinions")))
        .contains("\"no\":3").contains("增设垃圾桶").contains("\"registeredBy\":\"records1\"");
    org.assertj.core.api.Assertions.assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().list())
        .as("still one consultation timer, due as before").singleElement()
        .satisfies(j -> org.assertj.core.api.Assertions.assertThat(j.getDuedate()).isEqualTo(timer.getDuedate()));

    // the timer closes the register: the open registration goes, the handling lists the three opinions
    at("2026-10-08T16:00:01Z");
    execute(job(MajorDecisionModel.EVENT_CONSULTATION_CLOSED, pi));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_HANDLE_PUBLIC_OPINIONS).isNotWaitingAt(MajorDecisionModel.TASK_REGISTER_OPINIONS);
    org.assertj.core.api.Assertions.assertThat(String.valueOf(taskService.getVariable(open(pi, MajorDecisionModel.TASK_HANDLE_PUBLIC_OPINIONS).getId(),
        "opinionHandling"))).contains("摊区请避开学校门口").contains("延长夜市时段").contains("增设垃圾桶").doesNotContain("张三");
    completeAs(pi, MajorDecisionModel.TASK_HANDLE_PUBLIC_OPINIONS, "officer1", vars("opinionHandling", rows(row(1, true, null), row(2, true, null),
        row(3, true, null)), "opinionClassification", "位置 1 条，时段 1 条，设施 1 条", "handlingPublicationChannel", "县政府门户网站"));
    assertThat(pi).hasPassed(MajorDecisionModel.TASK_DETERMINE_HEARING).isWaitingAt(MajorDecisionModel.TASK_REVIEW_DRAFT)
        .variables().containsEntry("hearingDecision", Map.of("hearingRequired", false, "hearingGround", "NONE"))
        .containsEntry("opinionsAdopted", 3L);
  }

  @Test
  @DisplayName("DEC-06 每条未采纳的公众意见各有理由（逐条，不是一段文字），缺一即 400；采纳情况及理由经行政执法公示（disclosure）公布，不只记日期；处理结果由服务器写入，不能在表单旁提交 / each non-adopted opinion has its own reason; the handling is published through disclosure")
  void opinionHandlingPublishedWithAReasonEach() {
    ProcessInstance pi = start("DIRECTOR");
    completeAs(pi, MajorDecisionModel.TASK_RESEARCH_DRAFT, "officer1", research(false, false));
    expertArgument(pi);
    completeAs(pi, MajorDecisionModel.TASK_PUBLISH_DRAFT, "head1", CONSULTATION);
    registerOpinion(pi, "aux1", "摊区请避开学校门口");
    registerOpinion(pi, "aux1", "取消全部摊区");
    registerOpinion(pi, "aux1", "允许占用盲道");
    at("2026-10-08T16:00:01Z");
    execute(job(MajorDecisionModel.EVENT_CONSULTATION_CLOSED, pi));
    Map<String, Object> handling = vars("opinionClassification", "位置 1 条，取消 1 条，盲道 1 条",
        "handlingPublicationChannel", "县政府门户网站");

    // one reason for two opinions not adopted is not enough
    ResponseEntity<Map> oneReason = submit(pi, MajorDecisionModel.TASK_HANDLE_PUBLIC_OPINIONS, "officer1", with(handling, "opinionHandling",
        List.of(row(1, true, null), row(2, false, "与上位法不符"), row(3, false, null))));
    org.assertj.core.api.Assertions.assertThat(oneReason.getStatusCode()).as(String.valueOf(oneReason.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat((String) oneReason.getBody().get("message")).contains("notAdoptedReason");
    // an opinion left out of the handling
    refused(pi, MajorDecisionModel.TASK_HANDLE_PUBLIC_OPINIONS, "officer1", with(handling, "opinionHandling", rows(row(1, true, null), row(2, true, null))), "3");
    // the handling record beside the form
    ResponseEntity<Map> beside = submit(pi, MajorDecisionModel.TASK_HANDLE_PUBLIC_OPINIONS, "officer1", with(handling,
        "opinionHandling", List.of(row(1, true, null), row(2, true, null), row(3, true, null)), "publicOpinionHandling", "[]"));
    org.assertj.core.api.Assertions.assertThat(beside.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat(String.valueOf(beside.getBody())).contains("publicOpinionHandling");
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_HANDLE_PUBLIC_OPINIONS);

    ResponseEntity<Map> accepted = submit(pi, MajorDecisionModel.TASK_HANDLE_PUBLIC_OPINIONS, "officer1", with(handling, "opinionHandling",
        List.of(row(1, true, null), row(2, false, "取消摊区不利于就业"), row(3, false, "占用盲道违反无障碍环境建设法"))));
    org.assertj.core.api.Assertions.assertThat(accepted.getStatusCode().is2xxSuccessful()).as(String.valueOf(accepted.getBody())).isTrue();
    assertThat(pi).hasPassed(MajorDecisionModel.TASK_PUBLISH_OPINION_HANDLING).isWaitingAt(MajorDecisionModel.TASK_REVIEW_DRAFT).variables()
        .containsEntry("opinionsReceived", 3L).containsEntry("opinionsAdopted", 1L).containsEntry("handlingPublishedOn", "2026-10-09");
    org.assertj.core.api.Assertions.assertThat(String.valueOf(runtimeService.getVariable(pi.getId(), "publicOpinionHandling")))
        .contains("取消摊区不利于就业").contains("占用盲道违反无障碍环境建设法");

    ProcessInstance disclosure = runtimeService.createProcessInstanceQuery().processDefinitionKey(DisclosureModel.PROCESS_KEY)
        .processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
    assertThat(disclosure).isWaitingAt(DisclosureModel.TASK_PREPARE_DISCLOSURE).variables()
        .containsEntry("disclosureType", "DECISION_CONSULTATION").containsEntry("decidedOn", "2026-10-09");
    org.assertj.core.api.Assertions.assertThat((String) runtimeService.getVariable(disclosure.getId(), "disclosureSummary"))
        .contains("共收到意见 3 条，采纳 1 条").contains("2. 取消全部摊区 —— 不予采纳，理由：取消摊区不利于就业")
        .contains("3. 允许占用盲道 —— 不予采纳，理由：占用盲道违反无障碍环境建设法").doesNotContain("张三");
    org.assertj.core.api.Assertions.assertThat(runtimeService.getVariable(pi.getId(), "opinionDisclosureId")).isEqualTo(disclosure.getId());
  }

  @Test
  @DisplayName("DEC-05 DEC-15 依法不得公开的事项不征求公众意见、不公布结果 / a confidential matter skips consultation and publication")
  void confidentialMatter() {
    ProcessInstance pi = toDeliberation();
    completeAs(pi, MajorDecisionModel.TASK_DELIBERATE, "director1", deliberation("APPROVE", "APPROVE", "2026-11-10"));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_MONITOR_IMPLEMENTATION)
        .hasNotPassed(MajorDecisionModel.TASK_PUBLISH_DRAFT, MajorDecisionModel.EVENT_CONSULTATION_CLOSED, MajorDecisionModel.TASK_PUBLISH_RESULT);
  }

  @Test
  @DisplayName("DEC-07 DEC-08 DEC-09 听证：局长指定主持人，不少于 20 人且各类代表齐全，公告 15 日前、材料 10 日前（遇休息日提前） / hearing with chair, 20 participants, notice and materials due dates")
  void hearing() {
    ProcessInstance pi = start("DIRECTOR");
    completeAs(pi, MajorDecisionModel.TASK_RESEARCH_DRAFT, "officer1", research(false, true));
    expertArgument(pi);
    consultation(pi);
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_APPOINT_HEARING_CHAIR)
        .variables().containsEntry("hearingDecision", Map.of("hearingRequired", true, "hearingGround", "PUBLIC_DISAGREEMENT"));
    assertThat(task(pi)).hasCandidateGroup("director");
    completeAs(pi, MajorDecisionModel.TASK_APPOINT_HEARING_CHAIR, "director1", vars("hearingChair", "张主持"));

    Map<String, Object> plan = vars("hearingDate", "2026-10-29", "hearingPlace", "县政务中心", "citizensCount", 10L,
        "npcDeputiesCount", 3L, "cppccMembersCount", 3L, "expertsCount", 3L, "registrationConditions", "本县居民");
    refused(pi, MajorDecisionModel.TASK_PLAN_HEARING, "head1", plan, "20");
    refused(pi, MajorDecisionModel.TASK_PLAN_HEARING, "head1", with(plan, "citizensCount", 17L, "cppccMembersCount", 0L), "cppccMembersCount");
    // today is 2026-09-10: a hearing on 2026-09-24 would need its notice by 2026-09-09
    refused(pi, MajorDecisionModel.TASK_PLAN_HEARING, "head1", with(plan, "citizensCount", 11L, "hearingDate", "2026-09-24"), "15");
    completeAs(pi, MajorDecisionModel.TASK_PLAN_HEARING, "head1", with(plan, "citizensCount", 11L));

    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_PUBLISH_HEARING_NOTICE);
    Task notice = open(pi, MajorDecisionModel.TASK_PUBLISH_HEARING_NOTICE);
    org.assertj.core.api.Assertions.assertThat(due(notice)).isEqualTo(periods.latestBefore("2026-10-29", 15))
        .isEqualTo(Date.from(Instant.parse("2026-10-14T16:00:00Z")));
    completeAs(pi, MajorDecisionModel.TASK_PUBLISH_HEARING_NOTICE, "records1", vars("noticeChannel", "网站"));

    Task confirm = open(pi, MajorDecisionModel.TASK_CONFIRM_PARTICIPANTS);
    org.assertj.core.api.Assertions.assertThat(due(confirm)).isEqualTo(periods.latestBefore("2026-10-29", 10))
        .isEqualTo(Date.from(Instant.parse("2026-10-19T16:00:00Z")));
    confirmAndServe(pi, "2026-10-14");
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_HOLD_HEARING).variables().containsEntry("materialsServedOn", "2026-10-14");

    completeAs(pi, MajorDecisionModel.TASK_HOLD_HEARING, "officer1", vars("attendedCount", 20L, "hearingRecord", "笔录",
        "hearingOpinionsHandling", "已吸收"));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_REVIEW_DRAFT).hasNotPassed(MajorDecisionModel.TASK_RESCHEDULE_HEARING)
        .variables().containsEntry("hearingChair", "张主持").containsEntry("hearingParticipants", 20L);
  }

  @Test
  @DisplayName("DEC-09 公告或材料逾期则另定听证日期，不得缩短期限举行 / a missed notice or materials deadline requires a new hearing date")
  void hearingRescheduled() {
    ProcessInstance pi = start("DIRECTOR");
    completeAs(pi, MajorDecisionModel.TASK_RESEARCH_DRAFT, "officer1", research(true, true));
    expertArgument(pi);
    completeAs(pi, MajorDecisionModel.TASK_APPOINT_HEARING_CHAIR, "director1", vars("hearingChair", "张主持"));
    completeAs(pi, MajorDecisionModel.TASK_PLAN_HEARING, "head1", vars("hearingDate", "2026-10-29", "hearingPlace", "县政务中心",
        "citizensCount", 11L, "npcDeputiesCount", 3L, "cppccMembersCount", 3L, "expertsCount", 3L,
        "registrationConditions", "本县居民"));

    // the notice is published after its last day (2026-10-14)
    at("2026-10-15T02:00:00Z");
    completeAs(pi, MajorDecisionModel.TASK_PUBLISH_HEARING_NOTICE, "records1", vars("noticeChannel", "网站"));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_RESCHEDULE_HEARING).hasNotPassed(MajorDecisionModel.TASK_CONFIRM_PARTICIPANTS);
    refused(pi, MajorDecisionModel.TASK_RESCHEDULE_HEARING, "head1", vars("hearingDate", "2026-10-29", "rescheduleReason", "公告逾期"), "15");
    completeAs(pi, MajorDecisionModel.TASK_RESCHEDULE_HEARING, "head1", vars("hearingDate", "2026-11-20", "rescheduleReason", "公告逾期"));

    completeAs(pi, MajorDecisionModel.TASK_PUBLISH_HEARING_NOTICE, "records1", vars("noticeChannel", "网站"));
    // the materials are served after their last day (2026-11-10)
    at("2026-11-11T02:00:00Z");
    confirmAndServe(pi, "2026-11-11");
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_RESCHEDULE_HEARING).hasNotPassed(MajorDecisionModel.TASK_HOLD_HEARING);
    completeAs(pi, MajorDecisionModel.TASK_RESCHEDULE_HEARING, "head1", vars("hearingDate", "2026-12-10", "rescheduleReason", "材料逾期"));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_PUBLISH_HEARING_NOTICE);
    org.assertj.core.api.Assertions.assertThat(due(open(pi, MajorDecisionModel.TASK_PUBLISH_HEARING_NOTICE)))
        .isEqualTo(periods.latestBefore("2026-12-10", 15));
  }

  @Test
  @DisplayName("DEC-10 DEC-11 DEC-17 分管副局长审核后方可合法性审查；退回补充（SUPPLEMENT）后修改再审 / deputy review first; SUPPLEMENT returns for supplementing")
  void reviewReturns() {
    ProcessInstance pi = toReview(true);
    assertThat(task(pi)).hasCandidateGroup("deputy-director");
    completeAs(pi, MajorDecisionModel.TASK_REVIEW_DRAFT, "deputy1", vars("deputyApproved", false, "deputyOpinion", "补充可行性论证"));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_REVISE_DRAFT).variables().containsEntry("reviewedBy", "deputy1");
    completeAs(pi, MajorDecisionModel.TASK_REVISE_DRAFT, "officer2", vars("draftPlan", "修改稿", "revisionNote", "补充论证"));
    // issue 16: the revised draft's review opens without the last round's 退回 (Tasklist fills forms from variables)
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_REVIEW_DRAFT).variables().doesNotContainKey("deputyApproved");

    deputyApproves(pi);
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_LEGAL_REVIEW);
    assertThat(legalReviewOf(pi)).variables().containsEntry("investigators", "officer1,officer2");
    legalReview(pi, "SUPPLEMENT");
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_REVISE_DRAFT).variables().containsEntry("reviewOutcome", "SUPPLEMENT");
    completeAs(pi, MajorDecisionModel.TASK_REVISE_DRAFT, "officer1", vars("draftPlan", "补充稿", "revisionNote", "补充调查"));
    deputyApproves(pi);
    legalReview(pi, "PASS");
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_PREPARE_MEETING).variables().containsEntry("legalReviewer", "legal1");
  }

  @Test
  @DisplayName("DEC-11 LR-01 合法性审查不通过的草案不提交审议 / a failed legality review blocks deliberation")
  void legalReviewFails() {
    ProcessInstance pi = toReview(true);
    deputyApproves(pi);
    legalReview(pi, "FAIL");
    assertThat(pi).isEnded().hasPassed(MajorDecisionModel.EVENT_BLOCKED_BY_LEGAL_REVIEW).hasNotPassed(MajorDecisionModel.TASK_DELIBERATE);
  }

  @Test
  @DisplayName("DEC-10 DEC-12 DEC-17 按顺序记录发言和不同意见；决定与多数意见不一致须说明理由；再次审议、修改后再议、不通过 / speaking order, dissent, director against the majority, REDELIBERATE, MODIFY, REJECT")
  void deliberationOutcomes() {
    ProcessInstance pi = toDeliberation();
    Map<String, Object> noLegalSpeech = deliberation("REDELIBERATE", "REDELIBERATE", "2026-11-10");
    noLegalSpeech.remove("speechLegalUnit");
    refused(pi, MajorDecisionModel.TASK_DELIBERATE, "director1", noLegalSpeech, "speechLegalUnit");
    refused(pi, MajorDecisionModel.TASK_DELIBERATE, "director1", deliberation("APPROVE", "REDELIBERATE", "2026-11-10"), "directorReason");

    completeAs(pi, MajorDecisionModel.TASK_DELIBERATE, "director1", with(deliberation("APPROVE", "REDELIBERATE", "2026-11-10"),
        "directorReason", "尚有重大分歧", "dissent", "两名成员反对"));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_PREPARE_MEETING).variables().containsEntry("dissent", "两名成员反对");
    prepareMeeting(pi);
    completeAs(pi, MajorDecisionModel.TASK_DELIBERATE, "director1", deliberation("MODIFY", "MODIFY", "2026-11-17"));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_REVISE_DRAFT);
    completeAs(pi, MajorDecisionModel.TASK_REVISE_DRAFT, "officer1", vars("draftPlan", "修改稿", "revisionNote", "按会议意见修改"));
    deputyApproves(pi);
    legalReview(pi, "PASS");
    prepareMeeting(pi);
    completeAs(pi, MajorDecisionModel.TASK_DELIBERATE, "director1", deliberation("REJECT", "REJECT", "2026-11-24"));
    assertThat(pi).isEnded().hasPassed(MajorDecisionModel.EVENT_DECISION_REJECTED).variables().containsEntry("approvedBy", "director1");
  }

  @Test
  @DisplayName("DEC-13 暂缓后 3 个月内重新审议则再次审议，否则自动退出重大决策程序 / DEFER: resumed in time → deliberation again; else Event_ExitedProcedure")
  void deferral() {
    at("2026-07-01T02:00:00Z");
    ProcessInstance pi = toDeliberation();
    completeAs(pi, MajorDecisionModel.TASK_DELIBERATE, "director1", deliberation("DEFER", "DEFER", "2026-07-06"));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_RESUME_DEFERRED);
    org.assertj.core.api.Assertions.assertThat(job(MajorDecisionModel.EVENT_DEFERRAL_EXPIRED, pi).getDuedate())
        .isEqualTo(periods.endOfMonths("2026-07-06", 3)).isEqualTo(Date.from(Instant.parse("2026-10-08T16:00:00Z")));
    // 6 October falls in the National Day holiday: extended to the first working day (PER-02)
    completeAs(pi, MajorDecisionModel.TASK_RESUME_DEFERRED, "director1", vars("resumed", true, "resumeNote", "条件成熟"));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_PREPARE_MEETING);
    prepareMeeting(pi);

    completeAs(pi, MajorDecisionModel.TASK_DELIBERATE, "director1", deliberation("DEFER", "DEFER", "2026-07-13"));
    at("2026-10-13T16:00:01Z");
    execute(job(MajorDecisionModel.EVENT_DEFERRAL_EXPIRED, pi));
    assertThat(pi).isEnded().hasPassed(MajorDecisionModel.EVENT_EXITED_PROCEDURE).hasNotPassed(MajorDecisionModel.TASK_PUBLISH_RESULT);
  }

  @Test
  @DisplayName("DEC-14 DEC-15 须报上级批准的等待批复，批复之日起 20 日内公布结果 / higher approval awaited; publication due 20 days after the answer")
  void higherApproval() {
    ProcessInstance pi = toReview(false);
    deputyApproves(pi);
    legalReview(pi, "PASS");
    prepareMeeting(pi);
    completeAs(pi, MajorDecisionModel.TASK_DELIBERATE, "director1",
        with(deliberation("APPROVE", "APPROVE", "2026-11-02"), "higherApprovalRequired", true));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_RECORD_HIGHER_APPROVAL).hasNotPassed(MajorDecisionModel.TASK_PUBLISH_RESULT);
    at("2026-11-09T02:00:00Z"); // the answer arrives; its date is an outside date (PER-06)
    completeAs(pi, MajorDecisionModel.TASK_RECORD_HIGHER_APPROVAL, "records1", vars("submittedTo", "COUNTY_GOVERNMENT",
        "submittedOn", "2026-11-06", "higherApproved", true, "higherApprovalDate", "2026-11-09"));

    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_PUBLISH_RESULT).variables().containsEntry("decisionDate", "2026-11-09");
    org.assertj.core.api.Assertions.assertThat(due(open(pi, MajorDecisionModel.TASK_PUBLISH_RESULT)))
        .isEqualTo(periods.endOfDays("2026-11-09", 20)).isEqualTo(Date.from(Instant.parse("2026-11-30T16:00:00Z")));
    // 20 days end on Sunday 29 November: extended to Monday (PER-02)
    at("2026-11-20T02:00:00Z");
    completeAs(pi, MajorDecisionModel.TASK_PUBLISH_RESULT, "records1", vars("resultPublicationChannel", "县政府门户网站"));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_MONITOR_IMPLEMENTATION).variables().containsEntry("resultPublishedOn", "2026-11-20");
  }

  @Test
  @DisplayName("DEC-14 上级未批准的，程序结束 / refused by the county government")
  void higherApprovalRefused() {
    ProcessInstance pi = toDeliberation();
    completeAs(pi, MajorDecisionModel.TASK_DELIBERATE, "director1",
        with(deliberation("APPROVE", "APPROVE", "2026-11-02"), "higherApprovalRequired", true));
    at("2026-11-20T02:00:00Z");
    completeAs(pi, MajorDecisionModel.TASK_RECORD_HIGHER_APPROVAL, "director1", vars("submittedTo", "PEOPLES_CONGRESS",
        "submittedOn", "2026-11-18", "higherApproved", false, "higherApprovalDate", "2026-11-20"));
    assertThat(pi).isEnded().hasPassed(MajorDecisionModel.EVENT_HIGHER_APPROVAL_REFUSED);
  }

  @Test
  @DisplayName("DEC-15 DEC-16 逾期未公布的督办局长；执行跟踪评估后继续、暂缓、恢复、修订、停止 / overdue publication escalates to the director; continue / suspend / revise / stop")
  void publicationAndImplementation() {
    ProcessInstance pi = toReview(false);
    deputyApproves(pi);
    legalReview(pi, "PASS");
    prepareMeeting(pi);
    completeAs(pi, MajorDecisionModel.TASK_DELIBERATE, "director1", deliberation("APPROVE", "APPROVE", "2026-11-02"));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_PUBLISH_RESULT);
    Job overdue = job(MajorDecisionModel.EVENT_PUBLICATION_OVERDUE, pi);
    org.assertj.core.api.Assertions.assertThat(overdue.getDuedate()).isEqualTo(periods.endOfDays("2026-11-02", 20));

    at("2026-11-23T16:00:01Z");
    execute(overdue);
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_PUBLISH_RESULT, MajorDecisionModel.TASK_ESCALATE_PUBLICATION);
    completeAs(pi, MajorDecisionModel.TASK_ESCALATE_PUBLICATION, "director1", vars("escalationInstruction", "即日公布"));
    completeAs(pi, MajorDecisionModel.TASK_PUBLISH_RESULT, "records1", vars("resultPublicationChannel", "县政府门户网站"));
    assertThat(pi).variables().containsEntry("resultPublishedOn", "2026-11-24"); // 00:00:01 Beijing, 24 November

    completeAs(pi, MajorDecisionModel.TASK_MONITOR_IMPLEMENTATION, "officer1", monitoring());
    completeAs(pi, MajorDecisionModel.TASK_DECIDE_IMPLEMENTATION, "director1",
        vars("implementationDecision", "CONTINUE", "implementationDecisionReason", "执行正常"));
    at("2027-02-24T16:00:01Z");
    execute(job(MajorDecisionModel.EVENT_NEXT_REPORT_PERIOD, pi)); // the next period's report (DEC-16)
    completeAs(pi, MajorDecisionModel.TASK_MONITOR_IMPLEMENTATION, "officer1", monitoring());
    completeAs(pi, MajorDecisionModel.TASK_DECIDE_IMPLEMENTATION, "director1",
        vars("implementationDecision", "SUSPEND", "implementationDecisionReason", "收到异议"));
    completeAs(pi, MajorDecisionModel.TASK_LIFT_SUSPENSION, "director1", vars("suspensionLifted", true, "suspensionNote", "异议已处理"));
    completeAs(pi, MajorDecisionModel.TASK_MONITOR_IMPLEMENTATION, "officer1", monitoring());
    completeAs(pi, MajorDecisionModel.TASK_DECIDE_IMPLEMENTATION, "director1",
        vars("implementationDecision", "SUSPEND", "implementationDecisionReason", "再次异议"));
    completeAs(pi, MajorDecisionModel.TASK_LIFT_SUSPENSION, "director1", vars("suspensionLifted", false, "suspensionNote", "不再执行"));
    assertThat(pi).isEnded().hasPassed(MajorDecisionModel.EVENT_IMPLEMENTATION_STOPPED, MajorDecisionModel.EVENT_ESCALATION_HANDLED);
  }

  @Test
  @DisplayName("DEC-16 执行情况报告按期进行（每 3 个月，自结果公布/决定之日起计），本期届满由定时器开启下一期，直至局长结束跟踪监督 / implementation reports are periodic until the director ends the supervision")
  void implementationReportsArePeriodic() {
    ProcessInstance pi = toDeliberation();
    completeAs(pi, MajorDecisionModel.TASK_DELIBERATE, "director1", deliberation("APPROVE", "APPROVE", "2026-11-02"));
    // confidential: no publication, the periods count from the decision day
    Task first = open(pi, MajorDecisionModel.TASK_MONITOR_IMPLEMENTATION);
    org.assertj.core.api.Assertions.assertThat(due(first)).isEqualTo(periods.endOfMonths("2026-11-02", 3));
    completeAs(pi, MajorDecisionModel.TASK_MONITOR_IMPLEMENTATION, "officer1", monitoring());
    completeAs(pi, MajorDecisionModel.TASK_DECIDE_IMPLEMENTATION, "director1",
        vars("implementationDecision", "CONTINUE", "implementationDecisionReason", "执行正常"));
    // the report of this period is done early: the next one opens only when the period ends
    assertThat(pi).isWaitingAt(MajorDecisionModel.EVENT_NEXT_REPORT_PERIOD).isNotWaitingAt(MajorDecisionModel.TASK_MONITOR_IMPLEMENTATION)
        .variables().containsEntry("implementationReportNo", 1L);
    Job period = job(MajorDecisionModel.EVENT_NEXT_REPORT_PERIOD, pi);
    org.assertj.core.api.Assertions.assertThat(period.getDuedate()).isEqualTo(periods.endOfMonths("2026-11-02", 3))
        .isEqualTo(Date.from(Instant.parse("2027-02-02T16:00:00Z")));
    at("2027-02-02T16:00:01Z");
    execute(period);
    Task second = open(pi, MajorDecisionModel.TASK_MONITOR_IMPLEMENTATION);
    org.assertj.core.api.Assertions.assertThat(due(second)).isEqualTo(periods.endOfMonths("2026-11-02", 6));
    completeAs(pi, MajorDecisionModel.TASK_MONITOR_IMPLEMENTATION, "officer1", monitoring());
    completeAs(pi, MajorDecisionModel.TASK_DECIDE_IMPLEMENTATION, "director1",
        vars("implementationDecision", "END_SUPERVISION", "implementationDecisionReason", "决策已执行完毕"));
    assertThat(pi).isEnded().hasPassed(MajorDecisionModel.EVENT_SUPERVISION_ENDED).hasNotPassed(MajorDecisionModel.EVENT_IMPLEMENTATION_STOPPED)
        .variables().containsEntry("implementationReportNo", 2L);
  }

  @Test
  @DisplayName("DEC-16 决定修订的，回到草案修改并重新审核、审查、审议；停止执行即结束 / REVISE goes back to drafting; STOP ends")
  void implementationRevisedThenStopped() {
    ProcessInstance pi = toDeliberation();
    completeAs(pi, MajorDecisionModel.TASK_DELIBERATE, "director1", deliberation("APPROVE", "APPROVE", "2026-11-02"));
    completeAs(pi, MajorDecisionModel.TASK_MONITOR_IMPLEMENTATION, "officer1", monitoring());
    completeAs(pi, MajorDecisionModel.TASK_DECIDE_IMPLEMENTATION, "director1",
        vars("implementationDecision", "REVISE", "implementationDecisionReason", "情况变化"));
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_REVISE_DRAFT);
    completeAs(pi, MajorDecisionModel.TASK_REVISE_DRAFT, "officer1", vars("draftPlan", "修订稿", "revisionNote", "情况变化"));
    deputyApproves(pi);
    legalReview(pi, "PASS");
    prepareMeeting(pi);
    completeAs(pi, MajorDecisionModel.TASK_DELIBERATE, "director1", deliberation("APPROVE", "APPROVE", "2026-11-09"));
    completeAs(pi, MajorDecisionModel.TASK_MONITOR_IMPLEMENTATION, "officer1", monitoring());
    completeAs(pi, MajorDecisionModel.TASK_DECIDE_IMPLEMENTATION, "director1",
        vars("implementationDecision", "STOP", "implementationDecisionReason", "目标已实现"));
    assertThat(pi).isEnded().hasPassed(MajorDecisionModel.EVENT_IMPLEMENTATION_STOPPED);
  }

  @Test
  @DisplayName("AUX-01 DEC-02 DEC-17 REST submit-form：辅助人员不能完成决定性步骤（403），缺少承办单位 400，局长完成并在历史中留名 / aux1 403 on a deciding task, 400 without lead unit, director1 completes and is recorded")
  void rolesOverRest() {
    ProcessInstance pi = start("UNIT");
    String taskId = open(pi, MajorDecisionModel.TASK_ADMIT_PROPOSAL).getId();
    Map<String, Object> body = Map.of("variables", Map.of(
        "admitted", Map.of("value", true), "leadUnit", Map.of("value", "市容科"),
        "outsideCatalogueReason", Map.of("value", "群众反映强烈，须年内解决")));

    ResponseEntity<String> auxiliary = rest.withBasicAuth("aux1", "demo")
        .postForEntity("/engine-rest/task/{id}/submit-form", body, String.class, taskId);
    org.assertj.core.api.Assertions.assertThat(auxiliary.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> noUnit = rest.withBasicAuth("director1", "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form", Map.of("variables", Map.of("admitted", Map.of("value", true))),
        String.class, taskId);
    org.assertj.core.api.Assertions.assertThat(noUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat(noUnit.getBody()).contains("leadUnit").contains("DEC-02");
    ResponseEntity<String> director = rest.withBasicAuth("director1", "demo")
        .postForEntity("/engine-rest/task/{id}/submit-form", body, String.class, taskId);
    org.assertj.core.api.Assertions.assertThat(director.getStatusCode().is2xxSuccessful()).as(director.getBody()).isTrue();

    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_RESEARCH_DRAFT).variables().containsEntry("admittedBy", "director1");
    org.assertj.core.api.Assertions.assertThat(historyService.createHistoricTaskInstanceQuery().taskId(taskId)
        .singleResult()).satisfies(t -> {
          org.assertj.core.api.Assertions.assertThat(t.getAssignee()).isEqualTo("director1");
          org.assertj.core.api.Assertions.assertThat(t.getEndTime()).isNotNull();
        });
    // an auxiliary who got hold of a deciding task through the Java API is still refused
    Task research = open(pi, MajorDecisionModel.TASK_RESEARCH_DRAFT);
    taskService.setAssignee(research.getId(), "aux1");
    assertThatThrownBy(() -> taskService.complete(research.getId(), research(false, false)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("辅助人员");
  }

  // ------------------------------------------------------------------ PER-06 dates

  /** Submits a task form through engine-rest with typed values, as Tasklist does. */
  static String json(Object value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  ResponseEntity<Map> submit(ProcessInstance pi, String taskKey, String user, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((name, value) -> variables.put(name, value instanceof List<?> list
        ? Map.of("value", json(list), "type", "Json") : value instanceof Long
        ? Map.of("value", value, "type", "Long") : value instanceof Boolean ? Map.of("value", value, "type", "Boolean") : Map.of("value", value)));
    return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/{id}/submit-form",
        Map.of("variables", variables), Map.class, open(pi, taskKey).getId());
  }

  @Test
  @DisplayName("PER-06 the meeting day and the result's publication day are the server's: submitted deliberationDate / resultPublishedOn are refused (400 naming the field); the stamped days start the 20-day period")
  void decisionAndPublicationDaysAreTheServers() {
    ProcessInstance pi = toReview(false);
    deputyApproves(pi);
    legalReview(pi, "PASS");
    prepareMeeting(pi);
    Map<String, Object> meeting = deliberation("APPROVE", "APPROVE", "2026-11-10");
    ResponseEntity<Map> refused = submit(pi, MajorDecisionModel.TASK_DELIBERATE, "director1", with(meeting, "deliberationDate", "2026-11-01"));
    org.assertj.core.api.Assertions.assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat((String) refused.getBody().get("message")).contains("deliberationDate");
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_DELIBERATE);

    at("2026-11-10T15:59:59Z"); // 23:59:59 Tuesday 10 November in Beijing
    ResponseEntity<Map> accepted = submit(pi, MajorDecisionModel.TASK_DELIBERATE, "director1", meeting);
    org.assertj.core.api.Assertions.assertThat(accepted.getStatusCode().is2xxSuccessful()).as(String.valueOf(accepted.getBody())).isTrue();
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_PUBLISH_RESULT).variables()
        .containsEntry("deliberationDate", "2026-11-10").containsEntry("decisionDate", "2026-11-10");
    org.assertj.core.api.Assertions.assertThat(job(MajorDecisionModel.EVENT_PUBLICATION_OVERDUE, pi).getDuedate()).isEqualTo(periods.endOfDays("2026-11-10", 20));

    at("2026-11-12T02:00:00Z");
    ResponseEntity<Map> backDated = submit(pi, MajorDecisionModel.TASK_PUBLISH_RESULT, "records1",
        vars("resultPublishedOn", "2026-11-10", "resultPublicationChannel", "县政府门户网站"));
    org.assertj.core.api.Assertions.assertThat(backDated.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat((String) backDated.getBody().get("message")).contains("resultPublishedOn");
    ResponseEntity<Map> published = submit(pi, MajorDecisionModel.TASK_PUBLISH_RESULT, "records1", vars("resultPublicationChannel", "县政府门户网站"));
    org.assertj.core.api.Assertions.assertThat(published.getStatusCode().is2xxSuccessful()).as(String.valueOf(published.getBody())).isTrue();
    assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_MONITOR_IMPLEMENTATION).variables().containsEntry("resultPublishedOn", "2026-11-12");
  }

  @ParameterizedTest(name = "{0} = {1}: refused on {2}")
  @DisplayName("PER-06 the higher authority's answer may not lie in the future nor before the meeting, more than 3 days back only with a reason; the planned consultationStart lies from today to 30 days ahead — a 400 naming the field")
  @CsvSource({
      "higherApprovalDate, 2026-11-11, higherApprovalDate, 不能晚于今天",
      "higherApprovalDate, 2026-11-01, higherApprovalDate, 不能早于本案上一环节的日期 2026-11-02",
      "higherApprovalDate, 2026-11-05, lateEntryReason, 属补录",
      "consultationStart, 2026-09-09, consultationStart, 不能早于本环节办理之日（2026-09-10）",
      "consultationStart, 2026-10-11, consultationStart, 不能晚于本环节办理之日起 30 日（2026-10-10）",
  })
  void outsideDateRefused(String field, String day, String refusedField, String words) {
    ResponseEntity<Map> refused;
    ProcessInstance pi;
    if ("consultationStart".equals(field)) {
      pi = start("DIRECTOR");
      completeAs(pi, MajorDecisionModel.TASK_RESEARCH_DRAFT, "officer1", research(false, false));
      expertArgument(pi);
      refused = submit(pi, MajorDecisionModel.TASK_PUBLISH_DRAFT, "head1", with(CONSULTATION, "consultationStart", day));
      org.assertj.core.api.Assertions.assertThat(submit(pi, MajorDecisionModel.TASK_PUBLISH_DRAFT, "head1", with(CONSULTATION, "consultationStart", "2026-10-10"))
          .getStatusCode().is2xxSuccessful()).as("30 days ahead is still a plan").isTrue();
    } else {
      pi = toDeliberation();
      completeAs(pi, MajorDecisionModel.TASK_DELIBERATE, "director1",
          with(deliberation("APPROVE", "APPROVE", "2026-11-02"), "higherApprovalRequired", true));
      at("2026-11-10T02:00:00Z");
      refused = submit(pi, MajorDecisionModel.TASK_RECORD_HIGHER_APPROVAL, "records1", vars("submittedTo", "COUNTY_GOVERNMENT",
          "submittedOn", "2026-11-02", "higherApproved", true, field, day));
      assertThat(pi).isWaitingAt(MajorDecisionModel.TASK_RECORD_HIGHER_APPROVAL);
    }
    org.assertj.core.api.Assertions.assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    org.assertj.core.api.Assertions.assertThat(refused.getBody().get("error")).isEqualTo("FORM_INVALID");
    org.assertj.core.api.Assertions.assertThat((String) refused.getBody().get("message"))
        .contains("字段 " + refusedField).contains("field " + refusedField).contains(words).contains("PER-06");
  }
}
