package cn.gov.enforcement.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * 启动行政执法公示 (Task_StartDisclosure, issue #16): the penalty's publication is its own
 * {@code disclosure} instance with the case's business key (the 案号), not a call activity, so
 * the case ends when it is archived while the publication stays up for 2 or 5 years (PUB-04) and
 * can still be withdrawn on a revocation (PUB-05, routed by {@code case-revocation} once the case
 * has ended). The decision's facts, basis and result preset the structured items of PUB-02 that the
 * records office prepares. The new instance's id is kept as {@code disclosureInstanceId}.
 */
@Component("caseDisclosureStart")
public class CaseDisclosureStart implements JavaDelegate {

  static final String DISCLOSURE = "disclosure";

  @Override
  public void execute(DelegateExecution execution) {
    VariableMap variables = Variables.createVariables()
        .putValue("caseNumber", execution.getVariable("caseNumber"))
        .putValue("disclosureType", "PENALTY")
        .putValue("decisionNumber", execution.getVariable("decisionNumber"))
        .putValue("decidedOn", execution.getVariable("decisionDate"))
        .putValue("partyName", execution.getVariable("partyName"))
        .putValue("partyType", execution.getVariable("partyType"))
        .putValue("disclosureSummary", execution.getVariable("decisionSummary"));
    preset(variables, "resultFacts", execution.getVariable("cause"));
    preset(variables, "resultBasis", execution.getVariable("legalBasis"));
    preset(variables, "resultOutcome", execution.getVariable("penaltyContent"));
    ProcessInstance disclosure = execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(DISCLOSURE, execution.getProcessBusinessKey(), variables);
    execution.setVariable("disclosureInstanceId", disclosure.getId());
  }

  private static void preset(VariableMap variables, String name, Object value) {
    if (value != null && !value.toString().isBlank()) {
      variables.putValue(name, value.toString());
    }
  }
}
