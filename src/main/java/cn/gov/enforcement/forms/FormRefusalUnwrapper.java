package cn.gov.enforcement.forms;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The engine wraps whatever a task listener throws into a plain ProcessEngineException
 * ("Exception while invoking TaskListener"), which the REST API answers with 500. This outermost
 * command interceptor hands the caller the refusal itself instead, so that REST answers 400 and
 * Java callers can catch {@link FormValidationException}. The command has been rolled back by then.
 */
final class FormRefusalUnwrapper extends CommandInterceptor {

  private static final int MAX_DEPTH = 16;

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      ProcessEngineException refusal = refusal(e);
      throw refusal != null ? refusal : e;
    }
  }

  static ProcessEngineException refusal(Throwable throwable) {
    Throwable current = throwable;
    for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
      if (current instanceof FormValidationException || current instanceof FormUnavailableException) {
        return (ProcessEngineException) current;
      }
      current = current.getCause();
    }
    return null;
  }
}
