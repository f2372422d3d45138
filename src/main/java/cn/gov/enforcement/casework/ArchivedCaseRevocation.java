package cn.gov.enforcement.casework;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

/**
 * Start of {@code case-revocation} (issue #16, PUB-05): the message {@code CaseDecisionRevoked}
 * reaches this start event only when no case instance waits for it, i.e. the case with this
 * business key has been archived (a running case catches it in its own event subprocess). A
 * number that names no archived case is refused, which rolls the correlation back: nothing starts.
 * The case number is the business key, as in the case.
 */
@Component("archivedCaseRevocation")
public class ArchivedCaseRevocation implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    boolean archived = caseNumber != null && history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(EnforcementCaseModel.PROCESS_KEY).processInstanceBusinessKey(caseNumber).finished().list().stream()
        .anyMatch(instance -> history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .activityId(EnforcementCaseModel.EVENT_CASE_ARCHIVED).count() > 0);
    if (!archived) {
      throw new NotValidException("案号 " + caseNumber + " 没有已归档的案件，撤销情况请在案件中登记 / no archived case "
          + caseNumber + ": record the revocation on the running case (PUB-05)");
    }
    CaseRevocationModel.CASE_NUMBER.set(execution, caseNumber);
  }
}
