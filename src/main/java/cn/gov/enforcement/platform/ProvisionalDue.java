package cn.gov.enforcement.platform;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.calendar.CalendarSource;
import cn.gov.enforcement.calendar.CalendarTrace;
import cn.gov.enforcement.calendar.WorkingDayCalendar;
import java.util.Date;
import java.util.SortedSet;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;

/**
 * A user task's due date computed from its model's {@code dueDate} expression, in the task's
 * context, with what the calendar reported while computing it (PER-05). The engine itself
 * evaluates the same expression when it creates the task; evaluating it again is side-effect free
 * (the expressions call the {@code periods} bean or read a variable).
 *
 * <p>Provisional when the computation used a day of a provisional year, or, for a due date the
 * model takes from a variable computed elsewhere, when it is a period end (24:00 Beijing time) whose
 * last day lies in a provisional year.
 */
record ProvisionalDue(Date due, boolean provisional, SortedSet<Integer> years) {

  /** The task-local variable that marks a due date computed on the provisional calendar. */
  static final String MARK = TaskDeadlineMarks.PROVISIONAL;

  /**
   * What a person sees (PER-05: 暂定 wherever the date is shown): Tasklist's list shows the task's
   * name beside its due date, so the name carries the mark until the year's notice is entered.
   */
  static final String NAME_MARK = "（期限暂定）";

  /** Sets or removes the task-local mark and the name's mark together. */
  static void mark(org.camunda.bpm.engine.delegate.DelegateTask task, boolean provisional) {
    String name = task.getName() == null ? "" : task.getName();
    if (provisional) {
      task.setVariableLocal(MARK, true);
      if (!name.endsWith(NAME_MARK)) {
        task.setName(name + NAME_MARK);
      }
    } else {
      task.removeVariableLocal(MARK);
      if (name.endsWith(NAME_MARK)) {
        task.setName(name.substring(0, name.length() - NAME_MARK.length()));
      }
    }
  }

  /** Null when the task's model has no due date expression. Runs inside a command. */
  static ProvisionalDue of(TaskEntity task, WorkingDayCalendar calendar) {
    TaskDefinition definition = task.getTaskDefinition();
    Expression expression = definition == null ? null : definition.getDueDateExpression();
    if (expression == null) {
      return null;
    }
    CalendarTrace.Traced<Object> traced = CalendarTrace.trace(() -> expression.getValue(task));
    Date due = toDate(traced.value(), task);
    boolean provisional = traced.provisional()
        || (due != null && isPeriodEnd(due) && calendar.source(lastDay(due).getYear()) == CalendarSource.PROVISIONAL);
    return new ProvisionalDue(due, provisional, traced.years());
  }

  /** As the engine's TaskDecorator: a Date as it is, a text through the "dueDate" business calendar. */
  private static Date toDate(Object value, TaskEntity task) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date;
    }
    String text = value.toString();
    if (text.isBlank()) {
      return null;
    }
    return Context.getProcessEngineConfiguration().getBusinessCalendarManager()
        .getBusinessCalendar(DueDateBusinessCalendar.NAME).resolveDuedate(text, task);
  }

  /**
   * Every period end is 24:00 Beijing time (PER-04); a due date at another time of day (e.g. the
   * 24 hours after a recording, REC-08) does not come from the calendar.
   */
  private static boolean isPeriodEnd(Date due) {
    return due.toInstant().atZone(BeijingTime.ZONE).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
  }

  /** A deadline is 00:00 of the day after its last day (PER-04). */
  private static java.time.LocalDate lastDay(Date due) {
    return BeijingTime.dayOf(new Date(due.getTime() - 1));
  }
}
