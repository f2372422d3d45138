/**
 * Server-side validation of every Camunda Form submission (contract.md, "Validation").
 *
 * <h2>Where it hooks in</h2>
 * {@link cn.gov.enforcement.platform.FormValidationPlugin} (a process engine plugin) adds a BPMN parse
 * listener that gives every user task with {@code camunda:formRef} a built-in {@code complete}
 * task listener, and every process whose start event has {@code camunda:formRef} a built-in
 * process {@code start} listener. Both run inside the submitting command after the submitted
 * variables are set and before anything is flushed, so a refusal rolls back the command: the task
 * stays open and no variable (nor history entry) is written. Because the check is in the engine it
 * covers engine-rest ({@code complete}, {@code submit-form}, {@code start},
 * {@code submit-form} of a process definition, start instructions), the webapps' API that Tasklist
 * uses, and the Java API. An outermost command interceptor unwraps the refusal from the engine's
 * "exception while invoking TaskListener" wrapper.
 *
 * <h2>What is checked</h2>
 * First the names: a submission sets only fields of its form. A variable that the submitting
 * command creates or changes (transient ones included) and that is not a field key of the form
 * ({@link cn.gov.enforcement.forms.FormSchema#variables()}: top-level keys, group and dynamic-list
 * paths) is refused, whichever entry point carried it, so nobody steers a later gateway through an
 * unrelated task (AUX-01). {@link cn.gov.enforcement.platform.SubmittedVariables} explains why this is
 * done inside the engine rather than in a servlet filter. A delegated task that is resolved is
 * checked for names only (built-in {@code update} listener).
 *
 * <p>Then the values the task (or new instance) holds once the submission is applied: submitted values
 * over existing ones. The form is read from the deployment as the engine resolves it (bindings
 * {@code deployment}, {@code latest}, {@code version}) and parsed once per form definition id.
 * Field checks: {@link cn.gov.enforcement.forms.FormValidator} (a field with the custom property
 * {@code rule} names that requirement in its refusals); then the cross-field
 * {@link cn.gov.enforcement.forms.FormRule}s registered for the form id.
 *
 * <h2>Errors</h2>
 * {@link cn.gov.enforcement.forms.FormValidationException}, the engine's own form-validation
 * exception type: engine-rest answers 400 with {@code {"type", "error": "FORM_INVALID", "message",
 * "field", "violations"}} ({@link cn.gov.enforcement.forms.FormRefusalRestConfiguration}); for a
 * variable that is not a field, {@code field} is its name, the reason {@code NOT_A_FIELD} and the
 * message "字段 X 不是本表单的字段 / X is not a field of this form". The Tasklist API answers 400 in
 * Camunda's shape with the same message (its {@code /process-definition/…/start}, which Tasklist
 * does not use, answers 500 for every engine refusal).
 *
 * <h2>Not checked</h2>
 * Conditions and limits that FEEL (feel-scala, {@link cn.gov.enforcement.forms.FeelExpressions})
 * cannot decide on the values, e.g. a number compared with a string (such fields are not required,
 * present values are still checked); options from a {@code valuesExpression} that does not give a
 * list, or from a {@code valuesKey} variable that does not exist;
 * {@code disallowPassedDates}; forms referenced by {@code camunda:formKey} instead of
 * {@code camunda:formRef}; starts by a call activity (the calling model maps the data) or at
 * message/signal/timer/conditional start events; an asynchronous start event is checked only when
 * its job runs; the values of a delegated task resolved with variables (checked when the owner
 * completes it; their names are checked) and the values of start-instruction variables (their
 * names are checked); variables written outside a submission ({@code /task/{id}/variables},
 * {@code /process-instance/{id}/variables}, modification), which authorizations govern.
 */
package cn.gov.enforcement.forms;
