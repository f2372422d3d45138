package cn.gov.enforcement.casework;

import cn.gov.enforcement.identity.CertifiedOfficers;
import org.springframework.stereotype.Component;

/** REC-07 on 记录调查取证活动 (form {@code case-activity-record}): who actually took part. */
@Component
class ActivityOfficersRule extends CertifiedOfficersRule {
  ActivityOfficersRule(CertifiedOfficers certifiedOfficers) {
    super(certifiedOfficers, "case-activity-record", "activityOfficers");
  }
}
