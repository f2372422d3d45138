package cn.gov.enforcement.casework;

import cn.gov.enforcement.disclosure.DisclosureModel;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * 通知公示撤下 (PUB-05): tells the case's disclosure that the decision was revoked, found unlawful
 * or is to be redone, by the message {@code DecisionRevoked} correlated on the case number; the
 * disclosure withdraws the publication within 3 days with the explanation. Capabilities talk
 * through the engine only, so this is a message, not a call into the disclosure package. When no
 * disclosure is waiting (not yet started, already withdrawn) nothing is correlated and the
 * recorded revocation stays on the case.
 */
@Component("decisionRevokedNotifier")
public class DecisionRevokedNotifier implements JavaDelegate {

  private final RuntimeService runtimeService;

  public DecisionRevokedNotifier(@Lazy RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> variables = new HashMap<>();
    DisclosureModel.REVOCATION_TYPE.put(variables, EnforcementCaseModel.REVOCATION_TYPE.get(execution));
    DisclosureModel.REVOCATION_EXPLANATION.put(variables, EnforcementCaseModel.REVOCATION_EXPLANATION.get(execution));
    DisclosureModel.REVOKED_ON.put(variables, EnforcementCaseModel.REVOKED_ON.get(execution));
    int notified = runtimeService.createMessageCorrelation(DisclosureModel.MESSAGE_DECISION_REVOKED)
        .processInstanceVariableEquals(DisclosureModel.CASE_NUMBER.name(), EnforcementCaseModel.CASE_NUMBER.get(execution))
        .setVariables(variables)
        .correlateAllWithResult().size();
    EnforcementCaseModel.DISCLOSURES_NOTIFIED.set(execution, notified);
  }
}
