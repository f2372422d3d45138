package cn.gov.enforcement.decision;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_PlanHearing and Task_RescheduleHearing, complete (DEC-08, DEC-09): at least 20
 * participants with every required group represented, and a hearing date for which the notice
 * (15 days before) can still be published: a hearing is never planned on short notice.
 */
@Component("hearingPlanCheck")
public class HearingPlanCheck implements TaskListener {

  static final int MINIMUM_PARTICIPANTS = 20;
  static final String[] GROUPS = {"citizensCount", "npcDeputiesCount", "cppccMembersCount", "expertsCount"};

  private final HearingDeadlines deadlines;

  public HearingPlanCheck(HearingDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    if (MajorDecisionModel.TASK_PLAN_HEARING.equals(task.getTaskDefinitionKey())) {
      long total = 0;
      for (String group : GROUPS) {
        long count = Checks.number(task, group);
        Checks.require("DEC-08", group, count >= 1, "公民和组织代表、人大代表、政协委员、专家均须有代表（" + group + "）",
            "every participant group must be represented (" + group + ")");
        total += count;
      }
      Checks.require("DEC-08", "citizensCount", total >= MINIMUM_PARTICIPANTS, "听证参加人不得少于 20 人", "a hearing needs at least 20 participants");
      MajorDecisionModel.HEARING_PARTICIPANTS.set(task, total);
    }
    Object hearingDate = MajorDecisionModel.HEARING_DATE.get(task);
    Checks.require("DEC-09", "hearingDate", !Checks.blank(hearingDate), "须确定听证会日期", "hearingDate is required");
    Checks.require("DEC-09", "hearingDate", deadlines.met(hearingDate, 15), "听证日期过近：须能在听证会 15 日前发布公告、10 日前送达材料",
        "the hearing date leaves no time for the notice 15 days and the materials 10 days before it");
  }
}
