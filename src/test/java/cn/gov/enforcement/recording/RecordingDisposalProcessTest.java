package cn.gov.enforcement.recording;

import cn.gov.enforcement.platform.MinimumProcessCoverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * recording-disposal (音像资料到期处置, RET-06): started by the scan when retention ends, reviewed by the
 * records office, approved by the section head, logged with the digest; legal holds are never disposed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordingDisposalProcessTest {

  /** At least 90% of the model's flow nodes and sequence flows are covered by this class. */
  @org.junit.jupiter.api.extension.RegisterExtension
  static final MinimumProcessCoverage COVERAGE = new MinimumProcessCoverage(RecordingDisposalModel.PROCESS_KEY, 0.9);

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired DisposalScan scan;
  @Autowired RecordingStorage storage;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("evidence-test-open-case").count() == 0) {
      repositoryService.createDeployment().name("evidence-test-open-case")
          .addClasspathResource("evidence-test/open-case.bpmn").deploy();
    }
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  private Map<String, String> patrol() {
    Map<String, String> fields = EvidenceFixtures.justRecorded("DAILY_PATROL");
    fields.put("caseNumber", "巡查-" + System.nanoTime());
    return fields;
  }

  private ProcessInstance afterRetention(String id) {
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(200, ChronoUnit.DAYS)));
    Map<String, ProcessInstance> started = scan.scan();
    assertThat(started).containsKey(id);
    return started.get(id);
  }

  private void complete(String user, ProcessInstance instance, Map<String, Object> variables) {
    EvidenceFixtures.authenticate(identityService, user);
    try {
      Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  @DisplayName("RET-06 期满后不自动删除：档案室审查、科室负责人批准后销毁文件，记录保留并以摘要登记")
  void approvedDisposal() {
    String id = EvidenceFixtures.uploadId(rest, "officer1", patrol(), EvidenceFixtures.wav(1));
    String sha256 = jdbc.queryForObject("SELECT sha256 FROM recording WHERE id = ?", String.class, id);
    Path file = storage.resolve(jdbc.queryForObject("SELECT storage_path FROM recording WHERE id = ?", String.class, id));

    ProcessInstance instance = afterRetention(id);
    assertThat(instance).isWaitingAt(RecordingDisposalModel.TASK_REVIEW_DISPOSAL).task().hasCandidateGroup("records-office");
    // nothing happened to the original on its own
    assertThat(Files.exists(file)).isTrue();
    // the scan does not start a second review for the same recording
    assertThat(scan.scan()).doesNotContainKey(id);

    complete("records1", instance, Map.of("recommendation", "DISPOSE", "reviewOpinion", "已满 6 个月，无保留必要"));
    assertThat(instance).isWaitingAt(RecordingDisposalModel.TASK_APPROVE_DISPOSAL).task().hasCandidateGroup("section-head");
    complete("head1", instance, Map.of("decision", "APPROVE", "approvalOpinion", "同意销毁"));
    assertThat(instance).isEnded().hasPassed(RecordingDisposalModel.TASK_DISPOSE_RECORDING, RecordingDisposalModel.EVENT_DISPOSAL_FINISHED);

    assertThat(Files.exists(file)).isFalse();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording WHERE id = ?", Integer.class, id)).isEqualTo(1);
    Map<String, Object> event = jdbc.queryForMap("SELECT actor, sha256 FROM recording_event WHERE recording_id = ? AND kind = 'DISPOSED'", id);
    assertThat(event.values()).contains("head1");
    assertThat(event.values().stream().map(v -> String.valueOf(v).trim())).contains(sha256);
    assertThat(jdbc.queryForObject("SELECT detail FROM audit_log WHERE action = 'DISPOSAL' AND target = ?", String.class, id))
        .contains("sha256=" + sha256);
    assertThat(rest.withBasicAuth("officer1", "demo").getForEntity("/api/recordings/" + id + "/content", String.class)
        .getStatusCode()).isIn(HttpStatus.GONE, HttpStatus.FORBIDDEN);
    assertThat(scan.scan()).doesNotContainKey(id);
  }

  @Test
  @DisplayName("RET-06 ACC-03 nobody approves a disposal they recommended: the recommender is stamped (disposalRequestedBy) and refused as approver (403), another section head approves / 建议销毁者不得审批自己的销毁申请")
  void recommenderCannotApproveOwnDisposal() {
    String both = "selftest-records-head";
    org.camunda.bpm.engine.identity.User user = identityService.newUser(both);
    user.setPassword("demo");
    identityService.saveUser(user);
    identityService.createMembership(both, "records-office");
    identityService.createMembership(both, "section-head");
    try {
      String id = EvidenceFixtures.uploadId(rest, "officer1", patrol(), EvidenceFixtures.wav(1));
      ProcessInstance instance = afterRetention(id);
      complete(both, instance, Map.of("recommendation", "DISPOSE", "reviewOpinion", "已满 6 个月，无保留必要"));
      assertThat(runtimeService.getVariable(instance.getId(), "disposalRequestedBy")).isEqualTo(both);
      assertThatThrownBy(() -> complete(both, instance, Map.of("decision", "APPROVE", "approvalOpinion", "同意销毁")))
          .isInstanceOf(cn.gov.enforcement.platform.GuardForbiddenException.class).hasMessageContaining("nobody approves their own request");
      Task approval = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      ResponseEntity<String> overRest = rest.withBasicAuth(both, "demo").postForEntity("/engine-rest/task/{id}/complete",
          Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"), "approvalOpinion", Map.of("value", "同意"))), String.class, approval.getId());
      assertThat(overRest.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(instance).isWaitingAt(RecordingDisposalModel.TASK_APPROVE_DISPOSAL);
      complete("head1", instance, Map.of("decision", "APPROVE", "approvalOpinion", "同意销毁"));
      assertThat(instance).isEnded().hasPassed(RecordingDisposalModel.TASK_DISPOSE_RECORDING);
    } finally {
      identityService.deleteUser(both);
    }
  }

  @Test
  @DisplayName("RET-06 档案室建议继续保存或科室负责人不批准：延长保存期，不销毁")
  void keptRecordingsAreExtended() {
    String kept = EvidenceFixtures.uploadId(rest, "officer1", patrol(), EvidenceFixtures.wav(1));
    ProcessInstance review = afterRetention(kept);
    complete("records1", review, Map.of("recommendation", "KEEP", "reviewOpinion", "群众仍有反映，继续保存"));
    assertThat(review).isEnded().hasPassed(RecordingDisposalModel.TASK_EXTEND_RETENTION, RecordingDisposalModel.EVENT_RETENTION_EXTENDED);
    assertThat(scan.scan()).doesNotContainKey(kept);

    ClockUtil.reset();
    String refused = EvidenceFixtures.uploadId(rest, "officer1", patrol(), EvidenceFixtures.wav(1));
    ProcessInstance approval = afterRetention(refused);
    complete("records1", approval, Map.of("recommendation", "DISPOSE", "reviewOpinion", "可销毁"));
    complete("head1", approval, Map.of("decision", "REJECT", "approvalOpinion", "暂缓"));
    assertThat(approval).isEnded().hasPassed(RecordingDisposalModel.TASK_EXTEND_RETENTION).hasNotPassed(RecordingDisposalModel.TASK_DISPOSE_RECORDING);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording_event WHERE recording_id = ? AND kind = 'DISPOSED'",
        Integer.class, refused)).isZero();
  }

  @Test
  @DisplayName("RET-06 长期保存的记录永远不进入销毁（期满扫描不选中，强行发起也被法律保全拦下）")
  void longTermIsNeverDisposed() {
    Map<String, String> fields = patrol();
    fields.put("obstruction", "true");
    String id = EvidenceFixtures.uploadId(rest, "officer1", fields, EvidenceFixtures.wav(1));
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(100 * 365, ChronoUnit.DAYS)));
    assertThat(scan.scan()).doesNotContainKey(id);
    ProcessInstance forced = runtimeService.startProcessInstanceByKey(DisposalScan.PROCESS_KEY, id,
        Variables.createVariables().putValue("recordingId", id));
    assertThat(forced).isEnded().hasPassed(RecordingDisposalModel.EVENT_RETENTION_EXTENDED).hasNotPassed(RecordingDisposalModel.TASK_REVIEW_DISPOSAL);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'DISPOSAL_BLOCKED' AND target = ?",
        Integer.class, id)).isEqualTo(1);
  }

  @Test
  @DisplayName("RET-06 与未结案件（或复议、诉讼程序）关联的记录不得销毁；审批期间出现的保全也会拦下销毁")
  void openCaseHoldsTheRecording() {
    Map<String, String> fields = patrol();
    String id = EvidenceFixtures.uploadId(rest, "officer1", fields, EvidenceFixtures.wav(1));
    ProcessInstance openCase = runtimeService.startProcessInstanceByKey("evidence-test-open-case", fields.get("caseNumber"));
    ProcessInstance held = afterRetention(id);
    assertThat(held).isEnded().hasPassed(RecordingDisposalModel.EVENT_RETENTION_EXTENDED).hasNotPassed(RecordingDisposalModel.TASK_REVIEW_DISPOSAL);
    runtimeService.deleteProcessInstance(openCase.getId(), "test");

    // a hold that appears while the review is open stops the disposal at the last step
    ClockUtil.reset();
    Map<String, String> later = patrol();
    String other = EvidenceFixtures.uploadId(rest, "officer1", later, EvidenceFixtures.wav(1));
    ProcessInstance review = afterRetention(other);
    complete("records1", review, Map.of("recommendation", "DISPOSE", "reviewOpinion", "可销毁"));
    ProcessInstance lawsuit = runtimeService.startProcessInstanceByKey("evidence-test-open-case", later.get("caseNumber"));
    complete("head1", review, Map.of("decision", "APPROVE", "approvalOpinion", "同意"));
    assertThat(review).isEnded();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording_event WHERE recording_id = ? AND kind = 'DISPOSED'",
        Integer.class, other)).isZero();
    runtimeService.deleteProcessInstance(lawsuit.getId(), "test");
  }
}
