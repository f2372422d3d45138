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
 * {@code hearingRequested}: Tasklist fills a form from the instance's variables, so a preset
 * {@code false} would open 当事人是否要求听证 with 否 chosen; its gateway is reached only through
 * that form, which requires it (issue 16: no default on a field that records a decision).
 */
@Component("caseOpening")
public class CaseOpening implements JavaDelegate {

  private static final Map<String, Object> DEFAULTS = Map.of(
      "decisionApproved", false,
      "reviewOutcome", "NONE",
      "complexCase", false,
      "serviceMethod", "DIRECT",
      "complianceDays", 15,
      "reminderDays", 10);

  @Override
  public void execute(DelegateExecution execution) {
    // PER-06: the filing date is the server's date of this step, never a typed one (CaseDates)
    execution.setVariable("filedOn", BeijingTime.dayOf(EngineClock.now()).toString());
    DEFAULTS.forEach((name, value) -> {
      if (execution.getVariable(name) == null) {
        execution.setVariable(name, value);
      }
    });
  }
}
