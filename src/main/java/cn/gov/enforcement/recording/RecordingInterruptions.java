package cn.gov.enforcement.recording;

import cn.gov.enforcement.identity.SystemActions;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * REC-16 through the engine: an upload that says the recording could not continue
 * ({@code recordingStopped=true} with its {@code interruptionReason}) starts {@code recording-interruption}
 * in the upload's transaction: at once a task for the section head, and beside it the officer's written
 * explanation as its own step. Started by the system: an officer needs no right to start it.
 */
@Component
public class RecordingInterruptions {

  public static final String PROCESS_KEY = "recording-interruption";
  /** The upload's form field that says the recording could not continue. */
  public static final String FLAG = "recordingStopped";

  private final RuntimeService runtimeService;
  private final SystemActions system;

  public RecordingInterruptions(RuntimeService runtimeService, SystemActions system) {
    this.runtimeService = runtimeService;
    this.system = system;
  }

  void recordingStopped(Recording recording, String reason) {
    // the written explanation is the officer's: the uploader if named, else the first officer named (AUX-04)
    String officer = recording.officers().contains(recording.uploadedBy()) ? recording.uploadedBy()
        : recording.officers().get(0);
    Map<String, Object> variables = Variables.createVariables()
        .putValue("recordingId", recording.id())
        .putValue("caseNumber", recording.caseNumber())
        .putValue("activity", recording.activity())
        .putValue("explainingOfficer", officer)
        .putValue("stoppedAt", Date.from(recording.endedAt()))
        .putValue("interruptionSummary", "音像记录 " + CaseEvidence.label(recording) + "（案件 "
            + (recording.caseNumber() == null ? "未立案" : recording.caseNumber()) + "，设备 " + recording.deviceNumber()
            + "，执法人员 " + String.join("、", recording.officers()) + "）录制中断、无法继续，原因：" + reason);
    system.perform(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY,
        recording.caseNumber() == null ? recording.id() : recording.caseNumber(), variables));
  }
}
