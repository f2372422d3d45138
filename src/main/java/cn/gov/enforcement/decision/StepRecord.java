package cn.gov.enforcement.decision;

import cn.gov.enforcement.forms.FormValidationException;
import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.identity.StaffMembership;
import cn.gov.enforcement.platform.EngineClock;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Every user task of major-decision, event complete (DEC-17, AUX-01). The person who completes a
 * step becomes its assignee, so the history names who did each step and when (承办人, 审核人,
 * 批准人); the three roles of DEC-17 are also kept as variables. Auxiliary staff may complete
 * only the clerical steps; a deciding step completed by one of them is refused even if a
 * misconfigured candidate group let them see it. These are refusals of who completes, not of what
 * the form holds, so they are not {@code FormRule}s: they throw the same refusal directly.
 */
@Component("stepRecord")
public class StepRecord implements TaskListener {

  /** Clerical steps auxiliary staff may do (AUX-02): receiving opinions, preparing meeting papers. */
  static final Set<String> CLERICAL = Set.of(MajorDecisionModel.TASK_REGISTER_OPINIONS, MajorDecisionModel.TASK_PREPARE_MEETING);

  /** DEC-17 roles: which step makes its doer the drafter, the reviewer or the approver. */
  static final Map<String, String> ROLES = Map.of(
      MajorDecisionModel.TASK_RESEARCH_DRAFT, "draftedBy",
      MajorDecisionModel.TASK_REVISE_DRAFT, "draftedBy",
      MajorDecisionModel.TASK_REVIEW_DRAFT, "reviewedBy",
      MajorDecisionModel.TASK_ADMIT_PROPOSAL, "admittedBy",
      MajorDecisionModel.TASK_DELIBERATE, "approvedBy");

  private final StaffMembership staff;

  public StepRecord(StaffMembership staff) {
    this.staff = staff;
  }

  @Override
  public void notify(DelegateTask task) {
    String doer = staff.doer(task).orElse(null);
    if (doer == null) {
      throw FormValidationException.rule("DEC-17", "assignee", "须由具名人员完成此步骤（先认领）",
          "a step must be completed by a named person (claim it first)");
    }
    if (!CLERICAL.contains(task.getTaskDefinitionKey()) && staff.isMember(doer, BureauGroup.AUXILIARY_STAFF)) {
      throw FormValidationException.rule("AUX-01", "assignee", "执法辅助人员不得完成决定性步骤", "auxiliary staff may not complete a deciding step");
    }
    if (!doer.equals(task.getAssignee())) {
      task.setAssignee(doer);
    }
    String role = ROLES.get(task.getTaskDefinitionKey());
    if (role != null) {
      task.setVariable(role, doer);
      task.setVariable(role.replace("By", "At"), EngineClock.now());
    }
  }
}
