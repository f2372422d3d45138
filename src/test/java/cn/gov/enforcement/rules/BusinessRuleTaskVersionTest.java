package cn.gov.enforcement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.rules.RuleOwnerDesk.Answer;
import cn.gov.enforcement.rules.RuleOwnerDesk.File;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * A process that calls {@code retention-class} from a business rule task (binding latest) decides
 * with the version a rule owner deployed last. The test process comes from
 * {@code src/test/resources/rules-test/} and is removed afterwards; the shipped table is restored
 * (see {@link RuleGateRestTest} for the isolation rules).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("业务规则任务使用最新版本 / business rule tasks use the latest version")
class BusinessRuleTaskVersionTest {

  private static final String RETENTION = "retention-class";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  RuleOwnerDesk desk;
  Deployment testProcess;

  @BeforeEach
  void deployTestProcess() {
    desk = new RuleOwnerDesk(rest, repositoryService);
    testProcess = repositoryService.createDeployment().name("rules-test-process")
        .addClasspathResource("rules-test/retention-check.bpmn").deploy();
  }

  @AfterEach
  void cleanUp() {
    repositoryService.deleteDeployment(testProcess.getId(), true);
    desk.restoreShipped(RETENTION);
  }

  @Test
  @DisplayName("RET-01 RET-05 a business rule task answers with the version a rule owner just deployed")
  void businessRuleTaskUsesNewVersion() {
    HistoricDecisionInstance before = decide();
    assertThat(output(before, "retentionClass")).isEqualTo("SIX_MONTHS");
    assertThat(output(before, "minimumRetention")).isEqualTo("P6M");

    Answer answer = desk.deploy("rules1", "retention-class (business rule task)",
        File.of("retention-class.dmn", RuleGateRestTest.oneYearForEverything()),
        File.of("retention-class.csv", RuleGateRestTest.oneYearCases()));
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    String newDefinitionId = answer.body().get("deployedDecisionDefinitions").fieldNames().next();

    HistoricDecisionInstance after = decide();
    assertThat(after.getDecisionDefinitionId()).isEqualTo(newDefinitionId).isNotEqualTo(before.getDecisionDefinitionId());
    assertThat(output(after, "retentionClass")).isEqualTo("ONE_YEAR");
    assertThat(output(after, "minimumRetention")).isEqualTo("P1Y");
  }

  @Test
  @DisplayName("RET-05 a business rule task given an unknown activity fails, so the process does not go on with a silent default")
  void unknownActivityStopsTheProcess() {
    var variables = RuleGateRestTest.patrol(false);
    variables.put("activity", "DIGITAL_CITY");
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("rules-test-retention-check").count();

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("rules-test-retention-check", variables))
        .hasStackTraceContaining(DecisionContract.INVALID_INPUT_MARKER + " activity");

    // through REST (as the administrator, who may start any process): 400 naming the input
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    ResponseEntity<JsonNode> answer = rest.withBasicAuth("admin", RuleOwnerDesk.PASSWORD).postForEntity(
        "/engine-rest/process-definition/key/rules-test-retention-check/start", Map.of("variables", typed), JsonNode.class);
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(400);
    assertThat(answer.getBody().get("type").asText()).isEqualTo(DecisionInputErrors.TYPE);
    assertThat(answer.getBody().get("message").asText()).contains("activity");

    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("rules-test-retention-check").count())
        .isEqualTo(before);
  }

  /** Starts the test process for a daily patrol without money or goods and returns the decision it made. */
  private HistoricDecisionInstance decide() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("rules-test-retention-check",
        RuleGateRestTest.patrol(false));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).completed().count())
        .isEqualTo(1);
    return historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance.getId())
        .includeOutputs().singleResult();
  }

  private static Object output(HistoricDecisionInstance decision, String name) {
    return decision.getOutputs().stream().filter(o -> o.getVariableName().equals(name))
        .map(HistoricDecisionOutputInstance::getValue).findFirst().orElse(null);
  }

}
