package cn.gov.enforcement.decision;

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
 * Task_SelectExperts, complete (DEC-04, MDR 19–21): the panel {@link ExpertPanelRule} accepted (at
 * least 3 distinct registered experts, the form offers only those, see {@link ExpertPickList}; none
 * with a recorded interest) is stored as comma-separated ids, because {@link #members} is the
 * multi-instance collection of Task_ExpertOpinion and Task_HandleExpertOpinion and reads it each
 * time; the interested experts are kept as {@code expertInterests}.
 */
@Component("expertPanel")
public class ExpertPanel implements TaskListener {

  static final int MINIMUM = 3;

  /** The chosen experts, in the order given, each once (a list, a JSON array or stored text). */
  public List<String> members(Object experts) {
    return distinct(experts);
  }

  static List<String> distinct(Object experts) {
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
    MajorDecisionModel.EXPERTS.set(task, String.join(",", experts));
    MajorDecisionModel.INTERESTED_EXPERTS.set(task, String.join(",", interested));
    MajorDecisionModel.EXPERT_INTERESTS.set(task, String.join(",", interested));
  }
}
