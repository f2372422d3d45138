package cn.gov.enforcement.decision;

import cn.gov.enforcement.identity.StaffMembership;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_AdmitProposal, complete (DEC-02): an admitted proposal names the lead unit; a refused one
 * records the reason, because the procedure then ends and the reason is all that remains. DEC-18:
 * admitting a matter outside the year's catalogue needs the director's reason
 * ({@code outsideCatalogueReason}, its giver kept as {@code outsideCatalogueApprovedBy}).
 */
@Component("admissionCheck")
public class AdmissionCheck implements TaskListener {

  private final StaffMembership staff;

  public AdmissionCheck(StaffMembership staff) {
    this.staff = staff;
  }

  @Override
  public void notify(DelegateTask task) {
    Object admitted = MajorDecisionModel.ADMITTED.get(task);
    Checks.require("DEC-02", "admitted", admitted instanceof Boolean, "须决定是否立项", "admitted (true/false) is required");
    if ((Boolean) admitted) {
      Checks.require("DEC-02", "leadUnit", !Checks.blank(MajorDecisionModel.LEAD_UNIT.get(task)), "立项须指定承办单位", "an admitted proposal needs leadUnit");
      if (!Checks.isTrue(task, "inCatalogue")) {
        Checks.require("DEC-18", "outsideCatalogueReason", !Checks.blank(MajorDecisionModel.OUTSIDE_CATALOGUE_REASON.get(task)),
            "该事项不在本年度重大行政决策目录中，立项须说明理由（outsideCatalogueReason）",
            "the matter is outside this year's catalogue: admitting it needs outsideCatalogueReason");
        MajorDecisionModel.OUTSIDE_CATALOGUE_APPROVED_BY.set(task, staff.doer(task).orElse(null));
      }
    } else {
      Checks.require("DEC-02", "rejectionReason", !Checks.blank(MajorDecisionModel.REJECTION_REASON.get(task)), "不予立项须说明理由",
          "a refused proposal needs rejectionReason");
    }
  }
}
