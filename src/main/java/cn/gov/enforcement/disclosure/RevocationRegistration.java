package cn.gov.enforcement.disclosure;

import cn.gov.enforcement.calendar.BeijingTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 登记撤销通知 (PUB-05): notes the day the revocation reached the publisher; the withdrawal is due
 * 3 days later (APL 48; working days as a penalty-procedure period, PER-01).
 */
@Component("revocationRegistration")
public class RevocationRegistration implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("revocationReceivedOn", BeijingTime.dayOf(ClockUtil.getCurrentTime()).toString());
  }
}
