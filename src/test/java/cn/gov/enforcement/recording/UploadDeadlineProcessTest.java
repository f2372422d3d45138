package cn.gov.enforcement.recording;

import cn.gov.enforcement.platform.MinimumProcessCoverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

/** recording-upload-deadline (REC-08): a recording not yet uploaded by its deadline raises the section head's task. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadDeadlineProcessTest {

  /** At least 90% of the model's flow nodes and sequence flows are covered by this class. */
  @org.junit.jupiter.api.extension.RegisterExtension
  static final MinimumProcessCoverage COVERAGE = new MinimumProcessCoverage(RecordingUploadDeadlineModel.PROCESS_KEY, 0.9);

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired cn.gov.enforcement.audit.AuditLog auditLog;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  private ProcessInstance expect(Map<String, String> fields) {
    Instant deadline = OffsetDateTime.parse(fields.get("endedAt")).toInstant().plus(24, ChronoUnit.HOURS);
    return runtimeService.startProcessInstanceByKey(UploadDeadlineWarnings.PROCESS_KEY, Variables.createVariables()
        .putValue("caseNumber", fields.get("caseNumber")).putValue("activity", fields.get("activity"))
        .putValue("uploadDeadline", Date.from(deadline)).putValue("late", false));
  }

  @Test
  @DisplayName("REC-08 按时上传：等待中的上传时限流程收到 RecordingUploaded 后结束，不产生预警")
  void uploadInTimeEndsTheWatch() {
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    ProcessInstance watch = expect(fields);
    assertThat(watch).isWaitingAt(RecordingUploadDeadlineModel.GATEWAY_UPLOAD_OR_DEADLINE);
    String id = EvidenceFixtures.uploadId(rest, "officer1", fields, EvidenceFixtures.mp4());
    assertThat(watch).isEnded().hasPassed(RecordingUploadDeadlineModel.EVENT_UPLOADED_IN_TIME).hasNotPassed(RecordingUploadDeadlineModel.TASK_REVIEW_LATE_UPLOAD);
    assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(watch.getId()).count()).isZero();
    assertThat(id).isNotBlank();
  }

  @Test
  @DisplayName("REC-08 PER-07 届时仍未上传：录制结束后 24 小时计时器触发，科室负责人收到预警任务（到期即结束后 24 小时），审计日志记录超期")
  void missingUploadRaisesTheTaskAtTheDeadline() {
    Map<String, String> fields = EvidenceFixtures.justRecorded("INTERVIEW");
    ProcessInstance watch = expect(fields);
    Job timer = managementService.createJobQuery().processInstanceId(watch.getId()).timers().singleResult();
    Instant deadline = OffsetDateTime.parse(fields.get("endedAt")).toInstant().plus(24, ChronoUnit.HOURS);
    assertThat(timer.getDuedate().toInstant()).isEqualTo(deadline);
    managementService.executeJob(timer.getId());
    assertThat(watch).isWaitingAt(RecordingUploadDeadlineModel.TASK_REVIEW_LATE_UPLOAD).task().hasCandidateGroup("section-head");
    Task task = taskService.createTaskQuery().processInstanceId(watch.getId()).singleResult();
    assertThat(task.getDueDate().toInstant()).isEqualTo(deadline);
    // PER-07: the missed deadline is in the audit log
    assertThat(auditLog.forTarget("process-instance/" + watch.getId())).singleElement()
        .satisfies(entry -> assertThat(entry.action()).isEqualTo("DEADLINE_OVERDUE"));
    taskService.complete(task.getId(), Map.of("explanation", "执法记录仪故障，已补传并说明"));
    assertThat(watch).isEnded().hasPassed(RecordingUploadDeadlineModel.EVENT_LATE_UPLOAD_REVIEWED);
  }
}
