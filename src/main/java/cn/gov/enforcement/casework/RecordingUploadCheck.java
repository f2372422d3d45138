package cn.gov.enforcement.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 核查音像资料是否上传 (REC-08): runs when the upload deadline of one recorded activity has passed.
 * The activity's own values were captured by the subprocess's input mapping
 * ({@code checkedRecordingIds}, {@code recordingsAtActivityEnd}), so later activities of the same
 * case do not overwrite them. Uploaded means: the officer picked recordings when recording the
 * activity, or the case has more recordings now than at the activity's end. Sets
 * {@code recordingUploaded} (local) for the gateway; the warning itself is a task in the model.
 */
@Component("recordingUploadCheck")
public class RecordingUploadCheck implements JavaDelegate {

  private final CaseRecordings caseRecordings;

  public RecordingUploadCheck(CaseRecordings caseRecordings) {
    this.caseRecordings = caseRecordings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean picked = !UserIds.of(execution.getVariable("checkedRecordingIds")).isEmpty();
    Object before = execution.getVariable("recordingsAtActivityEnd");
    int countBefore = before instanceof Number n ? n.intValue() : 0;
    boolean arrived = caseRecordings.count(execution) > countBefore;
    execution.setVariableLocal("recordingUploaded", picked || arrived);
  }
}
