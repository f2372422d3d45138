package cn.gov.enforcement.recording;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** recording-access, Task_RecordRejection: {@link RecordingAccessRequests#reject}, audited like a grant (ACC-07). */
@Component("recordAccessRejection")
public class RecordAccessRejectionDelegate implements JavaDelegate {

  private final RecordingAccessRequests requests;
  private final IdentityService identityService;

  public RecordAccessRejectionDelegate(RecordingAccessRequests requests, IdentityService identityService) {
    this.requests = requests;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.reject(GrantAccessDelegate.request(execution), RecordingAccessModel.GRANT_RECORDING_IDS.get(execution),
        Caller.actor(identityService, "unknown"), RecordingAccessModel.APPROVAL_OPINION.get(execution));
  }
}
