package cn.gov.enforcement.platform;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.calendar.CalendarTrace;
import cn.gov.enforcement.calendar.DeadlineRecomputation.Change;
import cn.gov.enforcement.calendar.WorkingDayCalendar;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.JobQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.ProcessInstanceQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.CallableElementActivityBehavior;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.core.model.CallableElementParameter;
import org.camunda.bpm.engine.impl.el.ElValueProvider;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventProcessor;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PER-05: after a year's notice was entered, computes every open deadline that depends on that
 * year again, in one transaction (all moved or none):
 * <ul>
 *   <li>due dates a calling process hands to the procedure it calls ({@code <camunda:in
 *       sourceExpression="${periods…}" target="serviceDue"/>}): the mapping is evaluated again in the
 *       calling execution, and the called instance's variable is set when the value moved, so the
 *       tasks below that read it ({@code dueDate="${serviceDue}"}) move with it;</li>
 *   <li>timer jobs: the engine's own recalculation ({@link RecalculateJobDuedateCmd}, from the
 *       timer's model expression in its execution's context, creation-date based for durations);
 *       a timer whose computation did not touch the year is put back as it was;</li>
 *   <li>user tasks: the model's {@code dueDate} expression in the task's context
 *       ({@link ProvisionalDue}); the due date is set when it moved, and {@code dueProvisional}
 *       is set or removed as the new computation says.</li>
 * </ul>
 * Each moved deadline is handed to {@link Audit} (old → new). Authorization checks are off: the
 * caller has been checked to be camunda-admin and the work is the system's, not a user's edit.
 */
public class RecomputeDeadlinesCmd implements Command<List<Change>> {

  private static final Logger LOG = LoggerFactory.getLogger(RecomputeDeadlinesCmd.class);

  /** Writes one audit entry per moved deadline, in the command's transaction. */
  public interface Audit {
    void moved(Change change);
  }

  private final int year;
  private final WorkingDayCalendar calendar;
  private final Audit audit;

  public RecomputeDeadlinesCmd(int year, WorkingDayCalendar calendar, Audit audit) {
    this.year = year;
    this.calendar = calendar;
    this.audit = audit;
  }

  @Override
  public List<Change> execute(CommandContext context) {
    context.disableAuthorizationCheck();
    try {
      List<Change> changes = new ArrayList<>();
      calledInputs(context, changes); // first: the timers and tasks of a called instance read them
      timers(context, changes);
      tasks(context, changes);
      changes.stream().filter(Change::moved).forEach(audit::moved);
      return changes;
    } finally {
      context.enableAuthorizationCheck();
    }
  }

  /**
   * Every input mapping of a call activity that computes a date is evaluated again in the waiting
   * calling execution. A mapping is side-effect free (it reads variables and asks the calendar);
   * only a result that used the year's data and is a date replaces the called instance's variable.
   */
  private void calledInputs(CommandContext context, List<Change> changes) {
    List<ProcessInstance> instances = context.getExecutionManager()
        .findProcessInstancesByQueryCriteria(new ProcessInstanceQueryImpl(), new Page(0, Integer.MAX_VALUE));
    for (ProcessInstance found : instances) {
      ExecutionEntity called = (ExecutionEntity) found;
      ExecutionEntity calling = called.getSuperExecution();
      if (calling == null || calling.getActivity() == null
          || !(calling.getActivity().getActivityBehavior() instanceof CallableElementActivityBehavior behavior)) {
        continue;
      }
      for (CallableElementParameter input : behavior.getCallableElement().getInputs()) {
        if (input.isAllVariables() || !(input.getSourceValueProvider() instanceof ElValueProvider provider)
            || !provider.isDynamic()) {
          continue;
        }
        CalendarTrace.Traced<Object> traced;
        try {
          traced = CalendarTrace.trace(() -> input.getSource(calling));
        } catch (ProcessEngineException | IllegalArgumentException e) {
          LOG.warn("调用活动 {} 的输入 {} 无法重新计算，保持不变 / input {} of {} could not be recomputed: {}",
              calling.getActivityId(), input.getTarget(), input.getTarget(), calling.getActivityId(), e.getMessage());
          continue;
        }
        if (!(traced.value() instanceof Date after) || !traced.years().contains(year)) {
          continue;
        }
        Object before = called.getVariableLocal(input.getTarget());
        if (!after.equals(before)) {
          called.setVariableLocal(input.getTarget(), after);
        }
        changes.add(new Change("VARIABLE", called.getId() + ":" + input.getTarget(), input.getTarget(), called.getId(),
            before instanceof Date date ? date : null, after, traced.provisional()));
      }
    }
  }

