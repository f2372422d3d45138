package cn.gov.enforcement.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Issue 14 item 3 (CASE-03, LR-05, DEC-04): a user task whose model names its person
 * ({@code camunda:assignee="${appointedHearingOfficer}"}, {@code ${expert}}, {@code ${requester}})
 * stays with that person. On every {@code assignment} event (claim, setAssignee, delegate,
 * unclaim) the new assignee must be the person the model's expression names now; anything else —
 * an investigator taking over the hearing, a colleague of the candidate group, nobody — is refused
 * with 403 and the command rolls back. Completing the task is the assignee's alone
 * ({@link EngineGuardInterceptor}), so together only the named person completes it.
 *
 * <p>Added to every such task by {@link NamedAssigneeParseListener}, so no model can forget it.
 */
final class NamedAssigneeOnly implements TaskListener {

  static final NamedAssigneeOnly INSTANCE = new NamedAssigneeOnly();

  @Override
  public void notify(DelegateTask task) {
    if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null || task.getExecution() == null) {
      return;
    }
    Expression expression = entity.getTaskDefinition().getAssigneeExpression();
    Object named = expression == null ? null : expression.getValue(task.getExecution());
    if (named == null || named.toString().isBlank()) {
      return; // the model names nobody here: an ordinary group task
    }
    String assignee = task.getAssignee();
    if (!named.toString().equals(assignee)) {
      throw new GuardForbiddenException("NAMED_ASSIGNEE",
          "该任务由 " + named + " 本人办理，不得改派" + (assignee == null ? "或退回" : "给 " + assignee),
          "the task belongs to " + named + " and cannot be " + (assignee == null ? "unassigned" : "given to " + assignee));
    }
  }
}
