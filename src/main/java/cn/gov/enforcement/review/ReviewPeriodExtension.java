package cn.gov.enforcement.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task_ExtendReviewPeriod (LR-06): adds the extension to the period once; the recreated review
 * task's due date reads the longer period. The reason stays in {@code extensionReason} and the
 * history. The request flag is cleared so the next completion is the review itself.
 */
@Component("reviewPeriodExtension")
public class ReviewPeriodExtension implements JavaDelegate {

  private final int extensionWorkingDays;

  public ReviewPeriodExtension(@Value("${review.period.extension-working-days:3}") int extensionWorkingDays) {
    this.extensionWorkingDays = extensionWorkingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int days = ((Number) LegalReviewModel.REVIEW_WORKING_DAYS.get(execution)).intValue();
    LegalReviewModel.REVIEW_WORKING_DAYS.set(execution, days + extensionWorkingDays);
    LegalReviewModel.REVIEW_EXTENDED.set(execution, true);
    LegalReviewModel.EXTENSION_REQUESTED.set(execution, false);
  }
}
