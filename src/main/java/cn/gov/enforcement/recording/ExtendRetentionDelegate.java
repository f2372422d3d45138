package cn.gov.enforcement.recording;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * recording-disposal, Task_ExtendRetention: a recording that is kept (legal hold, records office or
 * section head said keep) gets another minimum period ({@link RecordingDisposal#keep}), with the reason
 * the process gathered.
 */
@Component("extendRetention")
public class ExtendRetentionDelegate implements JavaDelegate {

  private final RecordingDisposal disposal;
  private final IdentityService identityService;

  public ExtendRetentionDelegate(RecordingDisposal disposal, IdentityService identityService) {
    this.disposal = disposal;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = Boolean.TRUE.equals(execution.getVariable("legalHold"))
        ? "legal hold: " + execution.getVariable("legalHoldReason")
        : "kept after disposal review: " + execution.getVariable("reviewOpinion")
            + (execution.getVariable("approvalOpinion") == null ? "" : " / " + execution.getVariable("approvalOpinion"));
    disposal.keep((String) execution.getVariable("recordingId"), Caller.actor(identityService, "system"), reason);
  }
}
