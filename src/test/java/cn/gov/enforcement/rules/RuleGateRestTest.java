package cn.gov.enforcement.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.rules.RuleOwnerDesk.Answer;
import cn.gov.enforcement.rules.RuleOwnerDesk.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The deploy gate through the Modeler's Deploy button ({@code POST /engine-rest/deployment/create}).
 *
 * <p>Isolation: the Spring context and its H2 database are shared with every other test class.
 * A test that deploys a changed version of a shipped table restores it in {@code @AfterEach}
 * (the shipped table and cases deployed again, unless the latest version already passes the
 * shipped cases), and {@code @AfterEach} then checks that the latest version of every contract
 * table passes its shipped case file — so other tests always see tables equivalent to the shipped
 * ones. Case-only deployments add rows the shipped table passes, nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("规则表部署闸门 / rule table deploy gate (REST)")
class RuleGateRestTest {

  private static final String RETENTION = "retention-class";
  private static final String RECORDING = "recording-requirement";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;

  RuleOwnerDesk desk;

  @BeforeEach
  void desk() {
    desk = new RuleOwnerDesk(rest, repositoryService);
  }

  @AfterEach
  void shippedTablesStayLatest() {
    for (DecisionContract.Table table : DecisionContract.tables()) {
      desk.restoreShipped(table.key());
      assertThat(desk.latestPassesShippedCases(table.key())).as("latest %s equivalent to the shipped one", table.key()).isTrue();
    }
  }

  /** The agency alternative of requirements.md: "1 year for everything (YH, CZ)" instead of 6 months for minor daily recordings. */
  static String oneYearForEverything() {
    return RuleOwnerDesk.edit(RuleOwnerDesk.shippedTable(RETENTION),
        "<text>\"SIX_MONTHS\"</text>", "<text>\"ONE_YEAR\"</text>",
        "<text>\"P6M\"</text>", "<text>\"P1Y\"</text>",
        "YX 第十二条; JL 第十四条 — 日常巡查、轻微违法劝阻纠正等不涉及当事人钱、物的，保存6个月（RET-01）",
        "YH 第十一条; CZ 第三十二条 — 本局规则：日常巡查、轻微违法劝阻纠正也保存不少于1年（RET-01 备选 / alternative）");
  }

  static String oneYearCases() {
    return RuleOwnerDesk.shippedCases(RETENTION).replace("SIX_MONTHS,P6M", "ONE_YEAR,P1Y");
  }

