package cn.gov.enforcement.rules;

import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.platform.DeployGate;
import cn.gov.enforcement.platform.GatedDeployment;
import cn.gov.enforcement.platform.OperationCounters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deploy gate: runs before the engine's own deployers, inside the deployment's transaction, so
 * a refusal rolls the whole deployment back and no new version ever becomes active (plugged in by
 * {@link RuleGatePlugin} as a {@link DeployGate}; the deployment is seen only through platform's
 * {@link GatedDeployment}).
 *
 * <ol>
 *   <li>Who: a signed-in user may deploy decisions ({@code .dmn}) and case files ({@code .csv})
 *       only as a rule owner or an administrator; a rule owner may deploy nothing else. Deployments
 *       without a signed-in user are the application's own (auto-deployment, tests).</li>
 *   <li>Which cases: for every decision in the deployment, the case file {@code {key}.csv} in the
 *       same deployment (any folder, e.g. {@code cases/{key}.csv}); otherwise the last accepted one
 *       (the newest deployment resource named {@code …/{key}.csv}); otherwise the shipped
 *       {@code dmn/cases/{key}.csv} from the classpath. The application's auto-deployment always
 *       uses the shipped cases, which travel with the shipped tables. A case file without a table
 *       in the deployment is checked against the latest deployed version of its table.</li>
 *   <li>Check: every decision has a history time to live; every row of the case file passes,
 *       every rule answers at least one row; the four contract tables keep the contract (inputs,
 *       outputs, output values, FIRST, unknown input values refused).</li>
 *   <li>Record: a table accepted with a case file from outside the deployment gets that file
 *       attached as {@code dmn/cases/{key}.csv}, so every accepted version carries the cases it
 *       passed, and "the last accepted case file" is simply the newest one.</li>
 * </ol>
 */
public class RuleCaseGate {

  private static final Logger LOG = LoggerFactory.getLogger(RuleCaseGate.class);

  static final String CASES_FOLDER = "dmn/cases/";

  private final ClassLoader classLoader;
  private volatile CaseRunner runner;

  public RuleCaseGate(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  public void check(GatedDeployment deployment) {
    Map<String, byte[]> resources = deployment.resources();
    Authentication authentication = deployment.authentication();
    checkWho(deployment, authentication, resources);
    // FEEL only, checked on the XML before any case runs: running a JUEL or script expression to
    // find out that it is one would already have executed it (issue 11, item 2)
    List<String> languageProblems = new ArrayList<>();
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      if (isTable(resource.getKey())) {
        languageProblems.addAll(FeelOnlyExpressions.problems(resource.getKey(), resource.getValue()));
      }
    }
    if (!languageProblems.isEmpty()) {
      LOG.warn("rule gate refused deployment '{}' by {} before running any case: {}", deployment.name(),
          authentication == null ? "the application" : authentication.getUserId(), languageProblems);
      throw new RuleGateException(languageProblems);
    }

    Map<String, byte[]> tables = new LinkedHashMap<>();
    Map<String, String> caseFiles = new LinkedHashMap<>(); // key → resource name
    List<String> problems = new ArrayList<>();
    for (String name : resources.keySet()) {
      if (isTable(name)) {
        tables.put(name, resources.get(name));
      } else if (isCaseFile(name)) {
        String key = keyOf(name);
        String other = caseFiles.putIfAbsent(key, name);
        if (other != null) {
          problems.add("部署中有两个 " + key + " 的用例文件：" + other + "、" + name
              + " / the deployment has two case files for " + key + ": " + other + ", " + name);
        }
      }
    }
    if (tables.isEmpty() && caseFiles.isEmpty()) {
      return;
    }
    OperationCounters.ruleGateRun();

    CaseRunner runner = runner(deployment);
    Map<String, DmnDecision> decisions = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> table : tables.entrySet()) {
      TableCheck.Parsed parsed = TableCheck.parse(table.getKey(), table.getValue(), runner);
      for (DmnDecision decision : parsed.decisions()) {
        decisions.putIfAbsent(decision.getKey(), decision);
      }
      problems.addAll(parsed.problems());
    }
    // case files that come without their table are checked against the latest deployed table
    for (String key : caseFiles.keySet()) {
      if (!decisions.containsKey(key)) {
        Optional<DmnDecision> latest = latestDeployed(deployment, key, runner);
        if (latest.isPresent()) {
          decisions.put(key, latest.get());
        } else {
          problems.add(caseFiles.get(key) + "：没有键为 " + key + " 的决策表 / there is no decision with key " + key);
        }
      }
    }

