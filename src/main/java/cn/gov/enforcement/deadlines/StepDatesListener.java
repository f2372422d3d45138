package cn.gov.enforcement.deadlines;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The {@code stepDates} task listener (event {@code complete}) of every user task with a dated
 * step (PER-06): writes the server's date into the step's stamped variables, and marks an outside
 * date that lies more than {@code deadlines.late-entry-days} back as 补录: the process variable
 * {@code <field>LateEntry = true} and a line in {@code lateEntries}, which later forms show, in the
 * procedure's own instance and in the top-level instance that called it (the case's record).
 *
 * <p>The form listeners run before the model's listeners, so the stamped names have already been
 * refused if a client sent them; writing them here, after, is what makes them the server's.
 *
 * <p>As an execution listener (event {@code end}) of a service task, e.g. a registration step
 * without a person's form, it stamps that activity's variables the same way.
 */
@Component("stepDates")
public class StepDatesListener implements TaskListener, ExecutionListener {

  /** The running record of late entries, shown in later forms. */
  public static final String LATE_ENTRIES = "lateEntries";

  private final LateEntryPolicy policy;

  public StepDatesListener(LateEntryPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void notify(DelegateTask task) {
    String processKey = processKey(task);
    LocalDate today = ServerToday.today();
    DelegateExecution execution = task.getExecution();
    for (DatedSteps steps : DatedStepsConfiguration.ALL) {
      if (!steps.processKey().equals(processKey)) {
        continue;
      }
      for (String name : steps.stampedAtTask().getOrDefault(task.getTaskDefinitionKey(), List.of())) {
        execution.setVariable(name, today.toString());
      }
      boolean asksForOutsideDate = false;
      for (OutsideDate date : steps.outsideDates()) {
        if (task.getTaskDefinitionKey().equals(date.taskKey()) && !date.isPlanned()) {
          markIfLate(execution, task, date, today);
          asksForOutsideDate = true;
        }
      }
      if (asksForOutsideDate) {
        // the reason is kept in lateEntries; a stale one must not excuse the next late date
        execution.removeVariable(LateEntryPolicy.REASON_FIELD);
      }
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    String processKey = execution.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    LocalDate today = ServerToday.today();
    for (DatedSteps steps : DatedStepsConfiguration.ALL) {
      if (steps.processKey().equals(processKey)) {
        for (String name : steps.stampedAtTask().getOrDefault(execution.getCurrentActivityId(), List.of())) {
          execution.setVariable(name, today.toString());
        }
      }
    }
  }

  private void markIfLate(DelegateExecution execution, DelegateTask task, OutsideDate date, LocalDate today) {
    Optional<LocalDate> day = ServerToday.day(task.getVariable(date.field()));
    if (day.isEmpty() || !OutsideDateRule.isLate(day.get(), today, policy)) {
      return;
    }
    Object reason = task.getVariable(LateEntryPolicy.REASON_FIELD);
    execution.setVariable(date.field() + "LateEntry", true);
    String line = "补录：" + date.label() + " " + day.get() + "（" + today + " 录入；原因：" + reason + "）";
    append(execution.getProcessInstance(), line);
    // the case's record shows what a procedure it called entered late (e.g. a service date)
    DelegateExecution root = execution.getProcessInstance();
    while (root.getSuperExecution() != null) {
      root = root.getSuperExecution().getProcessInstance();
    }
    if (!root.getId().equals(execution.getProcessInstanceId())) {
      append(root, line);
    }
  }

  private static void append(DelegateExecution instance, String line) {
    Object before = instance.getVariableLocal(LATE_ENTRIES);
    instance.setVariableLocal(LATE_ENTRIES, before == null || before.toString().isBlank() ? line : before + "\n" + line);
  }

  private static String processKey(DelegateTask task) {
    return task.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(task.getProcessDefinitionId()).getKey();
  }
}
