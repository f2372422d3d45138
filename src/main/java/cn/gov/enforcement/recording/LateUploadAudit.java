package cn.gov.enforcement.recording;

import cn.gov.enforcement.casework.EnforcementCaseModel;
import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * PER-07 for REC-08: when the section head's late-upload task is raised (the 24 hours passed, or a
 * recording arrived late), the missed deadline is written to the audit log like every other
 * expired deadline (DEADLINE_OVERDUE), so an inspector finds it without reading process history.
 */
@Component("lateUploadAudit")
public class LateUploadAudit implements ExecutionListener {

  private final AuditLog audit;

  public LateUploadAudit(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object recording = RecordingUploadDeadlineModel.RECORDING_ID.get(execution);
    audit.append("system", AuditAction.DEADLINE_OVERDUE,
        "process-instance/" + execution.getProcessInstanceId(),
        "REC-08 音像记录上传时限 " + RecordingUploadDeadlineModel.UPLOAD_DEADLINE.get(execution) + " 已过："
            + (recording == null ? "届时仍未上传" : "逾期上传 " + recording)
            + "（案件 " + EnforcementCaseModel.CASE_NUMBER.get(execution) + "，活动 " + RecordingUploadDeadlineModel.ACTIVITY.get(execution) + "）"
            + " / upload deadline passed" + (recording == null ? ", nothing uploaded" : ", uploaded late"));
  }
}
