package cn.gov.enforcement.casework;

import cn.gov.enforcement.forms.FormValidationException;
import cn.gov.enforcement.identity.StaffMembership;
import cn.gov.enforcement.platform.EngineClock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code caseStepRecord}, on complete (DEC-17, REC-12, issue 14 items 7 and 11): the person who
 * proposed or approved the filing, drafted or approved the decision is the user who completed that
 * step — the authenticated user, never a typed name. The variables are server-stamped
 * ({@code platform.ServerStampedVariables}): a submission carrying one is refused with 400. The
 * reviewer is the legal reviewer the called {@code legal-review} stamps ({@code reviewedBy}, mapped
 * out of the call activity). The approval and archive forms show all three; the approval tasks
 * refuse the proposer or drafter as approver ({@code noSelfApproval}, property {@code requestedBy}).
 */
@Component("caseStepRecord")
public class CaseStepRecord implements TaskListener {

  /** Task key → the variables naming its doer and, where the record needs it, the time. */
  static final Map<String, List<String>> DOERS = Map.of(
      EnforcementCaseModel.TASK_PROPOSE_FILING, List.of("filingProposedBy"),
      EnforcementCaseModel.TASK_APPROVE_FILING, List.of("filingApprovedBy"),
      EnforcementCaseModel.TASK_DRAFT_DECISION, List.of("draftedBy", "draftedAt"),
      EnforcementCaseModel.TASK_APPROVE_DECISION, List.of("approvedBy", "approvedAt"));

  private final StaffMembership staff;

  public CaseStepRecord(StaffMembership staff) {
    this.staff = staff;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> names = DOERS.get(task.getTaskDefinitionKey());
    if (names == null) {
      return;
    }
    String doer = staff.doer(task).orElseThrow(() -> FormValidationException.rule("DEC-17", "assignee",
        "此环节须由具名的登录用户办理", "this step must be completed by a named, signed-in user"));
    if (!doer.equals(task.getAssignee())) {
      task.setAssignee(doer); // the history names the doer too
    }
    task.getExecution().setVariable(names.get(0), doer);
    if (names.size() > 1) {
      task.getExecution().setVariable(names.get(1), EngineClock.now());
    }
  }
}
