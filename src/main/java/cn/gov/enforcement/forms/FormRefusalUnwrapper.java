package cn.gov.enforcement.forms;

import cn.gov.enforcement.calendar.PeriodArgumentException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The engine wraps whatever a task listener throws into a plain ProcessEngineException
 * ("Exception while invoking TaskListener"), which the REST API answers with 500. The outermost
 * command interceptor ({@code platform.FormRefusalInterceptor}) hands the caller the refusal found
 * here instead, so that REST answers 400 and Java callers can catch {@link FormValidationException}.
 * The command has been rolled back by then.
 * A {@link PeriodArgumentException} (a deadline that cannot be computed from the submitted values)
 * is answered the same way, as a violation of PER-02 on the pseudo-field {@code period}.
 */
public final class FormRefusalUnwrapper {

  private static final int MAX_DEPTH = 16;

  private FormRefusalUnwrapper() {}

  /** The refusal inside {@code throwable} (a cause of a cause …), null when there is none. */
  public static ProcessEngineException refusal(Throwable throwable) {
    Throwable current = throwable;
    for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
      if (current instanceof FormValidationException || current instanceof FormUnavailableException) {
        return (ProcessEngineException) current;
      }
      // a deadline of the next step cannot be computed from what was submitted (PER-02): a refusal of the form
      if (current instanceof PeriodArgumentException period) {
        return new FormValidationException(null, List.of(FormViolation.rule("PER-02", "period", period.chinese(),
            period.english())));
      }
      current = current.getCause();
    }
    return null;
  }
}
