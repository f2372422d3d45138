package cn.gov.enforcement.decision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_HandlePublicOpinions (DEC-06). On create: the form's list ({@code opinionHandling})
 * is the register, one row per opinion (number and content, no submitter). On complete, once
 * {@link PublicOpinionHandlingRule} accepted the rows (every registered opinion decided once, each
 * one not adopted with its own reason), they are matched to the register by number, so a
 * submission cannot rewrite an opinion's content. The result ({@code publicOpinionHandling}, counts {@code opinionsReceived} /
 * {@code opinionsAdopted}) is what Task_PublishOpinionHandling publishes through {@code disclosure};
 * the handling day {@code handlingPublishedOn} is the server's (PER-06).
 */
@Component("publicOpinionHandling")
public class PublicOpinionHandling implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, Object>> register = PublicOpinions.read(task.getVariable(PublicOpinions.REGISTER));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Map<String, Object> opinion : register) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("no", opinion.get("no"));
        row.put("content", opinion.get("content"));
        rows.add(row);
      }
      // on the instance, not the task: completing through the Java API writes the submitted values
      // to the execution, and a task-local copy would hide them
      task.getExecution().getProcessInstance().setVariable(PublicOpinions.FORM_LIST, PublicOpinions.json(rows));
      return;
    }
    Map<Long, Map<String, Object>> decided = new HashMap<>();
    List<Map<String, Object>> rows = PublicOpinions.read(task.getVariable(PublicOpinions.FORM_LIST));
    for (int i = 0; i < rows.size(); i++) {
      decided.put(number(rows.get(i), i), rows.get(i));
    }
    List<Map<String, Object>> handling = new ArrayList<>();
    long adoptedCount = 0;
    for (Map<String, Object> opinion : register) {
      long no = ((Number) opinion.get("no")).longValue();
      Map<String, Object> row = decided.get(no);
      boolean adopted = (Boolean) row.get("adopted");
      Map<String, Object> handled = new LinkedHashMap<>();
      handled.put("no", no);
      handled.put("content", opinion.get("content"));
      handled.put("adopted", adopted);
      handled.put("notAdoptedReason", adopted ? null : row.get("notAdoptedReason").toString().trim());
      handling.add(handled);
      adoptedCount += adopted ? 1 : 0;
    }
    var instance = task.getExecution().getProcessInstance();
    instance.setVariable(PublicOpinions.HANDLING, PublicOpinions.json(handling));
    MajorDecisionModel.OPINIONS_RECEIVED.set(instance, (long) register.size());
    MajorDecisionModel.OPINIONS_ADOPTED.set(instance, adoptedCount);
  }

  /** The opinion a row decides: the form shows the rows in register order, a row without its number is the one at its place. */
  static Long number(Map<String, Object> row, int index) {
    return row.get("no") instanceof Number n ? Long.valueOf(n.longValue()) : row.get("no") == null ? Long.valueOf(index + 1) : null;
  }
}
