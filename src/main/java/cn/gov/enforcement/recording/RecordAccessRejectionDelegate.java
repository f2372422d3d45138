package cn.gov.enforcement.recording;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** recording-access, Task_RecordRejection: a refused request is audited like a granted one (ACC-07). */
@Component("recordAccessRejection")
public class RecordAccessRejectionDelegate implements JavaDelegate {

  private final AuditLog auditLog;
  private final IdentityService identityService;

  public RecordAccessRejectionDelegate(AuditLog auditLog, IdentityService identityService) {
    this.auditLog = auditLog;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Authentication authentication = identityService.getCurrentAuthentication();
    auditLog.append(authentication == null ? "unknown" : authentication.getUserId(), AuditAction.ACCESS_REJECTED,
        String.valueOf(execution.getVariable("grantRecordingIds")), "requester=" + execution.getVariable("requester")
            + " purpose=" + execution.getVariable("purpose") + " opinion=" + execution.getVariable("approvalOpinion")
            + " request=" + execution.getProcessInstanceId());
  }
}
