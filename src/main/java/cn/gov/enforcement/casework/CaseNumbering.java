package cn.gov.enforcement.casework;

import cn.gov.enforcement.forms.FormValidationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 立案审查 (complete): the proposed case number (案号, from the bureau's register) becomes the
 * instance's business key (contract.md "Business keys"), which the services, reviews and
 * disclosures the case calls inherit, and by which Tasklist and Cockpit name the case. A number
 * another case already carries is refused (400 naming {@code caseNumber}): two cases with one
 * number could not be told apart in the record. This stays a listener rather than a
 * {@code FormRule}: "another case" means any instance but the one completing the task, which the
 * form's values do not name.
 */
@Component("caseNumbering")
public class CaseNumbering implements TaskListener {

  private final HistoryService history;

  public CaseNumbering(HistoryService history) {
    this.history = history;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = String.valueOf(EnforcementCaseModel.CASE_NUMBER.get(task)).strip();
    String instance = task.getProcessInstanceId();
    boolean taken = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CaseDates.STEPS.processKey())
        .processInstanceBusinessKey(number).list().stream()
        .anyMatch(other -> !other.getId().equals(instance));
    if (taken) {
      throw FormValidationException.rule("CASE-01", EnforcementCaseModel.CASE_NUMBER.name(),
          "案号 " + number + " 已用于另一案件，请核对立案登记簿", "case number " + number + " is already used by another case");
    }
    task.getExecution().setProcessBusinessKey(number);
  }
}
