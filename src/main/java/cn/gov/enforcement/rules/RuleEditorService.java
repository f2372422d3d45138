package cn.gov.enforcement.rules;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditEntry;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.identity.SystemActions;
import cn.gov.enforcement.web.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rule editing in the browser (issue 16): the active version of a contract table and the case file
 * it passed, a dry run of an edited table against edited cases with the gate's own checks
 * ({@link TableCheck}, nothing deployed), a deployment through the engine (so {@link RuleCaseGate}
 * decides, as for the Modeler), and the version history with who deployed and what changed.
 * Dry run, deployment and evaluation are for group {@code rule-owner} only; reading also for
 * administrators.
 */
@Service
public class RuleEditorService {

  /** The deployment source Cockpit shows for versions deployed from the browser editor. */
  public static final String SOURCE = "规则编辑器";

  private static final String CAMUNDA_ADMIN = "camunda-admin";

  /** One case row of the dry run: its position in the file (index 0 = first case) and line, and why it fails. */
  public record RowResult(int index, int line, boolean passed, List<String> failures, Map<String, Object> actual,
      List<String> rules, String error) {}

  /** The dry run's answer: {@code problems} are about the table or file as a whole; {@code message} is the gate's text. */
  public record DryRun(boolean passed, int cases, int failing, List<String> problems, List<RowResult> rows, String message) {}

  /** A refused deployment: the gate's message and the same rows marked as in a dry run. */
  public static class Refused extends RuntimeException {
    private final transient DryRun dryRun;

    Refused(String message, DryRun dryRun) {
      super(message);
      this.dryRun = dryRun;
    }

    public DryRun dryRun() {
      return dryRun;
    }
  }

  private final RepositoryService repositoryService;
  private final HistoryService historyService;
  private final DecisionService decisionService;
  private final IdentityService identityService;
  private final RuleGatePlugin gatePlugin;
  private final SystemActions system;
  private final AuditLog audit;
  private final TransactionTemplate transaction;

  public RuleEditorService(ProcessEngine engine, RuleGatePlugin gatePlugin, SystemActions system, AuditLog audit, PlatformTransactionManager transactionManager) {
    this.repositoryService = engine.getRepositoryService();
    this.historyService = engine.getHistoryService();
    this.decisionService = engine.getDecisionService();
    this.identityService = engine.getIdentityService();
    this.gatePlugin = gatePlugin;
    this.system = system;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  // who /////////////////////////////////////////////////////////////////////////////////////////

  /** The signed-in rule owner; anyone else gets a bilingual 403. */
  String requireRuleOwner() {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getGroupIds() == null || !caller.getGroupIds().contains(BureauGroup.RULE_OWNER.id())) {
      String user = caller == null ? "" : caller.getUserId();
      throw new ApiException(HttpStatus.FORBIDDEN, "NOT_RULE_OWNER", "只有规则维护人员（rule-owner）可以试运行、部署或试算规则表，"
          + user + " 不是 / only a rule owner may dry-run, deploy or evaluate a rule table; " + user + " is not one");
    }
    return caller.getUserId();
  }

  void requireReader() {
    Authentication caller = identityService.getCurrentAuthentication();
    List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (!groups.contains(BureauGroup.RULE_OWNER.id()) && !groups.contains(CAMUNDA_ADMIN)) {
      String user = caller == null ? "" : caller.getUserId();
      throw new ApiException(HttpStatus.FORBIDDEN, "NOT_RULE_OWNER", "只有规则维护人员或管理员可以查看规则编辑器，" + user
          + " 不是 / only rule owners and administrators may open the rule editor; " + user + " is neither");
    }
  }

