package cn.gov.enforcement.recording;

import cn.gov.enforcement.identity.SystemActions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Asks the DMN {@code retention-class} (RET-01..RET-04). The rule lives in the table the rule owner
 * maintains; this class only feeds it the facts and reads the answer.
 */
@Component
public class RetentionDecision {

  public static final String DECISION_KEY = "retention-class";

  /** The boolean inputs of the table besides {@code activity} (contract "Decisions"). */
  public static final List<String> FACTS = List.of("usedAsEvidence", "involvesMoneyOrGoods", "disputeOrComplaint",
      "obstruction", "reviewOrLitigation", "massIncidentOrEmergency", "priorConflict", "otherLongTermReason");

  /** The facts that may be reported later through {@code POST /api/recordings/{id}/facts}. */
  public static final List<String> LATER_FACTS = List.of("usedAsEvidence", "disputeOrComplaint", "obstruction",
      "reviewOrLitigation", "massIncidentOrEmergency", "priorConflict", "otherLongTermReason");

  public record Outcome(RetentionClass retentionClass, String minimumRetention, boolean longTermMedium) {}

  private final DecisionService decisionService;
  private final SystemActions system;

  public RetentionDecision(DecisionService decisionService, SystemActions system) {
    this.decisionService = decisionService;
    this.system = system;
  }

  public Outcome decide(String activity, Map<String, Boolean> facts) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("activity", activity);
    for (String fact : FACTS) {
      variables.put(fact, Boolean.TRUE.equals(facts.get(fact)));
    }
    DmnDecisionResultEntries result;
    try {
      result = system.run(() ->
          decisionService.evaluateDecisionByKey(DECISION_KEY).variables(variables).evaluate().getSingleResult());
    } catch (org.camunda.bpm.engine.exception.NotFoundException e) {
      // without the rule table no class can be decided, and a recording without a class is not stored
      throw new cn.gov.enforcement.web.ApiException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
          "RULE_TABLE_MISSING", "保存期限规则表 retention-class 未部署 / the decision retention-class is not deployed");
    }
    if (result == null) {
      throw new IllegalStateException("retention-class gave no result for " + variables);
    }
    Object medium = result.get("longTermMedium");
    return new Outcome(RetentionClass.valueOf((String) result.get("retentionClass")),
        (String) result.get("minimumRetention"), Boolean.TRUE.equals(medium));
  }
}
