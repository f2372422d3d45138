package cn.gov.enforcement.platform;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbTenantQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.DelegationState;

/**
 * The engine guards of issue 11, in one command interceptor in front of every command of the
 * engine, whatever entry point issued it (engine-rest with any path spelling, the webapps' API,
 * the Java API): a URL-level guard could be walked around with {@code ;x=1}, {@code %2F} or a
 * double slash; a command cannot be. The interceptor runs before the command's transaction, so a
 * refusal leaves nothing behind. What it refuses:
 * <ol>
 *   <li>queries with expressions ({@link QueryExpressionGuard}), at every nesting level, ad hoc,
 *       as filter extensions and in stored filters;</li>
 *   <li>starting part-way (start instructions), modification (sync and async), restart and
 *       migration, unless the authenticated user is a member of {@code camunda-admin}. Without an
 *       authenticated user the caller is the engine or the application itself (job executor,
 *       batch jobs, start-up) and is let through; every HTTP entry point has one;</li>
 *   <li>submitted server-stamped variables ({@link ServerStampedVariables}) in a command a caller
 *       issues from outside the engine (the outermost command) with an authenticated user; the
 *       application's listeners and delegates writing them run inside a command and are not
 *       affected;</li>
 *   <li>removing the last direct member of {@code camunda-admin} (CVE-2026-77226), by deleting the
 *       membership, the user or the group;</li>
 *   <li>resolving a task that is not delegated (pending), and a deployment naming a tenant that
 *       does not exist;</li>
 *   <li>completing (complete, submit-form) a task assigned to somebody else (issue 14 item 3):
 *       an assigned task is done by its assignee; a colleague of the candidate group claims it
 *       only once it is unassigned.</li>
 * </ol>
 * It also hands a guard refusal thrown by a listener ({@link NoSelfApproval}) to the caller
 * unwrapped, so that REST answers 403 instead of the engine's 500 for listener exceptions.
 *
 * <p>Commands keep their input in protected fields, read here by name (read-only);
 * {@code EngineGuardInterceptorTest} pins the names against the engine version in use, and a
 * field that cannot be read refuses the command rather than let it through.
 */
final class EngineGuardInterceptor extends CommandInterceptor {

  static final String ADMIN_GROUP = "camunda-admin";

  /** Depth of filter executions on this thread: their nested query runs the checked filter query. */
  private static final ThreadLocal<int[]> IN_FILTER_EXECUTION = ThreadLocal.withInitial(() -> new int[1]);

  private final ProcessEngineConfigurationImpl configuration;

  EngineGuardInterceptor(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public <T> T execute(Command<T> command) {
    boolean outermost = Context.getCommandContext() == null;
    checkQueries(command);
    Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
    String userId = authentication == null ? null : authentication.getUserId();
    if (userId != null) {
      checkAdminOnly(command, userId);
      if (outermost) {
        checkServerStamped(command);
        BusinessKeyVariableGuard.checkRemoval(removedNames(command));
        checkAssignedDoer(command, userId);
      }
    }
    checkLastAdmin(command);
    checkResolve(command);
    checkTenant(command);
    boolean filterExecution = command instanceof AbstractExecuteFilterCmd;
    if (filterExecution) {
      IN_FILTER_EXECUTION.get()[0]++;
    }
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      RuntimeException refusal = EngineGuardRefusal.find(e);
      throw refusal != null ? refusal : e;
    } finally {
      if (filterExecution) {
        IN_FILTER_EXECUTION.get()[0]--;
      }
    }
  }

  // ---------------------------------------------------------------------------------- 1. queries

  private void checkQueries(Command<?> command) {
    if (command instanceof SaveFilterCmd) {
      QueryExpressionGuard.checkStored((Filter) field(command, SaveFilterCmd.class, "filter"));
    } else if (command instanceof AbstractExecuteFilterCmd) {
      Object extending = field(command, AbstractExecuteFilterCmd.class, "extendingQuery");
      if (extending != null) {
        QueryExpressionGuard.checkAdHoc((Query<?, ?>) extending);
      }
      String filterId = (String) field(command, AbstractExecuteFilterCmd.class, "filterId");
      if (filterId != null) {
        // a filter stored before this guard existed is held to the same rule
        QueryExpressionGuard.checkStored(system(context -> context.getFilterManager().findFilterById(filterId)));
      }
    } else if (command instanceof AbstractQuery<?, ?> query && IN_FILTER_EXECUTION.get()[0] == 0) {
      QueryExpressionGuard.checkAdHoc(query);
    }
  }

  // ----------------------------------------------------------------------- 2. part-way and moves

  private void checkAdminOnly(Command<?> command, String userId) {
    String operation = adminOnlyOperation(command);
    if (operation != null && !isAdmin(userId)) {
      throw new GuardForbiddenException("ADMIN_ONLY",
          "只有系统管理员可以" + operation.split("\\|")[0] + "，流程须从开始事件启动并逐步办理",
          "only camunda-admin may " + operation.split("\\|")[1] + "; a process starts at its start event and goes step by step");
    }
  }

