package cn.gov.enforcement.casework;

import cn.gov.enforcement.calendar.Periods;
import cn.gov.enforcement.forms.FormRule;
import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import cn.gov.enforcement.platform.EngineClock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * CASE-03 (APL 64) on 安排听证 (form {@code case-hearing-schedule}): the hearing officer is not one
 * of the investigators, and the hearing day leaves room to notify the party at least 7 days ahead
 * (PER-01: the latest notice day is the hearing day − 7 working days; it must not lie in the past).
 * That both are given is the form's own check.
 */
@Component
class HearingScheduleRule implements FormRule {

  /** CASE-03 / PER-01: APL 64 "七日前" with APL 85: working days. */
  static final int NOTICE_WORKING_DAYS = 7;

  private final Periods periods;

  HearingScheduleRule(Periods periods) {
    this.periods = periods;
  }

  @Override
  public String formId() {
    return "case-hearing-schedule";
  }

  @Override
  public String ruleId() {
    return "CASE-03";
  }

  @Override
  public List<FormViolation> check(FormValues values) {
    List<FormViolation> violations = new ArrayList<>();
    String officer = values.text(EnforcementCaseModel.HEARING_OFFICER.name()).orElse(null);
    if (officer != null && UserIds.of(EnforcementCaseModel.INVESTIGATORS.get(values.asMap())).contains(officer.strip())) {
      violations.add(FormViolation.rule(ruleId(), EnforcementCaseModel.HEARING_OFFICER.name(),
          "听证主持人不得为本案调查人员：" + officer, "the hearing officer must not be an investigator"));
    }
    Object hearingDate = values.get(EnforcementCaseModel.HEARING_DATE.name());
    if (hearingDate != null && periods.latestWorkingDaysBefore(hearingDate, NOTICE_WORKING_DAYS).before(EngineClock.now())) {
      violations.add(FormViolation.rule(ruleId(), EnforcementCaseModel.HEARING_DATE.name(),
          "听证日期过近：须在听证七个工作日前通知当事人（PER-01）", "the hearing must be notified at least 7 working days ahead (PER-01)"));
    }
    return violations;
  }
}
