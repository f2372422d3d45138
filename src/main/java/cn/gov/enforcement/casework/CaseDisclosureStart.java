package cn.gov.enforcement.casework;

import cn.gov.enforcement.disclosure.DisclosureModel;
import cn.gov.enforcement.platform.ProcessVariable;
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

  @Override
  public void execute(DelegateExecution execution) {
    VariableMap variables = Variables.createVariables();
    DisclosureModel.CASE_NUMBER.put(variables, EnforcementCaseModel.CASE_NUMBER.get(execution));
    DisclosureModel.DISCLOSURE_TYPE.put(variables, "PENALTY");
    DisclosureModel.DECISION_NUMBER.put(variables, EnforcementCaseModel.DECISION_NUMBER.get(execution));
    DisclosureModel.DECIDED_ON.put(variables, EnforcementCaseModel.DECISION_DATE.get(execution));
    DisclosureModel.PARTY_NAME.put(variables, EnforcementCaseModel.PARTY_NAME.get(execution));
    DisclosureModel.PARTY_TYPE.put(variables, EnforcementCaseModel.PARTY_TYPE.get(execution));
    DisclosureModel.DISCLOSURE_SUMMARY.put(variables, EnforcementCaseModel.DECISION_SUMMARY.get(execution));
    RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
    ProcessInstance disclosure = runtime.startProcessInstanceByKey(DisclosureModel.PROCESS_KEY, execution.getProcessBusinessKey(), variables);
    // the start form holds what the request names; the presets of the records office's form are
    // set after the start (they are no start-form fields, and the start form is validated)
    VariableMap presets = Variables.createVariables();
    preset(presets, DisclosureModel.RESULT_FACTS, EnforcementCaseModel.CAUSE.get(execution));
    preset(presets, DisclosureModel.RESULT_BASIS, EnforcementCaseModel.LEGAL_BASIS.get(execution));
    preset(presets, DisclosureModel.RESULT_OUTCOME, EnforcementCaseModel.PENALTY_CONTENT.get(execution));
    if (!presets.isEmpty()) {
      runtime.setVariables(disclosure.getId(), presets);
    }
    EnforcementCaseModel.DISCLOSURE_INSTANCE_ID.set(execution, disclosure.getId());
  }

  private static void preset(VariableMap variables, ProcessVariable<String> variable, Object value) {
    if (value != null && !value.toString().isBlank()) {
      variable.put(variables, value.toString());
    }
  }
}
