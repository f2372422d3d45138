package cn.gov.enforcement.disclosure;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.platform.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记撤销通知 (PUB-05): notes the day the revocation reached the publisher; the withdrawal is due
 * 3 days later (APL 48; working days as a penalty-procedure period, PER-01).
 */
@Component("revocationRegistration")
public class RevocationRegistration implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    DisclosureModel.REVOCATION_RECEIVED_ON.set(execution, BeijingTime.dayOf(EngineClock.now()).toString());
  }
}
