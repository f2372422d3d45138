package cn.gov.enforcement.decision;

import cn.gov.enforcement.calendar.Periods;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * DEC-16: implementation reports are periodic. Report n (1, 2, …) is due at 24:00 of the last day of
 * n periods of {@code decision-rules.implementation-report-months} months counted from the result's
 * publication ({@code resultPublishedOn}; the decision day when the result is not published), so a
 * late report does not shift the next one. The period is a rule-set value in configuration (like
 * the other agency rule sets), not a DMN table: it is one number without inputs. Used by
 * Task_MonitorImplementation (its due date, and on complete the counter
 * {@code implementationReportNo}) and by the timer Event_NextReportPeriod, which opens the next
 * report when the current period ends; the cycle runs until the director stops the implementation
 * or ends the supervision (Task_DecideImplementation).
 */
@Component("implementationReports")
public class ImplementationReports implements TaskListener, ExecutionListener {

  static final String COUNTER = "implementationReportNo";

  private final Periods periods;
  private final int months;

  public ImplementationReports(Periods periods, @Value("${decision-rules.implementation-report-months:3}") int months) {
    this.periods = periods;
    this.months = months;
  }

  /** When the report now open (or the next one, after {@link #notify}) is due. */
  public Date due(DelegateExecution execution) {
    Object base = MajorDecisionModel.RESULT_PUBLISHED_ON.get(execution);
    if (base == null) {
      base = MajorDecisionModel.DECISION_DATE.get(execution);
    }
    return periods.endOfMonths(base, months * (reportNo(execution.getVariable(COUNTER)) + 1));
  }

  /** The end of the period of the report just completed: the next report opens then. */
  public Date periodEnd(DelegateExecution execution) {
    Object base = MajorDecisionModel.RESULT_PUBLISHED_ON.get(execution);
    if (base == null) {
      base = MajorDecisionModel.DECISION_DATE.get(execution);
    }
    return periods.endOfMonths(base, months * reportNo(execution.getVariable(COUNTER)));
  }

  /** Task_MonitorImplementation, complete: one more report done. */
  @Override
  public void notify(DelegateTask task) {
    task.getExecution().getProcessInstance().setVariable(COUNTER, reportNo(task.getVariable(COUNTER)) + 1);
  }

  /** Gateway_Published, start: a (re)approved decision starts its report periods afresh (REVISE). */
  @Override
  public void notify(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(COUNTER, 0L);
  }

  private static long reportNo(Object value) {
    return value instanceof Number n ? n.longValue() : 0L;
  }
}
