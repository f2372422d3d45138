package cn.gov.enforcement.recording;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * recording-disposal, Task_ExtendRetention: a recording that is kept (legal hold, records office or
 * section head said keep) gets another minimum period ({@link RetentionDecisions#keep}), with the reason
 * the process gathered.
 */
@Component("extendRetention")
public class ExtendRetentionDelegate implements JavaDelegate {

  private final RetentionDecisions retention;
  private final IdentityService identityService;

  public ExtendRetentionDelegate(RetentionDecisions retention, IdentityService identityService) {
    this.retention = retention;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = Boolean.TRUE.equals(RecordingDisposalModel.LEGAL_HOLD.get(execution))
        ? "legal hold: " + RecordingDisposalModel.LEGAL_HOLD_REASON.get(execution)
        : "kept after disposal review: " + RecordingDisposalModel.REVIEW_OPINION.get(execution)
            + (RecordingDisposalModel.APPROVAL_OPINION.get(execution) == null ? "" : " / " + RecordingDisposalModel.APPROVAL_OPINION.get(execution));
    retention.keep(RecordingDisposalModel.RECORDING_ID.get(execution), Caller.actor(identityService, "system"), reason);
  }
}
