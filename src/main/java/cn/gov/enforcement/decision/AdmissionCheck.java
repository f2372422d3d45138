package cn.gov.enforcement.decision;

import cn.gov.enforcement.identity.StaffMembership;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_AdmitProposal, complete (DEC-18): the director who admits a matter outside the year's
 * catalogue is kept as the giver of its reason ({@code outsideCatalogueApprovedBy}). What the
 * decision needs is the form's: an admitted proposal names the lead unit, a refused one records
 * the reason (the procedure then ends and the reason is all that remains), DEC-02; a matter outside
 * the catalogue is admitted only with {@code outsideCatalogueReason}, DEC-18.
 */
@Component("admissionCheck")
public class AdmissionCheck implements TaskListener {

  private final StaffMembership staff;

  public AdmissionCheck(StaffMembership staff) {
    this.staff = staff;
  }

  @Override
  public void notify(DelegateTask task) {
    if (Boolean.TRUE.equals(MajorDecisionModel.ADMITTED.get(task)) && !Boolean.TRUE.equals(MajorDecisionModel.IN_CATALOGUE.get(task))) {
      MajorDecisionModel.OUTSIDE_CATALOGUE_APPROVED_BY.set(task, staff.doer(task).orElse(null));
    }
  }
}
