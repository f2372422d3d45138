package cn.gov.enforcement.forms;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks what a task or a new process instance holds once a submission is applied against the
 * deployed form and its rules, and refuses it with {@link FormValidationException}. Called by the
 * engine listeners of {@link FormSubmissionParseListener} inside the submitting command, so a
 * refusal rolls back the whole command: the task stays open, no variable is written.
 */
final class FormSubmissionGuard {

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
   * @param subject   for the log: "task …" or "start of …"
   */
  void check(DeployedForms.Reference reference, VariableScope scope, String subject) {
    FormSchema schema = forms.schema(reference);
    List<FormRule> formRules = rules.forForm(schema.id());
    if (!schema.constrained() && formRules.isEmpty()) {
      return;
    }
    FormValues values = new FormValues(EngineValues.plain(scope.getVariablesTyped(false)));
    List<FormViolation> violations = FormValidator.validate(schema, values, formRules);
    if (!violations.isEmpty()) {
      FormValidationException refusal = new FormValidationException(schema.id(), violations);
      // fields and reasons only: the values may be personal data
      LOG.info("refused submission of form {} for {}: {}", schema.id(), subject,
          violations.stream().map(v -> v.field() + " " + v.reason()).toList());
      throw refusal;
    }
  }
}
