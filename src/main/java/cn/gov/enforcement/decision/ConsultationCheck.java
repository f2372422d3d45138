package cn.gov.enforcement.decision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_PublishDraft, complete (DEC-05): at least 20 days (YX); under 30 days (MDR 15) the reason
 * is published with the draft. The timer Event_ConsultationClosed then reads consultationStart
 * and consultationDays; nothing else can end the consultation.
 */
@Component("consultationCheck")
public class ConsultationCheck implements TaskListener {

  static final int MINIMUM_DAYS = 20;
  static final int USUAL_DAYS = 30;

  @Override
  public void notify(DelegateTask task) {
    Checks.require(!Checks.blank(task.getVariable("consultationStart")), "须填写公布日期", "consultationStart is required");
    long days = Checks.number(task, "consultationDays");
    Checks.require(days >= MINIMUM_DAYS, "征求意见期限不得少于 20 日", "consultationDays must be at least 20");
    if (days < USUAL_DAYS) {
      Checks.require(!Checks.blank(task.getVariable("shortPeriodReason")), "征求意见期限少于 30 日的须说明理由",
          "a consultation shorter than 30 days needs shortPeriodReason");
    }
    for (String contact : new String[] {"contactUnit", "contactAddress", "contactPhone", "contactEmail", "submissionMethods"}) {
      Checks.require(!Checks.blank(task.getVariable(contact)), "须公布联系单位及意见提交方式（缺少 " + contact + "）",
          contact + " is required");
    }
  }
}
