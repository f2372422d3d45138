package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.gov.enforcement.platform.MinimumProcessCoverage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * recording-interruption (REC-16): an upload that says the recording could not continue raises, at
 * once, the section head's task and, as its own step, the officer's written explanation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordingInterruptionProcessTest {

  /** At least 90% of the model's flow nodes and sequence flows are covered by this class. */
  @org.junit.jupiter.api.extension.RegisterExtension
  static final MinimumProcessCoverage COVERAGE = new MinimumProcessCoverage(RecordingInterruptions.PROCESS_KEY, 0.9);

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private ProcessInstance interruptionOf(String caseNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(RecordingInterruptions.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber).singleResult();
  }

  private Task task(ProcessInstance pi, String key) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  @Test
  @DisplayName("REC-16 REC-06 a recording that cannot continue: at once a task for the section head and the officer's written explanation as its own step; both done, the report ends")
  void stoppedRecordingIsReportedAndExplained() {
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    String caseNumber = fields.get("caseNumber");
    fields.put(RecordingInterruptions.FLAG, "true");
    fields.put("interruptionReason", "执法记录仪电量耗尽，无法继续录制");
    String id = EvidenceFixtures.uploadId(rest, "officer1", fields, EvidenceFixtures.mp4());

    ProcessInstance pi = interruptionOf(caseNumber);
    assertThat(pi).isNotNull().isWaitingAt(RecordingInterruptionModel.TASK_REPORT_INTERRUPTION, RecordingInterruptionModel.TASK_EXPLAIN_INTERRUPTION)
        .variables().containsEntry("recordingId", id).containsEntry("explainingOfficer", "officer1");
    Task report = task(pi, RecordingInterruptionModel.TASK_REPORT_INTERRUPTION);
    assertThat(taskService.getIdentityLinksForTask(report.getId())).anyMatch(l -> "section-head".equals(l.getGroupId()));
    assertThat((String) runtimeService.getVariable(pi.getId(), "interruptionSummary")).contains("电量耗尽").contains(caseNumber);
    assertThat(task(pi, RecordingInterruptionModel.TASK_EXPLAIN_INTERRUPTION).getAssignee()).isEqualTo("officer1");

    taskService.complete(task(pi, RecordingInterruptionModel.TASK_EXPLAIN_INTERRUPTION).getId(),
        Map.of("writtenExplanation", "10 时 05 分记录仪电量耗尽，已更换备用设备继续取证"));
    assertThat(pi).isWaitingAt(RecordingInterruptionModel.TASK_REPORT_INTERRUPTION);
    taskService.complete(report.getId(), Map.of("headInstruction", "已知悉，补充询问笔录"));
    assertThat(pi).isEnded().hasPassed(RecordingInterruptionModel.EVENT_INTERRUPTION_HANDLED);
  }

  @Test
  @DisplayName("REC-16 AUX-04 uploaded by auxiliary staff: the written explanation is the named officer's")
  void auxiliaryUploadExplainedByTheOfficer() {
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    fields.put("officers", "officer2,officer1");
    fields.put(RecordingInterruptions.FLAG, "true");
    fields.put("interruptionReason", "现场秩序混乱，设备被抢");
    EvidenceFixtures.uploadId(rest, "aux1", fields, EvidenceFixtures.mp4());
    ProcessInstance pi = interruptionOf(fields.get("caseNumber"));
    assertThat(task(pi, RecordingInterruptionModel.TASK_EXPLAIN_INTERRUPTION).getAssignee()).isEqualTo("officer2");
  }

  @Test
  @SuppressWarnings("rawtypes")
  @DisplayName("REC-16 a stop without its reason is a 400 naming interruptionReason: nothing stored, no report started")
  void stopWithoutReasonIsRefused() {
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    fields.put(RecordingInterruptions.FLAG, "true");
    ResponseEntity<Map> refused = EvidenceFixtures.upload(rest, "officer1", fields, EvidenceFixtures.mp4(), "clip.mp4");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).contains("interruptionReason");
    assertThat(interruptionOf(fields.get("caseNumber"))).isNull();
    assertThat(rest.withBasicAuth("head1", "demo").getForObject("/api/recordings?caseNumber={c}", List.class,
        fields.get("caseNumber"))).isEmpty();
    fields.put(RecordingInterruptions.FLAG, "ja");
    fields.put("interruptionReason", "设备故障");
    assertThat(EvidenceFixtures.upload(rest, "officer1", fields, EvidenceFixtures.mp4(), "clip.mp4").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }
}
