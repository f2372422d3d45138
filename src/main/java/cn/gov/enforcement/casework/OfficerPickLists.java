package cn.gov.enforcement.casework;

import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.identity.CertifiedOfficers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * ({@code officerPickLists}: not named like the variable it fills, which would shadow the bean in
 * expressions.) Fills the pick lists of officers ({@code officerOptions}: every certified user, so a section head
 * or a legal officer can chair a hearing, labelled with their
 * certificate number, REC-05/REC-07) and assistants ({@code assistantOptions}: auxiliary staff,
 * AUX-02), so a form never takes a typed user id.
 */
@Component("officerPickLists")
public class OfficerPickLists implements TaskListener {

  private final IdentityService identityService;
  private final CertifiedOfficers certifiedOfficers;

  public OfficerPickLists(IdentityService identityService, CertifiedOfficers certifiedOfficers) {
    this.identityService = identityService;
    this.certifiedOfficers = certifiedOfficers;
  }

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, String>> officers = new ArrayList<>();
    for (User user : identityService.createUserQuery().orderByUserId().asc().list()) {
      certifiedOfficers.certificateNumber(user.getId()).filter(n -> certifiedOfficers.isCertified(user.getId()))
          .ifPresent(number -> officers.add(option(user, "执法证 " + number)));
    }
    List<Map<String, String>> assistants = new ArrayList<>();
    for (User user : identityService.createUserQuery().memberOfGroup(BureauGroup.AUXILIARY_STAFF.id()).orderByUserId().asc().list()) {
      assistants.add(option(user, "辅助人员"));
    }
    EnforcementCaseModel.OFFICER_OPTIONS.set(task, SpinValues.jsonValue(Spin.JSON(officers)).create());
    EnforcementCaseModel.ASSISTANT_OPTIONS.set(task, SpinValues.jsonValue(Spin.JSON(assistants)).create());
  }

  private static Map<String, String> option(User user, String note) {
    Map<String, String> option = new LinkedHashMap<>();
    String name = (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName())).trim();
    option.put("label", (name.isEmpty() ? user.getId() : name) + "（" + user.getId() + "，" + note + "）");
    option.put("value", user.getId());
    return option;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
