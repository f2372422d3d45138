package cn.gov.enforcement.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.forms.WebappSession;
import cn.gov.enforcement.platform.DeploymentGuardPlugin.DecisionHistoryKeptException;
import cn.gov.enforcement.rules.RuleOwnerDesk.Answer;
import cn.gov.enforcement.rules.RuleOwnerDesk.File;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deleting and redeploying decision deployments (issue 11, items 2 and 7): a rule owner cannot
 * delete a version (which would make the previous one active without a gate run), nobody deletes
 * decision history by cascade, and {@code POST /deployment/{id}/redeploy} meets the static FEEL
 * check and the gate like any deployment — also for a version stored before the check existed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("决策部署的删除与重新部署 / deleting and redeploying decision deployments")
class DecisionDeploymentRestTest {

  private static final String RETENTION = "retention-class";
  private static final String PROBE = "probe-feel-only";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired DecisionService decisionService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired JdbcTemplate jdbc;

  RuleOwnerDesk desk;

  @BeforeEach
  void desk() throws Exception {
    desk = new RuleOwnerDesk(rest, repositoryService);
    java.nio.file.Files.createDirectories(RuleGateAttackTest.MARKERS);
  }

  @AfterEach
  void shippedTablesStayLatest() {
    identityService.clearAuthentication();
    for (DecisionContract.Table table : DecisionContract.tables()) {
      desk.restoreShipped(table.key());
    }
  }

  /** rules1's own accepted version of retention-class (Camunda gives its creator every permission on it). */
  private String ownAcceptedVersion() {
    String edited = RuleOwnerDesk.edit(RuleOwnerDesk.shippedTable(RETENTION),
        "其他音像资料保存期限不少于1年（RET-02）", "其他音像资料保存期限不少于1年（RET-02；删除测试 / deletion test）");
    Answer answer = desk.deploy("rules1", "retention-class (deletion test)", File.of("retention-class.dmn", edited));
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    return answer.body().get("id").asText();
  }

  private ResponseEntity<String> delete(String user, String path) {
    return rest.withBasicAuth(user, RuleOwnerDesk.PASSWORD).exchange(path, HttpMethod.DELETE, HttpEntity.EMPTY, String.class);
  }

  private static JsonNode json(ResponseEntity<String> response) throws Exception {
    return JSON.readTree(response.getBody());
  }

