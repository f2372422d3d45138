package cn.gov.enforcement.casework;

import cn.gov.enforcement.forms.FormRule;
import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import cn.gov.enforcement.identity.CertifiedOfficers;
import java.util.List;

/**
 * REC-07 as a cross-field form rule, so Tasklist shows the refusal on the field itself: the
 * officers picked on a form are at least two distinct holders of an enforcement certificate;
 * auxiliary staff never count (AUX-01). The task listeners check the same, for callers that
 * complete a task without its form.
 */
abstract class CertifiedOfficersRule implements FormRule {

  private final CertifiedOfficers certifiedOfficers;
  private final String formId;
  private final String field;

  CertifiedOfficersRule(CertifiedOfficers certifiedOfficers, String formId, String field) {
    this.certifiedOfficers = certifiedOfficers;
    this.formId = formId;
    this.field = field;
  }

  @Override
  public String formId() {
    return formId;
  }

  @Override
  public String ruleId() {
    return "REC-07";
  }

  @Override
  public List<FormViolation> check(FormValues values) {
    long certified = UserIds.of(values.get(field)).stream().filter(certifiedOfficers::isCertified).count();
    if (certified >= TwoCertifiedOfficers.MINIMUM) {
      return List.of();
    }
    return List.of(FormViolation.rule(ruleId(), field,
        "字段 " + field + " 须至少包含两名不同的持证执法人员，辅助人员不计入",
        "field " + field + " needs at least two distinct certified officers; auxiliary staff do not count"));
  }
}
