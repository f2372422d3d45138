package cn.gov.enforcement.casework;

import cn.gov.enforcement.calendar.Periods;
import cn.gov.enforcement.forms.FormRule;
import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import cn.gov.enforcement.platform.EngineClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * CASE-03 (APL 63–64, issue 14 item 2) on 登记陈述申辩与听证申请 (form {@code case-party-response}):
 * the hearing-request window (5 working days from the day the party received the notice) closes
 * before its end only by the party's own written waiver. So "no hearing requested" recorded before
 * the window's end needs the waiver: its document and the day it was received (an outside date,
 * PER-06, checked by its {@code OutsideDateRule}). Where the notice granted no hearing right there
 * is nothing to waive. The window's end is recomputed from {@code rightsNoticeServedOn}, not read
 * from the task's due date, which a client could move. The form cannot say this itself: whether the
 * fields are required depends on the clock. Who may record the waiver is {@link PartyResponseCheck}.
 */
@Component
class HearingWaiverRule implements FormRule {

  static final int REQUEST_WORKING_DAYS = 5;

  private final Periods periods;

  HearingWaiverRule(Periods periods) {
    this.periods = periods;
  }

  /** Whether these values record "no hearing" while the party could still request one. */
  static boolean waiverNeeded(Periods periods, Map<String, ?> values) {
    if (!Boolean.FALSE.equals(EnforcementCaseModel.HEARING_REQUESTED.get(values))
        || Boolean.FALSE.equals(EnforcementCaseModel.HEARING_RIGHT_GRANTED.get(values))) {
      return false;
    }
    Object servedOn = values.get(EnforcementCaseModel.RIGHTS_NOTICE_SERVED_ON.name());
    // once the window is over, silence is a lapse and no waiver is needed
    return servedOn != null && EngineClock.now().before(periods.endOfPenaltyDays(servedOn, REQUEST_WORKING_DAYS, "PARTY"));
  }

  @Override
  public String formId() {
    return "case-party-response";
  }

  @Override
  public String ruleId() {
    return "CASE-03";
  }

  @Override
  public List<FormViolation> check(FormValues values) {
    if (!waiverNeeded(periods, values.asMap())) {
      return List.of();
    }
    List<FormViolation> violations = new ArrayList<>();
    if (values.isBlank(EnforcementCaseModel.HEARING_WAIVER_DOCUMENT.name())) {
      violations.add(FormViolation.rule(ruleId(), EnforcementCaseModel.HEARING_WAIVER_DOCUMENT.name(),
          "听证申请期届满前登记不要求听证，须有当事人书面放弃听证的声明：请填写字段 hearingWaiverDocument",
          "before the 5-working-day window ends only the party's written waiver closes it: field hearingWaiverDocument is required"));
    }
    if (values.isBlank(EnforcementCaseModel.HEARING_WAIVER_RECEIVED_ON.name())) {
      violations.add(FormViolation.rule(ruleId(), EnforcementCaseModel.HEARING_WAIVER_RECEIVED_ON.name(),
          "请填写收到书面放弃声明的日期（字段 hearingWaiverReceivedOn）",
          "field hearingWaiverReceivedOn (the day the written waiver was received) is required"));
    }
    return violations;
  }
}
