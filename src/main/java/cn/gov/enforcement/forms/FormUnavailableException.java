package cn.gov.enforcement.forms;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The form a task or start event refers to cannot be found or read. Submissions are refused
 * rather than accepted unchecked: Tasklist cannot show such a form either, so it is a deployment
 * error that an administrator fixes.
 */
public class FormUnavailableException extends ProcessEngineException {

  private static final long serialVersionUID = 1L;

  public FormUnavailableException(String message) {
    super(message);
  }
}