  /** The lines of the shipped case file that expect six months (1-based, as the gate reports them). */
  static List<Integer> sixMonthLines() {
    String[] lines = RuleOwnerDesk.shippedCases(RETENTION).split("\n");
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("SIX_MONTHS,P6M")) {
        numbers.add(i + 1);
      }
    }
    return numbers;
  }

  @Test
  @DisplayName("RET-01 RET-05 a rule owner's edit deployed with its updated case file becomes the new version; the user operation log names the rule owner")
  void editWithUpdatedCasesIsAccepted() {
    int before = desk.latestVersion(RETENTION);

    Answer answer = desk.deploy("rules1", "retention-class (edit with cases)",
        File.of("retention-class.dmn", oneYearForEverything()),
        File.of("cases/retention-class.csv", oneYearCases()));

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    String deploymentId = answer.body().get("id").asText();
    assertThat(answer.body().get("deployedDecisionDefinitions").elements().next().get("version").asInt()).isEqualTo(before + 1);
    assertThat(desk.latestVersion(RETENTION)).isEqualTo(before + 1);
    assertThat(desk.resourceNames(deploymentId)).containsExactlyInAnyOrder("retention-class.dmn", "cases/retention-class.csv");

    // new evaluations use the new version
    Answer evaluated = desk.evaluate("rules1", RETENTION, patrol(false));
    assertThat(evaluated.status()).isEqualTo(200);
    assertThat(evaluated.body().get(0).get("retentionClass").get("value").asText()).isEqualTo("ONE_YEAR");
    assertThat(evaluated.body().get(0).get("minimumRetention").get("value").asText()).isEqualTo("P1Y");

    // who deployed what: the engine's user operation log records the deployment with the user
    List<UserOperationLogEntry> log = historyService.createUserOperationLogQuery()
        .deploymentId(deploymentId).entityType(EntityTypes.DEPLOYMENT)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list();
    assertThat(log).isNotEmpty().allSatisfy(entry -> assertThat(entry.getUserId()).isEqualTo("rules1"));
    Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult();
    assertThat(deployment.getSource()).isEqualTo("Camunda Modeler");
  }

  @Test
  @DisplayName("RET-01 RET-05 an edit that contradicts the last accepted cases is refused with 400, listing the failing lines in Chinese and English; no new version")
  void contradictingEditIsRefused() {
    int before = desk.latestVersion(RETENTION);

    Answer answer = desk.deploy("rules1", "retention-class (contradicting edit)", File.of("retention-class.dmn", oneYearForEverything()));

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
    assertThat(answer.body().get("type").asText()).isEqualTo("RuleGateException");
    assertThat(answer.body().get("code").asInt()).isEqualTo(RuleGateException.CODE);
    String message = answer.body().get("message").asText();
    assertThat(message).contains("部署已拒绝", "deployment is refused", "retention-class", "期望 / expected", "实际 / actual");
    for (int line : sixMonthLines()) {
      assertThat(message).contains("第 " + line + " 行 / line " + line + ":");
    }
    assertThat(message).contains("retentionClass=SIX_MONTHS").contains("retentionClass=ONE_YEAR");
    assertThat(desk.latestVersion(RETENTION)).isEqualTo(before);
    assertThat(desk.evaluate("rules1", RETENTION, patrol(false)).body().get(0).get("retentionClass").get("value").asText())
        .isEqualTo("SIX_MONTHS");
  }

  @Test
  @DisplayName("RET-02 a compatible edit (annotation only) deployed without a case file passes the last accepted cases and becomes a new version")
  void compatibleEditWithoutCasesIsAccepted() {
    int before = desk.latestVersion(RETENTION);
    String edited = RuleOwnerDesk.edit(RuleOwnerDesk.shippedTable(RETENTION),
        "其他音像资料保存期限不少于1年（RET-02）", "其他音像资料保存期限不少于1年，到期经审批处置（RET-02, RET-06）");

    Answer answer = desk.deploy("rules1", "retention-class (annotation)", File.of("retention-class.dmn", edited));

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    assertThat(desk.latestVersion(RETENTION)).isEqualTo(before + 1);
    // the accepted version carries the case file it was checked against
    assertThat(desk.resourceNames(answer.body().get("id").asText()))
        .containsExactlyInAnyOrder("retention-class.dmn", "dmn/cases/retention-class.csv");
  }

  @Test
  @DisplayName("RET-03 a case file deployed alone is checked against the latest table: a contradicting row is refused, a consistent one accepted without a new version")
  void caseFileAlone() {
    int before = desk.latestVersion(RETENTION);
    String shipped = RuleOwnerDesk.shippedCases(RETENTION);
    int newLine = (int) shipped.lines().count() + 1;

    String wrong = shipped + "SAMPLING,true,false,false,false,false,false,false,false,ONE_YEAR,P1Y,false,,证据应随案卷（故意写错）/ deliberately wrong\n";
    Answer refused = desk.deploy("rules1", "retention-class cases", File.of("retention-class.csv", wrong));
    assertThat(refused.status()).as("%s", refused.body()).isEqualTo(400);
    assertThat(refused.body().get("message").asText())
        .contains("第 " + newLine + " 行 / line " + newLine + ":", "retentionClass=WITH_CASE_FILE");

    String right = shipped + "SAMPLING,true,false,false,false,false,false,false,false,WITH_CASE_FILE,,false,,抽样作为证据 / sampling used as evidence\n";
    Answer accepted = desk.deploy("rules1", "retention-class cases", File.of("retention-class.csv", right));
    assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(200);
    assertThat(desk.latestVersion(RETENTION)).isEqualTo(before);
  }

  @Test
  @DisplayName("REC-02 a table that no longer refuses an unknown activity is refused, even when deployed with its cases")
  void tableWithoutInputCheckIsRefused() {
    String shipped = RuleOwnerDesk.shippedTable(RECORDING);
    int start = shipped.indexOf("<text>assert(activity,");
    int end = shipped.indexOf("</text>", start);
    String unguarded = shipped.substring(0, start) + "<text>activity" + shipped.substring(end);
    int before = desk.latestVersion(RECORDING);

    Answer answer = desk.deploy("rules1", RECORDING,
        File.of("recording-requirement.dmn", unguarded),
        File.of("recording-requirement.csv", RuleOwnerDesk.shippedCases(RECORDING)));

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
    assertThat(answer.body().get("message").asText())
        .contains("不符合合同", "leaves the contract", "activity = " + DecisionContract.PROBE_UNKNOWN)
        .contains("期望求值失败", "expected the evaluation to fail");
    assertThat(desk.latestVersion(RECORDING)).isEqualTo(before);
  }

  @Test
  @DisplayName("DEC-07 a table without history time to live, or with a rule no case answers, is refused")
  void historyTimeToLiveAndCoverage() {
    String key = "hearing-requirement";
    int before = desk.latestVersion(key);
    String shipped = RuleOwnerDesk.shippedTable(key);
    String noTtl = shipped.replaceFirst(" camunda:historyTimeToLive=\"\\d+\"", "");
    Answer refused = desk.deploy("rules1", "hearing-requirement (no ttl)", File.of("hearing-requirement.dmn", noTtl));
    assertThat(refused.status()).as("%s", refused.body()).isEqualTo(400);
    assertThat(refused.body().get("message").asText()).contains("camunda:historyTimeToLive", "history time to live");

    // a new rule that no case answers (it duplicates rule 1, so it is never the first match)
    int rulesStart = shipped.indexOf("      <rule id=\"Rule_01_Franchise\">");
    int rulesEnd = shipped.indexOf("      <rule id=\"Rule_02_");
    String copy = shipped.substring(rulesStart, rulesEnd).replace("_01_", "_99_");
    String shadowed = shipped.substring(0, rulesEnd) + copy + shipped.substring(rulesEnd);
    Answer uncovered = desk.deploy("rules1", "hearing-requirement (shadowed rule)", File.of("hearing-requirement.dmn", shadowed));
    assertThat(uncovered.status()).as("%s", uncovered.body()).isEqualTo(400);
    assertThat(uncovered.body().get("message").asText()).contains("第 2 条规则（Rule_99_Franchise）没有任何用例命中", "answers no case");
    assertThat(desk.latestVersion(key)).isEqualTo(before);
  }

  @Test
  @DisplayName("REC-02 only rule owners and administrators deploy decisions: officer1 gets 403")
  void officerMayNotDeploy() {
    int before = desk.latestVersion(RETENTION);

    Answer answer = desk.deploy("officer1", RETENTION, File.of("retention-class.dmn", RuleOwnerDesk.shippedTable(RETENTION)));

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(403);
    assertThat(answer.body().get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(desk.latestVersion(RETENTION)).isEqualTo(before);
  }

  @Test
  @DisplayName("REC-02 a rule owner deploys only .dmn and .csv: a deployment with a BPMN gets 403")
  void ruleOwnerMayNotDeployProcesses() {
    Answer answer = desk.deploy("rules1", "sneaky",
        File.of("retention-check.bpmn", RuleOwnerDesk.shipped("rules-test/retention-check.bpmn")),
        File.of("retention-class.dmn", RuleOwnerDesk.shippedTable(RETENTION)));

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(403);
    assertThat(answer.body().get("message").asText()).contains("retention-check.bpmn", ".dmn", ".csv");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("rules-test-retention-check").count()).isZero();
  }

  @Test
  @DisplayName("REC-02 RET-05 an unknown or missing input evaluated through REST is a 400 error, not a silent default")
  void unknownActivityThroughRest() {
    Map<String, Object> known = new LinkedHashMap<>(Map.of("activity", "ONSITE_INSPECTION", "exemption", "EMERGENCY",
        "affectsLibertyLifeOrMajorProperty", false));
    Answer ok = desk.evaluate("rules1", RECORDING, known);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body().get(0).get("requirement").get("value").asText()).isEqualTo("EXEMPT");

    Map<String, Object> unknown = new LinkedHashMap<>(known);
    unknown.put("activity", "DIGITAL_CITY");
    Answer refused = desk.evaluate("rules1", RECORDING, unknown);
    assertThat(refused.status()).as("%s", refused.body()).isEqualTo(400);
    assertThat(refused.body().get("type").asText()).isEqualTo(DecisionInputErrors.TYPE);
    assertThat(refused.body().get("message").asText()).contains("决策输入无效", "invalid decision input", "activity")
        .doesNotContain("assert(");

    Map<String, Object> missing = patrol(false);
    missing.remove("involvesMoneyOrGoods");
    Answer missingFact = desk.evaluate("rules1", RETENTION, missing);
    assertThat(missingFact.status()).as("%s", missingFact.body()).isEqualTo(400);
    assertThat(missingFact.body().get("message").asText()).contains("involvesMoneyOrGoods");
  }

  @Test
  @DisplayName("REC-02 RET-05 DEC-07 LR-02 the shipped tables passed their shipped cases at startup and carry them in their deployment")
  void shippedTablesPassedAtStartup() {
    List<Deployment> shipped = repositoryService.createDeploymentQuery().deploymentName("enforcement-models")
        .orderByDeploymentTime().desc().list();
    for (DecisionContract.Table table : DecisionContract.tables()) {
      List<String> names = shipped.stream().map(d -> desk.resourceNames(d.getId()))
          .filter(n -> n.contains("dmn/" + table.key() + ".dmn")).findFirst().orElseThrow();
      assertThat(names).as("the deployment of the shipped %s", table.key()).contains("dmn/cases/" + table.key() + ".csv");
      var definition = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(table.key()).latestVersion().singleResult();
      assertThat(definition.getHistoryTimeToLive()).isNotNull();
    }
  }

  static Map<String, Object> patrol(boolean money) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("activity", "DAILY_PATROL");
    variables.put("usedAsEvidence", false);
    variables.put("involvesMoneyOrGoods", money);
    for (String fact : List.of("disputeOrComplaint", "obstruction", "reviewOrLitigation", "massIncidentOrEmergency",
        "priorConflict", "otherLongTermReason")) {
      variables.put(fact, false);
    }
    return variables;
  }
}
