package cn.gov.enforcement.platform;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A user task that asks a decision again (负责人审批决定 after 退回修改, …) names the fields it asks
 * afresh in {@code <camunda:property name="freshAnswer" value="decisionApproved,…"/>}. When such a
 * task is created, those variables are removed from the instance: Tasklist fills a Camunda Form
 * from the instance's variables, so the last round's 退回修改 would otherwise open preselected
 * (issue 16: no default on a field that records a decision). The history keeps every earlier
 * answer; a gateway that may run while the question is open reads the variable null-safely.
 */
final class FreshAnswerParseListener extends AbstractBpmnParseListener {

  static final String PROPERTY = "freshAnswer";

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    List<String> fields = fields(userTaskElement);
    if (!fields.isEmpty() && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, new RemoveEarlierAnswers(fields));
    }
  }

  private static List<String> fields(Element userTask) {
    Element extensions = userTask.element("extensionElements");
    Element properties = extensions == null ? null : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return List.of();
    }
    return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
        .filter(property -> PROPERTY.equals(property.attribute("name")))
        .flatMap(property -> Arrays.stream(property.attribute("value", "").split(",")))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .toList();
  }

  private record RemoveEarlierAnswers(List<String> fields) implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      fields.forEach(task.getExecution()::removeVariable);
    }
  }
}
