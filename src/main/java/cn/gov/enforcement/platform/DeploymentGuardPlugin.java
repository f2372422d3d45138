package cn.gov.enforcement.platform;

import cn.gov.enforcement.identity.BureauGroup;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.HistoricDecisionInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Guards on deployments (issue 11, item 7): a deployment of decision tables or case files is
 * deleted only as follows.
 *
 * <p>Why: deleting the newest version of a table makes the previous one the version every
 * business rule task and evaluation uses — without a gate run, against cases that may have
 * changed since — and deleting the newest case file makes older cases "the last accepted ones".
 * With {@code cascade} the decisions' history (the record of what was decided for which
 * recording or case) is deleted too. Camunda gives the creator of a deployment every permission
 * on it, so a rule owner could do both to their own deployments.
 *
 * <ul>
 *   <li>Only a {@code camunda-admin} deletes a deployment that contains a decision, a decision
 *       requirements graph, a {@code .dmn} or a {@code .csv} resource; anyone else, a rule owner
 *       included, gets 403. A rule owner withdraws a bad version by deploying a corrected one (or
 *       redeploying an older one), which goes through the gate.</li>
 *   <li>Not even an administrator deletes the deployment holding the current (latest) version of a
 *       decision: 400. The previous version would become current without a gate run; a
 *       superseded version may be deleted.</li>
 *   <li>Nobody deletes such a deployment with {@code cascade} while its decisions have history:
 *       400. Decision history is evidence and leaves only by the engine's history cleanup after
 *       each decision's history time to live.</li>
 *   <li>The application itself (no signed-in user: start-up, maintenance code) is not limited.</li>
 * </ul>
 *
 * <p>Tenants: a deployment naming a tenant that does not exist is refused by
 * {@link EngineGuardInterceptor} for every deployment, decisions included.
 *
 * <p>A command interceptor inside the engine, so REST ({@code DELETE /deployment/{id}} under any
 * path spelling), the webapps' API and the Java API all meet it. Redeploy
 * ({@code POST /deployment/{id}/redeploy}) is a new deployment and meets the rule gate's static
 * FEEL check and its cases like any other ({@code rules.RuleCaseGate}).
 */
@Component
public class DeploymentGuardPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new DeleteDecisionDeploymentInterceptor());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    List<CommandInterceptor> requiresNew = configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequiresNew());
    requiresNew.add(new DeleteDecisionDeploymentInterceptor());
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(requiresNew);

  }

  /** Refusal of a delete that would make an earlier decision version current again. */
  public static class LatestDecisionKeptException extends BadUserRequestException {
    public static final int CODE = 22005;

    LatestDecisionKeptException(String message) {
      super(message);
      setCode(CODE);
    }
  }

  /** Refusal of a cascading delete that would remove decision history. */
  public static class DecisionHistoryKeptException extends BadUserRequestException {
    public static final int CODE = 22003;

    DecisionHistoryKeptException(String message) {
      super(message);
      setCode(CODE);
    }
  }

  static final class DeleteDecisionDeploymentInterceptor extends CommandInterceptor {

    private static final Field DEPLOYMENT_ID = field("deploymentId");
    private static final Field CASCADE = field("cascade");

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof DeleteDeploymentCmd delete) {
        check(Context.getCommandContext(), (String) read(DEPLOYMENT_ID, delete), (Boolean) read(CASCADE, delete));
      }
      return next.execute(command);
    }

    private static void check(CommandContext commandContext, String deploymentId, boolean cascade) {
      Authentication authentication = commandContext.getAuthentication();
      if (deploymentId == null || authentication == null || authentication.getUserId() == null) {
        return;
      }
      List<DecisionDefinition> decisions = commandContext.runWithoutAuthorization(
          () -> commandContext.getDecisionDefinitionManager().findDecisionDefinitionByDeploymentId(deploymentId));
      boolean rules = !decisions.isEmpty()
          || !commandContext.runWithoutAuthorization(() -> commandContext.getDecisionRequirementsDefinitionManager()
              .findDecisionRequirementsDefinitionByDeploymentId(deploymentId)).isEmpty()
          || commandContext.runWithoutAuthorization(() -> commandContext.getResourceManager().findResourcesByDeploymentId(deploymentId))
              .stream().map(ResourceEntity::getName).anyMatch(DeleteDecisionDeploymentInterceptor::isRuleResource);
      if (!rules) {
        return;
      }
      String user = authentication.getUserId();
      if (!commandContext.getAuthorizationManager().isCamundaAdmin(authentication)) {
        boolean ruleOwner = authentication.getGroupIds() != null && authentication.getGroupIds().contains(BureauGroup.RULE_OWNER.id());
        throw new AuthorizationException(user + " 不能删除含决策表或用例文件的部署" + (ruleOwner
            ? "；规则维护人员请部署更正后的版本（经部署闸门检查）" : "") + "，只有系统管理员可以删除 / " + user
            + " may not delete a deployment with decision tables or case files" + (ruleOwner
            ? "; a rule owner deploys a corrected version instead (checked by the deploy gate)" : "")
            + "; only an administrator may delete it");
      }
      // the latest version stays until a newer one (through the gate) replaces it: deleting it would make
      // the previous version active without a gate run
      for (DecisionDefinition decision : decisions) {
        DecisionDefinition latest = commandContext.runWithoutAuthorization(() -> commandContext.getDecisionDefinitionManager()
            .findLatestDecisionDefinitionByKeyAndTenantId(decision.getKey(), decision.getTenantId()));
        if (latest != null && latest.getId().equals(decision.getId())) {
          throw new LatestDecisionKeptException("该部署含决策 " + decision.getKey() + " 的当前版本（第 " + decision.getVersion()
              + " 版），删除会使上一版本不经部署闸门重新生效；请部署更正后的版本 / this deployment holds the current version ("
              + decision.getVersion() + ") of decision " + decision.getKey()
              + "; deleting it would make the previous version active without a gate run — deploy a corrected version instead");
        }
      }
      if (cascade && !decisions.isEmpty()) {
        HistoricDecisionInstanceQueryImpl history = new HistoricDecisionInstanceQueryImpl();
        history.decisionDefinitionIdIn(decisions.stream().map(DecisionDefinition::getId).toArray(String[]::new));
        long count = commandContext.runWithoutAuthorization(
            () -> commandContext.getHistoricDecisionInstanceManager().findHistoricDecisionInstanceCountByQueryCriteria(history));
        if (count > 0) {
          throw new DecisionHistoryKeptException("该部署的决策已有 " + count + " 条历史记录，不能级联删除；决策历史在保留期满后由历史清理删除 / "
              + "the decisions of this deployment have " + count + " history entries, so it cannot be deleted with cascade; "
              + "decision history leaves only by history cleanup after its time to live");
        }
      }
    }

    private static boolean isRuleResource(String name) {
      String lower = name.toLowerCase(Locale.ROOT);
      return lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml") || lower.endsWith(".csv");
    }

    private static Field field(String name) {
      try {
        Field field = DeleteDeploymentCmd.class.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("DeleteDeploymentCmd has no field " + name + " (Camunda upgrade?)", e);
      }
    }

    private static Object read(Field field, Object target) {
      try {
        return field.get(target);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
