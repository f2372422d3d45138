package cn.gov.enforcement.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.rules.RuleOwnerDesk.Answer;
import cn.gov.enforcement.rules.RuleOwnerDesk.File;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The browser rule editor's API ({@code /api/rules}, issue 16): dry run with the gate's checks and
 * nothing deployed, deployment through the gate, the new version's answer, the version history,
 * and who may do what. Restores the shipped tables afterwards like {@link RuleGateRestTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("浏览器规则编辑器 / browser rule editor (API)")
class RuleEditorApiTest {

  private static final String KEY = "retention-class";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired AuditLog audit;

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

  Answer call(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, RuleOwnerDesk.PASSWORD);
    ResponseEntity<String> response = client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    try {
      String text = response.getBody();
      return new Answer(response.getStatusCode().value(), text == null || text.isBlank() ? null : JSON.readTree(text));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Map<String, Object> edit(String table, String cases) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("table", table);
    body.put("cases", cases);
    return body;
  }

  static Map<String, Object> patrol() {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("activity", "DAILY_PATROL");
    for (String flag : List.of("usedAsEvidence", "involvesMoneyOrGoods", "disputeOrComplaint", "obstruction", "reviewOrLitigation",
        "massIncidentOrEmergency", "priorConflict", "otherLongTermReason")) {
      inputs.put(flag, "false");
    }
    return Map.of("inputs", inputs);
  }

  /** The positions (0 = first case) of the shipped cases that expect six months. */
  static List<Integer> sixMonthRows(String cases) {
    List<Integer> rows = new ArrayList<>();
    int index = -1;
    boolean header = true;
    for (String line : cases.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      index++;
      if (line.contains("SIX_MONTHS,P6M")) {
        rows.add(index);
      }
    }
    return rows;
  }

  static List<Integer> failingRows(JsonNode dryRun) {
    List<Integer> failing = new ArrayList<>();
    dryRun.get("rows").forEach(r -> {
      if (!r.get("passed").asBoolean()) {
        failing.add(r.get("index").asInt());
      }
    });
    return failing;
  }

  @Test
  @DisplayName("RET-01 RET-05 the editor opens the active version of a table with the case file it was accepted with")
  void opensActiveVersion() {
    Answer answer = call("rules1", HttpMethod.GET, "/api/rules/" + KEY, null);
    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
    assertThat(answer.body().get("version").asInt()).isEqualTo(desk.latestVersion(KEY));
    assertThat(answer.body().get("table").asText()).contains("Rule_08_MinorDaily", "\"SIX_MONTHS\"");
    assertThat(answer.body().get("cases").asText()).contains("DAILY_PATROL", "SIX_MONTHS,P6M");
    Answer list = call("rules1", HttpMethod.GET, "/api/rules", null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body().findValuesAsText("key")).containsExactlyInAnyOrder("recording-requirement", "retention-class",
        "hearing-requirement", "legal-review-requirement");
  }

  @Test
  @DisplayName("RET-01 RET-05 edit a cell, dry run marks the failing case rows, deploy is refused listing them; fix the cases, dry run passes, deploy creates the new version that answers ONE_YEAR; history names rules1 and the changed cells")
  void editDryRunDeployHistory() {
    int before = desk.latestVersion(KEY);
    // what the editor opens (the test context is shared: the latest version may differ from the shipped file in an annotation)
    Answer opened = call("rules1", HttpMethod.GET, "/api/rules/" + KEY, null);
    String edited = RuleOwnerDesk.edit(opened.body().get("table").asText(), "<text>\"SIX_MONTHS\"</text>", "<text>\"ONE_YEAR\"</text>",
        "<text>\"P6M\"</text>", "<text>\"P1Y\"</text>");
    String shippedCases = opened.body().get("cases").asText();
    List<Integer> sixMonthRows = sixMonthRows(shippedCases);

    // dry run: the six-month rows fail, nothing deployed
    Answer dry = call("rules1", HttpMethod.POST, "/api/rules/" + KEY + "/dry-run", edit(edited, shippedCases));
    assertThat(dry.status()).as("%s", dry.body()).isEqualTo(200);
    assertThat(dry.body().get("passed").asBoolean()).isFalse();
    assertThat(failingRows(dry.body())).isNotEmpty().containsExactlyElementsOf(sixMonthRows);
    JsonNode firstFailing = dry.body().get("rows").get(sixMonthRows.get(0));
    assertThat(firstFailing.get("failures").get(0).asText()).contains("期望 / expected", "retentionClass=SIX_MONTHS",
        "实际 / actual", "retentionClass=ONE_YEAR", "Rule_08_MinorDaily");
    assertThat(firstFailing.get("actual").get("retentionClass").asText()).isEqualTo("ONE_YEAR");
    assertThat(firstFailing.get("rules").get(0).asText()).isEqualTo("第 8 条规则 Rule_08_MinorDaily");
    assertThat(dry.body().get("rows").get(0).get("passed").asBoolean()).isTrue();
    assertThat(dry.body().get("message").asText()).contains("未通过检查 / check failed");
    assertThat(desk.latestVersion(KEY)).isEqualTo(before);

    // deploy without fixing the cases: the gate refuses, bilingual, listing the rows; no version
    Answer refused = call("rules1", HttpMethod.POST, "/api/rules/" + KEY + "/deploy", edit(edited, shippedCases));
    assertThat(refused.status()).as("%s", refused.body()).isEqualTo(400);
    assertThat(refused.body().get("error").asText()).isEqualTo("RULE_GATE_REFUSED");
    assertThat(refused.body().get("message").asText()).contains("部署已拒绝", "deployment is refused", "第 ", "行 / line");
    assertThat(failingRows(refused.body().get("dryRun"))).containsExactlyElementsOf(sixMonthRows);
    assertThat(desk.latestVersion(KEY)).isEqualTo(before);

    // fix the cases: the dry run passes, still nothing deployed
    String fixedCases = shippedCases.replace("SIX_MONTHS,P6M", "ONE_YEAR,P1Y");
    Answer passes = call("rules1", HttpMethod.POST, "/api/rules/" + KEY + "/dry-run", edit(edited, fixedCases));
    assertThat(passes.body().get("passed").asBoolean()).as("%s", passes.body()).isTrue();
    assertThat(failingRows(passes.body())).isEmpty();
    assertThat(desk.latestVersion(KEY)).isEqualTo(before);

    // deploy: a new version, which answers ONE_YEAR (the editor's evaluation and engine-rest alike)
    Answer deployed = call("rules1", HttpMethod.POST, "/api/rules/" + KEY + "/deploy", edit(edited, fixedCases));
    assertThat(deployed.status()).as("%s", deployed.body()).isEqualTo(200);
    assertThat(deployed.body().get("version").asInt()).isEqualTo(before + 1);
    assertThat(desk.latestVersion(KEY)).isEqualTo(before + 1);
    String deploymentId = deployed.body().get("deploymentId").asText();
    assertThat(desk.resourceNames(deploymentId)).containsExactlyInAnyOrder("dmn/retention-class.dmn", "dmn/cases/retention-class.csv");
    assertThat(repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult().getSource())
        .isEqualTo(RuleEditorService.SOURCE);

    Answer evaluated = call("rules1", HttpMethod.POST, "/api/rules/" + KEY + "/evaluate", patrol());
    assertThat(evaluated.status()).as("%s", evaluated.body()).isEqualTo(200);
    assertThat(evaluated.body().get("version").asInt()).isEqualTo(before + 1);
    assertThat(evaluated.body().get("outputs").get("retentionClass").asText()).isEqualTo("ONE_YEAR");
    assertThat(evaluated.body().get("outputs").get("minimumRetention").asText()).isEqualTo("P1Y");
    @SuppressWarnings("unchecked")
    Map<String, Object> inputs = (Map<String, Object>) patrol().get("inputs");
    Map<String, Object> typed = new LinkedHashMap<>();
    inputs.forEach((name, value) -> typed.put(name, value.equals("false") ? false : value));
    assertThat(desk.evaluate("rules1", KEY, typed).body().get(0).get("retentionClass").get("value").asText()).isEqualTo("ONE_YEAR");

    // the editor opens the new version and its cases
    Answer reopened = call("rules1", HttpMethod.GET, "/api/rules/" + KEY, null);
    assertThat(reopened.body().get("version").asInt()).isEqualTo(before + 1);
    assertThat(reopened.body().get("cases").asText()).isEqualTo(fixedCases);

    // history: who, when, what changed (cells of rule 8; the changed case rows)
    Answer history = call("rules1", HttpMethod.GET, "/api/rules/" + KEY + "/versions", null);
    assertThat(history.status()).isEqualTo(200);
    JsonNode newest = history.body().get(0);
    assertThat(newest.get("version").asInt()).isEqualTo(before + 1);
    assertThat(newest.get("user").asText()).isEqualTo("rules1");
    assertThat(newest.get("deployedAt").asText()).isNotBlank();
    assertThat(newest.get("source").asText()).isEqualTo(RuleEditorService.SOURCE);
    JsonNode cells = newest.get("changes").get("cells");
    assertThat(cells).hasSize(2);
    assertThat(cells.get(0).get("rule").asText()).isEqualTo("Rule_08_MinorDaily");
    assertThat(cells.get(0).get("position").asInt()).isEqualTo(8);
    assertThat(cells.get(0).get("column").asText()).isEqualTo("结果“保存类别”");
    assertThat(cells.get(0).get("before").asText()).isEqualTo("\"SIX_MONTHS\"");
    assertThat(cells.get(0).get("after").asText()).isEqualTo("\"ONE_YEAR\"");
    assertThat(cells.get(1).get("before").asText()).isEqualTo("\"P6M\"");
    assertThat(newest.get("changes").get("addedCases")).hasSize(sixMonthRows.size());
    assertThat(newest.get("changes").get("removedCases")).hasSize(sixMonthRows.size());
    assertThat(history.body().get(1).get("version").asInt()).isEqualTo(before);
    assertThat(audit.forTarget("decision:" + KEY)).anySatisfy(entry -> {
      assertThat(entry.actor()).isEqualTo("rules1");
      assertThat(entry.action()).isEqualTo("RULE_DEPLOYED");
      assertThat(entry.detail()).contains(deploymentId, "保存类别", "\"SIX_MONTHS\" → \"ONE_YEAR\"");
    });

    // the same content again: nothing to deploy
    Answer again = call("rules1", HttpMethod.POST, "/api/rules/" + KEY + "/deploy", edit(edited, fixedCases));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body().get("error").asText()).isEqualTo("RULES_UNCHANGED");
    assertThat(desk.latestVersion(KEY)).isEqualTo(before + 1);
  }

  @Test
  @DisplayName("RET-05 only rule owners dry-run, deploy or evaluate: an officer and an administrator get 403 (also on path variants), anonymous 401; engine-rest stays gated")
  void onlyRuleOwners() {
    int before = desk.latestVersion(KEY);
    String edited = RuleOwnerDesk.edit(RuleOwnerDesk.shippedTable(KEY), "<text>\"SIX_MONTHS\"</text>", "<text>\"ONE_YEAR\"</text>",
        "<text>\"P6M\"</text>", "<text>\"P1Y\"</text>");
    String fixedCases = RuleOwnerDesk.shippedCases(KEY).replace("SIX_MONTHS,P6M", "ONE_YEAR,P1Y");
    for (String user : List.of("officer1", "admin")) {
      for (String path : List.of("/api/rules/" + KEY + "/deploy", "/api/rules/" + KEY + "/deploy;x=1", "/api/RULES/" + KEY + "/deploy",
          "/api//rules/" + KEY + "/deploy", "/api/rules/%72etention-class/deploy", "/api/rules/" + KEY + "/dry-run",
          "/api/rules/" + KEY + "/evaluate")) {
        Answer answer = call(user, HttpMethod.POST, path, path.endsWith("evaluate") ? patrol() : edit(edited, fixedCases));
        assertThat(answer.status()).as("%s %s %s", user, path, answer.body()).isIn(403, 404, 400);
        assertThat(answer.status()).as("%s %s", user, path).isNotEqualTo(200);
      }
      Answer deploy = call(user, HttpMethod.POST, "/api/rules/" + KEY + "/deploy", edit(edited, fixedCases));
      assertThat(deploy.status()).isEqualTo(403);
      assertThat(deploy.body().get("message").asText()).contains("规则维护人员", "rule owner");
    }
    assertThat(call("officer1", HttpMethod.GET, "/api/rules/" + KEY, null).status()).isEqualTo(403);
    assertThat(call("officer1", HttpMethod.GET, "/api/rules/" + KEY + "/versions", null).status()).isEqualTo(403);
    assertThat(call(null, HttpMethod.POST, "/api/rules/" + KEY + "/deploy", edit(edited, fixedCases)).status()).isEqualTo(401);
    assertThat(desk.latestVersion(KEY)).isEqualTo(before);

    // engine-rest as the officer: refused; as the rule owner with the old cases: the gate refuses
    assertThat(desk.deploy("officer1", "editor attack", File.of("retention-class.dmn", edited),
        File.of("retention-class.csv", fixedCases)).status()).isEqualTo(403);
    Answer gated = desk.deploy("rules1", "editor attack", File.of("retention-class.dmn", edited));
    assertThat(gated.status()).isEqualTo(400);
    assertThat(gated.body().get("type").asText()).isEqualTo("RuleGateException");
    assertThat(desk.latestVersion(KEY)).isEqualTo(before);
  }

  @Test
  @DisplayName("RET-05 bad input: unknown table 404, missing fields 400, unreadable XML and a changed decision id refused bilingually, a JUEL cell refused before any case runs, a DOCTYPE refused; nothing deployed")
  void badInput() {
    int before = desk.latestVersion(KEY);
    String cases = RuleOwnerDesk.shippedCases(KEY);
    Answer unknown = call("rules1", HttpMethod.GET, "/api/rules/no-such-table", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().get("message").asText()).contains("没有这张规则表", "no rule table");
    Answer missing = call("rules1", HttpMethod.POST, "/api/rules/" + KEY + "/dry-run", Map.of("table", "x"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().get("message").asText()).contains("缺少 cases", "missing cases");

    Answer garbage = call("rules1", HttpMethod.POST, "/api/rules/" + KEY + "/dry-run", edit("<definitions", cases));
    assertThat(garbage.status()).isEqualTo(200);
    assertThat(garbage.body().get("passed").asBoolean()).isFalse();
    assertThat(garbage.body().get("problems").toString()).contains("无法", "cannot be");

    String renamed = RuleOwnerDesk.shippedTable(KEY).replace("<decision id=\"retention-class\"", "<decision id=\"retention-class-2\"");
    assertThat(renamed).isNotEqualTo(RuleOwnerDesk.shippedTable(KEY));
    Answer renamedDeploy = call("rules1", HttpMethod.POST, "/api/rules/" + KEY + "/deploy", edit(renamed, cases));
    assertThat(renamedDeploy.status()).as("%s", renamedDeploy.body()).isEqualTo(400);
    assertThat(renamedDeploy.body().get("message").asText()).contains("retention-class-2");

    String juel = RuleOwnerDesk.edit(RuleOwnerDesk.shippedTable(KEY), "<text>\"SIX_MONTHS\"</text>",
        "<text>${\"SIX_MONTHS\"}</text>").replaceFirst("<outputEntry id=\"([^\"]+)\">(\\s*<text>\\$)",
        "<outputEntry id=\"$1\" expressionLanguage=\"juel\">$2");
    Answer juelRun = call("rules1", HttpMethod.POST, "/api/rules/" + KEY + "/dry-run", edit(juel, cases));
    assertThat(juelRun.body().get("passed").asBoolean()).isFalse();
    assertThat(juelRun.body().get("problems").toString()).contains("juel");
    assertThat(juelRun.body().get("rows")).isEmpty();

    String doctype = RuleOwnerDesk.shippedTable(KEY).replaceFirst("<definitions",
        "<!DOCTYPE definitions [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n<definitions");
    Answer doctypeDeploy = call("rules1", HttpMethod.POST, "/api/rules/" + KEY + "/deploy", edit(doctype, cases));
    assertThat(doctypeDeploy.status()).as("%s", doctypeDeploy.body()).isEqualTo(400);
    assertThat(doctypeDeploy.body().get("message").asText()).contains("部署已拒绝", "XML");

    Answer malformedCases = call("rules1", HttpMethod.POST, "/api/rules/" + KEY + "/dry-run",
        edit(RuleOwnerDesk.shippedTable(KEY), "activity,\"unclosed\n"));
    assertThat(malformedCases.body().get("passed").asBoolean()).isFalse();
    assertThat(malformedCases.body().get("problems").toString()).contains("引号未闭合", "unclosed quote");
    assertThat(desk.latestVersion(KEY)).isEqualTo(before);
  }
}
