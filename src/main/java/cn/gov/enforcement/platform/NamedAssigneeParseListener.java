package cn.gov.enforcement.platform;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Gives every user task with {@code camunda:assignee} the {@link NamedAssigneeOnly} guard. */
final class NamedAssigneeParseListener extends AbstractBpmnParseListener {

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      TaskDefinition definition = behavior.getTaskDefinition();
      if (definition.getAssigneeExpression() != null) {
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, NamedAssigneeOnly.INSTANCE);
      }
    }
  }
}
