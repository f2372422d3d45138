package cn.gov.enforcement.recording;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * recording-disposal, Task_CheckLegalHold: sets {@code legalHold} (RET-06) and the summary the
 * records office and the section head read in their forms ({@link RecordingDisposal#review}).
 */
@Component("checkDisposalLegalHold")
public class CheckDisposalLegalHoldDelegate implements JavaDelegate {

  private final RecordingDisposal disposal;

  public CheckDisposalLegalHoldDelegate(RecordingDisposal disposal) {
    this.disposal = disposal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RecordingDisposal.Review review = disposal.review(RecordingDisposalModel.RECORDING_ID.get(execution));
    RecordingDisposalModel.LEGAL_HOLD.set(execution, review.legalHold().isPresent());
    RecordingDisposalModel.LEGAL_HOLD_REASON.set(execution, review.legalHold().orElse(null));
    RecordingDisposalModel.RECORDING_SUMMARY.set(execution, review.summary());
  }
}
