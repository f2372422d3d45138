package cn.gov.enforcement.platform;

import cn.gov.enforcement.forms.FormRefusalUnwrapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The outermost command interceptor of the form validation ({@link FormValidationPlugin}): the
 * engine wraps whatever a task listener throws into a plain ProcessEngineException, which the REST
 * API answers with 500; this hands the caller the refusal itself instead
 * ({@link FormRefusalUnwrapper#refusal}), so that REST answers 400 and Java callers can catch it.
 */
final class FormRefusalInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      ProcessEngineException refusal = FormRefusalUnwrapper.refusal(e);
      throw refusal != null ? refusal : e;
    }
  }
}
