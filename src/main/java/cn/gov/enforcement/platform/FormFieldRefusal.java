package cn.gov.enforcement.platform;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The engine's form-validation exception, for the application's refusals of a submission
 * ({@code forms.FormValidationException}): the REST API (engine-rest and the webapps' API used by
 * Tasklist) answers exactly this engine type with 400 for task complete/submit-form and start
 * submit-form. The type lives in the engine's internal packages, so only this adapter names it.
 */
public abstract class FormFieldRefusal extends FormFieldValidationException {

  private static final long serialVersionUID = 1L;

  protected FormFieldRefusal(Object detail, String message) {
    super(detail, message);
  }
}
