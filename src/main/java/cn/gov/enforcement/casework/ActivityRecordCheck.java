package cn.gov.enforcement.casework;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 记录调查取证活动, on complete: the record of one investigative activity is complete.
 * <ul>
 *   <li>REC-07: two distinct certified officers took part ({@code activityOfficers});</li>
 *   <li>REC-04: when {@code recording-requirement} said {@code notifyParty}, the record states that
 *       the party was told (本次执法全程录音录像);</li>
 *   <li>REC-03: an exempted activity carries the written work record: reason and basis;</li>
 *   <li>REC-11: the textual record itself and the activity's day and end time, from which the
 *       upload deadline (REC-08) and the evidence-preservation period (CASE-02) run.</li>
 * </ul>
 * The decision outputs are read, not re-decided: the rule stays in the DMN.
 */
@Component("activityRecordCheck")
public class ActivityRecordCheck implements TaskListener {

  private final TwoCertifiedOfficers twoCertifiedOfficers;

  public ActivityRecordCheck(TwoCertifiedOfficers twoCertifiedOfficers) {
    this.twoCertifiedOfficers = twoCertifiedOfficers;
  }

  @Override
  public void notify(DelegateTask task) {
    EnforcementCaseModel.ACTIVITY_OFFICERS.set(task.getExecution(),
        UserIds.csv(twoCertifiedOfficers.require(EnforcementCaseModel.ACTIVITY_OFFICERS.get(task), EnforcementCaseModel.ACTIVITY_OFFICERS.name())));
    if (Boolean.TRUE.equals(EnforcementCaseModel.NOTIFY_PARTY.get(task)) && !Boolean.TRUE.equals(EnforcementCaseModel.RECORDING_NOTICE_GIVEN.get(task))) {
      throw new CaseRuleViolation("询问或检查前须告知当事人全程录音录像，并在记录中注明（recordingNoticeGiven）",
          "the party must be told the activity is recorded and the record must say so (REC-04)");
    }
    if (Boolean.TRUE.equals(EnforcementCaseModel.WRITTEN_RECORD_REQUIRED.get(task))
        && (blank(EnforcementCaseModel.EXEMPTION_REASON.get(task)) || blank(EnforcementCaseModel.EXEMPTION_BASIS.get(task)))) {
      throw new CaseRuleViolation("不进行音像记录的，须书面记录原因和依据（exemptionReason、exemptionBasis）",
          "an exempted activity needs a written record with reason and basis (REC-03)");
    }
    for (String field : new String[] {"activityRecord", "activityDate", "activityEndedAt"}) {
      if (blank(task.getVariable(field))) {
        throw new CaseRuleViolation("缺少 " + field, field + " is required (REC-11)");
      }
    }
    EnforcementCaseModel.ACTIVITY_RECORDING_IDS.set(task.getExecution(), UserIds.csv(UserIds.of(EnforcementCaseModel.ACTIVITY_RECORDING_IDS.get(task))));
    if (EnforcementCaseModel.MORE_ACTIVITIES.get(task) == null) {
      EnforcementCaseModel.MORE_ACTIVITIES.set(task.getExecution(), false);
    }
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
