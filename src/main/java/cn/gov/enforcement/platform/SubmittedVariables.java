package cn.gov.enforcement.platform;

import cn.gov.enforcement.forms.FormUnavailableException;
import java.lang.reflect.Field;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * Which variables of a process instance the current command has created or changed so far, i.e.
 * what a submission set: the form listeners run inside the submitting command after the submitted
 * variables are applied and before any listener or delegate of the model, so at that moment these
 * are exactly the submitted variables (a value submitted unchanged counts as not set, which is
 * harmless: it changes nothing).
 *
 * <h2>Why here and not in a servlet filter</h2>
 * A filter on the REST paths would have to know every entry point (engine-rest with and without
 * {@code /engine/{name}}, the webapps' API, start instructions, future endpoints) and re-read the
 * JSON bodies, and still leave the Java API and any other client open. Inside the engine the
 * check sits where the variables are actually written, so it covers every entry point at once
 * and a refusal rolls the command back with everything else. The price is internal engine API,
 * used read-only and in two places only:
 * <ul>
 *   <li>the command's entity cache ({@link DbEntityCache}): a {@link VariableInstanceEntity} of the
 *       instance that is {@code TRANSIENT} was created by this command, one that is
 *       {@code PERSISTENT} and dirty (or whose value's {@link ByteArrayEntity} is new or dirty, as
 *       for JSON and serialized objects) was changed by it;</li>
 *   <li>transient variables ({@code "transient": true} in REST) are never stored, hence never in
 *       the cache, yet a gateway in the same transaction reads them: they are taken from the
 *       variable scopes themselves. Listing a scope's variables may load them, once per command,
 *       which the engine would mostly do anyway while the task completes.</li>
 * </ul>
 * A start with instructions sets each instruction's variables only when it starts the
 * instruction's activity, after the process {@code start} listener has run: those names are read
 * from the command itself ({@link #startInstructionVariables()}).
 * {@code FormSubmissionValidationTest} pins all three against the engine version in use.
 *
 * <p>Not seen: variables written by an earlier command (e.g. {@code PUT /task/{id}/variables/…},
 * which authorizations govern, not forms); in a command that does more than one submission (Java
 * code completing tasks inside a delegate) the variables set before the form listener runs count
 * as submitted.
 */
final class SubmittedVariables {

  private SubmittedVariables() {}

  /**
   * @param processInstanceId the instance whose variables count
   * @param scopes            where transient variables may have been put (task, its execution and
   *                          the executions above it; or the new process instance)
   */
  static Set<String> names(String processInstanceId, Iterable<? extends AbstractVariableScope> scopes) {
    Set<String> names = new TreeSet<>();
    DbEntityCache cache = Context.getCommandContext().getDbEntityManager().getDbEntityCache();
    for (VariableInstanceEntity variable : cache.getEntitiesByType(VariableInstanceEntity.class)) {
      if (!processInstanceId.equals(variable.getProcessInstanceId())) {
        continue;
      }
      CachedDbEntity cached = cache.getCachedEntity(variable);
      if (cached != null && setByThisCommand(cache, cached, variable)) {
        names.add(variable.getName());
      }
    }
    for (AbstractVariableScope scope : scopes) {
      for (CoreVariableInstance instance : scope.getVariableInstancesLocal()) {
        if (instance instanceof VariableInstanceEntity variable && variable.isTransient()) {
          names.add(variable.getName());
        }
      }
    }
    return names;
  }

  private static boolean setByThisCommand(DbEntityCache cache, CachedDbEntity cached, VariableInstanceEntity variable) {
    return switch (cached.getEntityState()) {
      case TRANSIENT, MERGED -> true;
      case PERSISTENT -> cached.isDirty() || valueChanged(cache, variable.getByteArrayValueId());
      // a removal sets nothing; none of the submitting entry points removes variables
      default -> false;
    };
  }

  /** A JSON or serialized value keeps its byte array row and changes its bytes. */
  private static boolean valueChanged(DbEntityCache cache, String byteArrayId) {
    if (byteArrayId == null) {
      return false;
    }
    CachedDbEntity bytes = cache.getCachedEntity(ByteArrayEntity.class, byteArrayId);
    if (bytes == null) {
      return false;
    }
    return switch (bytes.getEntityState()) {
      case TRANSIENT, MERGED -> true;
      case PERSISTENT -> bytes.isDirty();
      default -> false;
    };
  }

  /**
   * The names of the variables the start instructions of the current command will set
   * ({@code startInstructions[].variables} in REST, {@code startBeforeActivity(…).setVariable(…)}
   * in Java); empty when the command is not a start with instructions. The command keeps its
   * builder in a protected field; should a later engine version rename it, starts with
   * instructions are refused rather than let through unchecked.
   */
  static Set<String> startInstructionVariables() {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    if (invocation == null || !(invocation.getCommand() instanceof StartProcessInstanceAtActivitiesCmd command)) {
      return Set.of();
    }
    ProcessInstantiationBuilderImpl builder;
    try {
      Field field = StartProcessInstanceAtActivitiesCmd.class.getDeclaredField("instantiationBuilder");
      field.setAccessible(true);
      builder = (ProcessInstantiationBuilderImpl) field.get(command);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new FormUnavailableException("无法读取启动指令中的变量，启动被拒绝 / the variables of the start instructions "
          + "cannot be read, the start is refused: " + e);
    }
    Set<String> names = new TreeSet<>();
    for (AbstractProcessInstanceModificationCommand instruction : builder.getModificationBuilder().getModificationOperations()) {
      if (instruction instanceof AbstractInstantiationCmd instantiation) {
        if (instantiation.getVariables() != null) {
          names.addAll(instantiation.getVariables().keySet());
        }
        if (instantiation.getVariablesLocal() != null) {
          names.addAll(instantiation.getVariablesLocal().keySet());
        }
      }
    }
    return names;
  }
}
