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
        ProcessVariables.strings(RecordingAccessModel.GRANT_RECORDING_IDS.get(execution)), Caller.actor(identityService, "unknown"),
        Boolean.TRUE.equals(RecordingAccessModel.COPY_KEPT.get(execution)));
    RecordingAccessModel.GRANT_EXPIRES_AT.set(execution, Date.from(expires));
  }

  /** The request as the process holds it. */
  static RecordingAccessRequests.Request request(DelegateExecution execution) {
    return new RecordingAccessRequests.Request(RecordingAccessModel.REQUESTER.get(execution),
        RecordingAccessModel.PURPOSE.get(execution), RecordingAccessModel.REQUESTING_PARTY.get(execution),
        RecordingAccessModel.REASON.get(execution), execution.getProcessInstanceId());
  }
}