    boolean shipped = authentication == null && deployment.autoDeployment();
    Map<String, CaseFile> attach = new LinkedHashMap<>();
    List<String> accepted = new ArrayList<>();
    for (Map.Entry<String, DmnDecision> entry : decisions.entrySet()) {
      String key = entry.getKey();
      DmnDecision decision = entry.getValue();
      CaseFile cases;
      try {
        cases = caseFiles.containsKey(key)
            ? CaseFile.parse(key, caseFiles.get(key) + "（本次部署 / this deployment）", resources.get(caseFiles.get(key)))
            : lastAccepted(deployment, key, shipped);
      } catch (CaseFile.MalformedCaseFileException e) {
        problems.add(key + " — 用例文件无法读取 / case file cannot be read: "
            + new CaseRunner.Failure(e.line(), e.getMessage()).describe());
        continue;
      }
      if (cases == null) {
        if (authentication == null && DecisionContract.table(key).isEmpty()) {
          LOG.warn("decision {} in deployment {} has no case file; accepted without cases because the application deploys it",
              key, deployment.name());
          continue;
        }
        problems.add(key + " — 没有用例文件：请随表一起部署 " + key + ".csv / no case file: deploy " + key
            + ".csv together with the table");
        continue;
      }
      TableCheck.Checked checked = TableCheck.check(decision, cases, runner);
      if (!checked.passed()) {
        problems.addAll(checked.problems(key));
      } else {
        accepted.add(key + " (" + checked.report().rows() + " cases, " + cases.source() + ")");
      }
      if (!caseFiles.containsKey(key)) { // only tables of this deployment lack a case file here
        attach.put(key, cases);
      }
    }

    if (!problems.isEmpty()) {
      LOG.info("rule gate refused deployment '{}' by {}: {}", deployment.name(),
          authentication == null ? "the application" : authentication.getUserId(), problems);
      throw new RuleGateException(problems);
    }
    for (Map.Entry<String, CaseFile> entry : attach.entrySet()) {
      deployment.attach(CASES_FOLDER + entry.getKey() + ".csv", entry.getValue().content());
    }
    if (!accepted.isEmpty()) {
      LOG.info("rule gate accepted deployment '{}' ({}) by {}: {}", deployment.name(), deployment.id(),
          authentication == null ? "the application" : authentication.getUserId(), accepted);
    }
  }

  // who ///////////////////////////////////////////////////////////////////////////////////////////

  private void checkWho(GatedDeployment deployment, Authentication authentication, Map<String, byte[]> resources) {
    if (authentication == null || authentication.getUserId() == null) {
      return;
    }
    boolean rules = resources.keySet().stream().anyMatch(n -> isTable(n) || isCaseFile(n));
    boolean ruleOwner = authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(BureauGroup.RULE_OWNER.id());
    boolean admin = deployment.camundaAdmin(authentication);
    String user = authentication.getUserId();
    if (rules && !ruleOwner && !admin) {
      throw new AuthorizationException(user + " 不是规则维护人员，不能部署决策表或用例文件 / " + user
          + " is not a rule owner and may not deploy decision tables or case files");
    }
    if (ruleOwner && !admin) {
      List<String> others = resources.keySet().stream().filter(n -> !isTable(n) && !isCaseFile(n)).sorted().toList();
      if (!others.isEmpty()) {
        throw new AuthorizationException("规则维护人员只能部署 .dmn 和 .csv 文件，不能部署 " + others + " / a rule owner may deploy only .dmn and .csv files, not "
            + others);
      }
    }
  }

  // which cases //////////////////////////////////////////////////////////////////////////////////

  private CaseFile lastAccepted(GatedDeployment deployment, String key, boolean shipped) {
    if (shipped) {
      CaseFile fromClasspath = fromClasspath(key);
      return fromClasspath != null ? fromClasspath : newestDeployed(deployment, key);
    }
    CaseFile deployed = newestDeployed(deployment, key);
    return deployed != null ? deployed : fromClasspath(key);
  }

  /** The newest deployment resource named {@code {key}.csv} or {@code …/{key}.csv}, other than in this deployment. */
  private CaseFile newestDeployed(GatedDeployment deployment, String key) {
    return deployment.newestResourceElsewhere(name -> isCaseFile(name) && keyOf(name).equals(key))
        .map(resource -> CaseFile.parse(key, resource.name() + "（部署 / deployment " + resource.deploymentName() + ", "
            + resource.deploymentId() + "）", resource.content()))
        .orElse(null);
  }

  private CaseFile fromClasspath(String key) {
    String path = CASES_FOLDER + key + ".csv";
    try (InputStream in = classLoader.getResourceAsStream(path)) {
      return in == null ? null : CaseFile.parse(key, "classpath:" + path, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private Optional<DmnDecision> latestDeployed(GatedDeployment deployment, String key, CaseRunner runner) {
    Optional<GatedDeployment.StoredResource> latest = deployment.latestDecisionResource(key);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    GatedDeployment.StoredResource resource = latest.get();
    // a version deployed before the FEEL-only check existed is not run against new cases either
    List<String> languageProblems = FeelOnlyExpressions.problems(
        resource.name() + "（部署 / deployment " + resource.deploymentId() + "）", resource.content());
    if (!languageProblems.isEmpty()) {
      throw new RuleGateException(languageProblems);
    }
    return runner.parse(new ByteArrayInputStream(resource.content())).stream()
        .filter(d -> d.getKey().equals(key)).findFirst();
  }

  // helpers //////////////////////////////////////////////////////////////////////////////////////

  private CaseRunner runner(GatedDeployment deployment) {
    CaseRunner current = runner;
    if (current == null) {
      synchronized (this) {
        if (runner == null) {
          runner = CaseRunner.like(deployment.engineDmn());
        }
        current = runner;
      }
    }
    return current;
  }

  static boolean isTable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml");
  }

  static boolean isCaseFile(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  /** {@code cases/retention-class.csv} → {@code retention-class}. */
  static String keyOf(String name) {
    String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    return file.substring(0, file.length() - ".csv".length());
  }
}
