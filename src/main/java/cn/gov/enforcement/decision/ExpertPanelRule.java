package cn.gov.enforcement.decision;

import cn.gov.enforcement.forms.FormRule;
import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.identity.StaffMembership;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * DEC-04 (MDR 19–21) on the expert selection form: at least {@value ExpertPanel#MINIMUM} distinct
 * experts, each a registered expert (group {@code expert}), none of them recorded on the same form
 * as having an interest in the matter ({@code interestedExperts}). The confirmation
 * {@code noConflictOfInterest} is the form's own required checkbox.
 */
@Component
class ExpertPanelRule implements FormRule {

  private final StaffMembership staff;

  ExpertPanelRule(StaffMembership staff) {
    this.staff = staff;
  }

  @Override
  public String formId() {
    return "decision-select-experts";
  }

  @Override
  public String ruleId() {
    return "DEC-04";
  }

  @Override
  public List<FormViolation> check(FormValues values) {
    List<String> experts = ExpertPanel.distinct(values.get("experts"));
    List<String> interested = ExpertPanel.distinct(values.get("interestedExperts"));
    List<FormViolation> violations = new ArrayList<>();
    if (experts.size() < ExpertPanel.MINIMUM) {
      violations.add(FormViolation.rule(ruleId(), "experts", "专家论证须有至少 3 名不同的专家",
          "expert argument needs at least 3 distinct experts"));
    }
    for (String expert : experts) {
      if (!staff.isMember(expert, BureauGroup.EXPERT)) {
        violations.add(FormViolation.rule(ruleId(), "experts", "不是专家库中登记的专家: " + expert, "not a registered expert: " + expert));
      } else if (interested.contains(expert)) {
        violations.add(FormViolation.rule(ruleId(), "experts",
            "论证专家（experts）中的 " + expert + " 与本决策事项有利害关系，应当回避，不得选任（MDR 19–21）",
            "experts: " + expert + " has a recorded interest in the matter and is excluded (MDR 19-21)"));
      }
    }
    return violations;
  }
}
