package cn.gov.enforcement.decision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task_ExpertOpinion (one per expert), complete (DEC-04): the written opinion is signed by the
 * expert it was assigned to, nobody else. The parallel tasks submit the same field names, so
 * each opinion is kept under the expert's id ({@code expertOpinion_expert1}, …) before the next
 * submission overwrites the shared field.
 */
@Component("expertOpinionRecord")
public class ExpertOpinionRecord implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String expert = Checks.text(task, "expert");
    Checks.require("DEC-04", "assignee", expert != null && expert.equals(task.getAssignee()), "论证意见须由指定专家本人签署",
        "the opinion must be signed by the expert it was assigned to");
    Checks.require("DEC-04", "expertOpinion", !Checks.blank(task.getVariable("expertOpinion")), "须出具书面论证意见", "expertOpinion is required");
    Checks.require("DEC-04", "signed", Checks.isTrue(task, "signed") && !Checks.blank(task.getVariable("signatureName")),
        "书面论证意见须经专家签名", "the written opinion must be signed (signed, signatureName)");
    task.setVariable("expertOpinion_" + expert, task.getVariable("expertOpinion"));
    task.setVariable("expertSignature_" + expert, task.getVariable("signatureName"));
    task.setVariable("expertSignedAt_" + expert, ClockUtil.getCurrentTime());
  }
}
