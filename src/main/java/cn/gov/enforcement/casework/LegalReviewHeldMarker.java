package cn.gov.enforcement.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * CallActivity_LegalReview, on start (LR-04, issue 14 item 1): marks the case as one whose
 * decision needed legal review ({@value #HELD}, server-stamped). From then on
 * {@code Flow_LegalReviewRequired} sends every changed draft back to review, whatever the
 * {@code legal-review-requirement} answers now, so only a PASS reaches the approval.
 */
@Component("legalReviewHeldMarker")
public class LegalReviewHeldMarker implements ExecutionListener {

  static final String HELD = "legalReviewHeld";

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable(HELD, true);
  }
}
