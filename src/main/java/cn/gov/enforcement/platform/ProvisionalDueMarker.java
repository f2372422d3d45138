package cn.gov.enforcement.platform;

import cn.gov.enforcement.calendar.WorkingDayCalendar;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * PER-05 / contract.md "Deadlines": every user task whose model gives a due date gets a built-in
 * {@code create} listener that sets the task-local variable {@code dueProvisional = true} when
 * that due date depends on the provisional calendar, so Tasklist and the filters can show 暂定.
 * Added to every deployed process by a parse listener, so no model has to remember it.
 */
@Component
public class ProvisionalDueMarker extends AbstractProcessEnginePlugin {

  private final WorkingDayCalendar calendar;

  public ProvisionalDueMarker(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener mark = this::mark;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior
            && behavior.getTaskDefinition().getDueDateExpression() != null) {
          behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, mark);
        }
      }
    });
  }

  void mark(DelegateTask task) {
    ProvisionalDue due = ProvisionalDue.of((TaskEntity) task, calendar);
    if (due != null && due.provisional()) {
      ProvisionalDue.mark(task, true);
    }
  }

  @Override
  public String toString() {
    return "ProvisionalDueMarker";
  }
}
