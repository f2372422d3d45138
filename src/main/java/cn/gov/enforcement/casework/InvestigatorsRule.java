package cn.gov.enforcement.casework;

import cn.gov.enforcement.identity.CertifiedOfficers;
import org.springframework.stereotype.Component;

/** REC-07 on 指派调查人员 (form {@code case-investigators}). */
@Component
class InvestigatorsRule extends CertifiedOfficersRule {
  InvestigatorsRule(CertifiedOfficers certifiedOfficers) {
    super(certifiedOfficers, "case-investigators", "investigators");
  }
}
