package cn.gov.enforcement.decision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_HandleExpertOpinion (one per expert opinion), complete (DEC-04): the lead unit's class and
 * decision of each opinion, and the reason of one that is not adopted (DEC-06: a reason per opinion,
 * not one text for all; the form requires them), kept per expert, like the opinion. On create, the
 * task shows the opinion and its signature, the expert who completed the opinion task (server-stamped), as task-local variables.
 */
@Component("expertOpinionHandling")
public class ExpertOpinionHandling implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String expert = String.valueOf(task.getVariable("expert"));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      MajorDecisionModel.SHOWN_OPINION.setLocal(task, task.getVariable("expertOpinion_" + expert));
      MajorDecisionModel.SHOWN_SIGNED_BY.setLocal(task, task.getVariable("expertSignedBy_" + expert));
      Object at = task.getVariable("expertSignedAt_" + expert);
      MajorDecisionModel.SHOWN_SIGNED_AT.setLocal(task, at == null ? null : at.toString());
      return;
    }
    Object adopted = MajorDecisionModel.EXPERT_ADOPTED.get(task);
    task.setVariable("expertAdopted_" + expert, adopted);
    task.setVariable("expertOpinionClass_" + expert, MajorDecisionModel.EXPERT_OPINION_CLASS.get(task));
    task.setVariable("expertNotAdoptedReason_" + expert,
        (Boolean) adopted ? null : MajorDecisionModel.EXPERT_NOT_ADOPTED_REASON.get(task));
  }
}
