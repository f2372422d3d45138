package cn.gov.enforcement.recording;

import cn.gov.enforcement.platform.MinimumProcessCoverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** recording-access (音像资料查阅/调取申请): who approves what, grants that expire, downloads registered. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordingAccessProcessTest {

  /** At least 90% of the model's flow nodes and sequence flows are covered by this class. */
  @org.junit.jupiter.api.extension.RegisterExtension
  static final MinimumProcessCoverage COVERAGE = new MinimumProcessCoverage(RecordingAccessModel.PROCESS_KEY, 0.9);

  static final String PROCESS = RecordingAccessModel.PROCESS_KEY;

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  private String caseNumber;
  private String recording;
  private String secret;

  @BeforeEach
  void recordings() {
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    caseNumber = fields.get("caseNumber");
    fields.put("officers", "officer1");
    recording = EvidenceFixtures.uploadId(rest, "officer1", fields, EvidenceFixtures.mp4());
    fields.put("confidential", "true");
    fields.put("confidentialityReason", "涉及商业秘密");
    secret = EvidenceFixtures.uploadId(rest, "officer1", fields, EvidenceFixtures.wav(1));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  /** officer2 asks, through the start form's fields, then picks recordings from the offered list. */
  private ProcessInstance request(String requester, String purpose, List<String> chosen) {
    authenticate(requester);
    ProcessInstance instance;
    try {
      instance = runtimeService.startProcessInstanceByKey(PROCESS, Variables.createVariables().putValue("purpose", purpose)
          .putValue("requestingParty", "某区公安分局").putValue("reason", "核查案件事实").putValue("caseNumber", caseNumber));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(instance).isWaitingAt(RecordingAccessModel.TASK_SELECT_RECORDINGS);
    Task select = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(select.getAssignee()).isEqualTo(requester);
    complete(requester, select, Map.of("recordingIds", Variables.objectValue(chosen)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()));
    return instance;
  }

  private void complete(String user, Task task, Map<String, Object> variables) {
    authenticate(user);
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** As the REST filter does: the user with their real groups, so the engine's authorizations apply. */
  private void authenticate(String user) {
    EvidenceFixtures.authenticate(identityService, user);
  }

  private Task task(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private ResponseEntity<byte[]> download(String user, String id) {
    return rest.withBasicAuth(user, "demo").getForEntity("/api/recordings/" + id + "/content", byte[].class);
  }

  @Test
  @DisplayName("ACC-03 ACC-07 内部查阅由科室负责人批准；批准前 403，批准后下载并校验 Digest，登记谁、为何、何时；到期后 403")
  void internalViewingBySectionHead() throws Exception {
    assertThat(download("officer2", recording).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ProcessInstance instance = request("officer2", "INTERNAL", List.of(recording));
    assertThat(instance).isWaitingAt(RecordingAccessModel.TASK_APPROVE_BY_SECTION_HEAD);
    assertThat(instance).task().hasCandidateGroup("section-head");
    complete("head1", task(instance), Map.of("decision", "APPROVE", "approvalOpinion", "同意查阅"));
    assertThat(instance).isEnded().hasPassed(RecordingAccessModel.TASK_GRANT_ACCESS, RecordingAccessModel.EVENT_ACCESS_GRANTED);

    ResponseEntity<byte[]> response = download("officer2", recording);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    byte[] expected = EvidenceFixtures.mp4();
    assertThat(response.getBody()).isEqualTo(expected);
    assertThat(response.getHeaders().getFirst("Digest"))
        .isEqualTo("sha-256=" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(expected)));

    Map<String, Object> register = jdbc.queryForMap(
        "SELECT actor, detail, occurred_at FROM audit_log WHERE action = 'DOWNLOAD' AND target = ? ORDER BY seq DESC LIMIT 1",
        recording);
    assertThat(register.values()).contains("officer2");
    assertThat(register.values().stream().map(String::valueOf).filter(v -> v.contains("purpose=INTERNAL")
        && v.contains("核查案件事实") && v.contains("approvedBy=head1"))).hasSize(1);

    // grants expire (7 days by default)
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(8, ChronoUnit.DAYS)));
    assertThat(download("officer2", recording).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PUBLIC_USE", "POLICE", "PROCURATORATE", "COURT"})
  @DisplayName("ACC-03 公开使用及公安、检察、法院调取由局长（主要负责人）批准")
  void externalUseByDirector(String purpose) {
    ProcessInstance instance = request("officer2", purpose, List.of(recording));
    assertThat(instance).isWaitingAt(RecordingAccessModel.TASK_APPROVE_BY_DIRECTOR);
    assertThat(instance).task().hasCandidateGroup("director");
    complete("director1", task(instance), Map.of("decision", "APPROVE", "approvalOpinion", "同意"));
    assertThat(instance).hasPassed(RecordingAccessModel.TASK_GRANT_ACCESS);
    assertThat(download("officer2", recording).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  @DisplayName("ACC-04 复议、诉讼材料由法规科提供并留存复制件；未勾选留存不得提供")
  void reviewMaterialThroughLegalUnit() {
    ProcessInstance instance = request("officer2", "REVIEW_OR_LITIGATION", List.of(recording));
    assertThat(instance).isWaitingAt(RecordingAccessModel.TASK_SUPPLY_BY_LEGAL_UNIT);
    assertThat(instance).task().hasCandidateGroup("legal-affairs");
    assertThatThrownBy(() -> complete("legal1", task(instance), Map.of("decision", "APPROVE", "approvalOpinion", "提供")))
        .hasMessageContaining("留存复制件");
    assertThat(instance).isWaitingAt(RecordingAccessModel.TASK_SUPPLY_BY_LEGAL_UNIT);
    complete("legal1", task(instance), Map.of("decision", "APPROVE", "approvalOpinion", "提供", "copyKept", true));
    assertThat(instance).isEnded().hasPassed(RecordingAccessModel.EVENT_ACCESS_GRANTED);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'ACCESS_GRANTED' AND target = ? AND detail LIKE '%copy kept%'",
        Integer.class, recording)).isEqualTo(1);
  }

  @Test
  @DisplayName("ACC-05 ACC-06 当事人复制经行政机关负责人（局长）同意，科室负责人不能批准；涉密资料不予提供 / a party's copy is approved by the head of the bureau")
  void partyCopyWithoutConfidential() {
    ProcessInstance instance = request("officer1", "PARTY_COPY", List.of(recording, secret));
    // ACC-05 (revised, issue 14 item 6): the head of the bureau, not the section head
    assertThat(instance).isWaitingAt(RecordingAccessModel.TASK_APPROVE_BY_DIRECTOR).task().hasCandidateGroup("director");
    assertThat(runtimeService.getVariable(instance.getId(), "approverGroup")).isEqualTo("director");
    assertThat(runtimeService.getVariable(instance.getId(), "excludedRecordingIds")).isEqualTo(secret);
    assertThatThrownBy(() -> complete("head1", task(instance), Map.of("decision", "APPROVE", "approvalOpinion", "同意复制")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThat(instance).isWaitingAt(RecordingAccessModel.TASK_APPROVE_BY_DIRECTOR);
    complete("director1", task(instance), Map.of("decision", "APPROVE", "approvalOpinion", "同意复制"));
    assertThat(jdbc.queryForList("SELECT recording_id FROM recording_access_grant WHERE process_instance_id = ?",
        String.class, instance.getId())).containsExactly(recording);
  }

  @Test
  @DisplayName("ACC-06 涉密资料限制可见：无关人员列表与查询均不可见，只能选可见资料；含涉密资料的内部查阅须局长批准")
  @SuppressWarnings({"rawtypes", "unchecked"})
  void confidentialRecordingsAreRestricted() {
    ResponseEntity<List> list = rest.withBasicAuth("officer2", "demo").getForEntity("/api/recordings?caseNumber=" + caseNumber,
        List.class);
    assertThat(((List<Map>) list.getBody()).stream().map(m -> m.get("id"))).containsExactly(recording);
    assertThat(rest.withBasicAuth("officer2", "demo").getForEntity("/api/recordings/" + secret, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("head1", "demo").getForEntity("/api/recordings/" + secret, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    // officer2 is offered only what they may see; picking the confidential id anyway is refused
    assertThatThrownBy(() -> request("officer2", "INTERNAL", List.of(secret))).hasMessageContaining("不在可选范围内");

    // the uploading officer may ask for it, and then the director decides
    ProcessInstance instance = request("officer1", "INTERNAL", List.of(recording, secret));
    assertThat(instance).isWaitingAt(RecordingAccessModel.TASK_APPROVE_BY_DIRECTOR);
  }

  @Test
  @DisplayName("ACC-03 ACC-07 不予批准：流程结束于不予批准，不授权，审计留痕")
  void rejectedRequestGrantsNothing() {
    ProcessInstance instance = request("officer2", "INTERNAL", List.of(recording));
    complete("head1", task(instance), Map.of("decision", "REJECT", "approvalOpinion", "理由不充分"));
    assertThat(instance).isEnded().hasPassed(RecordingAccessModel.TASK_RECORD_REJECTION, RecordingAccessModel.EVENT_ACCESS_REJECTED);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording_access_grant WHERE process_instance_id = ?",
        Integer.class, instance.getId())).isZero();
    assertThat(download("officer2", recording).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  @DisplayName("ACC-03 上传的执法人员 24 小时内可下载，之后须申请授权")
  void uploaderMayFetchWithin24Hours() {
    assertThat(download("officer1", recording).getStatusCode()).isEqualTo(HttpStatus.OK);
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(25, ChronoUnit.HOURS)));
    assertThat(download("officer1", recording).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  @DisplayName("AUX-03 辅助人员不能发起调取申请（无启动权限）")
  void auxiliaryStaffCannotRequest() {
    ResponseEntity<String> response = rest.withBasicAuth("aux1", "demo").postForEntity(
        "/engine-rest/process-definition/key/" + PROCESS + "/start", Map.of("variables", Map.of()), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
