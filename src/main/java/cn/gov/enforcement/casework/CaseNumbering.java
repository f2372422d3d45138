package cn.gov.enforcement.casework;

import cn.gov.enforcement.forms.FormValidationException;
import cn.gov.enforcement.forms.FormViolation;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 立案审查 (complete): the proposed case number (案号, from the bureau's register) becomes the
 * instance's business key (contract.md "Business keys"), which the services, reviews and
 * disclosures the case calls inherit, and by which Tasklist and Cockpit name the case. A number
 * another case already carries is refused (400 naming {@code caseNumber}): two cases with one
 * number could not be told apart in the record.
 */
@Component("caseNumbering")
public class CaseNumbering implements TaskListener {

  static final String FIELD = "caseNumber";

  private final HistoryService history;

  public CaseNumbering(HistoryService history) {
    this.history = history;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = String.valueOf(task.getVariable(FIELD)).strip();
    String instance = task.getProcessInstanceId();
    boolean taken = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CaseDates.STEPS.processKey())
        .processInstanceBusinessKey(number).list().stream()
        .anyMatch(other -> !other.getId().equals(instance));
    if (taken) {
      throw new FormValidationException(null, List.of(FormViolation.rule("CASE-01", FIELD,
          "案号 " + number + " 已用于另一案件，请核对立案登记簿", "case number " + number + " is already used by another case")));
    }
    task.getExecution().setProcessBusinessKey(number);
  }
}
