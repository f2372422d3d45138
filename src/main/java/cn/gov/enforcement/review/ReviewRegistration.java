package cn.gov.enforcement.review;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.platform.EngineClock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterReview: the review period starts when the legal unit receives the file (LR-06).
 * The period length comes from configuration because LR-06 calls it configurable; the task's
 * due date reads {@code reviewStart} and {@code reviewWorkingDays}.
 */
@Component("reviewRegistration")
public class ReviewRegistration implements JavaDelegate {

  private final int reviewWorkingDays;

  public ReviewRegistration(@Value("${review.period.working-days:7}") int reviewWorkingDays) {
    this.reviewWorkingDays = reviewWorkingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the engine clock, so tests that move time get the day they expect
    LocalDate today = BeijingTime.dayOf(EngineClock.now());
    if (LegalReviewModel.REVIEW_START.get(execution) == null) {
      LegalReviewModel.REVIEW_START.set(execution, today.toString());
    }
    Object investigators = LegalReviewModel.INVESTIGATORS.get(execution);
    LegalReviewModel.INVESTIGATORS.set(execution, investigators == null ? "" : investigators.toString());
    LegalReviewModel.REVIEW_WORKING_DAYS.set(execution, reviewWorkingDays);
    LegalReviewModel.REVIEW_EXTENDED.set(execution, false);
    LegalReviewModel.EXTENSION_REQUESTED.set(execution, false);
  }
}
