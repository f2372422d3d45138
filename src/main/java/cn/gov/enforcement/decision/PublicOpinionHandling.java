package cn.gov.enforcement.decision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_HandlePublicOpinions, complete (DEC-06): opinions are classified and counted; when not all
 * were adopted, the reasons are given; the handling is published on completing the task (its day, {@code handlingPublishedOn}, is the
 * server's, PER-06).
 */
@Component("publicOpinionHandling")
public class PublicOpinionHandling implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    long received = Checks.number(task, "opinionsReceived");
    long adopted = Checks.number(task, "opinionsAdopted");
    Checks.require("DEC-06", "opinionsAdopted", received >= 0 && adopted >= 0 && adopted <= received, "采纳意见数不得多于收到的意见数",
        "opinionsAdopted must be between 0 and opinionsReceived");
    if (adopted < received) {
      Checks.require("DEC-06", "notAdoptedReasons", !Checks.blank(task.getVariable("notAdoptedReasons")), "未采纳的意见须逐条说明理由",
          "opinions not adopted need notAdoptedReasons");
    }
  }
}
