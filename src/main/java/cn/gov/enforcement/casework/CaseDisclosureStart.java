package cn.gov.enforcement.casework;

import org.camunda.bpm.engine.RuntimeService;
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
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    ProcessInstance disclosure = runtime.startProcessInstanceByKey(DISCLOSURE, execution.getProcessBusinessKey(), variables);
    // the start form holds what the request names; the presets of the records office's form are
    // set after the start (they are no start-form fields, and the start form is validated)
    VariableMap presets = Variables.createVariables();
    preset(presets, "resultFacts", execution.getVariable("cause"));
    preset(presets, "resultBasis", execution.getVariable("legalBasis"));
    preset(presets, "resultOutcome", execution.getVariable("penaltyContent"));
    if (!presets.isEmpty()) {
      runtime.setVariables(disclosure.getId(), presets);
    }
    execution.setVariable("disclosureInstanceId", disclosure.getId());
  }

  private static void preset(VariableMap variables, String name, Object value) {
    if (value != null && !value.toString().isBlank()) {
      variables.putValue(name, value.toString());
    }
  }
}
