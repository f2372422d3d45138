package cn.gov.enforcement.casework;

import cn.gov.enforcement.forms.FormRule;
import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import cn.gov.enforcement.identity.CertifiedOfficers;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * REC-07 (APL 42) as a cross-field form rule, so Tasklist shows the refusal on the field itself:
 * an investigation or inspection is carried out by at least two distinct officers who hold an
 * enforcement certificate. Auxiliary staff may be listed as assistants but never count (AUX-01),
 * which {@link CertifiedOfficers#isCertified} already guarantees. The form submission guard runs
 * it for every way the task is completed, so the listeners that store the list no longer check it.
 */
abstract class CertifiedOfficersRule implements FormRule {

  static final int MINIMUM = 2;

  private final CertifiedOfficers certifiedOfficers;
  private final String formId;
  private final String field;

  CertifiedOfficersRule(CertifiedOfficers certifiedOfficers, String formId, String field) {
    this.certifiedOfficers = certifiedOfficers;
    this.formId = formId;
    this.field = field;
  }

  /** The distinct certified officers among {@code value} (ids, list or comma-separated), in order. */
  static Set<String> certifiedAmong(CertifiedOfficers certifiedOfficers, Object value) {
    return UserIds.of(value).stream().filter(certifiedOfficers::isCertified).collect(Collectors.toCollection(LinkedHashSet::new));
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
    Set<String> ids = UserIds.of(values.get(field));
    Set<String> certified = certifiedAmong(certifiedOfficers, ids);
    if (certified.size() >= MINIMUM) {
      return List.of();
    }
    Set<String> uncertified = ids.stream().filter(id -> !certified.contains(id)).collect(Collectors.toCollection(LinkedHashSet::new));
    return List.of(FormViolation.rule(ruleId(), field,
        "字段 " + field + " 须至少包含两名不同的持证执法人员，辅助人员不计入" + (uncertified.isEmpty() ? "" : "；无执法证：" + uncertified),
        "field " + field + " needs at least two distinct certified officers; auxiliary staff do not count"));
  }
}
