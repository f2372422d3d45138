package cn.gov.enforcement.decision;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ResearchDraft and Task_ReviseDraft, complete (DEC-11). Whoever drafts joins
 * {@code investigators}, which the legal review receives: the legality reviewer must not have drafted
 * the plan. (That a contested matter carries at least two alternative plans with their grounds,
 * DEC-03, and a confidential one its basis, DEC-05, the research form requires.)
 */
@Component("researchCheck")
public class ResearchCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Set<String> investigators = new LinkedHashSet<>();
    Object known = MajorDecisionModel.INVESTIGATORS.get(task);
    if (known != null && !known.toString().isBlank()) {
      investigators.addAll(java.util.Arrays.asList(known.toString().split(",")));
    }
    investigators.add(task.getAssignee());
    MajorDecisionModel.INVESTIGATORS.set(task, String.join(",", investigators));
  }
}
