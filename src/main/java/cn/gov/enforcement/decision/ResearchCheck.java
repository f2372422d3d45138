package cn.gov.enforcement.decision;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ResearchDraft and Task_ReviseDraft, complete (DEC-03, DEC-11). A contested matter carries
 * at least two alternative plans with their grounds. Whoever drafts joins {@code investigators},
 * which the legal review receives: the legality reviewer must not have drafted the plan.
 */
@Component("researchCheck")
public class ResearchCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (MajorDecisionModel.TASK_RESEARCH_DRAFT.equals(task.getTaskDefinitionKey()) && Checks.isTrue(task, "contested")) {
      for (String field : new String[] {"alternative1", "alternative1Grounds", "alternative2", "alternative2Grounds"}) {
        Checks.require("DEC-03", field, !Checks.blank(task.getVariable(field)), "有争议或需比选的事项须提出至少两个备选方案及其依据（缺少 " + field + "）",
            "a contested matter needs at least two alternative plans with grounds (" + field + " missing)");
      }
    }
    if (Checks.isTrue(task, "confidential")) {
      Checks.require("DEC-05", "confidentialityBasis", !Checks.blank(MajorDecisionModel.CONFIDENTIALITY_BASIS.get(task)), "不得公开的事项须说明依据",
          "a confidential matter needs confidentialityBasis");
    }
    Set<String> investigators = new LinkedHashSet<>();
    String known = Checks.text(task, "investigators");
    if (known != null && !known.isBlank()) {
      investigators.addAll(java.util.Arrays.asList(known.split(",")));
    }
    investigators.add(task.getAssignee());
    MajorDecisionModel.INVESTIGATORS.set(task, String.join(",", investigators));
  }
}