  private void timers(CommandContext context, List<Change> changes) {
    JobQueryImpl query = new JobQueryImpl();
    query.timers();
    List<Job> jobs = context.getJobManager().findJobsByQueryCriteria(query, new Page(0, Integer.MAX_VALUE));
    for (Job found : jobs) {
      JobEntity job = context.getJobManager().findJobById(found.getId());
      if (!(job instanceof TimerEntity)) {
        continue;
      }
      Date before = job.getDuedate();
      CalendarTrace.Traced<Date> traced;
      try {
        traced = CalendarTrace.trace(() -> {
          new RecalculateJobDuedateCmd(job.getId(), true).execute(context);
          return job.getDuedate();
        });
      } catch (ProcessEngineException e) {
        // e.g. a timer the engine cannot recalculate; it keeps its date, and the entry says why
        LOG.warn("定时器 {} 的期限无法重新计算，保持不变 / timer {} could not be recalculated: {}", job.getId(), job.getId(),
            e.getMessage());
        job.setDuedate(before);
        continue;
      }
      if (!traced.years().contains(year)) {
        job.setDuedate(before);
        continue;
      }
      changes.add(new Change("TIMER", job.getId(), job.getActivityId(), job.getProcessInstanceId(), before,
          traced.value(), traced.provisional()));
    }
  }

  private void tasks(CommandContext context, List<Change> changes) {
    List<Task> tasks = context.getTaskManager().findTasksByQueryCriteria(new TaskQueryImpl());
    for (Task found : tasks) {
      TaskEntity task = (TaskEntity) found;
      boolean marked = Boolean.TRUE.equals(task.getVariableLocal(ProvisionalDue.MARK));
      ProvisionalDue due;
      try {
        due = ProvisionalDue.of(task, calendar);
      } catch (ProcessEngineException | IllegalArgumentException e) {
        LOG.warn("任务 {} 的期限无法重新计算，保持不变 / task {} due date could not be recomputed: {}", task.getId(),
            task.getId(), e.getMessage());
        continue;
      }
      if (due == null || (!due.years().contains(year) && !marked && !dueInYear(task.getDueDate()))) {
        continue;
      }
      Date before = task.getDueDate();
      boolean dueMoved = !Objects.equals(before, due.due());
      if (dueMoved) {
        task.setDueDate(due.due());
      }
      if (due.provisional() || marked) {
        ProvisionalDue.mark(task, due.provisional());
      }
      if (dueMoved || marked != due.provisional()) {
        historyUpdate(context, task); // the due date and the name's 暂定 mark, as Cockpit's history shows them
      }
      changes.add(new Change("TASK", task.getId(), task.getTaskDefinitionKey(), task.getProcessInstanceId(), before,
          due.due(), due.provisional()));
    }
  }

  private boolean dueInYear(Date due) {
    return due != null && BeijingTime.dayOf(new Date(due.getTime() - 1)).getYear() == year;
  }

  /** What TaskService#saveTask would add: the historic task shows the new due date. */
  private static void historyUpdate(CommandContext context, TaskEntity task) {
    HistoryLevel level = context.getProcessEngineConfiguration().getHistoryLevel();
    if (level.isHistoryEventProduced(HistoryEventTypes.TASK_INSTANCE_UPDATE, task)) {
      HistoryEventProcessor.processHistoryEvents(new HistoryEventProcessor.HistoryEventCreator() {
        @Override
        public org.camunda.bpm.engine.impl.history.event.HistoryEvent createHistoryEvent(
            org.camunda.bpm.engine.impl.history.producer.HistoryEventProducer producer) {
          return producer.createTaskInstanceUpdateEvt(task);
        }
      });
    }
  }
}
