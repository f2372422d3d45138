package cn.gov.enforcement.deadlines;

import cn.gov.enforcement.calendar.DeadlineRecomputation;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * PER-05 with PER-07: a 期限预警 issued about a task whose due date was provisional keeps a copy of
 * that date (its own due date and the text its form shows). When an entered notice moves the task's
 * due date, the open warning shows the new one, in the same transaction as the move. A warning or
 * 超期 already given stays given; the audit entry of the move says what changed.
 */
@Component
class EscalationFollowsMovedDeadline implements DeadlineRecomputation.Listener {

  static final String WARNING_TASK = DeadlineEscalationModel.TASK_DEADLINE_WARNING;

  private final RuntimeService runtime;
  private final TaskService tasks;

  EscalationFollowsMovedDeadline(RuntimeService runtime, TaskService tasks) {
    this.runtime = runtime;
    this.tasks = tasks;
  }

  @Override
  public void moved(DeadlineRecomputation.Change change) {
    if (!"TASK".equals(change.kind()) || change.after() == null) {
      return;
    }
    for (ProcessInstance escalation : runtime.createProcessInstanceQuery()
        .processDefinitionKey(DeadlineSweep.ESCALATION_PROCESS)
        .variableValueEquals(DeadlineSweep.WATCHED_TASK, change.id()).list()) {
      runtime.setVariable(escalation.getId(), DeadlineSweep.WATCHED_DUE, change.after());
      runtime.setVariable(escalation.getId(), DeadlineSweep.WATCHED_DUE_TEXT, DeadlineSweep.dueText(change.after()));
      runtime.setVariable(escalation.getId(), DeadlineSweep.WATCHED_DUE_PROVISIONAL, change.provisional());
      for (Task warning : tasks.createTaskQuery().processInstanceId(escalation.getId())
          .taskDefinitionKey(WARNING_TASK).list()) {
        warning.setDueDate(change.after());
        tasks.saveTask(warning);
      }
    }
  }
}
