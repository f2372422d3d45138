package cn.gov.enforcement.casework;

import cn.gov.enforcement.calendar.Periods;
import cn.gov.enforcement.forms.FormValidationException;
import cn.gov.enforcement.identity.CertifiedOfficers;
import cn.gov.enforcement.identity.StaffMembership;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 登记陈述申辩与听证申请, on complete (CASE-03, AUX-01): a hearing waiver recorded before the
 * request window ends ({@link HearingWaiverRule}, which also requires its document and date) is
 * recorded by a certified officer; auxiliary staff may register a request or a statement, never a
 * waiver. Who completes the step is known here, not in the form's values. The server stamps who
 * recorded it ({@code hearingWaiverRecordedBy}).
 */
@Component("partyResponseCheck")
public class PartyResponseCheck implements TaskListener {

  private final Periods periods;
  private final StaffMembership staff;
  private final CertifiedOfficers certifiedOfficers;

  public PartyResponseCheck(Periods periods, StaffMembership staff, CertifiedOfficers certifiedOfficers) {
    this.periods = periods;
    this.staff = staff;
    this.certifiedOfficers = certifiedOfficers;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!HearingWaiverRule.waiverNeeded(periods, task.getVariables())) {
      return;
    }
    String doer = staff.doer(task).orElse(null);
    if (doer == null || !staff.withoutAuthorization(() -> certifiedOfficers.isCertified(doer))) {
      throw FormValidationException.rule("CASE-03", EnforcementCaseModel.HEARING_REQUESTED.name(),
          "当事人放弃听证须由持证执法人员登记，辅助人员不得登记（" + doer + "）",
          "a hearing waiver is recorded by a certified officer; auxiliary staff may not record it (" + doer + ")");
    }
    EnforcementCaseModel.HEARING_WAIVER_RECORDED_BY.set(task.getExecution(), doer);
  }
}
