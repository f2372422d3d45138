package cn.gov.enforcement.casework;

import cn.gov.enforcement.identity.CertifiedOfficers;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 指派调查人员, on complete: stores the certified investigators as comma-separated ids, the form
 * legal-review reads to keep investigators out of the review (LR-05) and this process reads to keep
 * them out of the hearing chair (CASE-03). That there are at least two (REC-07) is the form's rule
 * {@link InvestigatorsRule}, checked before this listener runs.
 */
@Component("investigatorList")
public class InvestigatorList implements TaskListener {

  private final CertifiedOfficers certifiedOfficers;

  public InvestigatorList(CertifiedOfficers certifiedOfficers) {
    this.certifiedOfficers = certifiedOfficers;
  }

  @Override
  public void notify(DelegateTask task) {
    EnforcementCaseModel.INVESTIGATORS.set(task.getExecution(),
        UserIds.csv(CertifiedOfficersRule.certifiedAmong(certifiedOfficers, EnforcementCaseModel.INVESTIGATORS.get(task))));
    EnforcementCaseModel.ASSISTANTS.set(task.getExecution(), UserIds.csv(UserIds.of(EnforcementCaseModel.ASSISTANTS.get(task))));
  }
}
