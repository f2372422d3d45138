package cn.gov.enforcement.casework;

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

  static final String MESSAGE = "DecisionRevoked";

  private final RuntimeService runtimeService;

  public DecisionRevokedNotifier(@Lazy RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("revocationType", execution.getVariable("revocationType"));
    variables.put("revocationExplanation", execution.getVariable("revocationExplanation"));
    variables.put("revokedOn", execution.getVariable("revokedOn"));
    int notified = runtimeService.createMessageCorrelation(MESSAGE)
        .processInstanceVariableEquals("caseNumber", execution.getVariable("caseNumber"))
        .setVariables(variables)
        .correlateAllWithResult().size();
    execution.setVariable("disclosuresNotified", notified);
  }
}
