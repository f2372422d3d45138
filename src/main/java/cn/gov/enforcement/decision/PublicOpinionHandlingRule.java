package cn.gov.enforcement.decision;

import cn.gov.enforcement.forms.FormRule;
import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * DEC-06 on the handling form of the public opinions: every registered opinion is decided once,
 * adopted or not; the rows ({@value PublicOpinions#FORM_LIST}) are matched to the register
 * ({@value PublicOpinions#REGISTER}) by number, so a submission cannot drop, add or repeat an
 * opinion. That a row not adopted carries its own {@code notAdoptedReason} is the form's own
 * {@code required} (shown unless {@code adopted}).
 */
@Component
class PublicOpinionHandlingRule implements FormRule {

  @Override
  public String formId() {
    return "decision-handle-public-opinions";
  }

  @Override
  public String ruleId() {
    return "DEC-06";
  }

  @Override
  public List<FormViolation> check(FormValues values) {
    List<Map<String, Object>> register = PublicOpinions.read(values.get(PublicOpinions.REGISTER));
    List<Map<String, Object>> rows = PublicOpinions.read(values.get(PublicOpinions.FORM_LIST));
    if (rows.size() != register.size()) {
      return violation(PublicOpinions.FORM_LIST, "须逐条处理全部 " + register.size() + " 条登记的意见",
          "every one of the " + register.size() + " registered opinions must be handled");
    }
    Set<Long> decided = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      Long no = PublicOpinionHandling.number(row, i);
      if (no == null || no < 1 || no > register.size() || !decided.add(no)) {
        return violation(PublicOpinions.FORM_LIST, "意见编号无效或重复：" + row.get("no"), "unknown or repeated opinion number: " + row.get("no"));
      }
      if (!(row.get("adopted") instanceof Boolean adopted)) {
        return violation(PublicOpinions.FORM_LIST, "第 " + no + " 条意见须决定是否采纳", "opinion " + no + " needs adopted (true/false)");
      }
      Object reason = row.get("notAdoptedReason");
      if (!adopted && (reason == null || reason.toString().isBlank())) {
        return violation("notAdoptedReason", "第 " + no + " 条意见不予采纳，须说明理由（notAdoptedReason）",
            "opinion " + no + " is not adopted and needs its own notAdoptedReason");
      }
    }
    return List.of();
  }

  private List<FormViolation> violation(String field, String chinese, String english) {
    return List.of(FormViolation.rule(ruleId(), field, chinese, english));
  }
}
