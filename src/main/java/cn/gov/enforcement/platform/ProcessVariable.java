package cn.gov.enforcement.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable, declared once per process with its name and Java type (architecture.md
 * "Engine conventions"): the per-process model classes ({@code casework.EnforcementCaseModel} …)
 * hold these, delegates, listeners, services and tests read and write through them, and
 * {@code ProcessModelDeclarationsTest} checks each against the form fields of its BPMN, so a renamed
 * form field fails the build instead of a case at run time.
 *
 * <p>The type is what the engine hands back for the variable (a form's text, radio or date field
 * is a {@code String}, a checkbox a {@code Boolean}, a number field a {@code Number}); variables a
 * form submits as lists or JSON, or that a listener rewrites into another shape, are {@code Object}.
 * Reads are unchecked like the engine's own {@code getVariable}: the declaration is checked against
 * the models by the test, not on every read.
 *
 * <p>A leaf of platform (no application class, no engine internals), so every package may use it.
 */
public final class ProcessVariable<T> {

  /**
   * Marks a declared variable that neither the BPMN nor its forms name: the application's code
   * writes it (a server-stamped date, a doer, an id) or a caller passes it in. Every other
   * declaration must be found in the model, so a renamed form field fails the declarations test.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  public @interface OutsideModel {}

  private final String name;
  private final Class<T> type;

  private ProcessVariable(String name, Class<T> type) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
  }

  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type);
  }

  public static ProcessVariable<String> string(String name) {
    return of(name, String.class);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return of(name, Boolean.class);
  }

  public static ProcessVariable<Number> number(String name) {
    return of(name, Number.class);
  }

  /** A variable whose value has no single Java type (a list or JSON from a form, or one a listener rewrites). */
  public static ProcessVariable<Object> any(String name) {
    return of(name, Object.class);
  }

  /** The variable's name in the engine (for queries, variable maps and REST). */
  public String name() {
    return name;
  }

  /** The Java type the engine hands back for it. */
  public Class<T> type() {
    return type;
  }

  @SuppressWarnings("unchecked")
  public T get(VariableScope scope) {
    return (T) scope.getVariable(name);
  }

  @SuppressWarnings("unchecked")
  public T getLocal(VariableScope scope) {
    return (T) scope.getVariableLocal(name);
  }

  @SuppressWarnings("unchecked")
  public T get(RuntimeService runtime, String executionId) {
    return (T) runtime.getVariable(executionId, name);
  }

  @SuppressWarnings("unchecked")
  public T get(TaskService tasks, String taskId) {
    return (T) tasks.getVariable(taskId, name);
  }

  /** The value in a map of variables (e.g. a submission, or the variables of a process instance). */
  @SuppressWarnings("unchecked")
  public T get(Map<String, ?> variables) {
    return (T) variables.get(name);
  }

  public boolean isSet(VariableScope scope) {
    return scope.hasVariable(name);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  public void set(RuntimeService runtime, String executionId, T value) {
    runtime.setVariable(executionId, name, value);
  }

  public void set(TaskService tasks, String taskId, T value) {
    tasks.setVariable(taskId, name, value);
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  /** Puts the value into a map of variables (to start a process, correlate a message or complete a task). */
  public <M extends Map<String, Object>> M put(M variables, T value) {
    variables.put(name, value);
    return variables;
  }

  @Override
  public String toString() {
    return name + ": " + type.getSimpleName();
  }
}
