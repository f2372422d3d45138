package cn.gov.enforcement.rules;

import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.platform.EngineClock;
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
import org.camunda.bpm.engine.impl.DeploymentQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ResourceTypes;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deploy gate: runs before the engine's own deployers, inside the deployment's transaction, so
 * a refusal rolls the whole deployment back and no new version ever becomes active.
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
public class RuleCaseGate implements Deployer {

  private static final Logger LOG = LoggerFactory.getLogger(RuleCaseGate.class);

  static final String CASES_FOLDER = "dmn/cases/";

  private final ClassLoader classLoader;
  private volatile CaseRunner runner;

  public RuleCaseGate(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // the deployment cache re-reads an accepted deployment
    }
    CommandContext commandContext = Context.getCommandContext();
    Map<String, ResourceEntity> resources = deployment.getResources();
    if (resources == null || resources.isEmpty()) {
      return;
    }
    Authentication authentication = commandContext.getAuthentication();
    checkWho(commandContext, authentication, resources);
    // FEEL only, checked on the XML before any case runs: running a JUEL or script expression to
    // find out that it is one would already have executed it (issue 11, item 2)
    List<String> languageProblems = new ArrayList<>();
    for (ResourceEntity resource : resources.values()) {
      if (isTable(resource.getName())) {
        languageProblems.addAll(FeelOnlyExpressions.problems(resource.getName(), resource.getBytes()));
      }
    }
    if (!languageProblems.isEmpty()) {
      LOG.warn("rule gate refused deployment '{}' by {} before running any case: {}", deployment.getName(),
          authentication == null ? "the application" : authentication.getUserId(), languageProblems);
      throw new RuleGateException(languageProblems);
    }

    Map<String, ResourceEntity> tables = new LinkedHashMap<>();
    Map<String, ResourceEntity> caseFiles = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (ResourceEntity resource : resources.values()) {
      String name = resource.getName();
      if (isTable(name)) {
        tables.put(name, resource);
      } else if (isCaseFile(name)) {
        String key = keyOf(name);
        ResourceEntity other = caseFiles.putIfAbsent(key, resource);
        if (other != null) {
          problems.add("部署中有两个 " + key + " 的用例文件：" + other.getName() + "、" + name
              + " / the deployment has two case files for " + key + ": " + other.getName() + ", " + name);
        }
      }
    }
    if (tables.isEmpty() && caseFiles.isEmpty()) {
      return;
    }
    OperationCounters.ruleGateRun();

    CaseRunner runner = runner();
    Map<String, DmnDecision> decisions = new LinkedHashMap<>();
    for (ResourceEntity table : tables.values()) {
      TableCheck.Parsed parsed = TableCheck.parse(table.getName(), table.getBytes(), runner);
      for (DmnDecision decision : parsed.decisions()) {
        decisions.putIfAbsent(decision.getKey(), decision);
      }
      problems.addAll(parsed.problems());
    }
    // case files that come without their table are checked against the latest deployed table
    for (String key : caseFiles.keySet()) {
      if (!decisions.containsKey(key)) {
        Optional<DmnDecision> latest = latestDeployed(commandContext, key, deployment.getTenantId(), runner);
        if (latest.isPresent()) {
          decisions.put(key, latest.get());
        } else {
          problems.add(caseFiles.get(key).getName() + "：没有键为 " + key + " 的决策表 / there is no decision with key " + key);
        }
      }
    }

