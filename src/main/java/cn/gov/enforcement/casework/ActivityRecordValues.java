package cn.gov.enforcement.casework;

import cn.gov.enforcement.identity.CertifiedOfficers;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 记录调查取证活动, on complete: stores the accepted record in the shape the later steps read: the
 * certified officers who took part and the recordings as comma-separated ids, and "no more
 * activities" when the answer is missing. What the record must contain is checked before, by the
 * form {@code case-activity-record} and its rule:
 * <ul>
 *   <li>REC-07: two distinct certified officers took part ({@link ActivityOfficersRule});</li>
 *   <li>REC-04: when {@code recording-requirement} said {@code notifyParty}, the record states that
 *       the party was told (本次执法全程录音录像): {@code recordingNoticeGiven}, required when shown;</li>
 *   <li>REC-03: an exempted activity carries the written work record: reason and basis, required
 *       when {@code writtenRecordRequired};</li>
 *   <li>REC-11: the textual record itself and the activity's day and end time, from which the
 *       upload deadline (REC-08) and the evidence-preservation period (CASE-02) run.</li>
 * </ul>
 */
@Component("activityRecordValues")
public class ActivityRecordValues implements TaskListener {

  private final CertifiedOfficers certifiedOfficers;

  public ActivityRecordValues(CertifiedOfficers certifiedOfficers) {
    this.certifiedOfficers = certifiedOfficers;
  }

  @Override
  public void notify(DelegateTask task) {
    EnforcementCaseModel.ACTIVITY_OFFICERS.set(task.getExecution(),
        UserIds.csv(CertifiedOfficersRule.certifiedAmong(certifiedOfficers, EnforcementCaseModel.ACTIVITY_OFFICERS.get(task))));
    EnforcementCaseModel.ACTIVITY_RECORDING_IDS.set(task.getExecution(), UserIds.csv(UserIds.of(EnforcementCaseModel.ACTIVITY_RECORDING_IDS.get(task))));
    if (EnforcementCaseModel.MORE_ACTIVITIES.get(task) == null) {
      EnforcementCaseModel.MORE_ACTIVITIES.set(task.getExecution(), false);
    }
  }
}
