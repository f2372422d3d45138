package cn.gov.enforcement.platform;

import static org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler.FORM_REF_BINDING_VERSION;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.DelegationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the form check into every deployed process:
 * <ul>
 *   <li>a user task with {@code camunda:formRef} gets a built-in {@code complete} task listener
 *       (and the same as {@code update} listener, which checks the names when the task is resolved),
 *       which runs before any listener of the model. Complete and submit-form set the variables
 *       first and then complete the task in the same command, so the listener sees the submitted
 *       values and a refusal rolls all of it back;</li>
 *   <li>a process whose start event has {@code camunda:formRef} gets a built-in process
 *       {@code start} listener (first of all), which runs after the start variables are set and
 *       before the first activity.</li>
 * </ul>
 */
final class FormSubmissionParseListener extends AbstractBpmnParseListener {

  private static final Logger LOG = LoggerFactory.getLogger(FormSubmissionParseListener.class);

  private final FormSubmissionGuard guard;

  FormSubmissionParseListener(FormSubmissionGuard guard) {
    this.guard = guard;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      TaskDefinition taskDefinition = behavior.getTaskDefinition();
      if (taskDefinition.getCamundaFormDefinitionKey() != null) {
        TaskFormCheck check = new TaskFormCheck(taskDefinition.getFormDefinition(), guard);
        taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, check);
        // resolve (and submit-form of a delegated task) ends with an update event, not complete
        taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, check);
      }
    }
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    FormDefinition startForm = processDefinition.getStartFormDefinition();
    ActivityImpl initial = processDefinition.getInitial();
    if (startForm == null || startForm.getCamundaFormDefinitionKey() == null || initial == null) {
      return;
    }
    if (initial.isAsyncBefore()) {
      LOG.warn("process {}: the start event {} is asyncBefore, so its start form {} is checked only when the job "
          + "runs, after the instance is stored; make the start event synchronous", processDefinition.getKey(),
          initial.getId(), startForm.getCamundaFormDefinitionKey().getExpressionText());
    }
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
        new StartFormCheck(startForm, initial.getId(), guard), 0);
  }

  /**
   * Checks a task's form when the task completes; when a delegated task is resolved, only that
   * the submission sets nothing but fields of the form (its values are checked when the owner
   * completes it).
   */
  static final class TaskFormCheck implements TaskListener {
    private final FormDefinition form;
    private final FormSubmissionGuard guard;

    TaskFormCheck(FormDefinition form, FormSubmissionGuard guard) {
      this.form = form;
      this.guard = guard;
    }

    @Override
    public void notify(DelegateTask task) {
      TaskEntity entity = (TaskEntity) task;
      if (entity.getProcessDefinitionId() == null) {
        return;
      }
      boolean completing = TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName());
      if (!completing && entity.getDelegationState() != DelegationState.RESOLVED) {
        return; // an update that is not a resolve (claim, assignee, priority …) submits nothing
      }
      Object key = form.getCamundaFormDefinitionKey().getValue(task);
      if (key == null) {
        return;
      }
      Integer version = null;
      if (FORM_REF_BINDING_VERSION.equals(form.getCamundaFormDefinitionBinding())
          && form.getCamundaFormDefinitionVersion() != null) {
        version = Integer.valueOf(String.valueOf(form.getCamundaFormDefinitionVersion().getValue(task)));
      }
      DeployedForms.Reference reference = new DeployedForms.Reference(key.toString(),
          form.getCamundaFormDefinitionBinding(), version, entity.getProcessDefinition().getDeploymentId());
      String subject = "task " + task.getId() + " (" + task.getTaskDefinitionKey() + ")";
      Supplier<Set<String>> submitted = () -> SubmittedVariables.names(entity.getProcessInstanceId(), scopes(entity));
      if (completing) {
        guard.check(reference, task, submitted, subject);
      } else {
        guard.checkNames(reference, submitted, subject + " resolved");
      }
    }

    /** The task and the executions from its own up to the process instance. */
    private static List<AbstractVariableScope> scopes(TaskEntity task) {
      List<AbstractVariableScope> scopes = new ArrayList<>();
      scopes.add(task);
      for (ExecutionEntity execution = task.getExecution(); execution != null; execution = execution.getParent()) {
        scopes.add(execution);
      }
      return scopes;
    }
  }

  /** Checks the start form when a process instance starts at its start event. */
  static final class StartFormCheck implements ExecutionListener {
    private final FormDefinition form;
    private final String initialActivityId;
    private final FormSubmissionGuard guard;

    StartFormCheck(FormDefinition form, String initialActivityId, FormSubmissionGuard guard) {
      this.form = form;
      this.initialActivityId = initialActivityId;
      this.guard = guard;
    }

    @Override
    public void notify(DelegateExecution execution) {
      ExecutionEntity instance = (ExecutionEntity) execution;
      if (!applies(instance)) {
        return;
      }
      Expression key = form.getCamundaFormDefinitionKey();
      Integer version = null;
      if (FORM_REF_BINDING_VERSION.equals(form.getCamundaFormDefinitionBinding())
          && form.getCamundaFormDefinitionVersion() != null) {
        version = Integer.valueOf(form.getCamundaFormDefinitionVersion().getExpressionText());
      }
      // the engine does not evaluate a start form's key (DefaultStartFormHandler): neither do we
      DeployedForms.Reference reference = new DeployedForms.Reference(key.getExpressionText(),
          form.getCamundaFormDefinitionBinding(), version, instance.getProcessDefinition().getDeploymentId());
      Supplier<Set<String>> submitted = () -> {
        Set<String> names = new java.util.TreeSet<>(SubmittedVariables.names(instance.getProcessInstanceId(), List.of(instance)));
        names.addAll(SubmittedVariables.startInstructionVariables());
        // camunda:initiator: the engine, not the submitter, sets this variable to the starting user
        Object initiator = instance.getProcessDefinition()
            .getProperty(org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME);
        if (initiator != null) {
          names.remove(initiator.toString());
        }
        return names;
      };
      guard.check(reference, execution, submitted, "start of " + instance.getProcessDefinition().getKey());
    }

    /**
     * Not for an instance started by a call activity (the calling model maps its data in), nor
     * for one started at another start event (message, signal, timer, conditional: they carry
     * their own data). Starting with instructions at an inner activity is checked: otherwise it
     * would bypass the start form.
     */
    private boolean applies(ExecutionEntity instance) {
      if (instance.getSuperExecutionId() != null || instance.getSuperCaseExecutionId() != null) {
        return false;
      }
      ActivityImpl activity = instance.getActivity();
      if (activity == null || activity.getId().equals(initialActivityId)) {
        return true;
      }
      Object type = activity.getProperty("type");
      return !(type instanceof String name && name.toLowerCase(java.util.Locale.ROOT).contains("start"));
    }
  }
}
