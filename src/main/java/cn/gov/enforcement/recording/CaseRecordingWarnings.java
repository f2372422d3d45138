package cn.gov.enforcement.recording;

import cn.gov.enforcement.casework.EnforcementCaseModel;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code caseRecordingWarnings}, on create of the reviewer's tasks (负责人审批决定, 法制审核): puts the
 * warnings the store computed at upload for every recording of the case — REC-02 media mismatch,
 * REC-05 time difference, REC-06 gaps without a reason, REC-08 late upload — into the task-local
 * {@code recordingWarnings} (markdown, shown by the form) and {@code recordingWarningCount}.
 */
@Component("caseRecordingWarnings")
public class CaseRecordingWarnings implements TaskListener {

  public static final String WARNINGS = "recordingWarnings";
  public static final String COUNT = "recordingWarningCount";

  private final CaseEvidence evidence;

  public CaseRecordingWarnings(CaseEvidence evidence) {
    this.evidence = evidence;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> keys = CaseEvidence.keys(EnforcementCaseModel.CASE_NUMBER.get(task), CaseEvidence.businessKey(task));
    List<Recording> recordings = evidence.of(keys, null);
    task.setVariableLocal(CaseEvidence.CASE_NUMBER, keys.isEmpty() ? null : keys.get(0));
    task.setVariableLocal(WARNINGS, evidence.warningsText(recordings));
    task.setVariableLocal(COUNT, CaseEvidence.warningCount(recordings));
  }
}
