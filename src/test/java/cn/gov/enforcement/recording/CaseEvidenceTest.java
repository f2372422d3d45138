package cn.gov.enforcement.recording;

import static cn.gov.enforcement.recording.EvidenceFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.casework.EnforcementCaseModel;
import cn.gov.enforcement.delivery.DocumentServiceModel;
import cn.gov.enforcement.forms.WebappSession;
import cn.gov.enforcement.review.LegalReviewModel;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

/**
 * The case and the evidence store (issue 15): the procedures' pick lists, the REC-08 upload check
 * and the reviewers' warnings read the store ({@link CaseEvidence}); the Tasklist session may call
 * the evidence API, with the webapps' CSRF token for an upload. Recordings are real media uploaded
 * through {@code POST /api/recordings}; nothing is set as a process variable beside the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseEvidenceTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T02:00:00Z")));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }


  // ---- the Tasklist session on /api -------------------------------------------------------------

  @SuppressWarnings("rawtypes")
  private ResponseEntity<Map> uploadWith(HttpHeaders headers, String caseNumber) {
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    fields.put("caseNumber", caseNumber);
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    fields.forEach(body::add);
    body.add("file", new ByteArrayResource(EvidenceFixtures.mp4()) {
      @Override
      public String getFilename() {
        return "clip.mp4";
      }
    });
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.exchange("/api/recordings", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }

  private int stored(String caseNumber) {
    return rest.withBasicAuth("head1", "demo").getForObject("/api/recordings?caseNumber={c}", List.class, caseNumber).size();
  }

  @Test
  @DisplayName("ACC-03 the evidence API accepts the Tasklist session: listing needs no password again, an upload needs the session's CSRF token (403 without it or with another, nothing stored); the session opens /api only, not /engine-rest")
  @SuppressWarnings("rawtypes")
  void tasklistSessionOnTheEvidenceApi() {
    String caseNumber = "云建罚〔2026〕S" + UUID.randomUUID().toString().substring(0, 6);
    WebappSession session = WebappSession.login(rest, "officer1", "demo");

    ResponseEntity<List> listed = rest.exchange("/api/recordings?caseNumber={c}", HttpMethod.GET,
        new HttpEntity<>(session.headers()), List.class, caseNumber);
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);

    // a page of another site can make the browser send the cookie, never the token
    ResponseEntity<Map> withoutToken = uploadWith(session.headersWithoutCsrf(), caseNumber);
    assertThat(withoutToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) withoutToken.getBody().get("message")).contains("X-XSRF-TOKEN");
    HttpHeaders wrong = session.headersWithoutCsrf();
    wrong.add("X-XSRF-TOKEN", "0123456789ABCDEF0123456789ABCDEF");
    assertThat(uploadWith(wrong, caseNumber).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(stored(caseNumber)).isZero();

    ResponseEntity<Map> accepted = uploadWith(session.headers(), caseNumber);
    assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.CREATED);
    // the uploader is the session's user, never a value the client sent
    assertThat(rest.withBasicAuth("head1", "demo").getForObject("/api/recordings/{id}", Map.class, accepted.getBody().get("id"))
        .get("uploadedBy")).isEqualTo("officer1");
    assertThat(stored(caseNumber)).isEqualTo(1);

    // no session, no password: 401; the session is no credential for the engine's REST API
    assertThat(rest.getForEntity("/api/recordings?caseNumber={c}", String.class, caseNumber).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(session.headers()), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  // ---- enforcement-case through the store ---------------------------------------------------------

  private ProcessInstance startCase(boolean hotline) {
    Map<String, Object> variables = new HashMap<>(Map.of("source", hotline ? "COMPLAINT" : "INSPECTION",
        "partyName", "某某建材有限公司", "partyType", "LEGAL_PERSON", "partyAddress", "云和县某路 1 号",
        "cause", "未经许可擅自施工", "clueDescription", "巡查发现工地未办理施工许可"));
    if (hotline) {
      variables.put("viaHotline", true);
    }
    return runtimeService.startProcessInstanceByKey(EnforcementCaseModel.PROCESS_KEY, "case-" + UUID.randomUUID(), variables);
  }

  private Task task(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  /** The steps whose doer the server records (DEC-17) are done by a named, claimed person. */
  private static final Map<String, String> DOERS = Map.of(EnforcementCaseModel.TASK_PROPOSE_FILING, "officer1", EnforcementCaseModel.TASK_APPROVE_FILING, "head1",
      EnforcementCaseModel.TASK_DRAFT_DECISION, "officer1", EnforcementCaseModel.TASK_APPROVE_DECISION, "director1");

  private void complete(ProcessInstance pi, String key, Map<String, Object> variables) {
    Task task = task(pi, key);
    if (DOERS.containsKey(key)) {
      taskService.claim(task.getId(), DOERS.get(key));
    }
    taskService.complete(task.getId(), variables);
  }

  private String caseNumber(ProcessInstance pi) {
    return (String) runtimeService.getVariable(pi.getId(), "caseNumber");
  }

  private ProcessInstance caseAtActivityRecord(String activity) {
    ProcessInstance pi = startCase(false);
    complete(pi, EnforcementCaseModel.TASK_PROPOSE_FILING, Map.of("caseNumber", "云建立〔2026〕" + UUID.randomUUID().toString().substring(0, 8),
        "filingFacts", "现场照片", "suspectedViolation", "《建筑法》第七条", "filingOpinion", "建议立案"));
    complete(pi, EnforcementCaseModel.TASK_APPROVE_FILING, Map.of("filingApproved", true, "filingApprovalOpinion", "同意立案"));
    complete(pi, EnforcementCaseModel.TASK_ASSIGN_INVESTIGATORS, Map.of("investigators", List.of("officer1", "officer2")));
    at("2026-03-03T02:00:00Z");
    complete(pi, EnforcementCaseModel.TASK_PLAN_ACTIVITY, Map.of("activity", activity, "exemption", "NONE", "affectsLibertyLifeOrMajorProperty", false));
    return pi;
  }

  private static Map<String, Object> activityRecord(List<String> picked) {
    return new HashMap<>(Map.of("activityOfficers", List.of("officer1", "officer2"), "credentialsShown", true,
        "activityDate", "2026-03-03", "activityEndedAt", "2026-03-03T10:00:00+08:00", "activityRecord", "现场检查笔录",
        "moreActivities", false, "recordingNoticeGiven", true, "activityRecordingIds", picked));
  }

  @Test
  @DisplayName("REC-08 REC-02 the activity record's pick list comes from the store by case and activity, and is renewed when a recording arrives while the task is open")
  void activityListFromTheStore() {
    ProcessInstance pi = caseAtActivityRecord("ONSITE_INSPECTION");
    Task record = task(pi, EnforcementCaseModel.TASK_RECORD_ACTIVITY);
    assertThat(taskService.getVariable(record.getId(), CaseEvidence.OPTIONS).toString()).isEqualTo("[]");
    assertThat(taskService.getVariable(record.getId(), CaseEvidence.ACTIVITY)).isEqualTo("ONSITE_INSPECTION");
    assertThat(taskService.getVariable(record.getId(), CaseEvidence.CASE_NUMBER)).isEqualTo(caseNumber(pi));

    String inspection = EvidenceFixtures.uploadFor(rest, caseNumber(pi), "ONSITE_INSPECTION", EvidenceFixtures.mp4());
    String other = EvidenceFixtures.uploadFor(rest, caseNumber(pi), "INTERVIEW", EvidenceFixtures.wav(2));
    String otherCase = EvidenceFixtures.uploadFor(rest, "云建立〔2026〕其他", "ONSITE_INSPECTION", EvidenceFixtures.mp4());
    String options = taskService.getVariable(record.getId(), CaseEvidence.OPTIONS).toString();
    assertThat(options).contains(inspection).contains("现场检查(勘验)").doesNotContain(other).doesNotContain(otherCase);

    // a recording of another case cannot be picked (not among the allowed values): refused, the task stays
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(record.getId(),
        activityRecord(List.of(otherCase)))).hasMessageContaining("activityRecordingIds");
    taskService.complete(record.getId(), activityRecord(List.of(inspection)));
    assertThat(runtimeService.getVariable(pi.getId(), "activityRecordingIds")).isEqualTo(inspection);
  }

  @ParameterizedTest(name = "uploaded afterwards for {0}: warned = {1}")
  @CsvSource({"ONSITE_INSPECTION, false", "INTERVIEW, true"})
  @DisplayName("REC-08 the upload check asks the store: a recording of the activity uploaded after the record (not picked) counts, one of another activity does not")
  void uploadCheckAsksTheStore(String uploadedFor, boolean warned) {
    ProcessInstance pi = caseAtActivityRecord("ONSITE_INSPECTION");
    taskService.complete(task(pi, EnforcementCaseModel.TASK_RECORD_ACTIVITY).getId(), activityRecord(List.of()));
    EvidenceFixtures.uploadFor(rest, caseNumber(pi), uploadedFor, EvidenceFixtures.mp4());
    at("2026-03-04T02:00:01Z");
    managementService.createJobQuery().processInstanceId(pi.getId()).activityId(EnforcementCaseModel.EVENT_UPLOAD_DEADLINE).list()
        .forEach(job -> managementService.executeJob(job.getId()));
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(EnforcementCaseModel.TASK_WARN_MISSING_RECORDING).count())
        .isEqualTo(warned ? 1 : 0);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId(EnforcementCaseModel.EVENT_RECORDING_ON_TIME).count()).isEqualTo(warned ? 0 : 1);
  }

  @Test
  @DisplayName("CASE-01 REC-02 a hotline recording filed under the intake's business key (no case number yet) is offered at 立案审查")
  void hotlineRecordingAtFilingProposal() {
    ProcessInstance pi = startCase(true);
    Task proposal = task(pi, EnforcementCaseModel.TASK_PROPOSE_FILING);
    String call = EvidenceFixtures.uploadFor(rest, pi.getBusinessKey(), "COMPLAINT_HOTLINE", EvidenceFixtures.wav(2));
    assertThat(taskService.getVariable(proposal.getId(), CaseEvidence.OPTIONS).toString()).contains(call);
    assertThat(taskService.getVariable(proposal.getId(), CaseEvidence.ACTIVITY)).isEqualTo("COMPLAINT_HOTLINE");
  }

  // ---- the reviewer's warnings ----------------------------------------------------------------------

  @Test
  @DisplayName("REC-02 REC-05 REC-06 the legal reviewer sees the warnings the store computed at upload: media mismatch, time difference, a gap without a reason; renewed by a later upload")
  void legalReviewerSeesTheWarnings() {
    String caseNumber = "云建罚〔2026〕W" + UUID.randomUUID().toString().substring(0, 6);
    // REC-02: audio where the on-site inspection needs audio and video
    EvidenceFixtures.uploadFor(rest, caseNumber, "ONSITE_INSPECTION", EvidenceFixtures.wav(2));
    // started alone, the review is named by its business key, the case number (the case's call passes caseNumber too)
    ProcessInstance review = runtimeService.startProcessInstanceByKey(LegalReviewModel.PROCESS_KEY, caseNumber, Map.of(
        "subject", "对某公司罚款", "investigators", "officer1,officer2", "reviewMaterials", "案卷一册"));
    Task task = task(review, LegalReviewModel.TASK_REVIEW_LEGALITY);
    assertThat(taskService.getVariable(task.getId(), CaseRecordingWarnings.WARNINGS).toString()).contains("上传的文件为音频").doesNotContain("MEDIA_MISMATCH");
    assertThat((Integer) taskService.getVariable(task.getId(), CaseRecordingWarnings.COUNT)).isPositive();

    // REC-05: the document says 08:00, the video file was created at 10:00 Beijing time; REC-06: a gap without a reason
    at("2026-11-21T02:00:00Z");
    Map<String, String> fields = EvidenceFixtures.fields("2026-11-20T08:00:00+08:00", "2026-11-20T08:00:03+08:00");
    fields.put("caseNumber", caseNumber);
    fields.put("segments", "[{\"startedAt\":\"2026-11-20T08:00:00+08:00\",\"endedAt\":\"2026-11-20T08:00:01+08:00\"},"
        + "{\"startedAt\":\"2026-11-20T08:00:02+08:00\",\"endedAt\":\"2026-11-20T08:00:03+08:00\"}]");
    EvidenceFixtures.uploadId(rest, "officer1", fields, EvidenceFixtures.mp4());
    String warnings = taskService.getVariable(task.getId(), CaseRecordingWarnings.WARNINGS).toString();
    // as staff read them: the Chinese sentences, without rule codes or English (the API keeps both)
    assertThat(warnings).contains("上传的文件为音频").contains("文书记载的开始时间与音像文件创建时间相差").contains("段之间中断")
        .doesNotContain("MEDIA_MISMATCH").doesNotContain("GAP_WITHOUT_REASON").doesNotContain(" / ");
  }

  // ---- service steps -------------------------------------------------------------------------------

  @Test
  @DisplayName("SVC-05 REC-02 public notice: a recording of another case is refused even if the pick list were walked around; the options cannot be written beside the form over REST")
  void publicNoticeNeedsThisCasesRecording() {
    String caseNumber = "云建罚〔2026〕N" + UUID.randomUUID().toString().substring(0, 6);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(DocumentServiceModel.PROCESS_KEY, "svc-" + UUID.randomUUID(), Map.of(
        "caseNumber", caseNumber, "documentTitle", "行政处罚决定书", "recipientName", "某某建材有限公司",
        "recipientAddress", "云和县某路 1 号", "method", "PUBLIC_NOTICE", "personalInapplicable", "WHEREABOUTS_UNKNOWN",
        "mailInapplicable", "WHEREABOUTS_UNKNOWN", "entrustedInapplicable", "WHEREABOUTS_UNKNOWN",
        "inapplicableExplanation", "经公安户籍、社区核实，受送达人下落不明"));
    Task notice = task(pi, DocumentServiceModel.TASK_PUBLISH_NOTICE);
    String foreign = EvidenceFixtures.uploadFor(rest, "云建罚〔2026〕别案", "SERVICE_PUBLIC_NOTICE", EvidenceFixtures.jpeg());

    // beside the form: an officer may not put options (or anything else) on the task
    ResponseEntity<String> beside = rest.withBasicAuth("officer1", "demo").exchange(
        "/engine-rest/task/{id}/localVariables/recordingOptions", HttpMethod.PUT, new HttpEntity<>(Map.of("value",
            "[{\"label\":\"x\",\"value\":\"" + foreign + "\"}]", "type", "Json")), String.class, notice.getId());
    assertThat(beside.getStatusCode().is4xxClientError()).as(beside.getBody()).isTrue();

    // even with the list walked around (the system writes it), the rule asks the store
    taskService.setVariableLocal(notice.getId(), CaseEvidence.OPTIONS, org.camunda.spin.plugin.variable.SpinValues
        .jsonValue("[{\"label\":\"x\",\"value\":\"" + foreign + "\"}]").create());
    Map<String, Object> values = new HashMap<>(Map.of("noticeReason", "下落不明", "noticeCarrier", "WEBSITE",
        "noticeLocation", "https://www.example.gov.cn", "publishedOn", "2026-03-02", "noticeArchiveRef", "GG-1",
        "noticeRecordingIds", List.of(foreign)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(notice.getId(), values))
        .hasMessageContaining("noticeRecordingIds").hasMessageContaining("不是本案已上传的记录");
    assertThat(task(pi, DocumentServiceModel.TASK_PUBLISH_NOTICE)).isNotNull();

    String own = EvidenceFixtures.uploadFor(rest, caseNumber, "SERVICE_PUBLIC_NOTICE", EvidenceFixtures.jpeg());
    values.put("noticeRecordingIds", List.of(own));
    taskService.complete(notice.getId(), values);
    assertThat(task(pi, DocumentServiceModel.TASK_PUBLISH_NOTICE)).isNull();
  }
}
