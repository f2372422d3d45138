package cn.gov.enforcement.forms;

import java.util.List;

/**
 * A cross-field rule of a procedure, checked on the server with every submission of one form,
 * after the form's own field checks have passed. A procedure registers a rule by declaring a
 * Spring bean; the rule reads the values, never changes anything, and answers the violations
 * (empty when the submission is fine). Rules may depend on engine services: they are looked up
 * at the first submission, not when the engine is built. This is the one mechanism for
 * cross-field rules of a submission (docs/cross-field-rules.md): what the form can say itself
 * ({@code validate.required}, {@code conditional.hide}) it says, and names the requirement with the
 * custom property {@code rule}; task listeners only record what an accepted submission means.
 *
 * <pre>{@code
 * @Component
 * class ExpertCountRule implements FormRule {
 *   public String formId() { return "Form_ExpertArgument"; }
 *   public String ruleId() { return "DEC-04"; }
 *   public List<FormViolation> check(FormValues values) { … }
 * }
 * }</pre>
 */
public interface FormRule {

  /** The form this rule belongs to: the {@code id} of the form file, i.e. the {@code camunda:formRef} key. */
  String formId();

  /** The requirement the rule carries (e.g. {@code DEC-05}), named in its messages and tests. */
  String ruleId();

  /** The violations of this rule by the values, empty when there are none. */
  List<FormViolation> check(FormValues values);
}
