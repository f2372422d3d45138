package cn.gov.enforcement.decision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_HandleExpertOpinion (one per expert opinion), complete (DEC-04): the lead unit classifies
 * each opinion; one that is not adopted carries its own reason (DEC-06: a reason per opinion, not one
 * text for all). Kept per expert, like the opinion. On create, the task shows the opinion and its
 * signature, the expert who completed the opinion task (server-stamped), as task-local variables.
 */
@Component("expertOpinionHandling")
public class ExpertOpinionHandling implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String expert = Checks.text(task, "expert");
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      MajorDecisionModel.SHOWN_OPINION.setLocal(task, task.getVariable("expertOpinion_" + expert));
      MajorDecisionModel.SHOWN_SIGNED_BY.setLocal(task, task.getVariable("expertSignedBy_" + expert));
      Object at = task.getVariable("expertSignedAt_" + expert);
      MajorDecisionModel.SHOWN_SIGNED_AT.setLocal(task, at == null ? null : at.toString());
      return;
    }
    Object adopted = MajorDecisionModel.EXPERT_ADOPTED.get(task);
    Checks.require("DEC-04", "expertAdopted", adopted instanceof Boolean, "须决定是否采纳", "expertAdopted (true/false) is required");
    Checks.require("DEC-04", "expertOpinionClass", !Checks.blank(MajorDecisionModel.EXPERT_OPINION_CLASS.get(task)), "须对意见分类", "expertOpinionClass is required");
    if (!(Boolean) adopted) {
      Checks.require("DEC-04", "expertNotAdoptedReason", !Checks.blank(MajorDecisionModel.EXPERT_NOT_ADOPTED_REASON.get(task)), "不予采纳的专家意见须说明理由",
          "an expert opinion that is not adopted needs expertNotAdoptedReason");
    }
    task.setVariable("expertAdopted_" + expert, adopted);
    task.setVariable("expertOpinionClass_" + expert, MajorDecisionModel.EXPERT_OPINION_CLASS.get(task));
    task.setVariable("expertNotAdoptedReason_" + expert,
        (Boolean) adopted ? null : MajorDecisionModel.EXPERT_NOT_ADOPTED_REASON.get(task));
  }
}
