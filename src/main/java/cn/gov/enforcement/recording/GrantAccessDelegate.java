package cn.gov.enforcement.recording;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * recording-access, Task_GrantAccess: {@link RecordingAccessRequests#grant} for the recordings routed
 * to the approver; the approver is whoever completed the approval (the engine's authenticated user).
 */
@Component("grantRecordingAccess")
public class GrantAccessDelegate implements JavaDelegate {

  private final RecordingAccessRequests requests;
  private final IdentityService identityService;

  public GrantAccessDelegate(RecordingAccessRequests requests, IdentityService identityService) {
    this.requests = requests;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant expires = requests.grant(request(execution),
        ProcessVariables.strings(execution.getVariable("grantRecordingIds")), Caller.actor(identityService, "unknown"),
        Boolean.TRUE.equals(execution.getVariable("copyKept")));
    execution.setVariable("grantExpiresAt", Date.from(expires));
  }

  /** The request as the process holds it. */
  static RecordingAccessRequests.Request request(DelegateExecution execution) {
    return new RecordingAccessRequests.Request((String) execution.getVariable("requester"),
        (String) execution.getVariable("purpose"), (String) execution.getVariable("requestingParty"),
        (String) execution.getVariable("reason"), execution.getProcessInstanceId());
  }
}
