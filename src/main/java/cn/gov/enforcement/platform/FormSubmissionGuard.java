package cn.gov.enforcement.platform;

import cn.gov.enforcement.forms.EngineValues;
import cn.gov.enforcement.forms.FormRule;
import cn.gov.enforcement.forms.FormRules;
import cn.gov.enforcement.forms.FormSchema;
import cn.gov.enforcement.forms.FormValidationException;
import cn.gov.enforcement.forms.FormValidator;
import cn.gov.enforcement.forms.FormValues;
import cn.gov.enforcement.forms.FormViolation;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a submission against the deployed form: first that it sets no variable that is not a
 * field of the form (so no client injects a variable a later gateway reads, AUX-01), then what the
 * task or the new process instance holds once the submission is applied against the form's
 * fields and rules. Refuses with {@link FormValidationException}. Called by the
 * engine listeners of {@link FormSubmissionParseListener} inside the submitting command, so a
 * refusal rolls back the whole command: the task stays open, no variable is written.
 */
public final class FormSubmissionGuard {

  private static final Logger LOG = LoggerFactory.getLogger(FormSubmissionGuard.class);

  private final DeployedForms forms;
  private final FormRules rules;

  FormSubmissionGuard(DeployedForms forms, FormRules rules) {
    this.forms = forms;
    this.rules = rules;
  }

  /**
   * @param reference which form
   * @param scope     the task or the process instance, with the submitted variables set
   * @param submitted the names of the variables the submission set ({@link SubmittedVariables})
   * @param subject   for the log: "task …" or "start of …"
   */
  void check(DeployedForms.Reference reference, VariableScope scope, Supplier<Set<String>> submitted, String subject) {
    FormSchema schema = checkNames(reference, submitted, subject);
    List<FormRule> formRules = rules.forForm(schema.id());
    if (!schema.constrained() && formRules.isEmpty()) {
      return;
    }
    FormValues values = new FormValues(EngineValues.plain(scope.getVariablesTyped(false)));
    List<FormViolation> violations = FormValidator.validate(schema, values, formRules);
    refuseIfAny(schema, violations, subject);
  }

  /**
   * Only the names: that the submission sets no variable that is not a field of the form. For a
   * delegated task that is resolved, whose values are checked when its owner completes it.
   *
   * @return the form
   */
  FormSchema checkNames(DeployedForms.Reference reference, Supplier<Set<String>> submitted, String subject) {
    FormSchema schema = forms.schema(reference);
    List<FormViolation> strangers = submitted.get().stream()
        .filter(name -> !schema.isField(name))
        .map(FormSubmissionGuard::notAField)
        .toList();
    refuseIfAny(schema, strangers, subject);
    return schema;
  }

  static FormViolation notAField(String name) {
    return new FormViolation(name, NOT_A_FIELD, "字段 " + name + " 不是本表单的字段", name + " is not a field of this form");
  }

  /** The reason of a submitted variable that is not a field of the form. */
  public static final String NOT_A_FIELD = "NOT_A_FIELD";

  private static void refuseIfAny(FormSchema schema, List<FormViolation> violations, String subject) {
    if (!violations.isEmpty()) {
      FormValidationException refusal = new FormValidationException(schema.id(), violations);
      // fields and reasons only: the values may be personal data
      LOG.info("refused submission of form {} for {}: {}", schema.id(), subject,
          violations.stream().map(v -> v.field() + " " + v.reason()).toList());
      throw refusal;
    }
  }
}
