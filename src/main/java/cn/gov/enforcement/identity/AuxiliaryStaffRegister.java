package cn.gov.enforcement.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * AUX-05 (YH 办法 第十三条): what the public list of auxiliary staff shows besides the name: post
 * (岗位), work-card number (工作证号) and the officer or unit assisted. Kept as the engine user's info,
 * like the certificate number ({@link CertifiedOfficers}), so it travels with the user; membership
 * of {@code auxiliary-staff} decides who is on the list, so the list follows people joining and
 * leaving.
 */
@Component
public class AuxiliaryStaffRegister {

  public static final String POST_KEY = "auxiliaryPost";
  public static final String WORK_CARD_KEY = "workCardNumber";
  /** User id of the enforcement officer assisted. */
  public static final String ASSISTED_OFFICER_KEY = "assistedOfficer";
  /** The unit assisted, where the auxiliary works for a section rather than one officer. */
  public static final String ASSISTED_UNIT_KEY = "assistedUnit";

  private final IdentityService identityService;

  public AuxiliaryStaffRegister(IdentityService identityService) {
    this.identityService = identityService;
  }

  public void register(String userId, String post, String workCardNumber, String assistedOfficer, String assistedUnit) {
    put(userId, POST_KEY, post);
    put(userId, WORK_CARD_KEY, workCardNumber);
    put(userId, ASSISTED_OFFICER_KEY, assistedOfficer);
    put(userId, ASSISTED_UNIT_KEY, assistedUnit);
  }

  /** The register's entries of one user (absent keys left out). */
  public Map<String, String> entries(String userId) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (String key : new String[] {POST_KEY, WORK_CARD_KEY, ASSISTED_OFFICER_KEY, ASSISTED_UNIT_KEY}) {
      String value = identityService.getUserInfo(userId, key);
      if (value != null && !value.isBlank()) {
        entries.put(key, value);
      }
    }
    return entries;
  }

  private void put(String userId, String key, String value) {
    if (value == null || value.isBlank()) {
      identityService.deleteUserInfo(userId, key);
    } else {
      identityService.setUserInfo(userId, key, value);
    }
  }
}
