package cn.gov.enforcement.decision;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_Deliberate, complete (DEC-10, DEC-12, DEC-13, DEC-15): the minutes hold every speech in
 * the prescribed order and the dissent; a decision against the majority carries the director's
 * reason. The meeting day ({@code deliberationDate}, the server's date of this step, PER-06) is the
 * decision day from which the 20-day publication period and the 3-month deferral run.
 */
@Component("deliberationRecord")
public class DeliberationRecord implements TaskListener {

  static final Set<String> OUTCOMES = Set.of("APPROVE", "REJECT", "MODIFY", "DEFER", "REDELIBERATE");
  /** DEC-10: lead unit, legal unit, members, deputy director, director last. */
  static final String[] SPEAKING_ORDER = {"speechLeadUnit", "speechLegalUnit", "speechMembers", "speechDeputy",
      "speechDirector"};

  @Override
  public void notify(DelegateTask task) {
    String outcome = Checks.text(task, "deliberationOutcome");
    String majority = Checks.text(task, "majorityView");
    Checks.require("DEC-12", "deliberationOutcome", OUTCOMES.contains(outcome), "局长决定无效", "deliberationOutcome must be one of " + OUTCOMES);
    Checks.require("DEC-12", "majorityView", OUTCOMES.contains(majority), "多数意见无效", "majorityView must be one of " + OUTCOMES);
    for (String speech : SPEAKING_ORDER) {
      Checks.require("DEC-10", speech, !Checks.blank(task.getVariable(speech)), "须按顺序记录发言（缺少 " + speech + "）",
          "every speech is recorded in order (" + speech + " missing)");
    }
    Checks.require("DEC-12", "dissent", !Checks.blank(MajorDecisionModel.DISSENT.get(task)), "须记录不同意见（无则填写“无”）",
        "dissent is recorded (\"无\" if none)");
    if (!outcome.equals(majority)) {
      Checks.require("DEC-12", "directorReason", !Checks.blank(MajorDecisionModel.DIRECTOR_REASON.get(task)), "局长决定与多数意见不一致的，须说明理由",
          "a decision against the majority view needs directorReason");
    }
    if ("APPROVE".equals(outcome)) {
      Checks.require("DEC-14", "higherApprovalRequired", MajorDecisionModel.HIGHER_APPROVAL_REQUIRED.get(task) instanceof Boolean, "须确定是否报上级批准",
          "higherApprovalRequired (true/false) is required");
      MajorDecisionModel.DECISION_DATE.set(task, MajorDecisionModel.DELIBERATION_DATE.get(task));
    }
    MajorDecisionModel.RESUMED.set(task, false);
  }
}
