package cn.gov.enforcement.decision;

import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.identity.StaffMembership;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Task_SelectExperts, complete (DEC-04, MDR 19–21): at least 3 distinct experts, each a registered
 * expert (a user of the group {@code expert} in the identity service; the form offers only those,
 * see {@link ExpertPickList}), and none of the experts recorded on the same form as having an
 * interest in the matter ({@code interestedExperts}, kept as {@code expertInterests}). The chosen
 * list is stored as comma-separated ids, because {@link #members} is the multi-instance collection
 * of Task_ExpertOpinion and Task_HandleExpertOpinion and reads it each time.
 */
@Component("expertPanel")
public class ExpertPanel implements TaskListener {

  static final int MINIMUM = 3;

  private final StaffMembership staff;

  public ExpertPanel(StaffMembership staff) {
    this.staff = staff;
  }

  /** The chosen experts, in the order given, each once (a list, a JSON array or stored text). */
  public List<String> members(Object experts) {
    Set<String> ids = new LinkedHashSet<>();
    if (experts instanceof Collection<?> collection) {
      collection.forEach(v -> add(ids, v));
    } else if (experts instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(e -> add(ids, e.isString() ? e.stringValue() : e.toString()));
    } else if (experts != null) {
      Arrays.stream(experts.toString().replaceAll("[\\[\\]\"]", "").split("[,，;；\\s]+")).forEach(v -> add(ids, v));
    }
    return new ArrayList<>(ids);
  }

  private static void add(Set<String> ids, Object value) {
    if (value != null && !value.toString().isBlank()) {
      ids.add(value.toString().trim());
    }
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> experts = members(MajorDecisionModel.EXPERTS.get(task));
    List<String> interested = members(MajorDecisionModel.INTERESTED_EXPERTS.get(task));
    Checks.require("DEC-04", "experts", experts.size() >= MINIMUM, "专家论证须有至少 3 名不同的专家",
        "expert argument needs at least 3 distinct experts");
    for (String expert : experts) {
      Checks.require("DEC-04", "experts", staff.isMember(expert, BureauGroup.EXPERT), "不是专家库中登记的专家: " + expert,
          "not a registered expert: " + expert);
      Checks.require("DEC-04", "experts", !interested.contains(expert),
          "论证专家（experts）中的 " + expert + " 与本决策事项有利害关系，应当回避，不得选任（MDR 19–21）",
          "experts: " + expert + " has a recorded interest in the matter and is excluded (MDR 19-21)");
    }
    Checks.require("DEC-04", "noConflictOfInterest", Checks.isTrue(task, "noConflictOfInterest"), "须确认专家与决策事项无利害关系",
        "experts with an interest in the matter are excluded (noConflictOfInterest)");
    MajorDecisionModel.EXPERTS.set(task, String.join(",", experts));
    MajorDecisionModel.INTERESTED_EXPERTS.set(task, String.join(",", interested));
    MajorDecisionModel.EXPERT_INTERESTS.set(task, String.join(",", interested));
  }
}
