package cn.gov.enforcement.casework;

import cn.gov.enforcement.identity.CertifiedOfficers;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * REC-07 (APL 42): an investigation or inspection is carried out by at least two officers who hold
 * an enforcement certificate. Auxiliary staff may be listed as assistants but never count
 * (AUX-01), which {@link CertifiedOfficers#isCertified} already guarantees.
 */
@Component
public class TwoCertifiedOfficers {

  static final int MINIMUM = 2;

  private final CertifiedOfficers certifiedOfficers;

  public TwoCertifiedOfficers(CertifiedOfficers certifiedOfficers) {
    this.certifiedOfficers = certifiedOfficers;
  }

  /** The distinct certified officers among {@code value}; throws when there are fewer than two. */
  Set<String> require(Object value, String field) {
    Set<String> ids = UserIds.of(value);
    Set<String> certified = ids.stream().filter(certifiedOfficers::isCertified).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    if (certified.size() < MINIMUM) {
      Set<String> uncertified = ids.stream().filter(id -> !certified.contains(id)).collect(Collectors.toSet());
      throw new CaseRuleViolation(
          "调查或检查须由至少两名持有执法证的执法人员进行（" + field + "），辅助人员不计入" + (uncertified.isEmpty() ? "" : "；无执法证：" + uncertified),
          "at least two distinct certified officers are required in " + field + " (REC-07); auxiliary staff do not count");
    }
    return certified;
  }
}
