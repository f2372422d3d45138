package cn.gov.enforcement.recording;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * recording-disposal, Task_DisposeRecording (RET-06): {@link RecordingDisposal#dispose} by whoever
 * approved it; {@code disposed} tells the gateway whether a legal hold kept the recording after all.
 */
@Component("disposeRecording")
public class DisposeRecordingDelegate implements JavaDelegate {

  private final RecordingDisposal disposal;
  private final IdentityService identityService;

  public DisposeRecordingDelegate(RecordingDisposal disposal, IdentityService identityService) {
    this.disposal = disposal;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean disposed = disposal.dispose((String) execution.getVariable("recordingId"),
        Caller.actor(identityService, "unknown"), execution.getVariable("approvalOpinion"),
        execution.getVariable("reviewOpinion"));
    execution.setVariable("disposed", disposed);
  }
}
