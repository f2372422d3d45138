package cn.gov.enforcement.recording;

import cn.gov.enforcement.casework.EnforcementCaseModel;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 核查音像资料是否上传 (REC-08), bean {@code recordingUploadCheck}: runs in {@code enforcement-case} when
 * the upload deadline of one recorded activity has passed, and asks the evidence store. The
 * activity's own values were captured by the subprocess's input mapping ({@code checkedActivity},
 * {@code checkedRecordingIds}, {@code recordingsAtActivityEnd} = the store's count for the case and
 * activity then), so later activities of the same case do not overwrite them. Uploaded means: a
 * recording the officer picked for the activity is in the store under this case, or the store holds
 * more recordings of this case and activity than at the activity's end. Sets {@code recordingUploaded}
 * (local) for the gateway; the warning itself is a task in the model.
 */
@Component("recordingUploadCheck")
public class CaseUploadCheck implements JavaDelegate {

  private final CaseEvidence evidence;

  public CaseUploadCheck(CaseEvidence evidence) {
    this.evidence = evidence;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> keys = CaseEvidence.keys(EnforcementCaseModel.CASE_NUMBER.get(execution), CaseEvidence.businessKey(execution));
    boolean picked = !evidence.stored(keys, CaseEvidence.ids(execution.getVariable("checkedRecordingIds"))).isEmpty();
    Object activity = execution.getVariable("checkedActivity");
    Object before = execution.getVariable("recordingsAtActivityEnd");
    int countBefore = before instanceof Number n ? n.intValue() : 0;
    boolean arrived = evidence.of(keys, activity == null ? null : activity.toString()).size() > countBefore;
    execution.setVariableLocal("recordingUploaded", picked || arrived);
  }
}
