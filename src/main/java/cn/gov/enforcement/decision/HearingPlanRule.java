package cn.gov.enforcement.decision;

import cn.gov.enforcement.forms.FormRule;
import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * DEC-09 on the forms that fix a hearing date (拟定听证方案, 重新确定听证日期): a date for which the
 * notice (15 days before) and the materials (10 days before) can still go out, so a hearing is never
 * planned on short notice; and DEC-08 on the plan: at least
 * {@value HearingPlanCheck#MINIMUM_PARTICIPANTS} participants in all. That every group is represented
 * (at least 1 each) and the date is given are the form's own checks.
 */
abstract class HearingPlanRule implements FormRule {

  private final HearingDeadlines deadlines;

  HearingPlanRule(HearingDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public String ruleId() {
    return "DEC-09";
  }

  @Override
  public List<FormViolation> check(FormValues values) {
    List<FormViolation> violations = new ArrayList<>();
    participants(values, violations);
    Object hearingDate = values.get("hearingDate");
    if (hearingDate != null && !deadlines.met(hearingDate, 15)) {
      violations.add(FormViolation.rule("DEC-09", "hearingDate", "听证日期过近：须能在听证会 15 日前发布公告、10 日前送达材料",
          "the hearing date leaves no time for the notice 15 days and the materials 10 days before it"));
    }
    return violations;
  }

  void participants(FormValues values, List<FormViolation> violations) {}

  @Component
  static class OnPlan extends HearingPlanRule {
    OnPlan(HearingDeadlines deadlines) {
      super(deadlines);
    }

    @Override
    public String formId() {
      return "decision-plan-hearing";
    }

    @Override
    void participants(FormValues values, List<FormViolation> violations) {
      if (HearingPlanCheck.participants(values::get) < HearingPlanCheck.MINIMUM_PARTICIPANTS) {
        violations.add(FormViolation.rule("DEC-08", "citizensCount", "听证参加人不得少于 20 人", "a hearing needs at least 20 participants"));
      }
    }
  }

  @Component
  static class OnReschedule extends HearingPlanRule {
    OnReschedule(HearingDeadlines deadlines) {
      super(deadlines);
    }

    @Override
    public String formId() {
      return "decision-reschedule-hearing";
    }
  }
}
