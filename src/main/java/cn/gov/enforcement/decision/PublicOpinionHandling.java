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
 * is the register, one row per opinion (number and content, no submitter). On complete: every registered opinion is decided once,
 * adopted or not, and each one not adopted carries its own reason (a list, not one text for all);
 * the rows are matched to the register by number, so a submission cannot drop, add or rewrite an
 * opinion. The result ({@code publicOpinionHandling}, counts {@code opinionsReceived} /
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
    Checks.require("DEC-06", PublicOpinions.FORM_LIST, rows.size() == register.size(),
        "须逐条处理全部 " + register.size() + " 条登记的意见", "every one of the " + register.size() + " registered opinions must be handled");
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      // the form shows the rows in register order; a row without its number is the one at its place
      Long no = row.get("no") instanceof Number n ? Long.valueOf(n.longValue()) : row.get("no") == null ? Long.valueOf(i + 1) : null;
      Checks.require("DEC-06", PublicOpinions.FORM_LIST, no != null && no >= 1 && no <= register.size() && !decided.containsKey(no),
          "意见编号无效或重复：" + row.get("no"), "unknown or repeated opinion number: " + row.get("no"));
      decided.put(no, row);
    }
    List<Map<String, Object>> handling = new ArrayList<>();
    long adoptedCount = 0;
    for (Map<String, Object> opinion : register) {
      long no = ((Number) opinion.get("no")).longValue();
      Map<String, Object> row = decided.get(no);
      Checks.require("DEC-06", PublicOpinions.FORM_LIST, row != null && row.get("adopted") instanceof Boolean,
          "第 " + no + " 条意见须决定是否采纳", "opinion " + no + " needs adopted (true/false)");
      boolean adopted = (Boolean) row.get("adopted");
      Checks.require("DEC-06", "notAdoptedReason", adopted || !Checks.blank(row.get("notAdoptedReason")),
          "第 " + no + " 条意见不予采纳，须说明理由（notAdoptedReason）", "opinion " + no + " is not adopted and needs its own notAdoptedReason");
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
}
