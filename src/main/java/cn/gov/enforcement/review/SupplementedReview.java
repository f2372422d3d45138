package cn.gov.enforcement.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Flow_Supplemented, on take (LR-04, LR-06): a standalone review returned for supplement comes
 * back as a new receipt of the file, so the period is registered afresh ({@link ReviewRegistration}:
 * starts on the day the supplemented file arrives, 7 working days, one extension allowed again).
 */
@Component("supplementedReview")
public class SupplementedReview implements ExecutionListener {

  private final ReviewRegistration registration;

  public SupplementedReview(ReviewRegistration registration) {
    this.registration = registration;
  }

  @Override
  public void notify(DelegateExecution execution) {
    LegalReviewModel.REVIEW_START.remove(execution);
    registration.execute(execution);
  }
}
