package cn.gov.enforcement.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * Nobody approves a request they made (issue 11 item 7, ACC-03/ACC-04): on an approval task
 * ({@code assignment} and {@code complete}), the person claiming or completing it (the
 * authenticated user, else the assignee) must not be the process's initiator, the variable named
 * by {@code camunda:initiator}, which the server stamps ({@link ServerStampedVariables}). A
 * section head or the director requesting access therefore has it approved by another member of
 * the group; the task stays offered to the group, and the requester can neither claim nor
 * complete it.
 *
 * <p>Issue 14 item 7: where the request is not the start of the process (the filing proposal of
 * a case, the disposal recommendation), the task's extension property {@code requestedBy} names
 * the server-stamped variable holding the person who made it.
 */
@Component("noSelfApproval")
public class NoSelfApproval implements TaskListener {

  private final IdentityService identityService;

  public NoSelfApproval(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    String requester = requester(task);
    if (requester == null) {
      return;
    }
    String doer = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : doer(task);
    if (requester.equals(doer)) {
      throw new GuardForbiddenException("SELF_APPROVAL", "申请人不得审批自己的申请，须由本组其他人员审批",
          "nobody approves their own request; another member of the group must approve it");
    }
  }

  private String doer(DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }

  private static String requester(DelegateTask task) {
    if (!(task.getExecution() instanceof ExecutionEntity execution) || execution.getProcessDefinition() == null) {
      return null;
    }
    Object variable = requestedByProperty(task);
    if (variable == null) {
      variable = execution.getProcessDefinition().getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME);
    }
    Object value = variable == null ? null : task.getVariable(variable.toString());
    return value == null ? null : value.toString();
  }

  /**
   * The model may say who made the request when it is not the process's initiator (a filing
   * proposed by an officer of a case an auxiliary took in, a disposal recommended by the records
   * office): the extension property {@value #REQUESTED_BY} names a server-stamped variable.
   */
  private static String requestedByProperty(DelegateTask task) {
    UserTask element = task.getBpmnModelElementInstance();
    if (element == null || element.getExtensionElements() == null) {
      return null;
    }
    return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> REQUESTED_BY.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst().orElse(null);
  }

  /** The extension property naming the variable that holds the requester. */
  public static final String REQUESTED_BY = "requestedBy";
}
