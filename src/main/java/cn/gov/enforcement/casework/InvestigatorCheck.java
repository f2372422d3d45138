package cn.gov.enforcement.casework;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 指派调查人员, on complete: at least two distinct certified investigators (REC-07). The list is
 * stored as comma-separated ids, the form legal-review reads to keep investigators out of the
 * review (LR-05) and this process reads to keep them out of the hearing chair (CASE-03).
 */
@Component("investigatorCheck")
public class InvestigatorCheck implements TaskListener {

  private final TwoCertifiedOfficers twoCertifiedOfficers;

  public InvestigatorCheck(TwoCertifiedOfficers twoCertifiedOfficers) {
    this.twoCertifiedOfficers = twoCertifiedOfficers;
  }

  @Override
  public void notify(DelegateTask task) {
    EnforcementCaseModel.INVESTIGATORS.set(task.getExecution(),
        UserIds.csv(twoCertifiedOfficers.require(EnforcementCaseModel.INVESTIGATORS.get(task), EnforcementCaseModel.INVESTIGATORS.name())));
    EnforcementCaseModel.ASSISTANTS.set(task.getExecution(), UserIds.csv(UserIds.of(EnforcementCaseModel.ASSISTANTS.get(task))));
  }
}
