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
      task.setVariableLocal("shownOpinion", task.getVariable("expertOpinion_" + expert));
      task.setVariableLocal("shownSignedBy", task.getVariable("expertSignedBy_" + expert));
      Object at = task.getVariable("expertSignedAt_" + expert);
      task.setVariableLocal("shownSignedAt", at == null ? null : at.toString());
      return;
    }
    Object adopted = task.getVariable("expertAdopted");
    Checks.require("DEC-04", "expertAdopted", adopted instanceof Boolean, "须决定是否采纳", "expertAdopted (true/false) is required");
    Checks.require("DEC-04", "expertOpinionClass", !Checks.blank(task.getVariable("expertOpinionClass")), "须对意见分类", "expertOpinionClass is required");
    if (!(Boolean) adopted) {
      Checks.require("DEC-04", "expertNotAdoptedReason", !Checks.blank(task.getVariable("expertNotAdoptedReason")), "不予采纳的专家意见须说明理由",
          "an expert opinion that is not adopted needs expertNotAdoptedReason");
    }
    task.setVariable("expertAdopted_" + expert, adopted);
    task.setVariable("expertOpinionClass_" + expert, task.getVariable("expertOpinionClass"));
    task.setVariable("expertNotAdoptedReason_" + expert,
        (Boolean) adopted ? null : task.getVariable("expertNotAdoptedReason"));
  }
}
