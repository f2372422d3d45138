package cn.gov.enforcement.casework;

import cn.gov.enforcement.calendar.BeijingTime;
import cn.gov.enforcement.platform.EngineClock;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 立案登记 (CASE-01, CASE-05): records the filing day, from which the 90-day decision period and
 * its 75-day warning run, and gives the variables later gateways read a defined value, so that
 * a path not taken (no hearing, no legal review) never fails on a missing variable. Not
 * {@code hearingRequested}, {@code complexCase} nor {@code decisionApproved}: Tasklist fills a form from the instance's
 * variables, so a preset {@code false} would open 当事人是否要求听证 with 否 or 负责人审批决定 with 退回修改
 * (or 是否须集体讨论 with 否) chosen (issue 16: no default on a field that records a decision). Their gateways are reached
 * only through those forms, which require them; the 75-day warning reads {@code decisionApproved}
 * null-safely.
 */
@Component("caseOpening")
public class CaseOpening implements JavaDelegate {

  private static final Map<String, Object> DEFAULTS = Map.of(
      "reviewOutcome", "NONE",
      "serviceMethod", "DIRECT",
      "complianceDays", 15,
      "reminderDays", 10);

  @Override
  public void execute(DelegateExecution execution) {
    // PER-06: the filing date is the server's date of this step, never a typed one (CaseDates)
    EnforcementCaseModel.FILED_ON.set(execution, BeijingTime.dayOf(EngineClock.now()).toString());
    DEFAULTS.forEach((name, value) -> {
      if (execution.getVariable(name) == null) {
        execution.setVariable(name, value);
      }
    });
  }
}
