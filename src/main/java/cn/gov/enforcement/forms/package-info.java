/**
 * Server-side validation of every Camunda Form submission (contract.md, "Validation").
 *
 * <h2>Where it hooks in</h2>
 * {@link cn.gov.enforcement.forms.FormValidationPlugin} (a process engine plugin) adds a BPMN parse
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
 * The values the task (or new instance) holds once the submission is applied: submitted values
 * over existing ones. The form is read from the deployment as the engine resolves it (bindings
 * {@code deployment}, {@code latest}, {@code version}) and parsed once per form definition id.
 * Field checks: {@link cn.gov.enforcement.forms.FormValidator}; then the cross-field
 * {@link cn.gov.enforcement.forms.FormRule}s registered for the form id.
 *
 * <h2>Errors</h2>
 * {@link cn.gov.enforcement.forms.FormValidationException}, the engine's own form-validation
 * exception type: engine-rest answers 400 with {@code {"type", "error": "FORM_INVALID", "message",
 * "field", "violations"}} ({@link cn.gov.enforcement.forms.FormRefusalRestConfiguration}); the
 * Tasklist API answers 400 in Camunda's shape with the same message.
 *
 * <h2>Not checked</h2>
 * Conditions and limits in FEEL beyond {@link cn.gov.enforcement.forms.Feel}'s subset (such fields
 * are not required, present values are still checked); options from a {@code valuesExpression}
 * that is not a plain variable, or from a {@code valuesKey} variable that does not exist;
 * {@code disallowPassedDates}; forms referenced by {@code camunda:formKey} instead of
 * {@code camunda:formRef}; variables that are not fields of the form; starts by a call activity
 * (the calling model maps the data) or at message/signal/timer/conditional start events; an
 * asynchronous start event is checked only when its job runs; a delegated task resolved with
 * variables (checked when the owner completes it).
 */
package cn.gov.enforcement.forms;
