package cn.gov.enforcement.decision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_Deliberate, complete (DEC-12, DEC-13, DEC-15). The form requires what the minutes hold:
 * every speech in the prescribed order (DEC-10), the majority view, the outcome and the dissent, and
 * the director's reason for a decision against the majority (DEC-12). The meeting day
 * ({@code deliberationDate}, the server's date of this step, PER-06) is the decision day from which
 * the 20-day publication period and the 3-month deferral run.
 */
@Component("deliberationRecord")
public class DeliberationRecord implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if ("APPROVE".equals(MajorDecisionModel.DELIBERATION_OUTCOME.get(task))) {
      MajorDecisionModel.DECISION_DATE.set(task, MajorDecisionModel.DELIBERATION_DATE.get(task));
    }
    MajorDecisionModel.RESUMED.set(task, false);
  }
}