  static String adminOnlyOperation(Command<?> command) {
    if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      return "从流程中间启动|start a process part-way (start instructions)";
    }
    if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd
        || command instanceof ProcessInstanceModificationCmd || command instanceof ProcessInstanceModificationBatchCmd) {
      return "修改流程实例的执行位置|modify process instances";
    }
    if (command instanceof AbstractRestartProcessInstanceCmd || command instanceof RestartProcessInstancesBatchCmd) {
      return "重启流程实例|restart process instances";
    }
    if (command instanceof AbstractMigrationCmd) {
      return "迁移流程实例|migrate process instances";
    }
    return null;
  }

  private boolean isAdmin(String userId) {
    long count = system(context -> ((DbGroupQueryImpl) new DbGroupQueryImpl().groupMember(userId).groupId(ADMIN_GROUP)).executeCount(context));
    return count > 0;
  }

  // -------------------------------------------------------------------------- 3. server-stamped

  private void checkServerStamped(Command<?> command) {
    Set<String> stamped = ServerStampedVariables.among(submittedNames(command));
    if (!stamped.isEmpty()) {
      throw ServerStampedRefusal.of(stamped);
    }
  }

  /** The names of the variables a command removes (variable deletion, the deletions of a patch). */
  static List<String> removedNames(Command<?> command) {
    List<String> names = new ArrayList<>();
    if (command instanceof AbstractRemoveVariableCmd) {
      addAll(names, field(command, AbstractRemoveVariableCmd.class, "variableNames"));
    } else if (command instanceof AbstractPatchVariablesCmd) {
      addAll(names, field(command, AbstractPatchVariablesCmd.class, "deletions"));
    }
    return names;
  }

  /** The names of the variables a command brings in from its caller. */
  static List<String> submittedNames(Command<?> command) {
    List<String> names = new ArrayList<>();
    if (command instanceof StartProcessInstanceCmd) {
      addBuilder(names, (ProcessInstantiationBuilderImpl) field(command, StartProcessInstanceCmd.class, "instantiationBuilder"));
    } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      addBuilder(names, (ProcessInstantiationBuilderImpl) field(command, StartProcessInstanceAtActivitiesCmd.class, "instantiationBuilder"));
    } else if (command instanceof SubmitStartFormCmd) {
      add(names, field(command, SubmitStartFormCmd.class, "variables"));
    } else if (command instanceof CompleteTaskCmd) { // and ResolveTaskCmd
      add(names, field(command, CompleteTaskCmd.class, "variables"));
    } else if (command instanceof SubmitTaskFormCmd) {
      add(names, field(command, SubmitTaskFormCmd.class, "properties"));
    } else if (command instanceof AbstractSetVariableCmd) {
      add(names, field(command, AbstractSetVariableCmd.class, "variables"));
    } else if (command instanceof AbstractPatchVariablesCmd) {
      add(names, field(command, AbstractPatchVariablesCmd.class, "variables"));
      addAll(names, field(command, AbstractPatchVariablesCmd.class, "deletions"));
    } else if (command instanceof AbstractRemoveVariableCmd) {
      // issue 14: removing a stamped variable (the record of a held legal review) is as bad as changing it
      addAll(names, field(command, AbstractRemoveVariableCmd.class, "variableNames"));
    } else if (command instanceof AbstractCorrelateMessageCmd) {
      MessageCorrelationBuilderImpl builder = (MessageCorrelationBuilderImpl) field(command, AbstractCorrelateMessageCmd.class, "builder");
      if (builder != null) {
        add(names, builder.getPayloadProcessInstanceVariables());
        add(names, builder.getPayloadProcessInstanceVariablesLocal());
        add(names, builder.getPayloadProcessInstanceVariablesToTriggeredScope());
      }
    } else if (command instanceof MessageEventReceivedCmd) {
      add(names, field(command, MessageEventReceivedCmd.class, "processVariables"));
      add(names, field(command, MessageEventReceivedCmd.class, "processVariablesLocal"));
      add(names, field(command, MessageEventReceivedCmd.class, "processVariablesToTriggeredScope"));
    } else if (command instanceof SignalCmd) {
      add(names, field(command, SignalCmd.class, "processVariables"));
    } else if (command instanceof SignalEventReceivedCmd) {
      SignalEventReceivedBuilderImpl builder = (SignalEventReceivedBuilderImpl) field(command, SignalEventReceivedCmd.class, "builder");
      if (builder != null) {
        add(names, builder.getVariables());
      }
    } else if (command instanceof CompleteExternalTaskCmd) {
      add(names, field(command, CompleteExternalTaskCmd.class, "variables"));
      add(names, field(command, CompleteExternalTaskCmd.class, "localVariables"));
    }
    return names;
  }

  private static void addBuilder(List<String> names, ProcessInstantiationBuilderImpl builder) {
    if (builder == null) {
      return;
    }
    add(names, builder.getVariables());
    for (AbstractProcessInstanceModificationCommand instruction : builder.getModificationBuilder().getModificationOperations()) {
      if (instruction instanceof AbstractInstantiationCmd instantiation) {
        add(names, instantiation.getVariables());
        add(names, instantiation.getVariablesLocal());
      }
    }
  }

  private static void addAll(List<String> names, Object variableNames) {
    if (variableNames instanceof Collection<?> collection) {
      collection.forEach(name -> names.add(String.valueOf(name)));
    }
  }

  private static void add(List<String> names, Object variables) {
    if (variables instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        names.add(String.valueOf(key));
      }
    }
  }

  // ------------------------------------------------------------------------------ 4. last admin

  private void checkLastAdmin(Command<?> command) {
    boolean removes;
    if (command instanceof DeleteMembershipCmd) {
      removes = ADMIN_GROUP.equals(field(command, DeleteMembershipCmd.class, "groupId"))
          && isOnlyAdmin((String) field(command, DeleteMembershipCmd.class, "userId"));
    } else if (command instanceof DeleteUserCmd) {
      removes = isOnlyAdmin((String) field(command, DeleteUserCmd.class, "userId"));
    } else if (command instanceof DeleteGroupCmd) {
      removes = ADMIN_GROUP.equals(field(command, DeleteGroupCmd.class, "groupId"));
    } else {
      return;
    }
    if (removes) {
      throw new GuardForbiddenException("LAST_ADMIN", "系统管理员组至少保留一名成员",
          "camunda-admin must keep at least one direct member");
    }
  }

  private boolean isOnlyAdmin(String userId) {
    if (userId == null) {
      return false;
    }
    long admins = system(context -> ((DbUserQueryImpl) new DbUserQueryImpl().memberOfGroup(ADMIN_GROUP)).executeCount(context));
    long isAdmin = system(context -> ((DbUserQueryImpl) new DbUserQueryImpl().userId(userId).memberOfGroup(ADMIN_GROUP)).executeCount(context));
    return isAdmin > 0 && admins <= 1;
  }

  // --------------------------------------------------------------- 6. assigned tasks (issue 14)

  /**
   * LR-05, CASE-03, issue 14 item 3: a task that has an assignee (the hearing officer named by the
   * schedule, a reviewer who claimed it, an expert) is completed only by that person. The
   * candidate group's default TASK_WORK permission would otherwise let any colleague complete it.
   * Resolving a delegated task is the delegate's (the assignee's) own step and passes.
   */
  private void checkAssignedDoer(Command<?> command, String userId) {
    String taskId;
    if (command instanceof CompleteTaskCmd) {
      taskId = (String) field(command, CompleteTaskCmd.class, "taskId");
    } else if (command instanceof SubmitTaskFormCmd) {
      taskId = (String) field(command, SubmitTaskFormCmd.class, "taskId");
    } else {
      return;
    }
    String assignee = taskId == null ? null : system(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      return task == null ? null : task.getAssignee();
    });
    if (assignee != null && !assignee.equals(userId)) {
      throw new GuardForbiddenException("ASSIGNED_TO_OTHER",
          "该任务已指定由 " + assignee + " 办理，只有其本人可以完成",
          "the task is assigned to " + assignee + "; only that person may complete it");
    }
  }

  // --------------------------------------------------------------------- 5. resolve and tenants

  private void checkResolve(Command<?> command) {
    if (!(command instanceof ResolveTaskCmd)) {
      return;
    }
    String taskId = (String) field(command, CompleteTaskCmd.class, "taskId");
    DelegationState state = system(context -> {
      TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
      return task == null ? DelegationState.PENDING : task.getDelegationState(); // unknown task: the command says so
    });
    if (state != DelegationState.PENDING) {
      throw new GuardBadRequestException("NOT_DELEGATED", "该任务未被委托，不能“办结委托”，请直接办理",
          "the task was not delegated, so it cannot be resolved; complete it instead");
    }
  }

  private void checkTenant(Command<?> command) {
    if (!(command instanceof DeployCmd)) {
      return;
    }
    Object builder = field(command, DeployCmd.class, "deploymentBuilder");
    String tenantId = builder instanceof org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl impl
        ? impl.getDeployment().getTenantId() : null;
    if (tenantId != null && system(context -> ((DbTenantQueryImpl) new DbTenantQueryImpl().tenantId(tenantId)).executeCount(context)) == 0L) {
      throw new GuardBadRequestException("TENANT_UNKNOWN", "租户 " + tenantId + " 不存在，部署被拒绝",
          "tenant " + tenantId + " does not exist; the deployment is refused");
    }
  }

  // ---------------------------------------------------------------------------------- helpers

  /** A look-up by the engine itself, without the caller's authorizations (read-only). */
  private <T> T system(Function<CommandContext, T> lookup) {
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      boolean checking = context.isAuthorizationCheckEnabled();
      context.disableAuthorizationCheck();
      try {
        return lookup.apply(context);
      } finally {
        if (checking) {
          context.enableAuthorizationCheck();
        }
      }
    });
  }

  static Object field(Object command, Class<?> declaring, String name) {
    try {
      Field field = declaring.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(command);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new GuardBadRequestException("GUARD_UNAVAILABLE", "无法检查此操作，操作被拒绝",
          "this operation cannot be checked and is refused (" + declaring.getSimpleName() + "." + name + ")");
    }
  }

}
