package cn.gov.enforcement.casework;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 安排听证, on complete (CASE-03, issue 14 item 3): the appointed hearing officer is stamped as
 * {@value #APPOINTED}; only that person can be given or complete the hearing task
 * ({@code platform.NamedAssigneeOnly}). Who may chair and when the hearing may be is the form's rule
 * {@link HearingScheduleRule}, checked before this listener runs.
 */
@Component("hearingOfficerAppointment")
public class HearingOfficerAppointment implements TaskListener {

  /** The hearing officer as the schedule appointed them (server-stamped); Task_HoldHearing's assignee. */
  static final String APPOINTED = "appointedHearingOfficer";

  @Override
  public void notify(DelegateTask task) {
    // the 举行听证 task is assigned to this stamped copy, which no client can change afterwards
    // (the form field hearingOfficer could be rewritten between scheduling and hearing)
    task.getExecution().setVariable(APPOINTED, EnforcementCaseModel.HEARING_OFFICER.get(task).strip());
  }
}
