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
    boolean disposed = disposal.dispose(RecordingDisposalModel.RECORDING_ID.get(execution),
        Caller.actor(identityService, "unknown"), RecordingDisposalModel.APPROVAL_OPINION.get(execution),
        RecordingDisposalModel.REVIEW_OPINION.get(execution));
    RecordingDisposalModel.DISPOSED.set(execution, disposed);
  }
}
