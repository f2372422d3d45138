package cn.gov.enforcement.platform;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The variable that names an instance's business key (the case number of a case and the
 * procedures it calls, the decision number, the request number) is fixed once the key is set: a
 * model declares it as the process property
 * {@code <camunda:property name="businessKeyVariable" value="caseNumber"/>}. Its first value in the
 * instance is free (the filing proposal names the case number, the call passes it on); once the
 * instance has a business key, any later write of another value, and any copy of another value
 * in an inner scope (which a form would show instead), is refused with 400, whoever writes it (variable update over engine-rest, a
 * task form that carries the field, the Java API). Otherwise the number every form, called
 * procedure and record shows could drift from the key by which Cockpit, the case file and the
 * evidence store find the case (issue 16).
 *
 * <p>Checked on the engine's own variable history events, which every variable write produces
 * inside its command (history level {@code full}), so no entry point is left out and a refusal
 * rolls the whole command back.
 */
final class BusinessKeyVariableGuard implements HistoryEventHandler {

  static final String PROPERTY = "businessKeyVariable";

  /** Every name some deployed model declares as its business-key variable. */
  private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

  /**
   * A caller removing such a variable (over REST or the Java API, by an authenticated user; see
   * {@link EngineGuardInterceptor}) is refused like one changing it: the engine's own removal of
   * an ended instance's variables does not pass through here.
   */
  static void checkRemoval(List<String> removed) {
    removed.stream().filter(NAMES::contains).findFirst().ifPresent(name -> {
      throw new GuardBadRequestException("BUSINESS_KEY_FIXED", "字段 " + name + " 是流程的编号，不得删除",
          "field " + name + " is a procedure's number and cannot be removed");
    });
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof HistoricVariableUpdateEventEntity update) || update.getProcessInstanceId() == null
        || update.getProcessDefinitionId() == null || Context.getCommandContext() == null) {
      return;
    }
    ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(update.getProcessDefinitionId());
    Object keyVariable = definition == null ? null : definition.getProperty(PROPERTY);
    if (keyVariable == null || !keyVariable.equals(update.getVariableName())) {
      return;
    }
    boolean registration = update.getRevision() == 0 && update.getTaskId() == null
        && update.getProcessInstanceId().equals(update.getExecutionId());
    if (registration) {
      return; // the instance's first value of it, e.g. the proposal that names the case number
    }
    ExecutionEntity instance = Context.getCommandContext().getExecutionManager().findExecutionById(update.getProcessInstanceId());
    String businessKey = instance == null ? null : instance.getBusinessKey();
    if (businessKey != null && !businessKey.isBlank() && !businessKey.equals(update.getTextValue())) {
      throw new GuardBadRequestException("BUSINESS_KEY_FIXED",
          "字段 " + keyVariable + " 是本流程的编号（" + businessKey + "），登记后不得更改",
          "field " + keyVariable + " is this procedure's number (" + businessKey + ") and cannot change once registered");
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  /** Reads the process property into the deployed definition. */
  static final class ParseListener extends AbstractBpmnParseListener {
    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      Element extensions = processElement.element("extensionElements");
      Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
      if (properties == null) {
        return;
      }
      properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
          .filter(property -> PROPERTY.equals(property.attribute("name")))
          .findFirst()
          .ifPresent(property -> {
            processDefinition.setProperty(PROPERTY, property.attribute("value"));
            NAMES.add(property.attribute("value"));
          });
    }
  }
}
