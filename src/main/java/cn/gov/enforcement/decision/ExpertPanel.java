package cn.gov.enforcement.decision;

import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.identity.StaffMembership;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_SelectExperts, complete (DEC-04): at least 3 distinct experts, each a user of the group
 * {@code expert}, since each one then gets a task of their own and signs it. {@link #members}
 * is the multi-instance collection of Task_ExpertOpinion and Task_HandleExpertOpinion: the list
 * is read from the form's text field each time, so no list variable needs serializing.
 */
@Component("expertPanel")
public class ExpertPanel implements TaskListener {

  static final int MINIMUM = 3;

  private final StaffMembership staff;

  public ExpertPanel(StaffMembership staff) {
    this.staff = staff;
  }

  /** The chosen experts, in the order given, each once. */
  public List<String> members(Object experts) {
    if (experts == null) {
      return List.of();
    }
    return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(experts.toString().split("[,，;；\\s]+"))
        .map(String::trim).filter(s -> !s.isEmpty()).toList()));
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> experts = members(task.getVariable("experts"));
    Checks.require("DEC-04", "experts", experts.size() >= MINIMUM, "专家论证须有至少 3 名不同的专家",
        "expert argument needs at least 3 distinct experts");
    for (String expert : experts) {
      Checks.require("DEC-04", "experts", staff.isMember(expert, BureauGroup.EXPERT), "不是登记的专家: " + expert,
          "not a registered expert: " + expert);
    }
    Checks.require("DEC-04", "noConflictOfInterest", Checks.isTrue(task, "noConflictOfInterest"), "须确认专家与决策事项无利害关系",
        "experts with an interest in the matter are excluded (noConflictOfInterest)");
    task.setVariable("experts", String.join(",", experts));
  }
}
