package cn.gov.enforcement.delivery;

import cn.gov.enforcement.forms.FormRule;
import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * SVC-02: lodged service needs a witness who signs besides the server; the server cannot be
 * their own witness. (The form requires both names; this rule keeps them apart.)
 */
@Component
class LodgedServiceWitnessRule implements FormRule {

  @Override
  public String formId() {
    return "service-lodged";
  }

  @Override
  public String ruleId() {
    return "SVC-02";
  }

  @Override
  public List<FormViolation> check(FormValues values) {
    String witness = values.text("witnessName").map(String::trim).orElse("");
    String server = values.text("servedBy").map(String::trim).orElse("");
    if (!witness.isEmpty() && witness.equals(server)) {
      return List.of(FormViolation.rule(ruleId(), "witnessName", "见证人不得为送达人本人",
          "the witness of a lodged service must not be the server"));
    }
    return List.of();
  }
}
