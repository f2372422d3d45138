package cn.gov.enforcement.casework;

import cn.gov.enforcement.calendar.Periods;
import cn.gov.enforcement.forms.FormValidationException;
import cn.gov.enforcement.forms.FormViolation;
import cn.gov.enforcement.identity.CertifiedOfficers;
import cn.gov.enforcement.identity.StaffMembership;
import cn.gov.enforcement.platform.EngineClock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 登记陈述申辩与听证申请, on complete (CASE-03, APL 63–64, issue 14 item 2): the hearing-request
 * window (5 working days from the day the party received the notice) closes before its end only
 * by the party's own written waiver. So "no hearing requested" recorded before the window's end
 * needs the waiver — its document and the day it was received (an outside date, PER-06, checked by
 * its {@code OutsideDateRule}) — and a certified officer recording it (auxiliary staff may register
 * a request or a statement, never a waiver: AUX-01). The server stamps who recorded it
 * ({@code hearingWaiverRecordedBy}). Where the notice granted no hearing right there is nothing to
 * waive. The window's end is recomputed here from {@code rightsNoticeServedOn}, not read from the
 * task's due date, which a client could move.
 */
@Component("partyResponseCheck")
public class PartyResponseCheck implements TaskListener {

  static final int REQUEST_WORKING_DAYS = 5;

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
    if (!Boolean.FALSE.equals(EnforcementCaseModel.HEARING_REQUESTED.get(task)) || Boolean.FALSE.equals(EnforcementCaseModel.HEARING_RIGHT_GRANTED.get(task))) {
      return;
    }
    Object servedOn = EnforcementCaseModel.RIGHTS_NOTICE_SERVED_ON.get(task);
    if (servedOn == null || !EngineClock.now().before(periods.endOfPenaltyDays(servedOn, REQUEST_WORKING_DAYS, "PARTY"))) {
      return; // the window is over: silence is a lapse, no waiver needed
    }
    List<FormViolation> violations = new ArrayList<>();
    if (blank(EnforcementCaseModel.HEARING_WAIVER_DOCUMENT.get(task))) {
      violations.add(FormViolation.rule("CASE-03", "hearingWaiverDocument",
          "听证申请期届满前登记不要求听证，须有当事人书面放弃听证的声明：请填写字段 hearingWaiverDocument",
          "before the 5-working-day window ends only the party's written waiver closes it: field hearingWaiverDocument is required"));
    }
    if (blank(EnforcementCaseModel.HEARING_WAIVER_RECEIVED_ON.get(task))) {
      violations.add(FormViolation.rule("CASE-03", "hearingWaiverReceivedOn",
          "请填写收到书面放弃声明的日期（字段 hearingWaiverReceivedOn）",
          "field hearingWaiverReceivedOn (the day the written waiver was received) is required"));
    }
    String doer = staff.doer(task).orElse(null);
    if (doer == null || !staff.withoutAuthorization(() -> certifiedOfficers.isCertified(doer))) {
      violations.add(FormViolation.rule("CASE-03", "hearingRequested",
          "当事人放弃听证须由持证执法人员登记，辅助人员不得登记（" + doer + "）",
          "a hearing waiver is recorded by a certified officer; auxiliary staff may not record it (" + doer + ")"));
    }
    if (!violations.isEmpty()) {
      throw new FormValidationException(null, violations);
    }
    EnforcementCaseModel.HEARING_WAIVER_RECORDED_BY.set(task.getExecution(), doer);
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
