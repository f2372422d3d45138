package cn.gov.enforcement.platform;

import cn.gov.enforcement.forms.FormRefusalUnwrapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Counts the submissions the engine refuses with 400 ({@link OperationCounters}): a form refusal
 * (FORM_INVALID, FORM_UNAVAILABLE) or a refusal of the engine guards. Placed directly in front of
 * the {@link EngineGuardInterceptor}, so it sees the guards' own checks too; counts a refusal once,
 * when it leaves the outermost command (a nested command's refusal passes through here again).
 */
final class RefusalCountingInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      if (Context.getCommandContext() == null) {
        if (FormRefusalUnwrapper.refusal(e) != null) {
          OperationCounters.formRefused();
        } else if (EngineGuardRefusal.find(e) instanceof EngineGuardRefusal refusal && refusal.status() == 400) {
          OperationCounters.guardRefused();
        }
      }
      throw e;
    }
  }
}