  private boolean exists(String deploymentId) {
    return repositoryService.createDeploymentQuery().deploymentId(deploymentId).count() == 1;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/engine-rest/deployment/{id}", "/engine-rest/deployment/{id}?cascade=true",
      "/engine-rest/deployment/{id}?cascade=true&skipCustomListeners=true", "/engine-rest/engine/default/deployment/{id}",
      "/engine-rest/deployment/{id}/", "/engine-rest//deployment/{id}", "/engine-rest/Deployment/{id}",
      "/engine-rest/deployment/{id};x=1"})
  @DisplayName("RET-05 a rule owner cannot delete a decision deployment, even their own, under any path: refused or not found, the version stays latest")
  void ruleOwnerCannotDelete(String path) throws Exception {
    String id = ownAcceptedVersion();
    int latest = desk.latestVersion(RETENTION);

    ResponseEntity<String> response = delete("rules1", path.replace("{id}", id));

    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isIn(400, 403, 404, 405);
    assertThat(response.getStatusCode().is2xxSuccessful()).isFalse();
    if (response.getStatusCode().value() == 403 && response.getBody() != null && response.getBody().startsWith("{")) {
      JsonNode body = json(response);
      if (body.has("type")) {
        assertThat(body.get("type").asText()).isEqualTo("AuthorizationException");
        assertThat(body.get("message").asText()).contains("只有系统管理员", "only an administrator", "rules1");
      }
    }
    assertThat(exists(id)).isTrue();
    assertThat(desk.latestVersion(RETENTION)).isEqualTo(latest);
  }

  @Test
  @DisplayName("RET-05 the plain REST delete of their own decision deployment gives rules1 403 with the engine's JSON error and a bilingual message")
  void ruleOwnerDeleteIs403() throws Exception {
    String id = ownAcceptedVersion();

    ResponseEntity<String> response = delete("rules1", "/engine-rest/deployment/" + id + "?cascade=true");

    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(403);
    JsonNode body = json(response);
    assertThat(body.get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(body.get("message").asText()).contains("不能删除含决策表或用例文件的部署", "may not delete a deployment with decision tables",
        "deploys a corrected version");
    assertThat(exists(id)).isTrue();
  }

  @Test
  @DisplayName("RET-05 the Java API as rules1 meets the same guard (it is inside the engine)")
  void ruleOwnerJavaApi() {
    String id = ownAcceptedVersion();
    identityService.setAuthentication("rules1", List.of("rule-owner"));
    try {
      assertThatThrownBy(() -> repositoryService.deleteDeployment(id, false))
          .isInstanceOf(AuthorizationException.class).hasMessageContaining("only an administrator");
      assertThatThrownBy(() -> repositoryService.deleteDeployment(id, true, true, true))
          .isInstanceOf(AuthorizationException.class).hasMessageContaining("only an administrator");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(exists(id)).isTrue();
  }

  @Test
  @DisplayName("RET-05 a case file deployed alone cannot be deleted by the rule owner either (it would make older cases the last accepted ones)")
  void ruleOwnerCannotDeleteCaseFile() {
    Answer cases = desk.deploy("rules1", "retention-class cases (deletion test)",
        File.of("retention-class.csv", RuleOwnerDesk.shippedCases(RETENTION) + "# deletion test\n"));
    assertThat(cases.status()).as("%s", cases.body()).isEqualTo(200);
    String id = cases.body().get("id").asText();

    ResponseEntity<String> response = delete("rules1", "/engine-rest/deployment/" + id);

    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(403);
    assertThat(exists(id)).isTrue();
  }

  /** A probe table deployed by the application, evaluated once so that it has decision history. */
  private String probeWithHistory(String outputEntry) {
    Deployment deployment = repositoryService.createDeployment().name("probe " + PROBE)
        .addString(PROBE + ".dmn", probeTable(outputEntry)).deploy();
    decisionService.evaluateDecisionTableByKey(PROBE).variables(Map.of("x", "a")).evaluate();
    return deployment.getId();
  }

  static String probeTable(String outputEntry) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_Probe" name="probe" namespace="http://camunda.org/schema/1.0/dmn">
          <decision id="%s" name="probe" camunda:historyTimeToLive="30">
            <decisionTable id="DecisionTable_Probe" hitPolicy="FIRST">
              <input id="Input_X"><inputExpression id="InputExpression_X" typeRef="string"><text>x</text></inputExpression></input>
              <output id="Output_Y" name="y" typeRef="string" />
              <rule id="Rule_1"><inputEntry id="UnaryTests_1"><text>-</text></inputEntry><outputEntry id="LiteralExpression_1"><text>%s</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(PROBE, outputEntry);
  }

  @Test
  @DisplayName("RET-05 ACC-07 an administrator cannot delete the current version (400: the previous one would be current without a gate run) nor decision history by cascade (400); a superseded version without cascade is theirs to delete")
  void adminDeletion() {
    String old = probeWithHistory("\"a\"");
    String current = probeWithHistory("\"c\"");
    identityService.setAuthentication("admin", List.of("camunda-admin"));
    try {
      assertThatThrownBy(() -> repositoryService.deleteDeployment(current, false))
          .isInstanceOf(cn.gov.enforcement.platform.DeploymentGuardPlugin.LatestDecisionKeptException.class)
          .hasMessageContaining("当前版本").hasMessageContaining("without a gate run");
      assertThatThrownBy(() -> repositoryService.deleteDeployment(old, true))
          .isInstanceOf(DecisionHistoryKeptException.class)
          .hasMessageContaining("不能级联删除").hasMessageContaining("cannot be deleted with cascade");
      assertThat(exists(old)).isTrue();
      assertThat(exists(current)).isTrue();

      repositoryService.deleteDeployment(old, false);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(exists(old)).isFalse();
    assertThat(historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(PROBE).count()).isPositive();
    repositoryService.deleteDeployment(current, false); // the application tidies up without cascade
  }

  @Test
  @DisplayName("RET-05 an administrator's cascade delete of a superseded version through REST is 400 with the engine's JSON error while decision history exists")
  void adminCascadeThroughRest() throws Exception {
    String id = probeWithHistory("\"b\"");
    String current = probeWithHistory("\"d\"");
    String password = System.getProperty("ADMIN_PASSWORD", "demo");

    ResponseEntity<String> response = rest.withBasicAuth("admin", password)
        .exchange("/engine-rest/deployment/" + id + "?cascade=true", HttpMethod.DELETE, HttpEntity.EMPTY, String.class);
    ResponseEntity<String> latest = rest.withBasicAuth("admin", password)
        .exchange("/engine-rest/deployment/" + current, HttpMethod.DELETE, HttpEntity.EMPTY, String.class);

    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
    assertThat(json(response).get("type").asText()).isEqualTo("DecisionHistoryKeptException");
    assertThat(json(response).get("message").asText()).contains("history cleanup");
    assertThat(latest.getStatusCode().value()).as("%s", latest.getBody()).isEqualTo(400);
    assertThat(json(latest).get("type").asText()).isEqualTo("LatestDecisionKeptException");
    assertThat(exists(id)).isTrue();
    assertThat(exists(current)).isTrue();
    repositoryService.deleteDeployment(id, false); // the application tidies up without cascade
    repositoryService.deleteDeployment(current, false);
  }

  @Test
  @DisplayName("RET-05 a rule owner may not redeploy the application's model deployment (it holds processes): 403")
  void ruleOwnerCannotRedeployModels() {
    Deployment models = repositoryService.createDeploymentQuery().deploymentName("enforcement-models")
        .orderByDeploymentTime().desc().list().get(0);

    ResponseEntity<String> response = redeploy("rules1", models.getId());

    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(403);
  }

  @Test
  @DisplayName("RET-05 redeploying an accepted version goes through the gate (the new deployment carries the cases it passed)")
  void redeployGoesThroughTheGate() throws Exception {
    String id = ownAcceptedVersion();
    int latest = desk.latestVersion(RETENTION);

    ResponseEntity<String> response = redeploy("rules1", id);

    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    String newId = json(response).get("id").asText();
    assertThat(desk.resourceNames(newId)).contains("retention-class.dmn", "dmn/cases/retention-class.csv");
    assertThat(desk.latestVersion(RETENTION)).isGreaterThanOrEqualTo(latest);
  }

  @Test
  @DisplayName("RET-05 ACC-07 a JUEL version stored before the check existed: redeploy by rules1 is refused statically (400), a case file against it too, and the engine will not load it; nothing runs")
  void storedJuelVersionIsNeverRun() throws Exception {
    Path marker = RuleGateAttackTest.marker();
    String id = repositoryService.createDeployment().name("probe " + PROBE + " (old)")
        .addString(PROBE + ".dmn", probeTable("\"a\"")).deploy().getId();
    // what a version deployed before the FEEL-only check could contain: the stored bytes are replaced
    String juel = probeTable(RuleGateAttackTest.escape(RuleGateAttackTest.juelExec(marker)))
        .replace("<outputEntry id=\"LiteralExpression_1\">", "<outputEntry id=\"LiteralExpression_1\" expressionLanguage=\"juel\">");
    int updated = jdbc.update("update ACT_GE_BYTEARRAY set BYTES_ = ? where DEPLOYMENT_ID_ = ? and NAME_ = ?",
        juel.getBytes(StandardCharsets.UTF_8), id, PROBE + ".dmn");
    assertThat(updated).isEqualTo(1);
    try {
      ResponseEntity<String> redeployed = redeploy("rules1", id);
      assertThat(redeployed.getStatusCode().value()).as("%s", redeployed.getBody()).isEqualTo(400);
      assertThat(json(redeployed).get("message").asText()).contains("LiteralExpression_1", "juel", "不是 FEEL");
      assertThat(marker).doesNotExist();

      Answer cases = desk.deploy("rules1", "probe cases", File.of(PROBE + ".csv", "x,y,error,note\na,a,,probe\n"));
      assertThat(cases.status()).as("%s", cases.body()).isEqualTo(400);
      assertThat(cases.body().get("message").asText()).contains("juel");
      assertThat(marker).doesNotExist();

      // the engine's own DMN transformer refuses the stored table once the cache has to read it again
      engineConfiguration.getDeploymentCache().discardDecisionDefinitionCache();
      engineConfiguration.getDeploymentCache().discardDecisionRequirementsDefinitionCache();
      assertThatThrownBy(() -> decisionService.evaluateDecisionTableByKey(PROBE).variables(Map.of("x", "a")).evaluate())
          .isInstanceOf(ProcessEngineException.class)
          .satisfies(e -> assertThat(causes(e)).anyMatch(RuleGateException.class::isInstance));
      assertThat(marker).doesNotExist();
    } finally {
      repositoryService.deleteDeployment(id, true);
    }
  }

  @Test
  @DisplayName("RET-05 the webapps' API (/camunda/api/engine/…, Cockpit's session and CSRF token) meets the same guard: delete 403, redeploy of a JUEL version 400")
  void webappApi() throws Exception {
    String id = ownAcceptedVersion();
    WebappSession cockpit = WebappSession.login(rest, "rules1", RuleOwnerDesk.PASSWORD, "cockpit");

    ResponseEntity<String> deleted = cockpit.send(HttpMethod.DELETE, "/camunda/api/engine/engine/default/deployment/" + id + "?cascade=true", null);

    assertThat(deleted.getStatusCode().value()).as("%s", deleted.getBody()).isEqualTo(403);
    assertThat(json(deleted).get("message").asText()).contains("only an administrator");
    assertThat(exists(id)).isTrue();

    Path marker = RuleGateAttackTest.marker();
    String old = repositoryService.createDeployment().name("probe " + PROBE + " (webapp)")
        .addString(PROBE + ".dmn", probeTable("\"a\"")).deploy().getId();
    jdbc.update("update ACT_GE_BYTEARRAY set BYTES_ = ? where DEPLOYMENT_ID_ = ? and NAME_ = ?",
        probeTable(RuleGateAttackTest.escape(RuleGateAttackTest.juelExec(marker))).replace("<outputEntry id=\"LiteralExpression_1\">",
            "<outputEntry id=\"LiteralExpression_1\" expressionLanguage=\"juel\">").getBytes(StandardCharsets.UTF_8), old, PROBE + ".dmn");
    try {
      ResponseEntity<String> redeployed = cockpit.send(HttpMethod.POST, "/camunda/api/engine/engine/default/deployment/" + old + "/redeploy", "{}");
      assertThat(redeployed.getStatusCode().value()).as("%s", redeployed.getBody()).isEqualTo(400);
      assertThat(json(redeployed).get("message").asText()).contains("juel", "不是 FEEL");
      assertThat(marker).doesNotExist();
    } finally {
      repositoryService.deleteDeployment(old, true);
    }
  }

  @Test
  @DisplayName("RET-05 a deployment naming a tenant that does not exist is refused (400 through REST as rules1, and through the Java API as the application)")
  void unknownTenantIsRefused() throws Exception {
    int before = desk.latestVersion(RETENTION);
    org.springframework.util.MultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
    form.add("deployment-name", "retention-class (tenant)");
    form.add("tenant-id", "nowhere");
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    form.add("retention-class.dmn", new HttpEntity<>(new org.springframework.core.io.ByteArrayResource(
        RuleOwnerDesk.shippedTable(RETENTION).getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "retention-class.dmn";
      }
    }, part));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);

    ResponseEntity<String> response = rest.withBasicAuth("rules1", RuleOwnerDesk.PASSWORD)
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);

    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
    assertThat(json(response).get("error").asText()).isEqualTo("TENANT_UNKNOWN");
    assertThat(json(response).get("message").asText()).contains("nowhere", "不存在", "does not exist");
    assertThat(repositoryService.createDecisionDefinitionQuery().tenantIdIn("nowhere").count()).isZero();
    assertThat(desk.latestVersion(RETENTION)).isEqualTo(before);

    assertThatThrownBy(() -> repositoryService.createDeployment().name("tenant probe").tenantId("nowhere")
            .addString(PROBE + ".dmn", probeTable("\"a\"")).deploy())
        .isInstanceOf(cn.gov.enforcement.platform.GuardBadRequestException.class)
        .hasMessageContaining("nowhere");
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private ResponseEntity<String> redeploy(String user, String deploymentId) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, RuleOwnerDesk.PASSWORD).exchange("/engine-rest/deployment/" + deploymentId + "/redeploy",
        HttpMethod.POST, new HttpEntity<>("{}", headers), String.class);
  }
}
