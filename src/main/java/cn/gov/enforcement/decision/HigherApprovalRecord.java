package cn.gov.enforcement.decision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_RecordHigherApproval, complete (DEC-14, DEC-15): the procedure waited for the county
 * government's or people's congress's answer (the form requires it and its date); an approved
 * decision takes effect on the day of the answer, from which the publication period runs.
 */
@Component("higherApprovalRecord")
public class HigherApprovalRecord implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (Boolean.TRUE.equals(MajorDecisionModel.HIGHER_APPROVED.get(task))) {
      MajorDecisionModel.DECISION_DATE.set(task, MajorDecisionModel.HIGHER_APPROVAL_DATE.get(task));
    }
  }
}
