package cn.gov.enforcement.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Flow_Supplemented, on take (LR-04, LR-06): a standalone review returned for supplement comes
 * back as a new receipt of the file, so {@link ReviewRegistration} starts the period afresh on the
 * day the supplemented file arrives (the earlier start day is dropped here).
 */
@Component("supplementedReview")
public class SupplementedReview implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execution.removeVariable("reviewStart");
  }
}
