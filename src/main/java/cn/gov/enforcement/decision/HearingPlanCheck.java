package cn.gov.enforcement.decision;

import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_PlanHearing, complete (DEC-08): the number of participants ({@code hearingParticipants}),
 * from the plan {@link HearingPlanRule} accepted.
 */
@Component("hearingPlanCheck")
public class HearingPlanCheck implements TaskListener {

  static final int MINIMUM_PARTICIPANTS = 20;
  static final String[] GROUPS = {"citizensCount", "npcDeputiesCount", "cppccMembersCount", "expertsCount"};

  /** The participants of all groups; a group not given (yet) counts 0. */
  static long participants(Function<String, Object> values) {
    long total = 0;
    for (String group : GROUPS) {
      if (values.apply(group) instanceof Number count) {
        total += count.longValue();
      }
    }
    return total;
  }

  @Override
  public void notify(DelegateTask task) {
    MajorDecisionModel.HEARING_PARTICIPANTS.set(task, participants(task::getVariable));
  }
}
