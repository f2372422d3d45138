package cn.gov.enforcement.disclosure;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * 法制审核公示内容, on complete (PUB-01, PUB-03): content that withholds something can only be
 * approved when the reviewer accepted the recorded reason; a rejected reason sends the content
 * back. The reviewer is recorded as {@code disclosureReviewer}.
 */
@Component("disclosureReviewCheck")
public class DisclosureReviewCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean approved = Boolean.TRUE.equals(DisclosureModel.CONTENT_APPROVED.get(task));
    if (approved && Boolean.TRUE.equals(DisclosureModel.CONTENT_EXCLUDED.get(task))) {
      Object reason = DisclosureModel.EXCLUSION_REASON.get(task);
      if (reason == null || reason.toString().isBlank() || DisclosureModel.EXCLUSION_GROUND.get(task) == null) {
        throw new NotValidException("不予公开须记录情形和理由（exclusionGround、exclusionReason） / withheld content needs a recorded ground and reason (PUB-03)");
      }
      if (!Boolean.TRUE.equals(DisclosureModel.EXCLUSION_REASON_APPROVED.get(task))) {
        throw new NotValidException("不予公开的理由未经审核认可，不能同意发布 / the reason for withholding must be accepted before approval (PUB-03)");
      }
    }
    DisclosureModel.DISCLOSURE_REVIEWER.set(task.getExecution(), task.getAssignee());
  }
}
