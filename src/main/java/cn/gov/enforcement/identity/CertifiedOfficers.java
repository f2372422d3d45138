package cn.gov.enforcement.identity;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Who holds an administrative enforcement certificate (行政执法证). The number is kept as the engine
 * user's info {@value #CERTIFICATE_KEY}, so it travels with the user in every identity store.
 * Auxiliary staff hold none and therefore never count as one of the two officers (REC-07, AUX-01).
 */
@Component
public class CertifiedOfficers {

  public static final String CERTIFICATE_KEY = "enforcementCertificate";

  private final IdentityService identityService;

  public CertifiedOfficers(IdentityService identityService) {
    this.identityService = identityService;
  }

  public Optional<String> certificateNumber(String userId) {
    if (userId == null || identityService.createUserQuery().userId(userId).count() == 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(identityService.getUserInfo(userId, CERTIFICATE_KEY)).filter(s -> !s.isBlank());
  }

  public boolean isCertified(String userId) {
    return certificateNumber(userId).isPresent()
        && identityService.createGroupQuery().groupMember(userId).groupId(BureauGroup.AUXILIARY_STAFF.id()).count() == 0;
  }

  public void certify(String userId, String certificateNumber) {
    identityService.setUserInfo(userId, CERTIFICATE_KEY, certificateNumber);
  }
}
