package cn.gov.enforcement.recording;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.platform.EngineClock;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * recording-access, Task_GrantAccess: one grant per approved recording for the requester, ending
 * after {@code recording.access.grant-validity}. The approver is whoever completed the approval
 * (the engine's authenticated user). Material supplied by the legal unit requires that a copy was
 * kept (ACC-04).
 */
@Component("grantRecordingAccess")
public class GrantAccessDelegate implements JavaDelegate {

  private final RecordingRepository repository;
  private final RecordingProperties properties;
  private final AuditLog auditLog;
  private final IdentityService identityService;

  public GrantAccessDelegate(RecordingRepository repository, RecordingProperties properties, AuditLog auditLog,
      IdentityService identityService) {
    this.repository = repository;
    this.properties = properties;
    this.auditLog = auditLog;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String purpose = (String) execution.getVariable("purpose");
    if (AccessPurpose.REVIEW_OR_LITIGATION.name().equals(purpose) && !Boolean.TRUE.equals(execution.getVariable("copyKept"))) {
      throw new IllegalArgumentException("法规科提供复议、诉讼材料须留存复制件 / the legal unit must keep a copy (ACC-04)");
    }
    Authentication authentication = identityService.getCurrentAuthentication();
    String approver = authentication == null ? "unknown" : authentication.getUserId();
    String requester = (String) execution.getVariable("requester");
    Instant now = EngineClock.now().toInstant();
    Instant expires = now.atZone(RetentionClassifier.SHANGHAI).plus(properties.access().grantValidity()).toInstant();
    for (String id : ProcessVariables.strings(execution.getVariable("grantRecordingIds"))) {
      AccessGrant grant = new AccessGrant(UUID.randomUUID().toString(), id, requester, purpose,
          (String) execution.getVariable("reason"), execution.getProcessInstanceId(), approver, now, expires);
      repository.insertGrant(grant);
      auditLog.append(approver, AuditAction.ACCESS_GRANTED, id, "grantee=" + requester + " purpose=" + purpose
          + " party=" + execution.getVariable("requestingParty") + " expires=" + expires + " request="
          + execution.getProcessInstanceId()
          + (Boolean.TRUE.equals(execution.getVariable("copyKept")) ? " copy kept by the legal unit" : ""));
    }
    execution.setVariable("grantExpiresAt", java.util.Date.from(expires));
  }
}
