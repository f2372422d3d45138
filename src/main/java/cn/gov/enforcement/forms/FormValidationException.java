package cn.gov.enforcement.forms;

import cn.gov.enforcement.platform.FormFieldRefusal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A submission refused by the server-side form validation; nothing of it is stored. It is the
 * engine's own form-validation exception, so the REST API (engine-rest and the webapps' API used
 * by Tasklist) answers 400 for task complete/submit-form and start submit-form; for
 * {@code /process-definition/…/start} the JAX-RS mapper of this package turns it into 400 too.
 * It never has a cause, so the engine never turns it into a BPMN error.
 */
public class FormValidationException extends FormFieldRefusal {

  private static final long serialVersionUID = 1L;

  /** The error code in the JSON body. */
  public static final String ERROR_CODE = "FORM_INVALID";

  private final String formId;
  private final List<FormViolation> violations;

  public FormValidationException(String formId, List<FormViolation> violations) {
    super(List.copyOf(violations), message(violations));
    this.formId = formId;
    this.violations = List.copyOf(violations);
  }

  /**
   * A refusal of one rule outside a form's own checks (who completes a step, data a service task
   * receives from any channel), in the same shape as a {@link FormRule}'s.
   */
  public static FormValidationException rule(String ruleId, String field, String chinese, String english) {
    return new FormValidationException(null, List.of(FormViolation.rule(ruleId, field, chinese, english)));
  }

  public String formId() {
    return formId;
  }

  public List<FormViolation> violations() {
    return violations;
  }

  /** The first field named, for clients that show one. */
  public String field() {
    return violations.isEmpty() ? null : violations.get(0).field();
  }

  static String message(List<FormViolation> violations) {
    return violations.stream().map(FormViolation::chinese).collect(Collectors.joining("；"))
        + " / " + violations.stream().map(FormViolation::english).collect(Collectors.joining("; "));
  }
}
