package cn.gov.enforcement.decision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_RecordHigherApproval, complete (DEC-14, DEC-15): the procedure waited for the county
 * government's or people's congress's answer; an approved decision takes effect on the day of
 * the answer, from which the publication period runs.
 */
@Component("higherApprovalRecord")
public class HigherApprovalRecord implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Checks.require("DEC-14", "higherApproved", MajorDecisionModel.HIGHER_APPROVED.get(task) instanceof Boolean, "须登记上级是否批准",
        "higherApproved (true/false) is required");
    Checks.require("DEC-14", "higherApprovalDate", !Checks.blank(MajorDecisionModel.HIGHER_APPROVAL_DATE.get(task)), "须登记批复日期", "higherApprovalDate is required");
    if (Checks.isTrue(task, "higherApproved")) {
      MajorDecisionModel.DECISION_DATE.set(task, MajorDecisionModel.HIGHER_APPROVAL_DATE.get(task));
    }
  }
}
