package cn.gov.enforcement.recording;

import cn.gov.enforcement.identity.StaffMembership;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * recording-disposal, Task_ReviewDisposal on complete (RET-06, issue 14 item 7): the records-office
 * member who recommends a disposal is its requester, stamped as {@code disposalRequestedBy}
 * (server-stamped); the approval task names that variable as {@code requestedBy}, so
 * {@code noSelfApproval} keeps the recommender from approving their own disposal.
 */
@Component("disposalReviewRecord")
public class DisposalReviewRecord implements TaskListener {

  static final String REQUESTED_BY = "disposalRequestedBy";

  private final StaffMembership staff;

  public DisposalReviewRecord(StaffMembership staff) {
    this.staff = staff;
  }

  @Override
  public void notify(DelegateTask task) {
    String doer = staff.doer(task).orElseThrow(() -> new NotValidException(
        "销毁审查须由具名的登录用户办理 / the disposal review must be completed by a named user"));
    if (!doer.equals(task.getAssignee())) {
      task.setAssignee(doer);
    }
    task.getExecution().setVariable(REQUESTED_BY, doer);
  }
}