  static DecisionContract.Table contract(String key) {
    return DecisionContract.table(key).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NO_SUCH_TABLE",
        "没有这张规则表：" + key + " / there is no rule table " + key));
  }

  // read ////////////////////////////////////////////////////////////////////////////////////////

  public List<Map<String, Object>> tables() {
    requireReader();
    List<Map<String, Object>> answer = new ArrayList<>();
    for (DecisionContract.Table table : DecisionContract.tables()) {
      DecisionDefinition latest = system.run(() -> latest(table.key()));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", table.key());
      row.put("name", latest == null ? table.key() : latest.getName());
      row.put("version", latest == null ? null : latest.getVersion());
      row.put("requirements", table.requirements());
      answer.add(row);
    }
    return answer;
  }

  /** The active version of a table and the case file it was accepted with. */
  public Map<String, Object> table(String key) {
    requireReader();
    DecisionContract.Table contract = contract(key);
    return system.run(() -> {
      DecisionDefinition latest = latest(key);
      if (latest == null) {
        throw new ApiException(HttpStatus.NOT_FOUND, "NO_SUCH_TABLE", "规则表 " + key + " 尚未部署 / " + key + " is not deployed");
      }
      byte[] table = read(latest.getDeploymentId(), latest.getResourceName());
      CaseSource cases = lastAcceptedCases(key);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("key", key);
      answer.put("name", latest.getName());
      answer.put("version", latest.getVersion());
      answer.put("deploymentId", latest.getDeploymentId());
      answer.put("requirements", contract.requirements());
      answer.put("table", new String(table, StandardCharsets.UTF_8));
      answer.put("cases", new String(cases.content(), StandardCharsets.UTF_8));
      answer.put("casesSource", cases.source());
      answer.put("columns", columns(contract, table));
      return answer;
    });
  }

  /** The case file's columns with the active table's Chinese labels (inputs in contract order, outputs by name). */
  private List<Map<String, String>> columns(DecisionContract.Table contract, byte[] table) {
    Map<String, String> labels = new LinkedHashMap<>();
    try {
      for (DmnDecision decision : runner().parse(new ByteArrayInputStream(table))) {
        if (decision.getKey().equals(contract.key()) && decision.getDecisionLogic() instanceof DmnDecisionTableImpl dt) {
          for (int i = 0; i < dt.getInputs().size() && i < contract.inputs().size(); i++) {
            labels.put(contract.inputs().get(i).name(), dt.getInputs().get(i).getName());
          }
          dt.getOutputs().forEach(o -> labels.put(o.getOutputName(), o.getName()));
        }
      }
    } catch (RuntimeException e) {
      // a stored version that does not parse shows its column names only
    }
    List<Map<String, String>> columns = new ArrayList<>();
    contract.inputNames().forEach(n -> columns.add(Map.of("name", n, "kind", "input", "label", labels.getOrDefault(n, n))));
    contract.outputNames().forEach(n -> columns.add(Map.of("name", n, "kind", "output", "label", labels.getOrDefault(n, n))));
    columns.add(Map.of("name", CaseFile.ERROR, "kind", "error", "label", "期望的错误"));
    columns.add(Map.of("name", CaseFile.NOTE, "kind", "note", "label", "说明"));
    return columns;
  }

  // dry run /////////////////////////////////////////////////////////////////////////////////////

  /** The gate's checks of an edited table against edited cases; nothing is deployed or stored. */
  public DryRun dryRun(String key, String tableXml, String casesCsv) {
    requireRuleOwner();
    contract(key);
    return check(key, tableXml, casesCsv);
  }

  DryRun check(String key, String tableXml, String casesCsv) {
    String resourceName = "dmn/" + key + ".dmn";
    byte[] table = tableXml.getBytes(StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>(FeelOnlyExpressions.problems(resourceName, table));
    if (!problems.isEmpty()) { // as the gate: nothing of a table with another language is run
      return answer(problems, null, List.of());
    }
    TableCheck.Parsed parsed = TableCheck.parse(resourceName, table, runner());
    problems.addAll(parsed.problems());
    DmnDecision decision = null;
    for (DmnDecision d : parsed.decisions()) {
      if (d.getKey().equals(key)) {
        decision = d;
      } else {
        problems.add(resourceName + "：只能含决策 " + key + "，不能含 " + d.getKey() + " / may hold decision " + key + " only, not "
            + d.getKey());
      }
    }
    if (decision == null && parsed.problems().isEmpty()) {
      problems.add(resourceName + "：没有键为 " + key + " 的决策（决策的 id 不得修改）/ has no decision with key " + key
          + " (the decision id must not change)");
    }
    CaseFile cases;
    try {
      cases = CaseFile.parse(key, "dmn/cases/" + key + ".csv（编辑中 / being edited）", casesCsv.getBytes(StandardCharsets.UTF_8));
    } catch (CaseFile.MalformedCaseFileException e) {
      problems.add(key + " — 用例文件无法读取 / case file cannot be read: " + new CaseRunner.Failure(e.line(), e.getMessage()).describe());
      return answer(problems, null, List.of());
    }
    if (decision == null) {
      return answer(problems, null, cases.rows());
    }
    TableCheck.Checked checked = TableCheck.check(decision, cases, runner());
    problems.addAll(checked.contractProblems().stream().map(p -> "不符合合同 / leaves the contract: " + p).toList());
    DmnDecision evaluated = decision;
    List<String> outputs = CaseRunner.outputNames(decision);
    List<String> inputColumns = cases.columns().stream().filter(c -> !outputs.contains(c) && !CaseFile.RESERVED.contains(c)).toList();
    List<String> ruleIds = evaluated.getDecisionLogic() instanceof DmnDecisionTableImpl dt
        ? dt.getRules().stream().map(r -> r.getId()).toList() : List.of();
    // what a failing row got instead, for the editor to show next to the row (the same runner, once more)
    java.util.function.Function<CaseFile.Row, CaseRunner.Outcome> outcome = row -> {
      Map<String, Object> variables = new LinkedHashMap<>();
      for (String column : inputColumns) {
        String cell = row.cell(column);
        if (!cell.isEmpty()) {
          variables.put(column, CaseRunner.value(cell));
        }
      }
      return runner().evaluate(evaluated, variables);
    };
    return answer(problems, checked.report(), cases.rows(), outcome, ruleIds);
  }

  private static DryRun answer(List<String> problems, CaseRunner.Report report, List<CaseFile.Row> rows) {
    return answer(problems, report, rows, null, List.of());
  }

  private static DryRun answer(List<String> problems, CaseRunner.Report report, List<CaseFile.Row> rows,
      java.util.function.Function<CaseFile.Row, CaseRunner.Outcome> outcome, List<String> ruleIds) {
    List<String> general = new ArrayList<>(problems);
    List<RowResult> results = new ArrayList<>();
    int failing = 0;
    for (int i = 0; i < rows.size(); i++) {
      int line = rows.get(i).line();
      List<String> failures = report == null ? List.of()
          : report.failures().stream().filter(f -> f.line() == line).map(CaseRunner.Failure::message).toList();
      Map<String, Object> actual = null;
      List<String> rules = List.of();
      String error = null;
      if (!failures.isEmpty()) {
        failing++;
        if (outcome != null) {
          CaseRunner.Outcome got = outcome.apply(rows.get(i));
          actual = new LinkedHashMap<>(got.outputs());
          rules = got.ruleIds().stream().map(id -> "第 " + (ruleIds.indexOf(id) + 1) + " 条规则 " + id).toList();
          error = got.error();
        }
      }
      results.add(new RowResult(i, line, report != null && failures.isEmpty(), failures, actual, rules, error));
    }
    if (report != null) {
      report.failures().stream().filter(f -> f.line() == 0).map(CaseRunner.Failure::message).forEach(general::add);
    }
    boolean passed = general.isEmpty() && failing == 0 && report != null;
    List<String> lines = new ArrayList<>(general);
    if (report != null && !report.passed()) {
      lines.add(report.describe());
    }
    String message = passed
        ? "全部 " + rows.size() + " 个用例通过，符合合同；尚未部署 / all " + rows.size() + " cases pass and the contract holds; nothing deployed"
        : "未通过检查 / check failed:\n" + String.join("\n", lines);
    return new DryRun(passed, rows.size(), failing, general, results, message);
  }

  // deploy //////////////////////////////////////////////////////////////////////////////////////

  /**
   * Deploys the table with its case file as the signed-in rule owner: the engine's deployment,
   * so {@link RuleCaseGate} checks it exactly as it checks one from the Modeler, and a refusal
   * rolls everything back (the audit entry included).
   */
  public Map<String, Object> deploy(String key, String tableXml, String casesCsv) {
    String user = requireRuleOwner();
    contract(key);
    DryRun shape = check(key, tableXml, casesCsv);
    if (!shape.problems().isEmpty() && shape.problems().stream().anyMatch(p -> p.contains("只能含决策") || p.contains("没有键为"))) {
      // another decision key would deploy past this table's history; the gate alone cannot tell the editor's intent
      throw new Refused("规则表未通过检查，部署已拒绝 / rule table check failed; the deployment is refused:\n"
          + String.join("\n", shape.problems()), shape);
    }
    DecisionDefinition before = system.run(() -> latest(key));
    byte[] table = tableXml.getBytes(StandardCharsets.UTF_8);
    byte[] cases = casesCsv.getBytes(StandardCharsets.UTF_8);
    byte[] tableBefore = before == null ? null : system.run(() -> read(before.getDeploymentId(), before.getResourceName()));
    CaseSource casesBefore = system.run(() -> lastAcceptedCases(key));
    if (tableBefore != null && Arrays.equals(tableBefore, table) && Arrays.equals(casesBefore.content(), cases)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "RULES_UNCHANGED", "规则表和用例都没有改动，未部署 / neither the table nor the cases changed; nothing deployed");
    }
    try {
      return transaction.execute(status -> {
        Deployment deployment = repositoryService.createDeployment()
            .name(key)
            .source(SOURCE)
            .addInputStream("dmn/" + key + ".dmn", new ByteArrayInputStream(table))
            .addInputStream(RuleCaseGate.CASES_FOLDER + key + ".csv", new ByteArrayInputStream(cases))
            .deploy();
        // read only once the gate accepted it: FEEL only, no DOCTYPE
        RuleDiff.Changes changes = RuleDiff.between(key, tableBefore, table, casesBefore.content(), cases);
        DecisionDefinition created = system.run(() -> repositoryService.createDecisionDefinitionQuery()
            .deploymentId(deployment.getId()).decisionDefinitionKey(key).singleResult());
        Integer version = created == null ? null : created.getVersion();
        audit.append(user, AuditAction.RULE_DEPLOYED, target(key), "部署 " + key + " 第 " + version + " 版（部署 "
            + deployment.getId() + "）：" + changes.summary() + " / deployed " + key + " version " + version);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("key", key);
        answer.put("version", version);
        answer.put("deploymentId", deployment.getId());
        answer.put("changes", changes(changes));
        return answer;
      });
    } catch (RuleGateException e) {
      throw new Refused(e.getMessage(), shape);
    } catch (AuthorizationException e) {
      throw new ApiException(HttpStatus.FORBIDDEN, "NOT_AUTHORIZED", "无权部署 / not authorized to deploy: " + e.getMessage());
    } catch (BadUserRequestException e) { // e.g. the tenant check: the caller's mistake, said as the engine says it
      throw new ApiException(HttpStatus.BAD_REQUEST, "DEPLOYMENT_REFUSED", "部署被拒绝 / the deployment is refused: " + e.getMessage());
    }
  }

  // evaluate ////////////////////////////////////////////////////////////////////////////////////

  /** The active version's answer for one case's inputs (cells as in a case file: true/false, text). */
  public Map<String, Object> evaluate(String key, Map<String, String> inputs) {
    requireRuleOwner();
    DecisionContract.Table contract = contract(key);
    VariableMap variables = Variables.createVariables();
    for (Map.Entry<String, String> input : inputs.entrySet()) {
      if (!contract.inputNames().contains(input.getKey())) {
        throw new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_INPUT", "未知输入 " + input.getKey() + " / unknown input " + input.getKey());
      }
      String cell = input.getValue() == null ? "" : input.getValue().trim();
      if (!cell.isEmpty()) {
        variables.put(input.getKey(), CaseRunner.value(cell));
      }
    }
    DecisionDefinition latest = system.run(() -> latest(key));
    DmnDecisionResult result;
    try {
      result = decisionService.evaluateDecisionById(latest.getId()).variables(variables).evaluate();
    } catch (ProcessEngineException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "EVALUATION_FAILED", "求值失败 / evaluation failed: " + CaseRunner.shortMessage(e));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("key", key);
    answer.put("version", latest.getVersion());
    answer.put("outputs", result.isEmpty() ? Map.of() : result.get(0).getEntryMap());
    return answer;
  }

  // history /////////////////////////////////////////////////////////////////////////////////////

  /** Every version, newest first: when, who (the audit log, else the engine's user operation log), what changed. */
  public List<Map<String, Object>> versions(String key) {
    requireReader();
    contract(key);
    return system.run(() -> {
      List<DecisionDefinition> definitions = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
          .orderByDecisionDefinitionVersion().desc().list();
      List<AuditEntry> entries = audit.forTarget(target(key));
      List<Map<String, Object>> answer = new ArrayList<>();
      for (int i = 0; i < definitions.size(); i++) {
        DecisionDefinition definition = definitions.get(i);
        DecisionDefinition previous = i + 1 < definitions.size() ? definitions.get(i + 1) : null;
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
        byte[] table = read(definition.getDeploymentId(), definition.getResourceName());
        byte[] before = previous == null ? null : read(previous.getDeploymentId(), previous.getResourceName());
        byte[] cases = casesOf(definition.getDeploymentId(), key);
        byte[] casesBefore = previous == null ? null : casesOf(previous.getDeploymentId(), key);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("version", definition.getVersion());
        row.put("deploymentId", definition.getDeploymentId());
        row.put("deployedAt", deployment == null ? null : deployment.getDeploymentTime().toInstant().toString());
        row.put("source", deployment == null ? null : deployment.getSource());
        row.put("user", who(definition.getDeploymentId(), entries));
        row.put("changes", changes(RuleDiff.between(key, before, table, casesBefore, cases)));
        answer.add(row);
      }
      return answer;
    });
  }

  private String who(String deploymentId, List<AuditEntry> entries) {
    for (AuditEntry entry : entries) {
      if (entry.detail() != null && entry.detail().contains("（部署 " + deploymentId + "）")) {
        return entry.actor();
      }
    }
    UserOperationLogEntry created = historyService.createUserOperationLogQuery().deploymentId(deploymentId)
        .entityType(EntityTypes.DEPLOYMENT).operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE).list()
        .stream().filter(e -> e.getUserId() != null).findFirst().orElse(null);
    return created == null ? null : created.getUserId();
  }

  private static Map<String, Object> changes(RuleDiff.Changes changes) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("cells", changes.cells().stream().map(c -> {
      Map<String, Object> cell = new LinkedHashMap<>();
      cell.put("position", c.position());
      cell.put("rule", c.rule());
      cell.put("column", c.column());
      cell.put("before", c.before());
      cell.put("after", c.after());
      return cell;
    }).toList());
    answer.put("addedRules", changes.addedRules());
    answer.put("removedRules", changes.removedRules());
    answer.put("reordered", changes.reordered());
    answer.put("addedCases", changes.addedCases());
    answer.put("removedCases", changes.removedCases());
    answer.put("summary", changes.summary());
    return answer;
  }

  // helpers /////////////////////////////////////////////////////////////////////////////////////

  private static String target(String key) {
    return "decision:" + key;
  }

  private DecisionDefinition latest(String key) {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).withoutTenantId().latestVersion().singleResult();
  }

  private byte[] read(String deploymentId, String resourceName) {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resourceName)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] casesOf(String deploymentId, String key) {
    for (Resource resource : repositoryService.getDeploymentResources(deploymentId)) {
      if (RuleCaseGate.isCaseFile(resource.getName()) && RuleCaseGate.keyOf(resource.getName()).equals(key)) {
        return read(deploymentId, resource.getName());
      }
    }
    return null;
  }

  private record CaseSource(String source, byte[] content) {}

  /** As the gate finds them: the newest deployed {@code …/{key}.csv}, else the shipped one. */
  private CaseSource lastAcceptedCases(String key) {
    int pageSize = 50;
    for (int first = 0; ; first += pageSize) {
      List<Deployment> page = repositoryService.createDeploymentQuery().orderByDeploymentTime().desc().listPage(first, pageSize);
      for (Deployment deployment : page) {
        byte[] cases = casesOf(deployment.getId(), key);
        if (cases != null) {
          return new CaseSource(deployment.getName() + " " + deployment.getId(), cases);
        }
      }
      if (page.size() < pageSize) {
        break;
      }
    }
    String path = RuleCaseGate.CASES_FOLDER + key + ".csv";
    try (InputStream in = RuleEditorService.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new ApiException(HttpStatus.NOT_FOUND, "NO_CASE_FILE", key + " 没有用例文件 / " + key + " has no case file");
      }
      return new CaseSource("classpath:" + path, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CaseRunner runner() {
    return gatePlugin.caseRunner(); // configured like the engine's DMN engine, as RuleCaseGate's own
  }
}
