package cn.gov.enforcement.decision;

import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.identity.StaffMembership;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Task_SelectExperts, create (DEC-04): the pick list of registered experts ({@code expertOptions},
 * the users of the group {@code expert} in the identity service), so the form never takes a typed
 * user id and the form check refuses anybody else. Read without the completing user's authorization
 * (who may not list users), see {@link StaffMembership#members}.
 */
@Component("expertPickList")
public class ExpertPickList implements TaskListener {

  private final StaffMembership staff;

  public ExpertPickList(StaffMembership staff) {
    this.staff = staff;
  }

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, String>> experts = new ArrayList<>();
    for (User user : staff.members(BureauGroup.EXPERT)) {
      String name = ((user.getLastName() == null ? "" : user.getLastName()) + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", (name.isEmpty() ? user.getId() : name) + "（" + user.getId() + "）");
      option.put("value", user.getId());
      experts.add(option);
    }
    MajorDecisionModel.EXPERT_OPTIONS.setLocal(task, SpinValues.jsonValue(Spin.JSON(experts)).create());
  }
}