    boolean shipped = authentication == null && isAutoDeployment(deployment);
    Map<String, CaseFile> attach = new LinkedHashMap<>();
    List<String> accepted = new ArrayList<>();
    for (Map.Entry<String, DmnDecision> entry : decisions.entrySet()) {
      String key = entry.getKey();
      DmnDecision decision = entry.getValue();
      CaseFile cases;
      try {
        cases = caseFiles.containsKey(key)
            ? CaseFile.parse(key, caseFiles.get(key).getName() + "（本次部署 / this deployment）", caseFiles.get(key).getBytes())
            : lastAccepted(commandContext, deployment, key, shipped);
      } catch (CaseFile.MalformedCaseFileException e) {
        problems.add(key + " — 用例文件无法读取 / case file cannot be read: "
            + new CaseRunner.Failure(e.line(), e.getMessage()).describe());
        continue;
      }
      if (cases == null) {
        if (authentication == null && DecisionContract.table(key).isEmpty()) {
          LOG.warn("decision {} in deployment {} has no case file; accepted without cases because the application deploys it",
              key, deployment.getName());
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
      LOG.info("rule gate refused deployment '{}' by {}: {}", deployment.getName(),
          authentication == null ? "the application" : authentication.getUserId(), problems);
      throw new RuleGateException(problems);
    }
    for (Map.Entry<String, CaseFile> entry : attach.entrySet()) {
      attachCaseFile(commandContext, deployment, entry.getKey(), entry.getValue());
    }
    if (!accepted.isEmpty()) {
      LOG.info("rule gate accepted deployment '{}' ({}) by {}: {}", deployment.getName(), deployment.getId(),
          authentication == null ? "the application" : authentication.getUserId(), accepted);
    }
  }

  // who ///////////////////////////////////////////////////////////////////////////////////////////

  private void checkWho(CommandContext commandContext, Authentication authentication, Map<String, ResourceEntity> resources) {
    if (authentication == null || authentication.getUserId() == null) {
      return;
    }
    boolean rules = resources.keySet().stream().anyMatch(n -> isTable(n) || isCaseFile(n));
    boolean ruleOwner = authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(BureauGroup.RULE_OWNER.id());
    boolean admin = commandContext.getAuthorizationManager().isCamundaAdmin(authentication);
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

  private CaseFile lastAccepted(CommandContext commandContext, DeploymentEntity deployment, String key, boolean shipped) {
    if (shipped) {
      CaseFile fromClasspath = fromClasspath(key);
      return fromClasspath != null ? fromClasspath : newestDeployed(commandContext, deployment, key);
    }
    CaseFile deployed = newestDeployed(commandContext, deployment, key);
    return deployed != null ? deployed : fromClasspath(key);
  }

  /** The newest deployment resource named {@code {key}.csv} or {@code …/{key}.csv}, other than in this deployment. */
  private CaseFile newestDeployed(CommandContext commandContext, DeploymentEntity current, String key) {
    int pageSize = 50;
    for (int first = 0; ; first += pageSize) {
      DeploymentQueryImpl query = new DeploymentQueryImpl();
      query.orderByDeploymentTime().desc();
      List<Deployment> page = commandContext.getDeploymentManager().findDeploymentsByQueryCriteria(query, new Page(first, pageSize));
      for (Deployment candidate : page) {
        if (candidate.getId().equals(current.getId())) {
          continue;
        }
        for (ResourceEntity resource : commandContext.getResourceManager().findResourcesByDeploymentId(candidate.getId())) {
          if (isCaseFile(resource.getName()) && keyOf(resource.getName()).equals(key)) {
            return CaseFile.parse(key, resource.getName() + "（部署 / deployment " + candidate.getName() + ", "
                + candidate.getId() + "）", resource.getBytes());
          }
        }
      }
      if (page.size() < pageSize) {
        return null;
      }
    }
  }

  private CaseFile fromClasspath(String key) {
    String path = CASES_FOLDER + key + ".csv";
    try (InputStream in = classLoader.getResourceAsStream(path)) {
      return in == null ? null : CaseFile.parse(key, "classpath:" + path, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private Optional<DmnDecision> latestDeployed(CommandContext commandContext, String key, String tenantId, CaseRunner runner) {
    DecisionDefinitionEntity latest = commandContext.getDecisionDefinitionManager()
        .findLatestDecisionDefinitionByKeyAndTenantId(key, tenantId);
    if (latest == null) {
      return Optional.empty();
    }
    ResourceEntity resource = commandContext.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName());
    // a version deployed before the FEEL-only check existed is not run against new cases either
    List<String> languageProblems = FeelOnlyExpressions.problems(
        latest.getResourceName() + "（部署 / deployment " + latest.getDeploymentId() + "）", resource.getBytes());
    if (!languageProblems.isEmpty()) {
      throw new RuleGateException(languageProblems);
    }
    return runner.parse(new ByteArrayInputStream(resource.getBytes())).stream()
        .filter(d -> d.getKey().equals(key)).findFirst();
  }

  // record ///////////////////////////////////////////////////////////////////////////////////////

  private void attachCaseFile(CommandContext commandContext, DeploymentEntity deployment, String key, CaseFile cases) {
    String name = CASES_FOLDER + key + ".csv";
    if (deployment.getResource(name) != null) {
      return;
    }
    ResourceEntity resource = new ResourceEntity();
    resource.setName(name);
    resource.setBytes(cases.content());
    resource.setDeploymentId(deployment.getId());
    resource.setTenantId(deployment.getTenantId());
    resource.setType(ResourceTypes.REPOSITORY.getValue());
    resource.setCreateTime(EngineClock.now());
    commandContext.getResourceManager().insertResource(resource);
    deployment.addResource(resource);
  }

  // helpers //////////////////////////////////////////////////////////////////////////////////////

  private CaseRunner runner() {
    CaseRunner current = runner;
    if (current == null) {
      synchronized (this) {
        if (runner == null) {
          ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
          runner = CaseRunner.like(configuration == null ? null : configuration.getDmnEngineConfiguration());
        }
        current = runner;
      }
    }
    return current;
  }

  private static boolean isAutoDeployment(DeploymentEntity deployment) {
    ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
    return configuration instanceof SpringTransactionsProcessEngineConfiguration spring
        && spring.getDeploymentName() != null && spring.getDeploymentName().equals(deployment.getName());
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
