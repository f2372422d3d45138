package cn.gov.enforcement.decision;

import cn.gov.enforcement.forms.FormValidationException;
import cn.gov.enforcement.identity.StaffMembership;
import cn.gov.enforcement.platform.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_ExpertOpinion (one per expert), complete (DEC-04, issue #14 item 3): the written opinion is
 * signed by the expert who completes the task, nobody else. The signature is that user, stamped by
 * the server ({@code expertSignedBy_<expert>}, {@code expertSignedAt_<expert>}; server-stamped
 * prefixes in {@code platform.ServerStampedVariables}); a typed name ({@code signatureName}) is
 * refused, because anybody can type a name. The parallel tasks submit the same field names, so each
 * opinion is kept under the expert's id ({@code expertOpinion_expert1}, …) before the next
 * submission overwrites the shared field.
 */
@Component("expertOpinionRecord")
public class ExpertOpinionRecord implements TaskListener {

  private final StaffMembership staff;

  public ExpertOpinionRecord(StaffMembership staff) {
    this.staff = staff;
  }

  @Override
  public void notify(DelegateTask task) {
    Object expert = task.getVariable("expert");
    String doer = staff.doer(task).orElse(null);
    // who signs, not what the form holds (its opinion and the confirmation "signed" it requires)
    if (expert == null || !expert.equals(doer) || !expert.equals(task.getAssignee())) {
      throw FormValidationException.rule("DEC-04", "assignee", "论证意见须由指定专家本人签署", "the opinion must be signed by the expert it was assigned to");
    }
    if (MajorDecisionModel.SIGNATURE_NAME.get(task) != null) {
      throw FormValidationException.rule("DEC-04", "signatureName", "签名由系统按完成任务的专家本人记录，不接受填写的姓名（signatureName）",
          "the signature is the expert who completes the task; a typed signatureName is not accepted");
    }
    task.setVariable("expertOpinion_" + expert, MajorDecisionModel.EXPERT_OPINION.get(task));
    task.setVariable("expertSignedBy_" + expert, doer);
    task.setVariable("expertSignedAt_" + expert, EngineClock.now());
  }
}
