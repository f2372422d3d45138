package cn.gov.enforcement.recording;

import cn.gov.enforcement.identity.SystemActions;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * REC-08 through the engine: a late upload starts {@code recording-upload-deadline} with a warning
 * task for the section head (due at the upload deadline, so it shows as overdue); an upload that
 * arrives in time ends the instances waiting for it (started by the case procedure or over REST
 * when an activity that must be recorded ends), whose timer otherwise raises the same task.
 */
@Component
public class UploadDeadlineWarnings {

  public static final String PROCESS_KEY = "recording-upload-deadline";
  public static final String MESSAGE = "RecordingUploaded";

  private final RuntimeService runtimeService;
  private final SystemActions system;

  public UploadDeadlineWarnings(RuntimeService runtimeService, SystemActions system) {
    this.runtimeService = runtimeService;
    this.system = system;
  }

  void recordingIngested(Recording recording) {
    system.perform(() -> {
      if (recording.caseNumber() != null) {
        runtimeService.createMessageCorrelation(MESSAGE)
            .processInstanceVariableEquals("caseNumber", recording.caseNumber())
            .processInstanceVariableEquals("activity", recording.activity())
            .setVariable("recordingId", recording.id())
            .correlateAllWithResult();
      }
      if (recording.late()) {
        Map<String, Object> variables = Variables.createVariables()
            .putValue("late", true)
            .putValue("recordingId", recording.id())
            .putValue("caseNumber", recording.caseNumber())
            .putValue("activity", recording.activity())
            .putValue("endedAt", Date.from(recording.endedAt()))
            .putValue("uploadDeadline", Date.from(recording.uploadDeadline()))
            .putValue("warningSummary", "音像记录 " + recording.id() + "（案件 " + recording.caseNumber() + "，设备 "
                + recording.deviceNumber() + "，执法人员 " + String.join("、", recording.officers()) + "）于 "
                + recording.uploadedAt() + " 上传，晚于时限 " + recording.uploadDeadline() + " / uploaded late");
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, recording.id(), variables);
      }
    });
  }
}
