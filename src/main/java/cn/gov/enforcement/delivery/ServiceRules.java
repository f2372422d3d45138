package cn.gov.enforcement.delivery;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@code serviceRules} bean for BPMN expressions: the agency's service settings. The public
 * notice period is configuration, not code, because CPL 95 (2024) says 30 days while older
 * ministry rules say 60 and an agency may adopt its own (requirements.md, "Agency rule sets").
 */
@Component("serviceRules")
public class ServiceRules {

  private final int publicNoticeDays;

  public ServiceRules(@Value("${service-rules.public-notice-days:30}") int publicNoticeDays) {
    if (publicNoticeDays < 1) {
      throw new IllegalArgumentException("service-rules.public-notice-days must be positive, was " + publicNoticeDays);
    }
    this.publicNoticeDays = publicNoticeDays;
  }

  /** Days after publication at whose end a publicly notified document counts as served (SVC-05). */
  public int getPublicNoticeDays() {
    return publicNoticeDays;
  }
}
