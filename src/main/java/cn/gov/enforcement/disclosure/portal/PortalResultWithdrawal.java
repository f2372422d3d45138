package cn.gov.enforcement.disclosure.portal;

import cn.gov.enforcement.disclosure.DisclosureModel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Takes a {@code disclosure} instance's result off the portal at once: when the revocation notice
 * is registered (Task_RegisterRevocation, PUB-05: the explanation follows within 3 days), when the
 * PUB-04 period ends (Event_WithdrawalDue; the portal's query already hides it from that moment),
 * and again at Task_WithdrawPublication (idempotent).
 */
@Component("portalResultWithdrawal")
public class PortalResultWithdrawal implements ExecutionListener, TaskListener {

  private final PortalStore store;

  public PortalResultWithdrawal(PortalStore store) {
    this.store = store;
  }

  @Override
  public void notify(DelegateExecution execution) {
    store.withdrawResult(execution.getProcessInstanceId(), kind(execution.getCurrentActivityId()));
  }

  @Override
  public void notify(DelegateTask task) {
    store.withdrawResult(task.getProcessInstanceId(), kind(task.getTaskDefinitionKey()));
  }

  private static String kind(String activityId) {
    return DisclosureModel.TASK_REGISTER_REVOCATION.equals(activityId) ? "REVOKED" : "PERIOD_ENDED";
  }
}
